import { CuratedView } from './curated-view.entity';
import { createViewLoaders } from './curated-view.loaders';
import { CuratedViewMutations } from './curated-view.mutations';
import { CuratedViewResolver } from './curated-view.resolver';
import { defineModule } from '../graph/module';

export const curatedViewModule = defineModule({
  name: 'curated-view',
  resolvers: [CuratedViewResolver, CuratedViewMutations],
  entities: [CuratedView],
  createLoaders: createViewLoaders,
});
