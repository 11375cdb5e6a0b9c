import cluster, { type Worker } from 'node:cluster';

/** What a worker tells its primary once it listens. */
export interface WorkerReady {
  hubgraph: 'ready';
  url: string;
}

export interface WorkerPoolOptions {
  workers: number;
  /** Added to each worker's environment (e.g. the DATABASE_URL this process prepared). */
  env: Record<string, string>;
  log: (line: string) => void;
  /** Called when workers keep crashing (more than `maxRestarts` in `restartWindowMs`): the pool gives up. */
  onGiveUp: (reason: string) => void;
  maxRestarts?: number;
  restartWindowMs?: number;
}

export interface WorkerPool {
  /** Resolves to the GraphQL URL when every worker listens; rejects if one exits first. */
  ready: Promise<string>;
  /** Sends each worker SIGTERM (they drain their requests) and resolves when all have exited; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Forks `workers` copies of this program (node:cluster), which share the listening port.
 * A worker that exits after start-up is replaced, unless workers keep crashing; one that
 * exits during start-up fails the start.
 */
export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const maxRestarts = options.maxRestarts ?? 5;
  const restartWindowMs = options.restartWindowMs ?? 60_000;
  const restarts: number[] = [];
  let stopping = false;
  let started = false;
  let url = '';
  let readyCount = 0;
  let resolveReady!: (url: string) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ ...options.env, HUBGRAPH_WORKER_INDEX: String(index) });
    worker.on('message', (message: WorkerReady) => {
      if (message?.hubgraph !== 'ready') return;
      url = message.url;
      if (!started && ++readyCount === options.workers) {
        started = true;
        resolveReady(url);
      }
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!started) {
        rejectReady(new Error(`worker ${index} exited during start-up (${how})`));
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0] > restartWindowMs) restarts.shift();
      if (restarts.length > maxRestarts) {
        options.onGiveUp(`workers exited ${restarts.length} times in ${restartWindowMs / 1000} s; the last: worker ${index} (${how})`);
        return;
      }
      options.log(`worker ${index} exited (${how}); starting another`);
      fork(index);
    });
    return worker;
  };
  for (let index = 0; index < options.workers; index++) fork(index);

  return {
    ready,
    async stop(graceMs = 12_000) {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker && !worker.isDead());
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              if (worker.isDead()) resolve();
              else worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
