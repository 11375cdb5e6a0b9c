import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, URLScalar } from '../graph/scalars';
import { LocalizedText } from '../i18n/localized-text';
import { EventKind } from './event-kind';

/** A webinar, conference, workshop, consultation, listening session or observance day. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A webinar, conference, workshop, consultation, listening session or observance day.' })
@Entity('event')
export class Event {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field()
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Field(() => EventKind)
  @Column('text')
  kind!: EventKind;

  @Field(() => DateTimeScalar)
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  @Field()
  @Column('boolean')
  online!: boolean;

  @Field(() => String, { nullable: true, description: 'Where it happens in person; null for online-only events.' })
  @Column('text', { nullable: true })
  location!: string | null;

  @Field(() => URLScalar, { nullable: true })
  @Column('text', { name: 'registration_url', nullable: true })
  registrationUrl!: string | null;

  @Field(() => URLScalar, { nullable: true })
  @Column('text', { name: 'recording_url', nullable: true })
  recordingUrl!: string | null;

  @Column('uuid', { name: 'community_group_id', nullable: true })
  communityGroupId!: string | null;

  @Column('uuid', { name: 'call_id', nullable: true })
  callId!: string | null;
}
