import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateScalar, DateTimeScalar } from '../graph/scalars';
import { ContentStatus } from '../content/content-status';
import { GeographicScope } from '../content/geographic-scope';
import { LocalizedText } from '../i18n/localized-text';
import { CompletionStatus } from './completion-status';

/** The person to contact about a practice. */
export interface FocalPoint {
  name: string;
  email: string;
  organization: string;
}

/**
 * A programme or policy submitted to the hub. Objective, region, country, principle and
 * organization links live in link tables; objective_count and the review aggregates are
 * maintained by triggers and feed the ranking keys.
 */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A programme or policy submitted to the hub, peer reviewed, then published.' })
@Entity('practice')
export class Practice {
  @Field(() => ID, { description: 'The practice id: a UUID, unique across all types and stable; `practice(id:)`, `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable, URL-safe name, unique among practices.' })
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('jsonb')
  summary!: LocalizedText;

  @Field(() => ContentStatus, { description: 'Where the practice is in its editorial life; anything but PUBLISHED is seen only by its submitter, its reviewers and editors.' })
  @Column('text')
  status!: ContentStatus;

  @Field(() => GeographicScope, { description: 'How far the practice reaches, from GLOBAL to LOCAL; the first key of the RANK order.' })
  @Column('text')
  scope!: GeographicScope;

  @Field(() => DateScalar, { nullable: true, description: 'When implementation began; null when unknown.' })
  @Column('date', { name: 'start_date', nullable: true })
  startDate!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Null while the practice is ongoing.' })
  @Column('date', { name: 'end_date', nullable: true })
  endDate!: string | null;

  @Column('jsonb', { name: 'lessons_learned', nullable: true })
  lessonsLearned!: LocalizedText | null;

  @Column('jsonb', { nullable: true })
  recommendations!: LocalizedText | null;

  @Column('jsonb', { nullable: true })
  takeaway!: LocalizedText | null;

  @Column('uuid', { name: 'call_id', nullable: true })
  callId!: string | null;

  @Column('uuid', { name: 'community_group_id', nullable: true })
  communityGroupId!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When an editor published it; null until then.' })
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  /** The `sub` of the member who created it; null for imported content. */
  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  /** 0 before the first submission, then the current review round. */
  @Column('smallint', { name: 'review_round' })
  reviewRound!: number;

  @Field(() => CompletionStatus, { nullable: true, description: 'How far implementation has come; null for imported practices that never said.' })
  @Column('text', { nullable: true })
  completion!: CompletionStatus | null;

  @Column('jsonb', { name: 'focal_point', nullable: true })
  focalPoint!: FocalPoint | null;

  @Column({ type: 'smallint', name: 'objective_count', insert: false, update: false })
  objectiveCount!: number;

  @Column({ type: 'numeric', name: 'review_score', precision: 4, scale: 3, nullable: true, insert: false, update: false })
  reviewScore!: string | null;
}
