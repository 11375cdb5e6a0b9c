import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { logger } from '../log/logger';

/** What the request's plugins learn about it, for its log line and metrics. */
export interface RequestReport {
  operationName: string | null;
  cost: { requested: number | null; actual: number | null } | null;
  errorCodes: string[];
}

export function emptyReport(): RequestReport {
  return { operationName: null, cost: null, errorCodes: [] };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's X-Request-Id when it is a sane token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = Array.isArray(given) ? given[0] : given;
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}

/**
 * One JSON line per GraphQL request: request id, operation, duration, statements, cost,
 * status, error codes and principal id (never a token, never variables).
 */
export function logRequest(
  entry: { requestId: string; principalId: string | null; status: number; durationMs: number; statements: number; report: RequestReport; method: string },
  log: Logger = logger,
): void {
  const { report } = entry;
  log.info({
    event: 'graphql_request',
    requestId: entry.requestId,
    method: entry.method,
    operation: report.operationName,
    status: entry.status,
    durationMs: Math.round(entry.durationMs * 10) / 10,
    statements: entry.statements,
    cost: report.cost,
    errors: report.errorCodes.length ? report.errorCodes : undefined,
    principal: entry.principalId ?? 'anonymous',
  }, 'graphql request');
}
