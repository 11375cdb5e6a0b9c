import { registerEnumType } from 'type-graphql';

export enum EventKind {
  WEBINAR = 'WEBINAR',
  CONFERENCE = 'CONFERENCE',
  WORKSHOP = 'WORKSHOP',
  CONSULTATION = 'CONSULTATION',
  LISTENING_SESSION = 'LISTENING_SESSION',
  OBSERVANCE = 'OBSERVANCE',
}

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'The format of an event.',
  valuesConfig: {
    WEBINAR: { description: 'An online presentation or panel, usually recorded.' },
    CONFERENCE: { description: 'A conference or high-level meeting, in person or hybrid.' },
    WORKSHOP: { description: 'A hands-on working session, e.g. a training or capacity-building workshop.' },
    CONSULTATION: { description: 'A consultation gathering input from stakeholders, e.g. for a review or a report.' },
    LISTENING_SESSION: { description: 'A session where migrants, communities or practitioners are heard.' },
    OBSERVANCE: { description: 'An international day or week, e.g. World Day Against Trafficking in Persons (30 July).' },
  },
});
