import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { asExportParamError, parseExportQuery } from '../analytics/export-params';
import { CONTENT_TYPES, exportChunks, type ExportFormat } from '../analytics/exports';
import { AuthenticationError } from '../auth/auth-error';
import type { TokenVerifier } from '../auth/tokens';
import { VisibilityPolicy } from '../auth/visibility';
import { isConnectionError, type DatabaseHealth } from '../db/database-health';
import { DbSession, OperationAborted } from '../db/session';
import { poolOf, type Sql } from '../db/sql';
import { StatementCounter } from '../db/statement-counter';
import { localeFromAcceptLanguage } from '../i18n/accept-language';
import { sendUnauthenticated, sendUnavailable } from './graphql-handler';
import { sendJson } from './respond';

const ROUTES: Record<string, ExportFormat> = {
  '/export/objective-network.gexf': 'gexf',
  '/export/objective-network.graphml': 'graphml',
  '/export/practice-objectives.csv': 'csv',
};

/** Whether a path is one of the export routes. */
export function isExportPath(pathname: string): boolean {
  return pathname in ROUTES;
}

/**
 * GET /export/…: the objective network as GEXF or GraphML, or the practice–objective edge
 * list as CSV (streamed with backpressure), filtered by query parameters named like
 * PracticeFilter. A bad parameter is a 400 with `{ error, parameter, message }`. Bearer
 * tokens are verified as for /graphql (401 for an invalid one); what is exported is what the
 * visibility policy lets analytics count.
 */
export interface ExportOptions {
  dataSource: DataSource;
  tokens: TokenVerifier;
  health: DatabaseHealth;
  /** statement_timeout of the export's statements (longer than a page's). */
  statementTimeoutMs: number;
}

export async function handleExport(options: ExportOptions, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { tokens, health } = options;
  let policy: VisibilityPolicy;
  try {
    policy = new VisibilityPolicy(await tokens.verify(req.headers.authorization));
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    sendUnauthenticated(res, error);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, { error: 'method_not_allowed', message: 'Exports are read with GET.' });
    return;
  }
  if (!health.up) {
    sendUnavailable(res, health);
    return;
  }
  // One read-only transaction: a consistent snapshot for the whole file, and its own statement_timeout.
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort(new Error('client closed the connection'));
  });
  const session = new DbSession(poolOf(options.dataSource), new StatementCounter(), { statementTimeoutMs: options.statementTimeoutMs, signal: gone.signal, health });
  try {
    await session.transaction((tx) => stream(tx, policy, pathname, req, res));
  } catch (error) {
    if (error instanceof OperationAborted) return; // the client went away: nothing more to send
    if (!res.headersSent && isConnectionError(error)) {
      sendUnavailable(res, health);
      return;
    }
    throw error;
  }
}

/** Sends one export from `tx`: 400 for a bad parameter, else the file, streamed. */
async function stream(tx: Sql, policy: VisibilityPolicy, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const format = ROUTES[pathname];
  let chunks: AsyncIterator<string>;
  let first: IteratorResult<string>;
  try {
    const query = parseExportQuery(new URL(req.url ?? '/', 'http://localhost').searchParams);
    chunks = (await exportChunks(tx, policy, format, query, localeFromAcceptLanguage(req.headers['accept-language'])))[Symbol.asyncIterator]();
    // The first chunk runs the first statement: any failure still gets a proper status.
    first = await chunks.next();
  } catch (error) {
    const bad = asExportParamError(error);
    if (!bad) throw error;
    sendJson(res, 400, { error: 'bad_parameter', parameter: bad.parameter, message: bad.message });
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${pathname.slice('/export/'.length)}"`);
  if (req.method === 'HEAD') {
    await chunks.return?.();
    res.end();
    return;
  }
  async function* rest(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  // pipeline: backpressure, and a client that goes away stops the generator (no more SQL).
  try {
    await pipeline(Readable.from(rest()), res);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return; // the client went away
    throw error;
  }
}
