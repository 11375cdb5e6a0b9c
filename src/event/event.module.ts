import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { Event } from './event.entity';
import { createEventLoaders } from './event.loaders';
import { EventResolver } from './event.resolver';
import { defineModule } from '../graph/module';

export const eventModule = defineModule({
  name: 'event',
  resolvers: [EventResolver],
  entities: [Event],
  references: { Event: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.event) },
  createLoaders: createEventLoaders,
});
