import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type ASTVisitor, type GraphQLFormattedError, type ValidationContext } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Registry } from 'prom-client';
import type { Context } from './context';
import { entitiesCapPlugin } from './federation/entities-cap';
import { buildHubSchema } from './federation/subgraph-schema';
import { pinFrontEndFoldShapes } from './fold-pins';
import { REFERENCE_RESOLVERS } from './modules';
import { handleExport, isExportPath } from './http/export-handler';
import { handleGraphQL } from './http/graphql-handler';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/tokens';
import { costPlugin, DEFAULT_LIMITS, type LimitOptions } from './limits/limits';
import { checkHealth } from './http/health';
import { DatabaseHealth, isConnectionError } from './db/database-health';
import { poolOf } from './db/sql';
import { RateLimitedLog } from './log/logger';
import { Metrics } from './observability/metrics';
import { reportPlugin } from './observability/report-plugin';
import { countedCache } from './observability/counted-cache';
import { sendJson } from './http/respond';
import type { ApqStoreKind } from './cache/apq-store';
import { httpCaching } from './cache/http-cache';
import { DEFAULT_RESPONSE_CACHE_LIMITS, InvalidationListener, ResponseCache, type ResponseCacheLimits } from './cache/response-cache';
import { defaultIdeDirectory, IdeHandler, isIdeAssetPath, wantsIdePage } from './ide/ide-handler';
import { defaultExploreDirectory, ExploreHandler, isExplorePath } from './explore/explore-handler';

export interface ServerOptions {
  dataSource: DataSource;
  production: boolean;
  /** Put `{ sqlStatements }` in every response's extensions. */
  debugSql: boolean;
  /** How bearer tokens are verified; default: no key, so every token is refused (anonymous reads only). */
  auth?: TokenVerifierOptions;
  /** statement_timeout of each operation's transactions, in ms (default 5000). */
  statementTimeoutMs?: number;
  /** Rate limits key anonymous callers by the first X-Forwarded-For address (behind a trusted proxy only). */
  trustProxy?: boolean;
  /** statement_timeout of the exports' statements, in ms (default 60000). */
  exportStatementTimeoutMs?: number;
  /** Each GraphQL request is cancelled after this many ms (default 10000). */
  requestTimeoutMs?: number;
  /** Cost, depth, alias, directive and rate limits (defaults: DEFAULT_LIMITS, no rate limit). */
  limits?: Partial<LimitOptions>;
  /** Answer introspection (default: not in production). `_service { sdl }` is always answered. */
  introspection?: boolean;
  /** Serve the GraphiQL IDE to browsers at GET /graphql (default: where introspection is on). */
  ide?: boolean;
  /** Where the built IDE is (default: dist/ide, written by `npm run build`). */
  ideDirectory?: string;
  /** Where the built objective-network explorer is (default: dist/explore, written by `npm run build`). */
  exploreDirectory?: string;
  /** false: the naive N+1 comparator of the benchmark (HUBGRAPH_LOADERS=off). */
  batching?: boolean;
  /** Where APQ documents are kept: this process (default) or the `persisted_query` table, shared by every instance. */
  apqStore?: ApqStoreKind;
  /** Refuse, in production, operations outside schema/operations/manifest.json (`_service { sdl }` excepted); default off. */
  safelist?: boolean;
  /**
   * Keep whole answers to anonymous public reads in this process, cleared by every committed
   * write (here at once, elsewhere through LISTEN/NOTIFY); default off here, on in main.ts
   * (HUBGRAPH_RESPONSE_CACHE). An object sets its limits.
   */
  responseCache?: boolean | Partial<ResponseCacheLimits>;
  /**
   * Given this server's metrics registry, what GET /metrics serves (default: that registry).
   * Cluster workers serve the sum over all workers instead (src/cluster/cluster-metrics.ts).
   */
  metrics?: (local: Registry) => () => Promise<string>;
}

export interface HubServer {
  apollo: ApolloServer<Context>;
  httpServer: http.Server;
  /** Starts Apollo (not the socket): enough for `executeOperation` in tests. */
  start(): Promise<void>;
  /** Listens on `port` (0: any free port) and resolves to the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests and drains those in flight. */
  stop(): Promise<void>;
}

/** Reports the request's statement count in `extensions.sqlStatements`. */
function sqlStatementsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: contextValue.statements.count,
            };
          }
        },
      };
    },
  };
}

/** Errors of the database that mean something to the caller, with what to tell them. */
function knownDatabaseError(original: unknown, statementTimeoutMs: number): { code: string; message: string } | null {
  if (isConnectionError(original)) return { code: 'SERVICE_UNAVAILABLE', message: 'The database cannot be reached right now; retry in a few seconds.' };
  if ((original as { code?: string } | null)?.code === '57014') {
    return { code: 'STATEMENT_TIMEOUT', message: `A database statement ran longer than its ${statementTimeoutMs} ms limit and was cancelled; ask for less or retry.` };
  }
  return null;
}

