#!/usr/bin/env node
// Bundles the objective-network explorer (src/explore/client: plain DOM + SVG, laid out with
// d3-force) with esbuild into dist/explore/, which the server serves at GET /explore (see
// explore-handler.ts). The page's GraphQL operations are the exact text of
// schema/operations/*.graphql, so they match the persisted-operation manifest and the safelist.
// Everything comes from node_modules: the build needs no network, and the page loads nothing
// from another host. Run by `npm run build`; alone: `node src/explore/build-explore.mjs [--force]`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'dist', 'explore');
const CLIENT = path.join(ROOT, 'src', 'explore', 'client');
const OPERATIONS_DIR = path.join(ROOT, 'schema', 'operations');
/** The operations the page sends, as files of schema/operations. */
const OPERATIONS = ['network.graphql', 'coverage.graphql', 'browse.graphql', 'explore.graphql'];
const BUNDLED = ['d3-force', 'd3-quadtree', 'd3-dispatch', 'd3-timer', 'esbuild'];
/** A package's version from its package.json in node_modules (d3's packages do not export it). */
const versionOf = (name) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
const TYPES = { '.js': 'text/javascript', '.css': 'text/css' };
const quiet = process.argv.includes('--quiet') || process.env.npm_config_loglevel === 'silent';
const log = (line) => {
  if (!quiet) console.error(`[build-explore] ${line}`);
};

/** A hash of everything the bundle is made of: the client, its operations, this script and the packages' versions. */
function inputHash() {
  const hash = createHash('sha256');
  const add = (file) => hash.update(`${path.relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  for (const file of readdirSync(CLIENT).sort()) add(path.join(CLIENT, file));
  for (const file of OPERATIONS) add(path.join(OPERATIONS_DIR, file));
  add(fileURLToPath(import.meta.url));
  for (const name of BUNDLED) hash.update(`${name}@${versionOf(name)}\0`);
  return hash.digest('hex');
}

function upToDate(hash) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(OUT, 'manifest.json'), 'utf8'));
    return manifest.inputHash === hash && existsSync(path.join(OUT, 'index.html')) && Object.keys(manifest.files).every((name) => existsSync(path.join(OUT, name)));
  } catch {
    return false;
  }
}

export async function buildExplore({ force = false } = {}) {
  const began = Date.now();
  const hash = inputHash();
  if (!force && upToDate(hash)) {
    log('dist/explore is up to date');
    return null;
  }
  // Built beside dist/explore and swapped in whole: a server or another build never sees half a bundle.
  const work = path.join(ROOT, 'dist', `.explore-build-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    const result = await buildInto(work, hash);
    await swapIn(work);
    log(`dist/explore: ${Object.keys(result.files).length} files, ${(result.bytes / 1e3).toFixed(1)} kB (${(result.gzipBytes / 1e3).toFixed(1)} kB gzip) in ${Date.now() - began} ms`);
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Replaces dist/explore with `work`; when another build swapped its own in meanwhile, keeps that one. */
async function swapIn(work) {
  const old = path.join(ROOT, 'dist', `.explore-old-${process.pid}`);
  await rm(old, { recursive: true, force: true });
  try {
    await rename(OUT, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    await rename(work, OUT);
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    log('another build put dist/explore in place first; keeping it');
  }
  await rm(old, { recursive: true, force: true });
}

async function buildInto(out, hash) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2022'],
    entryNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    outdir: out,
    entryPoints: { explore: path.join(CLIENT, 'main.js') },
    loader: { '.graphql': 'text' },
  });
  const [js, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  if (!output.cssBundle) throw new Error('esbuild made no stylesheet for the explorer');
  const script = path.basename(js);
  const style = path.basename(output.cssBundle);
  // Served at /explore: asset URLs are absolute under /explore/assets/.
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hub-graph · Objective network explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explore/assets/${style}">
<script defer src="/explore/assets/${script}"></script>
</head>
<body>
<div id="explore"><noscript>The explorer needs JavaScript. The same data: POST /graphql (objectiveNetwork, objectiveCoverage) and /export/objective-network.gexf.</noscript></div>
</body>
</html>
`;
  await writeFile(path.join(out, 'index.html'), html);
  const files = {};
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of (await readdir(out)).sort()) {
    if (name === 'index.html') continue;
    const type = TYPES[path.extname(name)];
    if (!type) throw new Error(`unexpected file in the explorer bundle: ${name}`);
    const body = await readFile(path.join(out, name));
    const record = { type, bytes: body.length, encodings: [] };
    if (body.length > 1024) {
      const gz = await promisify(zlib.gzip)(body, { level: 9 });
      const br = await promisify(zlib.brotliCompress)(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } });
      await writeFile(path.join(out, `${name}.gz`), gz);
      await writeFile(path.join(out, `${name}.br`), br);
      record.encodings = ['br', 'gzip'];
      gzipBytes += gz.length;
    } else {
      gzipBytes += body.length;
    }
    bytes += body.length;
    files[name] = record;
  }
  const versions = Object.fromEntries(BUNDLED.map((name) => [name, versionOf(name)]));
  // Written last: a build cut short leaves no manifest, so the next one starts again.
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify({ inputHash: hash, versions, operations: OPERATIONS, files }, null, 2)}\n`);
  return { files, bytes, gzipBytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildExplore({ force: process.argv.includes('--force') }).catch((error) => {
    console.error('[build-explore] failed:', error);
    process.exit(1);
  });
}
