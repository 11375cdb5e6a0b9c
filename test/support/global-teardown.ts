import { rm } from 'node:fs/promises';
import type { EmbeddedDatabase } from '../../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__HUBGRAPH_PG__ as EmbeddedDatabase | undefined)?.stop();
  if (process.env.HUBGRAPH_TEST_ROOT) await rm(process.env.HUBGRAPH_TEST_ROOT, { recursive: true, force: true });
}
