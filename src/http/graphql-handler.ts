import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { createContext, type Context, type Viewer } from '../context';
import { countStatements, StatementCounter } from '../db/statement-counter';
import { sendJson } from './respond';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Anonymous without an Authorization header; an editor with the configured bearer token;
 * null (refused) for any other credentials.
 */
function viewerOf(authorization: string | undefined, editorToken: string | null): Viewer | null {
  if (!authorization) return { canSeeUnpublished: false };
  const match = /^Bearer (.+)$/i.exec(authorization.trim());
  if (!match || !editorToken) return null;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(editorToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { canSeeUnpublished: true } : null;
}

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/graphql-response+json') return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'Request body is not valid JSON.');
  }
}

/**
 * Serves one GraphQL request through Apollo Server, counting every statement it causes
 * (the count reaches `extensions.sqlStatements` when HUBGRAPH_DEBUG_SQL is on).
 */
export async function handleGraphQL(
  apollo: ApolloServer<Context>,
  dataSource: DataSource,
  editorToken: string | null,
  batching: boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const viewer = viewerOf(req.headers.authorization, editorToken);
  if (!viewer) {
    sendJson(res, 401, { errors: [{ message: 'The bearer token is not valid. Send none to read published content anonymously.', extensions: { code: 'UNAUTHENTICATED' } }] });
    return;
  }
  let body: unknown;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    const status = error instanceof BodyError ? error.status : 400;
    const message = error instanceof Error ? error.message : 'Unreadable request body.';
    sendJson(res, status, { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const statements = new StatementCounter();
  const response = await countStatements(statements, () =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: new URL(req.url ?? '/', 'http://localhost').search,
        body,
      },
      context: async () =>
        createContext({ dataSource, acceptLanguage: req.headers['accept-language'] ?? null, statements, viewer, batching }),
    }),
  );
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
