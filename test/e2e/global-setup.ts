import { execFileSync } from 'node:child_process';
import path from 'node:path';
import globalSetup from '../support/global-setup';

/**
 * The browser tests' setup: the IDE and explorer bundles (dist/ide, dist/explore, as `npm run
 * build` makes them; skipped when up to date), then the test PostgreSQL of test/support/global-setup.ts.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'src', 'ide', 'build-ide.mjs')], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'src', 'explore', 'build-explore.mjs')], { cwd: root, stdio: 'inherit' });
  await globalSetup();
}
