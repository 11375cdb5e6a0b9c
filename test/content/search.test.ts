import { execute, startTestServer } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';
import { badInput, insertPractice, insertResource } from './fixtures';

/** filter.text: PostgreSQL full-text search in the request locale, with stemming. */
describe('PracticeFilter.text', () => {
  let db: TestDatabase;
  let server: HubServer;
  const p: Record<string, string> = {};
  let resourceId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 11, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    const ds = db.dataSource;
    p.trafficking = (await insertPractice(ds, { title: 'Ending child trafficking along migration routes', objectives: [10] })).id;
    p.french = (await insertPractice(ds, {
      title: { en: 'Protecting unaccompanied minors on the move', fr: 'Lutter contre la traite des enfants migrants' },
      summary: { en: 'Guardianship for minors.', fr: 'Tutelle des mineurs.' },
      objectives: [7],
    })).id;
    p.englishOnly = (await insertPractice(ds, { title: 'Quokkaville community sponsorship for refugees', objectives: [1] })).id;
    p.inSummary = (await insertPractice(ds, { title: 'Regional consultations', summary: 'Brought together xylophonists from ten countries.' })).id;
    p.inLessons = (await insertPractice(ds, { title: 'Border dialogues', lessonsLearned: 'Zeppelins arrived late to every meeting.' })).id;
    p.unrelated = (await insertPractice(ds, { title: 'Labour mobility schemes', summary: 'Seasonal work permits.' })).id;
    p.draft = (await insertPractice(ds, { title: 'Quokkaville draft on trafficking', status: 'DRAFT' })).id;
    resourceId = (await insertResource(ds, { title: 'Mapping trafficked persons in the Sahel' })).id;
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  const PRACTICES = 'query($filter: PracticeFilter) { practices(filter: $filter, first: 100) { totalCount nodes { id } } }';

  async function search(text: string, acceptLanguage?: string, extra: Record<string, unknown> = {}): Promise<string[]> {
    const { data, errors } = await execute(server, db.dataSource, PRACTICES, { filter: { text, ...extra } }, { acceptLanguage });
    expect(errors).toBeUndefined();
    expect(data!.practices.totalCount).toBe(data!.practices.nodes.length);
    return data!.practices.nodes.map((n: { id: string }) => n.id);
  }

  describe('Query.practices(filter: { text })', () => {
    it('stems English: "trafficked" finds a practice titled "… trafficking …"', async () => {
      const found = await search('trafficked');
      expect(found).toContain(p.trafficking);
      expect(found).not.toContain(p.unrelated);
      expect(found).not.toContain(p.french);
    });

    it('never finds an unpublished practice', async () => {
      expect(await search('Quokkaville')).toEqual([p.englishOnly]);
    });

    it('searches the summary and the body (lessons learned), not only the title', async () => {
      expect(await search('xylophonist')).toEqual([p.inSummary]);
      expect(await search('zeppelin')).toEqual([p.inLessons]);
    });

    it('stems French with Accept-Language: fr: "enfant" finds "… la traite des enfants migrants …"', async () => {
      expect(await search('enfant', 'fr')).toContain(p.french);
      expect(await search('traite enfants', 'fr-CH, en;q=0.5')).toContain(p.french);
      // The English vector of that practice knows nothing of its French title.
      expect(await search('enfant')).not.toContain(p.french);
    });

    it('still finds an English-only practice when the request locale is fr (French vector over the English text)', async () => {
      expect(await search('Quokkaville', 'fr')).toEqual([p.englishOnly]);
      expect(await search('sponsorship', 'fr')).toContain(p.englishOnly);
    });

    it('treats a blank French translation as missing, as the displayed title does (falls back to English)', async () => {
      const { id } = await insertPractice(db.dataSource, { title: { en: 'Wallabytown reception centres', fr: ' ' }, summary: { en: 'Reception.', fr: '' } });
      const { data } = await execute(server, db.dataSource, `{ practice(id: "${id}") { title summary } }`, {}, { acceptLanguage: 'fr' });
      expect(data!.practice).toEqual({ title: 'Wallabytown reception centres', summary: 'Reception.' });
      expect(await search('Wallabytown', 'fr')).toEqual([id]);
    });

    it('trims the text and combines it with other fields (AND)', async () => {
      expect(await search('   trafficking  ', undefined, { objectives: [10] })).toContain(p.trafficking);
      expect(await search('trafficking', undefined, { objectives: [23] })).not.toContain(p.trafficking);
      expect(await search('enfant', 'fr', { objectives: [7] })).toEqual([p.french]);
    });

    it('follows edits: the vectors are recomputed when the title changes', async () => {
      const { id } = await insertPractice(db.dataSource, { title: 'Wombatland pilot' });
      expect(await search('wombatland')).toEqual([id]);
      await db.dataSource.query(`UPDATE practice SET title = '{"en":"Platypusburg pilot"}' WHERE id = $1`, [id]);
      expect(await search('wombatland')).toEqual([]);
      expect(await search('platypusburg')).toEqual([id]);
    });

    it('accepts exactly 200 characters', async () => {
      expect(await search(`trafficking ${'a'.repeat(188)}`)).toEqual([]);
    });

    it.each([
      ['longer than 200 characters', 'x'.repeat(201)],
      ['empty', ''],
      ['blank', '   \t '],
    ])('refuses a text %s with BAD_USER_INPUT on filter.text', async (_what, text) => {
      const { data, errors } = await execute(server, db.dataSource, PRACTICES, { filter: { text } });
      expect(data).toBeNull();
      expect(errors).toEqual(badInput('filter.text', 'filter.text must hold 1 to 200 characters.'));
    });
  });

  describe('Query.resources(filter: { text })', () => {
    it('stems English and refuses a blank text', async () => {
      const query = 'query($text: String) { resources(filter: { text: $text }, first: 100) { nodes { id } } }';
      const { data } = await execute(server, db.dataSource, query, { text: 'trafficking Sahel' });
      expect(data!.resources.nodes).toEqual([{ id: resourceId }]);
      const blank = await execute(server, db.dataSource, query, { text: ' ' });
      expect(blank.errors).toEqual(badInput('filter.text', 'filter.text must hold 1 to 200 characters.'));
    });
  });
});
