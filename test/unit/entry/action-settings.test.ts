/**
 * Each action reads and checks every input before it does anything: a mistyped input
 * fails the step before a render, a comment, a label or an issue.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDriftSettings } from '../../../src/entry/github/drift-settings.js';
import { readPlanSettings } from '../../../src/entry/github/plan-settings.js';
import { readPromoteSettings } from '../../../src/entry/github/promote-settings.js';
import { chooseKubeconfig } from '../../../src/entry/kubeconfig-path.js';

const saved = { ...process.env };
beforeEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  process.env.GITHUB_WORKSPACE = process.cwd();
  delete process.env.GITHUB_EVENT_NAME;
});
afterEach(() => {
  process.env = { ...saved };
});

describe('plan settings', () => {
  it('takes every default without inputs', () => {
    expect(readPlanSettings()).toMatchObject({
      environments: [],
      mode: 'auto',
      kubeconfig: '',
      comment: true,
      commentPerEnvironment: false,
      labels: true,
      failOnChanges: false,
    });
  });

  it.each([
    ['INPUT_FAIL-ON-CHANGES', 'yes', /input `fail-on-changes` must be true or false/],
    ['INPUT_COMMENT-PER-ENVIRONMENT', 'sometimes', /input `comment-per-environment` must be true or false/],
    ['INPUT_MODE', 'online', /input `mode` must be one of auto, live, offline, reader/],
    ['INPUT_KUBECONFIG', 'users: [ {', /the kubeconfig input is not valid YAML/],
  ])('refuses %s=%s before anything runs', (name, value, message) => {
    process.env[name] = value;
    expect(() => readPlanSettings()).toThrow(message);
  });
});

describe('drift settings', () => {
  it('refuses a bad threshold, revision source or empty token before anything runs', () => {
    process.env['INPUT_GITHUB-TOKEN'] = 'token';
    process.env.INPUT_AFTER = 'twice';
    expect(() => readDriftSettings()).toThrow(/input after must be a whole number/);
    process.env.INPUT_AFTER = '2';
    process.env['INPUT_REVISION-FROM'] = 'argocd:nameonly';
    expect(() => readDriftSettings()).toThrow(/input revision-from: .*argocd:NAMESPACE\/NAME/);
    delete process.env['INPUT_REVISION-FROM'];
    delete process.env['INPUT_GITHUB-TOKEN'];
    expect(() => readDriftSettings()).toThrow(/input github-token is empty/);
    process.env.INPUT_ISSUES = 'false';
    expect(readDriftSettings()).toMatchObject({ after: 2 });
    // One shard of a fleet, checked as the plan action checks it.
    process.env.INPUT_SHARD = '2/4';
    expect(readDriftSettings()).toMatchObject({ shard: { index: 2, count: 4 } });
    process.env.INPUT_SHARD = '5/4';
    expect(() => readDriftSettings()).toThrow(/input `shard` must be INDEX\/COUNT/);
  });
});

describe('the kubeconfig a run uses', () => {
  it('prefers the explicit file, then the first of KUBECONFIG, then ~/.kube/config if it exists', () => {
    expect(chooseKubeconfig('/given', { KUBECONFIG: '/a:/b' })).toEqual({ path: '/given', available: true });
    expect(chooseKubeconfig(undefined, { KUBECONFIG: '/a:/b' })).toEqual({ path: '/a', available: true });
    expect(chooseKubeconfig(undefined, { HOME: '/nonexistent-home' })).toEqual({ available: false });
  });
});

describe('promote settings', () => {
  it('reads the configuration from `config` as plan and drift do, and `path` with a deprecation warning', () => {
    process.env.INPUT_TO = 'prod';
    expect(readPromoteSettings().repoRoot).toBe(process.cwd());
    process.env.INPUT_PATH = 'examples';
    const warnings: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      warnings.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(readPromoteSettings().repoRoot).toBe(join(process.cwd(), 'examples'));
    } finally {
      process.stdout.write = write;
    }
    expect(warnings.join('')).toMatch(
      /::warning::input `path` is deprecated; use `config: examples\/plumbline.yaml`/,
    );
    process.env.INPUT_CONFIG = 'examples/plumbline.yaml';
    expect(() => readPromoteSettings()).toThrow(/inputs `config` and `path` are both set/);
  });
});
