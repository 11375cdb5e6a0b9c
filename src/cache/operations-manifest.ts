import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, type DocumentNode } from 'graphql';

/** One persisted operation: `id` is the SHA-256 (hex) of `body`, the document's exact text. */
export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Apollo's persisted query manifest format (what Apollo Client's and the Router's tools read). */
export interface OperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

/** Where the front-end operations and their manifest live, from the project root. */
export const OPERATIONS_DIR = path.join('schema', 'operations');
export const MANIFEST_FILE = path.join(OPERATIONS_DIR, 'manifest.json');

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The manifest of every `*.graphql` file of `dir`, by file name: each file holds exactly one
 * named operation (and its fragments), hashed as it is written, byte for byte.
 */
export function buildManifest(dir: string = OPERATIONS_DIR): OperationManifest {
  const files = readdirSync(dir).filter((file) => file.endsWith('.graphql')).sort();
  const operations = files.map((file): ManifestOperation => {
    const body = readFileSync(path.join(dir, file), 'utf8');
    const definitions = parse(body).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    if (definitions.length !== 1 || definitions[0].kind !== Kind.OPERATION_DEFINITION || !definitions[0].name) {
      throw new Error(`${path.join(dir, file)} must hold exactly one named operation`);
    }
    return { id: sha256(body), name: definitions[0].name.value, type: definitions[0].operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The text of manifest.json for `manifest`. */
export function renderManifest(manifest: OperationManifest = buildManifest()): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Looks documents up in a manifest: by hash (the exact text, or an APQ sha256Hash) or by
 * text in canonical form (`print(parse(text))`), so whitespace, comments and a missing final
 * newline do not matter.
 */
export class ManifestIndex {
  private readonly byId = new Map<string, ManifestOperation>();
  private readonly byCanonicalText = new Map<string, ManifestOperation>();

  constructor(readonly manifest: OperationManifest) {
    for (const operation of manifest.operations) {
      this.byId.set(operation.id, operation);
      this.byCanonicalText.set(print(parse(operation.body)), operation);
    }
  }

  byHash(hash: string): ManifestOperation | undefined {
    return this.byId.get(hash);
  }

  /** The operation whose text, in canonical form, is `document`'s (whitespace, comments, a final newline aside). */
  byDocument(document: DocumentNode): ManifestOperation | undefined {
    return this.byCanonicalText.get(print(document));
  }
}

/** `npm run operations:manifest` (writes schema/operations/manifest.json) or `-- --check` (exits 1 when it is stale). */
function main(): void {
  const text = renderManifest();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(MANIFEST_FILE, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${MANIFEST_FILE} is stale: run npm run operations:manifest`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(MANIFEST_FILE, text);
  console.log(`wrote ${MANIFEST_FILE} (${buildManifest().operations.length} operations)`);
}

if (require.main === module) main();
