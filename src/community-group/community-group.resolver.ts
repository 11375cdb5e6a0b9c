import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { EventConnection, eventConnection } from '../event/event-connection';
import { Event } from '../event/event.entity';
import { EventFilter } from '../event/event.inputs';
import { connectionType, toConnection, type Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { lookup } from '../graph/lookup';
import { decodeCursor, pageSize } from '../graph/ordering';
import { Locale, localize } from '../i18n/localized-text';
import { Objective } from '../objective/objective.entity';
import { PracticeConnection, practiceConnection } from '../practice/practice-connection';
import type { Practice } from '../practice/practice.entity';
import { ResourceConnection, resourceConnection } from '../resource/resource-connection';
import type { Resource } from '../resource/resource.entity';
import { CommunityGroup } from './community-group.entity';
import { GROUP_ORDERING, groupPage } from './community-group.store';

export const CommunityGroupConnection = connectionType(CommunityGroup, 'CommunityGroup');

@Resolver(() => CommunityGroup)
export class CommunityGroupResolver {
  @Query(() => CommunityGroup, { nullable: true, description: 'One community group by id or slug (exactly one of them).' })
  communityGroup(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The group id (a UUID); give this or `slug`.' }) id?: string | null,
    @Arg('slug', () => String, { nullable: true, description: 'The group slug, e.g. "counter-trafficking"; give this or `id`.' }) slug?: string | null,
  ): Promise<CommunityGroup | null> {
    return lookup('community group', { id, slug }, ctx.loaders.group, ctx.loaders.groupBySlug);
  }

  @Query(() => CommunityGroupConnection, { description: 'Community of Practice groups, largest first.' })
  async communityGroups(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: '0..100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<CommunityGroup>> {
    const size = pageSize(first);
    const page = await groupPage(ctx.sql, size, after ? decodeCursor(GROUP_ORDERING, after) : null);
    return toConnection(GROUP_ORDERING, page);
  }

  @FieldResolver(() => String, { description: 'The group name, e.g. "Counter-Trafficking", in the requested language.' })
  name(@Root() g: Readonly<CommunityGroup>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(g.name, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'What the group works on and who it is for, in the requested language.' })
  description(@Root() g: Readonly<CommunityGroup>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(g.description, locale ?? ctx.locale);
  }

  @FieldResolver(() => [Objective], { description: 'The Compact objectives the group works on, by number.' })
  objectives(@Root() g: Readonly<CommunityGroup>, @Ctx() ctx: Context): Promise<Objective[]> {
    return ctx.loaders.objectivesOfGroup.load(g.id);
  }

  @FieldResolver(() => EventConnection, { description: "The group's events in calendar order." })
  events(
    @Root() g: Readonly<CommunityGroup>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Only events matching every given criterion.' }) filter?: EventFilter | null,
  ): Promise<Connection<Event>> {
    return eventConnection(ctx, 'group', g.id, { filter, first, after });
  }

  @FieldResolver(() => ResourceConnection, { description: 'Resources shared in the group, by RANK.' })
  resources(
    @Root() g: Readonly<CommunityGroup>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Resource>> {
    return resourceConnection(ctx, 'group', g.id, { first, after });
  }

  @FieldResolver(() => PracticeConnection, { description: 'Practices shared in the group, by RANK.' })
  practices(
    @Root() g: Readonly<CommunityGroup>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, 'group', g.id, { first, after }, info);
  }
}
