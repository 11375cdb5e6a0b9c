import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import type { Context } from '../context';
import { isUuid } from '../graph/ids';
import { payload } from '../graph/payload';
import { refuse, UserError, UserErrorCode } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { CommunityGroup } from './community-group.entity';

@ObjectType({ description: 'The group after the change, or why nothing changed.' })
export class CommunityGroupPayload {
  @Field(() => CommunityGroup, { nullable: true, description: 'The group, with its new memberCount; null when refused.' })
  group!: CommunityGroup | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

/**
 * Joins or leaves, idempotently: the membership row and memberCount change together in one
 * statement, and only when the membership did change, so concurrent repeats count once.
 */
async function membership(ctx: Context, id: string, join: boolean): Promise<WriteResult<string>> {
  requireRole(ctx, `${join ? 'join' : 'leave'} community groups`, Role.MEMBER);
  return write(ctx, async (tx) => {
    const change = join
      ? `INSERT INTO community_group_member (community_group_id, member_id) SELECT id, $2 FROM community_group WHERE id = $1 ON CONFLICT DO NOTHING RETURNING 1`
      : `DELETE FROM community_group_member WHERE community_group_id = $1 AND member_id = $2 RETURNING 1`;
    const rows = isUuid(id)
      ? await tx.query<{ id: string }>(`/* ${join ? 'join' : 'leave'}Group */ WITH changed AS (${change})
          UPDATE community_group SET member_count = member_count ${join ? '+' : '-'} (SELECT count(*) FROM changed) WHERE id = $1 RETURNING id`,
      [id.toLowerCase(), ctx.principal.id])
      : [];
    if (rows.length === 0) refuse(UserErrorCode.NOT_FOUND, `No community group has the id "${id.slice(0, 60)}".`, ['id']);
    return rows[0].id;
  });
}

@Resolver()
export class CommunityGroupMutations {
  @Mutation(() => CommunityGroupPayload, { description: 'Members: join a Community of Practice group (idempotent; memberCount follows).' })
  async joinCommunityGroup(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The group to join.' }) id: string): Promise<CommunityGroupPayload> {
    return payload('group', await membership(ctx, id, true), (gid) => ctx.loaders.group.load(gid));
  }

  @Mutation(() => CommunityGroupPayload, { description: 'Members: leave a Community of Practice group (idempotent; memberCount follows).' })
  async leaveCommunityGroup(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The group to leave.' }) id: string): Promise<CommunityGroupPayload> {
    return payload('group', await membership(ctx, id, false), (gid) => ctx.loaders.group.load(gid));
  }
}
