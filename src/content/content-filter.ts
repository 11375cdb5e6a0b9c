import type { SqlParams } from '../graph/sql-params';
import { userInputError } from '../graph/user-input-error';
import { Locale } from '../i18n/localized-text';

const DICTIONARY: Record<Locale, string> = { [Locale.EN]: 'english', [Locale.FR]: 'french', [Locale.ES]: 'spanish' };

export interface ContentFilterFields {
  objectives?: number[] | null;
  regions?: string[] | null;
  countries?: string[] | null;
  scopes?: string[] | null;
  text?: string | null;
}

const MAX_LIST = 100;

/** A real day from year 1 on (PostgreSQL has no year 0): 2019-02-30 and 0000-01-01 are not. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '0001-01-01') return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A date argument as a bound value, or a BAD_USER_INPUT naming it. */
export function dateParam(name: string, value: string): string {
  if (!isCalendarDate(value)) throw userInputError(name, `${name} must be a calendar date from 0001-01-01 on, like 2019-01-01; got "${value}".`);
  return value;
}

/** Refuses text PostgreSQL cannot hold (NUL characters) with a BAD_USER_INPUT naming the argument. */
export function plainText(name: string, value: string): string {
  if (value.includes('\u0000')) throw userInputError(name, `${name} must not contain NUL characters.`);
  return value;
}

function list<T>(name: string, values: T[] | null | undefined, valid: (v: T) => boolean, expected: string): T[] | null {
  if (values == null) return null;
  if (values.length > MAX_LIST) throw userInputError(`filter.${name}`, `filter.${name} takes at most ${MAX_LIST} values; got ${values.length}.`);
  const wrong = values.filter((v) => !valid(v));
  if (wrong.length > 0) throw userInputError(`filter.${name}`, `filter.${name} must hold ${expected}; got ${JSON.stringify(wrong[0])}.`);
  return values;
}

/** Validates the filter's objectives (1..23); null when absent. */
export function objectiveList(values: number[] | null | undefined): number[] | null {
  return list('objectives', values, (n) => Number.isInteger(n) && n >= 1 && n <= 23, 'objective numbers from 1 to 23');
}

/**
 * SQL conditions over `t` (a practice or resource row) for the filter fields practices and
 * resources share. Lists mean "any of". `regions` matches an item tagged with the region
 * or a region inside it, or with a country inside it.
 */
export function contentConditions(table: 'practice' | 'resource', filter: ContentFilterFields | null | undefined, params: SqlParams, locale: Locale): string[] {
  if (!filter) return [];
  const where: string[] = [];
  const objectives = objectiveList(filter.objectives);
  if (objectives) {
    where.push(`EXISTS (SELECT 1 FROM ${table}_objective fo WHERE fo.${table}_id = t.id AND fo.objective_number = ANY(${params.add(objectives, 'smallint[]')}))`);
  }
  const regions = list('regions', filter.regions, (c) => /^[0-9]{3}$/.test(c), 'three-digit UN M49 codes such as "002"');
  if (regions) {
    const codes = params.add(regions, 'text[]');
    where.push(`(
      EXISTS (SELECT 1 FROM ${table}_region fr JOIN region_closure rc ON rc.code = fr.region_code WHERE fr.${table}_id = t.id AND rc.ancestor = ANY(${codes}))
      OR EXISTS (SELECT 1 FROM ${table}_country fc JOIN country c ON c.code = fc.country_code JOIN region_closure rc ON rc.code = c.subregion_code
                 WHERE fc.${table}_id = t.id AND rc.ancestor = ANY(${codes})))`);
  }
  const countries = list('countries', filter.countries, (c) => /^[A-Z]{3}$/.test(c), 'ISO 3166-1 alpha-3 codes such as "CHE"');
  if (countries) {
    where.push(`EXISTS (SELECT 1 FROM ${table}_country fc WHERE fc.${table}_id = t.id AND fc.country_code = ANY(${params.add(countries, 'text[]')}))`);
  }
  if (filter.scopes) where.push(`t.scope = ANY(${params.add(list('scopes', filter.scopes, () => true, 'scopes'), 'text[]')})`);
  if (filter.text != null) {
    const text = plainText('filter.text', filter.text.trim());
    if (text.length === 0 || text.length > 200) throw userInputError('filter.text', 'filter.text must hold 1 to 200 characters.');
    where.push(`t.search_${locale} @@ websearch_to_tsquery('${DICTIONARY[locale]}', ${params.add(text, 'text')})`);
  }
  return where;
}

/** `from <= to` for a pair of optional bounds (dates or instants), else a BAD_USER_INPUT. */
export function checkRange(fromName: string, from: string | Date | null | undefined, toName: string, to: string | Date | null | undefined): void {
  if (from == null || to == null) return;
  const a = from instanceof Date ? from.toISOString() : from;
  const b = to instanceof Date ? to.toISOString() : to;
  if (a > b) throw userInputError(fromName, `${fromName} (${a}) must not be after ${toName} (${b}).`);
}
