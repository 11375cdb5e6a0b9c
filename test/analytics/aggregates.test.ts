import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { VisibilityPolicy } from '../../src/auth/visibility';
import type { Sql } from '../../src/db/sql';
import { SqlParams } from '../../src/graph/sql-params';
import { Locale } from '../../src/i18n/localized-text';
import {
  aggregateKeys, linkedObjectives, linkedObjectivesFromAggregates, objectiveNetwork, objectiveNetworkFromAggregates,
} from '../../src/objective/objective-network.sql';
import { practiceConditions } from '../../src/practice/practice-filter';
import type { PracticeFilter } from '../../src/practice/practice.inputs';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** The aggregates recounted from the base tables, written independently of the migration. */
const BRUTE_KEYS = `
  WITH pub AS (SELECT id, scope, start_date FROM practice WHERE status = 'PUBLISHED'),
  keys AS (
    SELECT id, '' AS key FROM pub
    UNION SELECT id, 's:' || scope FROM pub
    UNION SELECT id, 'y:' || extract(year FROM start_date)::int FROM pub WHERE start_date IS NOT NULL
    UNION SELECT pub.id, 'r:' || rc.ancestor FROM pub JOIN practice_region fr ON fr.practice_id = pub.id JOIN region_closure rc ON rc.code = fr.region_code
    UNION SELECT pub.id, 'r:' || rc.ancestor FROM pub JOIN practice_country fc ON fc.practice_id = pub.id JOIN country c ON c.code = fc.country_code
      JOIN region_closure rc ON rc.code = c.subregion_code
    UNION SELECT pub.id, 'k:' || o.kind FROM pub JOIN practice_organization fi ON fi.practice_id = pub.id AND fi.role = 'IMPLEMENTER'
      JOIN organization o ON o.id = fi.organization_id)`;

