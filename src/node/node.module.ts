import { defineModule } from '../graph/module';
import { CountryIdResolver, CuratedViewIdResolver, GuidingPrincipleIdResolver, ObjectiveIdResolver, RegionIdResolver } from './node-id.resolver';
import { NodeResolver } from './node.resolver';

/**
 * Relay object identification: the `Node` interface, `node(id:)` and `nodes(ids:)`, and the
 * `id` of the types keyed by a code. It adds no loaders: a node loads through its type's.
 */
export const nodeModule = defineModule({
  name: 'node',
  resolvers: [NodeResolver, ObjectiveIdResolver, RegionIdResolver, CountryIdResolver, GuidingPrincipleIdResolver, CuratedViewIdResolver],
});
