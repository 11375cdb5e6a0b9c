import { Field, ID, InputType, Int } from 'type-graphql';
import { GeographicScope } from '../content/geographic-scope';
import { DateScalar } from '../graph/scalars';
import { OrganizationKind } from '../organization/organization-kind';

@InputType({ description: 'Narrows a list of practices. Each list means "any of"; given fields combine with AND.' })
export class PracticeFilter {
  @Field(() => [Int], { nullable: true, description: 'Addresses any of these objectives (1..23).' })
  objectives?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'Follows any of these guiding principles (codes, e.g. CHILD_SENSITIVE).' })
  guidingPrinciples?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'M49 codes: tagged with the region (or one inside it), or with a country in it.' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3 codes.' })
  countries?: string[] | null;

  @Field(() => [GeographicScope], { nullable: true })
  scopes?: GeographicScope[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Implemented by an organization of any of these kinds.' })
  implementerKinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Submitted in answer to this call for practices.' })
  call?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The practice period overlaps [activeFrom, activeTo]; an open end counts as ongoing.' })
  activeFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  activeTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search in the request locale (title over summary over body), with stemming.' })
  text?: string | null;
}
