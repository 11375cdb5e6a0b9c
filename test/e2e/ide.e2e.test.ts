import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createServer, type HubServer } from '../../src/server';

// The functions given to page.evaluate run in the browser; this module's scope only (no DOM lib for the whole program).
declare const document: any;
declare const Image: any;

/** Debian's Chromium (`apt-get install chromium`); puppeteer-core downloads no browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the screenshot is written for a person to look at. */
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.join(os.tmpdir(), 'hubgraph-e2e');

/** What the page did: every request (and whether it left this server), every console error. */
interface Traffic {
  requests: string[];
  foreign: string[];
  errors: string[];
}

/** The operations the build put in the bundle (dist/ide/manifest.json), after checking they are all of schema/operations. */
function operationNames(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'dist', 'ide', 'manifest.json'), 'utf8')) as { operations: string[] };
  const files = readdirSync(path.join(__dirname, '..', '..', 'schema', 'operations')).filter((file) => file.endsWith('.graphql'));
  expect(manifest.operations).toHaveLength(files.length);
  return manifest.operations;
}

/** Monaco draws spaces as U+00A0; the rendered text of an editor, as plain text. */
const textOf = (page: Page, selector: string) => page.$eval(selector, (el: any) => el.innerText.replace(/\u00a0/g, ' '));

