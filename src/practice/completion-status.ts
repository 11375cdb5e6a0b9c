import { registerEnumType } from 'type-graphql';

/** How far a practice has come; the hub takes practices "fully or mostly completed". */
export enum CompletionStatus {
  FULLY_COMPLETED = 'FULLY_COMPLETED',
  MOSTLY_COMPLETED = 'MOSTLY_COMPLETED',
  ONGOING = 'ONGOING',
}

registerEnumType(CompletionStatus, {
  name: 'CompletionStatus',
  description: 'How far a practice has come; submissions must be FULLY_COMPLETED or MOSTLY_COMPLETED.',
  valuesConfig: {
    FULLY_COMPLETED: { description: 'Implemented in full; results can be reported.' },
    MOSTLY_COMPLETED: { description: 'Most of it implemented; may be submitted.' },
    ONGOING: { description: 'Still early in implementation; may be saved as a draft but not submitted.' },
  },
});
