import './apollo-dev-mode';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache, gql, setLogVerbosity, type DocumentNode, type TypedDocumentNode } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { relayStylePagination } from '@apollo/client/utilities';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, isUnionType, Kind, type OperationDefinitionNode } from 'graphql';
import { possibleTypes, typePolicies } from '../../src/client/type-policies';
import { buildHubSchema } from '../../src/federation/subgraph-schema';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';

type Connection = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null };
  edges?: { cursor: string; node: { id: string } }[];
  nodes?: { id: string }[];
};

const OPERATIONS = path.join('schema', 'operations');
const operation = (file: string): DocumentNode => gql(readFileSync(path.join(OPERATIONS, file), 'utf8'));

/** Query.practices, once through `edges` and once through the `nodes` shortcut. */
const PRACTICES_BY_EDGES: TypedDocumentNode<{ practices: Connection }> = gql`
  query PracticesByEdges($first: Int, $after: String, $filter: PracticeFilter) {
    practices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id slug title scope objectives { number shortTitle } regions { code name } } }
    }
  }
`;
const PRACTICES_BY_NODES: TypedDocumentNode<{ practices: Connection }> = gql`
  query PracticesByNodes($first: Int, $after: String, $filter: PracticeFilter) {
    practices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      nodes { id slug title objectives { id number } }
    }
  }
`;

const PAGE = 5;

