import { defineModule } from '../graph/module';
import { ViewerResolver } from './viewer.resolver';

/** Query.viewer: the signed-in person's own items and assignments. */
export const viewerModule = defineModule({
  name: 'viewer',
  resolvers: [ViewerResolver],
});
