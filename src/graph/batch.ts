/**
 * Orders batch results by key: one entry per key, `null` where no row matched, as the
 * DataLoader contract requires.
 */
export function byKey<K, Row>(keys: readonly K[], rows: Row[], keyOf: (row: Row) => K): (Row | null)[] {
  const map = new Map<K, Row>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups one-to-many batch results by key; a key with no rows gets `[]`. */
export function groupedByKey<K, Row, Value = Row>(
  keys: readonly K[],
  rows: Row[],
  keyOf: (row: Row) => K,
  valueOf: (row: Row) => Value = (row) => row as unknown as Value,
): Value[][] {
  const map = new Map<K, Value[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(valueOf(row));
    else map.set(key, [valueOf(row)]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