describe('the GraphiQL IDE at GET /graphql, in headless Chromium', () => {
  let db: TestDatabase;
  let server: HubServer;
  let origin: string;
  let browser: Browser;
  let profile: string;
  let page: Page;
  const traffic: Traffic = { requests: [], foreign: [], errors: [] };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    db = await createTestDatabase({ seed: { randomSeed: 7, scale: 'tiny' } });
    // Development defaults: introspection on, so the IDE is served.
    server = await createServer({ dataSource: db.dataSource, production: false, debugSql: false });
    const url = await server.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${new URL(url).port}`;
    profile = await mkdtemp(path.join(os.tmpdir(), 'hubgraph-chromium-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir: profile,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--window-size=1440,900',
      ],
      defaultViewport: { width: 1440, height: 900 },
    });
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const target = request.url();
      traffic.requests.push(target);
      if (/^(data|blob):/.test(target) || new URL(target).origin === origin) {
        void request.continue();
      } else {
        traffic.foreign.push(target);
        void request.abort('blockedbyclient');
      }
    });
    page.on('console', (message) => {
      if (message.type() === 'error') traffic.errors.push(`console: ${message.text()} ${JSON.stringify(message.location())}`);
    });
    page.on('pageerror', (error) => traffic.errors.push(`page error: ${String(error)}`));
    page.on('requestfailed', (request) => {
      if (!traffic.foreign.includes(request.url())) traffic.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        const request = response.request();
        void response.text().then(
          (body) => traffic.errors.push(`HTTP ${response.status()}: ${request.method()} ${response.url()} ${request.postData()?.slice(0, 200) ?? ''} -> ${body.slice(0, 500)}`),
          () => traffic.errors.push(`HTTP ${response.status()}: ${request.method()} ${response.url()}`),
        );
      }
    });
    await page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0', timeout: 60_000 });
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await server?.stop();
    await db?.drop();
  });

  it('loads with no console error, every request to this server and none to another host', async () => {
    // The explorer lists the schema's root fields once introspection has answered.
    const loaded = await page
      .waitForFunction(() => document.body.innerText.includes('communityGroups'), { timeout: 30_000 })
      .then(() => true, () => false);
    expect(traffic.errors).toEqual([]);
    expect(loaded).toBe(true);
    expect(traffic.foreign).toEqual([]);
    const ownFiles = traffic.requests.filter((u) => u.startsWith(`${origin}/graphql/ide/`));
    // The page's script and stylesheet, and Monaco's workers, all from this server.
    expect(ownFiles.some((u) => /\/main-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(ownFiles.some((u) => /\/main-[A-Z0-9]+\.css$/.test(u))).toBe(true);
    expect(ownFiles.some((u) => /\/graphql\.worker-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    for (const u of traffic.requests.filter((r) => !/^(data|blob):/.test(r))) expect(new URL(u).origin).toBe(origin);
  });

  it('shows the explorer with the schema', async () => {
    // Open at start, with its button in the sidebar.
    expect(await page.$('button[aria-label="Hide GraphiQL Explorer"]')).not.toBeNull();
    const explorer = await page.$('.graphiql-explorer-root');
    expect(explorer).not.toBeNull();
    const text = await textOf(page, '.graphiql-explorer-root');
    for (const field of ['objective', 'practice', 'callForPractices', 'communityGroup', 'events']) expect(text).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('pre-loads every operation of schema/operations as a tab, the first with its example variables', async () => {
    const titles = await page.$$eval('.graphiql-tab', (tabs) => tabs.map((tab) => (tab as any).innerText.trim()));
    expect(titles).toEqual(operationNames());
    expect(titles[0]).toBe('ObjectivePage');
    expect(await textOf(page, '.graphiql-editor-tool')).toMatch(/"number": 10/);
  });

  it('runs ObjectivePage (objective 10) and shows "Eradicate trafficking" in the result pane', async () => {
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => document.querySelector('.result-window')?.innerText.replace(/\u00a0/g, ' ').includes('"Eradicate trafficking"'),
      { timeout: 30_000 },
    );
    const result = await textOf(page, '.result-window');
    expect(result).toMatch(/"shortTitle": "Eradicate trafficking"/);
    expect(result).not.toMatch(/"errors"/);
    expect(traffic.errors).toEqual([]);
    expect(traffic.foreign).toEqual([]);
  });

  it('runs every pre-loaded operation with its example variables, without errors', async () => {
    const names = operationNames();
    for (const [index, name] of names.entries()) {
      await page.click(`.graphiql-tab:nth-child(${index + 1}) .graphiql-tab-button`);
      await page.waitForSelector(`.graphiql-tab:nth-child(${index + 1}).graphiql-tab-active`);
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes(`query ${name}(`), { timeout: 30_000 });
      await page.click('.graphiql-execute-button');
      const response = await answered;
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect({ name, status: response.status(), errors: body.errors }).toEqual({ name, status: 200, errors: undefined });
      expect(Object.values(body.data ?? {}).some((value) => value !== null)).toBe(true);
    }
    // Back to the first tab, for the screenshot.
    await page.click('.graphiql-tab:nth-child(1) .graphiql-tab-button');
    expect(traffic.errors).toEqual([]);
    expect(traffic.foreign).toEqual([]);
  });

  it('answers GET /graphql?query=… in the browser with GraphQL JSON, not the IDE', async () => {
    const other = await browser.newPage();
    try {
      const response = await other.goto(`${origin}/graphql?query=${encodeURIComponent('{ objective(number: 10) { shortTitle } }')}`);
      expect(response?.headers()['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
      expect(JSON.parse(await response!.text())).toMatchObject({ data: { objective: { shortTitle: 'Eradicate trafficking' } } });
    } finally {
      await other.close();
    }
  });

  it('takes a screenshot that is not blank', async () => {
    const png = Buffer.from(await page.screenshot({ type: 'png' }));
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'ide.png'), png);
    // Decoded by the browser itself: how many colours, and how much of the picture the commonest one covers.
    const probe = await browser.newPage();
    try {
      const stats = await probe.evaluate(async (dataUrl: string) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        const counts = new Map<number, number>();
        for (let i = 0; i < data.length; i += 4) {
          const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return { width: image.width, height: image.height, colours: counts.size, commonest: Math.max(...counts.values()) / (data.length / 4) };
      }, `data:image/png;base64,${png.toString('base64')}`);
      expect(stats.width).toBeGreaterThan(1000);
      expect(stats.colours).toBeGreaterThan(50);
      expect(stats.commonest).toBeLessThan(0.9);
    } finally {
      await probe.close();
    }
  });

  it('lists the operations in the Operations panel; picking one switches to its tab, or opens it again once closed', async () => {
    await page.click('button[aria-label="Show Operations"]');
    await page.waitForSelector('.hub-operation[data-operation="CallPage"]');
    await page.click('.hub-operation[data-operation="CallPage"]');
    await page.waitForFunction(() => document.querySelector('.graphiql-tab-active')?.innerText.trim() === 'CallPage');
    // Closed, then picked: a new tab with the operation and its example variables.
    const count = (await page.$$('.graphiql-tab')).length;
    await page.click('.graphiql-tab-active .graphiql-tab-close');
    await page.waitForFunction((n: number) => document.querySelectorAll('.graphiql-tab').length === n - 1, {}, count);
    await page.click('.hub-operation[data-operation="CallPage"]');
    await page.waitForFunction(() => document.querySelector('.graphiql-tab-active')?.innerText.trim() === 'CallPage');
    expect((await page.$$('.graphiql-tab')).length).toBe(count);
    expect(await textOf(page, '.graphiql-editor-tool')).toMatch(/"slug": "leave-no-child-behind-2024"/);
    expect(traffic.errors).toEqual([]);
    expect(traffic.foreign).toEqual([]);
  });
});
