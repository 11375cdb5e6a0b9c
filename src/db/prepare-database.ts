import type { DataSource } from 'typeorm';
import { seed, type SeedReport } from '../../seeds/seed';

export interface PrepareOptions {
  seedOnStart: boolean;
  seed: number;
  seedScale: string;
  log?: (line: string) => void;
}

/** Applies pending migrations, then seeds the database when it holds no objective yet. */
export async function prepareDatabase(dataSource: DataSource, options: PrepareOptions): Promise<SeedReport | null> {
  const log = options.log ?? (() => undefined);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  if (!options.seedOnStart) return null;
  const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM objective) AS empty');
  if (!empty) return null;
  log(`empty database: seeding (seed ${options.seed}, scale ${options.seedScale})…`);
  const report = await seed(dataSource, { randomSeed: options.seed, scale: options.seedScale });
  log(`seeded in ${report.milliseconds} ms: ${JSON.stringify(report.counts)}`);
  return report;
}
