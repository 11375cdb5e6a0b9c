import { isUuid } from '../graph/ids';

/**
 * The global ids of the graph (`Node.id`), unique across all types:
 *
 * - content, people and organizations keep their UUIDs (Practice, Resource, Review,
 *   ReviewAssignment, Event, CommunityGroup, CallForPractices, Organization, Expert): a UUID
 *   is unique across tables, so it needs no prefix, and `practice(id:)`, `_entities` and
 *   `node(id:)` take the same id;
 * - reference data, keyed by a code, gets its type's prefix before the code:
 *   `objective-10`, `region-002`, `country-CHE`, `guiding-principle-CHILD_SENSITIVE`,
 *   `curated-view-home` (`curated-view-objective-10`).
 *
 * The prefixes are lower-case words with letters that are not hex digits, so no prefixed id
 * is a UUID, and none is the start of another, so an id names at most one type. Readable on
 * purpose: the ids are stable (codes never change) and a client may build them, but should
 * treat them as opaque strings.
 */
export const NODE_ID_PREFIXES = {
  Objective: 'objective-',
  Region: 'region-',
  Country: 'country-',
  GuidingPrinciple: 'guiding-principle-',
  CuratedView: 'curated-view-',
} as const;

export type PrefixedNodeType = keyof typeof NODE_ID_PREFIXES;

/** The canonical form of each type's code; any other spelling is not an id (so each node has exactly one). */
const CODES: Record<PrefixedNodeType, RegExp> = {
  Objective: /^[1-9][0-9]?$/,
  Region: /^[0-9]{3}$/,
  Country: /^[A-Z]{3}$/,
  GuidingPrinciple: /^[A-Z_]{1,60}$/,
  CuratedView: /^[a-z0-9]+(-[a-z0-9]+)*$/,
};

/** Longer than any id the graph gives out. */
const MAX_ID_LENGTH = 200;

/** What an id names: a UUID (of one of the UUID types, found by looking), or a code of a prefixed type. */
export type ParsedNodeId = { type: 'uuid'; key: string } | { type: PrefixedNodeType; key: string };

/** The id of a node of a prefixed type, from its code (or number, for objectives). */
export function nodeId(type: PrefixedNodeType, code: string | number): string {
  return `${NODE_ID_PREFIXES[type]}${code}`;
}

/**
 * What `id` names, or null when it cannot be an id of this graph (unknown prefix, code not in
 * its canonical form, too long). UUIDs are taken in any case and returned lower-cased.
 */
export function parseNodeId(id: string): ParsedNodeId | null {
  if (id.length > MAX_ID_LENGTH) return null;
  if (isUuid(id)) return { type: 'uuid', key: id.toLowerCase() };
  for (const [type, prefix] of Object.entries(NODE_ID_PREFIXES) as [PrefixedNodeType, string][]) {
    if (!id.startsWith(prefix)) continue;
    const code = id.slice(prefix.length);
    return CODES[type].test(code) ? { type, key: code } : null;
  }
  return null;
}
