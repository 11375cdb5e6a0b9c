import type { Sql } from '../db/sql';
import { rowsByIds } from '../graph/rows-by-ids';
import { groupedQuery } from '../graph/grouped-query';
import type { Organization } from './organization.entity';

const COLUMNS = 'o.id, o.name, o.kind, o.country_code AS "countryCode"';

export async function organizationsById(sql: Sql, ids: readonly string[]): Promise<(Organization | null)[]> {
  return rowsByIds<Organization>(sql, `/* organizationsById */ SELECT ${COLUMNS} FROM organization o WHERE o.id = ANY($1::uuid[])`, ids);
}

/** Implementers or partners of each practice, by name. */
export function organizationsByPractice(sql: Sql, role: 'IMPLEMENTER' | 'PARTNER', ids: readonly string[]): Promise<Organization[][]> {
  return groupedQuery(sql, `/* organizationsByPractice_${role} */ SELECT l.practice_id AS parent, ${COLUMNS}
    FROM practice_organization l JOIN organization o ON o.id = l.organization_id
    WHERE l.practice_id = ANY($1::uuid[]) AND l.role = $2 ORDER BY o.name, o.id`, ids, [role]);
}

/** Organizers of each event, by name. */
export function organizersByEvent(sql: Sql, ids: readonly string[]): Promise<Organization[][]> {
  return groupedQuery(sql, `/* organizersByEvent */ SELECT l.event_id AS parent, ${COLUMNS}
    FROM event_organizer l JOIN organization o ON o.id = l.organization_id
    WHERE l.event_id = ANY($1::uuid[]) ORDER BY o.name, o.id`, ids);
}
