import type { Sql } from '../db/sql';
import { InputCheck, MAX_TEXT } from '../graph/input-check';
import { SqlParams } from '../graph/sql-params';
import { userError, UserErrorCode, type UserError } from '../graph/user-error';
import { Locale } from '../i18n/localized-text';
import type { GeographicScope } from './geographic-scope';

export type ContentKind = 'practice' | 'resource';

/** A column to write: a plain value, or a localized text stored under the input's locale. */
export interface ColumnWrite {
  column: string;
  value: unknown;
  cast: string;
  localized?: boolean;
}

/** A link table to set to exactly `values` (an absent list leaves the links as they are). */
export interface LinkWrite {
  table: string;
  column: string;
  cast: string;
  values: readonly unknown[];
  /** Extra fixed columns of the link rows, e.g. { role: 'IMPLEMENTER' }. */
  fixed?: Record<string, string>;
}

/** Fields practices and resources share, as given in an input. */
export interface SharedContentInput {
  locale?: Locale | null;
  title?: string | null;
  summary?: string | null;
  scope?: GeographicScope | null;
  regions?: string[] | null;
  countries?: string[] | null;
  objectives?: number[] | null;
}

/** Validates the shared fields into column and link writes (INVALID_INPUT on `check`). */
export function sharedContentWrites(kind: ContentKind, input: SharedContentInput, check: InputCheck): { columns: ColumnWrite[]; links: LinkWrite[] } {
  const columns: ColumnWrite[] = [];
  const links: LinkWrite[] = [];
  const title = check.text('title', input.title);
  if (title !== undefined) columns.push({ column: 'title', value: title, cast: 'text', localized: true });
  const summary = check.text('summary', input.summary, MAX_TEXT);
  if (summary !== undefined) columns.push({ column: 'summary', value: summary, cast: 'text', localized: true });
  if (input.scope != null) columns.push({ column: 'scope', value: input.scope, cast: 'text' });
  const regions = check.list('regions', input.regions, (c) => /^[0-9]{3}$/.test(c), 'three-digit UN M49 codes such as "002"');
  if (regions) links.push({ table: `${kind}_region`, column: 'region_code', cast: 'text', values: regions });
  const countries = check.list('countries', input.countries, (c) => /^[A-Z]{3}$/.test(c), 'ISO 3166-1 alpha-3 codes such as "CHE"');
  if (countries) links.push({ table: `${kind}_country`, column: 'country_code', cast: 'text', values: countries });
  const objectives = check.objectives('objectives', input.objectives);
  if (objectives) links.push({ table: `${kind}_objective`, column: 'objective_number', cast: 'smallint', values: objectives });
  return { columns, links };
}

/** What a reference list must name, for the one statement that finds unknown ones. */
export interface ReferenceCheck {
  field: string[];
  table: string;
  key: string;
  cast: string;
  values: readonly unknown[];
}

/** NOT_FOUND for every referenced code or id that does not exist, in one statement. */
export async function missingReferences(sql: Sql, checks: ReferenceCheck[]): Promise<UserError[]> {
  const given = checks.filter((c) => c.values.length > 0);
  if (given.length === 0) return [];
  const params = new SqlParams();
  const parts = given.map((c, i) =>
    `SELECT ${i} AS i, v::text AS value FROM unnest(${params.add(c.values, `${c.cast}[]`)}) v WHERE NOT EXISTS (SELECT 1 FROM ${c.table} x WHERE x.${c.key} = v)`);
  const rows = await sql.query<{ i: number; value: string }>(`/* missingReferences */ ${parts.join(' UNION ALL ')}`, params.values);
  return rows.map((row) => {
    const check = given[row.i];
    return userError(UserErrorCode.NOT_FOUND, `${check.field[check.field.length - 1]}: nothing is known as "${row.value}".`, check.field);
  });
}

