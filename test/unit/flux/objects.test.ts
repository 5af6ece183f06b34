/**
 * readFluxObjects finds what kustomize-controller would apply from one folder, without
 * kustomize: a kustomization's resources, or every YAML file when there is none. A pull
 * request is data, so paths and links stay in the repository and errors never quote it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { type FluxObjectSet, readFluxObjects } from '../../../src/flux/objects.js';

const CANARY = 'c4n4ry5ecret';
const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A repository with `files` (path -> text) and `links` (path -> target). */
function repo(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-flux-'));
  created.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A Kubernetes object as YAML lines. */
function object(apiVersion: string, kind: string, name: string, namespace?: string, ...rest: string[]) {
  return [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    ...rest,
  ];
}

const kustomization = (...resources: string[]) =>
  lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    ...resources.map((resource) => `  - ${resource}`),
  );

/** `Kind namespace/name file:line`, in the order found. */
function found(set: FluxObjectSet): string[] {
  return set.objects.map(
    ({ kind, namespace, object, file, line }) =>
      `${kind} ${namespace ?? '-'}/${object.metadata.name} ${file}:${line}`,
  );
}

function errorOf(read: () => unknown): PlumblineError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(PlumblineError);
    return error as PlumblineError;
  }
  throw new Error('expected a PlumblineError');
}

