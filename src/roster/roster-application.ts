import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graph/scalars';

export enum RosterApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

registerEnumType(RosterApplicationStatus, {
  name: 'RosterApplicationStatus',
  description: 'Where an application to the peer review roster stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for an editor.' },
    APPROVED: { description: 'Accepted: the applicant is on the roster as an expert.' },
    DECLINED: { description: 'Not accepted by an editor.' },
  },
});

@InputType({ description: 'An application to join the peer review roster.' })
export class RosterApplicationInput {
  @Field({ description: 'At most 300 characters.' })
  name!: string;

  @Field({ description: 'At most 300 characters.' })
  affiliation!: string;

  @Field({ description: 'Works for the UN system.' })
  isUN!: boolean;

  @Field(() => [Int], { description: 'Objectives (1..23) the applicant can review, at least one.' })
  expertise!: number[];

  @Field({ description: 'At most 5,000 characters.' })
  motivation!: string;
}

@ObjectType({ description: 'An application to the peer review roster.' })
export class RosterApplication {
  @Field(() => ID, { description: 'The application id (a UUID).' })
  id!: string;

  @Field(() => RosterApplicationStatus, { description: 'Where the application stands.' })
  status!: RosterApplicationStatus;

  @Field(() => DateTimeScalar, { description: 'When the member applied.' })
  submittedAt!: Date;

  @Field({ description: "The applicant's name as they gave it." })
  name!: string;

  @Field({ description: 'The organization the applicant works for or belongs to.' })
  affiliation!: string;

  @Field({ description: 'true when the applicant works for the UN system (the roster rule counts UN and non-UN reviewers apart).' })
  isUN!: boolean;

  @Field(() => [Int], { description: 'Objective numbers.' })
  expertise!: number[];

  @Field({ description: 'Why the applicant wants to review, and their experience.' })
  motivation!: string;

  @Field(() => ID, { nullable: true, description: 'The roster expert an approval created; the identity provider puts it in the reviewer token as expertId.' })
  expertId!: string | null;
}
