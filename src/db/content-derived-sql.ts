/**
 * SQL for what derives from a practice or resource row: ranking keys and full-text vectors.
 * Shared by the migrations that create and later correct the trigger functions.
 */

export const SCOPES = `'GLOBAL','REGIONAL','SUBREGIONAL','NATIONAL','LOCAL'`;

/** Undated items sort after every dated one. */
export const UNDATED = '9223372036854775807';

export const LANGUAGES = [
  ['english', 'en'],
  ['french', 'fr'],
  ['spanish', 'es'],
] as const;

/** The text of a localized column in `lang`, or English when that is missing or blank. */
function textIn(row: string, column: string, lang: string): string {
  return `coalesce(nullif(btrim(${row}.${column}->>'${lang}'), ''), ${row}.${column}->>'en', '')`;
}

/**
 * Weighted full-text vector of `row`: title (A) over summary (B) over body (C), in one
 * dictionary, each field in that language or else English.
 */
export function searchVector(dictionary: string, lang: string, body: readonly string[], row = 'NEW'): string {
  const parts = [
    `setweight(to_tsvector('${dictionary}', ${textIn(row, 'title', lang)}), 'A')`,
    `setweight(to_tsvector('${dictionary}', ${textIn(row, 'summary', lang)}), 'B')`,
  ];
  if (body.length > 0) {
    parts.push(`setweight(to_tsvector('${dictionary}', concat_ws(' ', ${body.map((c) => textIn(row, c, lang)).join(', ')})), 'C')`);
  }
  return parts.join(' || ');
}

/**
 * The BEFORE trigger function of a content table: ranking keys on every write, search
 * vectors only when text changes (so the frequent count updates stay cheap).
 * `epochMs` is the item's publication instant in milliseconds (NULL when undated).
 */
export function derivedFunctionSql(table: string, epochMs: string, body: readonly string[]): string {
  const textChanged = ['title', 'summary', ...body].map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  return `CREATE OR REPLACE FUNCTION hub_${table}_derived() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.rank_scope := coalesce(array_position(ARRAY[${SCOPES}]::text[], NEW.scope), 0);
      NEW.rank_objectives := -NEW.objective_count;
      NEW.rank_score := coalesce(-NEW.review_score, 0);
      NEW.rank_recency := coalesce(-${epochMs}, ${UNDATED});
      IF TG_OP = 'INSERT' OR ${textChanged} THEN
        ${LANGUAGES.map(([dict, lang]) => `NEW.search_${lang} := ${searchVector(dict, lang, body)};`).join('\n        ')}
      END IF;
      RETURN NEW;
    END $$`;
}

/** Recomputes every row's search vectors with the current definition. */
export function recomputeSearchSql(table: string, body: readonly string[]): string {
  return `UPDATE ${table} t SET ${LANGUAGES.map(([dict, lang]) => `search_${lang} = ${searchVector(dict, lang, body, 't')}`).join(', ')}`;
}

/** What each content table derives from. */
export const CONTENT_TABLES = {
  practice: { epochMs: `(extract(epoch FROM NEW.published_at) * 1000)::bigint`, body: ['lessons_learned', 'recommendations', 'takeaway'] },
  resource: { epochMs: `(NEW.published_on - DATE '1970-01-01')::bigint * 86400000`, body: [] as string[] },
} as const;
