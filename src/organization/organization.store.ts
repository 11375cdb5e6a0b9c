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
  return groupedQuery(sql, organizationsByPracticeStatement(role), ids);
}

/** The statement of `organizationsByPractice` (`$1` the practices' ids; the role is one of two constants). */
export function organizationsByPracticeStatement(role: 'IMPLEMENTER' | 'PARTNER'): string {
  return `/* organizationsByPractice_${role} */ SELECT l.practice_id AS parent, ${COLUMNS}
    FROM practice_organization l JOIN organization o ON o.id = l.organization_id
    WHERE l.practice_id = ANY($1::uuid[]) AND l.role = '${role === 'PARTNER' ? 'PARTNER' : 'IMPLEMENTER'}' ORDER BY o.name, o.id`;
}

/** Organizers of each event, by name. */
export function organizersByEvent(sql: Sql, ids: readonly string[]): Promise<Organization[][]> {
  return groupedQuery(sql, `/* organizersByEvent */ SELECT l.event_id AS parent, ${COLUMNS}
    FROM event_organizer l JOIN organization o ON o.id = l.organization_id
    WHERE l.event_id = ANY($1::uuid[]) ORDER BY o.name, o.id`, ids);
}
