// The objective-network explorer served at GET /explore (bundled by src/explore/build-explore.mjs).
// Plain DOM and SVG, laid out with d3-force; every piece of data comes from POST /graphql with the
// exact text of the operations in schema/operations (so they match the persisted-operation manifest).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import NETWORK from '../../../schema/operations/network.graphql';
import COVERAGE from '../../../schema/operations/coverage.graphql';
import BROWSE from '../../../schema/operations/browse.graphql';
import EXPLORE from '../../../schema/operations/explore.graphql';
import PRACTICE from '../../../schema/operations/practice.graphql';
import './style.css';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAGE_SIZE = 20;

/**
 * Colours: the four thematic clusters of the Global Compact's objectives used by the 2022
 * International Migration Review Forum's round tables (objective 14, listed by two round tables,
 * is coloured with the second). See README, "The explorer".
 */
const CLUSTERS = [
  { name: 'Regular pathways, decent work, drivers', colour: '#2a6fdb', objectives: [2, 5, 6, 12, 18] },
  { name: 'Safety, borders, trafficking, return', colour: '#d1495b', objectives: [4, 8, 9, 10, 11, 13, 14, 21] },
  { name: 'Inclusion, services, diaspora, remittances', colour: '#2e9e6a', objectives: [15, 16, 19, 20, 22] },
  { name: 'Data, information, discourse, cooperation', colour: '#8e5cc4', objectives: [1, 3, 7, 17, 23] },
];
const CLUSTER_OF = new Map(CLUSTERS.flatMap((cluster) => cluster.objectives.map((n) => [n, cluster])));

const SCOPES = ['GLOBAL', 'REGIONAL', 'SUBREGIONAL', 'NATIONAL', 'LOCAL'];
const KINDS = ['MEMBER_STATE', 'UN_ENTITY', 'NETWORK_MEMBER', 'CIVIL_SOCIETY', 'ACADEMIA', 'PRIVATE_SECTOR', 'OTHER'];
const COVERAGE_DIMENSIONS = { REGION: 'Region', SCOPE: 'Scope', START_YEAR: 'Start year', IMPLEMENTER_KIND: 'Implementer kind', GUIDING_PRINCIPLE: 'Guiding principle' };
/** URL (and export) parameters of the filter: the names of PracticeFilter. */
const FILTER_PARAMS = ['regions', 'scopes', 'implementerKinds', 'guidingPrinciples', 'activeFrom', 'activeTo', 'text'];
const LIST_PARAMS = new Set(['regions', 'scopes', 'implementerKinds', 'guidingPrinciples']);

const state = readUrl();
let network = null;
let networkSeq = 0;
let coverageSeq = 0;
let listSeq = 0;
const positions = new Map();
const objectives = new Map();

// ---------------------------------------------------------------- URL state

function readUrl() {
  const search = new URLSearchParams(location.search);
  const filter = {};
  for (const key of FILTER_PARAMS) {
    const value = search.get(key);
    if (value) filter[key] = LIST_PARAMS.has(key) ? value.split(',').filter(Boolean) : value;
  }
  const minShared = Math.max(1, Math.min(50, Number.parseInt(search.get('minShared') ?? '1', 10) || 1));
  const weight = search.get('weight') === 'jaccard' ? 'jaccard' : 'shared';
  const sel = /^\d{1,2}(-\d{1,2})?$/.test(search.get('sel') ?? '') ? search.get('sel') : null;
  const cov = Object.hasOwn(COVERAGE_DIMENSIONS, search.get('cov') ?? '') ? search.get('cov') : 'REGION';
  return { filter, minShared, weight, sel, cov };
}

/** The filter as export query parameters (the same names, lists comma-separated). */
function filterParams() {
  const params = new URLSearchParams();
  for (const key of FILTER_PARAMS) {
    const value = state.filter[key];
    if (value && value.length) params.set(key, Array.isArray(value) ? value.join(',') : value);
  }
  return params;
}

function writeUrl() {
  const params = filterParams();
  if (state.minShared !== 1) params.set('minShared', String(state.minShared));
  if (state.weight !== 'shared') params.set('weight', state.weight);
  if (state.sel) params.set('sel', state.sel);
  if (state.cov !== 'REGION') params.set('cov', state.cov);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  updateExports();
}

/** The filter as a PracticeFilter value (null when empty). */
function practiceFilter() {
  const filter = {};
  for (const key of FILTER_PARAMS) {
    const value = state.filter[key];
    if (value && value.length) filter[key] = value;
  }
  return Object.keys(filter).length ? filter : null;
}

