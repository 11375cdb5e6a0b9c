import { Field, InputType, Int } from 'type-graphql';
import { GeographicScope } from '../content/geographic-scope';
import { DateScalar } from '../graph/scalars';
import { ResourceType } from './resource-type';

@InputType({ description: 'Narrows a list of resources. Each list means "any of"; given fields combine with AND.' })
export class ResourceFilter {
  @Field(() => [Int], { nullable: true })
  objectives?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'M49 codes: tagged with the region (or one inside it), or with a country in it.' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true })
  countries?: string[] | null;

  @Field(() => [GeographicScope], { nullable: true })
  scopes?: GeographicScope[] | null;

  @Field(() => [ResourceType], { nullable: true })
  types?: ResourceType[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day.' })
  publishedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day.' })
  publishedTo?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}
