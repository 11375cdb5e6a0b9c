import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { AuthenticationError } from '../auth/auth-error';
import type { TokenVerifier } from '../auth/tokens';
import { createContext, type Context } from '../context';
import type { DatabaseHealth } from '../db/database-health';
import { StatementCounter } from '../db/statement-counter';
import type { Metrics } from '../observability/metrics';
import { emptyReport, logRequest, requestIdOf } from '../observability/request-log';
import { sendJson } from './respond';
import { VARY } from '../cache/http-cache';
import type { Safelist } from '../cache/safelist';
import { cacheableBody, requestParameters, responseKey, type ResponseCache, type WriteInvalidation } from '../cache/response-cache';
import { localeFromAcceptLanguage } from '../i18n/accept-language';

const MAX_BODY_BYTES = 1024 * 1024;

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/graphql-response+json') return undefined;
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Not req.destroy() (which `for await` would do): that resets the socket under the 413
      // about to be sent. The rest is read and dropped; the 413 closes the connection.
      settle(() => reject(new BodyError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`)));
      req.resume();
    };
    req.on('data', onData);
    req.once('end', () => settle(() => resolve(Buffer.concat(chunks).toString('utf8'))));
    req.once('error', (error) => settle(() => reject(error)));
    req.once('close', () => settle(() => reject(new BodyError(400, 'The request body ended before it was complete.'))));
  });
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'Request body is not valid JSON.');
  }
}

export interface GraphQLHandlerOptions {
  dataSource: DataSource;
  tokens: TokenVerifier;
  batching: boolean;
  statementTimeoutMs: number;
  /** Each request is cancelled after this many milliseconds. */
  requestTimeoutMs: number;
  health: DatabaseHealth;
  /** Take the client address from X-Forwarded-For (set only behind a trusted proxy). */
  trustProxy: boolean;
  metrics: Metrics;
  /** Safelist mode: requests for documents outside the manifest are refused here, before Apollo (src/cache/safelist.ts). */
  safelist?: Safelist | null;
  /** Whole answers to anonymous reads (src/cache/response-cache.ts); null: off. */
  responseCache?: ResponseCache | null;
  /** What a committed write does to the response caches (NOTIFY, clear); null: nothing. */
  invalidation?: WriteInvalidation | null;
}

/** The caller's address: the socket's, or behind a trusted proxy the first X-Forwarded-For entry. */
function clientIp(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || null;
}

/** 503 SERVICE_UNAVAILABLE with Retry-After, while the database cannot be reached. */
export function sendUnavailable(res: ServerResponse, health: DatabaseHealth): void {
  res.setHeader('retry-after', String(health.retryAfterSeconds));
  sendJson(res, 503, { errors: [{ message: `The database cannot be reached right now; retry in ${health.retryAfterSeconds} s.`, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
}

/** Answers 401 UNAUTHENTICATED with the verifier's reason. */
export function sendUnauthenticated(res: ServerResponse, error: AuthenticationError): void {
  res.setHeader('www-authenticate', 'Bearer');
  sendJson(res, 401, { errors: [{ message: `${error.message} Send no Authorization header to read published content anonymously.`, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Serves one GraphQL request through Apollo Server as the principal its bearer token proves
 * (anonymous without one; 401 for an invalid one), counting every statement it causes
 * (the count reaches `extensions.sqlStatements` when HUBGRAPH_DEBUG_SQL is on). While the
 * database is down it answers 503 at once. The operation is cancelled (no further
 * statements, the running one cancelled) at its deadline or when the client goes away.
 */
export async function handleGraphQL(apollo: ApolloServer<Context>, options: GraphQLHandlerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const began = process.hrtime.bigint();
  const requestId = requestIdOf(req);
  res.setHeader('x-request-id', requestId);
  // Every answer varies with the locale and the principal; only the cache-control plugin (src/cache) makes one cacheable.
  res.setHeader('vary', VARY);
  res.setHeader('cache-control', 'no-store');
  const report = emptyReport();
  let principalId: string | null = null;
  const statements = new StatementCounter();
  // One log line and one observation per request, whatever its outcome.
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    logRequest({ requestId, principalId, status: res.statusCode, durationMs: seconds * 1000, statements: statements.count, report, method: req.method ?? 'GET' });
    options.metrics.observe({ operation: report.operationName, status: res.statusCode, seconds, statements: statements.count, cost: report.cost?.requested ?? null });
  });
  let principal;
  try {
    principal = await options.tokens.verify(req.headers.authorization);
    principalId = principal.id;
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    sendUnauthenticated(res, error);
    return;
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    const status = error instanceof BodyError ? error.status : 400;
    const message = error instanceof BodyError ? error.message : 'Unreadable request body.';
    // The rest of an oversized body is not worth reading: no other request may follow on this connection.
    if (status === 413) res.setHeader('connection', 'close');
    sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  const refusal = options.safelist?.check((req.method ?? 'GET').toUpperCase(), new URL(req.url ?? '/', 'http://localhost').search, body);
  if (refusal) {
    report.errorCodes = refusal.errors.map((e) => e.extensions.code);
    sendJson(res, 400, refusal);
    return;
  }
  if (!options.health.up) {
    sendUnavailable(res, options.health);
    return;
  }
  // The response cache: anonymous reads only (no Authorization header at all), keyed by document,
  // variables, operation name and resolved locale; see src/cache/response-cache.ts.
  const cache = options.responseCache?.available && principal.id === null && req.headers.authorization === undefined ? options.responseCache : null;
  let cacheKey: string | null = null;
  const generation = cache?.generation ?? 0;
  if (cache) {
    const parameters = requestParameters((req.method ?? 'GET').toUpperCase(), new URL(req.url ?? '/', 'http://localhost').search, body);
    if (parameters) {
      cacheKey = responseKey({ ...parameters, locale: localeFromAcceptLanguage(req.headers['accept-language']) });
      const hit = cache.get(cacheKey);
      if (hit) {
        report.operationName = parameters.operationName;
        for (const [key, value] of hit.headers) res.setHeader(key, value);
        res.setHeader('age', String(Math.max(0, Math.floor((Date.now() - hit.storedAt) / 1000))));
        res.setHeader('x-hubgraph-cache', 'hit');
        res.statusCode = hit.status;
        res.end(hit.body);
        return;
      }
    }
  }
  // One controller for both ends of a request's life: its deadline and its client going away.
  // A plain timer, cleared when the request is done: AbortSignal.timeout would keep the whole
  // request (context, loaders, rows) reachable until the deadline, ~1,000 requests at 100 req/s.
  const abort = new AbortController();
  const deadline = setTimeout(
    () => abort.abort(new DOMException(`The request ran past its ${options.requestTimeoutMs} ms deadline.`, 'TimeoutError')),
    options.requestTimeoutMs,
  );
  deadline.unref();
  const onClose = () => {
    if (!res.writableFinished) abort.abort(new Error('client closed the connection'));
  };
  res.on('close', onClose);
  // A client that hung up before this listener existed (while its token or body was read) left a
  // 'close' event nobody heard: without this its operation would run, and wait for a connection.
  if (req.socket.destroyed) abort.abort(new Error('client closed the connection'));
  const signal = abort.signal;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let response: Awaited<ReturnType<typeof apollo.executeHTTPGraphQLRequest>>;
  try {
    // The operation's DbSession counts its statements on `statements` itself (nothing in a request
    // goes through TypeORM): no AsyncLocalStorage here, whose promise hooks cost ~3 % of the CPU.
    response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: new URL(req.url ?? '/', 'http://localhost').search,
        body,
      },
      context: async () =>
        createContext({
          dataSource: options.dataSource, acceptLanguage: req.headers['accept-language'] ?? null, statements, principal,
          batching: options.batching, statementTimeoutMs: options.statementTimeoutMs, clientIp: clientIp(req, options.trustProxy),
          signal, health: options.health, report, invalidation: options.invalidation ?? null,
        }),
    });
  } finally {
    clearTimeout(deadline);
    res.off('close', onClose);
  }
  if (res.destroyed) return; // nobody is listening any more
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    if (cache && cacheKey !== null) {
      res.setHeader('x-hubgraph-cache', 'miss');
      // Only `public, max-age=N` answers (no error, no viewer-specific field) are worth parsing.
      if (res.statusCode === 200 && response.headers.get('cache-control')?.startsWith('public, ')) {
        const kept = cacheableBody(response.body.string);
        if (kept !== null) cache.set(cacheKey, generation, { status: 200, headers: [...response.headers], body: kept });
      }
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
