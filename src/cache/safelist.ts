import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { logger } from '../log/logger';
import { sha256, type ManifestIndex } from './operations-manifest';

export const NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST';

const MESSAGE = 'This server only answers the operations of its manifest (schema/operations/manifest.json): send one of them, by its text or by its sha256Hash in extensions.persistedQuery.';

/** Root fields a gateway asks for itself: `_service { sdl }` (composition), and `__typename`. */
function onlyServiceSdl(document: DocumentNode): boolean {
  const only = (selectionSet: SelectionSetNode, allowed: (name: string, inner: SelectionSetNode | undefined) => boolean): boolean =>
    selectionSet.selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length && allowed(s.name.value, s.selectionSet));
  const sdlOnly = (inner: SelectionSetNode | undefined) => !!inner && only(inner, (name, below) => !below && (name === 'sdl' || name === '__typename'));
  return document.definitions.length > 0 && document.definitions.every((d) =>
    d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && !d.variableDefinitions?.length
    && only(d.selectionSet, (name, inner) => (name === '_service' && sdlOnly(inner)) || (name === '__typename' && !inner)));
}

/** The document text and APQ hash of a GraphQL-over-HTTP request, as Apollo will read them. */
function requestedDocument(method: string, search: string, body: unknown): { query: unknown; hash: unknown } {
  let query: unknown;
  let extensions: unknown;
  if (method === 'GET') {
    const params = new URLSearchParams(search);
    query = params.get('query') ?? undefined;
    try {
      extensions = JSON.parse(params.get('extensions') ?? 'null');
    } catch {
      extensions = null; // Apollo refuses it
    }
  } else if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    ({ query, extensions } = body as { query?: unknown; extensions?: unknown });
  }
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery;
  return { query, hash: persisted && typeof persisted === 'object' ? persisted.sha256Hash : undefined };
}

/**
 * Safelist mode (HUBGRAPH_SAFELIST=on): only the operations of the manifest are answered, by
 * text (byte for byte, or the same document with other whitespace and comments) or by hash
 * alone (`extensions.persistedQuery.sha256Hash`), and `_service { sdl }` for gateways. The
 * check runs in the HTTP handler before Apollo, so anything else is refused before it is
 * parsed by Apollo, validated, executed or registered as an APQ: HTTP 400
 * OPERATION_NOT_IN_SAFELIST. With `enforce` false (outside production) the request goes on
 * and each unknown document is logged once.
 */
export class Safelist {
  private readonly warned = new Set<string>();

  constructor(private readonly manifest: ManifestIndex, private readonly options: { enforce: boolean; maxTokens: number }) {}

  /** null: the request may go on; else the body of the HTTP 400 to answer. */
  check(method: string, search: string, body: unknown): { errors: { message: string; extensions: { code: string } }[] } | null {
    const { query, hash } = requestedDocument(method, search, body);
    let listed: boolean;
    let key: string;
    if (typeof query === 'string' && query !== '') {
      key = sha256(query);
      listed = this.listedText(query, key);
    } else if (typeof hash === 'string') {
      key = hash;
      listed = this.manifest.byHash(hash) !== undefined;
    } else {
      return null; // no document at all: Apollo answers 400
    }
    if (listed) return null;
    if (!this.options.enforce) {
      if (this.warned.size < 1000 && !this.warned.has(key)) {
        this.warned.add(key);
        logger.warn({ queryHash: key.slice(0, 64) }, 'operation not in schema/operations/manifest.json (refused in production with HUBGRAPH_SAFELIST=on)');
      }
      return null;
    }
    return { errors: [{ message: MESSAGE, extensions: { code: NOT_IN_SAFELIST } }] };
  }

  private listedText(query: string, hash: string): boolean {
    if (this.manifest.byHash(hash)) return true;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.options.maxTokens });
    } catch {
      return false; // not a document: not in the manifest either
    }
    return this.manifest.byDocument(document) !== undefined || onlyServiceSdl(document);
  }
}
