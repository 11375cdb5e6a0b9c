import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { askWorker, type ChannelHandlers, type PrimaryChannel } from './primary-channel';

const SCRAPE = 'metrics.scrape';
const LOCAL = 'metrics.local';
/** How long the primary waits for each worker's metrics; a worker that is late is left out of that scrape. */
export const WORKER_METRICS_TIMEOUT_MS = 1000;

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/**
 * A worker's GET /metrics: the sum over every worker that is serving, gathered by the
 * primary. The worker answers the primary with its own registry.
 */
export function clusterMetricsScrape(registry: Registry, primary: PrimaryChannel): () => Promise<string> {
  primary.answer({ [LOCAL]: () => registry.getMetricsAsJSON() });
  return () => primary.ask<string>(SCRAPE, null, WORKER_METRICS_TIMEOUT_MS + 1000);
}

/**
 * The primary's side: asks each serving worker (`serving()`) for its metrics, each within
 * 1 s, and sums what came (prom-client's `AggregatorRegistry.aggregate`, each metric by its
 * own aggregator: counters and histograms add up, `hubgraph_database_up` takes the minimum).
 * A worker starting or stuck is left out of that scrape rather than failing it. Scrapes that
 * arrive while one is being gathered share its answer.
 */
export function metricsHandlers(serving: () => Worker[]): ChannelHandlers {
  let gathering: Promise<string> | null = null;
  const gather = async (): Promise<string> => {
    const answers = await Promise.allSettled(serving().map((worker) => askWorker<MetricsJson>(worker, LOCAL, null, WORKER_METRICS_TIMEOUT_MS)));
    const metrics = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
    if (metrics.length === 0) throw new Error('no worker answered with its metrics');
    return AggregatorRegistry.aggregate(metrics).metrics();
  };
  return {
    [SCRAPE]: () => {
      gathering ??= gather().finally(() => {
        gathering = null;
      });
      return gathering;
    },
  };
}
