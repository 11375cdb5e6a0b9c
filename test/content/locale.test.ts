import { execute, startTestServer } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';
import { insertCall, insertCuratedView, insertEvent, insertGroup, insertPractice, insertResource } from './fixtures';

/**
 * Localized fields: an explicit `locale` beats Accept-Language, which beats English; a
 * missing or blank translation falls back to English; required fields are never empty.
 */
describe('localized content fields', () => {
  let db: TestDatabase;
  let server: HubServer;
  let full: string;
  let bare: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 11, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    full = (await insertPractice(db.dataSource, {
      title: { en: 'Safe corridors', fr: 'Couloirs sûrs', es: '   ' },
      summary: { en: 'Safe passage for migrants.', fr: '' },
      lessonsLearned: { en: 'Start early.', es: 'Empezar temprano.' },
    })).id;
    bare = (await insertPractice(db.dataSource, { title: 'Only English', summary: 'Summary in English.', lessonsLearned: null })).id;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const run = async (query: string, acceptLanguage?: string) => {
    const { data, errors } = await execute(server, db.dataSource, query, {}, { acceptLanguage });
    expect(errors).toBeUndefined();
    return data!;
  };

  describe('Practice.title / Practice.summary / Practice.lessonsLearned', () => {
    const fields = 'title summary lessonsLearned';

    it('default to English without Accept-Language', async () => {
      expect((await run(`{ practice(id: "${full}") { ${fields} } }`)).practice).toEqual({
        title: 'Safe corridors', summary: 'Safe passage for migrants.', lessonsLearned: 'Start early.',
      });
    });

    it('follow Accept-Language, falling back to English field by field when a translation is missing or blank', async () => {
      expect((await run(`{ practice(id: "${full}") { ${fields} } }`, 'fr-FR,fr;q=0.9')).practice).toEqual({
        title: 'Couloirs sûrs', summary: 'Safe passage for migrants.', lessonsLearned: 'Start early.',
      });
      expect((await run(`{ practice(id: "${full}") { ${fields} } }`, 'de, es;q=0.8')).practice).toEqual({
        title: 'Safe corridors', summary: 'Safe passage for migrants.', lessonsLearned: 'Empezar temprano.',
      });
    });

    it('take an explicit locale over the header', async () => {
      const data = await run(`{ practice(id: "${full}") {
        en: title(locale: EN) fr: title(locale: FR) es: title(locale: ES) lessonsEs: lessonsLearned(locale: ES) summaryFr: summary(locale: FR) } }`, 'es');
      expect(data.practice).toEqual({
        en: 'Safe corridors', fr: 'Couloirs sûrs', es: 'Safe corridors', lessonsEs: 'Empezar temprano.', summaryFr: 'Safe passage for migrants.',
      });
    });

    it('lessonsLearned is null in every locale when absent', async () => {
      const data = await run(`{ practice(id: "${bare}") { lessonsLearned en: lessonsLearned(locale: EN) es: lessonsLearned(locale: ES) title(locale: FR) } }`, 'fr');
      expect(data.practice).toEqual({ lessonsLearned: null, en: null, es: null, title: 'Only English' });
    });

    it('are never empty for any listed practice, in any locale', async () => {
      const data = await run('{ practices(first: 100) { totalCount nodes { fr: title(locale: FR) es: title(locale: ES) summary(locale: FR) } } }', 'es');
      expect(data.practices.nodes.length).toBe(data.practices.totalCount);
      expect(data.practices.totalCount).toBeGreaterThan(10);
      for (const node of data.practices.nodes) {
        for (const value of Object.values(node)) expect(value).toEqual(expect.stringMatching(/\S/));
      }
    });
  });

  describe('Query.practices(orderBy: TITLE)', () => {
    it('sorts by the title as displayed in the request locale (a blank translation sorts by its English)', async () => {
      const call = await insertCall(db.dataSource);
      const zebra = await insertPractice(db.dataSource, { title: { en: 'Zebra crossings', fr: ' ' }, callId: call.id });
      const beta = await insertPractice(db.dataSource, { title: { en: 'Alpha', fr: 'Bêta' }, callId: call.id });
      const query = `{ practices(orderBy: TITLE, filter: { call: "${call.id}" }) { nodes { id title } } }`;
      expect((await run(query)).practices.nodes).toEqual([{ id: beta.id, title: 'Alpha' }, { id: zebra.id, title: 'Zebra crossings' }]);
      expect((await run(query, 'fr')).practices.nodes).toEqual([{ id: beta.id, title: 'Bêta' }, { id: zebra.id, title: 'Zebra crossings' }]);
    });
  });

  describe('Resource.title', () => {
    it('follows locale and Accept-Language, with English fallback', async () => {
      const { id } = await insertResource(db.dataSource, { title: { en: 'Remittance costs', es: 'Costos de las remesas', fr: '' } });
      const data = await run(`{ resource(id: "${id}") { title en: title(locale: EN) fr: title(locale: FR) } }`, 'es');
      expect(data.resource).toEqual({ title: 'Costos de las remesas', en: 'Remittance costs', fr: 'Remittance costs' });
    });
  });

  describe('Event.title', () => {
    it('follows locale and Accept-Language, with English fallback', async () => {
      const { id } = await insertEvent(db.dataSource, { title: { en: 'World day', fr: 'Journée mondiale' }, startsAt: '2025-07-30T00:00:00Z' });
      const data = await run(`{ event(id: "${id}") { title en: title(locale: EN) es: title(locale: ES) } }`, 'fr');
      expect(data.event).toEqual({ title: 'Journée mondiale', en: 'World day', es: 'World day' });
    });
  });

  describe('CommunityGroup.name', () => {
    it('follows locale and Accept-Language, with English fallback', async () => {
      const { slug } = await insertGroup(db.dataSource, { en: 'Returns', fr: 'Retours', es: '  ' });
      const data = await run(`{ communityGroup(slug: "${slug}") { name fr: name(locale: FR) es: name(locale: ES) description(locale: FR) } }`);
      expect(data.communityGroup).toEqual({ name: 'Returns', fr: 'Retours', es: 'Returns', description: 'About.' });
    });
  });

  describe('CallForPractices.title', () => {
    it('follows locale and Accept-Language, with English fallback', async () => {
      const { slug } = await insertCall(db.dataSource, { en: 'Leave no child behind', fr: 'Ne laisser aucun enfant de côté' });
      const data = await run(`{ callForPractices(slug: "${slug}") { title en: title(locale: EN) es: title(locale: ES) } }`, 'fr;q=0.7, es;q=0.2');
      expect(data.callForPractices).toEqual({ title: 'Ne laisser aucun enfant de côté', en: 'Leave no child behind', es: 'Leave no child behind' });
    });
  });

  describe('CuratedView.title', () => {
    it('follows locale and Accept-Language, with English fallback', async () => {
      const slug = await insertCuratedView(db.dataSource, { en: 'Highlights', es: 'Destacados', fr: '\t' });
      const data = await run(`{ curatedView(slug: "${slug}") { title fr: title(locale: FR) en: title(locale: EN) } }`, 'es-ES');
      expect(data.curatedView).toEqual({ title: 'Destacados', fr: 'Highlights', en: 'Highlights' });
    });

    it('the seeded home view has a title in every locale', async () => {
      const data = await run('{ curatedView(slug: "home") { en: title(locale: EN) fr: title(locale: FR) es: title(locale: ES) } }');
      for (const value of Object.values(data.curatedView)) expect(value).toEqual(expect.stringMatching(/\S/));
    });
  });

  describe('required localized fields of seeded content', () => {
    it('are never null or empty in French or Spanish', async () => {
      const data = await run(`{
        resources(first: 100) { nodes { title summary es: title(locale: ES) } }
        events(first: 100) { nodes { title es: title(locale: ES) } }
        communityGroups { nodes { name description es: name(locale: ES) } }
        callsForPractices { title es: title(locale: ES) }
      }`, 'fr');
      const values = [
        ...data.resources.nodes, ...data.events.nodes, ...data.communityGroups.nodes, ...data.callsForPractices,
      ].flatMap((node: Record<string, unknown>) => Object.values(node));
      expect(values.length).toBeGreaterThan(20);
      for (const value of values) expect(value).toEqual(expect.stringMatching(/\S/));
    });
  });
});
