import { Kind, parse, typeFromAST, valueFromAST, type FragmentDefinitionNode, type GraphQLInputType, type GraphQLResolveInfo, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { committedManifest } from './cache/committed-manifest';
import type { OperationManifest } from './cache/operations-manifest';
import { VIEW_FOLD_SHAPES, viewFoldShapeOf } from './curated-view/curated-view.folds';
import { selectedFieldNodes } from './graph/selection';
import { PRACTICE_FOLD_SHAPES, practiceFoldShapeOf } from './practice/practice.folds';

/** The root fields whose resolvers fold, with their shapes' budget and how a field's shape is found. */
const FOLDING_ROOTS = {
  practice: { shapes: PRACTICE_FOLD_SHAPES, shapeOf: practiceFoldShapeOf },
  curatedView: { shapes: VIEW_FOLD_SHAPES, shapeOf: viewFoldShapeOf },
} as const;

/**
 * Pins the fold shapes of the front-ends' operations (the committed schema/operations
 * manifest) outside the budgets of src/graph/fold.ts, so that a page of the hub always folds,
 * whatever clients sent before it. Each operation's root `practice` and `curatedView` fields
 * are read as their resolvers will read them, with the variables' defaults (a variable
 * without one counts as absent). Returns the shapes pinned.
 */
export function pinFrontEndFoldShapes(schema: GraphQLSchema, manifest: OperationManifest = committedManifest()): string[] {
  const pinned: string[] = [];
  for (const { body } of manifest.operations) {
    const document = parse(body);
    const fragments = Object.fromEntries(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      if (operation.operation !== 'query') continue;
      const variableValues: Record<string, unknown> = {};
      for (const definition of operation.variableDefinitions ?? []) {
        const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
        if (definition.defaultValue && type) variableValues[definition.variable.name.value] = valueFromAST(definition.defaultValue, type);
      }
      const query = { fieldNodes: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'query' }, selectionSet: operation.selectionSet }], fragments, variableValues };
      let fields;
      try {
        fields = selectedFieldNodes(query as never);
      } catch {
        continue; // a directive on a variable without a default: left to the budget
      }
      for (const nodes of fields.values()) {
        const root = FOLDING_ROOTS[nodes[0]!.name.value as keyof typeof FOLDING_ROOTS];
        if (!root) continue;
        const info = { fieldNodes: nodes, fragments, variableValues, schema } as unknown as GraphQLResolveInfo;
        try {
          const shape = root.shapeOf(info);
          if (shape !== null) {
            root.shapes.pin(shape);
            pinned.push(`${nodes[0]!.name.value} ${shape}`);
          }
        } catch {
          // Unreadable without the request's variables: left to the budget.
        }
      }
    }
  }
  return pinned;
}
