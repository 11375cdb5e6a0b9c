/**
 * Folding loaders' statements into their parent's: when a resolver knows (from the query's
 * selection) which relations of the row it fetches will be asked for, its statement brings
 * each along as one JSON column, computed by the relation loader's own statement, and the
 * loader is primed with it. The field resolvers then find their rows in the loader's cache:
 * one statement for a page where there were one per relation. A page's cost on the server
 * was mostly per statement (writing it, parsing its row description and rows, its promise).
 *
 * The loader's statement is used as it is, its `= ANY($1::uuid[])` on the parent keys made a
 * reference to the parent row, so the folded rows are the loader's rows, in its order: a
 * subquery with ORDER BY is never flattened into its parent by PostgreSQL's planner, and a
 * plain aggregate (no GROUP BY) takes its rows as the sort hands them over. JSON differs from pg's own parsing
 * for a few types only: timestamptz (a Date from pg, a string in JSON) is revived by the
 * fold's `dates`; bigint and numeric (strings from pg, numbers in JSON) must not be folded.
 * test/graph/fold.test.ts compares every fold with its loader, row for row.
 */

/** How one relation is folded into its parent's statement. */
export interface Fold<Parent, Ctx> {
  /**
   * The loader's statement: `$1` in a single `= ANY($1::uuid[])` (or `text[]`) on the parent
   * keys. Any other parameter (`$2`…) is the parent statement's: its caller must pass it.
   */
  statement: string;
  /** `many`: the statement's rows (a list per parent); `one`: its row or null (a lookup by id). */
  kind: 'many' | 'one';
  /** The parent's column (as the parent statement names it) whose value `$1` took: `id`, `"callId"`. */
  key: string;
  /** Columns holding a timestamptz: made Dates, as pg makes them. */
  dates?: readonly string[];
  /** Gives the loader what it would have read. */
  prime(ctx: Ctx, parent: Parent, value: any): void;
}

/** How a loader statement takes its parent keys: ids or slugs. */
const KEY_PARAMETER = /= ANY\(\$1::(uuid|text)\[\]\)/g;

/** A statement's text as it is, or with more brought along (see foldedStatement). */
export type StatementShape = (text: string) => string;

/** A statement's text as it is: a store's default shape. */
export const asIs: StatementShape = (text) => text;

/** The alias of the parent row in a folded statement. */
export const FOLD_PARENT = '__parent_row';

/** The JSON column of fold `name`. */
function columnOf(name: string): string {
  return `__fold_${name}`;
}

/** The SQL expression of a fold, over the parent row aliased FOLD_PARENT. */
export function foldExpression(fold: Pick<Fold<unknown, unknown>, 'statement' | 'kind' | 'key'>): string {
  const id = `${fold.kind}\u0000${fold.key}\u0000${fold.statement}`;
  let expression = expressions.get(id);
  if (expression === undefined) {
    expression = buildExpression(fold);
    if (expressions.size >= 1000) expressions.clear();
    expressions.set(id, expression);
  }
  return expression;
}

/** Fold expressions by kind, key and statement: the same few on every request. */
const expressions = new Map<string, string>();

function buildExpression(fold: Pick<Fold<unknown, unknown>, 'statement' | 'kind' | 'key'>): string {
  // Only outside quoted literals: a visibility policy quotes a caller's id into the text, and
  // an id may read "$1" or even "= ANY($1::uuid[])".
  const parts = splitLiterals(fold.statement);
  let keys = 0;
  const inner = parts.map((part, i) => {
    if (i % 2 === 1) return part;
    keys += part.match(KEY_PARAMETER)?.length ?? 0;
    return part.replace(KEY_PARAMETER, `= ${FOLD_PARENT}.${fold.key}`);
  });
  if (keys !== 1) throw new Error(`fold: the statement must take its parent keys as one "= ANY($1::uuid[])" (or text[]): ${fold.statement.slice(0, 80)}`);
  if (inner.some((part, i) => i % 2 === 0 && /\$1(?!\d)/.test(part))) {
    throw new Error(`fold: $1 (the parent keys) may appear only in "= ANY($1::uuid[])": ${fold.statement.slice(0, 80)}`);
  }
  const text = inner.join('');
  return fold.kind === 'many'
    ? `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${text}) q)`
    : `(SELECT row_to_json(q) FROM (${text}) q)`;
}

