import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { serveBundleAsset } from '../http/bundle-asset';
import { sendJson } from '../http/respond';

/** Where the IDE's scripts, stylesheet, font and workers are served (names carry a content hash). */
export const IDE_ASSET_PREFIX = '/graphql/ide/';

/**
 * The page may load and connect to nothing but this server: a second guard, after the build,
 * against anything reaching for a CDN. Monaco adds <style> elements, so inline styles are allowed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "font-src 'self' data:", "img-src 'self' data:",
  "connect-src 'self'", "worker-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const DISABLED_MESSAGE = 'The GraphiQL IDE is served only where introspection is on (the default outside production; HUBGRAPH_INTROSPECTION=1 turns it on). GraphQL requests go to POST /graphql.';
const NOT_BUILT_MESSAGE = 'The GraphiQL IDE is not built: run `npm run build` (it writes dist/ide/). GraphQL requests go to POST /graphql.';

/** dist/ide of this checkout, whether this module runs from src/ide (ts-jest) or dist/src/ide (the build). */
export function defaultIdeDirectory(): string {
  const up = path.resolve(__dirname, '..', '..');
  return existsSync(path.join(up, 'package.json')) ? path.join(up, 'dist', 'ide') : path.join(up, 'ide');
}

/**
 * A browser opening /graphql: GET (or HEAD) accepting text/html, without `query` (or
 * `extensions`, an APQ hash) in the URL. Anything else at /graphql is a GraphQL request.
 */
export function wantsIdePage(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept ?? '';
  if (!accept.split(',').some((part) => part.split(';')[0].trim().toLowerCase() === 'text/html')) return false;
  let search: URLSearchParams;
  try {
    search = new URL(req.url ?? '/', 'http://localhost').searchParams;
  } catch {
    return false;
  }
  return !search.has('query') && !search.has('extensions');
}

export function isIdeAssetPath(pathname: string): boolean {
  return pathname.startsWith(IDE_ASSET_PREFIX);
}

/**
 * Serves the GraphiQL IDE that `npm run build` bundles into dist/ide/ (src/ide/build-ide.mjs):
 * the page at GET /graphql for browsers, its files under /graphql/ide/. Only where
 * `enabled` (introspection on): without introspection the IDE would know no schema.
 */
export class IdeHandler {
  constructor(private readonly options: { enabled: boolean; directory: string }) {}

  async servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.options.enabled) {
      sendJson(res, 404, { error: 'not_found', message: DISABLED_MESSAGE });
      return;
    }
    let html: Buffer;
    try {
      html = await readFile(path.join(this.options.directory, 'index.html'));
    } catch {
      sendJson(res, 404, { error: 'not_found', message: NOT_BUILT_MESSAGE });
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-length', html.length);
    // The page names the current hashed files: always revalidated; they are cached for a year.
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('vary', 'accept');
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async serveAsset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (!this.options.enabled) {
      sendJson(res, 404, { error: 'not_found', message: DISABLED_MESSAGE });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', message: `The IDE's files are read with GET or HEAD, not ${req.method}.` });
      return;
    }
    const name = pathname.slice(IDE_ASSET_PREFIX.length);
    await serveBundleAsset(req, res, { directory: this.options.directory, name, notBuilt: NOT_BUILT_MESSAGE, unknown: `No IDE file ${JSON.stringify(name.slice(0, 200))}; the page at GET /graphql names the current ones.` });
  }
}
