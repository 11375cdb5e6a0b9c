import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../graph/scalars';

export enum RosterApplicationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}

registerEnumType(RosterApplicationStatus, { name: 'RosterApplicationStatus' });

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
  @Field(() => ID)
  id!: string;

  @Field(() => RosterApplicationStatus)
  status!: RosterApplicationStatus;

  @Field(() => DateTimeScalar)
  submittedAt!: Date;

  @Field()
  name!: string;

  @Field()
  affiliation!: string;

  @Field()
  isUN!: boolean;

  @Field(() => [Int], { description: 'Objective numbers.' })
  expertise!: number[];

  @Field()
  motivation!: string;

  @Field(() => ID, { nullable: true, description: 'The roster expert an approval created; the identity provider puts it in the reviewer token as expertId.' })
  expertId!: string | null;
}
