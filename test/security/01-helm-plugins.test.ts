/**
 * Class 1: helm plugin code execution. A downloader plugin for a made-up URL scheme runs
 * whenever helm fetches such a URL, and a kustomization's helmCharts `repo:` makes
 * kustomize run `helm pull` with it. The plugin comes either from the pull request itself
 * (through `helmGlobals.configHome`, which kustomize turns into HELM_CONFIG_HOME and
 * HELM_DATA_HOME) or from the runner's home (a HELM_PLUGINS the job exported). Renderers
 * must get private helm homes, no plugins and no chart repository the base did not allow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Canaries,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  helmPluginTree,
  kustomization,
  kustomizeEnv,
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

const PR_SCHEME = 'prplugin';

interface PluginCase {
  name: string;
  scheme: string;
  /** The hostile environment's files besides its kustomization. */
  files: (canaries: Canaries) => Tree;
  kustomization: Record<string, unknown>;
  env: (canaries: Canaries) => Record<string, string>;
}

const cases: PluginCase[] = [
  {
    name: 'a plugin shipped in the pull request, reached through helmGlobals.configHome',
    scheme: PR_SCHEME,
    // helm runs in the repository root or in the kustomization's folder depending on the
    // caller, so the attacker ships the plugin under both.
    files: (canaries) => ({
      ...helmPluginTree(
        'helm-home/.data/plugins/pr-downloader',
        PR_SCHEME,
        canaries.markerScript('pr-plugin'),
      ),
      ...helmPluginTree(
        'envs/hostile/helm-home/.data/plugins/pr-downloader',
        PR_SCHEME,
        canaries.markerScript('pr-plugin'),
      ),
    }),
    kustomization: { helmGlobals: { configHome: 'helm-home' } },
    env: () => ({}),
  },
  {
    name: "a plugin in the runner's home, reached through a HELM_PLUGINS the job exported",
    scheme: Canaries.homePluginScheme,
    files: () => ({}),
    kustomization: {},
    env: (canaries) => canaries.leakedHelmPlugins,
  },
];

describe.each(cases)('class 1: helm plugins cannot run: $name', (plugin) => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const chartRepository = `${plugin.scheme}://charts.example.test/`;

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    const environments = ['dev', 'hostile'].map((name) => ({
      name,
      path: `envs/${name}`,
      renderer: 'kustomize',
    }));
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(environments),
        ...kustomizeEnv('dev', 'hello'),
        ...kustomizeEnv('hostile', 'hello'),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        ...plugin.files(canaries),
        'envs/hostile/kustomization.yaml': kustomization({
          ...plugin.kustomization,
          helmCharts: [{ name: 'pwn', repo: chartRepository, version: '1.0.0' }],
        }),
      },
    );
    outcomes = await runEveryPath(repo, canaries, forges, plugin.name, { env: plugin.env(canaries) });
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('runs no plugin and leaks no canary, on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries);
  });

  it('fails the hostile environment, naming the chart repository, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: ['hostile'],
        healthy: { dev: 'GREETING: hola' },
        errorNames: { hostile: [chartRepository.replace(/\/$/, '')] },
      });
    }
    expect(outcomes.map((outcome) => outcome.code)).toEqual([1, 1, 1]);
  });
});
