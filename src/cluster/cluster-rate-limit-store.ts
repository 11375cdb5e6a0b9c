import { RateLimitedLog } from '../log/logger';
import { MemoryRateLimitStore, type RateLimitDecision, type RateLimitStore } from '../limits/rate-limit';
import type { ChannelHandlers, PrimaryChannel } from './primary-channel';

const KIND = 'rate-limit.take';

interface Take {
  key: string;
  cost: number;
  budget: number;
  windowMs: number;
  now: number;
}

/** How long a request waits for the primary's answer (it takes microseconds when the primary is well). */
export const PRIMARY_TIMEOUT_MS = 250;
/** After the primary failed to answer, how long this worker decides alone before asking again. */
export const FALLBACK_MS = 5000;

/**
 * A worker's rate-limit store: the windows are kept by the primary, so every worker takes
 * from the same budget per caller (a client cannot multiply its budget by opening
 * connections that land on different workers). If the primary does not answer within
 * 250 ms, this worker's own windows decide for the next 5 s (no request waits on a primary
 * that is known to be slow), and the lapse is logged (at most 10 lines a minute).
 */
export class ClusterRateLimitStore implements RateLimitStore {
  private readonly fallback = new MemoryRateLimitStore();
  private readonly log = new RateLimitedLog();
  private aloneUntil = 0;

  constructor(private readonly primary: Pick<PrimaryChannel, 'ask'>, private readonly clock: () => number = Date.now) {}

  async take(key: string, cost: number, budget: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    if (this.clock() < this.aloneUntil) return this.fallback.take(key, cost, budget, windowMs, now);
    try {
      return await this.primary.ask<RateLimitDecision>(KIND, { key, cost, budget, windowMs, now } satisfies Take, PRIMARY_TIMEOUT_MS);
    } catch (error) {
      this.aloneUntil = this.clock() + FALLBACK_MS;
      this.log.warn('cluster-rate-limit', { err: error }, `rate limit: the primary did not answer; this worker's own windows decide for ${FALLBACK_MS / 1000} s`);
      return this.fallback.take(key, cost, budget, windowMs, now);
    }
  }
}

/** The primary's side: one in-memory store for all workers. */
export function rateLimitHandlers(store: RateLimitStore = new MemoryRateLimitStore()): ChannelHandlers {
  return {
    [KIND]: ({ key, cost, budget, windowMs, now }: Take) => store.take(key, cost, budget, windowMs, now),
  };
}