async function brute(ds: DataSource) {
  const total = await ds.query(`${BRUTE_KEYS} SELECT key, count(*)::int AS n FROM keys GROUP BY 1 ORDER BY 1`);
  const count = await ds.query(`${BRUTE_KEYS} SELECT key, l.objective_number AS o, count(*)::int AS n FROM keys JOIN practice_objective l ON l.practice_id = keys.id GROUP BY 1, 2 ORDER BY 1, 2`);
  const pair = await ds.query(`${BRUTE_KEYS} SELECT key, a.objective_number AS s, b.objective_number AS t, count(*)::int AS n FROM keys
    JOIN practice_objective a ON a.practice_id = keys.id JOIN practice_objective b ON b.practice_id = keys.id AND b.objective_number > a.objective_number
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const resources = await ds.query(`SELECT l.objective_number AS o, count(*)::int AS n FROM resource_objective l JOIN resource r ON r.id = l.resource_id
    WHERE r.status = 'PUBLISHED' GROUP BY 1 ORDER BY 1`);
  return { total, count, pair, resources };
}

async function stored(ds: DataSource) {
  const total = await ds.query('SELECT key, n FROM objective_agg_total ORDER BY 1');
  const count = await ds.query('SELECT key, objective_number AS o, n FROM objective_agg_count ORDER BY 1, 2');
  const pair = await ds.query('SELECT key, source AS s, target AS t, n FROM objective_agg_pair ORDER BY 1, 2, 3');
  const resources = await ds.query('SELECT objective_number AS o, n FROM objective_resource_count ORDER BY 1');
  return { total, count, pair, resources };
}

/** Random writes of resources and their objective links (objective_resource_count). */
async function randomResourceEdits(ds: DataSource, r: ReturnType<typeof rng>) {
  const ids = async (where: string, n: number): Promise<string[]> =>
    (await ds.query(`SELECT id FROM resource WHERE ${where} ORDER BY md5(id::text || $1) LIMIT $2`, [String(r.int(1e9)), n])).map((x: { id: string }) => x.id);
  const op = r.int(6);
  const n = 1 + r.int(4);
  if (op === 0) {
    await ds.query(`UPDATE resource SET status = 'PUBLISHED' WHERE id = ANY($1)`, [await ids(`status <> 'PUBLISHED'`, n)]);
  } else if (op === 1) {
    await ds.query(`UPDATE resource SET status = $2 WHERE id = ANY($1)`, [await ids(`status = 'PUBLISHED'`, n), r.pick(['DRAFT', 'REJECTED', 'UNDER_REVIEW'])]);
  } else if (op === 2) {
    const [id] = await ids('true', 1);
    await ds.transaction(async (m) => {
      await m.query('DELETE FROM resource_objective WHERE resource_id = $1', [id]);
      const objs = [...new Set(Array.from({ length: r.int(5) }, () => 1 + r.int(23)))];
      if (objs.length) await m.query('INSERT INTO resource_objective SELECT $1, unnest($2::smallint[])', [id, objs]);
    });
  } else if (op === 3) {
    await ds.query('DELETE FROM resource WHERE id = ANY($1)', [await ids('true', 1 + r.int(2))]);
  } else if (op === 4) {
    // A link moved to another objective (an UPDATE of the link table).
    const [id] = await ids('true', 1);
    const to = 1 + r.int(23);
    await ds.query(`UPDATE resource_objective SET objective_number = $2 WHERE resource_id = $1 AND objective_number = (
      SELECT min(objective_number) FROM resource_objective WHERE resource_id = $1)
      AND NOT EXISTS (SELECT 1 FROM resource_objective WHERE resource_id = $1 AND objective_number = $2)`, [id, to]);
  } else {
    // The same statement publishing some and withdrawing others.
    await ds.query(`UPDATE resource SET status = CASE status WHEN 'PUBLISHED' THEN 'DRAFT' ELSE 'PUBLISHED' END WHERE id = ANY($1)`, [await ids('true', n)]);
  }
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const POLICY = new VisibilityPolicy({ id: null, roles: [], expertId: null } as never);
const FILTERS: (PracticeFilter | null)[] = [
  null,
  { regions: ['002'] } as PracticeFilter,
  { regions: ['150'] } as PracticeFilter,
  { scopes: ['NATIONAL'] } as PracticeFilter,
  { scopes: ['GLOBAL', 'REGIONAL'] } as PracticeFilter,
  { implementerKinds: ['UN_ENTITY'] } as PracticeFilter,
  { implementerKinds: ['CIVIL_SOCIETY'] } as PracticeFilter,
];

async function expectNetworksAgree(ds: DataSource) {
  const sql: Sql = { query: (text, params) => ds.query(text, params as unknown[]) };
  for (const filter of FILTERS) {
    for (const minShared of [1, 3]) {
      const params = new SqlParams();
      const live = await objectiveNetwork(sql, POLICY, practiceConditions(filter, params, Locale.EN), params, minShared);
      const fast = await objectiveNetworkFromAggregates(sql, aggregateKeys(filter)!, minShared);
      expect({ filter, minShared, ...fast }).toEqual({ filter, minShared, ...live });
    }
  }
  const numbers = Array.from({ length: 23 }, (_, i) => i + 1);
  for (const minShared of [1, 2, 5]) {
    expect(await linkedObjectivesFromAggregates(sql, numbers, minShared)).toEqual(await linkedObjectives(sql, POLICY, numbers, minShared));
  }
  expect(await linkedObjectivesFromAggregates(sql, [4, 1], 1)).toEqual(await linkedObjectives(sql, POLICY, [4, 1], 1));
}

async function randomEdits(ds: DataSource, seed: number, rounds: number) {
  const r = rng(seed);
  const scopes = (await ds.query('SELECT DISTINCT scope FROM practice ORDER BY 1')).map((x: { scope: string }) => x.scope);
  const regions = (await ds.query('SELECT code FROM region ORDER BY 1')).map((x: { code: string }) => x.code);
  const countries = (await ds.query('SELECT code FROM country ORDER BY 1')).map((x: { code: string }) => x.code);
  const orgs = (await ds.query('SELECT id FROM organization ORDER BY 1')).map((x: { id: string }) => x.id);
  const kinds = ['MEMBER_STATE', 'UN_ENTITY', 'NETWORK_MEMBER', 'CIVIL_SOCIETY', 'ACADEMIA', 'PRIVATE_SECTOR', 'OTHER'];
  const ids = async (where: string, n: number): Promise<string[]> =>
    (await ds.query(`SELECT id FROM practice WHERE ${where} ORDER BY md5(id::text || $1) LIMIT $2`, [String(r.int(1e9)), n])).map((x: { id: string }) => x.id);
  for (let round = 0; round < rounds; round++) {
    const op = r.int(12);
    const n = 1 + r.int(4);
    if (round % 2 === 0) await randomResourceEdits(ds, r);
    if (op === 0) {
      await ds.query(`UPDATE practice SET status = 'PUBLISHED', published_at = coalesce(published_at, now()) WHERE id = ANY($1)`, [await ids(`status <> 'PUBLISHED'`, n)]);
    } else if (op === 1) {
      await ds.query(`UPDATE practice SET status = $2 WHERE id = ANY($1)`, [await ids(`status = 'PUBLISHED'`, n), r.pick(['DRAFT', 'REJECTED', 'UNDER_REVIEW'])]);
    } else if (op === 2) {
      // Objectives replaced, in one transaction like the store does.
      const [id] = await ids('true', 1);
      await ds.transaction(async (m) => {
        await m.query('DELETE FROM practice_objective WHERE practice_id = $1', [id]);
        const objs = [...new Set(Array.from({ length: r.int(6) }, () => 1 + r.int(23)))];
        if (objs.length) await m.query('INSERT INTO practice_objective SELECT $1, unnest($2::smallint[])', [id, objs]);
      });
    } else if (op === 3) {
      await ds.query('INSERT INTO practice_region SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [await ids('true', n), r.pick(regions)]);
      await ds.query('DELETE FROM practice_region WHERE practice_id = ANY($1)', [await ids('true', n)]);
    } else if (op === 4) {
      await ds.query('INSERT INTO practice_country SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING', [await ids('true', n), r.pick(countries)]);
      await ds.query('DELETE FROM practice_country WHERE practice_id = ANY($1)', [await ids('true', n)]);
    } else if (op === 5) {
      await ds.query('UPDATE practice SET scope = $2 WHERE id = ANY($1)', [await ids('true', n), r.pick(scopes)]);
    } else if (op === 6) {
      const year = 2010 + r.int(15);
      await ds.query(`UPDATE practice SET start_date = CASE WHEN $2 THEN NULL ELSE make_date($3, 1 + $3 % 12, 1) END, end_date = NULL WHERE id = ANY($1)`,
        [await ids('true', n), r.int(4) === 0, year]);
    } else if (op === 7) {
      await ds.query(`INSERT INTO practice_organization SELECT unnest($1::uuid[]), $2, 'IMPLEMENTER' ON CONFLICT DO NOTHING`, [await ids('true', n), r.pick(orgs)]);
      await ds.query(`DELETE FROM practice_organization WHERE practice_id = ANY($1) AND role = 'IMPLEMENTER'`, [await ids('true', 1)]);
      await ds.query(`UPDATE practice_organization SET role = CASE role WHEN 'IMPLEMENTER' THEN 'PARTNER' ELSE 'IMPLEMENTER' END
        WHERE practice_id = ANY($1) AND NOT EXISTS (SELECT 1 FROM practice_organization x WHERE x.practice_id = practice_organization.practice_id
          AND x.organization_id = practice_organization.organization_id AND x.role <> practice_organization.role)`, [await ids('true', n)]);
    } else if (op === 8) {
      await ds.query('UPDATE organization SET kind = $2 WHERE id = $1', [r.pick(orgs), r.pick(kinds)]);
    } else if (op === 9) {
      await randomResourceEdits(ds, r);
      await ds.query('DELETE FROM practice WHERE id = ANY($1)', [await ids('true', 1 + r.int(2))]);
    } else if (op === 10) {
      await ds.transaction(async (m) => {
        const id = randomUUID();
        await m.query(`INSERT INTO practice (id, slug, title, summary, status, scope, start_date, published_at)
          VALUES ($1, $2, '{"en":"t"}', '{"en":"s"}', $3, $4, $5, now())`,
        [id, `agg-${id}`, r.pick(['PUBLISHED', 'PUBLISHED', 'DRAFT']), r.pick(scopes), r.int(3) === 0 ? null : `${2015 + r.int(8)}-05-01`]);
        await m.query('INSERT INTO practice_objective SELECT $1, o FROM unnest($2::smallint[]) o ON CONFLICT DO NOTHING', [id, [1 + r.int(23), 1 + r.int(23), 1 + r.int(23)]]);
        await m.query('INSERT INTO practice_country VALUES ($1, $2)', [id, r.pick(countries)]);
        await m.query(`INSERT INTO practice_organization VALUES ($1, $2, 'IMPLEMENTER')`, [id, r.pick(orgs)]);
      });
    } else {
      // Moving a link between practices (an UPDATE of the link table).
      const [from, to] = [await ids('true', 1), await ids('true', 1)];
      await ds.query(`UPDATE practice_objective SET practice_id = $2 WHERE practice_id = $1
        AND objective_number NOT IN (SELECT objective_number FROM practice_objective WHERE practice_id = $2)`, [from[0], to[0]]);
    }
  }
}

describe.each([
  ['tiny', 7],
  ['default', 11],
])('maintained objective aggregates (%s seed)', (scale, randomSeed) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed, scale } });
  });
  afterAll(async () => {
    await db.drop();
  });

  it('are filled by the seed and equal a recount', async () => {
    const recount = await brute(db.dataSource);
    expect(recount.pair.length).toBeGreaterThan(0);
    expect(recount.resources.length).toBeGreaterThan(0);
    expect(await stored(db.dataSource)).toEqual(recount);
    await expectNetworksAgree(db.dataSource);
  });

  it('stay equal to a recount and to the live queries through random edits', async () => {
    for (let batch = 0; batch < 4; batch++) {
      await randomEdits(db.dataSource, randomSeed * 100 + batch, 30);
      expect(await stored(db.dataSource)).toEqual(await brute(db.dataSource));
      await expectNetworksAgree(db.dataSource);
    }
  });

  it('roll back with the transaction that wrote them', async () => {
    const before = await stored(db.dataSource);
    await expect(db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE practice SET status = 'DRAFT' WHERE status = 'PUBLISHED'`);
      expect(await m.query('SELECT count(*)::int AS n FROM objective_agg_total')).toEqual([{ n: 0 }]);
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(await stored(db.dataSource)).toEqual(before);
  });

  it('serve an objective page\'s unfiltered resources totalCount', async () => {
    const [row] = await db.dataSource.query(`SELECT coalesce((SELECT n FROM objective_resource_count WHERE objective_number = 10), 0) AS fast,
      (SELECT count(*)::int FROM resource t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM resource_objective ro WHERE ro.resource_id = t.id AND ro.objective_number = 10)) AS live`);
    expect(row.live).toBeGreaterThan(0);
    expect(row.fast).toBe(row.live);
  });

  it('serve an unfiltered objective totalCount', async () => {
    const [row] = await db.dataSource.query(`SELECT coalesce((SELECT n FROM objective_agg_count WHERE key = '' AND objective_number = 2), 0) AS fast,
      (SELECT count(*)::int FROM practice t WHERE t.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM practice_objective po WHERE po.practice_id = t.id AND po.objective_number = 2)) AS live`);
    expect(row.fast).toBe(row.live);
  });
});

describe('aggregateKeys', () => {
  it('serves no filter and one dimension, and nothing else', () => {
    expect(aggregateKeys(null)).toEqual(['']);
    expect(aggregateKeys({ regions: null })).toEqual(['']);
    expect(aggregateKeys({ regions: ['002'] })).toEqual(['r:002']);
    expect(aggregateKeys({ scopes: ['GLOBAL', 'LOCAL', 'GLOBAL'] })).toEqual(['s:GLOBAL', 's:LOCAL']);
    expect(aggregateKeys({ implementerKinds: ['UN_ENTITY'] })).toEqual(['k:UN_ENTITY']);
    expect(aggregateKeys({ regions: ['002', '150'] })).toBeNull();
    expect(aggregateKeys({ regions: [] })).toBeNull();
    expect(aggregateKeys({ regions: ['002'], scopes: ['GLOBAL'] })).toBeNull();
    expect(aggregateKeys({ objectives: [1] })).toBeNull();
    expect(aggregateKeys({ text: 'x' })).toBeNull();
  });
});