// ---------------------------------------------------------------- GraphQL

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return body.data;
}

// ---------------------------------------------------------------- DOM helpers

function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) el.append(child);
  return el;
}

function s(tag, attributes = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

const label = (text) => text.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

// ---------------------------------------------------------------- layout

const root = document.getElementById('explore');
root.textContent = '';

const status = h('p', { class: 'status', role: 'status', 'data-testid': 'status' });
const regionSelect = h('select', { name: 'region', 'aria-label': 'Region' }, h('option', { value: '', text: 'All regions' }));
const scopeSelect = h('select', { name: 'scope', 'aria-label': 'Scope' }, h('option', { value: '', text: 'All scopes' }), SCOPES.map((v) => h('option', { value: v, text: label(v) })));
const kindSelect = h('select', { name: 'implementerKind', 'aria-label': 'Implementer kind' }, h('option', { value: '', text: 'All implementers' }), KINDS.map((v) => h('option', { value: v, text: label(v) })));
const principleSelect = h('select', { name: 'guidingPrinciple', 'aria-label': 'Guiding principle' }, h('option', { value: '', text: 'All guiding principles' }));
const fromInput = h('input', { type: 'number', name: 'activeFrom', min: 1950, max: 2100, placeholder: 'from', 'aria-label': 'Active from (year)' });
const toInput = h('input', { type: 'number', name: 'activeTo', min: 1950, max: 2100, placeholder: 'to', 'aria-label': 'Active to (year)' });
const textInput = h('input', { type: 'search', name: 'text', placeholder: 'Search practices', 'aria-label': 'Text' });
const resetButton = h('button', { type: 'button', text: 'Reset', onclick: () => resetFilter() });

const minSharedInput = h('input', { type: 'range', name: 'minShared', min: 1, max: 30, value: state.minShared, 'aria-label': 'Minimum shared practices' });
const minSharedOutput = h('output', { 'data-testid': 'min-shared', text: String(state.minShared) });
const weightShared = h('input', { type: 'radio', name: 'weight', value: 'shared' });
const weightJaccard = h('input', { type: 'radio', name: 'weight', value: 'jaccard' });
const nodeCount = h('strong', { 'data-testid': 'node-count', text: '…' });
const edgeCount = h('strong', { 'data-testid': 'edge-count', text: '…' });
const practiceCountEl = h('strong', { 'data-testid': 'practice-count', text: '…' });

const svg = s('svg', { 'data-testid': 'network', 'data-state': 'loading', viewBox: '0 0 800 600', role: 'img', 'aria-label': 'Objective network' });
const legend = h('ol', { class: 'legend', 'data-testid': 'legend' });
const clusterKey = h('ul', { class: 'clusters' }, CLUSTERS.map((c) => h('li', {}, swatch(c.colour), ` ${c.name}`)));

const drillTitle = h('h2', { 'data-testid': 'drill-title', text: 'Practices' });
const drillHint = h('p', { class: 'hint', text: 'Pick an objective (in the list or the drawing) or a link between two objectives to list the practices behind it.' });
const practiceList = h('ul', { class: 'practices', 'data-testid': 'practice-list', 'data-state': 'idle' });
const moreButton = h('button', { type: 'button', 'data-testid': 'more', hidden: true, text: 'More' });

const coverageSelect = h('select', { name: 'coverageBy', 'aria-label': 'Coverage by' }, Object.entries(COVERAGE_DIMENSIONS).map(([v, t]) => h('option', { value: v, text: t })));
const heatmap = h('div', { class: 'heatmap', 'data-testid': 'coverage' });

const gexfLink = h('a', { 'data-testid': 'export-gexf', download: 'objective-network.gexf', text: 'GEXF' });
const graphmlLink = h('a', { 'data-testid': 'export-graphml', download: 'objective-network.graphml', text: 'GraphML' });
const csvLink = h('a', { 'data-testid': 'export-csv', download: 'practice-objectives.csv', text: 'CSV (practice × objective)' });

function swatch(colour) {
  const el = h('span', { class: 'swatch' });
  el.style.backgroundColor = colour;
  return el;
}

root.append(
  h('header', {},
    h('h1', { text: 'Objective network explorer' }),
    h('form', { class: 'filters', 'data-testid': 'filters', onsubmit: (e) => e.preventDefault() },
      regionSelect, scopeSelect, kindSelect, principleSelect,
      h('span', { class: 'years' }, 'Active ', fromInput, '–', toInput),
      textInput, resetButton),
    status),
  h('main', {},
    h('section', { class: 'network-panel' },
      h('div', { class: 'controls' },
        h('span', {}, nodeCount, ' objectives · ', edgeCount, ' links · ', practiceCountEl, ' practices'),
        h('label', {}, 'Min. shared ', minSharedInput, ' ', minSharedOutput),
        h('span', { class: 'weight', role: 'radiogroup', 'aria-label': 'Edge weight' }, 'Weight: ',
          h('label', {}, weightShared, ' shared practices'), h('label', {}, weightJaccard, ' Jaccard'))),
      svg,
      clusterKey),
    h('aside', { class: 'side' },
      h('h2', { text: 'Objectives' }),
      legend),
    h('section', { class: 'drill' }, drillTitle, drillHint, practiceList, moreButton),
    h('section', { class: 'coverage' },
      h('h2', {}, 'Coverage: objective × ', coverageSelect),
      heatmap),
    h('section', { class: 'exports' },
      h('h2', { text: 'Export this network' }),
      h('p', {}, gexfLink, ' · ', graphmlLink, ' · ', csvLink))),
);

// ---------------------------------------------------------------- controls

function syncControls() {
  const f = state.filter;
  regionSelect.value = f.regions?.[0] ?? '';
  scopeSelect.value = f.scopes?.[0] ?? '';
  kindSelect.value = f.implementerKinds?.[0] ?? '';
  principleSelect.value = f.guidingPrinciples?.[0] ?? '';
  fromInput.value = f.activeFrom ? f.activeFrom.slice(0, 4) : '';
  toInput.value = f.activeTo ? f.activeTo.slice(0, 4) : '';
  textInput.value = f.text ?? '';
  minSharedInput.value = String(state.minShared);
  minSharedOutput.textContent = String(state.minShared);
  weightShared.checked = state.weight === 'shared';
  weightJaccard.checked = state.weight === 'jaccard';
  coverageSelect.value = state.cov;
}

function setList(key, value) {
  if (value) state.filter[key] = [value];
  else delete state.filter[key];
}

function setValue(key, value) {
  if (value) state.filter[key] = value;
  else delete state.filter[key];
}

function filterChanged() {
  performance.mark('explore:filter-change');
  writeUrl();
  void loadNetwork();
  void loadCoverage();
  if (state.sel) void loadPractices(false);
}

regionSelect.addEventListener('change', () => { setList('regions', regionSelect.value); filterChanged(); });
scopeSelect.addEventListener('change', () => { setList('scopes', scopeSelect.value); filterChanged(); });
kindSelect.addEventListener('change', () => { setList('implementerKinds', kindSelect.value); filterChanged(); });
principleSelect.addEventListener('change', () => { setList('guidingPrinciples', principleSelect.value); filterChanged(); });
const year = (input) => (/^\d{4}$/.test(input.value) ? input.value : '');
fromInput.addEventListener('change', () => { setValue('activeFrom', year(fromInput) && `${year(fromInput)}-01-01`); filterChanged(); });
toInput.addEventListener('change', () => { setValue('activeTo', year(toInput) && `${year(toInput)}-12-31`); filterChanged(); });
let textTimer;
const textChanged = () => {
  clearTimeout(textTimer);
  const text = textInput.value.trim();
  if ((state.filter.text ?? '') === text) return;
  setValue('text', text);
  filterChanged();
};
textInput.addEventListener('change', textChanged);
textInput.addEventListener('input', () => { clearTimeout(textTimer); textTimer = setTimeout(textChanged, 400); });

function resetFilter() {
  state.filter = {};
  syncControls();
  filterChanged();
}

let minSharedTimer;
minSharedInput.addEventListener('input', () => {
  minSharedOutput.textContent = minSharedInput.value;
  clearTimeout(minSharedTimer);
  minSharedTimer = setTimeout(() => {
    state.minShared = Number(minSharedInput.value);
    performance.mark('explore:filter-change');
    writeUrl();
    void loadNetwork();
  }, 150);
});
for (const radio of [weightShared, weightJaccard]) {
  radio.addEventListener('change', () => {
    state.weight = radio.value;
    writeUrl();
    if (network) draw();
  });
}
coverageSelect.addEventListener('change', () => { state.cov = coverageSelect.value; writeUrl(); void loadCoverage(); });
moreButton.addEventListener('click', () => void loadPractices(true));

function updateExports() {
  const filterQuery = filterParams().toString();
  const networkParams = filterParams();
  if (state.minShared !== 1) networkParams.set('minShared', String(state.minShared));
  const networkQuery = networkParams.toString();
  gexfLink.href = `/export/objective-network.gexf${networkQuery ? `?${networkQuery}` : ''}`;
  graphmlLink.href = `/export/objective-network.graphml${networkQuery ? `?${networkQuery}` : ''}`;
  csvLink.href = `/export/practice-objectives.csv${filterQuery ? `?${filterQuery}` : ''}`;
}

// ---------------------------------------------------------------- options (BrowsePage with first: 0)

async function loadOptions() {
  const data = await graphql(BROWSE, { first: 0 });
  for (const o of data.objectives) objectives.set(o.number, o.shortTitle);
  const children = new Map();
  for (const region of data.regions) {
    const parent = region.parent?.code ?? '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(region);
  }
  const known = new Set(data.regions.map((r) => r.code));
  const roots = data.regions.filter((r) => !r.parent || !known.has(r.parent.code));
  const add = (region, depth) => {
    regionSelect.append(h('option', { value: region.code, text: `${'\u2003'.repeat(depth)}${region.name} (${region.code})` }));
    for (const child of (children.get(region.code) ?? []).sort((a, b) => a.name.localeCompare(b.name))) add(child, depth + 1);
  };
  for (const region of roots.sort((a, b) => a.name.localeCompare(b.name))) add(region, 0);
  for (const principle of data.guidingPrinciples) principleSelect.append(h('option', { value: principle.code, text: principle.title }));
  syncControls();
}

// ---------------------------------------------------------------- network

async function loadNetwork() {
  const seq = ++networkSeq;
  svg.dataset.state = 'loading';
  status.textContent = 'Loading the network…';
  try {
    const data = await graphql(NETWORK, { filter: practiceFilter(), minShared: state.minShared });
    if (seq !== networkSeq) return;
    network = data.objectiveNetwork;
    for (const node of network.nodes) objectives.set(node.objective.number, node.objective.shortTitle);
    draw();
    status.textContent = '';
  } catch (error) {
    if (seq !== networkSeq) return;
    svg.dataset.state = 'error';
    status.textContent = `The network could not be loaded: ${error.message}`;
  }
}

function layout(nodes, links) {
  const weightOf = weightFunction(links);
  for (const node of nodes) {
    const known = positions.get(node.id);
    if (known) Object.assign(node, known);
  }
  const simulation = forceSimulation(nodes)
    .force('link', forceLink(links).id((d) => d.id).distance(140).strength((l) => 0.05 + 0.6 * weightOf(l)))
    .force('charge', forceManyBody().strength(-260))
    .force('collide', forceCollide((d) => d.r + 6))
    .force('x', forceX(400).strength(0.05))
    .force('y', forceY(300).strength(0.07))
    .force('center', forceCenter(400, 300))
    .stop();
  const ticks = positions.size ? 120 : 300;
  for (let i = 0; i < ticks; i += 1) simulation.tick();
  for (const node of nodes) positions.set(node.id, { x: node.x, y: node.y });
  // Fitted to the drawing (the simulation's own coordinates are kept for the next redraw).
  const margin = 36;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((800 - 2 * margin) / Math.max(1, x1 - x0), (600 - 2 * margin) / Math.max(1, y1 - y0), 3);
  for (const node of nodes) {
    node.x = 400 + (node.x - (x0 + x1) / 2) * scale;
    node.y = 300 + (node.y - (y0 + y1) / 2) * scale;
  }
}

/** An edge's weight in [0, 1] under the current mode. */
function weightFunction(links) {
  if (state.weight === 'jaccard') {
    const max = Math.max(1e-9, ...links.map((l) => l.jaccard));
    return (l) => l.jaccard / max;
  }
  const max = Math.max(1, ...links.map((l) => l.sharedPractices));
  return (l) => l.sharedPractices / max;
}

function draw() {
  const started = performance.now();
  const maxCount = Math.max(1, ...network.nodes.map((n) => n.practiceCount));
  const nodes = network.nodes.map((n) => ({
    id: n.objective.number, title: n.objective.shortTitle, count: n.practiceCount, r: 7 + 23 * Math.sqrt(n.practiceCount / maxCount),
  }));
  const links = network.edges.map((e) => ({ source: e.source.number, target: e.target.number, sharedPractices: e.sharedPractices, jaccard: e.jaccard }));
  layout(nodes, links);
  minSharedInput.max = String(Math.max(30, state.minShared, ...links.map((l) => l.sharedPractices)));
  const weightOf = weightFunction(links);
  const [selA, selB] = (state.sel ?? '').split('-').map(Number);

  svg.textContent = '';
  const edgeLayer = s('g', { class: 'edges' });
  for (const link of links) {
    const a = link.source;
    const b = link.target;
    const weight = weightOf(link);
    const selected = selB && ((a.id === selA && b.id === selB) || (a.id === selB && b.id === selA));
    const g = s('g', { class: `edge${selected ? ' selected' : ''}`, 'data-testid': `edge-${a.id}-${b.id}`, tabindex: 0, role: 'button' });
    const line = s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'stroke-width': (0.6 + 9 * weight).toFixed(2), 'stroke-opacity': (0.25 + 0.6 * weight).toFixed(2) });
    const hit = s('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'hit' });
    const title = s('title');
    title.textContent = `${a.id} ${a.title} – ${b.id} ${b.title}: ${link.sharedPractices} shared practices, Jaccard ${link.jaccard.toFixed(3)}`;
    g.append(line, hit, title);
    const pick = () => select(`${a.id}-${b.id}`);
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
    edgeLayer.append(g);
  }
  const nodeLayer = s('g', { class: 'nodes' });
  for (const node of nodes) {
    const selected = node.id === selA || node.id === selB;
    const g = s('g', { class: `node${selected ? ' selected' : ''}`, transform: `translate(${node.x.toFixed(1)},${node.y.toFixed(1)})`, 'data-testid': `node-${node.id}` });
    const circle = s('circle', { r: node.r.toFixed(1), fill: CLUSTER_OF.get(node.id)?.colour ?? '#888' });
    const text = s('text', { dy: '0.35em', 'text-anchor': 'middle' });
    text.textContent = String(node.id);
    const title = s('title');
    title.textContent = `${node.id}. ${node.title}: ${node.count} practices`;
    g.append(circle, text, title);
    g.addEventListener('click', () => select(String(node.id)));
    nodeLayer.append(g);
  }
  svg.append(edgeLayer, nodeLayer);

  drawLegend(nodes);
  nodeCount.textContent = String(nodes.filter((n) => n.count >= 0).length);
  edgeCount.textContent = String(links.length);
  practiceCountEl.textContent = String(network.practiceCount);
  svg.dataset.state = 'ready';
  svg.dataset.filter = filterParams().toString();
  svg.dataset.minShared = String(state.minShared);
  performance.mark('explore:drawn', { detail: { drawMs: performance.now() - started } });
  if (!performance.getEntriesByName('explore:interactive').length) performance.mark('explore:interactive');
  else if (performance.getEntriesByName('explore:filter-change').length) performance.measure('explore:redraw', 'explore:filter-change', 'explore:drawn');
}

