import { LocalizedReferenceNames1764400000000 } from '../../src/db/migrations/1764400000000-LocalizedReferenceNames';
import type { HubServer } from '../../src/server';
import { countryNames } from '../../seeds/reference/country-names';
import { REGIONS } from '../../seeds/reference/geography';
import { OBJECTIVES } from '../../seeds/reference/objectives';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { execute, startTestServer } from '../support/graphql';
import { insertPractice } from './fixtures';

/** What a reader sees in each locale: the hub's short title, M49's region name, the dataset's country names. */
const EXPECTED = {
  objective10: { en: 'Eradicate trafficking', fr: 'Éliminer la traite de personnes', es: 'Erradicar la trata de personas' },
  region002: { en: 'Africa', fr: 'Afrique', es: 'África' },
  CHE: { en: 'Switzerland', fr: 'Suisse', es: 'Suiza' },
  CIV: { en: "Côte d'Ivoire", fr: "Côte-d'Ivoire", es: 'Costa de Marfil' },
  USA: { en: 'United States of America', fr: "États-Unis d'Amérique", es: 'Estados Unidos' },
};
const LOCALES = ['en', 'fr', 'es'] as const;
/** Selects `field` in all three locales under the aliases en, fr and es. */
const inEach = (field: string) => LOCALES.map((l) => `${l}: ${field}(locale: ${l.toUpperCase()})`).join(' ');

describe('Objective.shortTitle, Region.name, Country.name in EN, FR and ES', () => {
  let db: TestDatabase;
  let server: HubServer;
  let practiceId: string;

  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
    server = await startTestServer(db.dataSource);
    practiceId = (await insertPractice(db.dataSource, { objectives: [10], regions: ['002'], countries: ['CHE', 'CIV', 'USA'] })).id;
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
  const byKey = (rows: Record<string, any>[], key: string, value: unknown): Record<string, any> => rows.find((r) => r[key] === value)!;

  it('objectives and objective(number:) give objective 10 its short title in each locale', async () => {
    const data = await run(`{ objectives { number ${inEach('shortTitle')} } objective(number: 10) { ${inEach('shortTitle')} } }`);
    const { number, ...ten } = byKey(data.objectives, 'number', 10);
    expect(number).toBe(10);
    expect(ten).toEqual(EXPECTED.objective10);
    expect(data.objective).toEqual(EXPECTED.objective10);
  });

  it('regions give 002 its M49 name in each locale, and its sub-regions theirs', async () => {
    const data = await run(`{ regions { code ${inEach('name')} parent { code fr: name(locale: FR) } } }`);
    const { code, parent, ...africa } = byKey(data.regions, 'code', '002');
    expect(africa).toEqual(EXPECTED.region002);
    expect(parent).toBeNull();
    expect(byKey(data.regions, 'code', '014')).toEqual({ code: '014', en: 'Eastern Africa', fr: 'Afrique orientale', es: 'África oriental', parent: { code: '202', fr: 'Afrique subsaharienne' } });
    expect(data.regions).toHaveLength(30);
  });

  it('countries give CHE, CIV and USA their names in each locale, through countries and countries(region:)', async () => {
    const data = await run(`{ all: countries { code ${inEach('name')} } africa: countries(region: "002") { code ${inEach('name')} region { es: name(locale: ES) } } }`);
    for (const code of ['CHE', 'CIV', 'USA'] as const) {
      const { code: found, ...names } = byKey(data.all, 'code', code);
      expect(found).toBe(code);
      expect(names).toEqual(EXPECTED[code]);
    }
    expect(byKey(data.africa, 'code', 'CIV')).toEqual({ code: 'CIV', ...EXPECTED.CIV, region: { es: 'África' } });
    expect(data.africa.map((c: { code: string }) => c.code)).not.toContain('CHE');
  });

  it('practice.countries, practice.regions and practice.objectives are localized like the lists', async () => {
    const data = await run(`{ practice(id: "${practiceId}") {
      countries { code ${inEach('name')} region { ${inEach('name')} } }
      regions { code ${inEach('name')} }
      objectives { number ${inEach('shortTitle')} } } }`);
    const practice = data.practice;
    expect(practice.countries).toEqual(
      (['CHE', 'CIV', 'USA'] as const)
        .map((code) => ({ code, ...EXPECTED[code], region: code === 'CIV' ? EXPECTED.region002 : code === 'CHE' ? { en: 'Europe', fr: 'Europe', es: 'Europa' } : { en: 'Americas', fr: 'Amériques', es: 'Américas' } }))
        .sort((a, b) => a.en.localeCompare(b.en)),
    );
    expect(practice.regions).toEqual([{ code: '002', ...EXPECTED.region002 }]);
    expect(practice.objectives).toEqual([{ number: 10, ...EXPECTED.objective10 }]);
  });

  it('without a locale argument, Accept-Language decides (quality values honoured), else English; an argument beats the header', async () => {
    const query = `{ objective(number: 10) { shortTitle } regions(topLevelOnly: true) { code name }
      practice(id: "${practiceId}") { countries { code name } regions { name } } }`;
    const seen = async (acceptLanguage?: string) => {
      const data = await run(query, acceptLanguage);
      return {
        objective: data.objective.shortTitle,
        region: byKey(data.regions, 'code', '002').name,
        countries: Object.fromEntries(data.practice.countries.map((c: { code: string; name: string }) => [c.code, c.name])),
        practiceRegion: data.practice.regions[0].name,
      };
    };
    const expected = (l: (typeof LOCALES)[number]) => ({
      objective: EXPECTED.objective10[l], region: EXPECTED.region002[l], practiceRegion: EXPECTED.region002[l],
      countries: { CHE: EXPECTED.CHE[l], CIV: EXPECTED.CIV[l], USA: EXPECTED.USA[l] },
    });
    expect(await seen()).toEqual(expected('en'));
    expect(await seen('fr-CH, fr;q=0.9, en;q=0.8')).toEqual(expected('fr'));
    expect(await seen('de, es;q=0.7, en;q=0.5')).toEqual(expected('es'));
    expect(await seen('de')).toEqual(expected('en'));

    const explicit = await run(`{ objective(number: 10) { shortTitle(locale: ES) } regions(topLevelOnly: true) { code name(locale: EN) } }`, 'fr');
    expect(explicit.objective.shortTitle).toBe(EXPECTED.objective10.es);
    expect(byKey(explicit.regions, 'code', '002').name).toBe('Africa');
  });

  it('a country the dataset lacks keeps its English name in every locale', async () => {
    // Kosovo (XKX, a user-assigned code) is not in i18n-iso-countries: English only.
    expect(countryNames('XKX', 'Kosovo')).toEqual({ en: 'Kosovo' });
    await db.dataSource.query(
      `INSERT INTO country (code, name, name_i18n, region_code, subregion_code) VALUES ('XKX', 'Kosovo', $1, '150', '039')`,
      [JSON.stringify(countryNames('XKX', 'Kosovo'))],
    );
    const data = await run(`{ countries(region: "039") { code plain: name ${inEach('name')} } }`, 'fr');
    expect(byKey(data.countries, 'code', 'XKX')).toEqual({ code: 'XKX', plain: 'Kosovo', en: 'Kosovo', fr: 'Kosovo', es: 'Kosovo' });
  });
});

