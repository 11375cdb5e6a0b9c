import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildHubSchema } from '../federation/subgraph-schema';

/** Where the committed schema artifact lives, from the project root. */
export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

const HEADER = '# Generated from the resolvers by `npm run schema:print`. Do not edit: a test fails when it is stale.\n\n';

/** The text `schema/schema.graphql` must hold: the public API schema with its @key directives. */
export async function renderSchemaFile(): Promise<string> {
  const { sdl } = await buildHubSchema();
  return `${HEADER}${sdl.trim()}\n`;
}

/** `npm run schema:print` (writes) or `-- --check` (exits 1 when the file is stale). */
async function main(): Promise<void> {
  const file = path.resolve(SCHEMA_FILE);
  const text = await renderSchemaFile();
  if (process.argv.includes('--check')) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${SCHEMA_FILE} is stale: run npm run schema:print`);
      process.exit(1);
    }
    console.log(`${SCHEMA_FILE} is up to date`);
    return;
  }
  await writeFile(file, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
