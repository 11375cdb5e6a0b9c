import { createUnionType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Expert } from '../expert/expert.entity';
import { Practice } from '../practice/practice.entity';
import { Resource } from '../resource/resource.entity';
import { Review } from './review.entity';

export const ReviewSubject = createUnionType({
  name: 'ReviewSubject',
  description: 'What a review is of.',
  types: () => [Practice, Resource] as const,
  resolveType: (value) => ('url' in value ? Resource : Practice),
});

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => ReviewSubject, { description: 'The practice or resource reviewed.' })
  async subject(@Root() review: Readonly<Review>, @Ctx() ctx: Context): Promise<Practice | Resource> {
    const subject = review.practiceId ? await ctx.loaders.practice.load(review.practiceId) : await ctx.loaders.resource.load(review.resourceId!);
    if (!subject) throw new Error(`review ${review.id} has no visible subject`);
    return subject;
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'null for callers who may not see reviewer identities (editors see all; a reviewer sees themself).' })
  reviewer(@Root() review: Readonly<Review>, @Ctx() ctx: Context): Promise<Expert | null> | null {
    return ctx.policy.seesExpert(review.reviewerId) ? ctx.loaders.expert.load(review.reviewerId) : null;
  }
}
