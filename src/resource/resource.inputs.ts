import { Field, ID, InputType, Int } from 'type-graphql';
import { GeographicScope } from '../content/geographic-scope';
import { DateScalar, URLScalar } from '../graph/scalars';
import { Locale } from '../i18n/localized-text';
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

@InputType({ description: 'A resource draft: on create, title, summary, type, url and scope are required; on update, absent fields stay as they are and given lists replace the old ones.' })
export class ResourceInput {
  @Field(() => Locale, { nullable: true, description: 'The language the texts are written in (default EN).' })
  locale?: Locale | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters.' })
  summary?: string | null;

  @Field(() => ResourceType, { nullable: true })
  type?: ResourceType | null;

  @Field(() => URLScalar, { nullable: true, description: 'An http or https address.' })
  url?: URL | string | null;

  @Field(() => GeographicScope, { nullable: true })
  scope?: GeographicScope | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true })
  countries?: string[] | null;

  @Field(() => [Int], { nullable: true })
  objectives?: number[] | null;

  @Field(() => ID, { nullable: true, description: 'The publishing organization.' })
  publisherId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the resource itself was published.' })
  publishedOn?: string | null;
}
