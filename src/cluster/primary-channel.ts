import cluster, { type Worker } from 'node:cluster';

/** One request a worker sends its primary over the cluster's IPC channel, and its answer. */
interface ChannelRequest {
  hubgraph: 'request';
  id: number;
  kind: string;
  payload: unknown;
}

interface ChannelAnswer {
  hubgraph: 'answer';
  id: number;
  result?: unknown;
  error?: string;
}

/** What the primary answers, by request kind. */
export type PrimaryHandlers = Record<string, (payload: never) => Promise<unknown> | unknown>;

/**
 * The primary's side: answers each worker request with the handler of its kind. An unknown
 * kind or a handler that throws answers with an error, so the worker's request fails instead
 * of waiting for its timeout.
 */
export function answerWorkers(handlers: PrimaryHandlers): void {
  cluster.on('message', (worker: Worker, message: ChannelRequest) => {
    if (message?.hubgraph !== 'request') return;
    const reply = (answer: Omit<ChannelAnswer, 'hubgraph' | 'id'>) => {
      if (worker.isConnected()) worker.send({ hubgraph: 'answer', id: message.id, ...answer } satisfies ChannelAnswer);
    };
    const handler = handlers[message.kind];
    if (!handler) {
      reply({ error: `the primary has no handler for "${message.kind}"` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.payload as never))
      .then((result) => reply({ result }), (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }));
  });
}

/**
 * The worker's side: `ask(kind, payload)` resolves to the primary's answer, or rejects with
 * its error, or after `timeoutMs` when no answer comes (a primary gone or busy).
 */
export class PrimaryChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly timeoutMs = 2000) {
    if (!process.send) throw new Error('PrimaryChannel needs a cluster worker (no IPC channel in this process)');
    process.on('message', (message: ChannelAnswer) => {
      if (message?.hubgraph !== 'answer') return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error !== undefined) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
  }

  ask<T>(kind: string, payload: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the primary did not answer "${kind}" within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      process.send!({ hubgraph: 'request', id, kind, payload } satisfies ChannelRequest, undefined, undefined, (error) => {
        if (!error) return;
        this.pending.delete(id);
        clearTimeout(timer);
        reject(error);
      });
    });
  }
}
