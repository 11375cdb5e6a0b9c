import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Practice } from '../practice/practice.entity';
import { Resource } from '../resource/resource.entity';
import { ReviewProgress } from './review-progress';
import { WorkflowStep } from './workflow-step';

async function history(ctx: Context, steps: Promise<WorkflowStep[]>): Promise<WorkflowStep[] | null> {
  if (!ctx.policy.seesHistory()) return null;
  const all = await steps;
  return ctx.policy.seesIdentities() ? all : all.map((s) => ({ ...s, actorId: null }));
}

@Resolver(() => Practice)
export class PracticeWorkflowResolver {
  @FieldResolver(() => ReviewProgress, { nullable: true, description: 'Editors, and the submitter for their own: the review state. null for others.' })
  reviewProgress(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<ReviewProgress> | null {
    return ctx.policy.seesReviewProgress(p) ? ctx.loaders.reviewProgressOfPractice.load(p.id) : null;
  }

  @FieldResolver(() => [WorkflowStep], { nullable: true, description: 'Editors only; null for others.' })
  history(@Root() p: Readonly<Practice>, @Ctx() ctx: Context): Promise<WorkflowStep[] | null> | null {
    return ctx.policy.seesHistory() ? history(ctx, ctx.loaders.historyOfPractice.load(p.id)) : null;
  }
}

@Resolver(() => Resource)
export class ResourceWorkflowResolver {
  @FieldResolver(() => ReviewProgress, { nullable: true, description: 'Editors, and the submitter for their own: the review state. null for others.' })
  reviewProgress(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<ReviewProgress> | null {
    return ctx.policy.seesReviewProgress(r) ? ctx.loaders.reviewProgressOfResource.load(r.id) : null;
  }

  @FieldResolver(() => [WorkflowStep], { nullable: true, description: 'Editors only; null for others.' })
  history(@Root() r: Readonly<Resource>, @Ctx() ctx: Context): Promise<WorkflowStep[] | null> | null {
    return ctx.policy.seesHistory() ? history(ctx, ctx.loaders.historyOfResource.load(r.id)) : null;
  }
}
