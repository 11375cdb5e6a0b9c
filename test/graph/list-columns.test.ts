import { parse, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { connectionNodeFields, listItemFields } from '../../src/graph/selection';
import { PRACTICE_COLUMNS, practiceListColumns } from '../../src/practice/practice.store';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';

/** The `info` graphql-js gives the first field of `source`'s operation. */
function infoOf(source: string): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('connectionNodeFields and listItemFields', () => {
  it('reads the fields of a list\'s items through fragments', () => {
    const info = infoOf('{ practices { id ... on Practice { slug } ...Card } } fragment Card on Practice { title }');
    expect([...listItemFields(info)].sort()).toEqual(['id', 'slug', 'title']);
  });

  it('reads the item fields under nodes and edges.node, through inline fragments and fragment spreads', () => {
    const info = infoOf(`
      { practices(first: 5) {
          totalCount
          nodes { id ... on Practice { slug } ...Card }
          edges { cursor node { scope ... @include(if: true) { publishedAt } } }
          pageInfo { endCursor }
      } }
      fragment Card on Practice { title ...Card }`);
    expect([...connectionNodeFields(info)].sort()).toEqual(['id', 'publishedAt', 'scope', 'slug', 'title']);
  });
});

describe('practiceListColumns', () => {
  it('leaves out the texts no selected field shows, keeps the one column order, and reads every column for a field it does not know', () => {
    const card = practiceListColumns(new Set(['id', 'slug', 'title', 'scope', 'objectives', '__typename']));
    expect(card).toContain('t.title');
    for (const text of ['t.summary', 't.lessons_learned', 't.recommendations', 't.takeaway', 't.focal_point']) expect(card).not.toContain(text);
    expect(card).toContain('t.call_id'); // plain columns are always read
    // The field order of a selection makes no new statement text.
    expect(practiceListColumns(new Set(['scope', 'title', 'id']))).toBe(practiceListColumns(new Set(['id', 'title', 'scope'])));
    expect(practiceListColumns(new Set(['title', 'focalPoint']))).toBe(PRACTICE_COLUMNS);
    expect(practiceListColumns(new Set(['title', 'reviews']))).toBe(PRACTICE_COLUMNS);
    expect(practiceListColumns(new Set(['constructor']))).toBe(PRACTICE_COLUMNS);
  });
});

describe('practice lists read the columns their items ask for', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('answers the same items whatever else is selected beside them, even for the same list twice in one request', async () => {
    const result = await execute(server, db.dataSource, `{ objective(number: 10) {
      narrow: practices(first: 8) { nodes { id title scope } }
      wide: practices(first: 8) { nodes { id title scope lessonsLearned completion call { slug } } }
      viaEdges: practices(first: 8) { edges { node { id title } } }
    } }`);
    expect(result.errors).toBeUndefined();
    const { narrow, wide, viaEdges } = result.data!.objective;
    expect(narrow.nodes).toHaveLength(8);
    expect(narrow.nodes).toEqual(wide.nodes.map(({ id, title, scope }: any) => ({ id, title, scope })));
    expect(viaEdges.edges.map((e: any) => e.node)).toEqual(wide.nodes.map(({ id, title }: any) => ({ id, title })));
    // The wide list (every column: \`completion\` is not a list field) really read the others; had
    // both lists shared one batch, one of them would answer with the other's columns.
    expect(wide.nodes.some((n: any) => n.lessonsLearned !== null)).toBe(true);
    expect(wide.nodes.some((n: any) => n.call !== null)).toBe(true);
  });

  it('does the same for a curated view\'s practices', async () => {
    const result = await execute(server, db.dataSource, `{ curatedView(slug: "home") {
      narrow: practices(first: 6) { id title scope objectives { number } implementedBy { name } }
      wide: practices(first: 6) { id title scope objectives { number } implementedBy { name } lessonsLearned completion }
    } }`);
    expect(result.errors).toBeUndefined();
    const { narrow, wide } = result.data!.curatedView;
    expect(narrow).toHaveLength(6);
    expect(narrow).toEqual(wide.map(({ lessonsLearned, completion, ...card }: any) => card));
    expect(wide.some((p: any) => p.lessonsLearned !== null)).toBe(true);
  });

  it.each([
    ['title(locale: FR)'], ['summary(locale: ES)'], ['lessonsLearned'], ['recommendations'], ['takeaway'], ['status'], ['scope'],
    ['startDate'], ['endDate'], ['publishedAt'], ['completion'], ['call { id }'], ['objectives { number }'], ['implementedBy { id }'],
  ])('a list of cards with %s answers it as practice(id:) does', async (field) => {
    const list = await execute(server, db.dataSource, `{ objective(number: 10) { practices(first: 20) { nodes { id value: ${field} } } } }`);
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.objective.practices.nodes;
    expect(nodes).toHaveLength(20);
    const one = await execute(server, db.dataSource, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Practice { id value: ${field} } } }`, { ids: nodes.map((n: any) => n.id) });
    expect(one.errors).toBeUndefined();
    expect(nodes).toEqual(one.data!.nodes);
  });
});
