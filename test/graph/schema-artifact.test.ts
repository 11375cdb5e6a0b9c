import { readFile } from 'node:fs/promises';
import { renderSchemaFiles, SCHEMA_FILE, SUBGRAPH_FILE } from '../../src/graph/print-schema';

describe('schema artifacts', () => {
  it.each([SCHEMA_FILE, SUBGRAPH_FILE])('%s is what the resolvers generate (run `npm run schema:print` after changing them)', async (file) => {
    const files = await renderSchemaFiles();
    expect(await readFile(file, 'utf8')).toBe(files[file]);
  });

  it('carries the federation keys of the contract', async () => {
    const files = await renderSchemaFiles();
    // `implements …` may stand between the name and the key.
    expect(files[SCHEMA_FILE]).toMatch(/type Objective (implements [\w &]+ )?@key\(fields: "number"\)/);
    for (const type of ['Practice', 'Resource', 'Review', 'Expert', 'Event', 'CommunityGroup', 'CallForPractices', 'Organization']) {
      expect(files[SCHEMA_FILE]).toMatch(new RegExp(`type ${type} (implements [\\w &]+ )?@key\\(fields: "id"\\)`));
    }
    expect(files[SUBGRAPH_FILE]).toMatch(/@link\(url: "https:\/\/specs.apollo.dev\/federation\/v2.3"/);
  });
});
