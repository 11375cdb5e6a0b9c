import { checkRange, contentConditions, dateParam } from '../content/content-filter';
import type { SqlParams } from '../graph/sql-params';
import { isUuid } from '../graph/ids';
import { userInputError } from '../graph/user-input-error';
import type { Locale } from '../i18n/localized-text';
import type { PracticeFilter } from './practice.inputs';

/**
 * SQL conditions over a practice row `t` for a PracticeFilter (validated: a bad value is a
 * BAD_USER_INPUT error naming the field). Shared by every list of practices and by the
 * objective network, so an edge drills down to exactly its practices.
 */
export function practiceConditions(filter: PracticeFilter | null | undefined, params: SqlParams, locale: Locale): string[] {
  const where = contentConditions('practice', filter, params, locale);
  if (!filter) return where;
  if (filter.guidingPrinciples) {
    if (filter.guidingPrinciples.some((c) => !/^[A-Z_]{2,40}$/.test(c))) {
      throw userInputError('filter.guidingPrinciples', 'filter.guidingPrinciples must hold principle codes such as "CHILD_SENSITIVE" (see Query.guidingPrinciples).');
    }
    where.push(`EXISTS (SELECT 1 FROM practice_guiding_principle fg WHERE fg.practice_id = t.id AND fg.principle_code = ANY(${params.add(filter.guidingPrinciples, 'text[]')}))`);
  }
  if (filter.implementerKinds) {
    where.push(`EXISTS (SELECT 1 FROM practice_organization fi JOIN organization o ON o.id = fi.organization_id
      WHERE fi.practice_id = t.id AND fi.role = 'IMPLEMENTER' AND o.kind = ANY(${params.add(filter.implementerKinds, 'text[]')}))`);
  }
  if (filter.call != null) {
    if (!isUuid(filter.call)) throw userInputError('filter.call', `filter.call must be the id of a call for practices; got "${filter.call}".`);
    where.push(`t.call_id = ${params.add(filter.call.toLowerCase(), 'uuid')}`);
  }
  checkRange('filter.activeFrom', filter.activeFrom, 'filter.activeTo', filter.activeTo);
  // Overlap of [start_date, end_date] with [activeFrom, activeTo]; no end date means ongoing.
  if (filter.activeFrom != null) where.push(`(t.end_date IS NULL OR t.end_date >= ${params.addBound(dateParam('filter.activeFrom', filter.activeFrom), 'date')})`);
  if (filter.activeTo != null) where.push(`(t.start_date IS NULL OR t.start_date <= ${params.addBound(dateParam('filter.activeTo', filter.activeTo), 'date')})`);
  return where;
}
