import { execFile, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/db/embedded-postgres';
import { tracingRequested } from '../../src/observability/tracing';
import { createTestDatabase, type TestDatabase } from '../support/database';

interface Span { name: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[] }

/** OTLP/HTTP JSON receiver: collects every span posted to /v1/traces. */
function receiver(): Promise<{ url: string; spans: Span[]; close: () => Promise<void> }> {
  const spans: Span[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const json = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] };
        for (const r of json.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}`, spans, close: () => new Promise((done) => server.close(() => done())) });
  }));
}

describe('OpenTelemetry tracing', () => {
  it('is on only when the standard OTEL_* variables ask for it', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  describe('the server process with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
    let db: TestDatabase;
    let out: string;
    let child: ChildProcess | null = null;
    beforeAll(async () => {
      db = await createTestDatabase({ seed: { randomSeed: 3, scale: 'tiny' } });
      // Its own build, inside the project so node_modules resolve: npm start's dist/ may be built by another test at the same time.
      await mkdir('.data', { recursive: true });
      out = await mkdtemp(path.join('.data', 'trace-build-'));
      await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { timeout: 120_000 });
    }, 180_000);
    afterAll(async () => {
      child?.kill('SIGTERM');
      await db.drop();
      if (out) await rm(out, { recursive: true, force: true });
    });

    it('exports a span for the HTTP request and one per PostgreSQL statement', async () => {
      const collector = await receiver();
      const port = await freePort();
      child = spawn(process.execPath, [path.join(out, 'src', 'main.js')], {
        env: {
          ...process.env, DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', HUBGRAPH_SEED_ON_START: '0', NODE_ENV: 'test', LOG_LEVEL: 'warn',
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100', OTEL_SERVICE_NAME: 'hub-graph-test', JEST_WORKER_ID: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (c) => (output += c));
      child.stderr!.on('data', (c) => (output += c));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready:\n${output}`)), 60_000);
        child!.stdout!.on('data', () => /ready in/.test(output) && (clearTimeout(timer), resolve()));
        child!.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ objectives { number } }' }),
      });
      expect(res.status).toBe(200);
      const deadline = Date.now() + 15_000;
      const has = () => collector.spans.some((s) => s.kind === 2) && collector.spans.some((s) => /objectivesByNumber|allObjectives|pg\.query|SELECT/i.test(s.name));
      while (!has() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const names = collector.spans.map((s) => s.name);
      expect(collector.spans.some((s) => s.kind === 2)).toBe(true); // SERVER span of the request
      expect(names.some((n) => /pg\.query|SELECT|hubgraph/i.test(n))).toBe(true);
      await collector.close();
    }, 120_000);
  });
});
