import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { CallForPractices } from './call-for-practices.entity';
import { createCallLoaders } from './call.loaders';
import { CallMutations } from './call.mutations';
import { CallForPracticesResolver } from './call.resolver';
import { defineModule } from '../graph/module';

export const callModule = defineModule({
  name: 'call',
  resolvers: [CallForPracticesResolver, CallMutations],
  entities: [CallForPractices],
  references: { CallForPractices: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.call) },
  createLoaders: createCallLoaders,
});
