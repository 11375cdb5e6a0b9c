import type DataLoader from 'dataloader';
import type { Context } from '../context';
import { referenceById } from '../graph/reference-by-id';
import { CommunityGroup } from './community-group.entity';
import { createGroupLoaders } from './community-group.loaders';
import { CommunityGroupMutations } from './community-group.mutations';
import { CommunityGroupResolver } from './community-group.resolver';
import { defineModule } from '../graph/module';

export const communityGroupModule = defineModule({
  name: 'community-group',
  resolvers: [CommunityGroupResolver, CommunityGroupMutations],
  entities: [CommunityGroup],
  references: { CommunityGroup: referenceById((ctx: Context): DataLoader<string, unknown> => ctx.loaders.group) },
  createLoaders: createGroupLoaders,
});
