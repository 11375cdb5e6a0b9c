import {
  getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind,
  type FieldNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, type SelectionSetNode,
} from 'graphql';

type Variables = GraphQLResolveInfo['variableValues'];

/**
 * The names of the fields a connection field selects on its items (`nodes { … }` and
 * `edges { node { … } }`), through inline fragments and fragment spreads. Fields under
 * `@skip`/`@include` count as selected: the set may be larger than what runs, never smaller.
 */
export function connectionNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const fieldsOf = fieldVisitor(info);
  const collect = (set: SelectionSetNode | undefined) => fieldsOf(set, (field) => names.add(field.name.value));
  for (const node of info.fieldNodes) {
    fieldsOf(node.selectionSet, (field) => {
      if (field.name.value === 'nodes') collect(field.selectionSet);
      else if (field.name.value === 'edges') fieldsOf(field.selectionSet, (inner) => inner.name.value === 'node' && collect(inner.selectionSet));
    });
  }
  return names;
}

/** The names of the fields a list field selects on its items, through fragments (as `connectionNodeFields`). */
export function listItemFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const fieldsOf = fieldVisitor(info);
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, (field) => names.add(field.name.value));
  return names;
}

/**
 * The fields a field selects on its object, by response key (alias or name), each with every
 * node of that key (graphql-js resolves them together, as one field with these `fieldNodes`),
 * through fragments, as graphql-js collects them: what `@skip`/`@include` leave out is left
 * out (with `info.variableValues`), so the nodes are those the field's resolver will get.
 */
export function selectedFieldNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> & { variableValues?: Variables }): Map<string, FieldNode[]> {
  const byKey = new Map<string, FieldNode[]>();
  const fieldsOf = fieldVisitor(info, info.variableValues ?? {});
  for (const node of info.fieldNodes) {
    fieldsOf(node.selectionSet, (field) => {
      const key = field.alias?.value ?? field.name.value;
      const nodes = byKey.get(key);
      if (nodes) nodes.push(field);
      else byKey.set(key, [field]);
    });
  }
  return byKey;
}

/** The names of the fields `selectedFieldNodes` finds (an aliased field by its name). */
export function selectedFieldNames(info: Parameters<typeof selectedFieldNodes>[0]): Set<string> {
  const names = new Set<string>();
  for (const nodes of selectedFieldNodes(info).values()) names.add(nodes[0]!.name.value);
  return names;
}

type FieldVisitor = (set: SelectionSetNode | undefined, visit: (field: FieldNode) => void) => void;

/**
 * Visits the fields of a selection set, looking through inline fragments and fragment spreads
 * (each spread once per call). With `variables`, what `@skip`/`@include` leave out is not
 * visited; without, every field is.
 */
function fieldVisitor(info: Pick<GraphQLResolveInfo, 'fragments'>, variables?: Variables): FieldVisitor {
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean => variables === undefined
    || (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false);
  const fieldsOf = (set: SelectionSetNode | undefined, visit: (field: FieldNode) => void, seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, visit, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        fieldsOf(info.fragments[selection.name.value]?.selectionSet, visit, seen);
      }
    }
  };
  return (set, visit) => fieldsOf(set, visit, new Set());
}
