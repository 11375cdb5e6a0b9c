import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CallForPractices } from '../call/call-for-practices.entity';
import { ContentOrder } from '../content/orders';
import type { Context } from '../context';
import { Event } from '../event/event.entity';
import { Country } from '../geography/country.entity';
import { Region } from '../geography/region.entity';
import type { Connection } from '../graph/connection';
import { lookup } from '../graph/lookup';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { Organization } from '../organization/organization.entity';
import { GuidingPrinciple } from '../principle/guiding-principle.entity';
import { Resource } from '../resource/resource.entity';
import { Review } from '../review/review.entity';
import { Practice } from './practice.entity';
import { PracticeFilter } from './practice.inputs';
import { PracticeConnection, practiceConnection } from './practice-connection';

@Resolver(() => Practice)
export class PracticeResolver {
  @Query(() => Practice, { nullable: true, description: 'One practice by id or slug (exactly one of them); null when none is visible.' })
  practice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Practice | null> {
    return lookup('practice', { id, slug }, ctx.loaders.practice, ctx.loaders.practiceBySlug);
  }

  @Query(() => PracticeConnection, { description: 'Published practices, ranked global-first by default.' })
  practices(
    @Ctx() ctx: Context,
    @Arg('filter', () => PracticeFilter, { nullable: true }) filter?: PracticeFilter | null,
    @Arg('orderBy', () => ContentOrder, { nullable: true, defaultValue: ContentOrder.RANK }) orderBy?: ContentOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '0..100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, 'root', 'root', { filter, orderBy, first, after });
  }

  @FieldResolver(() => String)
  title(@Root() p: Practice, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string {
    return localize(p.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => String)
  summary(@Root() p: Practice, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string {
    return localize(p.summary, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true })
  lessonsLearned(@Root() p: Practice, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string | null {
    return localize(p.lessonsLearned, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true })
  recommendations(@Root() p: Practice, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string | null {
    return localize(p.recommendations, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { nullable: true })
  takeaway(@Root() p: Practice, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true }) locale?: Locale): string | null {
    return localize(p.takeaway, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Region])
  regions(@Root() p: Practice, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.regionsOfPractice.load(p.id);
  }

  @FieldResolver(() => [Country])
  countries(@Root() p: Practice, @Ctx() ctx: Context): Promise<Country[]> {
    return ctx.loaders.countriesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Objective])
  objectives(@Root() p: Practice, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfPractice.load(p.id);
  }

  @FieldResolver(() => [GuidingPrinciple])
  guidingPrinciples(@Root() p: Practice, @Ctx() ctx: Context): Promise<GuidingPrinciple[]> {
    return ctx.loaders.principlesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Organization])
  implementedBy(@Root() p: Practice, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.implementersOfPractice.load(p.id);
  }

  @FieldResolver(() => [Organization])
  partners(@Root() p: Practice, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.partnersOfPractice.load(p.id);
  }

  @FieldResolver(() => CallForPractices, { nullable: true, description: 'The call this practice answered, if any.' })
  call(@Root() p: Practice, @Ctx() ctx: Context): Promise<CallForPractices | null> | null {
    return p.callId ? ctx.loaders.call.load(p.callId) : null;
  }

  @FieldResolver(() => [Review])
  reviews(@Root() p: Practice, @Ctx() ctx: Context): Promise<Review[]> {
    return ctx.loaders.reviewsOfPractice.load(p.id);
  }

  @FieldResolver(() => [Resource])
  resources(@Root() p: Practice, @Ctx() ctx: Context): Promise<Resource[]> {
    return ctx.loaders.resourcesOfPractice.load(p.id);
  }

  @FieldResolver(() => [Event])
  events(@Root() p: Practice, @Ctx() ctx: Context): Promise<Event[]> {
    return ctx.loaders.eventsOfPractice.load(p.id);
  }
}