describe('migration LocalizedReferenceNames1764400000000', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: { randomSeed: 5, scale: 'tiny' } });
  });
  afterAll(() => db.drop());

  type Row = { key: string; english: string; names: Record<string, string> };
  const rows = (table: string, key: string, english: string, column: string): Promise<Row[]> =>
    db.dataSource.query(`SELECT ${key}::text AS key, ${english} AS english, ${column} AS names FROM ${table} ORDER BY 1`);
  const all = async () => ({
    objective: await rows('objective', 'number', 'short_title', 'short_title_i18n'),
    region: await rows('region', 'code', 'name', 'name_i18n'),
    country: await rows('country', 'code', 'name', 'name_i18n'),
  });

  it('the seeds give every objective, region and country English, French and Spanish, English being the seeded name', async () => {
    const seeded = await all();
    expect(seeded.objective).toHaveLength(23);
    expect(seeded.region).toHaveLength(30);
    expect(seeded.country).toHaveLength(247);
    for (const row of [...seeded.objective, ...seeded.region, ...seeded.country]) {
      expect(Object.keys(row.names).sort()).toEqual(['en', 'es', 'fr']);
      expect(row.names.en).toBe(row.english);
      for (const locale of LOCALES) expect(row.names[locale].trim()).not.toBe('');
    }
  });

  it('backfills a database seeded before it: every row gets en, fr and es, a code the dataset lacks English only', async () => {
    const seeded = await all();
    const migration = new LocalizedReferenceNames1764400000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const columns = await db.dataSource.query(
        `SELECT table_name, column_name FROM information_schema.columns WHERE column_name IN ('name_i18n', 'short_title_i18n')`,
      );
      expect(columns).toEqual([]);
      // A row written before the migration whose code the dataset does not know.
      await db.dataSource.query(`INSERT INTO country (code, name, region_code, subregion_code) VALUES ('XKX', 'Kosovo', '150', '039')`);

      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const backfilled = await all();
    expect(backfilled.objective).toEqual(seeded.objective);
    expect(backfilled.region).toEqual(seeded.region);
    expect(backfilled.country.filter((c) => c.key !== 'XKX')).toEqual(seeded.country);
    expect(backfilled.country.find((c) => c.key === 'XKX')).toEqual({ key: 'XKX', english: 'Kosovo', names: { en: 'Kosovo' } });
    // The reference data, not only the seeds, agrees with what the migration wrote.
    for (const o of OBJECTIVES) expect(backfilled.objective.find((r) => r.key === String(o.number))!.names).toEqual(o.shortTitle);
    for (const r of REGIONS) expect(backfilled.region.find((row) => row.key === r.code)!.names).toEqual(r.name);
  });

  it('refuses a row without English, or whose English is not the English column', async () => {
    const refused = async (sql: string) => {
      const error = await db.dataSource.query(sql).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => e.driverError);
      return error && { code: error.code, constraint: error.constraint };
    };
    expect(await refused(`UPDATE region SET name_i18n = '{"fr":"Afrique"}' WHERE code = '002'`)).toEqual({ code: '23514', constraint: 'name_i18n_has_english' });
    expect(await refused(`UPDATE country SET name_i18n = '{"en":"Helvetia"}' WHERE code = 'CHE'`)).toEqual({ code: '23514', constraint: 'name_i18n_english_is_name' });
    expect(await refused(`UPDATE objective SET short_title_i18n = NULL WHERE number = 1`)).toEqual({ code: '23502', constraint: undefined });
    expect(await refused(`UPDATE objective SET short_title_i18n = '{"en":"Data","fr":7}' WHERE number = 1`)).toEqual({ code: '23514', constraint: 'short_title_i18n_has_english' });
  });
});
