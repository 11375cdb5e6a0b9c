import {
  getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind,
  type FieldNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, type SelectionSetNode,
} from 'graphql';

/**
 * The names of the fields a connection field selects on its items (`nodes { … }` and
 * `edges { node { … } }`), through inline fragments and fragment spreads. Fields under
 * `@skip`/`@include` count as selected: the set may be larger than what runs, never smaller.
 */
export function connectionNodeFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const fieldsOf = fieldVisitor(info);
  const collect = (set: SelectionSetNode | undefined) => fieldsOf(set, (name) => names.add(name));
  for (const node of info.fieldNodes) {
    fieldsOf(node.selectionSet, (name, set) => {
      if (name === 'nodes') collect(set);
      else if (name === 'edges') fieldsOf(set, (inner, nodeSet) => inner === 'node' && collect(nodeSet));
    });
  }
  return names;
}

/** The names of the fields a list field selects on its items, through fragments (as `connectionNodeFields`). */
export function listItemFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const fieldsOf = fieldVisitor(info);
  for (const node of info.fieldNodes) fieldsOf(node.selectionSet, (name) => names.add(name));
  return names;
}

/**
 * The fields a field selects on its object, by response key (alias or name), each with every
 * node of that key (graphql-js resolves them together, as one field with these `fieldNodes`),
 * through fragments, as graphql-js collects them: what `@skip`/`@include` leave out is left
 * out (with `info.variableValues`), so the nodes are those the field's resolver will get.
 */
export function selectedFieldNodes(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> & { variableValues?: GraphQLResolveInfo['variableValues'] }): Map<string, FieldNode[]> {
  const variables = info.variableValues ?? {};
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true && getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  const byKey = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = byKey.get(key);
        if (nodes) nodes.push(selection);
        else byKey.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, new Set());
  return byKey;
}

/** The names of the fields `selectedFieldNodes` finds (an aliased field by its name). */
export function selectedFieldNames(info: Parameters<typeof selectedFieldNodes>[0]): Set<string> {
  const names = new Set<string>();
  for (const nodes of selectedFieldNodes(info).values()) names.add(nodes[0]!.name.value);
  return names;
}

type FieldVisitor = (set: SelectionSetNode | undefined, visit: (name: string, selectionSet: SelectionSetNode | undefined) => void) => void;

/** Visits the fields of a selection set, looking through inline fragments and fragment spreads (each spread once). */
function fieldVisitor(info: Pick<GraphQLResolveInfo, 'fragments'>): FieldVisitor {
  const fieldsOf = (set: SelectionSetNode | undefined, visit: (name: string, selectionSet: SelectionSetNode | undefined) => void, seen = new Set<string>()): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, visit, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        fieldsOf(info.fragments[selection.name.value]?.selectionSet, visit, seen);
      }
    }
  };
  return (set, visit) => fieldsOf(set, visit);
}
