import type { LoaderDeps } from '../graph/module';
import { viewsBySlug } from './curated-view.store';

export function createViewLoaders({ sql, loader }: LoaderDeps) {
  return {
    view: loader((slugs: readonly string[]) => viewsBySlug(sql, slugs)),
  };
}
