import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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
@ObjectType({ description: 'One roster expert asked to review one submission in one review round.' })
export class ReviewAssignment {
  @Field(() => ID)
  id!: string;

  practiceId!: string | null;
  resourceId!: string | null;
  expertId!: string;

  @Field(() => AssignmentStatus)
  status!: AssignmentStatus;

  @Field(() => Int)
  round!: number;

  @Field(() => DateTimeScalar)
  invitedAt!: Date;

  @Field(() => DateScalar, { nullable: true })
  dueOn!: string | null;
}
