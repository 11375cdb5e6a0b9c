import { startTestServer, execute } from '../support/graphql';
import { createTestDatabase, type TestDatabase } from '../support/database';
import type { HubServer } from '../../src/server';

describe('reference queries', () => {
  let db: TestDatabase;
  let server: HubServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
  });
  afterAll(async () => {
    await server.stop();
    await db.drop();
  });

  describe('Objective.title', () => {
    it('defaults to the Accept-Language locale, honouring quality values', async () => {
      const title = async (acceptLanguage?: string) =>
        (await execute(server, db.dataSource, '{ objective(number: 10) { title } }', {}, { acceptLanguage })).data!.objective.title;
      expect(await title()).toMatch(/^Prevent, combat/);
      expect(await title('fr-CH, fr;q=0.9, en;q=0.8')).toMatch(/^Prévenir/);
      expect(await title('de-DE, es;q=0.5, fr;q=0.4')).toMatch(/^Prevenir, combatir/);
      expect(await title('de-DE')).toMatch(/^Prevent, combat/);
      expect(await title(';;q=garbage,')).toMatch(/^Prevent, combat/);
    });

    it('takes an explicit locale over the header, and falls back to English when a translation is missing', async () => {
      await db.dataSource.query(`UPDATE objective SET title = title - 'es' WHERE number = 3`);
      const { data } = await execute(server, db.dataSource, '{ objective(number: 3) { es: title(locale: ES) fr: title(locale: FR) } }', {}, { acceptLanguage: 'fr' });
      expect(data!.objective).toEqual({ es: 'Provide accurate and timely information at all stages of migration', fr: expect.stringMatching(/^Fournir/) });
    });
  });

  describe('Query.objective', () => {
    it('is null for a number outside 1..23', async () => {
      const { data, errors } = await execute(server, db.dataSource, '{ a: objective(number: 24) { number } b: objective(number: -1) { number } }');
      expect(errors).toBeUndefined();
      expect(data).toEqual({ a: null, b: null });
    });

    it('rejects a non-integer number with a validation error', async () => {
      const { errors } = await execute(server, db.dataSource, '{ objective(number: "ten") { number } }');
      expect(errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('Query.countries', () => {
    it('filters by a region at any level', async () => {
      const { data } = await execute(server, db.dataSource, '{ africa: countries(region: "002") { code } east: countries(region: "014") { code } }');
      const africa = data!.africa.map((c: { code: string }) => c.code);
      const east = data!.east.map((c: { code: string }) => c.code);
      expect(east).toContain('KEN');
      expect(east.every((code: string) => africa.includes(code))).toBe(true);
      expect(africa).not.toContain('CHE');
    });

    it('refuses a malformed region code with BAD_USER_INPUT', async () => {
      const { errors, data } = await execute(server, db.dataSource, '{ countries(region: "Africa") { code } }');
      expect(data).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          message: 'region must be a three-digit UN M49 code such as "002"; got "Africa".',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'region' }),
        }),
      ]);
    });

    it('Country.region and Country.subregion are batched: two statements for every country', async () => {
      const { data, statements, sql } = await execute(server, db.dataSource, '{ countries { code region { name } subregion { name parent { name } } } }');
      expect(data!.countries.length).toBeGreaterThanOrEqual(190);
      // countries, then one regionsByCode batch per depth level (region+subregion, then parents).
      expect(statements).toBe(3);
      expect(sql.filter((s) => s.includes('regionsByCode'))).toHaveLength(2);
    });
  });
});
