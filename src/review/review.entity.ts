import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ReviewDecision = 'APPROVE' | 'REVISE' | 'REJECT';

/** A roster expert's peer review of exactly one practice or one resource. */
@Entity('review')
export class Review {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'practice_id', nullable: true })
  practiceId!: string | null;

  @Column('uuid', { name: 'resource_id', nullable: true })
  resourceId!: string | null;

  @Column('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @Column('text')
  decision!: ReviewDecision;

  /** Overall score, 1..5. */
  @Column('smallint')
  score!: number;

  @Column('text', { nullable: true })
  comment!: string | null;

  /** Reviewers declare any conflict of interest before they may submit. */
  @Column('timestamptz', { name: 'conflict_of_interest_declared_at' })
  conflictOfInterestDeclaredAt!: Date;

  /** The declared conflict, null when the reviewer declared none. */
  @Column('text', { name: 'conflict_of_interest', nullable: true })
  conflictOfInterest!: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;
}
