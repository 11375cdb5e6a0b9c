import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendJson } from './respond';

/** The manifest a bundle build writes: each hashed file with its type and precompressed encodings. */
interface Manifest {
  files: Record<string, { type: string; bytes: number; encodings: string[] }>;
}

/** The first encoding the client accepts (q=0 excluded) among those built. */
function preferredEncoding(req: IncomingMessage, available: string[]): string | null {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.split(';'))
    .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
    .map(([name]) => name.trim().toLowerCase());
  return available.find((encoding) => accepted.includes(encoding)) ?? null;
}

/**
 * Serves one hashed file of a bundle built into `directory` (the IDE's, the explorer's): only
 * files its manifest lists (no path of the caller's reaches the file system), brotli or gzip
 * when accepted, cached for a year, streamed; 404 with `notBuilt` or `unknown` otherwise.
 */
export async function serveBundleAsset(
  req: IncomingMessage, res: ServerResponse, options: { directory: string; name: string; notBuilt: string; unknown: string },
): Promise<void> {
  const { directory, name } = options;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    sendJson(res, 404, { error: 'not_found', message: options.notBuilt });
    return;
  }
  const file = Object.prototype.hasOwnProperty.call(manifest.files, name) ? manifest.files[name] : undefined;
  if (!file) {
    sendJson(res, 404, { error: 'not_found', message: options.unknown });
    return;
  }
  const encoding = preferredEncoding(req, file.encodings);
  const onDisk = path.join(directory, encoding === 'br' ? `${name}.br` : encoding === 'gzip' ? `${name}.gz` : name);
  let size: number;
  try {
    size = (await stat(onDisk)).size;
  } catch {
    sendJson(res, 404, { error: 'not_found', message: options.notBuilt });
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', /^text\//.test(file.type) ? `${file.type}; charset=utf-8` : file.type);
  res.setHeader('content-length', size);
  res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  res.setHeader('x-content-type-options', 'nosniff');
  if (file.encodings.length > 0) res.setHeader('vary', 'accept-encoding');
  if (encoding) res.setHeader('content-encoding', encoding);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(onDisk);
    stream.once('error', reject);
    res.once('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
