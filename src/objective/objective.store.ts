import type { Sql } from '../db/sql';
import { byKey } from '../graph/batch';
import { groupedQuery } from '../graph/grouped-query';
import type { Objective } from './objective.entity';

const COLUMNS = 'number, short_title AS "shortTitle", short_title_i18n AS "localizedShortTitle", title';

/** Every objective, in the Compact's order. */
export function allObjectives(sql: Sql): Promise<Objective[]> {
  return sql.query<Objective>(`/* allObjectives */ SELECT ${COLUMNS} FROM objective ORDER BY number`);
}

/** Objectives by number, in key order, null for a number that does not exist. */
export async function objectivesByNumber(sql: Sql, numbers: readonly number[]): Promise<(Objective | null)[]> {
  // Only 1..23 can exist; anything else (e.g. beyond smallint) is simply not found.
  const valid = numbers.filter((n) => Number.isInteger(n) && n >= 1 && n <= 23);
  const rows = await sql.query<Objective>(
    `/* objectivesByNumber */ SELECT ${COLUMNS} FROM objective WHERE number = ANY($1::smallint[])`,
    [valid],
  );
  return byKey(numbers, rows, (row) => row.number);
}

/** Link tables from an item to objectives, by the item's kind. */
const OBJECTIVE_LINKS = {
  practice: ['practice_objective', 'practice_id'],
  resource: ['resource_objective', 'resource_id'],
  event: ['event_objective', 'event_id'],
  group: ['community_group_objective', 'community_group_id'],
  call: ['call_for_practices_objective', 'call_id'],
  expert: ['expert_expertise', 'expert_id'],
} as const;

export type ObjectiveOwner = keyof typeof OBJECTIVE_LINKS;

/** The objectives of each item, by number; `[]` for an item with none. */
export function objectivesOf(sql: Sql, owner: ObjectiveOwner, ids: readonly string[]): Promise<Objective[][]> {
  return groupedQuery(sql, objectivesOfStatement(owner), ids);
}

/** The statement of `objectivesOf` (`$1` the owners' ids). */
export function objectivesOfStatement(owner: ObjectiveOwner): string {
  const [table, column] = OBJECTIVE_LINKS[owner];
  return `/* objectivesBy_${owner} */ SELECT l.${column} AS parent, o.number, o.short_title AS "shortTitle", o.short_title_i18n AS "localizedShortTitle", o.title
    FROM ${table} l JOIN objective o ON o.number = l.objective_number
    WHERE l.${column} = ANY($1::uuid[]) ORDER BY o.number`;
}
