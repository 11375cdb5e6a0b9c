import { AggregatorRegistry, type Registry } from 'prom-client';
import type { PrimaryChannel, PrimaryHandlers } from './primary-channel';

const KIND = 'metrics.scrape';

/**
 * Makes this worker's registry the one prom-client reports to the primary, and returns what
 * GET /metrics serves: the sum over every worker (prom-client's AggregatorRegistry, which
 * asks each worker for its metrics over the cluster's IPC channel). A scrape on any worker
 * sees the whole server.
 */
export function clusterMetricsScrape(registry: Registry, primary: PrimaryChannel): () => Promise<string> {
  new AggregatorRegistry(); // adds prom-client's worker listener, which answers the primary's requests
  AggregatorRegistry.setRegistries([registry]);
  return () => primary.ask<string>(KIND, null);
}

/** The primary's side: aggregates the workers' registries. */
export function metricsHandlers(): PrimaryHandlers {
  const aggregator = new AggregatorRegistry();
  return { [KIND]: () => aggregator.clusterMetrics() };
}
