import pino, { type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The process's logger: JSON lines on stdout (pino), level info until main.ts applies
 * LOG_LEVEL from the configuration (tests set it to silent in their setup).
 */
export const logger: Logger = pino({
  name: 'hub-graph',
  level: 'info',
  redact: { paths: ['req.headers.authorization', 'authorization', '*.authorization'], censor: '[redacted]' },
});

/**
 * Logs at most `perWindow` errors per `windowMs` for one `key`, then one line saying how
 * many were suppressed: an outage or a flood of bad requests cannot flood the log.
 */
export class RateLimitedLog {
  private readonly windows = new Map<string, { start: number; logged: number; suppressed: number }>();

  constructor(private readonly log: Logger = logger, private readonly perWindow = 10, private readonly windowMs = 60_000) {}

  error(key: string, fields: Record<string, unknown>, message: string, now = Date.now()): boolean {
    return this.write('error', key, fields, message, now);
  }

  warn(key: string, fields: Record<string, unknown>, message: string, now = Date.now()): boolean {
    return this.write('warn', key, fields, message, now);
  }

  private write(level: 'error' | 'warn', key: string, fields: Record<string, unknown>, message: string, now: number): boolean {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (window?.suppressed) this.log[level]({ key, suppressed: window.suppressed }, `suppressed ${window.suppressed} similar lines in the last ${this.windowMs / 1000} s`);
      window = { start: now, logged: 0, suppressed: 0 };
      this.windows.set(key, window);
    }
    if (window.logged >= this.perWindow) {
      window.suppressed += 1;
      return false;
    }
    window.logged += 1;
    this.log[level](fields, message);
    return true;
  }
}