/**
 * A statement cut at its quoted literals: code, literal, code, … (even indexes code). A
 * literal is '…' with '' for a quote inside, as pg's escapeLiteral writes it (E'…' too: it
 * doubles backslashes, so no \' is left).
 */
export function splitLiterals(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inLiteral = false;
  for (let i = 0; i < sql.length; i++) {
    if (sql[i] !== "'") continue;
    if (!inLiteral) {
      parts.push(sql.slice(start, i));
      start = i;
      inLiteral = true;
    } else if (sql[i + 1] === "'") {
      i += 1; // a quote inside the literal
    } else {
      parts.push(sql.slice(start, i + 1));
      start = i + 1;
      inLiteral = false;
    }
  }
  if (inLiteral) throw new Error(`fold: an unterminated literal in ${sql.slice(0, 80)}`);
  parts.push(sql.slice(start));
  return parts;
}

/**
 * The parent statement with the folds in `names` added: `rows` selects the parent rows (any
 * statement, its parameters kept); the result has its columns and one JSON column per fold.
 * `label` names it in logs (`/* label+regions+countries *\/`).
 */
export function foldedStatement(label: string, rows: string, folds: Readonly<Record<string, Fold<any, any>>>, names: readonly string[]): string {
  if (names.length === 0) return rows;
  const columns = names.map((name) => `, ${foldExpression(folds[name]!)} AS "${columnOf(name)}"`).join('');
  return `/* ${label}+${names.join('+')} */ SELECT ${FOLD_PARENT}.*${columns} FROM (${rows}) ${FOLD_PARENT}`;
}

function revive(row: Record<string, unknown>, dates: readonly string[] | undefined, many: boolean): Record<string, unknown> {
  if (many) delete row.parent; // the grouped statements' parent key
  if (dates) for (const column of dates) if (typeof row[column] === 'string') row[column] = new Date(row[column] as string);
  return row;
}

/**
 * Takes each fold's column off a parent row (in place) and primes its loader with the rows
 * it holds. Returns the row, as the parent's own statement would have read it.
 */
export function primeFolds<Parent extends object, Ctx>(ctx: Ctx, row: Parent, folds: Readonly<Record<string, Fold<Parent, Ctx>>>, names: readonly string[]): Parent {
  const source = row as Record<string, unknown>;
  for (const name of names) {
    const fold = folds[name]!;
    const column = columnOf(name);
    const value = source[column];
    delete source[column];
    if (fold.kind === 'many') {
      fold.prime(ctx, row, ((value ?? []) as Record<string, unknown>[]).map((item) => revive(item, fold.dates, true)));
    } else {
      fold.prime(ctx, row, value == null ? null : revive(value as Record<string, unknown>, fold.dates, false));
    }
  }
  return row;
}

/** The names among `names` (the folds' own order) whose field is in `fields`: one statement text per set, whatever the selection's order. */
export function selectedFolds(names: readonly string[], fields: ReadonlySet<string>): string[] {
  return names.filter((name) => fields.has(name));
}

/**
 * The distinct shapes (sets of folds) one kind of lookup has folded, at most `max`. Each shape
 * is one more statement text, which every pooled connection prepares and keeps a plan of (a
 * large one: it holds every folded statement), and a client picks the shape with its
 * selection (a practice's ten relations make 1,023). Past `max` a new shape is not folded: its
 * relations load as without folds. The shapes of the front-ends' pages are pinned at start.
 */
export class FoldShapes {
  private readonly seen = new Set<string>();
  private readonly pinned = new Set<string>();

  constructor(readonly max: number) {}

  /**
   * A shape always folded, outside the budget: the front-ends' own pages (src/fold-pins.ts), so
   * that no client can use the budget up before they are first asked for.
   */
  pin(shape: string): void {
    this.pinned.add(shape);
  }

  /** Whether `shape` may be folded: pinned, known, or new and under the budget (then known). */
  admit(shape: string): boolean {
    if (this.pinned.has(shape) || this.seen.has(shape)) return true;
    if (this.seen.size >= this.max) return false;
    this.seen.add(shape);
    return true;
  }

  /** Shapes admitted under the budget (the pinned ones not counted). */
  get size(): number {
    return this.seen.size;
  }

  /** Forgets every shape admitted under the budget; pinned ones stay (tests). */
  clear(): void {
    this.seen.clear();
  }
}
