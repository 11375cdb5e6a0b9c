import { Field, ID, InputType, Int } from 'type-graphql';
import { GeographicScope } from '../content/geographic-scope';
import { DateScalar } from '../graph/scalars';
import { OrganizationKind } from '../organization/organization-kind';
import { Locale } from '../i18n/localized-text';
import { CompletionStatus } from './completion-status';

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

  @Field(() => [GeographicScope], { nullable: true, description: 'Has any of these geographic scopes.' })
  scopes?: GeographicScope[] | null;

  @Field(() => [OrganizationKind], { nullable: true, description: 'Implemented by an organization of any of these kinds.' })
  implementerKinds?: OrganizationKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Submitted in answer to this call for practices.' })
  call?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The practice period overlaps [activeFrom, activeTo]; an open end counts as ongoing.' })
  activeFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'End of the period of activeFrom (inclusive); practices with no start date match.' })
  activeTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Full-text search in the request locale (title over summary over body), with stemming.' })
  text?: string | null;
}

@InputType({ description: 'The person to contact about a practice.' })
export class FocalPointInput {
  @Field({ description: 'At most 300 characters.' })
  name!: string;

  @Field({ description: 'A valid email address.' })
  email!: string;

  @Field({ description: 'At most 300 characters.' })
  organization!: string;
}

@InputType({ description: 'A practice draft: on create, title, summary and scope are required; on update, absent fields stay as they are and given lists replace the old ones.' })
export class PracticeInput {
  @Field(() => ID, { nullable: true, description: 'Answer to this Call for Practices (optional).' })
  callId?: string | null;

  @Field(() => Locale, { nullable: true, description: 'The language the texts are written in (default EN); English is filled from it while missing.' })
  locale?: Locale | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters.' })
  summary?: string | null;

  @Field(() => GeographicScope, { nullable: true, description: 'How far the practice reaches, GLOBAL to LOCAL; required on create.' })
  scope?: GeographicScope | null;

  @Field(() => [String], { nullable: true, description: 'M49 codes, at most 100.' })
  regions?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-3 codes, at most 100.' })
  countries?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Objective numbers 1..23.' })
  objectives?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'Guiding principle codes, e.g. CHILD_SENSITIVE.' })
  guidingPrinciples?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Implementing organizations (ids), at most 100.' })
  implementedBy?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Partner organizations (ids), at most 100.' })
  partners?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'When implementation began; the hub prefers practices implemented after December 2018.' })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before startDate.' })
  endDate?: string | null;

  @Field(() => CompletionStatus, { nullable: true, description: 'How far implementation has come; must be FULLY_COMPLETED or MOSTLY_COMPLETED to submit.' })
  completion?: CompletionStatus | null;

  @Field(() => FocalPointInput, { nullable: true, description: 'Whom to contact about the practice; required before it can be submitted.' })
  focalPoint?: FocalPointInput | null;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters.' })
  lessonsLearned?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters.' })
  recommendations?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters.' })
  takeaway?: string | null;
}
