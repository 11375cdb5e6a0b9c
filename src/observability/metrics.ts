import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names become labels only when they look like names, and only the first 100 of them. */
const MAX_OPERATION_LABELS = 100;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The process's Prometheus metrics (prom-client), served at GET /metrics: request duration
 * by operation and status, statements and cost per request, pool usage, APQ and response
 * cache hits, whether the database is up, and Node's own (event loop, GC, memory).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly duration: Histogram<'operation' | 'status'>;
  readonly statements: Histogram<'operation'>;
  readonly cost: Histogram<'operation'>;
  readonly cacheHits: Counter<'cache' | 'result'>;
  readonly databaseUp: Gauge;

  constructor(pool: Pool, databaseUp: () => boolean) {
    collectDefaultMetrics({ register: this.registry, prefix: 'hubgraph_' });
    this.duration = new Histogram({
      name: 'hubgraph_graphql_request_duration_seconds', help: 'GraphQL request duration, by operation and HTTP status.',
      labelNames: ['operation', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
    });
    this.statements = new Histogram({
      name: 'hubgraph_sql_statements_per_request', help: 'SQL statements one GraphQL request sent to PostgreSQL.',
      labelNames: ['operation'], buckets: [0, 1, 2, 4, 8, 12, 16, 24, 32, 64], registers: [this.registry],
    });
    this.cost = new Histogram({
      name: 'hubgraph_graphql_request_cost', help: 'Requested cost of one GraphQL operation (see README, Limits).',
      labelNames: ['operation'], buckets: [10, 100, 500, 1000, 2500, 5000, 10000, 25000, 100000], registers: [this.registry],
    });
    this.cacheHits = new Counter({
      name: 'hubgraph_cache_requests_total', help: 'Lookups of the APQ and response caches, by cache and result (hit or miss).',
      labelNames: ['cache', 'result'], registers: [this.registry],
    });
    this.databaseUp = new Gauge({
      name: 'hubgraph_database_up', help: '1 while the database answers, 0 during an outage.', registers: [this.registry],
      aggregator: 'min', // with workers: 0 if any of them sees the database down
      collect() {
        this.set(databaseUp() ? 1 : 0);
      },
    });
    for (const [name, help, read] of [
      ['hubgraph_pool_connections', 'Connections the pg pool holds (busy and idle).', () => pool.totalCount],
      ['hubgraph_pool_idle_connections', 'Idle connections of the pg pool.', () => pool.idleCount],
      ['hubgraph_pool_waiting_requests', 'Requests waiting for a pg pool connection.', () => pool.waitingCount],
    ] as const) {
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    }
  }

  /** The label of an operation name: itself when it is a plain name among the first 100 seen, else "other" (or "anonymous"). */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Records one finished GraphQL request. */
  observe(request: { operation: string | null; status: number; seconds: number; statements: number; cost: number | null }): void {
    const operation = this.operationLabel(request.operation);
    this.duration.observe({ operation, status: String(request.status) }, request.seconds);
    this.statements.observe({ operation }, request.statements);
    if (request.cost !== null) this.cost.observe({ operation }, request.cost);
  }
}
