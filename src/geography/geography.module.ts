import { defineModule } from '../graph/module';
import { Country } from './country.entity';
import { createGeographyLoaders } from './geography.loaders';
import { CountryResolver, RegionResolver } from './geography.resolver';
import { Region } from './region.entity';

export const geographyModule = defineModule({
  name: 'geography',
  resolvers: [RegionResolver, CountryResolver],
  entities: [Region, Country],
  createLoaders: createGeographyLoaders,
});
