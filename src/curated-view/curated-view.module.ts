import { CuratedView } from './curated-view.entity';
import { createViewLoaders } from './curated-view.loaders';
import { CuratedViewResolver } from './curated-view.resolver';
import { defineModule } from '../graph/module';

export const curatedViewModule = defineModule({
  name: 'curated-view',
  resolvers: [CuratedViewResolver],
  entities: [CuratedView],
  createLoaders: createViewLoaders,
});
