import type { VisibilityPolicy } from '../auth/visibility';
import type { Sql } from '../db/sql';
import { SqlParams } from '../graph/sql-params';
import { Locale } from '../i18n/localized-text';
import { allObjectives } from '../objective/objective.store';
import { objectiveNetworkFor } from '../objective/objective-network.sql';
import { practiceConditions } from '../practice/practice-filter';
import type { ExportQuery } from './export-params';
import { toGexf, toGraphml } from './network-formats';
import { practiceObjectiveCsv } from './practice-objectives-csv';

export type ExportFormat = 'gexf' | 'graphml' | 'csv';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * An export as a stream of text chunks. The filter is checked (throwing BAD_USER_INPUT)
 * before the first chunk, so a caller can still answer 400.
 */
export async function exportChunks(sql: Sql, policy: VisibilityPolicy, format: ExportFormat, query: ExportQuery, locale: Locale = Locale.EN): Promise<AsyncIterable<string>> {
  const params = new SqlParams();
  const conditions = practiceConditions(query.filter, params, locale);
  if (format === 'csv') return practiceObjectiveCsv(sql, policy, query.filter, locale);
  const [network, objectives] = await Promise.all([objectiveNetworkFor(sql, policy, query.filter, conditions, params, query.minShared), allObjectives(sql)]);
  const titles = new Map(objectives.map((o) => [o.number, o.shortTitle]));
  const description = `Objectives of the Global Compact for Migration addressed together by ${network.practiceCount} published practices (filter: ${JSON.stringify(query.filter)}, minShared ${query.minShared}).`;
  const text = format === 'gexf' ? toGexf({ network, titles, description }) : toGraphml({ network, titles, description });
  return (async function* () {
    yield text;
  })();
}
