import pino from 'pino';
import { RateLimitedLog } from '../../src/log/logger';

describe('RateLimitedLog', () => {
  it('writes at most N lines per key and window, then one line with the number suppressed', () => {
    const lines: { level: number; msg: string; suppressed?: number }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const limited = new RateLimitedLog(log, 3, 1000);
    const results = Array.from({ length: 10 }, (_, i) => limited.error('db', { i }, 'boom', 5000 + i));
    expect(results).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(limited.warn('other', {}, 'a warning', 5010)).toBe(true); // another key has its own budget
    expect(limited.error('db', {}, 'boom again', 6001)).toBe(true); // a new window
    expect(lines.map((l) => l.msg)).toEqual(['boom', 'boom', 'boom', 'a warning', 'suppressed 7 similar lines in the last 1 s', 'boom again']);
    expect(lines[4].suppressed).toBe(7);
    expect(lines[3].level).toBe(40);
  });
});
