import type { DataSource } from 'typeorm';
import type { Sql } from '../src/db/sql';
import { insertRows } from './bulk-insert';
import { Random } from './random';
import { countryNames } from './reference/country-names';
import { COUNTRIES, REGIONS } from './reference/geography';
import { OBJECTIVES } from './reference/objectives';
import { GUIDING_PRINCIPLES } from './reference/principles';
import { withAggregates } from './aggregates';
import { addSampleContent } from './sample-content';
import { countsFor } from './scale';
import { addSyntheticContent } from './synthetic';
import { emptyRows, TABLES, type SeedRows, type TableName } from './tables';
import { addWorkflow, seedRosterApplications } from './workflow';

/** Bump when the generator changes what a given seed produces. */
export const SEED_VERSION = 2;

export interface SeedOptions {
  randomSeed: number;
  /** tiny | default | large | a multiplier of default. */
  scale: string;
  /** Delete all content first. Needed to load another seed or scale into a seeded database. */
  reset?: boolean;
}

/** The database already holds another seed or scale; mixing two would break references. */
export class SeedConflictError extends Error {
  constructor(held: { seed: number; scale: string; version: number }) {
    super(
      `This database already holds seed ${held.seed} at scale ${held.scale} (seed version ${held.version}). ` +
        'Seeds do not mix: pass --reset to delete all content first, or use an empty database.',
    );
    this.name = 'SeedConflictError';
  }
}

export interface SeedReport {
  /** False when this seed and scale were already loaded: nothing was written. */
  applied: boolean;
  /** Rows written per table (0 for rows that already existed). */
  counts: Partial<Record<TableName, number>>;
  milliseconds: number;
}

/** Reference data: the Compact's objectives and principles, M49 regions and countries. */
function addReferenceData(rows: SeedRows): void {
  for (const o of OBJECTIVES) rows.objective.push([o.number, o.shortTitle.en, o.shortTitle, o.title]);
  GUIDING_PRINCIPLES.forEach((p, i) => rows.guiding_principle.push([p.code, i + 1, p.title]));
  const byCode = new Map(REGIONS.map((r) => [r.code, r]));
  const depth = (code: string): number => (byCode.get(code)!.parent ? 1 + depth(byCode.get(code)!.parent!) : 0);
  const top = (code: string): string => (byCode.get(code)!.parent ? top(byCode.get(code)!.parent!) : code);
  for (const r of [...REGIONS].sort((a, b) => depth(a.code) - depth(b.code))) rows.region.push([r.code, r.name.en, r.name, r.parent]);
  for (const c of COUNTRIES) rows.country.push([c.code, c.name, countryNames(c.code, c.name), top(c.region), c.region]);
}

/** Every row a seed and scale produce, in memory, without touching the database. */
export function generateRows(options: SeedOptions): SeedRows {
  const rows = emptyRows();
  addReferenceData(rows);
  addSampleContent(rows);
  addSyntheticContent(rows, new Random(options.randomSeed), countsFor(options.scale));
  withAggregates(rows);
  // Its own stream, so the content of a seed stays what it was before the workflow existed.
  addWorkflow(rows, new Random(options.randomSeed + 1_000_003));
  return rows;
}

/**
 * Loads reference data, the sample content and the synthetic content of `scale` in one
 * transaction. Deterministic: the same seed gives the same rows. Idempotent: a run whose
 * seed, scale and version were already loaded writes nothing, and rows that exist are kept.
 */
export async function seed(dataSource: DataSource, options: SeedOptions): Promise<SeedReport> {
  const began = Date.now();
  const rows = generateRows(options);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const sql: Sql = { query: (text, params) => runner.query(text, params) };
  try {
    await runner.startTransaction();
    // One seeder at a time: a second `npm start` racing the first waits here.
    await sql.query('SELECT pg_advisory_xact_lock(724001)');
    if (options.reset) {
      const tables = [...Object.keys(TABLES), 'seed_run', 'roster_application', 'community_group_member'].join(', ');
      await sql.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
    }
    const runs = await sql.query<{ seed: number; scale: string; version: number }>('SELECT seed, scale, version FROM seed_run');
    if (runs.some((r) => r.seed === options.randomSeed && r.scale === options.scale && r.version === SEED_VERSION)) {
      await runner.commitTransaction();
      return { applied: false, counts: {}, milliseconds: Date.now() - began };
    }
    if (runs.length > 0) throw new SeedConflictError(runs[0]);
    // The rows carry their aggregates; the per-statement recounts would only repeat them.
    await sql.query(`SET LOCAL hubgraph.bulk_load = 'on'`);
    const counts: Partial<Record<TableName, number>> = {};
    for (const table of Object.keys(TABLES) as TableName[]) {
      counts[table] = await insertRows(sql, table, TABLES[table], rows[table]);
    }
    await seedRosterApplications(sql, new Random(options.randomSeed + 2_000_003));
    // The objective network's aggregates, which the paused triggers did not maintain.
    await sql.query('SELECT hub_objective_agg_rebuild()');
    await sql.query('SELECT hub_objective_resource_rebuild()');
    await sql.query('INSERT INTO seed_run (seed, scale, version) VALUES ($1, $2, $3)', [options.randomSeed, options.scale, SEED_VERSION]);
    await runner.commitTransaction();
    // Statistics for the planner, and the visibility map, so counts are index-only scans.
    await sql.query('VACUUM ANALYZE');
    return { applied: true, counts, milliseconds: Date.now() - began };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * A checksum of the content tables (everything a seed writes, seed bookkeeping aside), so
 * two databases can be compared for identical rows.
 */
export async function contentChecksum(sql: Sql): Promise<string> {
  const parts: string[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const columns = TABLES[table].map(([name]) => name).join(', ');
    const [{ digest }] = await sql.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS digest FROM (SELECT ${columns} FROM ${table}) t`,
    );
    parts.push(`${table}:${digest ?? 'empty'}`);
  }
  const [{ digest }] = await sql.query<{ digest: string }>('SELECT md5($1) AS digest', [parts.join('|')]);
  return digest;
}
