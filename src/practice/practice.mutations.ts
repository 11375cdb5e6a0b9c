import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { payload } from '../graph/payload';
import { UserError } from '../graph/user-error';
import { decide, EditorDecision } from '../workflow/workflow.service';
import { Practice } from './practice.entity';
import { PracticeInput } from './practice.inputs';
import { createPractice, submitPractice, updatePractice } from './practice.service';

@ObjectType({ description: 'The practice as written, or why nothing was written.' })
export class PracticePayload {
  @Field(() => Practice, { nullable: true, description: 'The practice as written, reloaded as the caller may now see it; null when refused.' })
  practice!: Practice | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

/** The practice, fresh from the database (write() gave the operation new loaders), as the caller may see it now. */
function reload(ctx: Context) {
  return (id: string) => ctx.loaders.practice.load(id);
}

@Resolver()
export class PracticeMutations {
  @Mutation(() => PracticePayload, { description: 'Members: a new DRAFT practice of their own (title, summary and scope required).' })
  async createPractice(@Ctx() ctx: Context, @Arg('input', () => PracticeInput, { description: 'The draft; title, summary and scope are required.' }) input: PracticeInput): Promise<PracticePayload> {
    return payload('practice', await createPractice(ctx, input), reload(ctx));
  }

  @Mutation(() => PracticePayload, { description: 'Members: change their own DRAFT or CHANGES_REQUESTED practice; absent fields stay, given lists replace.' })
  async updatePractice(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The practice to change.' }) id: string, @Arg('input', () => PracticeInput, { description: 'The fields to change.' }) input: PracticeInput): Promise<PracticePayload> {
    return payload('practice', await updatePractice(ctx, id, input), reload(ctx));
  }

  @Mutation(() => PracticePayload, { description: 'DRAFT or CHANGES_REQUESTED -> SUBMITTED, when the criteria hold and the call (if any) is open.' })
  async submitPractice(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The practice to submit (the caller\'s own).' }) id: string): Promise<PracticePayload> {
    return payload('practice', await submitPractice(ctx, id), reload(ctx));
  }

  @Mutation(() => PracticePayload, { description: 'PUBLISH needs the roster rule met; REQUEST_CHANGES sends it back to the submitter for a new round.' })
  async decide(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID, { description: 'The practice decided on.' }) subjectId: string,
    @Arg('decision', () => EditorDecision, { description: 'What the editor decides.' }) decision: EditorDecision,
    @Arg('note', () => String, { nullable: true, description: 'A note to the submitter, kept in the workflow history (at most 5,000 characters).' }) note?: string | null,
  ): Promise<PracticePayload> {
    return payload('practice', await decide(ctx, 'practice', subjectId, decision, note), reload(ctx));
  }
}
