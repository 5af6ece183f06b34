/**
 * vitest globalSetup of the `security` project: the suite runs the committed bundles
 * (dist/cli.js, dist/plan.js) with helm and kustomize on PATH, and needs no control plane.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/github-plan-harness.js';
import { toolPath } from '../support/tools.js';

export default function setup(): void {
  for (const bundle of ['dist/cli.js', 'dist/plan.js']) {
    if (!existsSync(join(ROOT, bundle))) throw new Error(`${bundle} is missing: run npm run build`);
  }
  // Built by scripts/build-infra.sh on first use, cached afterwards.
  toolPath('helm');
  toolPath('kustomize');
}