function drawLegend(nodes) {
  const [selA, selB] = (state.sel ?? '').split('-').map(Number);
  legend.textContent = '';
  for (const node of [...nodes].sort((a, b) => a.id - b.id)) {
    const selected = node.id === selA && !selB;
    legend.append(h('li', {},
      h('button', { type: 'button', class: `objective${selected ? ' selected' : ''}`, 'data-testid': `objective-${node.id}`, 'aria-pressed': String(selected), onclick: () => select(String(node.id)) },
        swatch(CLUSTER_OF.get(node.id)?.colour ?? '#888'),
        h('span', { class: 'number', text: String(node.id) }),
        h('span', { class: 'title', text: node.title }),
        h('span', { class: 'count', text: String(node.count) }))));
  }
}

function select(sel) {
  state.sel = state.sel === sel ? null : sel;
  writeUrl();
  if (network) draw();
  void loadPractices(false);
}

// ---------------------------------------------------------------- drill-down (ExplorePractices)

let cursor = null;

async function loadPractices(more) {
  const seq = ++listSeq;
  if (!state.sel) {
    practiceList.textContent = '';
    practiceList.dataset.state = 'idle';
    moreButton.hidden = true;
    drillTitle.textContent = 'Practices';
    drillHint.hidden = false;
    return;
  }
  drillHint.hidden = true;
  const [a, b] = state.sel.split('-').map(Number);
  const filter = { ...(practiceFilter() ?? {}) };
  if (b) filter.objectives = [b];
  const title = b ? `Practices on ${a}. ${objectives.get(a) ?? ''} and ${b}. ${objectives.get(b) ?? ''}` : `Practices on ${a}. ${objectives.get(a) ?? ''}`;
  if (!more) {
    cursor = null;
    practiceList.textContent = '';
  }
  practiceList.dataset.state = 'loading';
  moreButton.disabled = true;
  try {
    const data = await graphql(EXPLORE, { number: a, first: PAGE_SIZE, after: more ? cursor : null, filter: Object.keys(filter).length ? filter : null });
    if (seq !== listSeq) return;
    const page = data.objective.practices;
    drillTitle.textContent = `${title} (${page.totalCount})`;
    for (const practice of page.nodes) practiceList.append(practiceItem(practice));
    if (!practiceList.childElementCount) practiceList.append(h('li', { class: 'empty', text: 'No published practice matches.' }));
    cursor = page.pageInfo.endCursor;
    moreButton.hidden = !page.pageInfo.hasNextPage;
    moreButton.disabled = false;
    practiceList.dataset.state = 'ready';
  } catch (error) {
    if (seq !== listSeq) return;
    practiceList.dataset.state = 'error';
    practiceList.append(h('li', { class: 'error', text: `The practices could not be loaded: ${error.message}` }));
  }
}

