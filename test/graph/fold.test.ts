import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { ANONYMOUS, Role, type Principal } from '../../src/auth/principal';
import { VisibilityPolicy } from '../../src/auth/visibility';
import { createContext, type Context } from '../../src/context';
import { foldExpression, foldedStatement, splitLiterals } from '../../src/graph/fold';
import { PRACTICE_FOLD_SHAPES, practiceFolds, practiceLookupLoader } from '../../src/practice/practice.folds';
import { VIEW_FOLD_SHAPES, viewItemsLoader, viewListColumns, viewLookupLoader } from '../../src/curated-view/curated-view.folds';
import { pinFrontEndFoldShapes } from '../../src/fold-pins';
import type { ViewList } from '../../src/curated-view/curated-view.store';
import { buildHubSchema } from '../../src/federation/subgraph-schema';
import type { GraphQLSchema } from 'graphql';
import type { HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { EDITOR, execute, principal, startTestServer } from '../support/graphql';

/** The `info` graphql-js gives the first field of `source`'s operation (with `schema` and `variables` when a resolver needs them). */
function infoOf(source: string, schema?: GraphQLSchema, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments, schema, variableValues } as unknown as GraphQLResolveInfo;
}

/** Each practice relation that can be folded, and the loader its field resolver asks. */
const LOADERS = {
  regions: 'regionsOfPractice', countries: 'countriesOfPractice', objectives: 'objectivesOfPractice', guidingPrinciples: 'principlesOfPractice',
  implementedBy: 'implementersOfPractice', partners: 'partnersOfPractice', call: 'call', reviews: 'reviewsOfPractice',
  resources: 'resourcesOfPractice', events: 'eventsOfPractice',
} as const;

const EVERY_RELATION = `{ practice { id ${Object.keys(LOADERS).map((field) => `${field} { __typename }`).join(' ')} } }`;

/** What the field resolver of `field` gets from `ctx`'s loaders for practice `row`. */
function relationOf(ctx: Context, field: keyof typeof LOADERS, row: { id: string; callId?: string | null }): Promise<unknown> {
  if (field === 'call') return row.callId ? ctx.loaders.call.load(row.callId) : Promise.resolve(null);
  return (ctx.loaders[LOADERS[field]] as { load(id: string): Promise<unknown> }).load(row.id);
}

