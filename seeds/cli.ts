import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open-database';
import { contentChecksum, seed } from './seed';
import { sqlOf } from '../src/db/sql';

const USAGE = 'usage: npm run seed -- [--scale tiny|default|large|N] [--seed N] [--checksum] [--reset]';

/** `npm run seed`: migrates, then seeds DATABASE_URL (or the embedded database). */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  let scale = config.seedScale;
  let randomSeed = config.seed;
  let checksum = false;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') scale = argv[++i] ?? '';
    else if (arg === '--seed') randomSeed = Number(argv[++i]);
    else if (arg === '--checksum') checksum = true;
    else if (arg === '--reset') reset = true;
    else throw new Error(`unknown argument "${arg}"\n${USAGE}`);
  }
  if (!Number.isInteger(randomSeed) || randomSeed < 0) throw new Error(`--seed must be a non-negative integer\n${USAGE}`);
  const database = await openDatabase(config, (line) => console.error(line));
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const report = await seed(database.dataSource, { randomSeed, scale, reset });
    console.log(report.applied
      ? `seeded (seed ${randomSeed}, scale ${scale}) in ${report.milliseconds} ms: ${JSON.stringify(report.counts)}`
      : `seed ${randomSeed} at scale ${scale} was already loaded: nothing to do`);
    if (checksum) console.log(`checksum ${await contentChecksum(sqlOf(database.dataSource))}`);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
