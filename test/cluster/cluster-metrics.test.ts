import cluster, { type Worker } from 'node:cluster';
import { Counter, Gauge, Registry } from 'prom-client';
import { metricsHandlers, WORKER_METRICS_TIMEOUT_MS } from '../../src/cluster/cluster-metrics';
import { answerWorkers } from '../../src/cluster/primary-channel';

/**
 * A worker as the primary sees it: its answers come back through the cluster's 'message'
 * event, as Node delivers them; `silent` never answers (a worker starting or stuck).
 */
function fakeWorker(id: number, registry: Registry | 'silent' | 'dead'): Worker {
  const worker = {
    id,
    isConnected: () => registry !== 'dead',
    send(message: { hubgraph: string; id: number }, _handle: unknown, done: (error: Error | null) => void) {
      done(null);
      if (registry === 'silent' || registry === 'dead') return;
      void registry.getMetricsAsJSON().then((result) => cluster.emit('message', worker, { hubgraph: 'answer', id: message.id, result }));
      return true;
    },
  };
  return worker as unknown as Worker;
}

function workerRegistry(requests: number, databaseUp: 0 | 1): Registry {
  const registry = new Registry();
  new Counter({ name: 'hubgraph_requests_total', help: 'requests', registers: [registry] }).inc(requests);
  new Gauge({ name: 'hubgraph_database_up', help: 'up', aggregator: 'min', registers: [registry] }).set(databaseUp);
  return registry;
}

describe('metricsHandlers (the primary sums its workers)', () => {
  beforeAll(() => answerWorkers({}));

  it('adds up counters and takes the minimum of database_up', async () => {
    const handlers = metricsHandlers(() => [fakeWorker(1, workerRegistry(3, 1)), fakeWorker(2, workerRegistry(4, 0))]);
    const text = (await handlers['metrics.scrape'](null as never)) as string;
    expect(text).toMatch(/^hubgraph_requests_total 7$/m);
    expect(text).toMatch(/^hubgraph_database_up 0$/m);
  });

  it('leaves out a worker that does not answer in time, or is gone, instead of failing the scrape', async () => {
    const handlers = metricsHandlers(() => [fakeWorker(1, workerRegistry(3, 1)), fakeWorker(2, 'silent'), fakeWorker(3, 'dead')]);
    const began = Date.now();
    const text = (await handlers['metrics.scrape'](null as never)) as string;
    expect(text).toMatch(/^hubgraph_requests_total 3$/m);
    expect(Date.now() - began).toBeLessThan(WORKER_METRICS_TIMEOUT_MS + 500);
  });

  it('fails when no worker answers, and shares one gathering between scrapes that arrive together', async () => {
    await expect(metricsHandlers(() => [fakeWorker(1, 'silent')])['metrics.scrape'](null as never)).rejects.toThrow(/no worker answered/);
    let asked = 0;
    const handlers = metricsHandlers(() => {
      asked += 1;
      return [fakeWorker(1, workerRegistry(1, 1))];
    });
    const [a, b] = await Promise.all([handlers['metrics.scrape'](null as never), handlers['metrics.scrape'](null as never)]);
    expect(a).toBe(b);
    expect(asked).toBe(1);
  });
});
