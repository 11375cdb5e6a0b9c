import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { asExportParamError, parseExportQuery, type ExportQuery } from './export-params';
import type { ExportFormat } from './exports';

const USAGE = `usage: npm run -s export -- --format gexf|graphml|csv [filters] [--min-shared N] [--out FILE] [--server URL [--token JWT]]

The exports of GET /export/… from the command line: same data, filters and errors.

Formats (--format):
  gexf      the objective network, GEXF 1.3 (Gephi)              /export/objective-network.gexf
  graphml   the objective network, GraphML (yEd, networkx, …)    /export/objective-network.graphml
  csv       (published practice, objective) pairs                 /export/practice-objectives.csv

Filters, named as in PracticeFilter (lists comma-separated):
  --objectives 10,11           --guidingPrinciples CHILD_SENSITIVE   --regions 002
  --countries KEN              --scopes GLOBAL,REGIONAL              --implementerKinds MEMBER_STATE
  --call ID                    --activeFrom 2019-01-01               --activeTo 2024-12-31
  --text "..."
  --min-shared N               network only: pairs addressed together by at least N practices (default 1)

Output and source:
  --out FILE                   write to FILE instead of standard output
  --server URL                 read from a running server, e.g. http://localhost:4000; the default when
                               DATABASE_URL is not set and a server answers at http://localhost:\${PORT:-4000}/readyz
  --token JWT                  bearer token for the server (default: $HUBGRAPH_TOKEN)
  --help                       this text
Otherwise it reads DATABASE_URL, or starts the embedded PostgreSQL in .data/pg (the server must not be running on it).
Exit status: 0 written; 2 a bad flag, named on standard error; 1 anything else.`;

const ROUTES: Record<ExportFormat, string> = {
  gexf: 'objective-network.gexf',
  graphml: 'objective-network.graphml',
  csv: 'practice-objectives.csv',
};

/** Flags of the CLI itself; every other --name is a query parameter of the export. */
const OWN = new Set(['format', 'out', 'server', 'token', 'help']);
/** Dashed spellings of export parameters. */
const ALIASES: Record<string, string> = { 'min-shared': 'minShared' };

class UsageError extends Error {}

interface Invocation {
  format: ExportFormat;
  out: string | null;
  server: string | null;
  token: string | null;
  params: URLSearchParams;
  /** The flag as typed, by parameter name, for messages. */
  flags: Map<string, string>;
}

function parseArgs(argv: string[]): Invocation | 'help' {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return 'help';
  let format: ExportFormat | null = null;
  let out: string | null = null;
  let server: string | null = null;
  let token: string | null = null;
  const params = new URLSearchParams();
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`expected --name value pairs, got "${arg}"`);
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (OWN.has(name)) {
      if (name === 'format') {
        if (!(value in ROUTES)) throw new UsageError(`--format must be gexf, graphml or csv; got "${value.slice(0, 40)}"`);
        format = value as ExportFormat;
      } else if (name === 'out') out = value;
      else if (name === 'server') server = value;
      else if (name === 'token') token = value;
    } else {
      const parameter = ALIASES[name] ?? name;
      flags.set(parameter, name);
      params.append(parameter, value);
    }
  }
  if (!format) throw new UsageError('--format is required (gexf, graphml or csv)');
  return { format, out, server, token, params, flags };
}

/** The message for a bad export parameter, naming the flag as typed. */
function badFlag(invocation: Invocation, parameter: string, message: string): string {
  const flag = invocation.flags.get(parameter) ?? (parameter === 'minShared' ? 'min-shared' : parameter);
  return `--${flag}: ${message}`;
}

/** A server's base URL (…/graphql and a trailing slash allowed). */
function serverBase(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--server must be a URL such as http://localhost:4000; got "${raw.slice(0, 80)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// URL; got "${raw.slice(0, 80)}"`);
  return `${url.origin}${url.pathname.replace(/\/(graphql)?\/?$/, '')}`;
}

/** Whether a server answers at http://localhost:$PORT/readyz (any answer: it holds .data/pg). */
async function localServer(): Promise<string | null> {
  const port = /^\d{1,5}$/.test(process.env.PORT ?? '') ? Number(process.env.PORT) : 4000;
  const base = `http://localhost:${port}`;
  try {
    const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1500) });
    await res.body?.cancel();
    return base;
  } catch {
    return null;
  }
}

