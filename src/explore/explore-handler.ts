import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { serveBundleAsset } from '../http/bundle-asset';
import { sendJson } from '../http/respond';

/** The explorer's page. */
export const EXPLORE_PATH = '/explore';
/** Where its script and stylesheet are served (names carry a content hash). */
export const EXPLORE_ASSET_PREFIX = '/explore/assets/';

/** The page loads and connects to this server only; it sets no inline style or script. */
export const EXPLORE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT_MESSAGE = 'The explorer is not built: run `npm run build` (it writes dist/explore/). The same data: POST /graphql.';

/** dist/explore of this checkout, whether this module runs from src/explore (ts-jest) or dist/src/explore (the build). */
export function defaultExploreDirectory(): string {
  const up = path.resolve(__dirname, '..', '..');
  return existsSync(path.join(up, 'package.json')) ? path.join(up, 'dist', 'explore') : path.join(up, 'explore');
}

export function isExplorePath(pathname: string): boolean {
  return pathname === EXPLORE_PATH || pathname === `${EXPLORE_PATH}/` || pathname.startsWith(EXPLORE_ASSET_PREFIX);
}

/**
 * Serves the objective-network explorer that `npm run build` bundles into dist/explore/
 * (src/explore/build-explore.mjs): the page at GET /explore, its files under /explore/assets/.
 * It reads all its data through POST /graphql, so it is served whether or not introspection is on.
 */
export class ExploreHandler {
  constructor(private readonly options: { directory: string }) {}

  async serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed', message: `The explorer is read with GET or HEAD, not ${req.method}.` });
      return;
    }
    if (pathname.startsWith(EXPLORE_ASSET_PREFIX)) await this.serveAsset(req, res, pathname.slice(EXPLORE_ASSET_PREFIX.length));
    else await this.servePage(req, res);
  }

  private async servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
    res.setHeader('content-security-policy', EXPLORE_CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  private serveAsset(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    return serveBundleAsset(req, res, { directory: this.options.directory, name, notBuilt: NOT_BUILT_MESSAGE, unknown: `No explorer file ${JSON.stringify(name.slice(0, 200))}; the page at GET /explore names the current ones.` });
  }
}
