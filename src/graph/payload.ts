import type { UserError } from './user-error';
import type { WriteResult } from './write';

/**
 * A mutation payload from a write's result: on success the written item, loaded again
 * (write() gave the operation new loaders at commit) so the caller gets it as they may now see it;
 * on refusal no item and the errors.
 */
export async function payload<K extends string, T>(
  key: K,
  result: WriteResult<string>,
  reload: (id: string) => Promise<T | null>,
): Promise<Record<K, T | null> & { errors: UserError[] }> {
  if (!result.ok) return { [key]: null, errors: result.errors } as Record<K, T | null> & { errors: UserError[] };
  return { [key]: await reload(result.value), errors: [] } as Record<K, T | null> & { errors: UserError[] };
}
