#!/usr/bin/env node
// Bundles the GraphiQL IDE (graphiql 5, its explorer plugin, React, Monaco and Monaco's web
// workers) with esbuild into dist/ide/, which the server serves at GET /graphql (see
// ide-handler.ts). Everything comes from node_modules: the build needs no network, and the
// page it makes loads nothing from another host. Run by `npm run build`; alone:
// `node src/ide/build-ide.mjs`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { Kind, parse } from 'graphql';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'dist', 'ide');
const OPERATIONS_DIR = path.join(ROOT, 'schema', 'operations');
const EXAMPLES = JSON.parse(readFileSync(path.join(ROOT, 'src', 'ide', 'operation-examples.json'), 'utf8'));
// stderr, and nothing under `npm run --silent`: scripts such as `npm run --silent export` pipe stdout.
const quiet = process.argv.includes('--quiet') || process.env.npm_config_loglevel === 'silent';
const log = (line) => {
  if (!quiet) console.error(`[build-ide] ${line}`);
};

/** schema/operations/*.graphql, in the order of operation-examples.json, each with its example variables. */
export function loadOperations() {
  const files = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql'));
  const order = Object.keys(EXAMPLES);
  const rank = (file) => (order.includes(file) ? order.indexOf(file) : order.length);
  files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return files.map((file) => {
    const query = readFileSync(path.join(OPERATIONS_DIR, file), 'utf8');
    const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const variables = EXAMPLES[file] ?? {};
    const missing = (operation?.variableDefinitions ?? [])
      .filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue && !(v.variable.name.value in variables))
      .map((v) => `$${v.variable.name.value}`);
    if (missing.length > 0) console.warn(`[build-ide] ${file}: no example for ${missing.join(', ')} in src/ide/operation-examples.json`);
    const description = query
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^#\s?/, ''))
      .join(' ')
      .split(/(?<=\.|:)\s/)[0];
    return { file, name: operation?.name?.value ?? file.replace(/\.graphql$/, ''), description, query, variables: JSON.stringify(variables, null, 2) };
  });
}

/** `import OPERATIONS from 'hub-graph:operations'` in the client. */
const operationsPlugin = {
  name: 'hub-graph-operations',
  setup(build) {
    build.onResolve({ filter: /^hub-graph:operations$/ }, () => ({ path: 'operations', namespace: 'hub-graph' }));
    build.onLoad({ filter: /.*/, namespace: 'hub-graph' }, () => ({
      contents: `export default ${JSON.stringify(loadOperations())};`,
      loader: 'js',
      watchFiles: readdirSync(OPERATIONS_DIR).map((file) => path.join(OPERATIONS_DIR, file)),
    }));
  },
};

const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2022'],
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** The output file (name only) that esbuild made for each entry point. */
function outputsByEntry(metafile) {
  const byEntry = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint) byEntry[output.entryPoint] = { js: path.basename(file), css: output.cssBundle ? path.basename(output.cssBundle) : null };
  }
  return byEntry;
}

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.html': 'text/html' };

const BUNDLED = ['graphiql', '@graphiql/plugin-explorer', '@graphiql/react', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'esbuild'];