describe('Apollo Client 4 against the served graph (src/client/type-policies.ts)', () => {
  let db: TestDatabase;
  let server: HubServer;
  let url: string;
  /** The objective with the most published practices, and a page size that makes three full pages and more of them. */
  let objective: number;
  let OBJECTIVE_PAGE: number;
  /** Everything Apollo says: console.warn/error/log/info/debug, at its most verbose. */
  let said: string[];
  let spies: jest.SpyInstance[];

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 53, scale: 'tiny' } });
    server = await createServer({ dataSource: db.dataSource, production: false, debugSql: false });
    url = await server.listen(0, '127.0.0.1');
    const [busiest] = await db.dataSource.query(`SELECT l.objective_number AS objective, count(*)::int AS practices FROM practice_objective l
      JOIN practice p ON p.id = l.practice_id WHERE p.status = 'PUBLISHED' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    objective = busiest.objective;
    OBJECTIVE_PAGE = Math.min(PAGE, Math.floor((busiest.practices - 1) / 3));
    expect(OBJECTIVE_PAGE).toBeGreaterThanOrEqual(2);
    loadDevMessages();
    loadErrorMessages();
    setLogVerbosity('debug');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });
  beforeEach(() => {
    said = [];
    spies = (['warn', 'error', 'log', 'info', 'debug'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void said.push(`console.${method}: ${format(...args)}`)),
    );
  });
  afterEach(() => spies.forEach((spy) => spy.mockRestore()));

  const newClient = (cache = new InMemoryCache({ typePolicies, possibleTypes })) => new ApolloClient({ link: new HttpLink({ uri: url }), cache });

  /**
   * A watched query, as a mounted component holds it: `current()` is what it shows once settled,
   * `more(after)` is its "load more" (fetchMore, then the re-render that follows the cache update).
   */
  const watch = async <Data>(client: ApolloClient, query: TypedDocumentNode<Data> | DocumentNode, variables: Record<string, unknown>) => {
    const watched = client.watchQuery<Data>({ query, variables });
    const subscription = watched.subscribe({ next: () => undefined });
    // What the component shows once the cache has told it (a broadcast follows each write, a tick later).
    const settled = async () => {
      for (let tick = 0; tick < 200; tick++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const result = watched.getCurrentResult();
        if (!result.loading && result.data) return result.data as Data;
      }
      const missing = client.cache.diff({ query, variables: watched.variables, returnPartialData: true, optimistic: false }).missing;
      throw new Error(`the watched query did not settle: ${JSON.stringify({ ...watched.getCurrentResult(), data: undefined })} ${missing?.message}`);
    };
    await settled();
    return {
      current: settled,
      more: async (after: string | null) => {
        const page = await watched.fetchMore({ variables: { after } });
        await settled();
        return page.data as Data;
      },
      close: () => subscription.unsubscribe(),
    };
  };

  /** The server's own answer, over plain HTTP. */
  const serverSays = async (query: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data: Record<string, any>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  it('the objective page, then three pages of its practices by fetchMore: all three in the cache, in order, once each, without a warning', async () => {
    const client = newClient();
    const query = operation('objective.graphql');
    const page = await watch<{ objective: { practices: Connection } }>(client, query, { number: objective, first: OBJECTIVE_PAGE });
    try {
      const page1 = (await page.current()).objective.practices;
      expect(page1.totalCount).toBeGreaterThan(3 * OBJECTIVE_PAGE);
      expect(page1.edges).toHaveLength(OBJECTIVE_PAGE);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      await page.more(page1.pageInfo.endCursor);
      expect((await page.current()).objective.practices.edges).toHaveLength(2 * OBJECTIVE_PAGE);
      await page.more((await page.current()).objective.practices.pageInfo.endCursor);

      const merged = (await page.current()).objective.practices;
      const truth = await serverSays(`{ objective(number: ${objective}) { practices(first: ${3 * OBJECTIVE_PAGE}) { totalCount edges { cursor node { id } } } } }`);
      const expected = truth.objective.practices.edges as { cursor: string; node: { id: string } }[];
      expect(merged.edges!.map((e) => e.node.id)).toEqual(expected.map((e) => e.node.id));
      expect(merged.edges!.map((e) => e.cursor)).toEqual(expected.map((e) => e.cursor));
      expect(new Set(merged.edges!.map((e) => e.node.id)).size).toBe(3 * OBJECTIVE_PAGE);
      expect(merged.pageInfo.endCursor).toBe(expected[3 * OBJECTIVE_PAGE - 1].cursor);
      expect(merged.totalCount).toBe(truth.objective.practices.totalCount);

      // The cache itself holds the three pages: a read of the page's query, and each practice normalized once.
      const read = client.readQuery<{ objective: { practices: Connection } }>({ query, variables: { number: objective, first: OBJECTIVE_PAGE } });
      expect(read!.objective.practices.edges!.map((e) => e.node.id)).toEqual(expected.map((e) => e.node.id));
      const stored = client.cache.extract() as Record<string, Record<string, unknown>>;
      for (const { node } of expected) expect(stored[`Practice:${node.id}`]).toMatchObject({ __typename: 'Practice', id: node.id });
      // The page selects objectives by `number`: normalized all the same, under their node id.
      expect(stored[`Objective:objective-${objective}`]).toMatchObject({ __typename: 'Objective', number: objective });
      expect(client.cache.identify({ __typename: 'Objective', number: objective })).toBe(`Objective:objective-${objective}`);
      expect(client.cache.identify({ __typename: 'Objective', id: `objective-${objective}` })).toBe(`Objective:objective-${objective}`);
    } finally {
      page.close();
      client.stop();
    }
    expect(said).toEqual([]);
  });

  it.each([
    ['edges', PRACTICES_BY_EDGES],
    ['nodes', PRACTICES_BY_NODES],
  ] as const)('Query.practices through %s: three pages by fetchMore, merged in order; another filter is another list', async (_via, query) => {
    const client = newClient();
    const list = (data: { practices: Connection } | undefined) => {
      const c = data!.practices;
      return c.edges ? c.edges.map((e) => e.node.id) : c.nodes!.map((n) => n.id);
    };
    const page = await watch(client, query, { first: PAGE });
    try {
      for (let n = 2; n <= 3; n++) await page.more((await page.current()).practices.pageInfo.endCursor);
      const truth = await serverSays(`{ practices(first: ${3 * PAGE}) { nodes { id } } }`);
      const expected = (truth.practices.nodes as { id: string }[]).map((n) => n.id);
      expect(list(await page.current())).toEqual(expected);
      expect(list(client.readQuery({ query, variables: { first: PAGE } })!)).toEqual(expected);

      // keyArgs: a filtered list is cached apart, and leaves the unfiltered one whole.
      const filtered = await client.query({ query, variables: { first: PAGE, filter: { objectives: [objective] } } });
      const filteredTruth = await serverSays(`{ practices(first: ${PAGE}, filter: { objectives: [${objective}] }) { nodes { id } } }`);
      expect(list(filtered.data)).toEqual((filteredTruth.practices.nodes as { id: string }[]).map((n) => n.id));
      expect(list(client.readQuery({ query, variables: { first: PAGE } })!)).toEqual(expected);
    } finally {
      page.close();
      client.stop();
    }
    expect(said).toEqual([]);
  });

  it('one list through nodes, then edges, then totalCount alone: edges come from the server, never an empty cache entry, and the pages stay', async () => {
    const client = newClient();
    const page = await watch(client, PRACTICES_BY_NODES, { first: PAGE });
    try {
      await page.more((await page.current()).practices.pageInfo.endCursor);
      expect((await page.current()).practices.nodes).toHaveLength(2 * PAGE);
      const truth = await serverSays(`{ practices(first: ${2 * PAGE}) { totalCount pageInfo { startCursor } nodes { id } } }`);
      // The cached list still starts at the start.
      expect((await page.current()).practices.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

      // The cache holds no edges for this list: an edges query goes to the server (cache-first).
      const byEdges = await client.query({ query: PRACTICES_BY_EDGES, variables: { first: PAGE } });
      expect(byEdges.data!.practices.edges!.map((e) => e.node.id)).toEqual((truth.practices.nodes as { id: string }[]).slice(0, PAGE).map((n) => n.id));
      // Its first page restarts the list, for both shapes.
      const restarted = client.readQuery({ query: PRACTICES_BY_NODES, variables: { first: PAGE } });
      expect(restarted!.practices.nodes!.map((n) => n.id)).toEqual(byEdges.data!.practices.edges!.map((e) => e.node.id));

      expect((await page.current()).practices.nodes).toHaveLength(PAGE);
      await page.more(restarted!.practices.pageInfo.endCursor);
      const count = await client.query<{ practices: { totalCount: number } }>({ query: gql`{ practices(first: 0) { totalCount } }`, fetchPolicy: 'network-only' });
      expect(count.data!.practices.totalCount).toBe(truth.practices.totalCount);
      const after = client.readQuery({ query: PRACTICES_BY_NODES, variables: { first: PAGE } });
      expect(after!.practices.nodes!.map((n) => n.id)).toEqual((truth.practices.nodes as { id: string }[]).map((n) => n.id));
    } finally {
      page.close();
      client.stop();
    }
    expect(said).toEqual([]);
  });

  it('every front-end operation of schema/operations, in one cache, twice with other page sizes: no warning', async () => {
    const [practice] = await db.dataSource.query(`SELECT slug FROM practice WHERE status = 'PUBLISHED' ORDER BY slug LIMIT 1`);
    const [call] = await db.dataSource.query('SELECT slug FROM call_for_practices ORDER BY slug LIMIT 1');
    const [group] = await db.dataSource.query('SELECT slug FROM community_group ORDER BY slug LIMIT 1');
    /** Values of the required variables, by the root field that takes them. */
    const required: Record<string, Record<string, unknown>> = {
      objective: { number: objective }, practice: { slug: practice.slug }, callForPractices: { slug: call.slug },
      communityGroup: { slug: group.slug }, objectiveCoverage: { by: 'REGION' },
    };
    const client = newClient();
    try {
      const files = readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql')).sort();
      expect(files).toEqual(expect.arrayContaining(['home.graphql', 'objective.graphql', 'practice.graphql', 'call.graphql', 'group.graphql', 'events.graphql']));
      for (const first of [3, 6]) {
        for (const file of files) {
          const query = operation(file);
          const definition = query.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
          const roots = definition.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
          const variables: Record<string, unknown> = { first };
          for (const v of definition.variableDefinitions ?? []) {
            if (v.type.kind !== Kind.NON_NULL_TYPE || v.defaultValue) continue;
            const name = v.variable.name.value;
            const root = roots.find((r) => required[r]?.[name] !== undefined);
            if (!root) throw new Error(`${file}: no value for the required variable $${name}; add one to \`required\`.`);
            variables[name] = required[root][name];
          }
          const result = await client.query({ query, variables, fetchPolicy: 'network-only' });
          expect([file, result.error]).toEqual([file, undefined]);
        }
      }
    } finally {
      client.stop();
    }
    expect(said).toEqual([]);
  });

  it('the checks above would hear a warning: a cache without the policies warns on the objective page', async () => {
    // Apollo warns once per type and field for the whole process, so this runs last.
    const client = newClient(new InMemoryCache());
    try {
      await client.query({ query: gql`query A($n: Int!) { objective(number: $n) { number shortTitle } }`, variables: { n: objective } });
      await client.query({ query: gql`query B($n: Int!) { objective(number: $n) { number title } }`, variables: { n: objective } });
    } finally {
      client.stop();
    }
    expect(said.join('\n')).toMatch(/Cache data may be lost when replacing the objective field of a Query object/);
  });

  it('relayStylePagination alone keeps only the last page of `nodes`: why the policies extend it', async () => {
    const client = newClient(new InMemoryCache({ typePolicies: { Query: { fields: { practices: relayStylePagination(['filter']) } } } }));
    const page = await watch(client, PRACTICES_BY_NODES, { first: PAGE });
    try {
      const second = await page.more((await page.current()).practices.pageInfo.endCursor);
      expect(second.practices.nodes).toHaveLength(PAGE);
      expect((await page.current()).practices.nodes).toEqual(second.practices.nodes);
    } finally {
      page.close();
      client.stop();
    }
  });
});

