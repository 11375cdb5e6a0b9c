import { ClusterRateLimitStore, FALLBACK_MS, PRIMARY_TIMEOUT_MS, rateLimitHandlers } from '../../src/cluster/cluster-rate-limit-store';
import type { PrimaryChannel } from '../../src/cluster/primary-channel';
import { logger } from '../../src/log/logger';

const timeouts: number[] = [];

/** A channel that hands each request to the primary's handlers in this process, or fails. */
function channelTo(handlers: ReturnType<typeof rateLimitHandlers> | null): PrimaryChannel {
  return {
    ask: async (kind: string, payload: unknown, timeoutMs: number) => {
      timeouts.push(timeoutMs);
      if (!handlers) throw new Error('the primary did not answer "rate-limit.take" within 250 ms');
      return handlers[kind](payload as never);
    },
  } as unknown as PrimaryChannel;
}

describe('ClusterRateLimitStore', () => {
  it("takes from the primary's windows: two workers share one budget per caller", async () => {
    const primary = rateLimitHandlers();
    const a = new ClusterRateLimitStore(channelTo(primary));
    const b = new ClusterRateLimitStore(channelTo(primary));
    expect(await a.take('ip:1', 40, 100, 60_000, 0)).toMatchObject({ allowed: true, remaining: 60 });
    expect(await b.take('ip:1', 40, 100, 60_000, 1)).toMatchObject({ allowed: true, remaining: 20 });
    expect(await a.take('ip:1', 40, 100, 60_000, 2)).toMatchObject({ allowed: false, remaining: 20 });
    expect(await b.take('ip:2', 40, 100, 60_000, 3)).toMatchObject({ allowed: true, remaining: 60 });
  });

  it("falls back to the worker's own windows, and says so, when the primary does not answer", async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      const store = new ClusterRateLimitStore(channelTo(null));
      expect(await store.take('ip:1', 60, 100, 60_000, 0)).toMatchObject({ allowed: true, remaining: 40 });
      expect(await store.take('ip:1', 60, 100, 60_000, 1)).toMatchObject({ allowed: false, remaining: 40 });
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), expect.stringMatching(/primary did not answer/));
    } finally {
      warn.mockRestore();
    }
  });

  it('waits at most 250 ms for the primary, then decides alone for 5 s before asking again', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      let now = 1_000_000;
      let primary: ReturnType<typeof rateLimitHandlers> | null = null;
      const asked: string[] = [];
      const store = new ClusterRateLimitStore({
        ask: async <T>(kind: string, payload: unknown, timeoutMs: number): Promise<T> => {
          asked.push(`${kind} within ${timeoutMs}`);
          if (!primary) throw new Error('timeout');
          return primary[kind](payload as never) as T;
        },
      }, () => now);
      await store.take('ip:1', 10, 100, 60_000, now);
      expect(asked).toEqual([`rate-limit.take within ${PRIMARY_TIMEOUT_MS}`]);
      primary = rateLimitHandlers();
      now += FALLBACK_MS - 1;
      await store.take('ip:1', 10, 100, 60_000, now);
      expect(asked).toHaveLength(1); // still deciding alone
      now += 1;
      expect(await store.take('ip:1', 10, 100, 60_000, now)).toMatchObject({ allowed: true, remaining: 90 });
      expect(asked).toHaveLength(2);
    } finally {
      warn.mockRestore();
    }
  });
});
