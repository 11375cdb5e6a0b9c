import { escapeLiteral } from 'pg';
import { hasRole, Role, type Principal } from './principal';

export type ContentKind = 'practice' | 'resource';

/** Item fields the policy looks at. */
export interface Authored {
  createdBy?: string | null;
}

/**
 * The one visibility policy: what a principal may see, as SQL predicates for the stores
 * and as yes/no answers for field resolvers. Every read path asks it.
 *
 * - Lists, counts, search, curated views and relations between items (`listed`): PUBLISHED
 *   items; editors see every status.
 * - Direct reads (by id or slug, `_entities`, a review's subject): what is listed, plus a
 *   member's own items in any status and a reviewer's assigned items.
 * - Analytics (network, coverage, exports): PUBLISHED items for everyone.
 * - Reviewer identities, histories, the roster and its applications: editors only.
 */
export class VisibilityPolicy {
  readonly isEditor: boolean;
  private readonly me: string | null;
  private readonly expert: string | null;

  constructor(readonly principal: Principal) {
    this.isEditor = hasRole(principal, Role.EDITOR);
    // Token claims were validated (no NUL, bounded length); they are still quoted, never spliced.
    this.me = principal.id === null ? null : escapeLiteral(principal.id);
    this.expert = principal.expertId === null ? null : escapeLiteral(principal.expertId);
  }

  /** Items of lists, counts, search, curated views and item-to-item relations. */
  listed(alias = 't'): string {
    return this.isEditor ? 'true' : `${alias}.status = 'PUBLISHED'`;
  }

  /** Whether `listed()` is exactly the published items: the maintained counts (which count those) then serve its lists. */
  get listsPublishedOnly(): boolean {
    return !this.isEditor;
  }

  /**
   * Items one may open by id or slug: listed ones, one's own, and those one was asked to
   * review. Any assignment counts, declined or withdrawn too: the reviewer still reads that
   * assignment (`viewer.assignments`, `_entities`, the respond payload), and its non-null
   * `subject` must then resolve.
   */
  readable(kind: ContentKind, alias = 't'): string {
    if (this.isEditor) return 'true';
    const parts = [`${alias}.status = 'PUBLISHED'`];
    if (this.me) parts.push(`${alias}.created_by = ${this.me}`);
    if (this.expert) {
      parts.push(`EXISTS (SELECT 1 FROM review_assignment va WHERE va.${kind}_id = ${alias}.id AND va.expert_id = ${this.expert}::uuid)`);
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
  }

  /** Items that analytics (network, coverage, exports) count: the published hub, for everyone. */
  analysed(alias = 't'): string {
    return `${alias}.status = 'PUBLISHED'`;
  }

  /** Whether `analysed()` is exactly the published items: the maintained aggregates (which count those) then answer analytics. */
  get analysesPublishedOnly(): boolean {
    return true;
  }

  /**
   * Reviews (`review`) of a subject row (`subject`) one may read: all for editors; all of a
   * published item; a submitter's own item's reviews once a round is decided; one's own.
   */
  reviews(review = 'r', subject = 's'): string {
    if (this.isEditor) return 'true';
    const parts = [`${subject}.status = 'PUBLISHED'`];
    if (this.me) {
      parts.push(`(${subject}.created_by = ${this.me} AND (${subject}.status IN ('CHANGES_REQUESTED', 'REJECTED') OR ${review}.round < ${subject}.review_round))`);
    }
    if (this.expert) parts.push(`${review}.reviewer_id = ${this.expert}::uuid`);
    return `(${parts.join(' OR ')})`;
  }

  /** Assignments (`a`) one may read: all for editors, a reviewer's own. */
  assignments(assignment = 'a'): string {
    if (this.isEditor) return 'true';
    return this.expert ? `${assignment}.expert_id = ${this.expert}::uuid` : 'false';
  }

  owns(item: Authored): boolean {
    return this.principal.id !== null && item.createdBy === this.principal.id;
  }

  /** Who reviewed, who invited, who acted: editors only. */
  seesIdentities(): boolean {
    return this.isEditor;
  }

  seesHistory(): boolean {
    return this.isEditor;
  }

  seesReviewProgress(item: Authored): boolean {
    return this.isEditor || this.owns(item);
  }

  /** A roster expert's entry: editors, and the expert themself. */
  seesExpert(expertId: string): boolean {
    return this.isEditor || this.principal.expertId === expertId;
  }
}
