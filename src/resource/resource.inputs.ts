import { Field, ID, InputType, Int } from 'type-graphql';
import { GeographicScope } from '../content/geographic-scope';
import { DateScalar, URLScalar } from '../graph/scalars';
import { Locale } from '../i18n/localized-text';
import { ResourceType } from './resource-type';

@InputType({ description: 'Narrows a list of resources. Each list means "any of"; given fields combine with AND.' })
export class ResourceFilter {
  @Field(() => [Int], { nullable: true, description: 'Addresses any of these objectives (1..23).' })
  objectives?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'M49 codes: tagged with the region (or one inside it), or with a country in it.' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tagged with any of these countries (ISO 3166-1 alpha-3 codes, e.g. "CHE").' })
  countries?: string[] | null;

  @Field(() => [GeographicScope], { nullable: true, description: 'Has any of these geographic scopes.' })
  scopes?: GeographicScope[] | null;

  @Field(() => [ResourceType], { nullable: true, description: 'Is of any of these types.' })
  types?: ResourceType[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day.' })
  publishedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day.' })
  publishedTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search (web search syntax: words, "quoted phrases", -exclusions) in the request locale, with stemming; 1..200 characters.' })
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

  @Field(() => ResourceType, { nullable: true, description: 'What kind of publication it is; required on create.' })
  type?: ResourceType | null;

  @Field(() => URLScalar, { nullable: true, description: 'An http or https address.' })
  url?: URL | string | null;

  @Field(() => GeographicScope, { nullable: true, description: 'How far its subject reaches, GLOBAL to LOCAL; required on create.' })
  scope?: GeographicScope | null;

  @Field(() => [String], { nullable: true, description: 'M49 codes of the regions it covers, at most 100.' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3 codes of the countries it covers, at most 100.' })
  countries?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Objective numbers 1..23; at least one is needed to submit.' })
  objectives?: number[] | null;

  @Field(() => ID, { nullable: true, description: 'The publishing organization.' })
  publisherId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the resource itself was published.' })
  publishedOn?: string | null;
}
