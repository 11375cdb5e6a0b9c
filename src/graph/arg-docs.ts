/**
 * Descriptions of the arguments that many fields share (`@Arg(..., { description: ARG_DOCS.first })`),
 * so that they read the same everywhere in the schema.
 */
export const ARG_DOCS = {
  /** Connection fields: the page size (see `pageSize`). */
  first: 'How many items to return: 0..100, 20 when omitted; anything else is a BAD_USER_INPUT error.',
  /** Connection fields: the keyset cursor. */
  after:
    'Return the items after this cursor (an edge `cursor` or `pageInfo.endCursor` of the same list with the same arguments); omit it for the first page.',
  /** Localized text fields. */
  locale:
    "Language of the text; when omitted, the request's Accept-Language header decides, else English. A missing translation falls back to English.",
} as const;
