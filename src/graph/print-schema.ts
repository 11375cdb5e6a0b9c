import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildHubSchema, withFederationDirectiveDefinitions } from '../federation/subgraph-schema';

/** Where the committed schema artifacts live, from the project root. */
export const SCHEMA_FILE = path.join('schema', 'schema.graphql');
export const SUBGRAPH_FILE = path.join('schema', 'subgraph.graphql');

const HEADER = '# Generated from the resolvers by `npm run schema:print`. Do not edit: a test fails when it is stale.\n\n';

/**
 * The texts the artifacts must hold: the API schema with its @key directives (declared at its top,
 * so `graphql.buildSchema` and other plain tools load it), and the subgraph SDL for composition.
 */
export async function renderSchemaFiles(): Promise<Record<string, string>> {
  const { sdl, subgraphSdl } = await buildHubSchema();
  return { [SCHEMA_FILE]: `${HEADER}${withFederationDirectiveDefinitions(sdl.trim())}\n`, [SUBGRAPH_FILE]: `${HEADER}${subgraphSdl.trim()}\n` };
}

/** `npm run schema:print` (writes) or `-- --check` (exits 1 when the file is stale). */
async function main(): Promise<void> {
  const files = await renderSchemaFiles();
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, text] of Object.entries(files)) {
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== text) {
        console.error(`${file} is stale: run npm run schema:print`);
        stale = true;
      }
    } else {
      await writeFile(file, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
