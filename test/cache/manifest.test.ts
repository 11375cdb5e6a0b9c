import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { committedManifest } from '../../src/cache/committed-manifest';
import { buildManifest, MANIFEST_FILE, OPERATIONS_DIR, renderManifest } from '../../src/cache/operations-manifest';

describe('persisted-operation manifest (schema/operations/manifest.json)', () => {
  it('is what the operations generate (run `npm run operations:manifest` after changing schema/operations)', () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(renderManifest());
  });

  it('holds every operation once, by the SHA-256 of its exact text, in Apollo\'s manifest format', () => {
    const manifest = buildManifest();
    expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
    const files = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql'));
    expect(manifest.operations).toHaveLength(files.length);
    expect(manifest.operations.map((o) => o.name)).toEqual(expect.arrayContaining(['CallPage', 'EventsCalendar', 'GroupPage', 'HomePage', 'ObjectivePage', 'PracticePage']));
    expect(new Set(manifest.operations.map((o) => o.name)).size).toBe(files.length);
    for (const operation of manifest.operations) {
      expect(operation.id).toBe(createHash('sha256').update(operation.body).digest('hex'));
      expect(operation.type).toBe('query');
    }
    expect(new Set(manifest.operations.map((o) => o.id)).size).toBe(manifest.operations.length);
  });

  it('is the manifest the server is built with', () => {
    expect(committedManifest()).toEqual(JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')));
  });
});
