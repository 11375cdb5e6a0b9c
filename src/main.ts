// Tracing first: it patches http and pg as they load (only when OTEL_* variables ask for it).
import { stopTracing } from './observability/tracing';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { clusterMetricsScrape, metricsHandlers } from './cluster/cluster-metrics';
import { ClusterRateLimitStore, rateLimitHandlers } from './cluster/cluster-rate-limit-store';
import { answerWorkers, PrimaryChannel } from './cluster/primary-channel';
import { startWorkerPool, type WorkerPool, type WorkerReady } from './cluster/worker-pool';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type OpenDatabase } from './db/open-database';
import { prepareDatabase } from './db/prepare-database';
import { MemoryRateLimitStore, type RateLimitStore } from './limits/rate-limit';
import { logger } from './log/logger';
import { createServer, type HubServer, type ServerOptions } from './server';

const workerIndex = cluster.isWorker ? Number(process.env.HUBGRAPH_WORKER_INDEX ?? cluster.worker?.id) : null;
const log = (line: string) => console.log(`[hub-graph${workerIndex === null ? '' : ` worker ${workerIndex}`}] ${line}`);

/** The server as configured; workers take their rate limit and metrics from the primary. */
function serverOptions(config: Config, database: OpenDatabase, rateLimitStore: RateLimitStore, metrics?: ServerOptions['metrics']): ServerOptions {
  return {
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
      rateLimit: config.rateLimitBudget > 0 ? { budget: config.rateLimitBudget, windowMs: config.rateLimitWindowMs, store: rateLimitStore } : null,
    },
    metrics,
  };
}

/**
 * Wires configuration, database and listening; everything else lives in createServer().
 * With HUBGRAPH_WORKERS above 1 this process prepares the database and supervises that many
 * workers (this same program, see `worker()`), which share the port.
 */
async function main(): Promise<void> {
  const began = Date.now();
  const config = loadConfig();
  logger.level = config.logLevel;
  let opening: Promise<OpenDatabase> | null = null;
  let server: HubServer | null = null;
  let pool: WorkerPool | null = null;

  // Handlers go in first: a signal during start-up (initdb, migrations, a long seed) must
  // still stop whatever has been opened so far, the embedded PostgreSQL included.
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error('[hub-graph] shutdown took over 15 s; exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    try {
      await pool?.stop(); // each worker drains its requests in flight
      await server?.stop(); // drains requests in flight for up to 5 s
      const database = opening ? await opening.catch(() => null) : null; // waits for a PostgreSQL still starting
      await database?.close();
      await stopTracing();
      log('stopped');
      process.exit(code);
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
    if (stopping) return;
    let graphqlUrl: string;
    if (config.workers > 1) {
      // The workers have pools of their own; this process keeps only the embedded PostgreSQL (if any).
      await database.dataSource.destroy();
      answerWorkers({ ...rateLimitHandlers(), ...metricsHandlers(() => pool?.serving() ?? []) });
      pool = startWorkerPool({
        workers: config.workers, env: { DATABASE_URL: database.url }, log,
        onGiveUp: (reason) => {
          console.error(`[hub-graph] ${reason}: stopping`);
          void shutdown('workers keep failing', 1);
        },
        onAllStopped: () => void shutdown('all workers stopped'),
      });
      graphqlUrl = await pool.ready;
    } else {
      server = await createServer(serverOptions(config, database, new MemoryRateLimitStore()));
      graphqlUrl = await server.listen(config.port, config.host);
    }
    if (config.jwtSecretIsDevDefault) log('tokens are signed with the public development secret (set HUBGRAPH_JWT_SECRET or HUBGRAPH_JWKS_URL for anything but local use); get one with: npm run -s token -- --role EDITOR');
    if (!config.batching) log('HUBGRAPH_LOADERS=off: loaders neither batch nor cache (benchmark comparator, not for production)');
    if (config.safelist && !config.production) log('HUBGRAPH_SAFELIST=on is enforced in production only; here operations outside schema/operations/manifest.json are answered and logged');
    const workers = config.workers > 1 ? ` with ${config.workers} workers` : '';
    log(`ready in ${Date.now() - began} ms at ${graphqlUrl}${workers} (health: ${graphqlUrl.replace(/graphql$/, 'health')})`);
  } catch (error) {
    if (stopping) return;
    await pool?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A cluster worker: connects to the database its primary prepared (DATABASE_URL), serves,
 * and says so. SIGTERM/SIGINT drain it; if the primary dies, Node's cluster ends the worker
 * at once (no drain).
 */
async function runWorker(): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  let server: HubServer | null = null;
  let database: OpenDatabase | null = null;
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 14_000).unref();
    try {
      await server?.stop();
      await database?.close();
      await stopTracing();
      process.exit(0);
    } catch (error) {
      console.error(`[hub-graph worker ${workerIndex}] shutdown after ${reason} failed:`, error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  database = await openDatabase(config);
  const primary = new PrimaryChannel();
  server = await createServer(serverOptions(config, database, new ClusterRateLimitStore(primary), (registry) => clusterMetricsScrape(registry, primary)));
  const url = await server.listen(config.port, config.host);
  process.send!({ hubgraph: 'ready', url } satisfies WorkerReady);
}

(cluster.isWorker ? runWorker() : main()).catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`[hub-graph${workerIndex === null ? '' : ` worker ${workerIndex}`}] failed to start:`, error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
