import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/open-database';
import { prepareDatabase } from './db/prepare-database';
import { createServer, type HubServer } from './server';

const log = (line: string) => console.log(`[hub-graph] ${line}`);

/** Wires configuration, database and listening; everything else lives in createServer(). */
async function main(): Promise<void> {
  const began = Date.now();
  const config = loadConfig();
  const database = await openDatabase(config, log);
  let server: HubServer;
  let graphqlUrl: string;
  try {
    await prepareDatabase(database.dataSource, { ...config, log });
    server = await createServer({ dataSource: database.dataSource, production: config.production, debugSql: config.debugSql, editorToken: config.editorToken, batching: config.batching });
    graphqlUrl = await server.listen(config.port, config.host);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  if (!config.batching) log('HUBGRAPH_LOADERS=off: loaders neither batch nor cache (benchmark comparator, not for production)');
  log(`ready in ${Date.now() - began} ms at ${graphqlUrl} (health: ${graphqlUrl.replace(/graphql$/, 'health')})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error('[hub-graph] shutdown took over 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    try {
      await server.stop();
      await database.close();
      log('stopped');
      process.exit(0);
    } catch (error) {
      console.error('[hub-graph] shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('[hub-graph] failed to start:', error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
