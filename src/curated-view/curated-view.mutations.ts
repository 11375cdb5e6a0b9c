import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Role } from '../auth/principal';
import { requireRole } from '../auth/guards';
import type { Context } from '../context';
import type { Sql } from '../db/sql';
import { isUuid } from '../graph/ids';
import { payload } from '../graph/payload';
import { refuse, UserError, UserErrorCode } from '../graph/user-error';
import { write, type WriteResult } from '../graph/write';
import { CuratedView } from './curated-view.entity';

const MAX_PINS = 100;
const TARGETS = ['practice_id', 'resource_id', 'event_id', 'community_group_id'] as const;

@ObjectType({ description: 'The view after the change, or why nothing changed.' })
export class CuratedViewPayload {
  @Field(() => CuratedView, { nullable: true, description: 'The view with its new pins; null when refused.' })
  view!: CuratedView | null;

  @Field(() => [UserError], { description: 'Why nothing was written; empty on success.' })
  errors!: UserError[];
}

interface Pin {
  column: (typeof TARGETS)[number];
  id: string;
}

/** Locks the view and returns its pins in order; NOT_FOUND for an unknown slug. */
async function lockPins(tx: Sql, slug: string): Promise<Pin[]> {
  const rows = slug.length <= 300 && !slug.includes('\u0000')
    ? await tx.query<{ slug: string }>('/* lockView */ SELECT slug FROM curated_view WHERE slug = $1 FOR UPDATE', [slug])
    : [];
  if (rows.length === 0) refuse(UserErrorCode.NOT_FOUND, `No curated view has the slug "${slug.slice(0, 60)}".`, ['slug']);
  const items = await tx.query<Record<string, string | null>>(`/* viewPins */ SELECT ${TARGETS.join(', ')} FROM curated_view_item WHERE view_slug = $1 ORDER BY position`, [slug]);
  return items.map((item) => {
    const column = TARGETS.find((c) => item[c] !== null)!;
    return { column, id: item[column]! };
  });
}

/** Replaces the view's pins with `pins`, numbered 0.. in order. */
async function savePins(tx: Sql, slug: string, pins: Pin[]): Promise<void> {
  const column = (c: Pin['column']) => pins.map((p) => (p.column === c ? p.id : null));
  // Two statements: a row deleted and re-inserted under the same key in one statement would clash.
  await tx.query('/* clearPins */ DELETE FROM curated_view_item WHERE view_slug = $1', [slug]);
  await tx.query(`/* savePins */ INSERT INTO curated_view_item (view_slug, position, ${TARGETS.join(', ')})
    SELECT $1, (n - 1)::smallint, p, r, e, g FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) WITH ORDINALITY AS u(p, r, e, g, n)`,
  [slug, ...TARGETS.map(column)]);
}

/** Where an item lives and whether it may be pinned (published practices and resources, any event or group). */
async function findItem(tx: Sql, id: string): Promise<Pin & { published: boolean }> {
  const rows = isUuid(id)
    ? await tx.query<{ column: Pin['column']; published: boolean }>(`/* pinTarget */
        SELECT 'practice_id' AS column, status = 'PUBLISHED' AS published FROM practice WHERE id = $1
        UNION ALL SELECT 'resource_id', status = 'PUBLISHED' FROM resource WHERE id = $1
        UNION ALL SELECT 'event_id', true FROM event WHERE id = $1
        UNION ALL SELECT 'community_group_id', true FROM community_group WHERE id = $1`, [id.toLowerCase()])
    : [];
  if (rows.length === 0) refuse(UserErrorCode.NOT_FOUND, `No practice, resource, event or group has the id "${id.slice(0, 60)}".`, ['itemId']);
  return { ...rows[0], id: id.toLowerCase() };
}

async function pin(ctx: Context, slug: string, itemId: string, position: number | null | undefined): Promise<WriteResult<string>> {
  requireRole(ctx, 'curate views', Role.EDITOR);
  if (position != null && (!Number.isInteger(position) || position < 0 || position >= MAX_PINS)) {
    return { ok: false, errors: [Object.assign(new UserError(), { code: UserErrorCode.INVALID_INPUT, message: `position must be from 0 to ${MAX_PINS - 1}; got ${position}.`, field: ['position'] })] };
  }
  return write(ctx, async (tx) => {
    const pins = await lockPins(tx, slug);
    const item = await findItem(tx, itemId);
    if (!item.published) refuse(UserErrorCode.NOT_PUBLISHED, 'Only published practices and resources can be pinned.', ['itemId']);
    const rest = pins.filter((p) => p.id !== item.id);
    if (rest.length >= MAX_PINS) refuse(UserErrorCode.INVALID_INPUT, `A view holds at most ${MAX_PINS} pinned items; unpin one first.`, ['slug']);
    const at = Math.min(position ?? rest.length, rest.length);
    await savePins(tx, slug, [...rest.slice(0, at), { column: item.column, id: item.id }, ...rest.slice(at)]);
    return slug;
  });
}

async function unpin(ctx: Context, slug: string, itemId: string): Promise<WriteResult<string>> {
  requireRole(ctx, 'curate views', Role.EDITOR);
  return write(ctx, async (tx) => {
    const pins = await lockPins(tx, slug);
    const id = itemId.toLowerCase();
    if (!pins.some((p) => p.id === id)) refuse(UserErrorCode.NOT_FOUND, `The item "${itemId.slice(0, 60)}" is not pinned to "${slug}".`, ['itemId']);
    await savePins(tx, slug, pins.filter((p) => p.id !== id));
    return slug;
  });
}

/** The view as the committed write left it (write() gave the operation new loaders). */
function reload(ctx: Context) {
  return (slug: string) => ctx.loaders.view.load(slug);
}

@Resolver()
export class CuratedViewMutations {
  @Mutation(() => CuratedViewPayload, { description: 'Editors: pin a published practice, resource, event or group at a position (0 first; default last) of a curated view; pinning again moves it.' })
  async pinToView(
    @Ctx() ctx: Context,
    @Arg('slug', { description: 'The view to pin in, e.g. `home`.' }) slug: string,
    @Arg('itemId', () => ID, { description: 'The practice, resource, event or community group to pin (a published one).' }) itemId: string,
    @Arg('position', () => Int, { nullable: true, description: 'Where among the view\'s pins: 0 is first; last when omitted.' }) position?: number | null,
  ): Promise<CuratedViewPayload> {
    return payload('view', await pin(ctx, slug, itemId, position), reload(ctx));
  }

  @Mutation(() => CuratedViewPayload, { description: 'Editors: unpin an item from a curated view.' })
  async unpinFromView(@Ctx() ctx: Context, @Arg('slug', { description: 'The view to unpin from.' }) slug: string, @Arg('itemId', () => ID, { description: 'The pinned item to remove.' }) itemId: string): Promise<CuratedViewPayload> {
    return payload('view', await unpin(ctx, slug, itemId), reload(ctx));
  }
}
