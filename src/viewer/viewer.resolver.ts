import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Arg, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/principal';
import type { Context } from '../context';
import { Expert } from '../expert/expert.entity';
import { connectionType, toConnection, type Connection } from '../graph/connection';
import { ARG_DOCS } from '../graph/arg-docs';
import { decodeCursor, pageSize, scopedOrdering, type Ordering } from '../graph/ordering';
import type { Page } from '../graph/page-query';
import { PracticeConnection } from '../practice/practice-connection';
import type { Practice } from '../practice/practice.entity';
import { ResourceConnection } from '../resource/resource-connection';
import type { Resource } from '../resource/resource.entity';
import { ReviewAssignment } from '../review/review-assignment.entity';
import { assignmentPage, NEWEST_FIRST, OPEN_FIRST, ownContentPage } from './viewer.store';

export const ReviewAssignmentConnection = connectionType(ReviewAssignment, 'ReviewAssignment');

@ObjectType({ description: 'Who is asking: null for anonymous callers.' })
export class Viewer {
  @Field(() => ID, { description: "The token's subject." })
  id!: string;

  @Field(() => [Role], { description: 'What the token lets this person do; empty for a plain signed-in visitor.' })
  roles!: Role[];

  expertId!: string | null;
}

async function page<Row extends object>(
  ordering: Ordering, viewer: Viewer, first: number | null | undefined, after: string | null | undefined,
  fetch: (size: number, keys: unknown[] | null) => Promise<Page<Row>>,
): Promise<Connection<Row>> {
  const scoped = scopedOrdering(ordering, 'viewer', viewer.id);
  return toConnection(scoped, await fetch(pageSize(first), after ? decodeCursor(scoped, after) : null));
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who is asking: null for anonymous callers.' })
  viewer(@Ctx() ctx: Context): Viewer | null {
    const { id, roles, expertId } = ctx.principal;
    return id === null ? null : Object.assign(new Viewer(), { id, roles: [...roles], expertId });
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'The roster entry of a reviewer.' })
  expert(@Root() viewer: Readonly<Viewer>, @Ctx() ctx: Context): Promise<Expert | null> | null {
    return viewer.expertId ? ctx.loaders.expert.load(viewer.expertId) : null;
  }

  @FieldResolver(() => PracticeConnection, { description: 'Practices this person created, any status, newest first.' })
  practices(
    @Root() viewer: Readonly<Viewer>, @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Practice>> {
    return page(NEWEST_FIRST, viewer, first, after, (size, keys) => ownContentPage<Practice>(ctx.sql, 'practice', viewer.id, size, keys));
  }

  @FieldResolver(() => ResourceConnection, { description: 'Resources this person created, any status, newest first.' })
  resources(
    @Root() viewer: Readonly<Viewer>, @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<Resource>> {
    return page(NEWEST_FIRST, viewer, first, after, (size, keys) => ownContentPage<Resource>(ctx.sql, 'resource', viewer.id, size, keys));
  }

  @FieldResolver(() => ReviewAssignmentConnection, { description: 'Review assignments of a reviewer, open ones first.' })
  assignments(
    @Root() viewer: Readonly<Viewer>, @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: ARG_DOCS.first }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: ARG_DOCS.after }) after?: string | null,
  ): Promise<Connection<ReviewAssignment>> {
    if (!viewer.expertId) {
      return Promise.resolve({ edges: [], nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    }
    return page(OPEN_FIRST, viewer, first, after, (size, keys) => assignmentPage<ReviewAssignment>(ctx.sql, viewer.expertId!, size, keys));
  }
}
