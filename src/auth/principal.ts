import { registerEnumType } from 'type-graphql';

/** What a signed-in person may do; a token carries any of them in its `roles` claim. */
export enum Role {
  MEMBER = 'MEMBER',
  REVIEWER = 'REVIEWER',
  EDITOR = 'EDITOR',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'MEMBER: drafts and submits content, joins groups. REVIEWER: answers review assignments. EDITOR: runs calls, reviews and curation, sees everything.',
  valuesConfig: {
    MEMBER: { description: 'Creates and submits practices and resources, joins community groups, applies to the roster.' },
    REVIEWER: { description: 'A roster expert: answers their own review assignments.' },
    EDITOR: { description: 'Creates calls, assigns reviewers, decides, curates; sees every item and reviewer identities.' },
  },
});

/**
 * Who is asking, for one operation: the token's `sub` (null for anonymous callers), its
 * roles, and for reviewers the roster expert they are.
 */
export interface Principal {
  readonly id: string | null;
  readonly roles: readonly Role[];
  readonly expertId: string | null;
  readonly name: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({ id: null, roles: Object.freeze([]) as readonly Role[], expertId: null, name: null });

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}
