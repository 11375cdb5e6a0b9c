import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createServer, type HubServer } from '../../src/server';

// The functions given to page.evaluate run in the browser; this module's scope only (no DOM lib for the whole program).
declare const document: any;
declare const performance: any;
declare const Image: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.join(os.tmpdir(), 'hubgraph-e2e');
const OPERATIONS = path.join(__dirname, '..', '..', 'schema', 'operations');
const operation = (file: string) => readFileSync(path.join(OPERATIONS, file), 'utf8');

interface Traffic {
  requests: string[];
  foreign: string[];
  errors: string[];
}

/**
 * The objective-network explorer at GET /explore (src/explore), in headless Chromium, against
 * the default seed (42, default scale): what it draws is what the API answers.
 */
describe('the objective-network explorer at GET /explore, in headless Chromium', () => {
  let db: TestDatabase;
  let server: HubServer;
  let origin: string;
  let browser: Browser;
  let profile: string;
  let page: Page;
  const traffic: Traffic = { requests: [], foreign: [], errors: [] };
  const measured: string[] = [];

  /** POST /graphql from the test, with the page's own operation text. */
  const api = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const network = async (filter: Record<string, unknown> | null, minShared = 1) =>
    (await api(operation('network.graphql'), { filter, minShared })).objectiveNetwork as { nodes: unknown[]; edges: unknown[] };
  const counts = async (p: Page) => ({
    nodes: Number(await p.$eval('[data-testid=node-count]', (el: any) => el.textContent)),
    edges: Number(await p.$eval('[data-testid=edge-count]', (el: any) => el.textContent)),
  });
  const newPage = async () => {
    const p = await browser.newPage();
    await p.setRequestInterception(true);
    p.on('request', (request: HTTPRequest) => {
      const target = request.url();
      traffic.requests.push(target);
      if (/^(data|blob):/.test(target) || new URL(target).origin === origin) {
        void request.continue();
      } else {
        traffic.foreign.push(target);
        void request.abort('blockedbyclient');
      }
    });
    p.on('console', (message) => {
      if (message.type() === 'error') traffic.errors.push(`console: ${message.text()} ${JSON.stringify(message.location())}`);
    });
    p.on('pageerror', (error) => traffic.errors.push(`page error: ${String(error)}`));
    p.on('requestfailed', (request) => {
      if (!traffic.foreign.includes(request.url())) traffic.errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    p.on('response', (response) => {
      if (response.status() >= 400) traffic.errors.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    return p;
  };
  const waitDrawn = (p: Page) => p.waitForSelector('[data-testid=network][data-state=ready]', { timeout: 30_000 });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'default' } });
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
    page = await newPage();
    await page.goto(`${origin}/explore`, { waitUntil: 'load', timeout: 60_000 });
    await waitDrawn(page);
    const interactive = await page.evaluate(() => performance.getEntriesByName('explore:interactive')[0]?.startTime as number);
    measured.push(`time to interactive (navigation start → network drawn with counts): ${interactive.toFixed(0)} ms`);
  }, 180_000);

  afterAll(async () => {
    if (measured.length) console.log(`[explore] default seed (42, default scale), headless Chromium:\n  ${measured.join('\n  ')}`);
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await server?.stop();
    await db?.drop();
  });

  it('loads with no console error, every request to this server and none to another host', async () => {
    await page.waitForSelector('[data-testid=coverage][data-state=ready]', { timeout: 30_000 });
    await page.waitForSelector('select[name=region] option[value="002"]', { timeout: 30_000 });
    expect(traffic.errors).toEqual([]);
    expect(traffic.foreign).toEqual([]);
    expect(traffic.requests.some((u) => /\/explore\/assets\/explore-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(traffic.requests.some((u) => /\/explore\/assets\/explore-[A-Z0-9]+\.css$/.test(u))).toBe(true);
    for (const u of traffic.requests.filter((r) => !/^(data|blob):/.test(r))) expect(new URL(u).origin).toBe(origin);
  });

  it('draws the 23 objectives and the edges objectiveNetwork answers', async () => {
    const expected = await network(null);
    expect(expected.nodes).toHaveLength(23);
    expect(await counts(page)).toEqual({ nodes: 23, edges: expected.edges.length });
    expect(await page.$$eval('[data-testid=network] .node', (els: any[]) => els.length)).toBe(23);
    expect(await page.$$eval('[data-testid=network] .edge', (els: any[]) => els.length)).toBe(expected.edges.length);
    for (let n = 1; n <= 23; n += 1) expect(await page.$(`[data-testid=objective-${n}]`)).not.toBeNull();
  });

  it('redraws with the API\'s edge count when Africa (002) is chosen', async () => {
    const expected = await network({ regions: ['002'] });
    const before = await counts(page);
    const began = Date.now();
    await page.select('select[name="region"]', '002');
    await page.waitForFunction(
      (edges: number) => document.querySelector('[data-testid=network]')?.dataset.state === 'ready'
        && document.querySelector('[data-testid=network]')?.dataset.filter === 'regions=002'
        && document.querySelector('[data-testid=edge-count]')?.textContent === String(edges),
      { timeout: 30_000 }, expected.edges.length,
    );
    const wall = Date.now() - began;
    const inPage = await page.evaluate(() => performance.getEntriesByName('explore:redraw').at(-1)?.duration as number);
    measured.push(`redraw after a filter change (select Africa → counts updated): ${inPage.toFixed(0)} ms in the page (filter change → drawn), ${wall} ms seen by puppeteer`);
    expect(await counts(page)).toEqual({ nodes: 23, edges: expected.edges.length });
    expect(before.edges).not.toBe(expected.edges.length); // the filter does change the drawing
    expect(new URL(page.url()).searchParams.get('regions')).toBe('002');
    const gexf = await page.$eval('[data-testid=export-gexf]', (el: any) => el.getAttribute('href'));
    expect(gexf).toBe('/export/objective-network.gexf?regions=002');
    const res = await fetch(`${origin}${gexf}`);
    expect(res.status).toBe(200);
    expect(traffic.errors).toEqual([]);
  });

  it('lists the practices behind objective 10, the API\'s first page, with More for the next', async () => {
    await page.click('[data-testid=objective-10]');
    await page.waitForSelector('[data-testid=practice-list][data-state=ready]', { timeout: 30_000 });
    const expected = (await api(operation('explore.graphql'), { number: 10, first: 20, filter: { regions: ['002'] } })).objective.practices;
    const titles = await page.$$eval('[data-testid=practice-list] li a', (els: any[]) => els.map((el) => el.textContent));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual(expected.nodes.map((p: { title: string }) => p.title));
    expect(new URL(page.url()).searchParams.get('sel')).toBe('10');
    if (expected.pageInfo.hasNextPage) {
      await page.click('[data-testid=more]');
      await page.waitForFunction((n: number) => document.querySelectorAll('[data-testid=practice-list] li').length > n && document.querySelector('[data-testid=practice-list]').dataset.state === 'ready', { timeout: 30_000 }, titles.length);
    }
    // A practice's link answers its JSON (PracticePage over GET).
    const href = await page.$eval('[data-testid=practice-list] li a', (el: any) => el.getAttribute('href'));
    const practice = (await (await fetch(`${origin}${href}`)).json()) as { data: { practice: { title: string } } };
    expect(practice.data.practice.title).toBe(titles[0]);
    expect(traffic.errors).toEqual([]);
  });

  it('lists the practices behind an edge: those on both objectives', async () => {
    const edge = await page.$eval('[data-testid=network] .edge', (el: any) => el.dataset.testid as string);
    const [, a, b] = /^edge-(\d+)-(\d+)$/.exec(edge)!.map(Number);
    // Keyboard: a node may lie over the edge's middle; the edge is a focusable button.
    await page.$eval(`[data-testid=${edge}]`, (el: any) => el.focus());
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel: string) => new URL(document.location.href).searchParams.get('sel') === sel && document.querySelector('[data-testid=practice-list]').dataset.state === 'ready', { timeout: 30_000 }, `${a}-${b}`);
    const expected = (await api(operation('explore.graphql'), { number: a, first: 20, filter: { regions: ['002'], objectives: [b] } })).objective.practices;
    const titles = await page.$$eval('[data-testid=practice-list] li a', (els: any[]) => els.map((el) => el.textContent));
    expect(titles).toEqual(expected.nodes.map((p: { title: string }) => p.title));
    expect(titles.length).toBeGreaterThan(0);
  });

  it('restores the filter, minShared, weight and selection from the URL', async () => {
    const other = await newPage();
    try {
      await other.goto(`${origin}/explore?regions=002&scopes=NATIONAL&minShared=2&weight=jaccard&sel=10`, { waitUntil: 'load' });
      await waitDrawn(other);
      const expected = await network({ regions: ['002'], scopes: ['NATIONAL'] }, 2);
      expect(await counts(other)).toEqual({ nodes: 23, edges: expected.edges.length });
      expect(await other.$eval('select[name=region]', (el: any) => el.value)).toBe('002');
      expect(await other.$eval('select[name=scope]', (el: any) => el.value)).toBe('NATIONAL');
      expect(await other.$eval('input[name=minShared]', (el: any) => el.value)).toBe('2');
      expect(await other.$eval('input[name=weight][value=jaccard]', (el: any) => el.checked)).toBe(true);
      await other.waitForSelector('[data-testid=practice-list][data-state=ready]', { timeout: 30_000 });
      expect(await other.$eval('[data-testid=objective-10]', (el: any) => el.getAttribute('aria-pressed'))).toBe('true');
      expect(await other.$eval('[data-testid=export-csv]', (el: any) => el.getAttribute('href'))).toBe('/export/practice-objectives.csv?regions=002&scopes=NATIONAL');
    } finally {
      await other.close();
    }
    expect(traffic.errors).toEqual([]);
  });

  it('draws the coverage heatmap, objective × region, and switches it to scope', async () => {
    const rows = await page.$$eval('[data-testid=coverage] tbody tr', (els: any[]) => els.length);
    expect(rows).toBe(23);
    await page.select('select[name=coverageBy]', 'SCOPE');
    await page.waitForFunction(() => document.querySelector('[data-testid=coverage]').dataset.state === 'ready' && document.querySelector('[data-testid=coverage] thead').textContent.includes('NATIONAL'), { timeout: 30_000 });
    expect(traffic.errors).toEqual([]);
  });

  it('takes a screenshot of the network that is not blank', async () => {
    const element = await page.$('[data-testid=network]');
    const png = Buffer.from(await element!.screenshot({ type: 'png' }));
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'explore-network.png'), png);
    await writeFile(path.join(ARTIFACTS, 'explore.png'), Buffer.from(await page.screenshot({ type: 'png', fullPage: true })));
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
        let sum = 0;
        let sumSq = 0;
        for (let i = 0; i < data.length; i += 4) {
          const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
          counts.set(key, (counts.get(key) ?? 0) + 1);
          const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
          sum += luma;
          sumSq += luma * luma;
        }
        const n = data.length / 4;
        return { width: image.width, colours: counts.size, commonest: Math.max(...counts.values()) / n, variance: sumSq / n - (sum / n) ** 2 };
      }, `data:image/png;base64,${png.toString('base64')}`);
      measured.push(`network screenshot: ${stats.colours} colours, luma variance ${stats.variance.toFixed(0)}`);
      expect(stats.width).toBeGreaterThan(400);
      expect(stats.colours).toBeGreaterThan(20);
      expect(stats.commonest).toBeLessThan(0.95);
      expect(stats.variance).toBeGreaterThan(50);
    } finally {
      await probe.close();
    }
  });
});
