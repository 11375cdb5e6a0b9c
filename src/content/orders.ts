import { registerEnumType } from 'type-graphql';
import type { Ordering } from '../graph/ordering';
import type { Locale } from '../i18n/localized-text';

/** How a list of practices or resources is ordered. */
export enum ContentOrder {
  RANK = 'RANK',
  RECENT = 'RECENT',
  TITLE = 'TITLE',
}

registerEnumType(ContentOrder, {
  name: 'PracticeOrder',
  description: 'RANK: global before regional, then more objectives, better reviews, newer (the default). RECENT: newest first. TITLE: A to Z in the request locale.',
  valuesConfig: {
    RANK: { description: 'Global before regional, then more objectives, better reviews, newer: the hub ranking (the default).' },
    RECENT: { description: 'Newest first (by publication date).' },
    TITLE: { description: 'By title, A to Z, in the request locale (English where a title has no translation).' },
  },
});

/** The same orders for resources, under the contract's name. */
export const ResourceOrder = { ...ContentOrder } as const;
export type ResourceOrder = ContentOrder;
registerEnumType(ResourceOrder, {
  name: 'ResourceOrder',
  description: 'RANK: global before regional, then more objectives, better reviews, newer (the default). RECENT: newest first. TITLE: A to Z in the request locale.',
  valuesConfig: {
    RANK: { description: 'Global before regional, then more objectives, better reviews, newer: the hub ranking (the default).' },
    RECENT: { description: 'Newest first (by publication date).' },
    TITLE: { description: 'By title, A to Z, in the request locale (English where a title has no translation).' },
  },
});

/**
 * The orderings of DESIGN.md over the maintained ranking columns (see the initial
 * migration): all ascending, id last, so one index serves ORDER BY and the cursor.
 */
export function contentOrdering(order: ContentOrder, locale: Locale): Ordering {
  switch (order) {
    case ContentOrder.RECENT:
      return { name: 'RECENT', keys: [{ expr: 't.rank_recency', type: 'bigint' }, { expr: 't.id', type: 'uuid' }] };
    case ContentOrder.TITLE:
      return {
        name: `TITLE:${locale}`,
        keys: [{ expr: `lower(coalesce(nullif(btrim(t.title->>'${locale}'), ''), t.title->>'en'))`, type: 'text' }, { expr: 't.id', type: 'uuid' }],
      };
    default:
      return {
        name: 'RANK',
        keys: [
          { expr: 't.rank_scope', type: 'smallint' },
          { expr: 't.rank_objectives', type: 'smallint' },
          { expr: 't.rank_score', type: 'numeric' },
          { expr: 't.rank_recency', type: 'bigint' },
          { expr: 't.id', type: 'uuid' },
        ],
      };
  }
}
