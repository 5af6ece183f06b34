/**
 * The Go-built binaries tests use (helm, kustomize, etcd, kube-apiserver), at the versions
 * pinned in scripts/versions.env. A missing one is built on first use by
 * scripts/build-infra.sh (minutes the first time, cached afterwards).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ToolName = 'helm' | 'kustomize' | 'etcd' | 'kube-apiserver';

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));

const versionVariable: Record<ToolName, string> = {
  helm: 'HELM_VERSION',
  kustomize: 'KUSTOMIZE_VERSION',
  etcd: 'ETCD_VERSION',
  'kube-apiserver': 'KUBERNETES_VERSION',
};

export function cacheDir(): string {
  return process.env.PLUMBLINE_CACHE || join(homedir(), '.cache', 'plumbline');
}

export function pinnedVersion(name: ToolName): string {
  const variable = versionVariable[name];
  const text = readFileSync(join(scripts, 'versions.env'), 'utf8');
  const version = new RegExp(`^${variable}=(\\S+)`, 'm').exec(text)?.[1];
  if (!version) throw new Error(`scripts/versions.env does not pin ${variable}`);
  return version;
}

/** Absolute path of the cached binary, built first when missing. */
export function toolPath(name: ToolName): string {
  const path = join(cacheDir(), 'bin', `${name}-${pinnedVersion(name)}`);
  if (!existsSync(path)) {
    execFileSync('bash', [join(scripts, 'build-infra.sh'), name], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!existsSync(path)) throw new Error(`scripts/build-infra.sh ${name} finished but ${path} is missing`);
  return path;
}
