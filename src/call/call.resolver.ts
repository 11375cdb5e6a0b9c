import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Event } from '../event/event.entity';
import type { Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { lookup } from '../graph/lookup';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { PracticeConnection, practiceConnection } from '../practice/practice-connection';
import type { Practice } from '../practice/practice.entity';
import { CallForPractices } from './call-for-practices.entity';
import { allCalls } from './call.store';

@Resolver(() => CallForPractices)
export class CallForPracticesResolver {
  @Query(() => CallForPractices, { nullable: true, description: 'One call for practices by id or slug (exactly one of them).' })
  callForPractices(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The call id (a UUID); give this or `slug`.' }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The call slug, e.g. "leave-no-child-behind-2024"; give this or `id`.' }) slug?: string | null,
  ): Promise<CallForPractices | null> {
    return lookup('call for practices', { id, slug }, ctx.loaders.call, ctx.loaders.callBySlug);
  }

  @Query(() => [CallForPractices], { description: 'Calls for practices, latest deadline first; `open` narrows to open or closed calls.' })
  callsForPractices(@Ctx() ctx: Context, @Arg('open', () => Boolean, { nullable: true, description: 'true: only calls open today (UTC); false: only those not open; omitted: all.' }) open?: boolean | null): Promise<CallForPractices[]> {
    return allCalls(ctx.sql, open ?? null);
  }

  @FieldResolver(() => String, { description: 'The call title, in the requested language.' })
  title(@Root() c: Readonly<CallForPractices>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(c.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Objective], { description: 'The Compact objectives the call is about, by number.' })
  objectives(@Root() c: Readonly<CallForPractices>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfCall.load(c.id);
  }

  @FieldResolver(() => PracticeConnection, { description: 'Published practices submitted to the call, by RANK.' })
  practices(
    @Root() c: Readonly<CallForPractices>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, 'call', c.id, { first, after }, info);
  }

  @FieldResolver(() => [Event], { description: 'Events tied to the call (launches, observances).' })
  events(@Root() c: Readonly<CallForPractices>, @Ctx() ctx: Context): Promise<Event[]> {
    return ctx.loaders.eventsOfCall.load(c.id);
  }
}
