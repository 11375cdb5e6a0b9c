import { defineModule } from '../graph/module';
import { RosterResolver } from './roster.resolver';

/** The peer review roster: who is on it, and applications to join it. */
export const rosterModule = defineModule({
  name: 'roster',
  resolvers: [RosterResolver],
});
