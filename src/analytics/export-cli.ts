import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { sqlOf } from '../db/sql';
import { asExportParamError, parseExportQuery } from './export-params';
import { ANONYMOUS } from '../auth/principal';
import { VisibilityPolicy } from '../auth/visibility';
import { exportChunks, type ExportFormat } from './exports';

const USAGE = `usage: npm run --silent export -- --format gexf|graphml|csv [--out FILE] [--objectives 10,11] [--regions 002]
  [--countries KEN] [--scopes GLOBAL,REGIONAL] [--implementerKinds MEMBER_STATE] [--guidingPrinciples CHILD_SENSITIVE]
  [--call ID] [--activeFrom 2019-01-01] [--activeTo 2024-12-31] [--text "..."] [--minShared 2]
Writes to FILE, or to standard output (run npm with --silent so its banner stays out of the file).`;

/** `npm run export`: the HTTP exports, for notebooks and scripts, against DATABASE_URL or .data. */
async function main(argv: string[]): Promise<number> {
  let format: ExportFormat | null = null;
  let out: string | null = null;
  const params = new URLSearchParams();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (!arg.startsWith('--') || value === undefined) {
      console.error(`expected --name value pairs, got "${arg}"\n${USAGE}`);
      return 2;
    }
    i += 1;
    if (arg === '--format') {
      if (!['gexf', 'graphml', 'csv'].includes(value)) {
        console.error(`--format must be gexf, graphml or csv\n${USAGE}`);
        return 2;
      }
      format = value as ExportFormat;
    } else if (arg === '--out') out = value;
    else params.append(arg.slice(2), value);
  }
  if (!format) {
    console.error(`--format is required\n${USAGE}`);
    return 2;
  }
  let query;
  try {
    query = parseExportQuery(params);
  } catch (error) {
    const bad = asExportParamError(error);
    if (!bad) throw error;
    console.error(`--${bad.parameter}: ${bad.message}`);
    return 2;
  }
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    const chunks = await exportChunks(sqlOf(database.dataSource), new VisibilityPolicy(ANONYMOUS), format, query).catch((error) => {
      const bad = asExportParamError(error);
      if (bad) throw new Error(`--${bad.parameter}: ${bad.message}`);
      throw error;
    });
    const target: Writable = out ? createWriteStream(out) : process.stdout;
    if (out) {
      await Promise.race([once(target, 'open'), once(target, 'error').then(([error]) => Promise.reject(new Error(`--out ${out}: ${(error as Error).message}`)))]);
    }
    for await (const chunk of chunks) if (!target.write(chunk)) await once(target, 'drain');
    if (out) {
      target.end();
      await once(target, 'finish');
    }
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
