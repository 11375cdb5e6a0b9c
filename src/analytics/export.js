'use strict';
/**
 * `npm run export`: runs the compiled CLI (dist/src/analytics/export-cli.js) in this process,
 * compiling first (tsc, output on stderr) only when it is missing or older than a source
 * under src/. Plain JavaScript, so it needs no build itself. Standard output carries the
 * export only.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'src', 'analytics', 'export-cli.js');

/** The newest modification time (ms) of a .ts file under `dir`, or of a tsconfig. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(cli).mtimeMs;
  } catch {
    return -1;
  }
}

const configs = ['tsconfig.json', 'tsconfig.build.json'].map((name) => fs.statSync(path.join(root, name)).mtimeMs);
if (builtAt() < Math.max(newestSource(path.join(root, 'src')), ...configs)) {
  process.stderr.write('[export] dist/ is missing or older than src/: compiling (tsc -p tsconfig.build.json)…\n');
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (tsc.status !== 0) {
    // tsc still emits on type errors (e.g. in files another change is editing): go on if the CLI is there.
    if (builtAt() < 0) {
      process.stderr.write('[export] compilation failed\n');
      process.exit(1);
    }
    process.stderr.write('[export] tsc reported errors (above); running the compiled CLI anyway\n');
  }
}
require(cli);
