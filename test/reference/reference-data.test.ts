import { startTestServer, execute } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';

describe('reference data and sample content', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 42, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  it('Query.objectives: the 23 objectives of the Compact, in order, with objective 10 titled exactly', async () => {
    const { data, errors } = await execute(server, db.dataSource, '{ objectives { number shortTitle title } ten: objective(number: 10) { shortTitle title(locale: EN) fr: title(locale: FR) } }');
    expect(errors).toBeUndefined();
    expect(data!.objectives.map((o: { number: number }) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(data!.objectives[0]).toEqual({ number: 1, shortTitle: 'Data', title: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies' });
    expect(data!.ten).toEqual({
      shortTitle: 'Eradicate trafficking',
      title: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
      fr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
    });
    expect(data!.objectives[22].shortTitle).toBe('International cooperation');
  });

  it('Query.guidingPrinciples: the 10 principles of para. 15, in order', async () => {
    const { data } = await execute(server, db.dataSource, '{ guidingPrinciples { code title } }');
    expect(data!.guidingPrinciples.map((p: { title: string }) => p.title)).toEqual([
      'People-centred', 'International cooperation', 'National sovereignty', 'Rule of law and due process', 'Sustainable development',
      'Human rights', 'Gender-responsive', 'Child-sensitive', 'Whole-of-government approach', 'Whole-of-society approach',
    ]);
  });

  it('Query.regions and Query.countries: 5 top M49 regions, at least 190 countries, each in a region', async () => {
    const { data } = await execute(server, db.dataSource, '{ top: regions(topLevelOnly: true) { code name } all: regions { code } countries { code name region { code } subregion { code } } }');
    expect(data!.top).toEqual([
      { code: '002', name: 'Africa' }, { code: '009', name: 'Oceania' }, { code: '019', name: 'Americas' }, { code: '142', name: 'Asia' }, { code: '150', name: 'Europe' },
    ]);
    expect(data!.all.length).toBeGreaterThan(20);
    expect(data!.countries.length).toBeGreaterThanOrEqual(190);
    const che = data!.countries.find((c: { code: string }) => c.code === 'CHE');
    expect(che).toEqual({ code: 'CHE', name: 'Switzerland', region: { code: '150' }, subregion: { code: '155' } });
    const topCodes = new Set(['002', '009', '019', '142', '150']);
    expect(data!.countries.every((c: { region: { code: string } }) => topCodes.has(c.region.code))).toBe(true);
  });

  it('holds the sample content with the contract slugs and facts', async () => {
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    const [call] = await q(`SELECT c.theme, c.deadline::text, array_agg(o.objective_number) AS objectives
      FROM call_for_practices c JOIN call_for_practices_objective o ON o.call_id = c.id WHERE slug = 'leave-no-child-behind-2024' GROUP BY c.id`);
    expect(call).toEqual({ theme: 'Leave No Child Behind in the Fight Against Human Trafficking', deadline: '2024-06-24', objectives: [10] });

    const [webinar] = await q(`SELECT e.kind, (e.starts_at AT TIME ZONE 'UTC')::date::text AS day, e.recording_url, g.slug AS group_slug,
        (SELECT array_agg(o.name) FROM event_organizer eo JOIN organization o ON o.id = eo.organization_id WHERE eo.event_id = e.id) AS organizers,
        (SELECT array_agg(objective_number) FROM event_objective WHERE event_id = e.id) AS objectives
      FROM event e JOIN community_group g ON g.id = e.community_group_id
      WHERE e.slug = 'unveiling-research-best-practices-end-child-trafficking-2024'`);
    expect(webinar).toMatchObject({ kind: 'WEBINAR', day: '2024-07-15', group_slug: 'counter-trafficking', objectives: [10] });
    expect(webinar.recording_url).toMatch(/^https:\/\//);
    expect(webinar.organizers).toContain('University of Geneva Children’s Rights Academy');

    const [observance] = await q(`SELECT e.kind, (e.starts_at AT TIME ZONE 'UTC')::date::text AS day, c.slug AS call_slug
      FROM event e JOIN call_for_practices c ON c.id = e.call_id WHERE e.slug = 'world-day-against-trafficking-2024'`);
    expect(observance).toEqual({ kind: 'OBSERVANCE', day: '2024-07-30', call_slug: 'leave-no-child-behind-2024' });

    const [group] = await q(`SELECT g.name->>'en' AS name, array_agg(o.objective_number) AS objectives
      FROM community_group g JOIN community_group_objective o ON o.community_group_id = g.id WHERE slug = 'counter-trafficking' GROUP BY g.id`);
    expect(group).toEqual({ name: 'Counter-Trafficking', objectives: [10] });

    const views = (await q('SELECT slug FROM curated_view ORDER BY objective_number NULLS FIRST')).map((v: { slug: string }) => v.slug);
    expect(views).toEqual(['home', ...Array.from({ length: 23 }, (_, i) => `objective-${i + 1}`)]);
    expect(Number((await q(`SELECT count(*) FROM curated_view_item WHERE view_slug = 'home'`))[0].count)).toBeGreaterThan(0);
  });
});
