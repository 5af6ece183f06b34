/**
 * vitest globalSetup of the `system` project: one real control plane for the whole run.
 *
 * The run holds the control plane (`cluster.sh up --hold <pid>`) and releases it at the
 * end; it is stopped only when this run started it and no other run (another terminal,
 * another checkout) still holds it. Tests read the kubeconfig path with
 * `inject('kubeconfig')` (see test/support/cluster.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfig: string;
  }
}

const clusterScript = fileURLToPath(new URL('../../scripts/cluster.sh', import.meta.url));
const buildScript = fileURLToPath(new URL('../../scripts/build-infra.sh', import.meta.url));

export default function setup(project: TestProject): () => void {
  // helm and kustomize too: system tests render with them (cached after the first build).
  execFileSync('bash', [buildScript], { stdio: ['ignore', 'ignore', 'inherit'] });
  const hold = String(process.pid);
  // stdout carries only `export KUBECONFIG='...'`; progress goes to the terminal.
  const output = execFileSync('bash', [clusterScript, 'up', '--hold', hold], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kubeconfig = /KUBECONFIG='([^']+)'/.exec(output)?.[1];
  if (!kubeconfig) throw new Error(`scripts/cluster.sh up printed no KUBECONFIG line: ${output}`);
  project.provide('kubeconfig', kubeconfig);
  return () => {
    execFileSync('bash', [clusterScript, 'release', hold], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
}
