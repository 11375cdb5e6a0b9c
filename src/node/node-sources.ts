import type { Context } from '../context';
import { parseNodeId, type PrefixedNodeType } from './node-id';
import { asNode, type Node } from './node.interface';

type Load = (ctx: Context, key: string) => Promise<object | null> | null;

/**
 * The types whose id is a UUID, each with the operation's loader for it: the loaders apply
 * the visibility policy (a draft is null for anonymous callers), as they do for `_entities`.
 */
const UUID_TYPES: ReadonlyArray<readonly [string, Load]> = [
  ['Practice', (ctx, id) => ctx.loaders.practice.load(id)],
  ['Resource', (ctx, id) => ctx.loaders.resource.load(id)],
  ['Review', (ctx, id) => ctx.loaders.review.load(id)],
  ['ReviewAssignment', (ctx, id) => ctx.loaders.assignment.load(id)],
  ['Event', (ctx, id) => ctx.loaders.event.load(id)],
  ['CommunityGroup', (ctx, id) => ctx.loaders.group.load(id)],
  ['CallForPractices', (ctx, id) => ctx.loaders.call.load(id)],
  ['Organization', (ctx, id) => ctx.loaders.organization.load(id)],
  // The roster is seen by editors and by each expert themself (the policy's rule, as in `_entities`).
  ['Expert', (ctx, id) => (ctx.policy.seesExpert(id) ? ctx.loaders.expert.load(id) : null)],
];

/** The types whose id is a prefixed code, with their loader by code. */
const PREFIXED_TYPES: Readonly<Record<PrefixedNodeType, Load>> = {
  Objective: (ctx, code) => ctx.loaders.objective.load(Number(code)),
  Region: (ctx, code) => ctx.loaders.region.load(code),
  Country: (ctx, code) => ctx.loaders.country.load(code),
  GuidingPrinciple: (ctx, code) => ctx.loaders.principle.load(code),
  CuratedView: (ctx, slug) => ctx.loaders.view.load(slug),
};

/** Every type that implements Node. */
export const NODE_TYPES: readonly string[] = [...UUID_TYPES.map(([type]) => type), ...Object.keys(PREFIXED_TYPES)];

/**
 * The node an id names, or null when it names nothing the caller may see (malformed, unknown,
 * invisible). A prefixed id costs its type's loader; a UUID is asked of every UUID type's
 * loader (at most one has it). The loads start synchronously, so every id of a tick shares
 * one statement per type: any number of ids cost at most one statement per type.
 */
export async function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const parsed = parseNodeId(id);
  if (!parsed) return null;
  if (parsed.type !== 'uuid') {
    const row = await PREFIXED_TYPES[parsed.type](ctx, parsed.key);
    return row ? (asNode(row, parsed.type) as Node) : null;
  }
  const rows = await Promise.all(UUID_TYPES.map(async ([type, load]) => {
    const row = await load(ctx, parsed.key);
    return row ? (asNode(row, type) as Node) : null;
  }));
  return rows.find((row) => row !== null) ?? null;
}
