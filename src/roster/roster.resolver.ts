import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import type { Context } from '../context';
import { Expert } from '../expert/expert.entity';
import { connectionType, toConnection, type Connection } from '../graph/connection';
import { decodeCursor, pageSize } from '../graph/ordering';
import { ARG_DOCS } from '../graph/arg-docs';
import { payload } from '../graph/payload';
import { UserError } from '../graph/user-error';
import { userInputError } from '../graph/user-input-error';
import { RosterApplication, RosterApplicationInput, RosterApplicationStatus } from './roster-application';
import { applyToReviewRoster, decideRosterApplication } from './roster.service';
import { applicationById, applications, EXPERT_ORDERING, expertPage } from './roster.store';

export const ExpertConnection = connectionType(Expert, 'Expert');

@ObjectType({ description: 'The application as written, or why nothing was written.' })
export class RosterApplicationPayload {
  @Field(() => RosterApplication, { nullable: true, description: 'The application as it now stands; null when refused.' })
  application!: RosterApplication | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

@Resolver()
export class RosterResolver {
  @Query(() => ExpertConnection, { description: 'The peer review roster, by name; editors use it to pick reviewers (editors only).' })
  async experts(
    @Ctx() ctx: Context,
    @Arg('isUN', () => Boolean, { nullable: true, description: 'true: only UN experts; false: only non-UN experts; omitted: both.' }) isUN?: boolean | null,
    @Arg('objective', () => Int, { nullable: true, description: 'Only experts of this objective (1..23).' }) objective?: number | null,
    @Arg('first', () => Int, { nullable: true, description: '0..100, default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Expert>> {
    requireRole(ctx, 'read the review roster', Role.EDITOR);
    if (objective != null && (!Number.isInteger(objective) || objective < 1 || objective > 23)) throw userInputError('objective', `objective must be from 1 to 23; got ${objective}.`);
    const ordering = { ...EXPERT_ORDERING, name: `NAME:${isUN ?? ''}:${objective ?? ''}` };
    const page = await expertPage(ctx.sql, { isUN: isUN ?? null, objective: objective ?? null }, pageSize(first), after ? decodeCursor(ordering, after) : null);
    return toConnection(ordering, page);
  }

  @Query(() => [RosterApplication], { description: 'Pending and decided applications to the roster, oldest first (editors only).' })
  rosterApplications(
    @Ctx() ctx: Context,
    @Arg('status', () => RosterApplicationStatus, { nullable: true, description: 'Only applications in this status; all when omitted.' }) status?: RosterApplicationStatus | null,
    @Arg('first', () => Int, { nullable: true, description: '0..100, default 20.' }) first?: number | null,
  ): Promise<RosterApplication[]> {
    requireRole(ctx, 'read roster applications', Role.EDITOR);
    return applications(ctx.sql, status ?? null, pageSize(first));
  }

  @Mutation(() => RosterApplicationPayload, { description: 'Members: apply to the peer review roster.' })
  async applyToReviewRoster(@Ctx() ctx: Context, @Arg('input', () => RosterApplicationInput, { description: 'The application.' }) input: RosterApplicationInput): Promise<RosterApplicationPayload> {
    return payload('application', await applyToReviewRoster(ctx, input), async (id) => (await applicationById(ctx.sql, id))[0] ?? null);
  }

  @Mutation(() => RosterApplicationPayload, { description: 'Editors: approve (the expert joins the roster) or decline a pending application.' })
  async decideRosterApplication(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The PENDING application to decide.' }) id: string, @Arg('approve', { description: 'true to approve, false to decline.' }) approve: boolean): Promise<RosterApplicationPayload> {
    return payload('application', await decideRosterApplication(ctx, id, approve), async (appId) => (await applicationById(ctx.sql, appId))[0] ?? null);
  }
}
