import { MigrationInterface, QueryRunner } from 'typeorm';
import { countryNames } from '../../../seeds/reference/country-names';
import { REGIONS } from '../../../seeds/reference/geography';
import { OBJECTIVES } from '../../../seeds/reference/objectives';

/** Each reference table, its key, its English text column and the new jsonb column. */
const TARGETS = [
  { table: 'objective', key: 'number', english: 'short_title', column: 'short_title_i18n' },
  { table: 'region', key: 'code', english: 'name', column: 'name_i18n' },
  { table: 'country', key: 'code', english: 'name', column: 'name_i18n' },
] as const;

/** The same rule as every localized column of the first migration: English present and non-blank, others strings. */
const hasEnglish = (column: string): string =>
  `coalesce(jsonb_typeof(${column}) = 'object' AND jsonb_typeof(${column}->'en') = 'string' ` +
  `AND length(btrim(${column}->>'en')) > 0 ` +
  `AND (NOT ${column} ? 'fr' OR jsonb_typeof(${column}->'fr') = 'string') ` +
  `AND (NOT ${column} ? 'es' OR jsonb_typeof(${column}->'es') = 'string'), false)`;

type Translations = Record<string, { fr?: string; es?: string }>;

/**
 * Objective short titles, region names and country names in English, French and Spanish:
 * one jsonb column each (`objective.short_title_i18n`, `region.name_i18n`,
 * `country.name_i18n`), English present like every localized column and equal to the
 * English text column it sits beside. Existing rows are backfilled: objectives and regions
 * from the reference data of the seeds (the hub's short titles, M49's names), countries from
 * the i18n-iso-countries dataset by alpha-3 code; a code the dataset lacks keeps English only,
 * which the graph falls back to.
 */
export class LocalizedReferenceNames1764400000000 implements MigrationInterface {
  name = 'LocalizedReferenceNames1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    const countries: { code: string; name: string }[] = await q.query('SELECT code, name FROM country');
    const translations: Record<(typeof TARGETS)[number]['table'], Translations> = {
      objective: Object.fromEntries(OBJECTIVES.map((o) => [String(o.number), { fr: o.shortTitle.fr, es: o.shortTitle.es }])),
      region: Object.fromEntries(REGIONS.map((r) => [r.code, { fr: r.name.fr, es: r.name.es }])),
      country: Object.fromEntries(countries.map((c) => [c.code, countryNames(c.code, c.name)])),
    };
    for (const { table, key, english, column } of TARGETS) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN ${column} jsonb`);
      await q.query(
        `UPDATE ${table} SET ${column} = jsonb_strip_nulls(jsonb_build_object('en', ${english},
           'fr', $1::jsonb -> ${key}::text ->> 'fr', 'es', $1::jsonb -> ${key}::text ->> 'es'))`,
        [JSON.stringify(translations[table])],
      );
      await q.query(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL,
        ADD CONSTRAINT ${column}_has_english CHECK (${hasEnglish(column)}),
        ADD CONSTRAINT ${column}_english_is_${english} CHECK (${column}->>'en' = ${english})`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const { table, column } of TARGETS) await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS ${column}`);
  }
}
