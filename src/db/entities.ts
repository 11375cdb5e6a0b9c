import { CallForPractices } from '../call/call-for-practices.entity';
import { CommunityGroup } from '../community-group/community-group.entity';
import { CuratedView } from '../curated-view/curated-view.entity';
import { Event } from '../event/event.entity';
import { Expert } from '../expert/expert.entity';
import { Country } from '../geography/country.entity';
import { Region } from '../geography/region.entity';
import { Objective } from '../objective/objective.entity';
import { Organization } from '../organization/organization.entity';
import { Practice } from '../practice/practice.entity';
import { GuidingPrinciple } from '../principle/guiding-principle.entity';
import { Resource } from '../resource/resource.entity';
import { Review } from '../review/review.entity';

/** Every TypeORM entity of the graph. */
export const ENTITIES = [
  Objective,
  GuidingPrinciple,
  Region,
  Country,
  Organization,
  Expert,
  CommunityGroup,
  CallForPractices,
  Practice,
  Resource,
  Review,
  Event,
  CuratedView,
];
