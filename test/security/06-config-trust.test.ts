/**
 * Class 6: the pull request writes its own rules. The head's plumbline.yaml adds
 * `diff.ignore` rules that would hide a ClusterRoleBinding's roleRef and subjects (the
 * change it makes to them), adds an environment and removes one. The config comes from
 * the base: the escalation shows, the environments are the base's, and the report flags
 * the config change. And a base ignore rule never hides the fields of an object the head
 * adds.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  environmentNames,
  expectContained,
  expectNothingLeaked,
  HostileRepo,
  hostileCase,
  plumblineConfig,
  useForges,
} from './harness.js';

const context = useForges();

const binding = (role: string, subject: string) =>
  stringify({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'deployers' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ kind: 'User', name: subject, apiGroup: 'rbac.authorization.k8s.io' }],
  });

const deployment = (name: string, replicas: number, tag = '1') =>
  stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'app' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: `example.test/${name}:${tag}` }] },
      },
    },
  });

const baseEnvironments = [
  { name: 'dev', path: 'envs/dev', renderer: 'plain' },
  { name: 'prod', path: 'envs/prod', renderer: 'plain' },
];
// The base's own rule, as for an autoscaled Deployment: replicas belong to the HPA.
const baseIgnore = { diff: { ignore: [{ group: 'apps', kind: 'Deployment', path: '/spec/replicas' }] } };

describe("class 6: the pull request's own plumbline.yaml is not applied", () => {
  const hostile = hostileCase(
    context,
    'own rules',
    (_canaries) =>
      new HostileRepo(
        {
          'plumbline.yaml': plumblineConfig(baseEnvironments, baseIgnore),
          'envs/dev/app.yaml': deployment('web', 2),
          'envs/prod/rbac.yaml': binding('view', 'alice'),
          'envs/evil/app.yaml': deployment('evil', 1),
        },
        {
          // The head's rules: hide the binding's escalation, drop dev, plan an environment of its own.
          'plumbline.yaml': plumblineConfig(
            [
              { name: 'prod', path: 'envs/prod', renderer: 'plain' },
              { name: 'evil', path: 'envs/evil', renderer: 'plain' },
            ],
            {
              diff: {
                ignore: [
                  ...baseIgnore.diff.ignore,
                  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', path: '/roleRef' },
                  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', path: '/subjects' },
                ],
              },
            },
          ),
          'envs/prod/rbac.yaml': binding('cluster-admin', 'mallory'),
          'envs/dev/app.yaml': deployment('web', 2, '2'),
          'envs/evil/app.yaml': deployment('evil', 3),
        },
      ),
  );

  it('leaks no canary, on every path', () => {
    for (const outcome of hostile.outcomes) expectNothingLeaked(outcome, hostile.canaries);
  });

  it("shows the binding's new roleRef and subjects despite the head's ignore rules", () => {
    for (const outcome of hostile.outcomes) {
      expectContained(outcome, { failed: [], healthy: { prod: 'cluster-admin' } });
      expect(outcome.markdown, outcome.path).toContain('mallory');
    }
  });

  it("plans the base's environments, not the head's", () => {
    for (const outcome of hostile.outcomes) {
      expectContained(outcome, { failed: [], healthy: { dev: 'example.test/web:2' } });
      expect(outcome.markdown, `${outcome.path} plans envs/evil`).not.toMatch(/\bevil\b/);
    }
    const cli = hostile.outcomes.find((outcome) => outcome.path === 'cli')!;
    expect(environmentNames(cli.report)).toEqual(['dev', 'prod']);
  });

  it('flags the changed plumbline.yaml in the report', () => {
    const cli = hostile.outcomes.find((outcome) => outcome.path === 'cli')!;
    expect(cli.report?.config).toEqual({ from: 'base', file: 'plumbline.yaml', headChange: 'changed' });
    for (const outcome of hostile.outcomes)
      expect(outcome.markdown, outcome.path).toContain('plumbline.yaml');
  });
});

describe('class 6: a base ignore rule does not hide the fields of an object the head adds', () => {
  const hostile = hostileCase(
    context,
    'added object',
    (_canaries) =>
      new HostileRepo(
        {
          'plumbline.yaml': plumblineConfig(baseEnvironments, baseIgnore),
          'envs/dev/app.yaml': deployment('web', 2),
          'envs/prod/rbac.yaml': binding('view', 'alice'),
        },
        { 'envs/dev/app.yaml': `${deployment('web', 2)}---\n${deployment('miner', 50)}` },
      ),
  );

  it("shows the added Deployment's replicas", () => {
    for (const outcome of hostile.outcomes) {
      expectNothingLeaked(outcome, hostile.canaries);
      expectContained(outcome, { failed: [], healthy: { dev: 'replicas: 50' } });
    }
    const cli = hostile.outcomes.find((outcome) => outcome.path === 'cli')!;
    const dev = cli.report?.environments.find((env) => env.name === 'dev');
    const miner = dev?.objects.find((object) => object.name === 'miner');
    expect(miner).toMatchObject({ change: 'added', diff: expect.stringContaining('replicas: 50') });
  });
});