/** graphql-js's "Did you mean …?" suggestions, which would map the schema for a caller without introspection. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Errors nobody anticipated reach the caller as a generic INTERNAL_SERVER_ERROR in
 * production, never as a message or stack trace of ours, and reach the log with a rate
 * limit; an unreachable database is SERVICE_UNAVAILABLE, a statement timeout
 * STATEMENT_TIMEOUT, in every mode.
 */
function formatError(production: boolean, statementTimeoutMs: number, errorLog: RateLimitedLog) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // hideSchemaDetailsFromClientErrors strips suggestions from validation errors only; variable
    // coercion (`Variable "$f" got invalid value …; Did you mean "text"?`) reaches here with them.
    const formatted = production && given.message.includes('Did you mean') ? { ...given, message: given.message.replace(SUGGESTION, '') } : given;
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && original.message === 'provided sha does not match query') {
      // Apollo's own APQ check raises this without a code (HTTP 400); name it.
      return {
        message: 'The sha256Hash of extensions.persistedQuery is not the SHA-256 of the query sent with it; send the hash of the exact query text.',
        extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
      };
    }
    const cause = (error as { originalError?: unknown } | null)?.originalError;
    if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && cause instanceof GraphQLError && cause.extensions?.code === 'BAD_USER_INPUT') {
      // A validation error our plugins named (entities-cap: an inline null representation): keep their code and details.
      const { http: _http, ...extensions } = cause.extensions;
      return { message: cause.message, locations: formatted.locations, extensions };
    }
    if (original instanceof GraphQLError && original.message === 'Unsupported persisted query version') {
      // Apollo's APQ check raises this without a code for any persistedQuery but { version: 1, … } (HTTP 400); name it.
      return {
        message: 'extensions.persistedQuery must be { "version": 1, "sha256Hash": "<SHA-256 of the query, hex>" }; no other version or shape is supported.',
        extensions: { code: 'BAD_REQUEST' },
      };
    }
    if (original instanceof GraphQLError && original.message.startsWith('Too many errors processing variables')) {
      // graphql-js stops coercing variables after 50 errors and says so without a code: it is the caller's input too.
      return { message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const known = knownDatabaseError(original, statementTimeoutMs);
    if (known) return { message: known.message, locations: formatted.locations, path: formatted.path, extensions: { code: known.code } };
    const expected = original instanceof GraphQLError && formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (expected) return formatted;
    errorLog.error('graphql', { err: original, path: formatted.path }, 'unexpected error');
    if (!production) return formatted;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * Refuses an operation of a type the schema has no root for (`subscription` here) as a
 * validation error (HTTP 400); graphql-js 16 lets it through to execution, which fails it
 * without a code.
 */
function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations; send a query or a mutation.`, { nodes: node }));
      }
    },
  };
}

/** HTTP statuses for errors raised while executing: 503 (with Retry-After) when the database is down, 504 at the deadline. */
function errorStatusPlugin(health: DatabaseHealth): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const codes = new Set((response.body.singleResult.errors ?? []).map((e) => e.extensions?.code));
          if (codes.has('SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(health.retryAfterSeconds));
          } else if (codes.has('REQUEST_TIMEOUT')) {
            response.http.status = 504;
          }
        },
      };
    },
  };
}

/** Builds the schema and the HTTP server (`/graphql`, `/health`) without opening a port. */
export async function createServer(options: ServerOptions): Promise<HubServer> {
  const { schema } = await buildHubSchema();
  pinFrontEndFoldShapes(schema); // the front-ends' pages always fold, whatever clients sent before them
  const httpServer = http.createServer();
  const limits: LimitOptions = { ...DEFAULT_LIMITS, rateLimit: null, ...options.limits };
  const health = new DatabaseHealth(poolOf(options.dataSource));
  const metrics = new Metrics(poolOf(options.dataSource), () => health.up);
  const scrapeMetrics = options.metrics ? options.metrics(metrics.registry) : () => metrics.registry.metrics();
  const errorLog = new RateLimitedLog();
  const statementTimeoutMs = options.statementTimeoutMs ?? 5000;
  const tokens = createTokenVerifier(options.auth ?? { secret: null, jwksUrl: null, issuer: null, audience: null });
  const explore = new ExploreHandler({ directory: options.exploreDirectory ?? defaultExploreDirectory() });
  const ide = new IdeHandler({ enabled: options.ide ?? options.introspection ?? !options.production, directory: options.ideDirectory ?? defaultIdeDirectory() });
  // Cache-Control from the cache hints (src/cache), APQ (manifest, then memory or PostgreSQL), the safelist.
  const caching = httpCaching({
    pool: poolOf(options.dataSource), production: options.production, apqStore: options.apqStore, safelist: options.safelist, maxTokens: DEFAULT_LIMITS.maxTokens,
  });
  // The response cache of anonymous reads and its invalidation (src/cache/response-cache.ts).
  const responseCache = options.responseCache
    ? new ResponseCache({ ...DEFAULT_RESPONSE_CACHE_LIMITS, ...(typeof options.responseCache === 'object' ? options.responseCache : {}) }, metrics)
    : null;
  const invalidation = responseCache ? new InvalidationListener(poolOf(options.dataSource), responseCache) : null;
  const graphqlOptions = {
    dataSource: options.dataSource, tokens, batching: options.batching ?? true, statementTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000, health, trustProxy: options.trustProxy ?? false, metrics,
    safelist: caching.safelist, responseCache, invalidation,
  };
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
    ApolloServerPluginInlineTraceDisabled(),
    // Cache hints are not used; the plugin would otherwise wrap every field resolver.
    ApolloServerPluginCacheControlDisabled(),
    // Apollo's landing page loads its Sandbox from a CDN; browsers get our bundled GraphiQL (src/ide) instead.
    ApolloServerPluginLandingPageDisabled(),
    entitiesCapPlugin(new Set(Object.keys(REFERENCE_RESOLVERS))),
    costPlugin(limits),
    errorStatusPlugin(health),
    reportPlugin(),
  ];
  plugins.push(...caching.plugins);
  if (options.debugSql) plugins.push(sqlStatementsPlugin());
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.introspection ?? !options.production,
    // No "Did you mean …?" suggestions in production: they let a caller map the schema without introspection.
    hideSchemaDetailsFromClientErrors: options.production,
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    persistedQueries: { ...caching.persistedQueries, cache: countedCache(caching.persistedQueries.cache, metrics, 'apq') },
    // GET queries need no preflight header (browsers, CDNs). CSRF needs no header check here: POST
    // bodies must be JSON (the handler ignores any other type), GET runs queries only (Apollo
    // refuses a mutation over GET with 405), and credentials travel in Authorization, never in cookies.
    csrfPrevention: false,
    validationRules: [knownOperationTypesRule],
    // main.ts owns shutdown: server, then pool, then PostgreSQL.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatError(options.production, statementTimeoutMs, errorLog),
    plugins,
  });

  // A malformed request never reaches 'request'; answer it instead of leaving the socket hanging.
  httpServer.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  httpServer.on('request', (req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    const route = async () => {
      let pathname: string;
      try {
        pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      } catch {
        sendJson(res, 400, { error: 'bad_request', message: 'The request target is not a valid URL.' });
        return;
      }
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('access-control-allow-headers', 'content-type, accept-language, authorization, apollo-require-preflight');
        res.setHeader('access-control-max-age', '86400');
        res.statusCode = 204;
        res.end();
      } else if (pathname === '/graphql' && wantsIdePage(req)) {
        await ide.servePage(req, res); // a browser without ?query=: the GraphiQL IDE
      } else if (pathname === '/graphql') {
        await handleGraphQL(apollo, graphqlOptions, req, res);
      } else if (isIdeAssetPath(pathname)) {
        await ide.serveAsset(req, res, pathname);
      } else if (isExplorePath(pathname)) {
        await explore.serve(req, res, pathname); // the objective-network explorer (src/explore)
      } else if (isExportPath(pathname)) {
        await handleExport({ dataSource: options.dataSource, tokens, health, statementTimeoutMs: options.exportStatementTimeoutMs ?? 60_000 }, pathname, req, res);
      } else if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        const epoch = health.epoch;
        const report = await checkHealth(options.dataSource);
        if (report.status === 'ok') health.succeeded(epoch);
        sendJson(res, report.status === 'ok' ? 200 : 503, report);
      } else if (pathname === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
        res.statusCode = 200;
        res.setHeader('content-type', metrics.registry.contentType);
        res.end(await scrapeMetrics());
      } else if (pathname === '/livez' && (req.method === 'GET' || req.method === 'HEAD')) {
        sendJson(res, 200, { status: 'alive' }); // the process answers: nothing else is asked
      } else if (pathname === '/readyz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const ready = await health.probe();
        if (!ready) res.setHeader('retry-after', String(health.retryAfterSeconds));
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', ...health.status() });
      } else {
        sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${pathname}; GraphQL is served at /graphql.` });
      }
    };
    route().catch((error) => {
      errorLog.error('http', { err: error, method: req.method }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'Internal server error' });
      // Mid-body: abort, so the client sees a failed transfer rather than a complete, truncated file.
      else res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });

  let started = false;
  const start = async () => {
    if (!started) {
      started = true;
      await apollo.start();
      await invalidation?.start();
    }
  };
  return {
    apollo,
    httpServer,
    start,
    async listen(port, host = '0.0.0.0') {
      await start();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const address = httpServer.address() as { port: number };
      return `http://localhost:${address.port}/graphql`;
    },
    async stop() {
      health.stop();
      await invalidation?.stop();
      if (started) await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
