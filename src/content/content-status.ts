import { registerEnumType } from 'type-graphql';

/** Editorial life of a practice or resource; only PUBLISHED is visible to anonymous callers. */
export enum ContentStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}

registerEnumType(ContentStatus, { name: 'ContentStatus' });
