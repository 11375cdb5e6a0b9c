import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { defineModule } from '../graph/module';
import { referenceById } from '../graph/reference-by-id';
import { Organization } from './organization.entity';
import { createOrganizationLoaders } from './organization.loaders';
import { OrganizationResolver } from './organization.resolver';

export const organizationModule = defineModule({
  name: 'organization',
  resolvers: [OrganizationResolver],
  entities: [Organization],
  references: { Organization: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.organization) },
  createLoaders: createOrganizationLoaders,
});
