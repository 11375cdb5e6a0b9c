import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { CommunityGroup } from '../community-group/community-group.entity';
import type { Context } from '../context';
import type { Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { lookup } from '../graph/lookup';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { Organization } from '../organization/organization.entity';
import { Practice } from '../practice/practice.entity';
import { Resource } from '../resource/resource.entity';
import { Event } from './event.entity';
import { EventFilter } from './event.inputs';
import { EventConnection, eventConnection } from './event-connection';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'One event by id or slug (exactly one of them).' })
  event(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The event id (a UUID); give this or `slug`.' }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The event slug, e.g. "world-day-against-trafficking-2024"; give this or `id`.' }) slug?: string | null,
  ): Promise<Event | null> {
    return lookup('event', { id, slug }, ctx.loaders.event, ctx.loaders.eventBySlug);
  }

  @Query(() => EventConnection, { description: 'Events in calendar order (earliest first).' })
  events(
    @Ctx() ctx: Context,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Only events matching every given criterion; all when omitted.' }) filter?: EventFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '0..100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Event>> {
    return eventConnection(ctx, 'root', 'root', { filter, first, after });
  }

  @FieldResolver(() => String, { description: 'The event title, in the requested language.' })
  title(@Root() e: Readonly<Event>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(e.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Organization], { description: 'The organizations that organize it, by name.' })
  organizers(@Root() e: Readonly<Event>, @Ctx() ctx: Context): Promise<Organization[]> {
    return ctx.loaders.organizersOfEvent.load(e.id);
  }

  @FieldResolver(() => [Objective], { description: 'The Compact objectives the event is about, by number.' })
  objectives(@Root() e: Readonly<Event>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfEvent.load(e.id);
  }

  @FieldResolver(() => CommunityGroup, { nullable: true, description: 'The Community of Practice group that holds it; null for events of no group.' })
  communityGroup(@Root() e: Readonly<Event>, @Ctx() ctx: Context): Promise<CommunityGroup | null> | null {
    return e.communityGroupId ? ctx.loaders.group.load(e.communityGroupId) : null;
  }

  @FieldResolver(() => [Practice], { description: 'Published practices presented at the event.' })
  practices(@Root() e: Readonly<Event>, @Ctx() ctx: Context): Promise<Practice[]> {
    return ctx.loaders.practicesOfEvent.load(e.id);
  }

  @FieldResolver(() => [Resource], { description: 'Published resources shared at the event.' })
  resources(@Root() e: Readonly<Event>, @Ctx() ctx: Context): Promise<Resource[]> {
    return ctx.loaders.resourcesOfEvent.load(e.id);
  }
}
