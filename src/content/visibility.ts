import type { Viewer } from '../context';

/** SQL condition: the row `alias` is one the viewer may see (anonymous: PUBLISHED only). */
export function visibleTo(viewer: Viewer, alias = 't'): string {
  return viewer.canSeeUnpublished ? 'true' : `${alias}.status = 'PUBLISHED'`;
}
