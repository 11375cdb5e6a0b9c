import { RateLimitedLog } from '../log/logger';
import { MemoryRateLimitStore, type RateLimitDecision, type RateLimitStore } from '../limits/rate-limit';
import type { PrimaryChannel, PrimaryHandlers } from './primary-channel';

const KIND = 'rate-limit.take';

interface Take {
  key: string;
  cost: number;
  budget: number;
  windowMs: number;
  now: number;
}

/**
 * A worker's rate-limit store: the windows are kept by the primary, so every worker takes
 * from the same budget per caller (a client cannot multiply its budget by opening
 * connections that land on different workers). If the primary does not answer, this
 * worker's own windows decide, and the lapse is logged (at most 10 lines a minute).
 */
export class ClusterRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private readonly log = new RateLimitedLog();

  constructor(private readonly primary: PrimaryChannel) {}

  async take(key: string, cost: number, budget: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    try {
      return await this.primary.ask<RateLimitDecision>(KIND, { key, cost, budget, windowMs, now } satisfies Take);
    } catch (error) {
      this.log.warn('cluster-rate-limit', { err: error }, "rate limit: the primary did not answer; this worker's own windows decide");
      return this.fallback.take(key, cost, budget, windowMs, now);
    }
  }
}

/** The primary's side: one in-memory store for all workers. */
export function rateLimitHandlers(store: RateLimitStore = new MemoryRateLimitStore()): PrimaryHandlers {
  return {
    [KIND]: ({ key, cost, budget, windowMs, now }: Take) => store.take(key, cost, budget, windowMs, now),
  };
}
