/** What a rate limit answered for one request. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Cost points left in the window after this request (0 when refused). */
  remaining: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
}

/**
 * Where cost budgets are kept. The in-process store suits one instance; several instances
 * behind a router share a budget through a store of their own (e.g. Redis or PostgreSQL)
 * that implements this interface.
 */
export interface RateLimitStore {
  /** Takes `cost` points from `key`'s budget of `budget` per `windowMs`, if they are there. */
  take(key: string, cost: number, budget: number, windowMs: number, now: number): Promise<RateLimitDecision>;
}

/** Fixed windows per key, in this process's memory; expired windows are swept as it goes. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { used: number; resetAt: number }>();
  private lastSweep = 0;

  async take(key: string, cost: number, budget: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    if (now - this.lastSweep > windowMs) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
      this.lastSweep = now;
    }
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { used: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    if (window.used + cost > budget) return { allowed: false, remaining: Math.max(0, budget - window.used), resetAt: window.resetAt };
    window.used += cost;
    return { allowed: true, remaining: budget - window.used, resetAt: window.resetAt };
  }
}
