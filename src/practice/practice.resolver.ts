import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { CallForPractices } from '../call/call-for-practices.entity';
import { ContentOrder } from '../content/orders';
import type { Context } from '../context';
import { Event } from '../event/event.entity';
import { Country } from '../geography/country.entity';
import { Region } from '../geography/region.entity';
import type { Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { lookup } from '../graph/lookup';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { Organization } from '../organization/organization.entity';
import { GuidingPrinciple } from '../principle/guiding-principle.entity';
import { Resource } from '../resource/resource.entity';
import { Review } from '../review/review.entity';
import { Practice } from './practice.entity';
import { practiceLookupLoader } from './practice.folds';
import { PracticeFilter } from './practice.inputs';
import { PracticeConnection, practiceConnection } from './practice-connection';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'One practice by id or slug (exactly one of them); null when none is visible.' })
  practice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The practice id (a UUID); give this or `slug`.' }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The practice slug; give this or `id`.' }) slug?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Practice | null> {
    // The loader of the key given (lookup rejects none or both before loading), reading the selected relations along.
    const loader = practiceLookupLoader(ctx, id != null ? 'id' : 'slug', info);
    return lookup('practice', { id, slug }, loader, loader);
  }

  @Query(() => PracticeConnection, { description: 'Published practices, ranked global-first by default.' })
  practices(
    @Ctx() ctx: Context,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Only practices matching every given criterion; all when omitted.' }) filter?: PracticeFilter | null,
    @Arg('orderBy', () => ContentOrder, { nullable: true, defaultValue: ContentOrder.RANK, description: 'The order of the list; RANK (global first) by default.' }) orderBy?: ContentOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '0..100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, 'root', 'root', { filter, orderBy, first, after }, info);
  }

  @FieldResolver(() => String, { description: 'The practice name, in the requested language.' })
  title(@Root() p: Readonly<Practice>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(p.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'What the practice does, for whom, and with what result: a paragraph, in the requested language.' })
  summary(@Root() p: Readonly<Practice>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(p.summary, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'What worked, what did not and why, in the requested language; null when the submitter gave none.' })
  lessonsLearned(@Root() p: Readonly<Practice>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string | null {
    return localize(p.lessonsLearned, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Advice for those who would replicate the practice, in the requested language; null when none was given.' })
  recommendations(@Root() p: Readonly<Practice>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string | null {
    return localize(p.recommendations, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The one-sentence key message of the practice, in the requested language; null when none was given.' })
  takeaway(@Root() p: Readonly<Practice>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string | null {
    return localize(p.takeaway, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Region], { description: 'M49 regions and sub-regions where the practice is implemented, by code.' })
  regions(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionsOfPractice.load(p.id);
  }

  @FieldResolver(() => [Country], { description: 'Countries where the practice is implemented, by English name.' })
  countries(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Country[]> {
    return ctx.loaders.countriesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Objective], { description: 'The Compact objectives the practice addresses, by number (a submission needs at least one).' })
  objectives(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfPractice.load(p.id);
  }

  @FieldResolver(() => [GuidingPrinciple], { description: 'The guiding principles of the Compact the practice follows, in the order of the Compact.' })
  guidingPrinciples(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<GuidingPrinciple[]> {
    return ctx.loaders.principlesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Organization], { description: 'The organizations that implement the practice, by name.' })
  implementedBy(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.implementersOfPractice.load(p.id);
  }

  @FieldResolver(() => [Organization], { description: 'Partner organizations (funding, technical or other support), by name.' })
  partners(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.partnersOfPractice.load(p.id);
  }

  @FieldResolver(() => CallForPractices, { nullable: true, description: 'The call this practice answered, if any.' })
  call(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<CallForPractices | null> | null {
    return p.callId ? ctx.loaders.call.load(p.callId) : null;
  }

  @FieldResolver(() => [Review], { description: 'Peer reviews of the practice, oldest first: all of them for editors and once it is published; a submitter sees those of decided rounds, a reviewer their own.' })
  reviews(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Review[]> {
    return ctx.loaders.reviewsOfPractice.load(p.id);
  }

  @FieldResolver(() => [Resource], { description: 'Resources linked to the practice, in RANK order; published ones only, except for editors.' })
  resources(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Resource[]> {
    return ctx.loaders.resourcesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Event], { description: 'Events where the practice was presented, earliest first.' })
  events(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<Event[]> {
    return ctx.loaders.eventsOfPractice.load(p.id);
  }
}
