/**
 * vitest globalSetup of the `system` projects: one real control plane for the whole run, of
 * the Kubernetes version the project names with `provide: { kubernetes: 'newest' | 'oldest' }`
 * in vitest.config.ts (the newest when it names none), from KUBERNETES_VERSIONS in
 * scripts/versions.env.
 *
 * The run holds the control plane (`cluster.sh up --kubernetes <version> --hold <pid>`) and
 * releases it at the end; it is stopped only when this run started it and no other run
 * (another terminal, another checkout) still holds it. Tests read the kubeconfig path with
 * `inject('kubeconfig')` (see test/support/cluster.ts) and the version with
 * `inject('kubernetesVersion')`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfig: string;
    /** The gitVersion of the control plane's kube-apiserver: `v1.37.2`. */
    kubernetesVersion: string;
    /** Which of the supported Kubernetes versions a project runs against (vitest.config.ts). */
    kubernetes: 'newest' | 'oldest';
  }
}

const clusterScript = fileURLToPath(new URL('../../scripts/cluster.sh', import.meta.url));
const buildScript = fileURLToPath(new URL('../../scripts/build-infra.sh', import.meta.url));
const versionsFile = fileURLToPath(new URL('../../scripts/versions.env', import.meta.url));

/** KUBERNETES_VERSIONS of scripts/versions.env, oldest first. */
export function supportedKubernetesVersions(): string[] {
  const text = readFileSync(versionsFile, 'utf8');
  const list = /^KUBERNETES_VERSIONS="([^"]+)"/m.exec(text)?.[1]?.trim().split(/\s+/) ?? [];
  if (list.length === 0) throw new Error(`${versionsFile} pins no KUBERNETES_VERSIONS="..."`);
  return list;
}

export default function setup(project: TestProject): () => void {
  const which = project.getProvidedContext().kubernetes ?? 'newest';
  const versions = supportedKubernetesVersions();
  const version = which === 'oldest' ? versions[0] : versions[versions.length - 1];
  if (!version) throw new Error(`no ${which} Kubernetes version in ${versionsFile}`);
  // helm and kustomize too: system tests render with them (cached after the first build).
  execFileSync('bash', [buildScript], { stdio: ['ignore', 'ignore', 'inherit'] });
  const hold = String(process.pid);
  // stdout carries only `export KUBECONFIG='...'`; progress goes to the terminal.
  const output = execFileSync('bash', [clusterScript, 'up', '--kubernetes', version, '--hold', hold], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kubeconfig = /KUBECONFIG='([^']+)'/.exec(output)?.[1];
  if (!kubeconfig) throw new Error(`scripts/cluster.sh up printed no KUBECONFIG line: ${output}`);
  project.provide('kubeconfig', kubeconfig);
  project.provide('kubernetesVersion', version);
  return () => {
    execFileSync('bash', [clusterScript, 'release', hold, '--kubernetes', version], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  };
}
