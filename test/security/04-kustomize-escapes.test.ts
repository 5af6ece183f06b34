/**
 * Class 4: a kustomization that reaches out of the repository: a resource or a component
 * that is a link, a `../../..` path, a configMapGenerator or secretGenerator file that is a
 * link, and a link inside a folder the kustomization reaches through resources. kustomize
 * restricts loads to the kustomization's folder but follows a linked file, and lets a
 * resource folder be anywhere. Each such environment fails alone; an error names the link.
 */
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type Canaries,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  kustomization,
  kustomizeEnv,
  link,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startForges,
  stopForges,
  type Tree,
} from './harness.js';

let forges: Forges;
beforeAll(async () => {
  forges = await startForges();
});
afterAll(() => stopForges(forges));

interface Escape {
  /** What the head makes of envs/NAME (besides its kustomization). */
  head: (canaries: Canaries) => Tree;
  kustomization: (canaries: Canaries, repoDir: string) => Record<string, unknown>;
  /** What the error must name: the link, repository-relative; none for a plain `..` path. */
  names: string[];
}

const escapes: Record<string, Escape> = {
  'resource-link': {
    head: (canaries) => ({ 'envs/resource-link/leak.yaml': link(`${canaries.outsideFolder}/leak.yaml`) }),
    kustomization: () => ({ resources: ['leak.yaml'] }),
    names: ['envs/resource-link/leak.yaml'],
  },
  'resource-dotdot': {
    head: () => ({}),
    // As many `..` as it takes from envs/resource-dotdot to the folder outside.
    kustomization: (canaries, dir) => ({
      resources: [relative(`${dir}/envs/resource-dotdot`, canaries.outsideFolder)],
    }),
    names: [],
  },
  'component-link': {
    head: (canaries) => ({ 'envs/component-link/shared': link(canaries.outsideComponent) }),
    kustomization: () => ({ components: ['shared'] }),
    names: ['envs/component-link/shared'],
  },
  'configmap-generator-link': {
    head: (canaries) => ({ 'envs/configmap-generator-link/settings.txt': link(canaries.outsideFile) }),
    kustomization: () => ({
      configMapGenerator: [{ name: 'settings', namespace: 'app', files: ['settings.txt'] }],
    }),
    names: ['envs/configmap-generator-link/settings.txt'],
  },
  'secret-generator-link': {
    head: (canaries) => ({ 'envs/secret-generator-link/password.txt': link(canaries.outsideFile) }),
    kustomization: () => ({ secretGenerator: [{ name: 'db', namespace: 'app', files: ['password.txt'] }] }),
    names: ['envs/secret-generator-link/password.txt'],
  },
  'link-in-base': {
    // The environment itself is clean; the folder it includes holds the link.
    head: (canaries) => ({
      'bases/leaky/kustomization.yaml': kustomization({ resources: ['leak.yaml'] }),
      'bases/leaky/leak.yaml': link(`${canaries.outsideFolder}/leak.yaml`),
    }),
    kustomization: () => ({ resources: ['../../bases/leaky'] }),
    names: ['bases/leaky/leak.yaml'],
  },
};

describe('class 4: kustomize resources, components and generator files that leave the repository', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const names = Object.keys(escapes);

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          ['dev', ...names].map((name) => ({ name, path: `envs/${name}`, renderer: 'kustomize' })),
        ),
        ...Object.assign({}, ...['dev', ...names].map((name) => kustomizeEnv(name, 'hello'))),
      },
      {},
    );
    // The `..` path depends on where the repository landed, so the head is pushed now.
    repo.push({
      ...kustomizeEnv('dev', 'hola'),
      ...Object.assign(
        {},
        ...Object.entries(escapes).map(([name, way]) => ({
          ...way.head(canaries),
          [`envs/${name}/kustomization.yaml`]: kustomization(way.kustomization(canaries, repo.dir)),
        })),
      ),
    });
    outcomes = await runEveryPath(repo, canaries, forges, 'kustomize escapes');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('leaks no canary, on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries);
  });

  it('fails each escaping environment, naming the link, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: names,
        healthy: { dev: 'GREETING: hola' },
        errorNames: Object.fromEntries(Object.entries(escapes).map(([name, way]) => [name, way.names])),
      });
    }
  });
});
