import { Field, Int, ObjectType } from 'type-graphql';
import { ReviewDecision } from '../review/review.entity';

@ObjectType({ description: 'Where a submission stands against the roster rule: at least 1 UN and 2 non-UN completed reviews; a further reviewer when they disagree.' })
export class ReviewProgress {
  @Field(() => Int, { description: 'The current review round (1 for a first submission, one more after each resubmission).' })
  round!: number;

  @Field(() => Int, { description: 'Completed reviews of this round by UN experts; the rule needs at least 1.' })
  completedUN!: number;

  @Field(() => Int, { description: 'Completed reviews of this round by non-UN experts; the rule needs at least 2.' })
  completedNonUN!: number;

  @Field({ description: 'The rule is met and the decisions agree: an editor may decide.' })
  readyForDecision!: boolean;

  @Field({ description: 'The completed reviews disagree: a 3rd or 4th reviewer is needed.' })
  needsAdditionalReviewer!: boolean;

  @Field(() => ReviewDecision, { nullable: true, description: 'What the agreeing reviews recommend, once readyForDecision; PUBLISH needs APPROVE.' })
  recommendation!: ReviewDecision | null;
}

export interface CompletedReview {
  isUN: boolean;
  decision: ReviewDecision;
}

/**
 * The roster rule over the completed reviews of one round. Ready when at least 1 UN and 2
 * non-UN reviews are in and they agree: all the same, or, once disagreement brought in
 * further reviewers (4 or more reviews), all but one the same. Otherwise, disagreeing
 * reviews ask for another reviewer.
 */
export function reviewProgress(round: number, reviews: readonly CompletedReview[]): ReviewProgress {
  const completedUN = reviews.filter((r) => r.isUN).length;
  const completedNonUN = reviews.length - completedUN;
  const counts = new Map<ReviewDecision, number>();
  for (const r of reviews) counts.set(r.decision, (counts.get(r.decision) ?? 0) + 1);
  const [top, topCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const unanimous = counts.size === 1;
  const agreed = unanimous || (reviews.length >= 4 && topCount >= reviews.length - 1);
  const rosterMet = completedUN >= 1 && completedNonUN >= 2;
  const readyForDecision = rosterMet && agreed;
  return Object.assign(new ReviewProgress(), {
    round,
    completedUN,
    completedNonUN,
    readyForDecision,
    needsAdditionalReviewer: reviews.length >= 2 && !agreed,
    recommendation: readyForDecision ? top : null,
  });
}
