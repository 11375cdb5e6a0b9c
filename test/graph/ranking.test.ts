import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';
import type { HubServer } from '../../src/server';

const SCOPES = ['GLOBAL', 'REGIONAL', 'SUBREGIONAL', 'NATIONAL', 'LOCAL'];

interface Fixture {
  slug: string;
  scope: string;
  objectives: number[];
  scores: number[];
  publishedAt: string;
  title: string;
}

const PAGE = `query Page($first: Int, $after: String, $orderBy: PracticeOrder) {
  practices(first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { slug } }
  }
}`;

/** DESIGN.md's ranking, computed in memory for the fixture: the oracle the SQL must match. */
function expectedRank(items: Fixture[]): string[] {
  const mean = (s: number[]) => (s.length ? Math.round((s.reduce((a, b) => a + b, 0) / s.length) * 1000) / 1000 : null);
  return [...items]
    .sort((a, b) =>
      SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) ||
      b.objectives.length - a.objectives.length ||
      (mean(b.scores) ?? 0) - (mean(a.scores) ?? 0) ||
      Date.parse(b.publishedAt) - Date.parse(a.publishedAt) ||
      0,
    )
    .map((f) => f.slug);
}

describe('Query.practices(orderBy:) and keyset cursors', () => {
  let db: TestDatabase;
  let server: HubServer;
  let experts: string[];
  const fixtures: Fixture[] = [];
  const ids = new Map<string, string>();

  const insert = async (f: Fixture) => {
    const id = randomUUID();
    ids.set(f.slug, id);
    await db.dataSource.query(
      `INSERT INTO practice (id, slug, title, summary, status, scope, published_at) VALUES ($1, $2, $3, '{"en":"s"}', 'PUBLISHED', $4, $5)`,
      [id, f.slug, { en: f.title }, f.scope, f.publishedAt],
    );
    for (const n of f.objectives) await db.dataSource.query('INSERT INTO practice_objective VALUES ($1, $2)', [id, n]);
    for (const [i, score] of f.scores.entries()) {
      await db.dataSource.query(
        `INSERT INTO review (id, practice_id, reviewer_id, decision, score, conflict_of_interest_declared_at, submitted_at)
         VALUES ($1, $2, $3, 'APPROVE', $4, '2024-01-01', '2024-01-02')`,
        [randomUUID(), id, experts[i], score],
      );
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 3, scale: 'tiny' } });
    await db.dataSource.query('DELETE FROM practice');
    experts = (await db.dataSource.query('SELECT id FROM expert ORDER BY id LIMIT 4')).map((e: { id: string }) => e.id);
    server = await startTestServer(db.dataSource);
    // Every tie-break matters somewhere: same scope and objective count differ by score, same score by date…
    let n = 0;
    for (const scope of ['LOCAL', 'GLOBAL', 'REGIONAL', 'NATIONAL', 'SUBREGIONAL']) {
      for (const objectives of [[1], [2, 3], [4, 5, 6]]) {
        for (const scores of [[], [2, 3, 3], [5, 4, 5]]) {
          n += 1;
          fixtures.push({
            slug: `p-${String(n).padStart(2, '0')}`,
            scope, objectives, scores,
            publishedAt: new Date(Date.UTC(2020, 0, 1) + ((n * 7919) % 97) * 86_400_000).toISOString(),
            title: `${['Zeta', 'alpha', 'Mu', 'beta', 'Omega'][n % 5]} practice ${n}`,
          });
        }
      }
    }
    // Same scope, objectives and score, different dates; and an exact tie broken only by id.
    fixtures.push({ slug: 'tie-a', scope: 'GLOBAL', objectives: [7], scores: [4], publishedAt: '2023-05-05T00:00:00.000Z', title: 'Tie' });
    fixtures.push({ slug: 'tie-b', scope: 'GLOBAL', objectives: [7], scores: [4], publishedAt: '2023-05-05T00:00:00.000Z', title: 'Tie' });
    for (const f of fixtures) await insert(f);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const walk = async (orderBy: string, first: number) => {
    const slugs: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: any = await execute(server, db.dataSource, PAGE, { first, after, orderBy });
      expect(res.errors).toBeUndefined();
      const conn = res.data.practices;
      expect(conn.totalCount).toBe(fixtures.length);
      expect(conn.pageInfo.hasPreviousPage).toBe(pages > 0);
      slugs.push(...conn.edges.map((e: any) => e.node.slug));
      pages += 1;
      if (!conn.pageInfo.hasNextPage) break;
      expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
      after = conn.pageInfo.endCursor;
    }
    return { slugs, pages };
  };

  it('RANK: scope, then objective count, then mean score, then recency, then id, across pages with no repeat or gap', async () => {
    const expected = expectedRank(fixtures);
    const tie = [ids.get('tie-a')!, ids.get('tie-b')!].sort();
    const { slugs, pages } = await walk('RANK', 4);
    expect(pages).toBe(Math.ceil(fixtures.length / 4));
    expect(new Set(slugs).size).toBe(fixtures.length);
    // The oracle cannot order the exact tie; the id does.
    const withoutTie = (list: string[]) => list.filter((s) => !s.startsWith('tie-'));
    expect(withoutTie(slugs)).toEqual(withoutTie(expected));
    const tieOrder = slugs.filter((s) => s.startsWith('tie-')).map((s) => ids.get(s));
    expect(tieOrder).toEqual(tie);
    expect(slugs[0]).toMatch(/^p-|^tie-/);
    expect(fixtures.find((f) => f.slug === slugs[0])!.scope).toBe('GLOBAL');
  });

  it('RANK is the default', async () => {
    const res: any = await execute(server, db.dataSource, '{ practices(first: 10) { nodes { slug } } }');
    const ranked = await walk('RANK', 10);
    expect(res.data.practices.nodes.map((n: any) => n.slug)).toEqual(ranked.slugs.slice(0, 10));
  });

  it('RECENT: newest first; TITLE: A to Z ignoring case; both page without repeats', async () => {
    const recent = await walk('RECENT', 7);
    const dates = recent.slugs.map((s) => Date.parse(fixtures.find((f) => f.slug === s)!.publishedAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(recent.slugs).size).toBe(fixtures.length);

    const byTitle = await walk('TITLE', 7);
    const titles = byTitle.slugs.map((s) => fixtures.find((f) => f.slug === s)!.title.toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(byTitle.slugs).size).toBe(fixtures.length);
  });

  it('a cursor stays valid when rows are added between page requests: no repeat, no gap', async () => {
    const first: any = await execute(server, db.dataSource, PAGE, { first: 10, orderBy: 'RANK' });
    const seen = first.data.practices.edges.map((e: any) => e.node.slug);
    // One that ranks before the cursor (must not appear later) and one after it (must appear).
    const before: Fixture = { slug: 'late-before', scope: 'GLOBAL', objectives: [1, 2, 3, 4, 5, 6, 7, 8], scores: [5, 5, 5], publishedAt: '2024-01-01T00:00:00.000Z', title: 'Late' };
    const afterCursor: Fixture = { slug: 'late-after', scope: 'LOCAL', objectives: [9], scores: [], publishedAt: '2019-01-01T00:00:00.000Z', title: 'Late' };
    await insert(before);
    await insert(afterCursor);
    try {
      const rest: string[] = [];
      let after = first.data.practices.pageInfo.endCursor;
      for (;;) {
        const res: any = await execute(server, db.dataSource, PAGE, { first: 10, after, orderBy: 'RANK' });
        rest.push(...res.data.practices.edges.map((e: any) => e.node.slug));
        if (!res.data.practices.pageInfo.hasNextPage) break;
        after = res.data.practices.pageInfo.endCursor;
      }
      expect(rest.filter((s) => seen.includes(s))).toEqual([]);
      expect(rest).not.toContain('late-before');
      expect(rest).toContain('late-after');
      expect(new Set([...seen, ...rest]).size).toBe(fixtures.length + 1);
    } finally {
      await db.dataSource.query(`DELETE FROM practice WHERE slug IN ('late-before', 'late-after')`);
    }
  });

  it('ranking follows review changes at once: a new low score moves an item down', async () => {
    const top = (await walk('RANK', 50)).slugs;
    const target = top.find((s) => fixtures.find((f) => f.slug === s)!.scores.length === 3 && fixtures.find((f) => f.slug === s)!.scope === 'GLOBAL')!;
    const id = ids.get(target)!;
    await db.dataSource.query(`UPDATE review SET score = 1 WHERE practice_id = $1`, [id]);
    const after = (await walk('RANK', 50)).slugs;
    expect(after.indexOf(target)).toBeGreaterThan(top.indexOf(target));
  });

  it('runs the ranked page as one ordered scan of the rank index (no sort)', async () => {
    // The fixture is small enough that a sort would be cheaper: forbid it (on one connection),
    // so the plan shows whether the index can serve the order.
    const runner = db.dataSource.createQueryRunner();
    let plan: unknown;
    try {
      await runner.query('SET enable_sort = off');
      [{ 'QUERY PLAN': plan }] = await runner.query(
        `EXPLAIN (FORMAT JSON) SELECT id FROM practice t WHERE t.status = 'PUBLISHED' ORDER BY t.rank_scope, t.rank_objectives, t.rank_score, t.rank_recency, t.id LIMIT 21`,
      );
    } finally {
      await runner.query('RESET enable_sort');
      await runner.release();
    }
    expect(JSON.stringify(plan)).toContain('practice_rank_idx');
    expect(JSON.stringify(plan)).not.toContain('"Node Type":"Sort"');
  });
});
