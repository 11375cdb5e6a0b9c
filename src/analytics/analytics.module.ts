import { defineModule } from '../graph/module';
import { CoverageResolver } from './analytics.resolver';

export const analyticsModule = defineModule({
  name: 'analytics',
  resolvers: [CoverageResolver],
});
