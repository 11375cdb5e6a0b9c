import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateTimeScalar } from '../graph/scalars';

export enum ReviewDecision {
  APPROVE = 'APPROVE',
  REVISE = 'REVISE',
  REJECT = 'REJECT',
}

registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: "A reviewer's recommendation on a practice or resource; editors decide (EditorDecision) once the roster rule is met.",
  valuesConfig: {
    APPROVE: { description: 'Publish it as it is.' },
    REVISE: { description: 'Publishable after the changes the comment asks for.' },
    REJECT: { description: 'Not suitable for the hub.' },
  },
});

/** A roster expert's peer review of exactly one practice or one resource. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A peer review by an expert of the roster.' })
@Entity('review')
export class Review {
  @Field(() => ID, { description: 'The review id: a UUID, unique across all types and stable; `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'practice_id', nullable: true })
  practiceId!: string | null;

  @Column('uuid', { name: 'resource_id', nullable: true })
  resourceId!: string | null;

  @Column('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @Field(() => ReviewDecision, { description: 'What the reviewer recommends.' })
  @Column('text')
  decision!: ReviewDecision;

  /** Overall score, 1..5. */
  @Field(() => Int, { description: 'Overall score, 1..5.' })
  @Column('smallint')
  score!: number;

  @Field(() => String, { nullable: true, description: "The reviewer's comments for the submitter and editors; null when none." })
  @Column('text', { nullable: true })
  comment!: string | null;

  /** Reviewers declare any conflict of interest before they may submit. */
  @Column('timestamptz', { name: 'conflict_of_interest_declared_at' })
  conflictOfInterestDeclaredAt!: Date;

  /** The declared conflict, null when the reviewer declared none. */
  @Column('text', { name: 'conflict_of_interest', nullable: true })
  conflictOfInterest!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the review was submitted.' })
  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Field(() => Int, { description: 'The review round of the subject this review belongs to.' })
  @Column('smallint')
  round!: number;

  /** The assignment it answers; null for reviews imported from before the workflow. */
  @Column('uuid', { name: 'assignment_id', nullable: true })
  assignmentId!: string | null;
}
