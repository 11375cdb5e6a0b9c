import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, URLScalar } from '../graph/scalars';
import { ContentStatus } from '../content/content-status';
import { GeographicScope } from '../content/geographic-scope';
import { LocalizedText } from '../i18n/localized-text';
import { ResourceType } from './resource-type';

/** A policy brief, report, dataset, video or other knowledge product, peer reviewed. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A knowledge product (brief, paper, report, dataset, video, toolkit…), peer reviewed.' })
@Entity('resource')
export class Resource {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('jsonb')
  summary!: LocalizedText;

  @Field(() => ResourceType)
  @Column('text')
  type!: ResourceType;

  @Field(() => URLScalar)
  @Column('text')
  url!: string;

  @Field(() => GeographicScope)
  @Column('text')
  scope!: GeographicScope;

  @Column('uuid', { name: 'publisher_id', nullable: true })
  publisherId!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Field(() => ContentStatus)
  @Column('text')
  status!: ContentStatus;

  @Column('uuid', { name: 'community_group_id', nullable: true })
  communityGroupId!: string | null;

  /** The `sub` of the member who created it; null for imported content. */
  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  /** 0 before the first submission, then the current review round. */
  @Column('smallint', { name: 'review_round' })
  reviewRound!: number;

  @Column({ type: 'smallint', name: 'objective_count', insert: false, update: false })
  objectiveCount!: number;

  @Column({ type: 'numeric', name: 'review_score', precision: 4, scale: 3, nullable: true, insert: false, update: false })
  reviewScore!: string | null;
}
