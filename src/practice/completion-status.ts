import { registerEnumType } from 'type-graphql';

/** How far a practice has come; the hub takes practices "fully or mostly completed". */
export enum CompletionStatus {
  FULLY_COMPLETED = 'FULLY_COMPLETED',
  MOSTLY_COMPLETED = 'MOSTLY_COMPLETED',
  ONGOING = 'ONGOING',
}

registerEnumType(CompletionStatus, { name: 'CompletionStatus', description: 'How far a practice has come; submissions must be FULLY_COMPLETED or MOSTLY_COMPLETED.' });
