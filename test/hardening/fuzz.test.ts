import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Role } from '../../src/auth/principal';
import { signToken } from '../../src/auth/sign-token';
import { sqlOf } from '../../src/db/sql';
import type { HubServer } from '../../src/server';
import { Random } from '../../seeds/random';
import { contentChecksum } from '../../seeds/seed';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_JWT_SECRET } from '../support/graphql';
import { leakIn, listenProduction, parseJson, postGraphQL, rawRequest, type RawResponse } from './support';

/**
 * Thousands of generated hostile requests (seeded PRNG: the same requests on every run) over
 * real HTTP against the production server. Whatever they hold, the server answers each one
 * below 500, leaks nothing of how it is built, gives every GraphQL error a code, and writes
 * nothing it should not.
 *
 * What may change: the requests run in two phases. Phase A (anonymous callers, forged or
 * garbage tokens, garbage bodies, methods and paths) must change no row at all: the content
 * checksum of the seed and a checksum of review_assignment / workflow_step /
 * roster_application / community_group_member are equal before and after. Phase B sends
 * random mutations with valid member, reviewer and editor tokens (signed with the server's
 * secret): those may legitimately write (join a group, create a draft, publish…), so after it
 * only the tables no mutation can write are compared (reference data, organizations, events
 * and their links): an injection that got through would show there.
 */

const SEED = 0x5eed_f022;
const CONCURRENCY = 8;
const KB100 = 100 * 1024;

interface Spec {
  kind: string;
  phase: 'A' | 'B';
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

interface Fixtures {
  practiceIds: string[];
  practiceSlugs: string[];
  resourceIds: string[];
  eventIds: string[];
  groupIds: string[];
  callIds: string[];
  expertIds: string[];
  assignmentIds: string[];
  applicationIds: string[];
  orgIds: string[];
  /** Real cursors of several lists, to hand to the others. */
  cursors: string[];
  tokens: { member: string; member2: string; editor: string; reviewer: string };
  forged: string[];
}

// ---------------------------------------------------------------------------------------
// Hostile values. SQL keywords are written in mixed case (SQL does not care) and never name
// pg_ or postgres in lower case: a message that echoes the caller's input back ("no group has
// the id …") must not count as a leak, while a real leak (PostgreSQL's own error text) would.
// ---------------------------------------------------------------------------------------

const SQLI = [
  "' oR '1'='1", "' oR 1=1 --", "'; DrOp TaBlE practice; --", "1' UnIoN sElEcT null, null --",
  "'); DeLeTe FrOm community_group_member; --", "\\'; UpDaTe practice SeT status = 'PUBLISHED' --",
  "' || (sElEcT Pg_SlEeP(3)) || '", '$$; TrUnCaTe review_assignment; $$', "%' AnD 1=1 --", '" oR ""="',
  "1; CoPy practice To '/tmp/x'", "00000000-0000-0000-0000-000000000000' oR '1'='1", '$1', ':id', "E'\\x00'",
  '*/ sElEcT 1 /*', "'::int", "1)) oR ((1=1", "' AnD (sElEcT count(*) FrOm Pg_UsEr) > 0 --", "\\\\'; --",
  "practice' WhErE 1=1; InSeRt InTo roster_application DeFaUlT VaLuEs; --", '`id`', "x'||chr(0)||'",
];
const NUL = ['\u0000', 'a\u0000b', 'hg1:\u0000', '\u0000\u0000\u0000', 'slug\u0000', '550e8400-e29b-41d4-a716-446655440000\u0000'];
const SURROGATES = ['\ud800', 'x\udfffy', '\udc00\ud800', 'a\ud83d', '\ud83d\ude00\ud800'];
const ODD = ['', ' ', '\n\t\r', '%s%s%n', '{{7*7}}', '${7*7}', '<script>alert(1)</script>', '../../etc/passwd', 'NaN', 'Infinity', '-1', '1e308',
  '\u202eevil', '\u200b', 'é'.normalize('NFD'), '😀'.repeat(50), 'null', 'undefined', '__proto__', 'constructor', '\\', '"', "'"];
const NUMBERS: unknown[] = [1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), -1, 0, 32768, -32769, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 1.5, 1e-320, -0, 101, 1e21,
  'NaN', 'Infinity', '-Infinity', '1e308', '0x10', '', '1'];
/** Number tokens only a raw JSON body can hold (JSON.parse reads them; JSON.stringify cannot write them). */
const RAW_NUMBERS = ['1e999', '-1e999', '1e-999', '123456789012345678901234567890', '-0', '0.0000000000000000000001', '1E400', '9007199254740993'];

function hostileString(r: Random): string {
  switch (r.int(0, 5)) {
    case 0: return r.pick(SQLI);
    case 1: return r.pick(NUL);
    case 2: return r.pick(SURROGATES);
    case 3: return r.chance(0.1) ? 'x'.repeat(KB100) : r.pick(ODD);
    case 4: return r.pick(ODD);
    default: return r.pick([...SQLI, ...ODD]);
  }
}

function hostileValue(r: Random, f: Fixtures, depth = 0): unknown {
  switch (r.int(0, depth > 1 ? 4 : 7)) {
    case 0: return hostileString(r);
    case 1: return r.pick(NUMBERS);
    case 2: return r.pick([true, false, null]);
    case 3: return r.pick([randomUUID(), ...f.practiceIds, ...f.groupIds, ...f.expertIds]);
    case 4: return r.pick([...f.practiceSlugs, 'home', 'objective-10']);
    case 5: return Array.from({ length: r.int(0, 4) }, () => hostileValue(r, f, depth + 1));
    case 6: return Object.fromEntries(Array.from({ length: r.int(0, 3) }, () => [r.pick(['a', 'title', '__proto__', 'id', 'x'.repeat(50)]), hostileValue(r, f, depth + 1)]));
    default: return deepObject(r.int(10, 200));
  }
}