const podinfo = {
  'apps/base/podinfo/kustomization.yaml': kustomization('namespace.yaml', 'repository.yaml', 'release.yaml'),
  'apps/base/podinfo/namespace.yaml': lines(...object('v1', 'Namespace', 'podinfo')),
  'apps/base/podinfo/repository.yaml': lines(
    ...object('source.toolkit.fluxcd.io/v1', 'HelmRepository', 'podinfo', 'podinfo'),
    'spec:',
    '  url: https://stefanprodan.github.io/podinfo',
  ),
  'apps/base/podinfo/release.yaml': lines(
    '# the release',
    ...object('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'podinfo', 'podinfo'),
    'spec:',
    '  chart:',
    '    spec:',
    '      chart: podinfo',
    '      sourceRef: { kind: HelmRepository, name: podinfo }',
  ),
  'apps/production/kustomization.yaml': lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - ../base/podinfo',
    'patches:',
    '  - path: podinfo-values.yaml',
  ),
  // A patch: named by patches, not resources, so not an object of the folder.
  'apps/production/podinfo-values.yaml': lines(
    ...object('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'podinfo', 'podinfo'),
    'spec:',
    '  values: { replicaCount: 2 }',
  ),
};

describe('readFluxObjects with a kustomization', () => {
  it('follows resources into bases, and finds only what they list', () => {
    const set = readFluxObjects(repo(podinfo), 'apps/production');
    expect(found(set)).toEqual([
      'HelmRepository podinfo/podinfo apps/base/podinfo/repository.yaml:1',
      'HelmRelease podinfo/podinfo apps/base/podinfo/release.yaml:2',
    ]);
    expect(set.files).toEqual([
      'apps/base/podinfo/kustomization.yaml',
      'apps/base/podinfo/namespace.yaml',
      'apps/base/podinfo/release.yaml',
      'apps/base/podinfo/repository.yaml',
      'apps/production/kustomization.yaml',
    ]);
  });

  it('does not find Flux objects in files the kustomization does not list', () => {
    const root = repo({
      'infra/kustomization.yml': kustomization('listed.yaml'),
      'infra/listed.yaml': lines(...object('source.toolkit.fluxcd.io/v1', 'GitRepository', 'listed', 'a')),
      'infra/unlisted.yaml': lines(
        ...object('source.toolkit.fluxcd.io/v1', 'GitRepository', 'unlisted', 'a'),
      ),
      'infra/sub/more.yaml': lines(...object('source.toolkit.fluxcd.io/v1', 'GitRepository', 'more', 'a')),
    });
    expect(found(readFluxObjects(root, 'infra'))).toEqual(['GitRepository a/listed infra/listed.yaml:1']);
  });

  it('gives objects the namespace of the outermost kustomization that sets one', () => {
    const root = repo({
      'outer/kustomization.yaml': lines('namespace: outer', 'resources: [../inner, own.yaml]'),
      'outer/own.yaml': lines(...object('v1', 'ConfigMap', 'own')),
      'inner/Kustomization': lines('namespace: inner', 'resources: [values.yaml]'),
      'inner/values.yaml': lines(...object('v1', 'ConfigMap', 'values', 'declared')),
      'alone/kustomization.yaml': lines('namespace: inner', 'resources: [../inner]'),
    });
    expect(found(readFluxObjects(root, 'outer'))).toEqual([
      'ConfigMap outer/values inner/values.yaml:1',
      'ConfigMap outer/own outer/own.yaml:1',
    ]);
    expect(found(readFluxObjects(root, 'inner'))).toEqual(['ConfigMap inner/values inner/values.yaml:1']);
  });

  it('skips remote resources and fails on a local one that is missing, naming where it is listed', () => {
    const root = repo({
      'app/kustomization.yaml': kustomization(
        'https://github.com/fluxcd/flux2/manifests/install?ref=v2.4.0',
        'github.com/example/base//deploy?ref=v1',
        'here.yaml',
      ),
      'app/here.yaml': lines(...object('v1', 'Secret', 'here', 'app')),
      'broken/kustomization.yaml': kustomization('here.yaml', 'gone.yaml'),
      'broken/here.yaml': lines(...object('v1', 'ConfigMap', 'here', 'app')),
    });
    expect(found(readFluxObjects(root, 'app'))).toEqual(['Secret app/here app/here.yaml:1']);
    expect(errorOf(() => readFluxObjects(root, 'broken')).message).toBe(
      'broken/kustomization.yaml:5:5: this entry names nothing in the repository',
    );
  });
});

describe('readFluxObjects without a kustomization', () => {
  it("reads every YAML file and subfolder, as kustomize-controller's generated kustomization", () => {
    const root = repo({
      'configs/b.yaml': lines(
        ...object('source.toolkit.fluxcd.io/v1beta2', 'OCIRepository', 'charts', 'flux-system'),
        '---',
        ...object('cert-manager.io/v1', 'ClusterIssuer', 'letsencrypt'),
        '---',
        ...object('source.toolkit.fluxcd.io/v1', 'Bucket', 'bucket', 'flux-system'),
      ),
      'configs/a.yml': lines(...object('source.toolkit.fluxcd.io/v1', 'HelmChart', 'chart', 'flux-system')),
      'configs/notes.txt': lines(...object('v1', 'ConfigMap', 'not-yaml')),
      'configs/nested/deeper/c.yaml': lines(...object('v1', 'ConfigMap', 'deep', 'x')),
      'configs/.hidden/d.yaml': lines(...object('v1', 'ConfigMap', 'hidden', 'x')),
      'configs/built/kustomization.yaml': kustomization('listed.yaml'),
      'configs/built/listed.yaml': lines(...object('v1', 'ConfigMap', 'listed', 'x')),
      'configs/built/unlisted.yaml': lines(...object('v1', 'ConfigMap', 'unlisted', 'x')),
    });
    expect(found(readFluxObjects(root, 'configs'))).toEqual([
      'HelmChart flux-system/chart configs/a.yml:1',
      'OCIRepository flux-system/charts configs/b.yaml:1',
      'Bucket flux-system/bucket configs/b.yaml:12',
      'ConfigMap x/listed configs/built/listed.yaml:1',
      'ConfigMap x/deep configs/nested/deeper/c.yaml:1',
    ]);
  });

  it("does not take kustomize's own kind: Kustomization, or a kind of another group, for Flux's", () => {
    const root = repo({
      'mixed/objects.yaml': lines(
        ...object('kustomize.config.k8s.io/v1beta1', 'Kustomization', 'kustomize-own'),
        '---',
        ...object('kustomize.toolkit.fluxcd.io/v1beta2', 'Kustomization', 'older', 'flux-system'),
        '---',
        ...object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'newer', 'flux-system'),
        '---',
        ...object('example.com/v1', 'HelmRelease', 'lookalike', 'x'),
        '---',
        ...object('v2', 'ConfigMap', 'wrong-version', 'x'),
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        ...object('v1', 'ConfigMap', 'in-a-list', 'x').map((line, index) =>
          index === 0 ? `- ${line}` : `  ${line}`,
        ),
      ),
    });
    expect(found(readFluxObjects(root, 'mixed'))).toEqual([
      'Kustomization flux-system/older mixed/objects.yaml:6',
      'Kustomization flux-system/newer mixed/objects.yaml:12',
      'ConfigMap x/in-a-list mixed/objects.yaml:33',
    ]);
  });

  it('masks Secrets as it reads them', () => {
    const root = repo({
      'secrets/secret.yaml': lines(
        ...object('v1', 'Secret', 'token', 'x'),
        'stringData:',
        `  token: ${CANARY}`,
      ),
    });
    const set = readFluxObjects(root, 'secrets');
    expect(found(set)).toEqual(['Secret x/token secrets/secret.yaml:1']);
    expect(JSON.stringify(set)).not.toContain(CANARY);
  });
});