/** A hash of everything the bundle is made of: the client, the operations, the examples, this script and the packages' versions. */
function inputHash() {
  const hash = createHash('sha256');
  const add = (file) => hash.update(`${path.relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  const clientDir = path.join(ROOT, 'src', 'ide', 'client');
  for (const file of readdirSync(clientDir).sort()) add(path.join(clientDir, file));
  for (const file of readdirSync(OPERATIONS_DIR).sort()) add(path.join(OPERATIONS_DIR, file));
  add(path.join(ROOT, 'src', 'ide', 'operation-examples.json'));
  add(fileURLToPath(import.meta.url));
  for (const name of BUNDLED) hash.update(`${name}@${require(`${name}/package.json`).version}\0`);
  return hash.digest('hex');
}

/** The bundle in dist/ide is of these inputs, and whole. */
function upToDate(hash) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(OUT, 'manifest.json'), 'utf8'));
    return manifest.inputHash === hash && existsSync(path.join(OUT, 'index.html')) && Object.keys(manifest.files).every((name) => existsSync(path.join(OUT, name)));
  } catch {
    return false;
  }
}

export async function buildIde({ force = false } = {}) {
  const began = Date.now();
  const hash = inputHash();
  if (!force && upToDate(hash)) {
    log('dist/ide is up to date');
    return null;
  }
  // Built beside dist/ide and swapped in whole: a server reading dist/ide, or another build
  // running at the same time (several people share a work tree), never sees half a bundle.
  const work = path.join(ROOT, 'dist', `.ide-build-${process.pid}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    const result = await buildInto(work, hash);
    await swapIn(work);
    log(`dist/ide: ${Object.keys(result.files).length} files, ${(result.bytes / 1e6).toFixed(2)} MB (${(result.gzipBytes / 1e6).toFixed(2)} MB gzip) in ${Date.now() - began} ms`);
    return result;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Replaces dist/ide with `work`; when another build swapped its own in meanwhile, keeps that one. */
async function swapIn(work) {
  const old = path.join(ROOT, 'dist', `.ide-old-${process.pid}`);
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
    log('another build put dist/ide in place first; keeping it');
  }
  await rm(old, { recursive: true, force: true });
}

/** The whole bundle, written into `out`. */
async function buildInto(out, hash) {

  // 1. Monaco's workers, each its own classic script; the main bundle learns their hashed names.
  const workerEntries = {
    editor: require.resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    json: require.resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    graphql: require.resolve('monaco-graphql/esm/graphql.worker.js'),
  };
  const workers = await esbuild.build({
    ...COMMON,
    outdir: out,
    entryPoints: Object.fromEntries(Object.entries(workerEntries).map(([label, file]) => [`${label}.worker`, file])),
  });
  const workerOutputs = outputsByEntry(workers.metafile);
  const workerNames = {};
  for (const [label, file] of Object.entries(workerEntries)) {
    const entry = path.relative(ROOT, file).split(path.sep).join('/');
    const output = workerOutputs[entry];
    if (!output) throw new Error(`esbuild made no output for the ${label} worker (${entry})`);
    workerNames[label] = output.js;
  }

  // 2. The page's script and stylesheet.
  const main = await esbuild.build({
    ...COMMON,
    outdir: out,
    entryPoints: { main: path.join(ROOT, 'src', 'ide', 'client', 'main.jsx') },
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    define: { ...COMMON.define, __IDE_WORKERS__: JSON.stringify(workerNames) },
    plugins: [operationsPlugin],
  });
  const entry = Object.values(outputsByEntry(main.metafile))[0];
  if (!entry?.css) throw new Error('esbuild made no stylesheet for the IDE');

  // 3. The page. Relative URLs: served at /graphql, they resolve to /graphql/ide/… (and under a proxy's prefix too).
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hub-graph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="graphql/ide/${entry.css}">
<script defer src="graphql/ide/${entry.js}"></script>
</head>
<body>
<div id="graphiql"><noscript>The GraphiQL IDE needs JavaScript. GraphQL requests go to POST /graphql.</noscript></div>
</body>
</html>
`;
  await writeFile(path.join(out, 'index.html'), html);

  // 4. A manifest of what the server may serve, with gzip and brotli copies of the text files.
  const files = {};
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of (await readdir(out)).sort()) {
    if (name === 'index.html') continue;
    const type = TYPES[path.extname(name)];
    if (!type) throw new Error(`unexpected file in the IDE bundle: ${name}`);
    const body = await readFile(path.join(out, name));
    const record = { type, bytes: body.length, encodings: [] };
    if (/\.(js|css|svg|ttf)$/.test(name) && body.length > 1024) {
      const gz = await promisify(zlib.gzip)(body, { level: 9 });
      const br = await promisify(zlib.brotliCompress)(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
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
  const versions = Object.fromEntries(BUNDLED.map((name) => [name, require(`${name}/package.json`).version]));
  // Written last: a build cut short leaves no manifest, so the next one starts again.
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify({ inputHash: hash, versions, operations: loadOperations().map((o) => o.name), files }, null, 2)}\n`);
  return { files, bytes, gzipBytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIde({ force: process.argv.includes('--force') }).catch((error) => {
    console.error('[build-ide] failed:', error);
    process.exit(1);
  });
}
