import { TABLES, type SeedRows } from './tables';

const column = (table: 'practice' | 'resource' | 'review', name: string): number =>
  TABLES[table].findIndex(([n]) => n === name);

/**
 * Appends objective_count, review_count and review_score (mean, 3 decimals) to every
 * practice and resource row, exactly as the maintenance triggers would compute them.
 */
export function withAggregates(rows: SeedRows): void {
  for (const subject of ['practice', 'resource'] as const) {
    const objectives = new Map<string, number>();
    for (const [id] of rows[`${subject}_objective`]) objectives.set(id as string, (objectives.get(id as string) ?? 0) + 1);
    const subjectColumn = column('review', `${subject}_id`);
    const scoreColumn = column('review', 'score');
    const reviews = new Map<string, { n: number; sum: number }>();
    for (const review of rows.review) {
      const id = review[subjectColumn] as string | null;
      if (!id) continue;
      const agg = reviews.get(id) ?? { n: 0, sum: 0 };
      agg.n += 1;
      agg.sum += review[scoreColumn] as number;
      reviews.set(id, agg);
    }
    const width = column(subject, 'objective_count');
    for (const row of rows[subject]) {
      const id = row[0] as string;
      const agg = reviews.get(id);
      row.length = width;
      row.push(objectives.get(id) ?? 0, agg?.n ?? 0, agg ? (Math.round((agg.sum / agg.n) * 1000) / 1000).toFixed(3) : null);
    }
  }
}
