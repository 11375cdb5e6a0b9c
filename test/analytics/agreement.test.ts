import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { createServer, type HubServer } from '../../src/server';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute } from '../support/graphql';

const run = promisify(execFile);

interface Brute {
  practiceCount: number;
  counts: Map<number, number>;
  pairs: Map<string, number>;
}

describe('the network, linkedObjectives and the exports agree with a brute-force count over practices(filter:)', () => {
  let db: TestDatabase;
  let server: HubServer;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
    server = await createServer({ dataSource: db.dataSource, production: false, debugSql: false });
    base = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  /** Walks every page of practices(filter:) as a client would and counts in memory. */
  async function bruteForce(filter: unknown): Promise<Brute> {
    const counts = new Map<number, number>();
    const pairs = new Map<string, number>();
    let after: string | null = null;
    let practiceCount = 0;
    for (;;) {
      const res: any = await execute(server, db.dataSource, 'query($f: PracticeFilter, $a: String) { practices(filter: $f, first: 100, after: $a) { pageInfo { hasNextPage endCursor } nodes { objectives { number } } } }', { f: filter, a: after });
      for (const node of res.data.practices.nodes) {
        practiceCount += 1;
        const numbers: number[] = node.objectives.map((o: any) => o.number);
        for (const a of numbers) {
          counts.set(a, (counts.get(a) ?? 0) + 1);
          for (const b of numbers) if (a < b) pairs.set(`${a}-${b}`, (pairs.get(`${a}-${b}`) ?? 0) + 1);
        }
      }
      if (!res.data.practices.pageInfo.hasNextPage) break;
      after = res.data.practices.pageInfo.endCursor;
    }
    return { practiceCount, counts, pairs };
  }

  it.each([
    ['no filter', null, ''],
    ['Africa, regional and national', { regions: ['002'], scopes: ['REGIONAL', 'NATIONAL'] }, 'regions=002&scopes=REGIONAL,NATIONAL'],
    ['trafficking since 2019', { objectives: [10], activeFrom: '2019-01-01' }, 'objectives=10&activeFrom=2019-01-01'],
  ])('%s', async (_label, filter, query) => {
    const brute = await bruteForce(filter);
    expect(brute.practiceCount).toBeGreaterThan(10);

    const { data } = await execute(server, db.dataSource, 'query($f: PracticeFilter) { objectiveNetwork(filter: $f) { practiceCount nodes { objective { number } practiceCount } edges { source { number } target { number } sharedPractices jaccard } } }', { f: filter });
    const network = data!.objectiveNetwork;
    expect(network.practiceCount).toBe(brute.practiceCount);
    for (const node of network.nodes) expect(node.practiceCount).toBe(brute.counts.get(node.objective.number) ?? 0);
    expect(network.edges).toHaveLength(brute.pairs.size);
    for (const edge of network.edges) {
      const shared = brute.pairs.get(`${edge.source.number}-${edge.target.number}`)!;
      expect(edge.sharedPractices).toBe(shared);
      const either = brute.counts.get(edge.source.number)! + brute.counts.get(edge.target.number)! - shared;
      expect(edge.jaccard).toBeCloseTo(shared / either, 9);
    }

    // The CSV: one row per practice × objective, so as many rows as the node counts add up to.
    const csv = (await (await fetch(`${base}/export/practice-objectives.csv?${query}`)).text()).trimEnd().split('\n');
    expect(csv.length - 1).toBe([...brute.counts.values()].reduce((a, b) => a + b, 0));

    // GEXF: the same edges.
    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await (await fetch(`${base}/export/objective-network.gexf?${query}`)).text());
    const gexfEdges = [].concat(gexf.gexf.graph.edges.edge ?? []);
    expect(gexfEdges.map((e: any) => `${e.source}-${e.target}:${e.weight}`).sort()).toEqual([...brute.pairs].map(([k, v]) => `${k}:${v}`).sort());
  });

  it('linkedObjectives agrees with the unfiltered network for every objective', async () => {
    const brute = await bruteForce(null);
    const { data } = await execute(server, db.dataSource, '{ objectives { number linkedObjectives { objective { number } sharedPractices jaccard } } }');
    for (const objective of data!.objectives) {
      const expected = [...brute.pairs]
        .filter(([k]) => k.split('-').map(Number).includes(objective.number))
        .map(([k, shared]) => ({ other: k.split('-').map(Number).find((n) => n !== objective.number)!, shared }))
        .sort((a, b) => b.shared - a.shared || a.other - b.other);
      expect(objective.linkedObjectives.map((l: any) => [l.objective.number, l.sharedPractices])).toEqual(expected.map((e) => [e.other, e.shared]));
    }
  });

  it('npm run export writes the same CSV as the HTTP export', async () => {
    const env = { ...process.env, DATABASE_URL: db.url };
    const { stdout } = await run('npm', ['run', '--silent', 'export', '--', '--format', 'csv', '--objectives', '10', '--regions', '002'], { env, maxBuffer: 64 * 1024 * 1024 });
    const http = await (await fetch(`${base}/export/practice-objectives.csv?objectives=10&regions=002`)).text();
    expect(stdout).toBe(http);
    await expect(run('npm', ['run', '--silent', 'export', '--', '--format', 'gexf', '--objectives', '99'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('objectives'),
    });
  });
});
