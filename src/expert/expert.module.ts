import { Expert } from './expert.entity';
import { createExpertLoaders } from './expert.loaders';
import { expertReferences } from './expert.reference';
import { ExpertResolver } from './expert.resolver';
import { defineModule } from '../graph/module';

export const expertModule = defineModule({
  name: 'expert',
  resolvers: [ExpertResolver],
  entities: [Expert],
  references: expertReferences,
  createLoaders: createExpertLoaders,
});
