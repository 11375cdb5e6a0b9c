import type { LoaderDeps } from '../graph/module';
import { countriesByCode, countriesOf, regionsByCode, regionsOf } from './geography.store';

export function createGeographyLoaders({ sql, loader }: LoaderDeps) {
  return {
    region: loader((codes: readonly string[]) => regionsByCode(sql, codes)),
    country: loader((codes: readonly string[]) => countriesByCode(sql, codes)),
    regionsOfPractice: loader((ids: readonly string[]) => regionsOf(sql, 'practice', ids)),
    regionsOfResource: loader((ids: readonly string[]) => regionsOf(sql, 'resource', ids)),
    countriesOfPractice: loader((ids: readonly string[]) => countriesOf(sql, 'practice', ids)),
    countriesOfResource: loader((ids: readonly string[]) => countriesOf(sql, 'resource', ids)),
  };
}
