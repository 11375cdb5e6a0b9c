import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { groupedQuery } from '../graph/grouped-query';
import type { Country } from './country.entity';
import type { Region } from './region.entity';

const REGION_COLUMNS = 'code, name, name_i18n AS "localizedName", parent_code AS "parentCode"';
const COUNTRY_COLUMNS = 'code, name, name_i18n AS "localizedName", region_code AS "regionCode", subregion_code AS "subregionCode"';

/** Regions, top regions first, then by code. */
export function allRegions(sql: Sql, topLevelOnly: boolean): Promise<Region[]> {
  return sql.query<Region>(
    `/* allRegions */ SELECT ${REGION_COLUMNS} FROM region
     WHERE NOT $1::boolean OR parent_code IS NULL
     ORDER BY parent_code IS NOT NULL, code`,
    [topLevelOnly],
  );
}

export async function regionsByCode(sql: Sql, codes: readonly string[]): Promise<(Region | null)[]> {
  const rows = await sql.query<Region>(
    `/* regionsByCode */ SELECT ${REGION_COLUMNS} FROM region WHERE code = ANY($1::text[])`,
    [codes],
  );
  return byKey(codes, rows, (row) => row.code);
}

/** Countries by English name; with `regionCode`, only those in that region at any level. */
export function allCountries(sql: Sql, regionCode: string | null): Promise<Country[]> {
  return sql.query<Country>(
    `/* allCountries */ SELECT ${COUNTRY_COLUMNS} FROM country
     WHERE $1::text IS NULL OR region_code = $1 OR subregion_code IN (
       WITH RECURSIVE below(code) AS (
         SELECT code FROM region WHERE code = $1
         UNION SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code)
       SELECT code FROM below)
     ORDER BY name`,
    [regionCode],
  );
}

export async function countriesByCode(sql: Sql, codes: readonly string[]): Promise<(Country | null)[]> {
  const rows = await sql.query<Country>(
    `/* countriesByCode */ SELECT ${COUNTRY_COLUMNS} FROM country WHERE code = ANY($1::text[])`,
    [codes],
  );
  return byKey(codes, rows, (row) => row.code);
}

/** The regions each practice or resource is tagged with. */
export function regionsOf(sql: Sql, owner: 'practice' | 'resource', ids: readonly string[]): Promise<Region[][]> {
  return groupedQuery(sql, regionsOfStatement(owner), ids);
}

/** The statement of `regionsOf` (`$1` the owners' ids). */
export function regionsOfStatement(owner: 'practice' | 'resource'): string {
  return `/* regionsBy_${owner} */ SELECT l.${owner}_id AS parent, ${REGION_COLUMNS.replace(/(^|, )/g, '$1r.')}
    FROM ${owner}_region l JOIN region r ON r.code = l.region_code
    WHERE l.${owner}_id = ANY($1::uuid[]) ORDER BY r.code`;
}

/** The countries each practice or resource is tagged with. */
export function countriesOf(sql: Sql, owner: 'practice' | 'resource', ids: readonly string[]): Promise<Country[][]> {
  return groupedQuery(sql, countriesOfStatement(owner), ids);
}

/** The statement of `countriesOf` (`$1` the owners' ids). */
export function countriesOfStatement(owner: 'practice' | 'resource'): string {
  return `/* countriesBy_${owner} */ SELECT l.${owner}_id AS parent, ${COUNTRY_COLUMNS.replace(/(^|, )/g, '$1c.')}
    FROM ${owner}_country l JOIN country c ON c.code = l.country_code
    WHERE l.${owner}_id = ANY($1::uuid[]) ORDER BY c.name`;
}
