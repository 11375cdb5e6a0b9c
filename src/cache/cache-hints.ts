/**
 * How long, and for whom, the answer of a field may be cached: a table per type and per
 * field, read by computeCachePolicy from the operation document before execution. (Apollo's
 * cache-control plugin does the same with @cacheControl, but wraps every field resolver to do
 * it; this table costs one walk of the document, remembered per parsed document.)
 */

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/**
 * A hint: `maxAge` in seconds (absent: this type or field does not shorten its parent's), and
 * `scope` PRIVATE when the answer depends on who asks (absent: PUBLIC).
 */
export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
}

/** Reference data: the Compact's objectives and principles, M49 regions, countries. Changes with a deploy. */
export const REFERENCE_MAX_AGE = 86_400;
/** Curated content: practices, resources, events, groups, calls, views, network, coverage. */
export const CONTENT_MAX_AGE = 60;

const REFERENCE: CacheHint = { maxAge: REFERENCE_MAX_AGE };
const CONTENT: CacheHint = { maxAge: CONTENT_MAX_AGE };
/** Depends on the caller and changes with their own writes: never stored by anyone. */
const VIEWER_SPECIFIC: CacheHint = { maxAge: 0, scope: 'PRIVATE' };
/** Structure (connections, edges, links, payloads): as cacheable as what it holds. */
const INHERIT: CacheHint = {};

/**
 * Every object, interface and union type of the schema (a test checks that none is missing):
 * a field returning a type applies the type's hint; a type condition (`... on Practice`)
 * applies it too, so a field of an abstract type is as cacheable as the types it selects.
 */
export const TYPE_HINTS: Readonly<Record<string, CacheHint>> = {
  // Reference data
  Objective: REFERENCE,
  GuidingPrinciple: REFERENCE,
  Region: REFERENCE,
  Country: REFERENCE,
  // Content
  Practice: CONTENT,
  Resource: CONTENT,
  Event: CONTENT,
  CommunityGroup: CONTENT,
  CallForPractices: CONTENT,
  CuratedView: CONTENT,
  Organization: CONTENT,
  Review: CONTENT,
  ObjectiveNetwork: CONTENT,
  CoverageRow: CONTENT,
  // Reached through `Review.reviewer` (null for anonymous callers, identities for editors: an
  // answer that differs only by principal, and signed-in answers are never shared), `experts`,
  // `Viewer.expert` and `ReviewAssignment.reviewer`, which are viewer-specific themselves.
  Expert: INHERIT,
  // Viewer-specific
  Viewer: VIEWER_SPECIFIC,
  ReviewAssignment: VIEWER_SPECIFIC,
  ReviewProgress: VIEWER_SPECIFIC,
  WorkflowStep: VIEWER_SPECIFIC,
  RosterApplication: VIEWER_SPECIFIC,
  // Structure
  PracticeConnection: INHERIT,
  PracticeEdge: INHERIT,
  ResourceConnection: INHERIT,
  ResourceEdge: INHERIT,
  EventConnection: INHERIT,
  EventEdge: INHERIT,
  CommunityGroupConnection: INHERIT,
  CommunityGroupEdge: INHERIT,
  ExpertConnection: INHERIT,
  ExpertEdge: INHERIT,
  ReviewAssignmentConnection: INHERIT,
  ReviewAssignmentEdge: INHERIT,
  PageInfo: INHERIT,
  ObjectiveLink: INHERIT,
  ObjectiveNode: INHERIT,
  ObjectiveEdge: INHERIT,
  ReviewSubject: INHERIT,
  // Relay's interface: `node(id:)` applies the hint of each type condition it selects.
  Node: INHERIT,
  // Federation: `_entities` applies the hint of each type condition it selects.
  _Entity: INHERIT,
  _Service: INHERIT,
  // Mutation payloads: a mutation is never cached, whatever it returns.
  CallForPracticesPayload: INHERIT,
  CommunityGroupPayload: INHERIT,
  CuratedViewPayload: INHERIT,
  PracticePayload: INHERIT,
  ResourcePayload: INHERIT,
  ReviewAssignmentPayload: INHERIT,
  ReviewPayload: INHERIT,
  RosterApplicationPayload: INHERIT,
  UserError: INHERIT,
};

/**
 * Fields whose answer is shorter-lived or more private than their type says (`Type.field`).
 * A root field whose own hint and type's hint give no max-age (a connection, say) is not
 * cacheable (max-age 0): every root field says how long it lives.
 */
export const FIELD_HINTS: Readonly<Record<string, CacheHint>> = {
  'Query.practices': CONTENT,
  'Query.resources': CONTENT,
  'Query.events': CONTENT,
  'Query.communityGroups': CONTENT,
  'Query.node': CONTENT,
  'Query.nodes': CONTENT,
  'Query.viewer': VIEWER_SPECIFIC,
  'Query.experts': VIEWER_SPECIFIC,
  'Query.rosterApplications': VIEWER_SPECIFIC,
  'Query._service': CONTENT,
  'Query._entities': CONTENT,
  // An objective is reference data; what is attached to it is content.
  'Objective.practices': CONTENT,
  'Objective.resources': CONTENT,
  'Objective.events': CONTENT,
  'Objective.communityGroups': CONTENT,
  'Objective.linkedObjectives': CONTENT,
  'Practice.reviewProgress': VIEWER_SPECIFIC,
  'Practice.history': VIEWER_SPECIFIC,
  'Resource.reviewProgress': VIEWER_SPECIFIC,
  'Resource.history': VIEWER_SPECIFIC,
};
