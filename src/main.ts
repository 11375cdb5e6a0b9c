// Tracing first: it patches http and pg as they load (only when OTEL_* variables ask for it).
import { stopTracing } from './observability/tracing';
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { openDatabase, type OpenDatabase } from './db/open-database';
import { prepareDatabase } from './db/prepare-database';
import { MemoryRateLimitStore } from './limits/rate-limit';
import { logger } from './log/logger';
import { createServer, type HubServer } from './server';

const log = (line: string) => console.log(`[hub-graph] ${line}`);

/** Wires configuration, database and listening; everything else lives in createServer(). */
async function main(): Promise<void> {
  const began = Date.now();
  const config = loadConfig();
  logger.level = config.logLevel;
  let opening: Promise<OpenDatabase> | null = null;
  let server: HubServer | null = null;

  // Handlers go in first: a signal during start-up (initdb, migrations, a long seed) must
  // still stop whatever has been opened so far, the embedded PostgreSQL included.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error('[hub-graph] shutdown took over 15 s; exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    try {
      await server?.stop(); // drains requests in flight for up to 5 s
      const database = opening ? await opening.catch(() => null) : null; // waits for a PostgreSQL still starting
      await database?.close();
      await stopTracing();
      log('stopped');
      process.exit(0);
    } catch (error) {
      console.error('[hub-graph] shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  opening = openDatabase(config, log);
  const database = await opening;
  if (stopping) return;
  try {
    await prepareDatabase(database.dataSource, { ...config, log });
    server = await createServer({
      dataSource: database.dataSource, production: config.production, debugSql: config.debugSql,
      batching: config.batching, statementTimeoutMs: config.statementTimeoutMs, requestTimeoutMs: config.requestTimeoutMs,
      exportStatementTimeoutMs: config.exportStatementTimeoutMs,
      auth: { secret: config.jwtSecret, jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience },
      introspection: config.introspection,
      trustProxy: config.trustProxy,
      apqStore: config.apqStore,
      safelist: config.safelist,
      responseCache: config.responseCache && { maxEntries: config.responseCacheMaxEntries, maxBytes: config.responseCacheMaxMb * 1024 * 1024 },
      limits: {
        costLimit: config.costLimit,
        editorCostLimit: config.editorCostLimit,
        rateLimit: config.rateLimitBudget > 0 ? { budget: config.rateLimitBudget, windowMs: config.rateLimitWindowMs, store: new MemoryRateLimitStore() } : null,
      },
    });
    const graphqlUrl = await server.listen(config.port, config.host);
    if (config.jwtSecretIsDevDefault) log('tokens are signed with the public development secret (set HUBGRAPH_JWT_SECRET or HUBGRAPH_JWKS_URL for anything but local use); get one with: npm run -s token -- --role EDITOR');
    if (!config.batching) log('HUBGRAPH_LOADERS=off: loaders neither batch nor cache (benchmark comparator, not for production)');
    if (config.safelist && !config.production) log('HUBGRAPH_SAFELIST=on is enforced in production only; here operations outside schema/operations/manifest.json are answered and logged');
    log(`ready in ${Date.now() - began} ms at ${graphqlUrl} (health: ${graphqlUrl.replace(/graphql$/, 'health')})`);
  } catch (error) {
    if (stopping) return;
    await database.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('[hub-graph] failed to start:', error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
