import { createHash } from 'node:crypto';
import { userInputError } from './user-input-error';

export type KeyType = 'smallint' | 'bigint' | 'numeric' | 'text' | 'uuid' | 'timestamptz';

/** One sort key: an SQL expression over the row alias `t`, ascending, never NULL. */
export interface OrderKey {
  expr: string;
  type: KeyType;
}

/**
 * A total order over a list: ascending keys, the last one unique (the id), so that a
 * keyset cursor (the keys of the last row seen) continues exactly where a page ended.
 */
export interface Ordering {
  name: string;
  keys: readonly OrderKey[];
}

const inRange = (v: unknown, digits: RegExp, min: bigint, max: bigint) => {
  const text = typeof v === 'number' && Number.isInteger(v) ? String(v) : v;
  return typeof text === 'string' && digits.test(text) && BigInt(text) >= min && BigInt(text) <= max;
};

/** What a cursor value must be for each key type, so forged cursors never reach SQL as casts that fail. */
const VALID: Record<KeyType, (v: unknown) => boolean> = {
  smallint: (v) => inRange(v, /^-?\d{1,5}$/, -32768n, 32767n),
  bigint: (v) => inRange(v, /^-?\d{1,19}$/, -9223372036854775808n, 9223372036854775807n),
  numeric: (v) => typeof v === 'string' && /^-?\d{1,10}(\.\d{1,10})?$/.test(v),
  text: (v) => typeof v === 'string' && v.length <= 100_000,
  uuid: (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v),
  timestamptz: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(v) && !Number.isNaN(Date.parse(v)),
};

const PREFIX = 'hg1:';

/**
 * The ordering, named for one list (field, parent, filter): its cursors are refused by any
 * other list, even one with the same order.
 */
export function scopedOrdering(ordering: Ordering, ...scope: unknown[]): Ordering {
  const digest = createHash('sha1').update(JSON.stringify(scope)).digest('base64url').slice(0, 10);
  return { ...ordering, name: `${ordering.name}@${digest}` };
}

/** An opaque cursor holding the ordering's name and the row's key values. */
export function encodeCursor(ordering: Ordering, values: readonly unknown[]): string {
  const plain = values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(PREFIX + JSON.stringify([ordering.name, ...plain]), 'utf8').toString('base64url');
}

/**
 * The key values of a cursor made by `encodeCursor` for the same ordering. Anything else
 * (garbage, a cursor of another list or order) is a BAD_USER_INPUT error.
 */
export function decodeCursor(ordering: Ordering, cursor: string, argumentName = 'after'): unknown[] {
  const bad = () =>
    userInputError(
      argumentName,
      `"${cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor}" is not a cursor of this list in this order: pass an endCursor or edges.cursor from the same field with the same orderBy and filter.`,
    );
  let parsed: unknown;
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith(PREFIX)) throw bad();
    parsed = JSON.parse(text.slice(PREFIX.length));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed[0] !== ordering.name || parsed.length !== ordering.keys.length + 1) throw bad();
  const values = parsed.slice(1);
  if (!values.every((v, i) => VALID[ordering.keys[i].type](v))) throw bad();
  return values;
}

export const MAX_FIRST = 100;

/** `first` as given, or the default; outside 0..100 is a BAD_USER_INPUT error. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_FIRST) {
    throw userInputError('first', `first must be between 0 and ${MAX_FIRST}; got ${size}.`);
  }
  return size;
}
