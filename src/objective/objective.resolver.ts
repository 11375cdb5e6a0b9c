import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { CommunityGroup } from '../community-group/community-group.entity';
import { ContentOrder, ResourceOrder } from '../content/orders';
import type { Context } from '../context';
import { EventConnection, eventConnection } from '../event/event-connection';
import type { Event } from '../event/event.entity';
import { EventFilter } from '../event/event.inputs';
import type { Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { SqlParams } from '../graph/sql-params';
import { userInputError } from '../graph/user-input-error';
import { Locale, localize } from '../i18n/localized-text';
import { PracticeConnection, practiceConnection } from '../practice/practice-connection';
import type { Practice } from '../practice/practice.entity';
import { PracticeFilter } from '../practice/practice.inputs';
import { practiceConditions } from '../practice/practice-filter';
import { ResourceConnection, resourceConnection } from '../resource/resource-connection';
import type { Resource } from '../resource/resource.entity';
import { ResourceFilter } from '../resource/resource.inputs';
import { allObjectives } from './objective.store';
import { Objective } from './objective.entity';
import { linkedObjectives, linkedObjectivesFromAggregates, objectiveNetworkFor } from './objective-network.sql';
import { ObjectiveEdge, ObjectiveLink, ObjectiveNetwork, ObjectiveNode } from './objective-network.types';

function checkMinShared(minShared: number): number {
  if (!Number.isInteger(minShared) || minShared < 1) throw userInputError('minShared', `minShared must be a positive integer; got ${minShared}.`);
  return minShared;
}

@Resolver(() => Objective)
export class ObjectiveResolver {
  @Query(() => [Objective], { description: 'The 23 objectives of the Global Compact for Migration, in order.' })
  objectives(@Ctx() ctx: Context): Promise<Objective[]> {
    return allObjectives(ctx.sql);
  }

  @Query(() => Objective, { nullable: true, description: 'One objective by its number (1..23); null for any other number.' })
  objective(@Arg('number', () => Int, { description: 'The objective number, as in the Compact (1..23).' }) number: number, @Ctx() ctx: Context): Promise<Objective | null> {
    return ctx.loaders.objective.load(number);
  }

  @Query(() => ObjectiveNetwork, { description: 'Which objectives matching published practices address together (see README).' })
  async objectiveNetwork(
    @Ctx() ctx: Context,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Only practices matching every given criterion count; all published practices when omitted.' }) filter?: PracticeFilter | null,
    @Arg('minShared', () => Int, { nullable: true, defaultValue: 1, description: 'Leave out pairs of objectives that fewer practices than this address together (1 or more).' }) minShared?: number | null,
  ): Promise<ObjectiveNetwork> {
    const params = new SqlParams();
    const conditions = practiceConditions(filter, params, ctx.locale);
    const network = await objectiveNetworkFor(ctx.sql, ctx.policy, filter, conditions, params, checkMinShared(minShared ?? 1));
    const objectives = await ctx.loaders.objective.loadMany(network.nodes.map((n) => n.number));
    const byNumber = new Map((objectives as Objective[]).map((o) => [o.number, o]));
    return {
      practiceCount: network.practiceCount,
      nodes: network.nodes.map((n): ObjectiveNode => ({ objective: byNumber.get(n.number)!, practiceCount: n.practiceCount })),
      edges: network.edges.map((e): ObjectiveEdge => ({
        source: byNumber.get(e.source)!, target: byNumber.get(e.target)!, sharedPractices: e.sharedPractices, jaccard: e.jaccard,
      })),
    };
  }

  @FieldResolver(() => String, { description: 'The hub\'s short title, e.g. "Eradicate trafficking" ("Éliminer la traite de personnes" in FR); English when the locale has no text.' })
  shortTitle(@Root() objective: Readonly<Objective>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(objective.localizedShortTitle, locale ?? ctx.locale);
  }

  @FieldResolver(() => String, { description: 'Full title from the Compact; English when the locale has no text.' })
  title(@Root() objective: Readonly<Objective>, @Ctx() ctx: Context, @Arg('locale', () => Locale, { nullable: true, description: ARG_DOCS.locale }) locale?: Locale): string {
    return localize(objective.title, locale ?? ctx.locale);
  }

  @FieldResolver(() => PracticeConnection, { description: 'Published practices addressing the objective, ranked global-first by default.' })
  practices(
    @Root() objective: Readonly<Objective>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Arg('filter', () => PracticeFilter, { nullable: true, description: 'Only practices matching every given criterion as well.' }) filter?: PracticeFilter | null,
    @Arg('orderBy', () => ContentOrder, { nullable: true, description: 'The order of the list; RANK (global first) when omitted.' }) orderBy?: ContentOrder | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Connection<Practice>> {
    return practiceConnection(ctx, 'objective', objective.number, { filter, orderBy, first, after }, info);
  }

  @FieldResolver(() => ResourceConnection, { description: 'Published resources addressing the objective, ranked global-first by default.' })
  resources(
    @Root() objective: Readonly<Objective>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Arg('filter', () => ResourceFilter, { nullable: true, description: 'Only resources matching every given criterion as well.' }) filter?: ResourceFilter | null,
    @Arg('orderBy', () => ResourceOrder, { nullable: true, description: 'The order of the list; RANK (global first) when omitted.' }) orderBy?: ContentOrder | null,
  ): Promise<Connection<Resource>> {
    return resourceConnection(ctx, 'objective', objective.number, { filter, orderBy, first, after });
  }

  @FieldResolver(() => EventConnection, { description: 'Events about the objective, in calendar order (earliest first).' })
  events(
    @Root() objective: Readonly<Objective>,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Only events matching every given criterion as well.' }) filter?: EventFilter | null,
  ): Promise<Connection<Event>> {
    return eventConnection(ctx, 'objective', objective.number, { filter, first, after });
  }

  @FieldResolver(() => [CommunityGroup], { description: 'Community of Practice groups working on the objective.' })
  communityGroups(@Root() objective: Readonly<Objective>, @Ctx() ctx: Context): Promise<CommunityGroup[]> {
    return ctx.loaders.groupsOfObjective.load(objective.number);
  }

  @FieldResolver(() => [ObjectiveLink], { description: 'Objectives addressed by the same published practices, most shared first.' })
  async linkedObjectives(
    @Root() objective: Readonly<Objective>,
    @Ctx() ctx: Context,
    @Arg('minShared', () => Int, { nullable: true, description: 'Only objectives shared by at least this many published practices; 1 when omitted.' }) minShared?: number | null,
  ): Promise<ObjectiveLink[]> {
    const min = checkMinShared(minShared ?? 1);
    const loader = ctx.loaders.keyed.get<number, ObjectiveLink[]>(`linkedObjectives:${min}`, async (numbers) => {
      // ObjectiveLink.objective resolves each objectiveNumber through the objective loader.
      const links = ctx.policy.analysesPublishedOnly ? linkedObjectivesFromAggregates(ctx.sql, numbers, min) : linkedObjectives(ctx.sql, ctx.policy, numbers, min);
      return (await links) as ObjectiveLink[][];
    });
    return loader.load(objective.number);
  }
}

@Resolver(() => ObjectiveLink)
export class ObjectiveLinkResolver {
  @FieldResolver(() => Objective, { description: 'The linked objective.' })
  async objective(@Root() link: Readonly<ObjectiveLink>, @Ctx() ctx: Context): Promise<Objective> {
    return (await ctx.loaders.objective.load(link.objectiveNumber))!;
  }
}