function deepObject(depth: number, key = 'a', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

function deepArray(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Random bytes as standard base64 (no `_`, so random text never spells pg_). */
function randomBase64(r: Random, bytes: number): string {
  return Buffer.from(Array.from({ length: bytes }, () => r.int(0, 255))).toString('base64');
}

// ---------------------------------------------------------------------------------------
// Operations the generator fills with hostile values.
// ---------------------------------------------------------------------------------------

const PRACTICES = 'query($first: Int, $after: String, $f: PracticeFilter, $o: PracticeOrder) { practices(first: $first, after: $after, filter: $f, orderBy: $o) { totalCount edges { cursor node { id title } } pageInfo { endCursor hasNextPage } } }';
const RESOURCES = 'query($first: Int, $after: String, $f: ResourceFilter, $o: ResourceOrder) { resources(first: $first, after: $after, filter: $f, orderBy: $o) { totalCount nodes { id } pageInfo { endCursor } } }';
const EVENTS = 'query($first: Int, $after: String, $f: EventFilter) { events(first: $first, after: $after, filter: $f) { totalCount nodes { id } } }';
const GROUPS = 'query($first: Int, $after: String) { communityGroups(first: $first, after: $after) { totalCount nodes { id slug } } }';
const OBJECTIVE = 'query($n: Int!, $first: Int, $after: String, $f: PracticeFilter) { objective(number: $n) { number practices(first: $first, after: $after, filter: $f) { totalCount } resources(first: $first, after: $after) { totalCount } events(first: $first, after: $after) { totalCount } linkedObjectives(minShared: $first) { sharedPractices } } }';
const GROUP_LISTS = 'query($id: ID, $slug: String, $first: Int, $after: String) { communityGroup(id: $id, slug: $slug) { id practices(first: $first, after: $after) { totalCount } resources(first: $first, after: $after) { totalCount } events(first: $first, after: $after) { totalCount } } }';
const NETWORK = 'query($m: Int, $f: PracticeFilter) { objectiveNetwork(minShared: $m, filter: $f) { practiceCount edges { jaccard } } }';
const COVERAGE = 'query($f: PracticeFilter, $by: CoverageDimension!) { objectiveCoverage(filter: $f, by: $by) { bucket practiceCount } }';
const CURATED = 'query($s: String!, $n: Int) { curatedView(slug: $s) { slug practices(first: $n) { id } resources(first: $n) { id } events(first: $n) { id } communityGroups(first: $n) { id } } }';
const COUNTRIES = 'query($r: String) { countries(region: $r) { code } }';
const EXPERTS = 'query($first: Int, $o: Int, $u: Boolean, $after: String) { experts(first: $first, objective: $o, isUN: $u, after: $after) { totalCount nodes { id } } }';
const ROSTER = 'query($first: Int, $s: RosterApplicationStatus) { rosterApplications(first: $first, status: $s) { id status } }';
const VIEWER = 'query($first: Int, $after: String) { viewer { id roles practices(first: $first, after: $after) { totalCount } resources(first: $first, after: $after) { totalCount } assignments(first: $first, after: $after) { totalCount } } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Practice { id title } ... on Objective { number } ... on Expert { id name } } }';
const BY_SLUG_OR_ID = ['practice', 'resource', 'event', 'callForPractices', 'communityGroup'].map(
  (field) => `query($slug: String, $id: ID) { ${field}(slug: $slug, id: $id) { id } }`,
);
const ENTITY_TYPES = ['Practice', 'Resource', 'Event', 'CommunityGroup', 'CallForPractices', 'Organization', 'Expert', 'Review', 'ReviewAssignment', 'Objective'];
const LIST_QUERIES = [PRACTICES, RESOURCES, EVENTS, GROUPS, OBJECTIVE, GROUP_LISTS, VIEWER];

interface MutationShape {
  name: string;
  args: [string, string][];
}
const MUTATIONS: MutationShape[] = [
  { name: 'createCallForPractices', args: [['input', 'CallForPracticesInput!']] },
  { name: 'joinCommunityGroup', args: [['id', 'ID!']] },
  { name: 'leaveCommunityGroup', args: [['id', 'ID!']] },
  { name: 'pinToView', args: [['position', 'Int'], ['itemId', 'ID!'], ['slug', 'String!']] },
  { name: 'unpinFromView', args: [['itemId', 'ID!'], ['slug', 'String!']] },
  { name: 'createPractice', args: [['input', 'PracticeInput!']] },
  { name: 'updatePractice', args: [['input', 'PracticeInput!'], ['id', 'ID!']] },
  { name: 'submitPractice', args: [['id', 'ID!']] },
  { name: 'decide', args: [['note', 'String'], ['decision', 'EditorDecision!'], ['subjectId', 'ID!']] },
  { name: 'createResource', args: [['input', 'ResourceInput!']] },
  { name: 'updateResource', args: [['input', 'ResourceInput!'], ['id', 'ID!']] },
  { name: 'submitResource', args: [['id', 'ID!']] },
  { name: 'decideResource', args: [['note', 'String'], ['decision', 'EditorDecision!'], ['subjectId', 'ID!']] },
  { name: 'assignReviewer', args: [['dueOn', 'Date'], ['expertId', 'ID!'], ['subjectId', 'ID!']] },
  { name: 'withdrawAssignment', args: [['id', 'ID!']] },
  { name: 'respondToAssignment', args: [['conflictOfInterest', 'ConflictOfInterestInput!'], ['accept', 'Boolean!'], ['id', 'ID!']] },
  { name: 'submitReview', args: [['input', 'ReviewInput!'], ['assignmentId', 'ID!']] },
  { name: 'applyToReviewRoster', args: [['input', 'RosterApplicationInput!']] },
  { name: 'decideRosterApplication', args: [['approve', 'Boolean!'], ['id', 'ID!']] },
];

const ENUMS: Record<string, string[]> = {
  EditorDecision: ['PUBLISH', 'REQUEST_CHANGES', 'REJECT'],
  GeographicScope: ['GLOBAL', 'REGIONAL', 'SUBREGIONAL', 'NATIONAL', 'LOCAL'],
  CompletionStatus: ['FULLY_COMPLETED', 'MOSTLY_COMPLETED', 'ONGOING'],
  ResourceType: ['POLICY_BRIEF', 'REPORT', 'DATASET', 'OTHER'],
  ReviewDecision: ['APPROVE', 'REVISE', 'REJECT'],
  Locale: ['EN', 'FR', 'ES'],
};
const INPUTS: Record<string, Record<string, string>> = {
  CallForPracticesInput: { slug: 'String', locale: 'Locale', title: 'String!', theme: 'String!', objectives: '[Int!]!', opensOn: 'Date!', deadline: 'Date!' },
  PracticeInput: {
    callId: 'ID', locale: 'Locale', title: 'String', summary: 'String', scope: 'GeographicScope', regions: '[String!]', countries: '[String!]', objectives: '[Int!]',
    guidingPrinciples: '[String!]', implementedBy: '[ID!]', partners: '[ID!]', startDate: 'Date', endDate: 'Date', completion: 'CompletionStatus',
    focalPoint: 'FocalPointInput', lessonsLearned: 'String', recommendations: 'String', takeaway: 'String',
  },
  FocalPointInput: { name: 'String!', email: 'String!', organization: 'String!' },
  ResourceInput: { locale: 'Locale', title: 'String', summary: 'String', type: 'ResourceType', url: 'URL', scope: 'GeographicScope', regions: '[String!]', countries: '[String!]', objectives: '[Int!]', publisherId: 'ID', publishedOn: 'Date' },
  ConflictOfInterestInput: { hasConflict: 'Boolean!', details: 'String' },
  ReviewInput: { decision: 'ReviewDecision!', score: 'Int!', comment: 'String' },
  RosterApplicationInput: { name: 'String!', affiliation: 'String!', isUN: 'Boolean!', expertise: '[Int!]!', motivation: 'String!' },
};

/** A value for a GraphQL input type: mostly of the right shape with hostile content, sometimes of the wrong type altogether. */
function valueFor(r: Random, f: Fixtures, type: string): unknown {
  if (r.chance(0.12)) return hostileValue(r, f); // wrong type, or null for a non-null
  const bare = type.replace(/!$/, '');
  if (bare.startsWith('[')) return Array.from({ length: r.int(0, r.chance(0.05) ? 150 : 4) }, () => valueFor(r, f, bare.slice(1, -1)));
  if (INPUTS[bare]) {
    const fields = Object.entries(INPUTS[bare]).filter(([, t]) => t.endsWith('!') || r.chance(0.5));
    return Object.fromEntries(fields.map(([name, t]) => [name, valueFor(r, f, t)]));
  }
  if (ENUMS[bare]) return r.chance(0.85) ? r.pick(ENUMS[bare]) : hostileString(r);
  switch (bare) {
    case 'ID': return r.pick([...f.practiceIds, ...f.resourceIds, ...f.groupIds, ...f.callIds, ...f.expertIds, ...f.assignmentIds, ...f.applicationIds, ...f.orgIds, randomUUID(), randomUUID().toUpperCase(), hostileString(r)]);
    case 'Int': return r.chance(0.5) ? r.int(-2, 30) : r.pick(NUMBERS);
    case 'Boolean': return r.chance(0.9) ? r.chance(0.5) : r.pick(['true', 1, 0]);
    case 'Date': return r.pick(['2030-01-01', '2019-02-30', '0000-01-01', '9999-12-31', '2020-1-1', '2024-02-29', 'tomorrow', '', hostileString(r)]);
    case 'URL': return r.pick(['https://example.org/x', 'javascript:alert(1)', 'file:///etc/passwd', 'http://169.254.169.254/', 'ftp://x', hostileString(r)]);
    default: return hostileString(r);
  }
}

function mutationDocument(m: MutationShape): string {
  const vars = m.args.map(([name, type]) => `$${name}: ${type}`).join(', ');
  const args = m.args.map(([name]) => `${name}: $${name}`).join(', ');
  return `mutation(${vars}) { ${m.name}(${args}) { __typename errors { code message field } } }`;
}

// ---------------------------------------------------------------------------------------
// The generator: one Spec per request, in a fixed order from the seed.
// ---------------------------------------------------------------------------------------

function json(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}

function gql(kind: string, body: unknown, headers: Record<string, string> = {}, phase: 'A' | 'B' = 'A'): Spec {
  return { kind, phase, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', ...headers }, body: Buffer.isBuffer(body) ? body : json(body) };
}

/** A GraphQL string literal for `value` (JSON escaping is GraphQL escaping for these). */
const literal = (value: string) => JSON.stringify(value);

const generators: Record<string, (r: Random, f: Fixtures) => Spec> = {
  wrongVariableTypes(r, f) {
    const cases: [string, Record<string, unknown>][] = [
      [PRACTICES, { first: r.pick<unknown>(['10', true, {}, [1], 1.5, 'abc', { valueOf: 1 }]) }],
      [OBJECTIVE, { n: r.pick(['1', null, [], {}, true, 1.0000001, '10']) }],
      [BY_SLUG_OR_ID[r.int(0, 4)], { id: r.pick([{}, [], true, 1.5, [randomUUID()]]), slug: r.pick([1, {}, [], false]) }],
      [PRACTICES, { f: r.pick(['str', [1], { objectives: '1' }, { objectives: [['1']] }, { scopes: ['NOPE'] }, { activeFrom: '2019-02-30' }, { activeFrom: 20190101 }, { call: {} }, { text: 5 }, { implementerKinds: [1] }, { nope: 1 }]) }],
      [EVENTS, { f: r.pick([{ from: 'yesterday' }, { kinds: ['X'] }, { upcoming: 'yes' }, { to: 5 }, { objectives: 'all' }, { from: '2024-13-45T99:99:99Z' }]) }],
      [COVERAGE, { by: r.pick(['NOPE', 1, null, ['REGION'], 'region']) }],
      [CURATED, { s: r.pick([1, [], null, {}, true]), n: r.pick(['x', 1.5, [], {}]) }],
      [ENTITIES, { r: r.pick(['x', 1, {}, null, [[]], [[{ __typename: 'Practice' }]]]) }],
    ];
    const [query, variables] = r.pick(cases);
    if (r.chance(0.15)) return gql('wrongVariableTypes', { query, variables: r.pick([[1, 2], 'x', 5, true]) });
    if (r.chance(0.1)) return gql('wrongVariableTypes', { query: 'query($n: String) { objective(number: $n) { number } }', variables: { n: '1' } });
    return gql('wrongVariableTypes', { query, variables });
  },

  hugeNumbers(r, f) {
    const slot = r.int(0, 7);
    const n = r.pick(NUMBERS);
    if (r.chance(0.25)) {
      // A number token JSON.stringify cannot write, spliced into the raw body.
      const raw = r.pick(RAW_NUMBERS);
      const query = r.pick([PRACTICES, GROUPS, EVENTS, OBJECTIVE]);
      const text = `{"query":${JSON.stringify(query)},"variables":{"first":${raw},"n":${raw}}}`;
      return gql('hugeNumbers', Buffer.from(text));
    }
    if (r.chance(0.25)) {
      const token = r.pick(['99999999999999999999999', '-1', '32768', '1e308', '2147483648', '-2147483649', '1.5', '0x10', 'NaN', '-0', '007']);
      return gql('hugeNumbers', { query: r.pick([
        `{ objective(number: ${token}) { number } }`, `{ practices(first: ${token}) { totalCount } }`, `{ objectiveNetwork(minShared: ${token}) { practiceCount } }`,
        `{ practices(filter: { objectives: [${token}] }) { totalCount } }`, `{ curatedView(slug: "home") { practices(first: ${token}) { id } } }`,
        `{ objective(number: 10) { linkedObjectives(minShared: ${token}) { jaccard } } }`,
      ]) });
    }
    switch (slot) {
      case 0: return gql('hugeNumbers', { query: PRACTICES, variables: { first: n } });
      case 1: return gql('hugeNumbers', { query: OBJECTIVE, variables: { n, first: r.pick(NUMBERS) } });
      case 2: return gql('hugeNumbers', { query: PRACTICES, variables: { first: 5, f: { objectives: [n, r.pick(NUMBERS)] } } });
      case 3: return gql('hugeNumbers', { query: NETWORK, variables: { m: n } });
      case 4: return gql('hugeNumbers', { query: CURATED, variables: { s: 'home', n } });
      case 5: return gql('hugeNumbers', { query: EVENTS, variables: { first: n, f: { objectives: [n] } } });
      case 6: return gql('hugeNumbers', { query: ENTITIES, variables: { r: [{ __typename: 'Objective', number: n }, { __typename: r.pick(ENTITY_TYPES), id: n }] } });
      default: return gql('hugeNumbers', { query: GROUPS, variables: { first: n } });
    }
  },

  nulCharacters(r, f) {
    const s = r.pick(NUL);
    const cases: unknown[] = [
      { query: BY_SLUG_OR_ID[r.int(0, 4)], variables: r.chance(0.5) ? { slug: s } : { id: s } },
      { query: PRACTICES, variables: { f: r.pick([{ text: s }, { regions: [s] }, { countries: [s] }, { guidingPrinciples: [s] }, { call: s }]) } },
      { query: RESOURCES, variables: { f: { text: s } } },
      { query: PRACTICES, variables: { after: s } },
      { query: CURATED, variables: { s } },
      { query: COUNTRIES, variables: { r: s } },
      { query: ENTITIES, variables: { r: [{ __typename: r.pick(ENTITY_TYPES), id: s }] } },
      { query: `{ practice(slug: ${literal(s)}) { id } }` },
      { query: `{ __typename }${s}` },
      { query: PRACTICES, operationName: s },
      { query: PRACTICES, variables: { [s]: 1 } },
      { query: NETWORK, variables: { f: { text: s } } },
    ];
    return gql('nulCharacters', r.pick(cases));
  },

  invalidUtf8(r) {
    const bad = Buffer.from(r.pick([[0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80], [0xc3, 0x28], [0xf4, 0x90, 0x80, 0x80]]));
    const where = r.int(0, 4);
    const parts: [string, string] = [
      ['{"query":"{ practice(slug: \\"', '\\") { id } }"}'],
      ['{"query":"query($s: String) { practice(slug: $s) { id } }","variables":{"s":"', '"}}'],
      ['{"query":"query($f: PracticeFilter) { practices(filter: $f) { totalCount } }","variables":{"f":{"text":"', '"}}}'],
      ['{"query":"{ __typename }', '"}'],
      ['{"query":', '"{ __typename }"}'],
    ][where] as [string, string];
    const headers: Record<string, string> = { 'content-type': r.pick(['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16']) };
    return { kind: 'invalidUtf8', phase: 'A', method: 'POST', path: '/graphql', headers, body: Buffer.concat([Buffer.from(parts[0]), bad, Buffer.from(parts[1])]) };
  },

  loneSurrogates(r, f) {
    const s = r.pick(SURROGATES);
    const cases: unknown[] = [
      { query: BY_SLUG_OR_ID[r.int(0, 4)], variables: { slug: s } },
      { query: PRACTICES, variables: { f: { text: s }, after: r.chance(0.5) ? s : null } },
      { query: `{ practice(slug: "\\ud800") { id } }` },
      { query: `{ practice(slug: "${s}") { id } }` },
      { query: CURATED, variables: { s } },
      { query: mutationDocument(MUTATIONS[5]), variables: { input: { title: s, summary: s, scope: 'LOCAL' } } },
    ];
    if (r.chance(0.2)) {
      // A surrogate encoded as UTF-8 bytes (CESU-8), which is not valid UTF-8.
      return { kind: 'loneSurrogates', phase: 'A', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' },
        body: Buffer.concat([Buffer.from('{"query":"query($s: String) { practice(slug: $s) { id } }","variables":{"s":"'), Buffer.from([0xed, 0xb0, 0x80]), Buffer.from('"}}')]) };
    }
    return gql('loneSurrogates', r.pick(cases));
  },

  forgedCursors(r, f) {
    const real = r.pick(f.cursors);
    const mutated = () => {
      const decoded = JSON.parse(Buffer.from(real, 'base64url').toString('utf8').slice(4)) as unknown[];
      const i = r.int(0, decoded.length - 1);
      decoded[i] = r.pick([...NUMBERS, null, [], {}, 'x'.repeat(200), '\u0000', deepArray(50), '9999-99-99T99:99:99Z', 'not-a-uuid', randomUUID().toUpperCase()]);
      if (r.chance(0.2)) decoded.push(1);
      if (r.chance(0.1)) decoded.length = 1;
      return Buffer.from(`hg1:${JSON.stringify(decoded)}`, 'utf8').toString('base64url');
    };
    const cursor = r.pick<() => string>([
      () => randomBase64(r, r.int(0, 80)),
      () => Buffer.from(`hg1:${randomBase64(r, r.int(1, 40))}`).toString('base64'),
      () => Buffer.from(`hg1:${r.pick(['[', '[]', '{}', 'null', '"x"', '[1,2,3]', '["RANK@x",1,2,3]', `${'['.repeat(5000)}${']'.repeat(5000)}`])}`).toString('base64url'),
      () => real, // a real cursor, handed to another list
      mutated,
      mutated,
      () => r.pick(['', '=', '====', 'hg1:', 'aGcxOg', '%%%', '\u0000', 'x'.repeat(KB100)]),
    ])();
    const query = r.pick(LIST_QUERIES);
    const variables: Record<string, unknown> = { after: cursor, first: r.pick([1, 5, 20, 100]), n: 10 };
    if (query === GROUP_LISTS) variables.id = r.pick(f.groupIds);
    if (query === PRACTICES && r.chance(0.5)) variables.o = r.pick(['RANK', 'RECENT', 'TITLE']);
    if (query === RESOURCES && r.chance(0.5)) variables.o = r.pick(['RANK', 'RECENT', 'TITLE']);
    return gql('forgedCursors', { query, variables });
  },

  sqlInjection(r, f) {
    const s = r.pick(SQLI);
    const cases: unknown[] = [
      { query: BY_SLUG_OR_ID[r.int(0, 4)], variables: r.chance(0.5) ? { slug: s } : { id: s } },
      { query: PRACTICES, variables: { first: 5, f: r.pick([{ text: s }, { regions: [s] }, { countries: [s] }, { guidingPrinciples: [s] }, { call: s }, { activeFrom: s }]) } },
      { query: RESOURCES, variables: { f: r.pick([{ text: s }, { regions: [s] }, { countries: [s] }, { publishedFrom: s }]) } },
      { query: EVENTS, variables: { f: r.pick([{ from: s }, { kinds: [s] }]) } },
      { query: NETWORK, variables: { f: { text: s } } },
      { query: COVERAGE, variables: { by: 'REGION', f: { text: s, regions: ['002'] } } },
      { query: CURATED, variables: { s, n: 3 } },
      { query: COUNTRIES, variables: { r: s } },
      { query: GROUP_LISTS, variables: { slug: s, first: 2 } },
      { query: ENTITIES, variables: { r: [{ __typename: r.pick(ENTITY_TYPES), id: s }, { __typename: 'Objective', number: s }] } },
      { query: `{ practice(slug: ${literal(s)}) { id } communityGroup(id: ${literal(s)}) { id } }` },
      { query: `{ practices(filter: { text: ${literal(s)} }) { totalCount } }` },
      { query: PRACTICES, variables: { after: s } },
      { query: mutationDocument(r.pick(MUTATIONS)), variables: { id: s, itemId: s, slug: s, subjectId: s } },
    ];
    const headers: Record<string, string> = r.chance(0.2) ? { 'accept-language': s.replace(/[^\x20-\x7e]/g, '') } : {};
    return gql('sqlInjection', r.pick(cases), headers);
  },

  malformedJson(r) {
    const body = r.pick([
      '{', '}', '{"query":', '{"query":"{ __typename }"', '{"query":"{ __typename }",}', "{'query':'{ __typename }'}", '[]', '[{"query":"{ __typename }"}]',
      '"{ __typename }"', 'null', '123', 'true', '{"query":123}', '{"query":null}', '{"query":""}', '{"query":"   "}', '{"query":["{ __typename }"]}',
      '{"query":{"a":1}}', '{"query":"{ __typename }","variables":"x"}', '{"query":"{ __typename }","variables":[1]}', '{"query":"{ __typename }","operationName":5}',
      '{"query":"{ __typename }","extensions":"x"}', '{"query":"{ __typename }","extensions":{"persistedQuery":"x"}}', '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":2}}}',
      '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":5}}}', '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":null}}}',
      '{"query":"{ __typename }","query":"{ objectives { number } }"}', '{"__proto__":{"query":"{ __typename }"}}', '{"constructor":{"prototype":{"x":1}}}',
      '\u0000', '', '   ', '\ufeff{"query":"{ __typename }"}', '{"query":"{ __typename }"}garbage', '{"query":"\\u00"}', '{"query":"{ __typename }"}\u0000',
      'query=%7B__typename%7D', '{"query":"mutation { __typename }","operationName":"x"}', '{"query":"query A { __typename } query B { __typename }"}',
      '{"query":"subscription { __typename }"}', '{"query":"{ __typename }","variables":{"__proto__":{"polluted":1}}}',
    ]);
    return { kind: 'malformedJson', phase: 'A', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: Buffer.from(body, 'utf8') };
  },

  hugeStrings(r, f) {
    const huge = r.pick(['x'.repeat(KB100), 'é'.repeat(KB100 / 2), '😀'.repeat(KB100 / 4), `${'a '.repeat(KB100 / 2)}`, "'".repeat(KB100)]);
    const cases: (() => Spec)[] = [
      () => gql('hugeStrings', { query: BY_SLUG_OR_ID[r.int(0, 4)], variables: r.chance(0.5) ? { slug: huge } : { id: huge } }),
      () => gql('hugeStrings', { query: PRACTICES, variables: { f: { text: huge } } }),
      () => gql('hugeStrings', { query: PRACTICES, variables: { after: huge } }),
      () => gql('hugeStrings', { query: `# ${huge.replace(/\n/g, ' ')}\n{ __typename }` }), // a huge comment is not a token
      () => gql('hugeStrings', { query: `{ practice(slug: ${literal(huge)}) { id } }` }),
      () => gql('hugeStrings', { query: PRACTICES, operationName: huge }),
      () => gql('hugeStrings', { query: PRACTICES, variables: { [huge]: 1 } }),
      () => gql('hugeStrings', { query: CURATED, variables: { s: huge } }),
      () => gql('hugeStrings', { query: ENTITIES, variables: { r: Array.from({ length: 5 }, () => ({ __typename: 'Practice', id: huge.slice(0, 20_000) })) } }),
      () => gql('hugeStrings', { query: mutationDocument(MUTATIONS[5]), variables: { input: { title: huge, summary: huge } } }),
      // Over the 1 MB body limit.
      () => gql('hugeStrings', { query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024 + 10) } }),
      // Headers over Node's 16 KB limit.
      () => gql('hugeStrings', { query: '{ __typename }' }, { 'accept-language': 'x'.repeat(20_000) }),
      () => gql('hugeStrings', { query: '{ __typename }' }, { 'accept-language': `${'en;q=0.1,'.repeat(1000)}fr` }),
    ];
    return r.pick(cases)();
  },

  deepJson(r) {
    const depth = r.pick([100, 1000, 10_000, 100_000]);
    const key = r.pick(['a', 'text', 'objectives', '__typename']);
    // Built as text: JSON.stringify itself would overflow the stack at these depths.
    const object = (k = key, leaf = '1') => `${`{${JSON.stringify(k)}:`.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
    const array = (leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
    const q = JSON.stringify;
    const cases: (() => string)[] = [
      () => `{"query":${q(PRACTICES)},"variables":{"f":${object()}}}`,
      () => `{"query":${q(ENTITIES)},"variables":{"r":[{"__typename":"Practice","id":${object()}}]}}`,
      () => `{"query":${q(ENTITIES)},"variables":{"r":[${object('__typename', '"Practice"')}]}}`,
      () => `{"query":${q(ENTITIES)},"variables":{"r":${array('{"__typename":"Practice","id":"x"}')}}}`,
      () => `{"query":${q(PRACTICES)},"variables":{"f":{"objectives":${array()}}}}`,
      () => `{"query":"{ __typename }","extensions":${object()}}`,
      () => `{"query":"{ __typename }","variables":${object()}}`,
      () => `{"query":"{ __typename }","variables":{"x":${array('')}}}`,
      () => array(''),
      () => `{"query":${q(mutationDocument(MUTATIONS[5]))},"variables":{"input":{"title":"t","summary":"s","scope":"LOCAL","regions":${array('"002"')}}}}`,
    ];
    return { kind: 'deepJson', phase: 'A', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: Buffer.from(r.pick(cases)(), 'utf8') };
  },

  oddMethods(r) {
    const method = r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'GET', 'POST', 'PROPFIND', 'get', 'M-SEARCH']);
    const path = r.pick(['/graphql', '/graphql?query=%7B__typename%7D', '/export/objective-network.gexf', '/export/practice-objectives.csv', '/health', '/livez', '/readyz', '/']);
    const contentType = r.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/graphql-response+json',
      'application/json; charset=utf-16', 'APPLICATION/JSON', 'application/json;;;', '', 'application/xml', '*/*']);
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (r.chance(0.3)) headers.accept = r.pick(['text/html', 'application/xml', 'application/graphql-response+json', '*/*', 'multipart/mixed']);
    if (r.chance(0.2)) headers['apollo-require-preflight'] = 'true';
    const body = ['GET', 'HEAD', 'get'].includes(method) && r.chance(0.7) ? undefined : r.pick(['{"query":"{ __typename }"}', 'query { __typename }', 'query=%7B__typename%7D', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--', '']);
    return { kind: 'oddMethods', phase: 'A', method, path, headers, body: body === undefined ? undefined : Buffer.from(body) };
  },

  oddPaths(r) {
    const path = r.pick([
      '/graphql/../x', '/graphql/..%2f..%2fetc/passwd', '/graphql%00', '/%00', '/graphql?query=%00', '/graphql?%00=1', '//graphql', '/GRAPHQL', '/graphql/', '/graphql;x',
      '/graphql?query=%ZZ', '/%ZZ', `/${'a'.repeat(8000)}`, `/graphql?query=${'%7B'.repeat(2000)}`, `/graphql?x=${'a'.repeat(20_000)}`, '/export/../graphql',
      '/export/objective-network.gexf?objectives=abc', '/export/objective-network.gexf?minShared=1e308', '/export/practice-objectives.csv?text=%00', '/export/practice-objectives.csv?regions=%27%20oR%201%3D1',
      '/export/objective-network.graphml?objectives=1&objectives=99999999999', '/export/', '/export/x.csv', '/health/../readyz', '/livez?%00', '/readyz#x', '/%E2%80%AE', '/\u00e9',
      'http://evil.example/graphql', '*', '/graphql?query={__typename}&variables=%7B', '/graphql?extensions=%7B%22persistedQuery%22%3A1%7D', '/.env', '/node_modules/pg/package.json',
      '/graphql?query=%7B%20practice(slug%3A%20%22%27%20oR%201%3D1%22)%20%7B%20id%20%7D%20%7D',
    ]);
    const method = r.pick(['GET', 'POST', 'GET']);
    const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
    if (method === 'POST') headers['content-type'] = 'application/json';
    return { kind: 'oddPaths', phase: 'A', method, path, headers, body: method === 'POST' ? Buffer.from('{"query":"{ __typename }"}') : undefined };
  },

  forgedAuthorization(r, f) {
    const authorization = r.pick([
      'Bearer', 'Bearer ', 'Bearer x', 'Bearer x.y.z', 'Bearer a.b', 'Basic dXNlcjpwYXNz', 'bearer  ', `Bearer ${'a'.repeat(9000)}.b.c`, 'Token abc', 'Bearer null', 'Bearer undefined',
      `Bearer ${r.pick(f.forged)}`, `Bearer ${r.pick(f.forged)}`, `Bearer ${r.pick(f.forged)}`, `Bearer ${f.tokens.member}x`, `Bearer ${f.tokens.editor.split('.').slice(0, 2).join('.')}.`,
      `Bearer ${f.tokens.member} ${f.tokens.editor}`, `Bearer ${f.tokens.member.replace(/\./g, '..')}`, `Bearer ${randomBase64(r, 30)}.${randomBase64(r, 30)}.${randomBase64(r, 30)}`,
      `Bearer ${f.tokens.editor.split('.')[0]}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['EDITOR'], exp: 9999999999 })).toString('base64url')}.${f.tokens.editor.split('.')[2]}`,
    ]);
    const body = r.chance(0.5) ? { query: PRACTICES, variables: { first: 2 } } : { query: mutationDocument(r.pick(MUTATIONS)), variables: { id: r.pick(f.groupIds) } };
    return gql('forgedAuthorization', body, { authorization });
  },

  anonymousMutations(r, f) {
    const m = r.pick(MUTATIONS);
    const variables = Object.fromEntries(m.args.map(([name, type]) => [name, valueFor(r, f, type)]));
    const headers: Record<string, string> = r.chance(0.3) ? { authorization: `Bearer ${r.pick(f.forged)}` } : {};
    return gql('anonymousMutations', { query: mutationDocument(m), variables }, headers);
  },

  /** Phase B: the same random mutations with valid tokens; they may write. */
  authenticatedMutations(r, f) {
    const m = r.pick(MUTATIONS);
    const variables = Object.fromEntries(m.args.map(([name, type]) => [name, valueFor(r, f, type)]));
    const token = r.pick([f.tokens.member, f.tokens.member2, f.tokens.editor, f.tokens.reviewer]);
    return gql('authenticatedMutations', { query: mutationDocument(m), variables }, { authorization: `Bearer ${token}` }, 'B');
  },

  /** Phase B: the queries only signed-in callers reach, with hostile arguments. */
  authenticatedQueries(r, f) {
    const token = r.pick([f.tokens.member, f.tokens.editor, f.tokens.reviewer]);
    const cases: unknown[] = [
      { query: EXPERTS, variables: { first: r.pick([...NUMBERS, 5]), o: r.pick([...NUMBERS, 3]), u: r.pick([true, null, 'x']), after: r.chance(0.5) ? r.pick(f.cursors) : hostileString(r) } },
      { query: ROSTER, variables: { first: r.pick([...NUMBERS, 5]), s: r.pick(['PENDING', 'APPROVED', 'NOPE', null, 1]) } },
      { query: VIEWER, variables: { first: r.pick([...NUMBERS, 5]), after: r.chance(0.5) ? r.pick(f.cursors) : hostileString(r) } },
      { query: PRACTICES, variables: { first: 5, f: { text: hostileString(r) } } },
      { query: ENTITIES, variables: { r: [{ __typename: r.pick(ENTITY_TYPES), id: r.pick([...f.assignmentIds, ...f.practiceIds, hostileString(r)]) }] } },
      { query: '{ practices(first: 100) { nodes { id history { at from to actorId note } reviewProgress { round } reviews { reviewer { id } } } } }' },
    ];
    return gql('authenticatedQueries', r.pick(cases), { authorization: `Bearer ${token}` }, 'B');
  },
};

const PHASE_A_MIX: [string, number][] = [
  ['wrongVariableTypes', 150], ['hugeNumbers', 160], ['nulCharacters', 110], ['invalidUtf8', 100], ['loneSurrogates', 80], ['forgedCursors', 220],
  ['sqlInjection', 260], ['malformedJson', 120], ['hugeStrings', 60], ['deepJson', 50], ['oddMethods', 130], ['oddPaths', 120], ['forgedAuthorization', 150],
  ['anonymousMutations', 160],
];
const PHASE_B_MIX: [string, number][] = [['authenticatedMutations', 300], ['authenticatedQueries', 100]];

/** Generates the requests; a request whose own text would trip the leak check is drawn again (so a leak is the server's). */
function generate(r: Random, f: Fixtures, mix: [string, number][]): Spec[] {
  const specs: Spec[] = [];
  for (const [kind, count] of mix) {
    for (let i = 0; i < count; i++) {
      for (let attempt = 0; ; attempt++) {
        const spec = generators[kind](r, f);
        const text = `${spec.path} ${JSON.stringify(spec.headers)} ${spec.body?.toString('utf8') ?? ''}`;
        if (!leakIn(text) || attempt > 20) {
          specs.push(spec);
          break;
        }
      }
    }
  }
  // Interleave the kinds, deterministically.
  for (let i = specs.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [specs[i], specs[j]] = [specs[j], specs[i]];
  }
  return specs;
}

// ---------------------------------------------------------------------------------------

interface Outcome {
  spec: Spec;
  response?: RawResponse;
  failure?: string;
}

async function runAll(port: number, specs: Spec[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(specs.length);
  let next = 0;
  const worker = async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index];
      try {
        const response = await rawRequest(port, { method: spec.method, path: spec.path, headers: spec.headers, body: spec.body, timeoutMs: 15_000 });
        outcomes[index] = { spec, response };
      } catch (error) {
        // A reset or closed socket is a legitimate answer only to a request Node refuses before routing (clientError): say which.
        outcomes[index] = { spec, failure: `${(error as Error).message} socket ${(error as { socketId?: number }).socketId}` };
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

interface Findings {
  status5xx: string[];
  leaks: string[];
  errorsWithoutCode: string[];
  internalErrors: string[];
  noAnswer: string[];
  nonJson: string[];
}

function describeSpec(spec: Spec): string {
  const body = spec.body ? spec.body.toString('utf8').slice(0, 200) : '';
  return `${spec.kind} ${spec.method} ${spec.path.slice(0, 100)} ${JSON.stringify(spec.headers).slice(0, 120)} ${body}`;
}

function examine(outcomes: Outcome[], findings: Findings, histogram: Map<string, Map<string, number>>, codes: Map<string, number>): void {
  for (const { spec, response, failure } of outcomes) {
    const byKind = histogram.get(spec.kind) ?? new Map<string, number>();
    histogram.set(spec.kind, byKind);
    if (!response) {
      byKind.set('no answer', (byKind.get('no answer') ?? 0) + 1);
      findings.noAnswer.push(`${failure}: ${describeSpec(spec)}`);
      continue;
    }
    byKind.set(String(response.status), (byKind.get(String(response.status)) ?? 0) + 1);
    const where = `${response.status} ${describeSpec(spec)} -> ${response.text.slice(0, 300)}`;
    if (response.status >= 500) findings.status5xx.push(where);
    const leak = leakIn(response.text);
    if (leak) findings.leaks.push(`${leak} <- ${describeSpec(spec)}`);
    if (response.text === '') continue;
    const body = parseJson(response.text);
    if (body === undefined) {
      // Only the exports stream CSV/XML; Apollo's landing page answers browsers (GET, Accept: text/html).
      const exportFile = spec.path.startsWith('/export/') && response.status === 200;
      const landingPage = /^text\/html/.test(String(response.headers['content-type'])) && response.status === 200;
      if (!exportFile && !landingPage) findings.nonJson.push(where);
      continue;
    }
    if (Array.isArray(body?.errors)) {
      for (const error of body.errors) {
        const code = error?.extensions?.code;
        if (typeof code !== 'string' || code === '') findings.errorsWithoutCode.push(where);
        codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
        if (code === 'INTERNAL_SERVER_ERROR') findings.internalErrors.push(where);
      }
    } else if (body && typeof body === 'object' && 'error' in body) {
      // The router's own answers (404, 405, 400 of the exports): `{ error: code, message }`.
      if (typeof body.error !== 'string') findings.errorsWithoutCode.push(where);
      codes.set(`http:${body.error}`, (codes.get(`http:${body.error}`) ?? 0) + 1);
    } else if (body && typeof body === 'object' && 'data' in body) {
      // a plain answer
    } else if (!(spec.path.startsWith('/health') || spec.path.startsWith('/livez') || spec.path.startsWith('/readyz'))) {
      findings.nonJson.push(where);
    }
  }
}

const WORKFLOW_TABLES = ['review_assignment', 'workflow_step', 'roster_application', 'community_group_member'];
/** Tables no request can write, whatever its token: reference data, organizations, events and their links. */
const UNWRITABLE_TABLES = ['objective', 'guiding_principle', 'region', 'country', 'organization', 'event', 'event_objective', 'event_organizer', 'event_practice', 'event_resource', 'community_group_objective'];

describe('fuzz: 2,000+ generated hostile requests over HTTP', () => {
  let db: TestDatabase;
  let server: HubServer;
  let port: number;
  let fixtures: Fixtures;

  const tableChecksum = async (tables: string[]) => {
    const parts: string[] = [];
    for (const table of tables) {
      const [{ digest, n }] = await db.dataSource.query(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*)::int AS n FROM ${table} t`);
      parts.push(`${table}:${n}:${digest}`);
    }
    return parts.join('|');
  };

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 83, scale: 'tiny' } });
    ({ server, port } = await listenProduction(db.dataSource));
    const ids = async (sql: string) => ((await db.dataSource.query(sql)) as { id: string }[]).map((row) => row.id);
    const cursors: string[] = [];
    for (const query of [
      '{ practices(first: 2) { edges { cursor } } }', '{ practices(first: 2, orderBy: TITLE) { edges { cursor } } }', '{ practices(first: 2, orderBy: RECENT, filter: { objectives: [10] }) { edges { cursor } } }',
      '{ resources(first: 2) { edges { cursor } } }', '{ events(first: 2) { edges { cursor } } }', '{ communityGroups(first: 2) { edges { cursor } } }',
      '{ objective(number: 10) { practices(first: 2) { edges { cursor } } } }',
    ]) {
      const { json: answer } = await postGraphQL(port, { query });
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) (k === 'cursor' ? cursors.push(child as string) : walk(child));
      };
      walk(answer.data);
    }
    const [expertId] = await ids('SELECT id FROM expert ORDER BY id LIMIT 1');
    const other = 'not-the-server-secret-but-just-as-long-as-it';
    const expired = await new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('late').setIssuedAt(1_600_000_000).setExpirationTime(1_600_000_600).sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['EDITOR'], exp: 9_999_999_999 })).toString('base64url')}.`;
    const weirdClaims = await Promise.all([
      new SignJWT({ roles: ['ROOT'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: 'EDITOR' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['REVIEWER'], expertId: "' oR 1=1" }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS512' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x'.repeat(201)).setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
      new SignJWT({ roles: ['EDITOR'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setNotBefore('1d').setExpirationTime('2d').sign(new TextEncoder().encode(TEST_JWT_SECRET)),
    ]);
    fixtures = {
      practiceIds: await ids('SELECT id FROM practice ORDER BY id LIMIT 8'),
      practiceSlugs: ((await db.dataSource.query('SELECT slug FROM practice ORDER BY id LIMIT 5')) as { slug: string }[]).map((p) => p.slug),
      resourceIds: await ids('SELECT id FROM resource ORDER BY id LIMIT 4'),
      eventIds: await ids('SELECT id FROM event ORDER BY id LIMIT 3'),
      groupIds: await ids('SELECT id FROM community_group ORDER BY id LIMIT 4'),
      callIds: await ids('SELECT id FROM call_for_practices ORDER BY id LIMIT 3'),
      expertIds: await ids('SELECT id FROM expert ORDER BY id LIMIT 4'),
      assignmentIds: await ids('SELECT id FROM review_assignment ORDER BY id LIMIT 6'),
      applicationIds: await ids('SELECT id FROM roster_application ORDER BY id LIMIT 3'),
      orgIds: await ids('SELECT id FROM organization ORDER BY id LIMIT 3'),
      cursors,
      tokens: {
        member: await signToken(TEST_JWT_SECRET, { sub: 'fuzz-member', roles: [Role.MEMBER] }),
        member2: await signToken(TEST_JWT_SECRET, { sub: 'fuzz-member-2', roles: [Role.MEMBER, Role.REVIEWER], expertId }),
        editor: await signToken(TEST_JWT_SECRET, { sub: 'fuzz-editor', roles: [Role.EDITOR] }),
        reviewer: await signToken(TEST_JWT_SECRET, { sub: 'fuzz-reviewer', roles: [Role.REVIEWER], expertId }),
      },
      forged: [
        await signToken(other, { sub: 'forger', roles: [Role.EDITOR] }), expired, none, ...weirdClaims,
      ],
    };
    expect(cursors.length).toBeGreaterThanOrEqual(12);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers every one below 500, leaks nothing, codes every error, and writes only what valid tokens may write', async () => {
    const r = new Random(SEED);
    const phaseA = generate(r, fixtures, PHASE_A_MIX);
    const phaseB = generate(r, fixtures, PHASE_B_MIX);
    expect(phaseA.length + phaseB.length).toBeGreaterThanOrEqual(2000);

    const sql = sqlOf(db.dataSource);
    const contentBefore = await contentChecksum(sql);
    const workflowBefore = await tableChecksum(WORKFLOW_TABLES);
    const unwritableBefore = await tableChecksum(UNWRITABLE_TABLES);

    const began = performance.now();
    const outcomesA = await runAll(port, phaseA);
    const msA = performance.now() - began;
    // Phase A: nobody who may write asked anything: not one row changed.
    expect(await contentChecksum(sql)).toBe(contentBefore);
    expect(await tableChecksum(WORKFLOW_TABLES)).toBe(workflowBefore);

    const beganB = performance.now();
    const outcomesB = await runAll(port, phaseB);
    const msB = performance.now() - beganB;
    // Phase B: valid tokens may write content and workflow rows, never these.
    expect(await tableChecksum(UNWRITABLE_TABLES)).toBe(unwritableBefore);

    const findings: Findings = { status5xx: [], leaks: [], errorsWithoutCode: [], internalErrors: [], noAnswer: [], nonJson: [] };
    const histogram = new Map<string, Map<string, number>>();
    const codes = new Map<string, number>();
    examine([...outcomesA, ...outcomesB], findings, histogram, codes);

    const statuses = new Map<string, number>();
    for (const byKind of histogram.values()) for (const [status, n] of byKind) statuses.set(status, (statuses.get(status) ?? 0) + n);
    const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}:${n}`).join(' ');
    const writes = ((await db.dataSource.query("SELECT (SELECT count(*) FROM practice WHERE created_by LIKE 'fuzz-%')::int AS practices, (SELECT count(*) FROM community_group_member WHERE member_id LIKE 'fuzz-%')::int AS memberships, (SELECT count(*) FROM roster_application WHERE applicant_id LIKE 'fuzz-%')::int AS applications")) as unknown[])[0];
    // eslint-disable-next-line no-console
    console.log([
      `fuzz seed ${SEED}: ${phaseA.length} phase A requests in ${(msA / 1000).toFixed(1)} s, ${phaseB.length} phase B requests in ${(msB / 1000).toFixed(1)} s (concurrency ${CONCURRENCY})`,
      'requests per kind, by status:',
      ...[...histogram].sort(([a], [b]) => a.localeCompare(b)).map(([kind, byStatus]) => `  ${kind.padEnd(24)} ${String([...byStatus.values()].reduce((a, b) => a + b, 0)).padStart(4)}  ${sorted(byStatus)}`),
      `status histogram: ${sorted(statuses)}`,
      `error codes: ${sorted(codes)}`,
      `rows written by phase B's valid tokens: ${JSON.stringify(writes)}`,
      `findings: ${JSON.stringify(Object.fromEntries(Object.entries(findings).map(([k, v]) => [k, v.length])))}`,
      ...Object.entries(findings).flatMap(([k, v]: [string, string[]]) => v.slice(0, 25).map((line) => `  ${k}: ${line}`)),
    ].join('\n'));

    if (process.env.FUZZ_DEBUG) {
      // FUZZ_DEBUG=1: the full request and answer of each internal error; for each request that got
      // no answer, what its keep-alive socket carried before and whether a fresh connection gets one.
      const all = [...outcomesA, ...outcomesB];
      for (const o of all) {
        if (o.response?.text.includes('INTERNAL_SERVER_ERROR')) console.log('FULL', describeSpec(o.spec), o.spec.body?.toString('utf8').slice(0, 3000), '\n=>', o.response.text);
        if (o.response) continue;
        const id = Number(/socket (\d+)/.exec(o.failure ?? '')?.[1]);
        const before = all.filter((x) => x.response?.socketId === id);
        console.log('NO ANSWER on socket', id, 'after', before.slice(-2).map((x) => `${x.response!.status} connection: ${x.response!.headers.connection} ${describeSpec(x.spec).slice(0, 200)}`));
        const again = await rawRequest(port, { method: o.spec.method, path: o.spec.path, headers: { ...o.spec.headers, connection: 'close' }, body: o.spec.body }).catch((e: Error) => e.message);
        console.log('  retried on a fresh connection:', typeof again === 'string' ? again : `${again.status} ${again.text.slice(0, 300)}`);
      }
    }
    expect(findings.status5xx).toEqual([]);
    expect(findings.leaks).toEqual([]);
    expect(findings.errorsWithoutCode).toEqual([]);
    expect(findings.internalErrors).toEqual([]);
    expect(findings.noAnswer).toEqual([]);
    expect(findings.nonJson).toEqual([]);
    // The generator really reached the resolvers (not only the front door), and the refusals are the named ones.
    expect(codes.get('BAD_USER_INPUT') ?? 0).toBeGreaterThan(200);
    expect(codes.get('UNAUTHENTICATED') ?? 0).toBeGreaterThan(100);
    expect(statuses.get('200') ?? 0).toBeGreaterThan(300);

    // And the process still answers.
    const livez = await rawRequest(port, { method: 'GET', path: '/livez' });
    expect(livez.status).toBe(200);
    const normal = await postGraphQL(port, { query: '{ objectives { number } }' });
    expect(normal.status).toBe(200);
    expect(normal.json.data.objectives).toHaveLength(23);
  });
});
