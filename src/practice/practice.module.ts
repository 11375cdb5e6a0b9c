import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { Practice } from './practice.entity';
import { createPracticeLoaders } from './practice.loaders';
import { PracticeMutations } from './practice.mutations';
import { PracticeResolver } from './practice.resolver';
import { defineModule } from '../graph/module';

export const practiceModule = defineModule({
  name: 'practice',
  resolvers: [PracticeResolver, PracticeMutations],
  entities: [Practice],
  references: { Practice: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.practice) },
  createLoaders: createPracticeLoaders,
});
