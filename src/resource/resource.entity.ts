import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateScalar, URLScalar } from '../graph/scalars';
import { ContentStatus } from '../content/content-status';
import { GeographicScope } from '../content/geographic-scope';
import { LocalizedText } from '../i18n/localized-text';
import { ResourceType } from './resource-type';

/** A policy brief, report, dataset, video or other knowledge product, peer reviewed. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A knowledge product (brief, paper, report, dataset, video, toolkit…), peer reviewed.' })
@Entity('resource')
export class Resource {
  @Field(() => ID, { description: 'The resource id: a UUID, unique across all types and stable; `resource(id:)`, `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable, URL-safe name, unique among resources.' })
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('jsonb')
  summary!: LocalizedText;

  @Field(() => ResourceType, { description: 'What kind of publication or material it is.' })
  @Column('text')
  type!: ResourceType;

  @Field(() => URLScalar, { description: 'Where to read, watch or download it (absolute http(s) URL, usually on the publisher\'s site).' })
  @Column('text')
  url!: string;

  @Field(() => GeographicScope, { description: 'How far its subject reaches, from GLOBAL to LOCAL; the first key of the RANK order.' })
  @Column('text')
  scope!: GeographicScope;

  @Column('uuid', { name: 'publisher_id', nullable: true })
  publisherId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When its publisher published it (not when the hub did); null when unknown.' })
  @Column('date', { name: 'published_on', nullable: true })
  publishedOn!: string | null;

  @Field(() => ContentStatus, { description: 'Where the resource is in its editorial life; anything but PUBLISHED is seen only by its submitter, its reviewers and editors.' })
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