/** Localized text `value` (param) merged into the column's jsonb under `locale`; English is set when missing. */
function localizedSql(column: string | null, value: string, locale: string): string {
  const add = `jsonb_build_object(${locale}::text, ${value}::text)`;
  if (column === null) return `(jsonb_build_object('en', ${value}::text) || ${add})`;
  return `(CASE WHEN ${column} ? 'en' THEN ${column} || ${add} ELSE jsonb_build_object('en', ${value}::text) || ${add} END)`;
}

/**
 * The placeholder of the locale, added on first use only: a parameter that no localized
 * column refers to has no type PostgreSQL can infer ("could not determine data type of
 * parameter"), which failed every update without a text field.
 */
function localeParam(params: SqlParams, locale: Locale): () => string {
  let placeholder: string | undefined;
  return () => (placeholder ??= params.add(locale, 'text'));
}

/** CTEs that set each link table of `links` to exactly its values, for the item `$id`. */
function linkCtes(kind: ContentKind, id: string, links: LinkWrite[], params: SqlParams): string[] {
  return links.flatMap((link, i) => {
    const values = params.add(link.values, `${link.cast}[]`);
    const fixedCols = Object.keys(link.fixed ?? {});
    const fixedWhere = fixedCols.map((c) => ` AND ${c} = ${params.add(link.fixed![c], 'text')}`).join('');
    const fixedValues = fixedCols.map((c) => `, ${params.add(link.fixed![c], 'text')}`).join('');
    return [
      `del${i} AS (DELETE FROM ${link.table} WHERE ${kind}_id = ${id}${fixedWhere} AND NOT (${link.column} = ANY(${values})) RETURNING 1)`,
      `ins${i} AS (INSERT INTO ${link.table} (${kind}_id, ${link.column}${fixedCols.map((c) => `, ${c}`).join('')})
         SELECT ${id}, v${fixedValues} FROM unnest(${values}) v ON CONFLICT DO NOTHING RETURNING 1)`,
    ];
  });
}

/** Inserts a new item and its links in one statement. */
export async function insertContent(
  tx: Sql, kind: ContentKind, row: { id: string; slug: string; createdBy: string; locale: Locale },
  columns: ColumnWrite[], links: LinkWrite[],
): Promise<void> {
  const params = new SqlParams();
  const id = params.add(row.id, 'uuid');
  const locale = localeParam(params, row.locale);
  const names = ['id', 'slug', 'created_by', 'status', ...columns.map((c) => c.column)];
  const values = [id, params.add(row.slug, 'text'), params.add(row.createdBy, 'text'), `'DRAFT'`,
    ...columns.map((c) => (c.localized ? localizedSql(null, params.add(c.value), locale()) : params.add(c.value, c.cast)))];
  const ctes = linkCtes(kind, `(SELECT id FROM item)`, links, params);
  await tx.query(`/* insert_${kind} */ WITH item AS (INSERT INTO ${kind} (${names.join(', ')}) VALUES (${values.join(', ')}) RETURNING id)
    ${ctes.length ? `, ${ctes.join(',\n    ')}` : ''}
    SELECT id FROM item`, params.values);
}

/** Updates the given columns and links of an item in one statement. */
export async function updateContent(tx: Sql, kind: ContentKind, itemId: string, locale: Locale, columns: ColumnWrite[], links: LinkWrite[]): Promise<void> {
  const params = new SqlParams();
  const id = params.add(itemId, 'uuid');
  const lang = localeParam(params, locale);
  const sets = ['updated_at = now()', ...columns.map((c) => `${c.column} = ${c.localized ? localizedSql(c.column, params.add(c.value), lang()) : params.add(c.value, c.cast)}`)];
  const ctes = linkCtes(kind, id, links, params);
  await tx.query(`/* update_${kind} */ WITH item AS (UPDATE ${kind} SET ${sets.join(', ')} WHERE id = ${id} RETURNING id)
    ${ctes.length ? `, ${ctes.join(',\n    ')}` : ''}
    SELECT id FROM item`, params.values);
}

/** A URL-safe slug from a title, with a random suffix so two drafts of one title never clash. */
export function slugFrom(title: string, suffix: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base ? `${base}-${suffix}` : `item-${suffix}`;
}
