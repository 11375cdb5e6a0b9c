import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { Country } from '../geography/country.entity';
import { Region } from '../geography/region.entity';
import { CuratedView } from '../curated-view/curated-view.entity';
import { Objective } from '../objective/objective.entity';
import { GuidingPrinciple } from '../principle/guiding-principle.entity';
import { nodeId } from './node-id';

const ID_DESCRIPTION = 'Unique across all types; stable; pass it to `node(id:)`. Treat it as opaque.';

// The `id` of the types keyed by a code, made from the code (node-id.ts): no statement.

@Resolver(() => Objective)
export class ObjectiveIdResolver {
  @FieldResolver(() => ID, { description: `${ID_DESCRIPTION} E.g. "objective-10"; the federation key stays \`number\`.` })
  id(@Root() objective: Readonly<Objective>): string {
    return nodeId('Objective', objective.number);
  }
}

@Resolver(() => Region)
export class RegionIdResolver {
  @FieldResolver(() => ID, { description: `${ID_DESCRIPTION} E.g. "region-002".` })
  id(@Root() region: Readonly<Region>): string {
    return nodeId('Region', region.code);
  }
}

@Resolver(() => Country)
export class CountryIdResolver {
  @FieldResolver(() => ID, { description: `${ID_DESCRIPTION} E.g. "country-CHE".` })
  id(@Root() country: Readonly<Country>): string {
    return nodeId('Country', country.code);
  }
}

@Resolver(() => GuidingPrinciple)
export class GuidingPrincipleIdResolver {
  @FieldResolver(() => ID, { description: `${ID_DESCRIPTION} E.g. "guiding-principle-CHILD_SENSITIVE".` })
  id(@Root() principle: Readonly<GuidingPrinciple>): string {
    return nodeId('GuidingPrinciple', principle.code);
  }
}

@Resolver(() => CuratedView)
export class CuratedViewIdResolver {
  @FieldResolver(() => ID, { description: `${ID_DESCRIPTION} E.g. "curated-view-home".` })
  id(@Root() view: Readonly<CuratedView>): string {
    return nodeId('CuratedView', view.slug);
  }
}
