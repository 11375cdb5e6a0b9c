import { defineModule } from '../graph/module';
import { Objective } from './objective.entity';
import { createObjectiveLoaders } from './objective.loaders';
import { objectiveReferences } from './objective.reference';
import { ObjectiveLinkResolver, ObjectiveResolver } from './objective.resolver';

export const objectiveModule = defineModule({
  name: 'objective',
  resolvers: [ObjectiveResolver, ObjectiveLinkResolver],
  entities: [Objective],
  references: objectiveReferences,
  createLoaders: createObjectiveLoaders,
});
