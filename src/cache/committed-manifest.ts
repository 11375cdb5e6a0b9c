import committed from '../../schema/operations/manifest.json';
import type { OperationManifest } from './operations-manifest';

/**
 * The committed schema/operations/manifest.json, compiled into the build (a deployed dist/
 * carries it). `npm run operations:manifest` regenerates it; a test fails when it is stale.
 */
export function committedManifest(): OperationManifest {
  return committed as unknown as OperationManifest;
}
