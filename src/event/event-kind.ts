import { registerEnumType } from 'type-graphql';

export enum EventKind {
  WEBINAR = 'WEBINAR',
  CONFERENCE = 'CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  CONSULTATION = 'CONSULTATION',
  LISTENING_SESSION = 'LISTENING_SESSION',
  OBSERVANCE = 'OBSERVANCE',
}

registerEnumType(EventKind, { name: 'EventKind' });
