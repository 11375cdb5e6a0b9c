import type { NonEmptyArray } from 'type-graphql';
import { CoverageResolver } from '../analytics/analytics.resolver';
import { CallForPracticesResolver } from '../call/call.resolver';
import { CommunityGroupResolver } from '../community-group/community-group.resolver';
import { CuratedViewResolver } from '../curated-view/curated-view.resolver';
import { EventResolver } from '../event/event.resolver';
import { ExpertResolver } from '../expert/expert.resolver';
import { CountryResolver, RegionResolver } from '../geography/geography.resolver';
import { ObjectiveLinkResolver, ObjectiveResolver } from '../objective/objective.resolver';
import { OrganizationResolver } from '../organization/organization.resolver';
import { PracticeResolver } from '../practice/practice.resolver';
import { GuidingPrincipleResolver } from '../principle/guiding-principle.resolver';
import { ResourceResolver } from '../resource/resource.resolver';
import { ReviewResolver } from '../review/review.resolver';

/** Every resolver class of the graph. */
export const RESOLVERS: NonEmptyArray<Function> = [
  ObjectiveResolver,
  ObjectiveLinkResolver,
  GuidingPrincipleResolver,
  RegionResolver,
  CountryResolver,
  PracticeResolver,
  ResourceResolver,
  ReviewResolver,
  ExpertResolver,
  OrganizationResolver,
  EventResolver,
  CommunityGroupResolver,
  CallForPracticesResolver,
  CuratedViewResolver,
  CoverageResolver,
];
