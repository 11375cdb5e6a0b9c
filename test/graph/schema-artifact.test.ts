import { readFile } from 'node:fs/promises';
import { renderSchemaFile, SCHEMA_FILE } from '../../src/graph/print-schema';

describe('schema/schema.graphql', () => {
  it('is what the resolvers generate (run `npm run schema:print` after changing them)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await renderSchemaFile());
  });

  it('carries the federation key of Objective', async () => {
    expect(await renderSchemaFile()).toMatch(/type Objective @key\(fields: "number"\)/);
  });
});