describe('readFluxObjects keeps to the repository', () => {
  it('refuses a path or an entry that leads outside with ..', () => {
    const root = repo({
      'apps/escape/kustomization.yaml': kustomization('../../../../../../etc'),
      'apps/ok.yaml': lines(...object('v1', 'ConfigMap', 'ok', 'x')),
    });
    expect(errorOf(() => readFluxObjects(root, '../../..')).message).toBe(
      '../../.. leads outside the repository',
    );
    expect(errorOf(() => readFluxObjects(root, 'apps/escape')).message).toBe(
      'apps/escape/kustomization.yaml:4:5: this entry leads outside the repository',
    );
    expect(errorOf(() => readFluxObjects(root, '.git')).message).toBe('.git leads outside the repository');
  });

  it('refuses links out of the repository, naming the link and never its target', () => {
    const root = repo(
      {
        'linked/kustomization.yaml': kustomization('etc'),
        'generated/ok.yaml': lines(...object('v1', 'ConfigMap', 'ok', 'x')),
      },
      {
        'linked/etc': '/etc',
        'generated/etc': '/etc',
        'file/hostname.yaml': '/etc/hostname',
        'spec-path': '/etc',
      },
    );
    const messages = [
      errorOf(() => readFluxObjects(root, 'linked')).message,
      errorOf(() => readFluxObjects(root, 'generated')).message,
      errorOf(() => readFluxObjects(root, 'file')).message,
      errorOf(() => readFluxObjects(root, 'spec-path')).message,
    ];
    expect(messages).toEqual([
      'linked/kustomization.yaml:4:5: this entry leads outside the repository',
      'generated/etc is a symbolic link that leads outside the repository',
      'file/hostname.yaml is a symbolic link that leads outside the repository',
      'spec-path leads outside the repository through a symbolic link',
    ]);
    expect(messages.join('\n')).not.toMatch(/(^|\s)\/etc|localhost/m);
  });

  it('follows a link inside the repository, and names the file where it really is', () => {
    const root = repo(
      { 'shared/values.yaml': lines(...object('v1', 'ConfigMap', 'shared', 'x')) },
      { 'app/shared': '../shared' },
    );
    expect(found(readFluxObjects(root, 'app'))).toEqual(['ConfigMap x/shared shared/values.yaml:1']);
  });

  it('reads a folder once when kustomizations or links lead back to it', () => {
    const root = repo(
      {
        'a/kustomization.yaml': kustomization('../b', 'a.yaml', '.'),
        'a/a.yaml': lines(...object('v1', 'ConfigMap', 'a', 'x')),
        'b/kustomization.yaml': kustomization('../a', 'b.yaml'),
        'b/b.yaml': lines(...object('v1', 'ConfigMap', 'b', 'x')),
        'loop/c.yaml': lines(...object('v1', 'ConfigMap', 'c', 'x')),
      },
      { 'loop/again': '..' },
    );
    expect(found(readFluxObjects(root, 'a'))).toEqual([
      'ConfigMap x/b b/b.yaml:1',
      'ConfigMap x/a a/a.yaml:1',
    ]);
    // loop/again is the repository root: inside it, and read once like any folder.
    expect(found(readFluxObjects(root, 'loop'))).toContain('ConfigMap x/c loop/c.yaml:1');
  });

  it('fails on a folder that does not exist', () => {
    const root = repo({ 'apps/ok.yaml': lines(...object('v1', 'ConfigMap', 'ok', 'x')) });
    expect(errorOf(() => readFluxObjects(root, 'apps/missing')).message).toBe(
      'apps/missing: no such folder in the repository',
    );
    expect(errorOf(() => readFluxObjects(root, 'apps/ok.yaml')).message).toBe(
      'apps/ok.yaml: no such folder in the repository',
    );
  });
});

describe('readFluxObjects and YAML that does not parse', () => {
  it('names file, line and column of a manifest, never its text', () => {
    const root = repo({
      'apps/secret.yaml': lines(
        ...object('v1', 'Secret', 'token', 'x'),
        'stringData:',
        `  token: |${CANARY}`,
        '    x',
      ),
    });
    const error = errorOf(() => readFluxObjects(root, 'apps'));
    expect(error.message).toMatch(/^apps\/secret\.yaml:7:\d+: YAML syntax: /);
    expect(`${error.message}\n${error.hint}`).not.toContain(CANARY);
  });

  it('names file, line and column of a kustomization, never its text', () => {
    const root = repo({
      'apps/kustomization.yaml': lines('resources:', `  - [${CANARY}`, 'namespace: x'),
    });
    const error = errorOf(() => readFluxObjects(root, 'apps'));
    expect(error.message).toMatch(/^apps\/kustomization\.yaml:\d+:\d+: YAML syntax: /);
    expect(`${error.message}\n${error.hint}`).not.toContain(CANARY);
  });
});