/** Opens --out (or stdout) only once there is something to write. */
async function openTarget(out: string | null): Promise<Writable> {
  if (!out) return process.stdout;
  const target = createWriteStream(out);
  await Promise.race([once(target, 'open'), once(target, 'error').then(([error]) => Promise.reject(new Error(`--out ${out}: ${(error as Error).message}`)))]);
  return target;
}

async function writeAll(chunks: AsyncIterable<string | Uint8Array>, out: string | null): Promise<void> {
  const target = await openTarget(out);
  for await (const chunk of chunks) if (!target.write(chunk)) await once(target, 'drain');
  if (out) {
    target.end();
    await once(target, 'finish');
  }
}

/** Through a running server's GET /export/…: the server's own bytes, errors as its 400. */
async function viaServer(invocation: Invocation, base: string): Promise<number> {
  const url = `${base}/export/${ROUTES[invocation.format]}${[...invocation.params.keys()].length ? `?${invocation.params}` : ''}`;
  const token = invocation.token ?? process.env.HUBGRAPH_TOKEN ?? null;
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    console.error(`cannot reach the server at ${base}: ${cause?.message ?? (error as Error).message}`);
    return 1;
  }
  if (res.status !== 200 || !res.body) {
    const text = await res.text();
    let body: { parameter?: string; message?: string; errors?: { message?: string }[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: shown as text
    }
    const message = body.message ?? body.errors?.[0]?.message ?? text.slice(0, 300);
    if (res.status === 400 && body.parameter) {
      console.error(badFlag(invocation, body.parameter, message));
      return 2;
    }
    if (res.status === 401) {
      console.error(`--token${invocation.token ? '' : ' (HUBGRAPH_TOKEN)'}: ${message}`);
      return 2;
    }
    console.error(`${url} answered ${res.status}: ${message}`);
    return 1;
  }
  await writeAll(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>), invocation.out);
  return 0;
}

/** Straight from PostgreSQL: DATABASE_URL, or the embedded one in .data/pg. */
async function viaDatabase(invocation: Invocation, query: ExportQuery): Promise<number> {
  // Loaded here only: the server path needs neither TypeORM nor pg.
  require('reflect-metadata');
  const { loadConfig } = require('../config') as typeof import('../config');
  const { openDatabase } = require('../db/open-database') as typeof import('../db/open-database');
  const { sqlOf } = require('../db/sql') as typeof import('../db/sql');
  const { ANONYMOUS } = require('../auth/principal') as typeof import('../auth/principal');
  const { VisibilityPolicy } = require('../auth/visibility') as typeof import('../auth/visibility');
  const { exportChunks } = require('./exports') as typeof import('./exports');
  const database = await openDatabase(loadConfig(), (line) => console.error(line));
  try {
    let chunks: AsyncIterable<string>;
    try {
      chunks = await exportChunks(sqlOf(database.dataSource), new VisibilityPolicy(ANONYMOUS), invocation.format, query);
    } catch (error) {
      const bad = asExportParamError(error);
      if (!bad) throw error;
      console.error(badFlag(invocation, bad.parameter, bad.message));
      return 2;
    }
    await writeAll(chunks, invocation.out);
    return 0;
  } finally {
    await database.close();
  }
}

/** `npm run export`: the HTTP exports, for notebooks and scripts, from a running server, DATABASE_URL or .data. */
async function main(argv: string[]): Promise<number> {
  let invocation: Invocation | 'help';
  let server: string | null;
  try {
    invocation = parseArgs(argv);
    if (invocation === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    server = invocation.server === null ? null : serverBase(invocation.server);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n(npm run -s export -- --help lists the flags)`);
    return 2;
  }
  // The same checks as the endpoint, before anything is opened or asked.
  let query: ExportQuery;
  try {
    query = parseExportQuery(invocation.params);
  } catch (error) {
    const bad = asExportParamError(error);
    if (!bad) throw error;
    console.error(badFlag(invocation, bad.parameter, bad.message));
    return 2;
  }
  if (server === null && !process.env.DATABASE_URL) server = await localServer();
  return server === null ? viaDatabase(invocation, query) : viaServer(invocation, server);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
