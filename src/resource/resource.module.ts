import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { Resource } from './resource.entity';
import { createResourceLoaders } from './resource.loaders';
import { ResourceMutations } from './resource.mutations';
import { ResourceResolver } from './resource.resolver';
import { defineModule } from '../graph/module';

export const resourceModule = defineModule({
  name: 'resource',
  resolvers: [ResourceResolver, ResourceMutations],
  entities: [Resource],
  references: { Resource: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.resource) },
  createLoaders: createResourceLoaders,
});
