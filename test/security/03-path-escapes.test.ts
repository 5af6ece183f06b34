/**
 * Class 3: paths the trusted config names, which the head turns into links out of the
 * repository: a helm values file (to the kubeconfig), an environment folder (to a folder
 * outside), and plumbline.yaml itself (to /proc/self/environ). Every path is resolved and
 * must stay inside the repository; the config comes from the base anyway.
 */
import { describe, expect, it } from 'vitest';
import {
  environmentNames,
  expectContained,
  expectNothingLeaked,
  HostileRepo,
  helmChart,
  hostileCase,
  kustomizeEnv,
  link,
  plumblineConfig,
  useForges,
} from './harness.js';

const context = useForges();

/** A chart that shows its values, as many charts do with a config map of settings. */
const valuesChart = helmChart(
  'envs/values-link',
  {
    'config.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: app }\n' +
      'data:\n  values: {{ .Values | toJson | quote }}\n',
  },
  'greeting: hello\n',
);

const environments = [
  { name: 'dev', path: 'envs/dev', renderer: 'kustomize' },
  { name: 'values-link', path: 'envs/values-link', renderer: 'helm', helm: { valuesFiles: ['values.yaml'] } },
  { name: 'path-link', path: 'envs/path-link', renderer: 'plain' },
];

describe('class 3: a values file and an environment folder linked out of the repository', () => {
  const hostile = hostileCase(
    context,
    'path escapes',
    (canaries) =>
      new HostileRepo(
        {
          'plumbline.yaml': plumblineConfig(environments),
          ...kustomizeEnv('dev', 'hello'),
          ...valuesChart,
          'envs/path-link/app.yaml':
            'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: app }\n',
        },
        {
          ...kustomizeEnv('dev', 'hola'),
          'envs/values-link/values.yaml': link(canaries.kubeconfig),
          'envs/path-link': link(canaries.outsideFolder),
        },
      ),
  );

  it('leaks no canary, on every path', () => {
    for (const outcome of hostile.outcomes) expectNothingLeaked(outcome, hostile.canaries);
  });

  it('fails both environments with errors naming the link, and still reports dev', () => {
    for (const outcome of hostile.outcomes) {
      expectContained(outcome, {
        failed: ['values-link', 'path-link'],
        healthy: { dev: 'GREETING: hola' },
        errorNames: { 'values-link': ['envs/values-link/values.yaml'], 'path-link': ['envs/path-link'] },
      });
    }
  });
});

describe('class 3: plumbline.yaml in the head is a link to /proc/self/environ', () => {
  const hostile = hostileCase(
    context,
    'config link',
    (_canaries) =>
      new HostileRepo(
        {
          'plumbline.yaml': plumblineConfig([{ name: 'dev', path: 'envs/dev', renderer: 'kustomize' }]),
          ...kustomizeEnv('dev', 'hello'),
        },
        { ...kustomizeEnv('dev', 'hola'), 'plumbline.yaml': link('/proc/self/environ') },
      ),
  );

  it('leaks no canary, on every path', () => {
    for (const outcome of hostile.outcomes) expectNothingLeaked(outcome, hostile.canaries);
  });

  it("plans with the base's config and flags the head's change to it", () => {
    for (const outcome of hostile.outcomes) {
      expectContained(outcome, { failed: [], healthy: { dev: 'GREETING: hola' } });
    }
    const cli = hostile.outcomes.find((outcome) => outcome.path === 'cli')!;
    expect(environmentNames(cli.report)).toEqual(['dev']);
    expect(cli.report?.config).toEqual({ from: 'base', file: 'plumbline.yaml', headChange: 'changed' });
  });
});
