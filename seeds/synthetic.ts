import { COUNTRIES, REGIONS, type CountryRef } from './reference/geography';
import type { LocalizedText } from './reference/localized';
import { OBJECTIVES } from './reference/objectives';
import { GUIDING_PRINCIPLES } from './reference/principles';
import { isoDate, Random } from './random';
import { SAMPLE } from './sample-content';
import type { ScaleCounts } from './scale';
import type { SeedRows } from './tables';
import {
  FIRST_NAMES, LAST_NAMES, LESSONS, PRACTICE_OPENINGS, RECOMMENDATIONS, RESOURCE_OPENINGS, SUMMARY_CLOSINGS, TOPICS, UN_ENTITIES,
} from './vocabulary';

/** The seed's notion of "now", so that the same seed gives the same rows on any day. */
const SEED_NOW = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

/**
 * Objectives that practices tend to address together (a practice picks most of its
 * objectives from its primary objective's cluster), so the objective network has structure.
 */
const CLUSTERS: readonly (readonly number[])[] = [
  [9, 10, 11, 12, 7],
  [5, 6, 18, 22, 20],
  [15, 16, 17, 7],
  [1, 3, 17, 23],
  [2, 19, 20, 5],
  [8, 11, 23, 14],
  [13, 12, 21, 4],
  [4, 14, 21, 3],
];

/** How often an objective is a practice's primary one (10 and 6 are the hub's busiest). */
const PRIMARY_WEIGHT: readonly (readonly [number, number])[] = OBJECTIVES.map((o) => [
  o.number,
  o.number === 10 ? 5 : o.number === 6 || o.number === 16 || o.number === 7 ? 3 : o.number === 1 || o.number === 23 ? 2 : 1,
]);

const SCOPES: readonly (readonly [string, number])[] = [
  ['GLOBAL', 10], ['REGIONAL', 20], ['SUBREGIONAL', 15], ['NATIONAL', 40], ['LOCAL', 15],
];

const NON_PUBLISHED: readonly (readonly [string, number])[] = [
  ['DRAFT', 3], ['SUBMITTED', 3], ['UNDER_REVIEW', 4], ['CHANGES_REQUESTED', 2], ['REJECTED', 2],
];

const RESOURCE_TYPES: readonly (readonly [string, number])[] = [
  ['POLICY_BRIEF', 12], ['WORKING_PAPER', 8], ['REPORT', 20], ['JOURNAL_ARTICLE', 10], ['STUDY', 12], ['PORTAL', 3],
  ['DATASET', 5], ['INFOGRAPHIC', 6], ['VIDEO', 8], ['TOOLKIT', 12], ['OTHER', 4],
];

const EVENT_KINDS: readonly (readonly [string, number])[] = [
  ['WEBINAR', 45], ['CONFERENCE', 10], ['WORKSHOP', 20], ['CONSULTATION', 10], ['LISTENING_SESSION', 10], ['OBSERVANCE', 5],
];

const ORG_KINDS: readonly (readonly [string, number])[] = [
  ['MEMBER_STATE', 30], ['UN_ENTITY', 10], ['NETWORK_MEMBER', 10], ['CIVIL_SOCIETY', 25], ['ACADEMIA', 15], ['PRIVATE_SECTOR', 8], ['OTHER', 2],
];

