import { defineModule } from '../graph/module';
import { GuidingPrinciple } from './guiding-principle.entity';
import { createPrincipleLoaders } from './guiding-principle.loaders';
import { GuidingPrincipleResolver } from './guiding-principle.resolver';

export const guidingPrincipleModule = defineModule({
  name: 'guiding-principle',
  resolvers: [GuidingPrincipleResolver],
  entities: [GuidingPrinciple],
  createLoaders: createPrincipleLoaders,
});
