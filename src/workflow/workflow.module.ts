import { defineModule } from '../graph/module';
import { createWorkflowLoaders } from './workflow.loaders';
import { PracticeWorkflowResolver, ResourceWorkflowResolver } from './workflow.resolver';

/** Review rounds and histories of practices and resources, shared by both. */
export const workflowModule = defineModule({
  name: 'workflow',
  resolvers: [PracticeWorkflowResolver, ResourceWorkflowResolver],
  createLoaders: createWorkflowLoaders,
});
