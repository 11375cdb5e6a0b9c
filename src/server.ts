import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Context } from './context';
import { entitiesCapPlugin } from './federation/entities-cap';
import { buildHubSchema } from './federation/subgraph-schema';
import { handleExport, isExportPath } from './http/export-handler';
import { handleGraphQL } from './http/graphql-handler';
import { createTokenVerifier, type TokenVerifierOptions } from './auth/tokens';
import { costPlugin, DEFAULT_LIMITS, type LimitOptions } from './limits/limits';
import { checkHealth } from './http/health';
import { sendJson } from './http/respond';

export interface ServerOptions {
  dataSource: DataSource;
  production: boolean;
  /** Put `{ sqlStatements }` in every response's extensions. */
  debugSql: boolean;
  /** How bearer tokens are verified; default: no key, so every token is refused (anonymous reads only). */
  auth?: TokenVerifierOptions;
  /** statement_timeout of each operation's transactions, in ms (default 5000). */
  statementTimeoutMs?: number;
  /** Cost, depth, alias, directive and rate limits (defaults: DEFAULT_LIMITS, no rate limit). */
  limits?: Partial<LimitOptions>;
  /** Answer introspection (default: not in production). `_service { sdl }` is always answered. */
  introspection?: boolean;
  /** false: the naive N+1 comparator of the benchmark (HUBGRAPH_LOADERS=off). */
  batching?: boolean;
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

/**
 * In production, errors nobody anticipated reach the caller as a generic
 * INTERNAL_SERVER_ERROR (and the log), never as a message or stack trace of ours.
 */
function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const expected = original instanceof GraphQLError && formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (expected || !production) return formatted;
    console.error('[graphql] unexpected error:', original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/** Builds the schema and the HTTP server (`/graphql`, `/health`) without opening a port. */
export async function createServer(options: ServerOptions): Promise<HubServer> {
  const { schema } = await buildHubSchema();
  const httpServer = http.createServer();
  const limits: LimitOptions = { ...DEFAULT_LIMITS, rateLimit: null, ...options.limits };
  const tokens = createTokenVerifier(options.auth ?? { secret: null, jwksUrl: null, issuer: null, audience: null });
  const graphqlOptions = {
    dataSource: options.dataSource, tokens, batching: options.batching ?? true, statementTimeoutMs: options.statementTimeoutMs ?? 5000,
  };
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5000 }),
    ApolloServerPluginInlineTraceDisabled(),
    // Cache hints are not used; the plugin would otherwise wrap every field resolver.
    ApolloServerPluginCacheControlDisabled(),
    entitiesCapPlugin(),
    costPlugin(limits),
  ];
  if (options.debugSql) plugins.push(sqlStatementsPlugin());
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: options.introspection ?? !options.production,
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    // main.ts owns shutdown: server, then pool, then PostgreSQL.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !options.production,
    formatError: formatError(options.production),
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
      } else if (pathname === '/graphql') {
        await handleGraphQL(apollo, graphqlOptions, req, res);
      } else if (isExportPath(pathname)) {
        await handleExport(options.dataSource, tokens, pathname, req, res);
      } else if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        const health = await checkHealth(options.dataSource);
        sendJson(res, health.status === 'ok' ? 200 : 503, health);
      } else {
        sendJson(res, 404, { error: 'not_found', message: `No route for ${req.method} ${pathname}; GraphQL is served at /graphql.` });
      }
    };
    route().catch((error) => {
      console.error('[http] request failed:', error);
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
      if (started) await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
