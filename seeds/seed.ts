import type { DataSource } from 'typeorm';
import type { Sql } from '../src/db/sql';
import { insertRows } from './bulk-insert';
import { Random } from './random';
import { COUNTRIES, REGIONS } from './reference/geography';
import { OBJECTIVES } from './reference/objectives';
import { GUIDING_PRINCIPLES } from './reference/principles';
import { addSampleContent } from './sample-content';
import { countsFor } from './scale';
import { addSyntheticContent } from './synthetic';
import { emptyRows, TABLES, type SeedRows, type TableName } from './tables';

/** Bump when the generator changes what a given seed produces. */
export const SEED_VERSION = 1;

export interface SeedOptions {
  randomSeed: number;
  /** tiny | default | large | a multiplier of default. */
  scale: string;
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
  for (const o of OBJECTIVES) rows.objective.push([o.number, o.shortTitle, o.title]);
  GUIDING_PRINCIPLES.forEach((p, i) => rows.guiding_principle.push([p.code, i + 1, p.title]));
  const byCode = new Map(REGIONS.map((r) => [r.code, r]));
  const depth = (code: string): number => (byCode.get(code)!.parent ? 1 + depth(byCode.get(code)!.parent!) : 0);
  const top = (code: string): string => (byCode.get(code)!.parent ? top(byCode.get(code)!.parent!) : code);
  for (const r of [...REGIONS].sort((a, b) => depth(a.code) - depth(b.code))) rows.region.push([r.code, r.name, r.parent]);
  for (const c of COUNTRIES) rows.country.push([c.code, c.name, top(c.region), c.region]);
}

/** Every row a seed and scale produce, in memory, without touching the database. */
export function generateRows(options: SeedOptions): SeedRows {
  const rows = emptyRows();
  addReferenceData(rows);
  addSampleContent(rows);
  addSyntheticContent(rows, new Random(options.randomSeed), countsFor(options.scale));
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
    const done = await sql.query(
      'SELECT 1 FROM seed_run WHERE seed = $1 AND scale = $2 AND version = $3',
      [options.randomSeed, options.scale, SEED_VERSION],
    );
    if (done.length > 0) {
      await runner.commitTransaction();
      return { applied: false, counts: {}, milliseconds: Date.now() - began };
    }
    const counts: Partial<Record<TableName, number>> = {};
    for (const table of Object.keys(TABLES) as TableName[]) {
      counts[table] = await insertRows(sql, table, TABLES[table], rows[table]);
    }
    await sql.query('INSERT INTO seed_run (seed, scale, version) VALUES ($1, $2, $3)', [options.randomSeed, options.scale, SEED_VERSION]);
    await runner.commitTransaction();
    await sql.query('ANALYZE');
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