const REVIEWED_STATUSES = new Set(['UNDER_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'REJECTED']);

const TOP_REGIONS = REGIONS.filter((r) => r.parent === null).map((r) => r.code);
const SUB_REGIONS = REGIONS.filter((r) => r.parent !== null).map((r) => r.code);

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds localized text from a function of the language, keeping only the languages drawn. */
function localized(rng: Random, make: (lang: 'en' | 'fr' | 'es') => string): LocalizedText {
  const text: LocalizedText = { en: make('en') };
  if (rng.chance(0.35)) text.fr = make('fr');
  if (rng.chance(0.35)) text.es = make('es');
  return text;
}

/** The places an item is tagged with, consistent with its scope. */
function placesFor(rng: Random, scope: string): { regions: string[]; countries: CountryRef[] } {
  switch (scope) {
    case 'REGIONAL':
      return { regions: rng.sample(TOP_REGIONS, rng.int(1, 2)), countries: [] };
    case 'SUBREGIONAL':
      return { regions: [rng.pick(SUB_REGIONS)], countries: [] };
    case 'NATIONAL':
      return { regions: [], countries: rng.sample(COUNTRIES, rng.chance(0.8) ? 1 : 2) };
    case 'LOCAL':
      return { regions: [], countries: [rng.pick(COUNTRIES)] };
    default:
      return { regions: [], countries: [] };
  }
}

function placeName(places: { regions: string[]; countries: CountryRef[] }): string {
  if (places.countries.length > 0) return places.countries.map((c) => c.name).join(' and ');
  if (places.regions.length > 0) {
    return places.regions.map((code) => REGIONS.find((r) => r.code === code)!.name.en).join(' and ');
  }
  return 'several regions';
}

/** 1–5 objectives, most drawn from the primary objective's cluster. */
function objectivesFor(rng: Random, max = 5): number[] {
  const primary = rng.weighted(PRIMARY_WEIGHT);
  const count = rng.weighted([[1, 20], [2, 30], [3, 25], [4, 15], [5, 10]].filter(([n]) => n <= max) as [number, number][]);
  const cluster = rng.pick(CLUSTERS.filter((c) => c.includes(primary)));
  const chosen = new Set<number>([primary]);
  let guard = 0;
  while (chosen.size < count && guard++ < 50) {
    const pool = cluster && rng.chance(0.75) ? cluster : OBJECTIVES.map((o) => o.number);
    chosen.add(rng.pick(pool));
  }
  return [...chosen];
}

/** Exactly `publishedShare` of the items published, the rest spread over the other statuses. */
function statusesFor(rng: Random, total: number, publishedShare: number): string[] {
  const published = Math.round(total * publishedShare);
  const statuses = Array.from({ length: total }, (_, i) => (i < published ? 'PUBLISHED' : rng.weighted(NON_PUBLISHED)));
  return rng.shuffle(statuses);
}

/** Adds the synthetic, realistic-looking content of one scale to `rows`. */
export function addSyntheticContent(rows: SeedRows, rng: Random, counts: ScaleCounts): void {
  const organizations = organizationsFor(rows, rng, counts);
  const experts = expertsFor(rows, rng, counts);
  const groups = groupsFor(rows, rng, counts);
  const calls = callsFor(rows, rng, counts);
  const practices = practicesFor(rows, rng, counts, organizations, groups, calls);
  const resources = resourcesFor(rows, rng, counts, organizations, groups);

  for (const practice of practices.published) {
    if (rng.chance(0.3)) {
      for (const resource of rng.sample(resources.published, rng.int(1, 3))) rows.practice_resource.push([practice, resource]);
    }
  }
  reviewsFor(rows, rng, experts, practices.reviewed, resources.reviewed);
  eventsFor(rows, rng, counts, organizations, groups, calls, practices.published, resources.published);

  OBJECTIVES.forEach((o) => {
    rows.curated_view.push([
      `objective-${o.number}`,
      { en: `Objective ${o.number}: ${o.shortTitle.en}`, fr: `Objectif ${o.number}`, es: `Objetivo ${o.number}` },
      o.number,
      { computed: 'objective', objective: o.number, order: 'RANK' },
    ]);
  });
}

function organizationsFor(rows: SeedRows, rng: Random, counts: ScaleCounts): string[] {
  const ids: string[] = Object.values(SAMPLE.organizations);
  for (let i = 0; i < counts.organizations; i++) {
    const id = rng.uuid();
    const country = rng.pick(COUNTRIES);
    const kind = i < UN_ENTITIES.length ? 'UN_ENTITY' : rng.weighted(ORG_KINDS);
    const name =
      i < UN_ENTITIES.length
        ? UN_ENTITIES[i]
        : kind === 'MEMBER_STATE'
          ? `${rng.pick(['Ministry of Labour', 'Ministry of Interior', 'Ministry of Foreign Affairs', 'National Migration Agency', 'Ministry of Social Affairs'])}, ${country.name}`
          : kind === 'UN_ENTITY'
            ? `${rng.pick(UN_ENTITIES).replace(/ \(.*\)$/, '')} country office in ${country.name}`
            : kind === 'NETWORK_MEMBER'
              ? `${country.name} ${rng.pick(['Migration Network', 'Migrant Workers Alliance', 'Diaspora Council'])}`
              : kind === 'CIVIL_SOCIETY'
                ? `${rng.pick(['Migrant Rights Centre', 'Refugee and Migrant Legal Aid', 'Women Migrants Association', 'Youth for Inclusion'])} ${country.name}`
                : kind === 'ACADEMIA'
                  ? `${rng.pick(['Institute for Migration Studies', 'Centre for Mobility Research', 'School of Public Policy'])}, ${country.name}`
                  : kind === 'PRIVATE_SECTOR'
                    ? `${rng.pick(['Fair Recruitment', 'Remittance Partners', 'Global Staffing'])} ${rng.pick(LAST_NAMES)} Ltd`
                    : `${rng.pick(LAST_NAMES)} Foundation`;
    rows.organization.push([id, name, kind, kind === 'UN_ENTITY' && i < UN_ENTITIES.length ? null : country.code]);
    ids.push(id);
  }
  return ids;
}

function expertsFor(rows: SeedRows, rng: Random, counts: ScaleCounts): { un: string[]; other: string[] } {
  const un: string[] = [];
  const other: string[] = [];
  for (let i = 0; i < counts.experts; i++) {
    const id = rng.uuid();
    const isUN = i % 5 < 2; // 40% of the roster works for the UN system
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const affiliation = isUN ? rng.pick(UN_ENTITIES) : rng.chance(0.9) ? `${rng.pick(['University', 'Institute', 'Centre'])} of ${rng.pick(COUNTRIES).name}` : null;
    rows.expert.push([id, name, affiliation, isUN]);
    for (const n of objectivesFor(rng, 4)) rows.expert_expertise.push([id, n]);
    (isUN ? un : other).push(id);
  }
  return { un, other };
}

function groupsFor(rows: SeedRows, rng: Random, counts: ScaleCounts): { id: string; objectives: number[] }[] {
  const groups = [{ id: SAMPLE.group.id as string, objectives: [10] }];
  const used = new Set<string>([SAMPLE.group.slug]);
  for (let i = 1; i < counts.groups; i++) {
    const id = rng.uuid();
    const objectives = objectivesFor(rng, 3);
    const topic = TOPICS[objectives[0]];
    const regionCode = rng.chance(0.5) ? rng.pick(TOP_REGIONS) : null;
    const region = regionCode ? REGIONS.find((r) => r.code === regionCode)!.name.en : null;
    const en = `${capitalize(topic.en)}${region ? ` in ${region}` : ''}`;
    let slug = slugify(en);
    for (let n = 2; used.has(slug); n++) slug = `${slugify(en)}-${n}`;
    used.add(slug);
    rows.community_group.push([
      id, slug,
      { en, fr: capitalize(topic.fr!), es: capitalize(topic.es!) },
      {
        en: `A Community of Practice where practitioners exchange on ${topic.en}.`,
        fr: `Une communauté de pratique où les praticiens échangent sur ${topic.fr}.`,
        es: `Una comunidad de práctica donde se intercambia sobre ${topic.es}.`,
      },
      rng.int(15, 900),
      rng.dateBetween(new Date('2019-06-01T00:00:00Z'), SEED_NOW).toISOString(),
    ]);
    for (const n of objectives) rows.community_group_objective.push([id, n]);
    groups.push({ id, objectives });
  }
  return groups;
}

function callsFor(rows: SeedRows, rng: Random, counts: ScaleCounts): { id: string; objectives: number[] }[] {
  const calls = [{ id: SAMPLE.call.id as string, objectives: [10] }];
  for (let i = 1; i < counts.calls; i++) {
    const id = rng.uuid();
    const objectives = objectivesFor(rng, 2);
    const topic = TOPICS[objectives[0]];
    const opens = rng.dateBetween(new Date('2019-03-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'));
    const deadline = new Date(opens.getTime() + rng.int(30, 90) * DAY);
    const theme = capitalize(topic.en);
    rows.call_for_practices.push([
      id, `call-${slugify(topic.en)}-${opens.getUTCFullYear()}-${i}`,
      { en: `Call for Practices: ${theme}`, fr: `Appel à pratiques : ${topic.fr}`, es: `Convocatoria de prácticas: ${topic.es}` },
      theme, isoDate(opens), isoDate(deadline),
    ]);
    for (const n of objectives) rows.call_for_practices_objective.push([id, n]);
    calls.push({ id, objectives });
  }
  return calls;
}

function practicesFor(
  rows: SeedRows, rng: Random, counts: ScaleCounts, organizations: string[],
  groups: { id: string; objectives: number[] }[], calls: { id: string; objectives: number[] }[],
): { published: string[]; reviewed: { id: string; status: string }[] } {
  const published: string[] = [...SAMPLE.practices];
  const reviewed = SAMPLE.practices.map((id) => ({ id: id as string, status: 'PUBLISHED' }));
  const statuses = statusesFor(rng, counts.practices, 0.85);
  for (let i = 0; i < counts.practices; i++) {
    const id = rng.uuid();
    const status = statuses[i];
    const scope = rng.weighted(SCOPES);
    const objectives = objectivesFor(rng);
    const places = placesFor(rng, scope);
    const place = placeName(places);
    const opening = rng.pick(PRACTICE_OPENINGS);
    const topic = TOPICS[objectives[0]];
    const closing = rng.pick(SUMMARY_CLOSINGS);
    const where = scope === 'GLOBAL' ? { en: 'worldwide', fr: 'dans le monde', es: 'en todo el mundo' } : { en: `in ${place}`, fr: `en ${place}`, es: `en ${place}` };
    const title = localized(rng, (l) => `${opening[l]} ${topic[l]} ${where[l]}`);
    const secondary = objectives.slice(1).map((n) => TOPICS[n]);
    const summary = localized(rng, (l) =>
      `${capitalize(topic[l]!)}${secondary.length ? ` (${secondary.map((t) => t[l]).join(', ')})` : ''}. ${closing[l]!.replace('{place}', place)}`,
    );
    const start = rng.chance(0.8)
      ? rng.dateBetween(new Date('2019-01-01T00:00:00Z'), new Date('2025-06-30T00:00:00Z'))
      : rng.dateBetween(new Date('2012-01-01T00:00:00Z'), new Date('2018-12-31T00:00:00Z'));
    const end = rng.chance(0.3) ? null : new Date(start.getTime() + rng.int(180, 1800) * DAY);
    const publishedAt = status === 'PUBLISHED'
      ? rng.dateBetween(new Date(Math.max(start.getTime(), new Date('2019-06-01T00:00:00Z').getTime())), SEED_NOW)
      : null;
    const call = rng.chance(0.2) ? rng.pick(calls.filter((c) => c.objectives.some((n) => objectives.includes(n)))) : undefined;
    const group = rng.chance(0.15) ? rng.pick(groups.filter((g) => g.objectives.some((n) => objectives.includes(n)))) : undefined;
    const slug = `${slugify(title.en)}-${i.toString(36)}`;
    const created = publishedAt ? new Date(publishedAt.getTime() - rng.int(20, 200) * DAY) : rng.dateBetween(start, SEED_NOW);
    const detailed = status === 'PUBLISHED' || rng.chance(0.5);
    rows.practice.push([
      id, slug, title, summary, status, scope, isoDate(start), end ? isoDate(end) : null,
      detailed ? { en: rng.pick(LESSONS) } : null,
      detailed ? { en: rng.pick(RECOMMENDATIONS) } : null,
      detailed && rng.chance(0.6) ? { en: `${capitalize(topic.en)} works best when migrants shape it.` } : null,
      call?.id ?? null, group?.id ?? null, publishedAt?.toISOString() ?? null, created.toISOString(),
    ]);
    for (const n of objectives) rows.practice_objective.push([id, n]);
    for (const p of rng.sample(GUIDING_PRINCIPLES, rng.int(1, 4))) rows.practice_guiding_principle.push([id, p.code]);
    for (const r of places.regions) rows.practice_region.push([id, r]);
    for (const c of places.countries) rows.practice_country.push([id, c.code]);
    const orgs = rng.sample(organizations, rng.int(1, 5));
    const implementers = Math.min(orgs.length, rng.int(1, 2));
    orgs.forEach((org, k) => rows.practice_organization.push([id, org, k < implementers ? 'IMPLEMENTER' : 'PARTNER']));
    if (status === 'PUBLISHED') published.push(id);
    if (REVIEWED_STATUSES.has(status)) reviewed.push({ id, status });
  }
  return { published, reviewed };
}

function resourcesFor(
  rows: SeedRows, rng: Random, counts: ScaleCounts, organizations: string[], groups: { id: string; objectives: number[] }[],
): { published: string[]; reviewed: { id: string; status: string }[] } {
  const published: string[] = [SAMPLE.resource];
  const reviewed: { id: string; status: string }[] = [];
  const statuses = statusesFor(rng, counts.resources, 0.9);
  for (let i = 0; i < counts.resources; i++) {
    const id = rng.uuid();
    const status = statuses[i];
    const type = rng.weighted(RESOURCE_TYPES);
    const scope = rng.weighted(SCOPES);
    const objectives = objectivesFor(rng, 4);
    const places = placesFor(rng, scope);
    const topic = TOPICS[objectives[0]];
    const opening = RESOURCE_OPENINGS[type];
    const where = scope === 'GLOBAL' ? '' : ` in ${placeName(places)}`;
    const title = localized(rng, (l) => `${opening[l]} ${topic[l]}${l === 'en' ? where : ''}`);
    const summary = localized(rng, (l) =>
      l === 'en'
        ? `What the evidence says about ${topic.en}${where}, with recommendations for policymakers and practitioners.`
        : l === 'fr'
          ? `Ce que disent les données sur ${topic.fr}, avec des recommandations pour les décideurs et les praticiens.`
          : `Lo que dice la evidencia sobre ${topic.es}, con recomendaciones para responsables políticos y profesionales.`,
    );
    const publishedOn = rng.dateBetween(new Date('2015-01-01T00:00:00Z'), SEED_NOW);
    const slug = `${slugify(title.en)}-${i.toString(36)}`;
    const group = rng.chance(0.1) ? rng.pick(groups.filter((g) => g.objectives.some((n) => objectives.includes(n)))) : undefined;
    rows.resource.push([
      id, slug, title, summary, type, `https://knowledge.example.org/${type.toLowerCase().replace(/_/g, '-')}/${slug}`, scope,
      rng.chance(0.9) ? rng.pick(organizations) : null, isoDate(publishedOn), status, group?.id ?? null,
      new Date(publishedOn.getTime() + rng.int(1, 60) * DAY).toISOString(),
    ]);
    for (const n of objectives) rows.resource_objective.push([id, n]);
    for (const r of places.regions) rows.resource_region.push([id, r]);
    for (const c of places.countries) rows.resource_country.push([id, c.code]);
    if (status === 'PUBLISHED') published.push(id);
    if (REVIEWED_STATUSES.has(status) && (status !== 'PUBLISHED' || rng.chance(counts.reviewedResourceShare))) {
      reviewed.push({ id, status });
    }
  }
  return { published, reviewed };
}

/**
 * The roster's rule: one UN and two non-UN reviewers per item, each declaring any conflict
 * of interest before submitting; where they disagree, a fourth reviewer is added.
 */
function reviewsFor(
  rows: SeedRows, rng: Random, experts: { un: string[]; other: string[] },
  practices: { id: string; status: string }[], resources: { id: string; status: string }[],
): void {
  const review = (subject: { id: string; status: string }, kind: 'practice' | 'resource') => {
    const quality = 1.5 + rng.next() * 3.5;
    const reviewers = [rng.pick(experts.un), ...rng.sample(experts.other, 2)];
    const scores = reviewers.map(() => Math.min(5, Math.max(1, Math.round(quality + (rng.next() - 0.5) * 2))));
    if (Math.max(...scores) - Math.min(...scores) >= 2) {
      const extra = rng.pick(experts.other);
      if (!reviewers.includes(extra)) {
        reviewers.push(extra);
        scores.push(Math.min(5, Math.max(1, Math.round(quality))));
      }
    }
    const submittedBase = rng.dateBetween(new Date('2019-06-01T00:00:00Z'), SEED_NOW);
    reviewers.forEach((reviewer, k) => {
      const score = scores[k];
      const decision =
        subject.status === 'REJECTED' ? (score >= 4 ? 'REVISE' : 'REJECT')
          : subject.status === 'CHANGES_REQUESTED' ? (score >= 5 ? 'APPROVE' : 'REVISE')
            : score >= 3 ? 'APPROVE' : score === 2 ? 'REVISE' : 'REJECT';
      const submitted = new Date(submittedBase.getTime() + k * rng.int(1, 5) * DAY);
      const declared = new Date(submitted.getTime() - rng.int(1, 14) * DAY);
      rows.review.push([
        rng.uuid(), kind === 'practice' ? subject.id : null, kind === 'resource' ? subject.id : null, reviewer, decision, score,
        rng.chance(0.7) ? rng.pick(['Clear results and a credible theory of change.', 'Replicable, but the evidence base is thin.', 'Strong participation of migrants in design.', 'Needs sex- and age-disaggregated outcome data.']) : null,
        declared.toISOString(), rng.chance(0.05) ? 'Previously advised one of the implementing partners.' : null, submitted.toISOString(),
      ]);
    });
  };
  for (const p of practices) review(p, 'practice');
  for (const r of resources) review(r, 'resource');
}

function eventsFor(
  rows: SeedRows, rng: Random, counts: ScaleCounts, organizations: string[],
  groups: { id: string; objectives: number[] }[], calls: { id: string; objectives: number[] }[],
  practices: string[], resources: string[],
): void {
  const synthetic = Math.max(0, counts.events - 2);
  for (let i = 0; i < synthetic; i++) {
    const id = rng.uuid();
    const kind = rng.weighted(EVENT_KINDS);
    const objectives = objectivesFor(rng, 3);
    const topic = TOPICS[objectives[0]];
    const starts = rng.dateBetween(new Date('2019-01-01T00:00:00Z'), new Date('2027-06-30T00:00:00Z'));
    starts.setUTCMinutes(0, 0, 0);
    const ends = new Date(starts.getTime() + (kind === 'CONFERENCE' ? rng.int(1, 3) * DAY : rng.int(1, 4) * 3_600_000));
    const online = kind === 'WEBINAR' || kind === 'OBSERVANCE' || rng.chance(0.3);
    const label = kind.charAt(0) + kind.slice(1).toLowerCase().replace('_', ' ');
    const title: LocalizedText = { en: `${label}: ${capitalize(topic.en)}` };
    if (rng.chance(0.35)) title.fr = capitalize(topic.fr!);
    if (rng.chance(0.35)) title.es = capitalize(topic.es!);
    const slug = `${slugify(title.en)}-${starts.getUTCFullYear()}-${i.toString(36)}`;
    const past = starts < SEED_NOW;
    const group = rng.chance(0.3) ? rng.pick(groups.filter((g) => g.objectives.some((n) => objectives.includes(n)))) : undefined;
    const call = rng.chance(0.05) ? rng.pick(calls) : undefined;
    rows.event.push([
      id, slug, title, kind, starts.toISOString(), ends.toISOString(), online,
      online ? null : rng.pick(COUNTRIES).name,
      kind === 'OBSERVANCE' ? null : `https://events.example.org/${slug}/register`,
      past && (kind === 'WEBINAR' || kind === 'CONFERENCE') && rng.chance(0.7) ? `https://events.example.org/${slug}/recording` : null,
      group?.id ?? null, call?.id ?? null,
    ]);
    for (const n of objectives) rows.event_objective.push([id, n]);
    for (const org of rng.sample(organizations, rng.int(1, 3))) rows.event_organizer.push([id, org]);
    if (rng.chance(0.2)) for (const p of rng.sample(practices, rng.int(1, 2))) rows.event_practice.push([id, p]);
    if (rng.chance(0.2)) for (const r of rng.sample(resources, rng.int(1, 2))) rows.event_resource.push([id, r]);
  }
}
