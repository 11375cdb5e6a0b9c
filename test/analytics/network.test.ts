import { randomUUID } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute } from '../support/graphql';

/**
 * Four published practices and a draft, by hand:
 *   P1 {1,2,3} GLOBAL, untagged, implemented by a UN entity, 2019, PEOPLE_CENTRED
 *   P2 {1,2} REGIONAL, tagged Africa (002), a Member State, 2020, CHILD_SENSITIVE
 *   P3 {2,3} NATIONAL, Kenya (in 002), civil society (a Member State only as partner), 2020, CHILD_SENSITIVE + HUMAN_RIGHTS
 *   P4 {1} LOCAL, Switzerland (150), no implementer, undated
 *   D  {1,2,3} DRAFT: never counted
 * So n1 = 3, n2 = 3, n3 = 2; shared(1,2) = 2, shared(1,3) = 1, shared(2,3) = 2.
 */
describe('objective network, coverage and exports on a hand-built fixture', () => {
  let db: TestDatabase;
  let server: HubServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    await db.dataSource.query('DELETE FROM practice');
    const org = async (kind: string) => {
      const id = randomUUID();
      await db.dataSource.query('INSERT INTO organization (id, name, kind) VALUES ($1, $2, $3)', [id, `Org ${kind}`, kind]);
      return id;
    };
    const [un, state, civil] = [await org('UN_ENTITY'), await org('MEMBER_STATE'), await org('CIVIL_SOCIETY')];
    const practice = async (slug: string, o: { status?: string; scope: string; objectives: number[]; start: string | null; regions?: string[]; countries?: string[]; orgs?: [string, string][]; principles?: string[] }) => {
      const id = randomUUID();
      await db.dataSource.query(
        `INSERT INTO practice (id, slug, title, summary, status, scope, start_date, published_at) VALUES ($1, $2, $3, '{"en":"s"}', $4, $5, $6, '2024-01-01')`,
        [id, slug, { en: `Practice ${slug}, "quoted", with commas` }, o.status ?? 'PUBLISHED', o.scope, o.start],
      );
      for (const n of o.objectives) await db.dataSource.query('INSERT INTO practice_objective VALUES ($1, $2)', [id, n]);
      for (const r of o.regions ?? []) await db.dataSource.query('INSERT INTO practice_region VALUES ($1, $2)', [id, r]);
      for (const c of o.countries ?? []) await db.dataSource.query('INSERT INTO practice_country VALUES ($1, $2)', [id, c]);
      for (const [org, role] of o.orgs ?? []) await db.dataSource.query('INSERT INTO practice_organization VALUES ($1, $2, $3)', [id, org, role]);
      for (const p of o.principles ?? []) await db.dataSource.query('INSERT INTO practice_guiding_principle VALUES ($1, $2)', [id, p]);
    };
    await practice('p1', { scope: 'GLOBAL', objectives: [1, 2, 3], start: '2019-03-01', orgs: [[un, 'IMPLEMENTER']], principles: ['PEOPLE_CENTRED'] });
    await practice('p2', { scope: 'REGIONAL', objectives: [1, 2], start: '2020-01-01', regions: ['002'], orgs: [[state, 'IMPLEMENTER']], principles: ['CHILD_SENSITIVE'] });
    await practice('p3', { scope: 'NATIONAL', objectives: [2, 3], start: '2020-06-01', countries: ['KEN'], orgs: [[civil, 'IMPLEMENTER'], [state, 'PARTNER']], principles: ['CHILD_SENSITIVE', 'HUMAN_RIGHTS'] });
    await practice('p4', { scope: 'LOCAL', objectives: [1], start: null, countries: ['CHE'] });
    await practice('d1', { status: 'DRAFT', scope: 'GLOBAL', objectives: [1, 2, 3], start: '2019-01-01', orgs: [[un, 'IMPLEMENTER']] });
    server = await createServer({ dataSource: db.dataSource, production: true, debugSql: false });
    base = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const NETWORK = `query($filter: PracticeFilter, $minShared: Int) { objectiveNetwork(filter: $filter, minShared: $minShared) {
    practiceCount nodes { objective { number } practiceCount } edges { source { number } target { number } sharedPractices jaccard } } }`;
  const edges = (data: any) => data.objectiveNetwork.edges.map((e: any) => [e.source.number, e.target.number, e.sharedPractices, Number(e.jaccard.toFixed(6))]);

  describe('Query.objectiveNetwork', () => {
    it('counts nodes and edges exactly, Jaccard to 6 decimals, drafts ignored', async () => {
      const { data, errors, statements } = await execute(server, db.dataSource, NETWORK);
      expect(errors).toBeUndefined();
      expect(data!.objectiveNetwork.practiceCount).toBe(4);
      const nodes = Object.fromEntries(data!.objectiveNetwork.nodes.map((n: any) => [n.objective.number, n.practiceCount]));
      expect(data!.objectiveNetwork.nodes).toHaveLength(23);
      expect([nodes[1], nodes[2], nodes[3], nodes[4]]).toEqual([3, 3, 2, 0]);
      expect(edges(data)).toEqual([[1, 2, 2, 0.5], [2, 3, 2, 0.666667], [1, 3, 1, 0.25]]);
      expect(statements).toBe(2);
    });

    it('minShared drops rarer pairs; a filter narrows the practices with practices(filter:) semantics', async () => {
      expect(edges((await execute(server, db.dataSource, NETWORK, { minShared: 2 })).data)).toEqual([[1, 2, 2, 0.5], [2, 3, 2, 0.666667]]);
      const africa = await execute(server, db.dataSource, NETWORK, { filter: { regions: ['002'] } });
      expect(africa.data!.objectiveNetwork.practiceCount).toBe(2);
      expect(edges(africa.data)).toEqual([[1, 2, 1, 0.5], [2, 3, 1, 0.5]]);
      const practices = await execute(server, db.dataSource, '{ practices(filter: { regions: ["002"] }) { totalCount } }');
      expect(practices.data!.practices.totalCount).toBe(2);
    });
  });

  it('Objective.linkedObjectives agrees with the network', async () => {
    const { data } = await execute(server, db.dataSource, '{ objective(number: 2) { linkedObjectives { objective { number } sharedPractices jaccard } } }');
    expect(data!.objective.linkedObjectives.map((l: any) => [l.objective.number, l.sharedPractices, Number(l.jaccard.toFixed(6))])).toEqual([[1, 2, 0.5], [3, 2, 0.666667]]);
  });

  describe('Query.objectiveCoverage', () => {
    const rows = async (by: string, filter?: unknown) => {
      const { data, errors } = await execute(server, db.dataSource, 'query($by: CoverageDimension!, $filter: PracticeFilter) { objectiveCoverage(by: $by, filter: $filter) { objective { number } bucket label practiceCount } }', { by, filter });
      expect(errors).toBeUndefined();
      return data!.objectiveCoverage.map((r: any) => `${r.objective.number}:${r.bucket}=${r.practiceCount}`);
    };

    it('by REGION: tagged regions, regions of tagged countries, untagged under 001 World', async () => {
      expect(await rows('REGION')).toEqual(['1:001=1', '1:002=1', '1:150=1', '2:001=1', '2:002=2', '3:001=1', '3:002=1']);
    });
    it('by SCOPE', async () => {
      expect(await rows('SCOPE')).toEqual(['1:GLOBAL=1', '1:LOCAL=1', '1:REGIONAL=1', '2:GLOBAL=1', '2:NATIONAL=1', '2:REGIONAL=1', '3:GLOBAL=1', '3:NATIONAL=1']);
    });
    it('by IMPLEMENTER_KIND: implementers only', async () => {
      expect(await rows('IMPLEMENTER_KIND')).toEqual(['1:MEMBER_STATE=1', '1:UN_ENTITY=1', '2:CIVIL_SOCIETY=1', '2:MEMBER_STATE=1', '2:UN_ENTITY=1', '3:CIVIL_SOCIETY=1', '3:UN_ENTITY=1']);
    });
    it('by START_YEAR, undated as unknown', async () => {
      expect(await rows('START_YEAR')).toEqual(['1:2019=1', '1:2020=1', '1:unknown=1', '2:2019=1', '2:2020=2', '3:2019=1', '3:2020=1']);
    });
    it('by GUIDING_PRINCIPLE (principles × objectives), with a filter', async () => {
      expect(await rows('GUIDING_PRINCIPLE')).toEqual([
        '1:CHILD_SENSITIVE=1', '1:PEOPLE_CENTRED=1', '2:CHILD_SENSITIVE=2', '2:HUMAN_RIGHTS=1', '2:PEOPLE_CENTRED=1',
        '3:CHILD_SENSITIVE=1', '3:HUMAN_RIGHTS=1', '3:PEOPLE_CENTRED=1',
      ]);
      expect(await rows('GUIDING_PRINCIPLE', { scopes: ['NATIONAL'] })).toEqual(['2:CHILD_SENSITIVE=1', '2:HUMAN_RIGHTS=1', '3:CHILD_SENSITIVE=1', '3:HUMAN_RIGHTS=1']);
    });
  });

  describe('GET /export', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'attvalue', 'data', 'key', 'attribute', 'attributes'].includes(name) });

    it('objective-network.gexf is GEXF 1.3 with the counts, weights and Jaccard', async () => {
      const res = await fetch(`${base}/export/objective-network.gexf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
      const text = await res.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = xml.parse(text).gexf;
      expect(doc.version).toBe('1.3');
      const nodes = doc.graph.nodes.node;
      expect(nodes).toHaveLength(23);
      const ten = nodes.find((n: any) => n.id === '1');
      expect(ten.label).toBe('Data');
      expect(ten.attvalues.attvalue.find((a: any) => a.for === 'practiceCount').value).toBe('3');
      const gexfEdges = doc.graph.edges.edge.map((e: any) => [e.source, e.target, e.weight, Number(Number(e.attvalues.attvalue.find((a: any) => a.for === 'jaccard').value).toFixed(6))]);
      expect(gexfEdges).toEqual([['1', '2', '2', 0.5], ['2', '3', '2', 0.666667], ['1', '3', '1', 0.25]]);
    });

    it('objective-network.graphml takes the same filters', async () => {
      const res = await fetch(`${base}/export/objective-network.graphml?regions=002&minShared=1`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const graph = xml.parse(text).graphml.graph;
      expect(graph.node).toHaveLength(23);
      expect(graph.edge.map((e: any) => [e.source, e.target, e.data.find((d: any) => d.key === 'sharedPractices')['#text']])).toEqual([['o1', 'o2', 1], ['o2', 'o3', 1]]);
    });

    it('practice-objectives.csv has one row per published practice × objective, quoted as RFC 4180 says', async () => {
      const res = await fetch(`${base}/export/practice-objectives.csv`);
      expect(res.status).toBe(200);
      const lines = (await res.text()).trimEnd().split('\n');
      expect(lines[0]).toBe('practice_id,slug,title,scope,start_year,objective_number');
      expect(lines).toHaveLength(1 + 8);
      const p1 = lines.filter((l) => l.includes(',p1,'));
      expect(p1).toHaveLength(3);
      expect(p1[0]).toContain(',"Practice p1, ""quoted"", with commas",GLOBAL,2019,1');
      expect(lines.find((l) => l.includes(',p4,'))).toMatch(/,LOCAL,,1$/);
      const filtered = (await (await fetch(`${base}/export/practice-objectives.csv?implementerKinds=MEMBER_STATE`)).text()).trimEnd().split('\n');
      expect(filtered.slice(1).map((l) => l.split(',')[1])).toEqual(['p2', 'p2']);
    });

    it.each([
      ['objectives=24', 'objectives'],
      ['objectives=10;DROP TABLE practice', 'objectives'],
      ["regions=002'--", 'regions'],
      ['countries=ch', 'countries'],
      ['scopes=PLANETARY', 'scopes'],
      ['implementerKinds=ROBOT', 'implementerKinds'],
      ['activeFrom=yesterday', 'activeFrom'],
      ['activeFrom=2024-01-01&activeTo=2023-01-01', 'activeFrom'],
      ['call=1 OR 1=1', 'call'],
      ['text=', 'text'],
      ['minShared=0', 'minShared'],
      ['objectives=1&objectives=2', 'objectives'],
      ['evil=1', 'evil'],
    ])('refuses %s with a 400 naming %s', async (query, parameter) => {
      const res = await fetch(`${base}/export/practice-objectives.csv?${query.replace(/ /g, '%20')}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as any;
      expect(body).toMatchObject({ error: 'bad_parameter', parameter });
      expect(body.message.length).toBeGreaterThan(10);
      expect(JSON.stringify(body)).not.toMatch(/SELECT|syntax error|stack/);
    });

    it('refuses other methods with 405', async () => {
      const res = await fetch(`${base}/export/objective-network.gexf`, { method: 'POST' });
      expect(res.status).toBe(405);
    });
  });
});
