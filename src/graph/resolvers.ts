import type { NonEmptyArray } from 'type-graphql';
import { CountryResolver, RegionResolver } from '../geography/geography.resolver';
import { ObjectiveResolver } from '../objective/objective.resolver';
import { GuidingPrincipleResolver } from '../principle/guiding-principle.resolver';

/** Every resolver class of the graph. */
export const RESOLVERS: NonEmptyArray<Function> = [
  ObjectiveResolver,
  GuidingPrincipleResolver,
  RegionResolver,
  CountryResolver,
];
