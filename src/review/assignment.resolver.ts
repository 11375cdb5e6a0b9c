import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../graph/scalars';
import type { Context } from '../context';
import { Expert } from '../expert/expert.entity';
import { payload } from '../graph/payload';
import { UserError } from '../graph/user-error';
import type { Practice } from '../practice/practice.entity';
import type { Resource } from '../resource/resource.entity';
import { assignReviewer, respondToAssignment, submitReview, withdrawAssignment } from './assignment.service';
import { ReviewAssignment } from './review-assignment.entity';
import { Review, ReviewDecision } from './review.entity';
import { ReviewSubject } from './review.resolver';

@InputType({ description: 'What a reviewer declares before accepting an assignment.' })
export class ConflictOfInterestInput {
  @Field({ description: 'true when the reviewer has a conflict with the submission, its implementers or its authors.' })
  hasConflict!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when hasConflict; at most 5,000 characters.' })
  details?: string | null;
}

@InputType({ description: "A reviewer's verdict on a submission." })
export class ReviewInput {
  @Field(() => ReviewDecision, { description: 'What the reviewer recommends.' })
  decision!: ReviewDecision;

  @Field(() => Int, { description: '1..5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters; the submitter reads it (not who wrote it) after REQUEST_CHANGES.' })
  comment?: string | null;
}

@ObjectType({ description: 'The assignment as written, or why nothing was written.' })
export class ReviewAssignmentPayload {
  @Field(() => ReviewAssignment, { nullable: true, description: 'The assignment as it now stands; null when refused.' })
  assignment!: ReviewAssignment | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success. Accepting with a declared conflict answers the ended assignment (DECLINED_CONFLICT) and CONFLICT_OF_INTEREST.' })
  errors!: UserError[];
}

@ObjectType({ description: 'The review as written, or why nothing was written.' })
export class ReviewPayload {
  @Field(() => Review, { nullable: true, description: 'The submitted review; null when refused.' })
  review!: Review | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

/** The assignment as the committed write left it (write() gave the operation new loaders). */
function reloadAssignment(ctx: Context) {
  return (id: string) => ctx.loaders.assignment.load(id);
}

@Resolver(() => ReviewAssignment)
export class ReviewAssignmentResolver {
  @FieldResolver(() => ReviewSubject, { description: 'The practice or resource to review.' })
  async subject(@Root() a: Readonly<ReviewAssignment>, @Ctx() ctx: Context): Promise<Practice | Resource> {
    const subject = a.practiceId ? await ctx.loaders.practice.load(a.practiceId) : await ctx.loaders.resource.load(a.resourceId!);
    if (!subject) throw new Error(`assignment ${a.id} has no readable subject`);
    return subject;
  }

  @FieldResolver(() => Expert, { nullable: true, description: 'null for callers who may not see reviewer identities.' })
  reviewer(@Root() a: Readonly<ReviewAssignment>, @Ctx() ctx: Context): Promise<Expert | null> | null {
    return ctx.policy.seesExpert(a.expertId) ? ctx.loaders.expert.load(a.expertId) : null;
  }

  @FieldResolver(() => Review, { nullable: true, description: 'The review, once COMPLETED.' })
  review(@Root() a: Readonly<ReviewAssignment>, @Ctx() ctx: Context): Promise<Review | null> {
    return ctx.loaders.reviewOfAssignment.load(a.id);
  }

  @Mutation(() => ReviewAssignmentPayload, { description: 'Editors: SUBMITTED or UNDER_REVIEW: invite a roster expert (the subject becomes UNDER_REVIEW).' })
  async assignReviewer(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID, { description: 'The practice or resource to review.' }) subjectId: string,
    @Arg('expertId', () => ID, { description: 'The roster expert to invite; never the author of the subject.' }) expertId: string,
    @Arg('dueOn', () => DateScalar, { nullable: true, description: 'The day the review is due; not in the past; no due date when omitted.' }) dueOn?: string | null,
  ): Promise<ReviewAssignmentPayload> {
    return payload('assignment', await assignReviewer(ctx, subjectId, expertId, dueOn), reloadAssignment(ctx));
  }

  @Mutation(() => ReviewAssignmentPayload, { description: 'Editors: withdraw an INVITED or ACCEPTED assignment.' })
  async withdrawAssignment(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The assignment to withdraw.' }) id: string): Promise<ReviewAssignmentPayload> {
    return payload('assignment', await withdrawAssignment(ctx, id), reloadAssignment(ctx));
  }

  @Mutation(() => ReviewAssignmentPayload, { description: 'Reviewers: accept (declaring conflicts of interest first) or decline; a declared conflict ends the assignment.' })
  async respondToAssignment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The assignment (INVITED, of the calling reviewer).' }) id: string,
    @Arg('accept', { description: 'true to accept, false to decline.' }) accept: boolean,
    @Arg('conflictOfInterest', () => ConflictOfInterestInput, { description: 'The declaration every response carries, accepted or not.' }) conflictOfInterest: ConflictOfInterestInput,
  ): Promise<ReviewAssignmentPayload> {
    const result = await respondToAssignment(ctx, id, accept, conflictOfInterest);
    if (!result.ok) return { assignment: null, errors: result.errors };
    return { assignment: await reloadAssignment(ctx)(result.value.id), errors: result.value.errors };
  }

  @Mutation(() => ReviewPayload, { description: 'Reviewers: the one review of an ACCEPTED assignment of their own.' })
  async submitReview(
    @Ctx() ctx: Context,
    @Arg('assignmentId', () => ID, { description: 'The ACCEPTED assignment the review answers.' }) assignmentId: string,
    @Arg('input', () => ReviewInput, { description: 'The recommendation, score and comment.' }) input: ReviewInput,
  ): Promise<ReviewPayload> {
    return payload('review', await submitReview(ctx, assignmentId, input), (id) => ctx.loaders.review.load(id));
  }
}
