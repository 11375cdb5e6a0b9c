import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateScalar, DateTimeScalar } from '../graph/scalars';

export enum AssignmentStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  DECLINED_CONFLICT = 'DECLINED_CONFLICT',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'Where a review assignment stands, from invitation to review.',
  valuesConfig: {
    INVITED: { description: 'Waiting for the reviewer to accept or decline.' },
    ACCEPTED: { description: 'Accepted after declaring no conflict of interest; the review is due.' },
    DECLINED: { description: 'Declined by the reviewer.' },
    DECLINED_CONFLICT: { description: 'Ended by a declared conflict of interest (recorded).' },
    COMPLETED: { description: 'The review is in.' },
    WITHDRAWN: { description: 'Withdrawn by an editor, or closed by a decision on the subject.' },
  },
});

/** One roster expert asked to review one submission in one review round. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'One roster expert asked to review one submission in one review round.' })
export class ReviewAssignment {
  @Field(() => ID, { description: 'The assignment id: a UUID, unique across all types and stable; `node(id:)` and federation take it.' })
  id!: string;

  practiceId!: string | null;
  resourceId!: string | null;
  expertId!: string;

  @Field(() => AssignmentStatus, { description: 'Where the assignment stands.' })
  status!: AssignmentStatus;

  @Field(() => Int, { description: 'The review round of the subject it belongs to (1 for a first submission).' })
  round!: number;

  @Field(() => DateTimeScalar, { description: 'When the editor invited the reviewer.' })
  invitedAt!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'The day the review is due; null when the editor set no date.' })
  dueOn!: string | null;
}
