import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  await globalThis.__HUBGRAPH_PG__?.stop();
  if (process.env.HUBGRAPH_TEST_ROOT) await rm(process.env.HUBGRAPH_TEST_ROOT, { recursive: true, force: true });
}
