import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LocalizedText } from '../i18n/localized-text';
import { EventKind } from './event-kind';

/** A webinar, conference, workshop, consultation, listening session or observance day. */
@Entity('event')
export class Event {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  slug!: string;

  @Column('jsonb')
  title!: LocalizedText;

  @Column('text')
  kind!: EventKind;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt!: Date | null;

  @Column('boolean')
  online!: boolean;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('text', { name: 'registration_url', nullable: true })
  registrationUrl!: string | null;

  @Column('text', { name: 'recording_url', nullable: true })
  recordingUrl!: string | null;

  @Column('uuid', { name: 'community_group_id', nullable: true })
  communityGroupId!: string | null;

  @Column('uuid', { name: 'call_id', nullable: true })
  callId!: string | null;
}