function practiceItem(practice) {
  const years = [practice.startDate?.slice(0, 4) ?? '?', practice.endDate ? practice.endDate.slice(0, 4) : 'ongoing'].join('–');
  // PracticePage (schema/operations/practice.graphql) over GET: the practice's JSON, in the browser.
  const href = `/graphql?${new URLSearchParams({ query: PRACTICE, variables: JSON.stringify({ slug: practice.slug }) })}`;
  return h('li', { 'data-slug': practice.slug },
    h('a', { href, class: 'practice-title', text: practice.title }),
    h('span', { class: 'meta', text: ` ${label(practice.scope)} · ${years}` }));
}

// ---------------------------------------------------------------- coverage (CoveragePage)

async function loadCoverage() {
  const seq = ++coverageSeq;
  heatmap.dataset.state = 'loading';
  try {
    const data = await graphql(COVERAGE, { by: state.cov, filter: practiceFilter() });
    if (seq !== coverageSeq) return;
    drawHeatmap(data.objectiveCoverage);
    heatmap.dataset.state = 'ready';
  } catch (error) {
    if (seq !== coverageSeq) return;
    heatmap.dataset.state = 'error';
    heatmap.textContent = `The coverage could not be loaded: ${error.message}`;
  }
}

function drawHeatmap(rows) {
  const buckets = new Map();
  const counts = new Map();
  let max = 1;
  for (const row of rows) {
    buckets.set(row.bucket, row.label);
    counts.set(`${row.objective.number}|${row.bucket}`, row.practiceCount);
    objectives.set(row.objective.number, row.objective.shortTitle);
    max = Math.max(max, row.practiceCount);
  }
  const columns = [...buckets.keys()].sort((a, b) => (state.cov === 'SCOPE' ? SCOPES.indexOf(a) - SCOPES.indexOf(b) : a.localeCompare(b)));
  const table = h('table', {},
    h('thead', {}, h('tr', {}, h('th', { text: 'Objective' }), columns.map((c) => h('th', { scope: 'col', title: c, text: buckets.get(c) ?? c })))));
  const body = h('tbody');
  for (let n = 1; n <= 23; n += 1) {
    const tr = h('tr', {}, h('th', { scope: 'row', text: `${n}. ${objectives.get(n) ?? ''}` }));
    for (const column of columns) {
      const count = counts.get(`${n}|${column}`) ?? 0;
      const td = h('td', { title: `${n} × ${buckets.get(column)}: ${count}`, text: count ? String(count) : '' });
      const t = count / max;
      td.style.backgroundColor = count ? `rgba(42, 111, 219, ${(0.08 + 0.85 * t).toFixed(3)})` : '';
      if (t > 0.55) td.classList.add('dark');
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  heatmap.textContent = '';
  heatmap.append(table);
}

// ---------------------------------------------------------------- start

syncControls();
updateExports();
loadOptions().catch((error) => { status.textContent = `The filter options could not be loaded: ${error.message}`; });
void loadNetwork();
void loadCoverage();
if (state.sel) void loadPractices(false);
