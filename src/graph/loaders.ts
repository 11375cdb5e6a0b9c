import DataLoader from 'dataloader';
import type { Sql } from '../db/sql';
import { countriesByCode, regionsByCode } from '../geography/geography.loaders';
import { objectivesByNumber } from '../objective/objective.loaders';

/**
 * The request's DataLoaders. Made fresh for every request by the context factory, so a
 * cache never outlives the request nor crosses callers with different visibility.
 */
export function createLoaders(sql: Sql) {
  return {
    objective: new DataLoader((numbers: readonly number[]) => objectivesByNumber(sql, numbers)),
    region: new DataLoader((codes: readonly string[]) => regionsByCode(sql, codes)),
    country: new DataLoader((codes: readonly string[]) => countriesByCode(sql, codes)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
