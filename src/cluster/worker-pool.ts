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
  /** No worker is serving and replacements keep failing: the pool gives up. */
  onGiveUp: (reason: string) => void;
  /** Every worker stopped of its own accord (exit code 0: a signal sent to the whole process group). */
  onAllStopped: () => void;
  /** Start-up must finish within this (default 120 s). */
  startTimeoutMs?: number;
  /** Replacements that may fail in a row while no worker serves before the pool gives up (default 5). */
  maxFailedRestarts?: number;
}

export interface WorkerPool {
  /** Resolves to the GraphQL URL when every worker listens; rejects if one fails first, or on the timeout. */
  ready: Promise<string>;
  /** The workers serving now (they said they listen, and have not exited). */
  serving(): Worker[];
  /** Sends each worker SIGTERM (they drain their requests) and resolves when all have exited; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Forks `workers` copies of this program (node:cluster), which share the listening port.
 *
 * - A worker that exits with an error during start-up fails the start.
 * - After start-up, a worker that exits with an error (or is killed) is replaced after a
 *   back-off that doubles with each failure in a row (1 s up to 30 s, reset once a
 *   replacement serves). The others keep serving meanwhile. If no worker serves and
 *   `maxFailedRestarts` replacements in a row failed, the pool gives up.
 * - A worker that exits with code 0 stopped on purpose (SIGINT/SIGTERM reached it, as
 *   Ctrl-C in a terminal does) and is not replaced; when all have, `onAllStopped`.
 */
export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const maxFailedRestarts = options.maxFailedRestarts ?? 5;
  const serving = new Set<Worker>();
  const alive = new Set<Worker>();
  let stopping = false;
  let started = false;
  let failedInARow = 0;
  let readyCount = 0;
  let resolveReady!: (url: string) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<string>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined);
  const startTimer = setTimeout(() => rejectReady(new Error(`workers not ready after ${(options.startTimeoutMs ?? 120_000) / 1000} s`)), options.startTimeoutMs ?? 120_000);
  startTimer.unref();

  const fork = (index: number): void => {
    const worker = cluster.fork({ ...options.env, HUBGRAPH_WORKER_INDEX: String(index) });
    alive.add(worker);
    worker.on('error', (error) => options.log(`worker ${index}: ${error.message}`)); // e.g. a send to a worker that just died
    worker.on('message', (message: WorkerReady) => {
      if (message?.hubgraph !== 'ready') return;
      serving.add(worker);
      failedInARow = 0;
      if (!started && ++readyCount === options.workers) {
        started = true;
        clearTimeout(startTimer);
        resolveReady(message.url);
      }
    });
    worker.on('exit', (code, signal) => {
      const wasServing = serving.delete(worker);
      alive.delete(worker);
      if (stopping) return;
      if (code === 0 && !signal) {
        if (alive.size === 0) options.onAllStopped();
        return;
      }
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!started) {
        rejectReady(new Error(`worker ${index} exited during start-up (${how})`));
        return;
      }
      if (!wasServing) failedInARow += 1;
      if (serving.size === 0 && failedInARow >= maxFailedRestarts) {
        options.onGiveUp(`no worker is serving and ${failedInARow} replacements in a row failed; the last: worker ${index} (${how})`);
        return;
      }
      const delayMs = Math.min(30_000, 1000 * 2 ** failedInARow);
      options.log(`worker ${index} exited (${how}); starting another in ${delayMs / 1000} s`);
      setTimeout(() => {
        if (!stopping) fork(index);
      }, delayMs).unref();
    });
  };
  for (let index = 0; index < options.workers; index++) fork(index);

  return {
    ready,
    serving: () => [...serving],
    async stop(graceMs = 12_000) {
      stopping = true;
      clearTimeout(startTimer);
      await Promise.all(
        [...alive].map(
          (worker) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => worker.process.kill('SIGKILL'), graceMs);
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              if (worker.isDead()) {
                clearTimeout(kill);
                resolve();
              } else worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
