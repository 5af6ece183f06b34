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

/**
 * Both Helm majors plumbline supports, built first when missing: Helm 3 (HELM_VERSION, the
 * `helm` of toolPath) and Helm 4 (HELM4_VERSION), as cache/bin/helm-<version>.
 */
export function helmBinaries(): { major: 3 | 4; version: string; path: string }[] {
  const text = readFileSync(join(scripts, 'versions.env'), 'utf8');
  return ([3, 4] as const).map((major) => {
    const variable = major === 3 ? 'HELM_VERSION' : 'HELM4_VERSION';
    const version = new RegExp(`^${variable}=(\\S+)`, 'm').exec(text)?.[1];
    if (!version) throw new Error(`scripts/versions.env does not pin ${variable}`);
    const path = join(cacheDir(), 'bin', `helm-${version}`);
    if (!existsSync(path)) {
      execFileSync('bash', [join(scripts, 'build-infra.sh'), `helm${major}`], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    if (!existsSync(path))
      throw new Error(`scripts/build-infra.sh helm${major} finished but ${path} is missing`);
    return { major, version, path };
  });
}