describe('typePolicies and possibleTypes match the schema', () => {
  let schema: ReturnType<typeof buildSchema>;
  beforeAll(async () => {
    schema = buildSchema((await buildHubSchema()).sdl, { assumeValidSDL: true });
  });

  it('every connection field is paginated Relay-style, keyed by each of its arguments but first and after', () => {
    const connections: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection')) continue;
        connections.push(`${type.name}.${field.name}`);
        const policy = typePolicies[type.name]?.fields?.[field.name];
        expect([`${type.name}.${field.name}`, typeof policy === 'object' && typeof policy.merge]).toEqual([`${type.name}.${field.name}`, 'function']);
        const keyArgs = (policy as { keyArgs: string[] | false }).keyArgs || [];
        const args = field.args.map((a) => a.name).filter((a) => a !== 'first' && a !== 'after');
        expect([`${type.name}.${field.name}`, keyArgs.filter((k) => !k.startsWith('$')).sort()]).toEqual([`${type.name}.${field.name}`, args.sort()]);
      }
    }
    expect(connections).toEqual(expect.arrayContaining([
      'Query.practices', 'Query.resources', 'Query.events', 'Query.communityGroups', 'Query.experts',
      'Objective.practices', 'Objective.resources', 'Objective.events', 'CommunityGroup.events', 'CommunityGroup.resources',
      'CommunityGroup.practices', 'CallForPractices.practices', 'Viewer.practices', 'Viewer.resources', 'Viewer.assignments',
    ]));
  });

  it('every object type has an id or a policy that says how it is kept (mutation payloads aside)', () => {
    const loose = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('_') && !['Query', 'Mutation'].includes(t.name) && !t.name.endsWith('Payload'))
      .filter((t) => isObjectType(t) && !t.getFields().id && typePolicies[t.name]?.keyFields === undefined)
      .map((t) => t.name);
    expect(loose).toEqual([]);
  });

  it('possibleTypes lists the members of every interface and union', () => {
    const abstract: Record<string, string[]> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if ((isInterfaceType(type) || isUnionType(type)) && !type.name.startsWith('_')) {
        abstract[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
      }
    }
    expect(Object.fromEntries(Object.entries(possibleTypes).map(([k, v]) => [k, [...v].sort()]))).toEqual(abstract);
  });
});
