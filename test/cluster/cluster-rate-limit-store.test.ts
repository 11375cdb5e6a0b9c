import { ClusterRateLimitStore, rateLimitHandlers } from '../../src/cluster/cluster-rate-limit-store';
import type { PrimaryChannel } from '../../src/cluster/primary-channel';
import { logger } from '../../src/log/logger';

/** A channel that hands each request to the primary's handlers in this process, or fails. */
function channelTo(handlers: ReturnType<typeof rateLimitHandlers> | null): PrimaryChannel {
  return {
    ask: async (kind: string, payload: unknown) => {
      if (!handlers) throw new Error('the primary did not answer "rate-limit.take" within 2000 ms');
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
});
