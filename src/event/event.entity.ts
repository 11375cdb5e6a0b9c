import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface';
import { DateTimeScalar, URLScalar } from '../graph/scalars';
import { LocalizedText } from '../i18n/localized-text';
import { EventKind } from './event-kind';

/** A webinar, conference, workshop, consultation, listening session or observance day. */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Node, description: 'A webinar, conference, workshop, consultation, listening session or observance day.' })
@Entity('event')
export class Event {
  @Field(() => ID, { description: 'The event id: a UUID, unique across all types and stable; `event(id:)`, `node(id:)` and federation take it.' })
  @PrimaryColumn('uuid')
  id!: string;

  @Field({ description: 'Stable, URL-safe name, unique among events.' })
  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Field(() => EventKind, { description: 'The format of the event.' })
  @Column('text')
  kind!: EventKind;

  @Field(() => DateTimeScalar, { description: 'When it starts, as an instant (show it in the reader\'s time zone).' })
  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ends; null when not announced.' })
  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  @Field({ description: 'true when one can take part online (online-only or hybrid).' })
  @Column('boolean')
  online!: boolean;

  @Field(() => String, { nullable: true, description: 'Where it happens in person; null for online-only events.' })
  @Column('text', { nullable: true })
  location!: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Where to register; null when the event has no registration link.' })
  @Column('text', { name: 'registration_url', nullable: true })
  registrationUrl!: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Where to watch the recording; null until one is published.' })
  @Column('text', { name: 'recording_url', nullable: true })
  recordingUrl!: string | null;

  @Column('uuid', { name: 'community_group_id', nullable: true })
  communityGroupId!: string | null;

  @Column('uuid', { name: 'call_id', nullable: true })
  callId!: string | null;
}
