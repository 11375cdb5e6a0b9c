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

registerEnumType(ContentStatus, {
  name: 'ContentStatus',
  description: 'Where a practice or resource is in its editorial life. Lists show PUBLISHED items only (editors: every status); an unpublished item can be opened by id or slug by its submitter, its assigned reviewers and editors.',
  valuesConfig: {
    DRAFT: { description: 'Being written by its submitter; not yet submitted.' },
    SUBMITTED: { description: 'Submitted, waiting for an editor to assign reviewers.' },
    UNDER_REVIEW: { description: 'Peer review is under way (reviewers assigned).' },
    CHANGES_REQUESTED: { description: 'An editor asked the submitter for changes; resubmitting starts a new review round.' },
    PUBLISHED: { description: 'Accepted and public.' },
    REJECTED: { description: 'Not accepted; final.' },
  },
});
