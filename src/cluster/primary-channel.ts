import cluster, { type Worker } from 'node:cluster';

/** A request over the cluster's IPC channel (either way), and its answer. */
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

/** What one side answers, by request kind. */
export type ChannelHandlers = Record<string, (payload: never) => Promise<unknown> | unknown>;

type Send = (message: ChannelRequest | ChannelAnswer, done: (error: Error | null) => void) => void;

/** Answers a request with its handler; an unknown kind or a throw answers with an error. */
function answer(handlers: ChannelHandlers, message: ChannelRequest, send: Send): void {
  const reply = (fields: Omit<ChannelAnswer, 'hubgraph' | 'id'>) => send({ hubgraph: 'answer', id: message.id, ...fields }, () => undefined);
  const handler = handlers[message.kind];
  if (!handler) {
    reply({ error: `no handler for "${message.kind}"` });
    return;
  }
  Promise.resolve()
    .then(() => handler(message.payload as never))
    .then((result) => reply({ result }), (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }));
}

/**
 * Requests of one side to the other, each answered or failed within its timeout; the pending
 * map holds only requests still waiting.
 */
class Requests {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  settle(message: ChannelAnswer): void {
    const waiting = this.pending.get(message.id);
    if (!waiting) return; // answered after its timeout
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.error !== undefined) waiting.reject(new Error(message.error));
    else waiting.resolve(message.result);
  }

  ask<T>(send: Send, kind: string, payload: unknown, timeoutMs: number, to: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const fail = (error: Error) => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`${to} did not answer "${kind}" within ${timeoutMs} ms`)), timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      send({ hubgraph: 'request', id, kind, payload }, (error) => error && fail(error));
    });
  }
}

/** Sends on a worker's channel; a worker that just died fails the send instead of throwing in the primary. */
function sendToWorker(worker: Worker): Send {
  return (message, done) => {
    if (!worker.isConnected()) {
      done(new Error(`worker ${worker.id} is not connected`));
      return;
    }
    try {
      worker.send(message, undefined, (error) => done(error ?? null));
    } catch (error) {
      done(error as Error);
    }
  };
}

const fromWorkers = new Requests();

/**
 * The primary's side: answers each worker's requests with `handlers`, and lets the primary
 * ask a worker (`askWorker`). A worker that dies with a message in flight fails that message;
 * its channel's errors are caught here, never thrown in the primary.
 */
export function answerWorkers(handlers: ChannelHandlers): void {
  cluster.on('message', (worker: Worker, message: ChannelRequest | ChannelAnswer) => {
    if (message?.hubgraph === 'request') answer(handlers, message, sendToWorker(worker));
    else if (message?.hubgraph === 'answer') fromWorkers.settle(message);
  });
}

/** The primary asks one worker; rejects on its error, or after `timeoutMs`. */
export function askWorker<T>(worker: Worker, kind: string, payload: unknown, timeoutMs: number): Promise<T> {
  return fromWorkers.ask<T>(sendToWorker(worker), kind, payload, timeoutMs, `worker ${worker.id}`);
}

/**
 * The worker's side: `ask(kind, payload)` resolves to the primary's answer, or rejects with
 * its error, or after the timeout when no answer comes (a primary gone or busy); `answer`
 * sets what this worker answers the primary.
 */
export class PrimaryChannel {
  private readonly requests = new Requests();
  private handlers: ChannelHandlers = {};
  private readonly send: Send = (message, done) => {
    if (!process.connected) {
      done(new Error('the primary is not connected'));
      return;
    }
    process.send!(message, undefined, undefined, (error) => done(error ?? null));
  };

  constructor() {
    if (!process.send) throw new Error('PrimaryChannel needs a cluster worker (no IPC channel in this process)');
    process.on('message', (message: ChannelRequest | ChannelAnswer) => {
      if (message?.hubgraph === 'answer') this.requests.settle(message);
      else if (message?.hubgraph === 'request') answer(this.handlers, message, this.send);
    });
  }

  ask<T>(kind: string, payload: unknown, timeoutMs: number): Promise<T> {
    return this.requests.ask<T>(this.send, kind, payload, timeoutMs, 'the primary');
  }

  answer(handlers: ChannelHandlers): void {
    this.handlers = { ...this.handlers, ...handlers };
  }
}