describe('foldExpression', () => {
  it('takes a loader statement with its parent keys as one "= ANY($1::uuid[])"; any other parameter is the parent statement\'s', () => {
    const ok = foldExpression({ statement: 'SELECT l.x AS parent, o.y FROM l JOIN o ON o.id = l.o WHERE l.x = ANY($1::uuid[]) ORDER BY o.y', kind: 'many', key: 'id' });
    expect(ok).toContain('= __parent_row.id');
    expect(ok).not.toContain('$1');
    expect(foldExpression({ statement: 'SELECT 1 FROM v WHERE v.slug = ANY($1::text[])', kind: 'many', key: 'slug' })).toContain('v.slug = __parent_row.slug');
    expect(foldExpression({ statement: 'SELECT 1 FROM t WHERE t.id = ANY($1::uuid[]) LIMIT ($2::int[])[1]', kind: 'many', key: 'id' })).toContain('LIMIT ($2::int[])[1]');
    expect(() => foldExpression({ statement: 'SELECT 1 FROM t WHERE t.slug = ANY($1::int[])', kind: 'many', key: 'id' })).toThrow(/one "= ANY\(\$1::uuid\[\]\)"/);
    expect(() => foldExpression({ statement: 'SELECT 1 FROM t WHERE t.a = ANY($1::uuid[]) OR t.b = ANY($1::uuid[])', kind: 'many', key: 'id' })).toThrow(/one "= ANY/);
    expect(() => foldExpression({ statement: 'SELECT 1 FROM t WHERE t.id = ANY($1::uuid[]) AND t.n <> $1[1]', kind: 'many', key: 'id' })).toThrow(/\$1 \(the parent keys\) may appear only/);
  });

  it('leaves quoted literals alone: a caller\'s id quoted into the text may read like a parameter', () => {
    const literal = "'o''brien $1 = ANY($1::uuid[]) $2'";
    const expression = foldExpression({ statement: `SELECT 1 FROM t WHERE t.id = ANY($1::uuid[]) AND t.created_by = ${literal} AND t.x = E'\\\\'`, kind: 'many', key: 'id' });
    expect(expression).toContain(`t.created_by = ${literal}`);
    expect(expression).toContain('t.id = __parent_row.id');
    expect(splitLiterals("a 'b''c' d E'\\\\' e")).toEqual(['a ', "'b''c'", ' d E', "'\\\\'", ' e']);
    expect(() => splitLiterals("a 'b")).toThrow(/unterminated/);
  });

  it('leaves a statement without folds as it is, and names the folded one in a leading comment', () => {
    const folds = practiceFolds(new VisibilityPolicy(ANONYMOUS));
    expect(foldedStatement('practicesById', 'SELECT 1', folds, [])).toBe('SELECT 1');
    expect(foldedStatement('practicesById', 'SELECT t.id FROM practice t', folds, ['regions', 'call'])).toMatch(/^\/\* practicesById\+regions\+call \*\/ SELECT/);
  });

  it('every practice fold is a statement it can fold', () => {
    for (const principal of [ANONYMOUS, EDITOR]) {
      const folds = practiceFolds(new VisibilityPolicy(principal));
      expect(Object.keys(folds).sort()).toEqual(Object.keys(LOADERS).sort());
      for (const fold of Object.values(folds)) expect(() => foldExpression(fold)).not.toThrow();
    }
  });
});

describe('a practice read with its relations folded in', () => {
  const ODD_SUB = "auth0|o'brien$1 = ANY($1::uuid[]) \\ $2b$10";
  let oddPractice: string;
  let db: TestDatabase;
  let server: HubServer;
  let ids: string[];
  let slugs: string[];
  let principals: [string, Principal][];
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await startTestServer(db.dataSource);
    const practices = await db.dataSource.query('SELECT id, slug FROM practice ORDER BY id');
    ids = practices.map((p: { id: string }) => p.id);
    slugs = practices.map((p: { slug: string }) => p.slug);
    const [{ created_by: submitter }] = await db.dataSource.query("SELECT created_by FROM practice WHERE created_by IS NOT NULL AND status <> 'PUBLISHED' LIMIT 1");
    const [{ reviewer_id: reviewer }] = await db.dataSource.query('SELECT reviewer_id FROM review WHERE practice_id IS NOT NULL LIMIT 1');
    // A submitter whose id (any string a token may carry) reads like SQL: quoted into the
    // visibility predicates, it must stay a literal. They own a practice sent back with reviews.
    const [{ id: returned }] = await db.dataSource.query(`SELECT p.id FROM practice p WHERE p.status IN ('CHANGES_REQUESTED', 'REJECTED')
      AND EXISTS (SELECT 1 FROM review r WHERE r.practice_id = p.id) ORDER BY p.id LIMIT 1`);
    await db.dataSource.query('UPDATE practice SET created_by = $1 WHERE id = $2', [ODD_SUB, returned]);
    oddPractice = returned;
    principals = [
      ['anonymous', ANONYMOUS], ['an editor', EDITOR], ['a submitter', principal(submitter, [Role.MEMBER])],
      ['a reviewer', principal('reviewer-1', [Role.REVIEWER], reviewer)], ['a submitter with an odd id', principal(ODD_SUB, [Role.MEMBER])],
    ];
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('primes every relation\'s loader with exactly what the loader reads, for every practice and every kind of caller', async () => {
    expect(ids.length).toBeGreaterThan(50);
    for (const [, who] of principals) {
      const folded = createContext({ dataSource: db.dataSource, principal: who });
      const plain = createContext({ dataSource: db.dataSource, principal: who });
      const rows = await practiceLookupLoader(folded, 'id', infoOf(EVERY_RELATION)).loadMany(ids);
      expect(folded.statements.count).toBe(1); // every practice, every relation
      const plainRows = await plain.loaders.practice.loadMany(ids);
      expect(rows).toStrictEqual(plainRows);
      const visible = rows.filter((row): row is NonNullable<typeof row> & { id: string; slug: string } => row !== null && !(row instanceof Error));
      let compared = 0;
      for (const field of Object.keys(LOADERS) as (keyof typeof LOADERS)[]) {
        const mine = await Promise.all(visible.map((row) => relationOf(folded, field, row)));
        const theirs = await Promise.all(visible.map((row) => relationOf(plain, field, row)));
        visible.forEach((row, i) => {
          expect({ practice: row.slug, field, value: mine[i] }).toStrictEqual({ practice: row.slug, field, value: theirs[i] });
          if (Array.isArray(theirs[i]) ? (theirs[i] as unknown[]).length > 0 : theirs[i] !== null) compared += 1;
        });
      }
      expect(folded.statements.count).toBe(1); // the loaders answered from what was primed
      expect(compared).toBeGreaterThan(100);
    }
  });

  it('by slug too, and reads only the relations the selection asks for (through fragments)', async () => {
    const ctx = createContext({ dataSource: db.dataSource });
    const info = infoOf('{ practice { id ...Card ... on Practice { events { id } } } } fragment Card on Practice { title regions { code } }');
    const [row] = await practiceLookupLoader(ctx, 'slug', info).loadMany([slugs[0]]);
    expect(ctx.statements.count).toBe(1);
    expect(row).not.toBeNull();
    const names = Object.keys(row as object).filter((key) => key.startsWith('__'));
    expect(names).toEqual([]); // the folds' columns are taken off the row
    await ctx.loaders.regionsOfPractice.load((row as { id: string }).id);
    await ctx.loaders.eventsOfPractice.load((row as { id: string }).id);
    expect(ctx.statements.count).toBe(1);
    await ctx.loaders.reviewsOfPractice.load((row as { id: string }).id); // not selected: its own statement
    expect(ctx.statements.count).toBe(2);
  });

  it('the practice page is 3 statements: the practice with its relations, its implementers\' countries, its objectives\' practices', async () => {
    const query = readFileSync(path.join('schema', 'operations', 'practice.graphql'), 'utf8');
    const slug = 'global-guidance-on-child-sensitive-anti-trafficking-responses';
    const folded = await execute(server, db.dataSource, query, { slug });
    const naive = await execute(server, db.dataSource, query, { slug }, { batching: false });
    expect(folded.errors).toBeUndefined();
    expect(folded.data!.practice.slug).toBe(slug);
    expect(folded.data).toEqual(naive.data);
    expect(folded.statements).toBe(3);
    expect(folded.sql[0]).toMatch(/^\/\* practicesBySlug\+regions\+countries\+objectives\+guidingPrinciples\+implementedBy\+partners\+call\+reviews\+resources\+events \*\//);
    // The naive comparator (no loader cache, so nothing to prime) folds nothing.
    expect(naive.sql.some((s) => s.includes('__fold_'))).toBe(false);
    expect(naive.statements).toBeGreaterThan(10);
  });

  it('answers as without folds for each kind of caller, by id and by slug, for published and unpublished practices', async () => {
    const query = `query($id: ID, $slug: String) { practice(id: $id, slug: $slug) {
      id status title regions { code name } countries { code name } objectives { number shortTitle } guidingPrinciples { code title }
      implementedBy { id name } partners { id name } call { slug isOpen deadline } reviews { id decision score submittedAt round }
      resources { id slug status } events { id slug startsAt endsAt } } }`;
    const [{ id: draft, slug: draftSlug }] = await db.dataSource.query("SELECT id, slug FROM practice WHERE status <> 'PUBLISHED' ORDER BY id LIMIT 1");
    const [{ id: published, slug: publishedSlug }] = await db.dataSource.query(`SELECT p.id, p.slug FROM practice p WHERE p.status = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM review r WHERE r.practice_id = p.id) AND EXISTS (SELECT 1 FROM event_practice e WHERE e.practice_id = p.id) ORDER BY p.id LIMIT 1`);
    for (const [who, caller] of principals) {
      for (const variables of [{ id: draft }, { slug: draftSlug }, { id: published }, { slug: publishedSlug }]) {
        const folded = await execute(server, db.dataSource, query, variables, { principal: caller });
        const naive = await execute(server, db.dataSource, query, variables, { principal: caller, batching: false });
        expect(folded.errors).toBeUndefined();
        expect({ who, variables, data: folded.data }).toEqual({ who, variables, data: naive.data });
        expect(folded.statements).toBe(1);
      }
    }
  });

  it('a caller whose id reads like SQL gets their practice page, reviews included, as without folds', async () => {
    const query = readFileSync(path.join('schema', 'operations', 'practice.graphql'), 'utf8');
    const [{ slug }] = await db.dataSource.query('SELECT slug FROM practice WHERE id = $1', [oddPractice]);
    const caller = principal(ODD_SUB, [Role.MEMBER]);
    const folded = await execute(server, db.dataSource, query, { slug }, { principal: caller });
    const naive = await execute(server, db.dataSource, query, { slug }, { principal: caller, batching: false });
    expect(folded.errors).toBeUndefined();
    expect(folded.data!.practice.reviews.length).toBeGreaterThan(0); // theirs to see: the practice was sent back
    expect(folded.data).toEqual(naive.data);
    // The practice with every relation in one statement; then only the second level (its
    // countries' regions and implementers' countries, its objectives' practices).
    expect(folded.sql[0]).toMatch(/^\/\* practicesBySlug\+.*\+reviews\+/);
    expect(folded.sql.slice(1).map((q) => /^\/\* (\w+)/.exec(q)![1]).sort()).toEqual(['countriesByCode', 'practicesBy_objective', 'regionsByCode']);
    // Anonymous callers see none of it: the practice is not published.
    expect((await execute(server, db.dataSource, query, { slug })).data!.practice).toBeNull();
  });

  it('a relation left out by @skip or @include is not folded', async () => {
    const query = `query($no: Boolean!) { practice(slug: "global-guidance-on-child-sensitive-anti-trafficking-responses") {
      regions { code } reviews @include(if: $no) { id } ... @skip(if: true) { events { id } } ...More @include(if: $no) } }
      fragment More on Practice { partners { id } }`;
    const result = await execute(server, db.dataSource, query, { no: false });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data!.practice)).toEqual(['regions']);
    expect(result.sql[0]).toMatch(/^\/\* practicesBySlug\+regions \*\//);
    const all = await execute(server, db.dataSource, query, { no: true });
    expect(all.sql[0]).toMatch(/^\/\* practicesBySlug\+regions\+partners\+reviews \*\//);
  });

  it('folds at most 64 shapes: past them a new selection loads its relations as without folds, a known one still folds', async () => {
    const page = readFileSync(path.join('schema', 'operations', 'practice.graphql'), 'utf8');
    const slug = 'global-guidance-on-child-sensitive-anti-trafficking-responses';
    expect((await execute(server, db.dataSource, page, { slug })).statements).toBe(3); // the page's shape is known
    const fields = Object.keys(LOADERS);
    try {
      // Selections of 1, 2 and 3 relations: far more than 64 shapes, all by slug.
      const subsets = fields.flatMap((a, i) => [[a], ...fields.slice(i + 1).flatMap((b, j) => [[a, b], ...fields.slice(i + j + 2).map((c) => [a, b, c])])]);
      expect(subsets.length).toBeGreaterThan(PRACTICE_FOLD_SHAPES.max);
      const statements: number[] = [];
      for (const subset of subsets.slice(0, 80)) {
        const query = `query($s: String!) { practice(slug: $s) { slug ${subset.map((f) => `${f} { __typename }`).join(' ')} } }`;
        const folded = await execute(server, db.dataSource, query, { s: slug });
        const naive = await execute(server, db.dataSource, query, { s: slug }, { batching: false });
        expect(folded.errors).toBeUndefined();
        expect(folded.data).toEqual(naive.data);
        statements.push(folded.statements);
      }
      expect(PRACTICE_FOLD_SHAPES.size).toBe(PRACTICE_FOLD_SHAPES.max);
      expect(statements.slice(0, 40).every((n) => n === 1)).toBe(true); // folded while under the budget
      expect(statements.slice(-10).every((n) => n > 1)).toBe(true); // then the relations load by themselves
      expect((await execute(server, db.dataSource, page, { slug })).statements).toBe(3);
    } finally {
      PRACTICE_FOLD_SHAPES.clear();
    }
  });

  it('the front-ends\' pages are pinned: they fold even when clients have used the budgets up first', async () => {
    // The server pinned them when it started.
    try {
      PRACTICE_FOLD_SHAPES.clear();
      VIEW_FOLD_SHAPES.clear();
      for (let i = 0; i < 64; i++) {
        expect(PRACTICE_FOLD_SHAPES.admit(`junk ${i}`)).toBe(true);
        expect(VIEW_FOLD_SHAPES.admit(`junk ${i}`)).toBe(true);
      }
      const slug = 'global-guidance-on-child-sensitive-anti-trafficking-responses';
      const page = (file: string) => readFileSync(path.join('schema', 'operations', file), 'utf8');
      expect((await execute(server, db.dataSource, page('practice.graphql'), { slug })).statements).toBe(3);
      expect((await execute(server, db.dataSource, page('home.graphql'))).statements).toBe(3);
      // Any other selection is past the budget: not folded.
      expect((await execute(server, db.dataSource, '{ curatedView(slug: "home") { events { id } } }')).statements).toBe(2);
      expect((await execute(server, db.dataSource, `{ practice(slug: "${slug}") { regions { code } } }`)).statements).toBe(2);
    } finally {
      PRACTICE_FOLD_SHAPES.clear();
      VIEW_FOLD_SHAPES.clear();
    }
    const pinned = pinFrontEndFoldShapes((await buildHubSchema()).schema);
    expect(pinned).toContain('practice slug:regions,countries,objectives,guidingPrinciples,implementedBy,partners,call,reviews,resources,events');
    expect(pinned.filter((shape) => shape.startsWith('curatedView practices:t.id, t.slug, t.title, t.summary, t.status'))).toHaveLength(1);
  });

  it('two lookups with different selections in one request each get their own relations', async () => {
    const [a, b] = slugs;
    const result = await execute(server, db.dataSource, `query($a: String!, $b: String!) {
      a: practice(slug: $a) { slug regions { code } }
      b: practice(slug: $b) { slug events { id } regions { code } }
      c: practice(slug: $a) { slug }
      none: practice(slug: "no-such-practice") { slug regions { code } }
    }`, { a, b }, { principal: EDITOR });
    expect(result.errors).toBeUndefined();
    const alone = async (slug: string, fields: string) => (await execute(server, db.dataSource, `query($s: String!) { practice(slug: $s) { slug ${fields} } }`, { s: slug }, { principal: EDITOR, batching: false })).data!.practice;
    expect(result.data!.a).toEqual(await alone(a, 'regions { code }'));
    expect(result.data!.b).toEqual(await alone(b, 'events { id } regions { code }'));
    expect(result.data!.c).toEqual({ slug: a });
    expect(result.data!.none).toBeNull();
  });
});

describe('a curated view read with its lists folded in', () => {
  const LISTS: readonly ViewList[] = ['practices', 'resources', 'events', 'communityGroups'];
  let db: TestDatabase;
  let server: HubServer;
  let schema: GraphQLSchema;
  let slugs: string[];
  let principals: [string, Principal][];
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await startTestServer(db.dataSource);
    schema = (await buildHubSchema()).schema;
    slugs = (await db.dataSource.query('SELECT slug FROM curated_view ORDER BY slug')).map((v: { slug: string }) => v.slug);
    const [{ created_by: submitter }] = await db.dataSource.query("SELECT created_by FROM practice WHERE created_by IS NOT NULL AND status <> 'PUBLISHED' LIMIT 1");
    principals = [['anonymous', ANONYMOUS], ['an editor', EDITOR], ['a submitter', principal(submitter, [Role.MEMBER])]];
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it.each([[0], [3], [6], [40]])('primes each list\'s loader (and its items\' relations) with exactly what it reads, first: %i, for every view and caller', async (first) => {
    expect(slugs.length).toBe(24);
    const source = `query($n: Int) { curatedView(slug: "home") {
      practices(first: $n) { id title scope objectives { number } implementedBy { id } }
      resources(first: ${first}) { id publisher { id } } events(first: $n) { id communityGroup { id } } communityGroups(first: $n) { id objectives { number } } } }`;
    for (const [, who] of principals) {
      const info = infoOf(source, schema, { n: first });
      const folded = createContext({ dataSource: db.dataSource, principal: who });
      const plain = createContext({ dataSource: db.dataSource, principal: who });
      const views = await viewLookupLoader(folded, info).loadMany(slugs);
      expect(views).toStrictEqual(await plain.loaders.view.loadMany(slugs));
      expect(folded.statements.count).toBe(1);
      let items = 0;
      for (const list of LISTS) {
        const listInfo = { fieldNodes: [((info.fieldNodes[0].selectionSet!.selections) as FieldNode[]).find((f) => f.name.value === list)!], fragments: {} };
        const columns = viewListColumns(list, listInfo);
        const mine = await viewItemsLoader<any>(folded, list, first, columns).loadMany(slugs);
        const theirs = await viewItemsLoader<any>(plain, list, first, columns).loadMany(slugs);
        expect(mine).toStrictEqual(theirs);
        items += theirs.flat().length;
        // The relations the view's statement brings along for its items were primed as well.
        const rows = (theirs as any[][]).flat();
        const related = async (ctx: Context) => Promise.all(rows.map((row) =>
          list === 'practices' ? Promise.all([ctx.loaders.objectivesOfPractice.load(row.id), ctx.loaders.implementersOfPractice.load(row.id)])
            : list === 'communityGroups' ? ctx.loaders.objectivesOfGroup.load(row.id)
              : list === 'resources' ? (row.publisherId ? ctx.loaders.organization.load(row.publisherId) : null)
                : (row.communityGroupId ? ctx.loaders.group.load(row.communityGroupId) : null)));
        expect(await related(folded)).toStrictEqual(await related(plain));
      }
      expect(folded.statements.count).toBe(1); // every list and relation came with the views
      if (first > 0) expect(items).toBeGreaterThan(24 * first);
    }
  });

  it('the home page is 3 statements: the view with its four lists, the objectives, the open calls', async () => {
    const query = readFileSync(path.join('schema', 'operations', 'home.graphql'), 'utf8');
    const folded = await execute(server, db.dataSource, query, { first: 6 });
    const naive = await execute(server, db.dataSource, query, { first: 6 }, { batching: false });
    expect(folded.errors).toBeUndefined();
    expect(folded.data!.curatedView.practices).toHaveLength(6);
    expect(folded.data).toEqual(naive.data);
    expect(folded.statements).toBe(3);
    expect(folded.sql.filter((s) => s.startsWith('/* viewsBySlug+practices+resources+events+communityGroups */'))).toHaveLength(1);
    expect(naive.sql.some((s) => s.includes('__fold_'))).toBe(false);
  });

  it('folds the first alias of a list; another alias, with its own size and fields, loads by itself and answers right', async () => {
    const result = await execute(server, db.dataSource, `query($n: Int) { curatedView(slug: "objective-10") {
      ...Lists
      wide: practices(first: 4) { id title summary }
      practices(first: $n) { scope }
    } } fragment Lists on CuratedView { practices(first: $n) { id title } events { id } }`, { n: 3 });
    expect(result.errors).toBeUndefined();
    const view = result.data!.curatedView;
    expect(view.practices).toHaveLength(3);
    expect(view.practices[0]).toEqual({ id: expect.any(String), title: expect.any(String), scope: expect.any(String) });
    expect(view.wide).toHaveLength(4);
    expect(view.wide.slice(0, 3).map((p: any) => p.id)).toEqual(view.practices.map((p: any) => p.id));
    expect(view.events).toHaveLength(6); // the default size
    expect(result.statements).toBe(2); // the view with `practices` and `events`, then `wide`
  });

  it('one statement text whatever the order of the lists and their sizes (the sizes are a parameter)', async () => {
    const a = await execute(server, db.dataSource, '{ curatedView(slug: "home") { events(first: 2) { id } practices(first: 3) { id } } }');
    const b = await execute(server, db.dataSource, '{ curatedView(slug: "home") { practices(first: 7) { id } events { id } } }');
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.statements).toBe(1);
    expect(b.statements).toBe(1);
    expect(a.sql[0]).toBe(b.sql[0]);
    expect([a.data!.curatedView.events.length, a.data!.curatedView.practices.length]).toEqual([2, 3]);
    expect([b.data!.curatedView.events.length, b.data!.curatedView.practices.length]).toEqual([6, 7]);
  });

  it('a list left out by @skip or @include is not folded; the one that runs is', async () => {
    const result = await execute(server, db.dataSource, `query($yes: Boolean!) { curatedView(slug: "home") {
      big: practices(first: 100) @skip(if: $yes) { id }
      practices(first: 2) { id }
      ...Texts @include(if: false)
    } } fragment Texts on CuratedView { practices(first: 2) { summary } }`, { yes: true });
    expect(result.errors).toBeUndefined();
    expect(result.data!.curatedView).toEqual({ practices: [{ id: expect.any(String) }, { id: expect.any(String) }] });
    expect(result.statements).toBe(1); // the fold primed the key (size 2, no summary) the list asks for
  });

  it('an invalid size is the field\'s own error, as without folds', async () => {
    const query = '{ curatedView(slug: "home") { slug practices(first: 500) { id } events(first: 2) { id } } }';
    const result = await execute(server, db.dataSource, query);
    const naive = await execute(server, db.dataSource, query, {}, { batching: false });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/first must be between 0 and 100; got 500/);
    expect(result.errors?.[0]?.path).toEqual(['curatedView', 'practices']);
    expect(result.data).toEqual({ curatedView: null }); // the list is non-null: its error nulls the view
    expect(result.data).toEqual(naive.data);
    const plainly = (errors: typeof result.errors) => errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code }));
    expect(plainly(result.errors)).toEqual(plainly(naive.errors));
  });
});
