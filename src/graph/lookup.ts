import type DataLoader from 'dataloader';
import { isUuid } from './ids';
import { userInputError } from './user-input-error';

/**
 * Resolves a root lookup by exactly one of `id` and `slug`; null when nothing visible has
 * it. Neither, both, or a malformed id is a BAD_USER_INPUT error.
 */
export async function lookup<T>(
  what: string,
  args: { id?: string | null; slug?: string | null },
  byId: DataLoader<string, T | null>,
  bySlug: DataLoader<string, T | null>,
): Promise<T | null> {
  const { id, slug } = args;
  if ((id == null) === (slug == null)) throw userInputError(id == null ? 'id' : 'slug', `Pass exactly one of id and slug to look up a ${what}.`);
  if (id != null) {
    if (!isUuid(id)) throw userInputError('id', `id must be a UUID such as "0b6c3f7e-1d2a-4c5b-8e9f-000000000401"; got "${id.slice(0, 60)}".`);
    return byId.load(id.toLowerCase());
  }
  if (slug!.includes('\u0000') || slug!.length > 300) return null; // no slug looks like that
  return bySlug.load(slug!);
}
