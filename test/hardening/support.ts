import http from 'node:http';
import type { DataSource } from 'typeorm';
import { createServer, type HubServer, type ServerOptions } from '../../src/server';
import { TEST_JWT_SECRET } from '../support/graphql';

/** The production server every hardening test attacks, listening on a real loopback port. */
export async function listenProduction(dataSource: DataSource, extra: Partial<ServerOptions> = {}): Promise<{ server: HubServer; base: string; port: number }> {
  const server = await createServer({
    dataSource, production: true, debugSql: false,
    auth: { secret: TEST_JWT_SECRET, jwksUrl: null, issuer: null, audience: null },
    ...extra,
  });
  const url = await server.listen(0, '127.0.0.1');
  const port = Number(new URL(url).port);
  return { server, base: `http://127.0.0.1:${port}`, port };
}

export interface RawResponse {
  /** Which pooled socket carried it (debugging keep-alive). */
  socketId?: number;
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Milliseconds from sending to the end of the body. */
  ms: number;
}

// One keep-alive agent per process: thousands of fuzz requests must not exhaust ephemeral ports.
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
let socketCount = 0;

/**
 * One request over a raw socket (node:http, not fetch): any method (TRACE included), any
 * path as written (no normalisation of `..` or `%00`), any bytes as the body.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number; signal?: AbortSignal; agent?: http.Agent },
): Promise<RawResponse> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    let socketId: number | undefined;
    const req = http.request(
      {
        host: '127.0.0.1', port, agent: options.agent ?? agent, method: options.method ?? 'POST', path: options.path ?? '/graphql',
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...options.headers },
        signal: options.signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ socketId, status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - began }));
        res.on('error', reject);
      },
    );
    req.on('socket', (socket) => {
      const tagged = socket as unknown as { hardeningId?: number };
      tagged.hardeningId ??= ++socketCount;
      socketId = tagged.hardeningId;
      (req as unknown as { hardeningSocketId?: number }).hardeningSocketId = socketId;
    });
    req.on('error', (error) => ((error as { socketId?: number }).socketId = socketId));
    req.setTimeout(options.timeoutMs ?? 15_000, () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? 15_000} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs `{ query, variables, extensions }` as JSON to /graphql. */
export function postGraphQL(
  port: number,
  body: { query?: string; variables?: unknown; extensions?: unknown; operationName?: string },
  headers: Record<string, string> = {},
): Promise<RawResponse & { json: any }> {
  return rawRequest(port, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }).then((r) => ({ ...r, json: parseJson(r.text) }));
}

export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What must never reach a client: a stack trace ("stacktrace", or a frame "at /app/x.js:1:2",
 * "at fn (/app/x.js:1:2)"), node_modules, SQL, the database's name for itself. "at /" is
 * matched as a stack frame (a path with a line number), not as prose: the 404 hint "GraphQL
 * is served at /graphql" is not a leak. SELECT and pg_ are matched case-sensitively, so that
 * generated SQL-injection inputs (written in mixed case, which SQL accepts) may be echoed back
 * in a "not found" message without counting as a leak; "postgres" in any case.
 */
const LEAK_CASE_SENSITIVE = /stacktrace|\bat (?:[^\s"()]+ \()?\/[^\s"]*:\d+|\(\/[^\s"]*\.[cm]?[jt]s:\d+|node_modules|\bSELECT\b|pg_/;
const POSTGRES = /postgres/i;

/** The leaked text (with some context), or null. */
export function leakIn(text: string): string | null {
  const m = LEAK_CASE_SENSITIVE.exec(text) ?? POSTGRES.exec(text);
  return m ? text.slice(Math.max(0, m.index - 80), m.index + 80) : null;
}

/** A query of the pid, state and text of statements of the application still active (other than the asking connection's). */
export const ACTIVE_STATEMENTS_SQL =
  "SELECT pid, state, query FROM pg_stat_activity WHERE application_name = 'hub-graph' AND state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
