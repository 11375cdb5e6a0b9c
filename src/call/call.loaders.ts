import type { LoaderDeps } from '../graph/module';
import { callsById, callsBySlug } from './call.store';

export function createCallLoaders({ sql, loader }: LoaderDeps) {
  return {
    call: loader((ids: readonly string[]) => callsById(sql, ids)),
    callBySlug: loader((slugs: readonly string[]) => callsBySlug(sql, slugs)),
  };
}
