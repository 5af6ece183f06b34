/**
 * The plan action's pure parts: reading the pull request event, the kubeconfig values to
 * mask, where the configuration lives, naming the base, and what the comments and labels
 * of a plan are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAN_LABELS, planComments, planLabels } from '../../../src/commands/publish-plan.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { repositoryRoot } from '../../../src/entry/github/inputs.js';
import { kubeconfigSecrets } from '../../../src/entry/github/kubeconfig.js';
import { nameBase } from '../../../src/entry/github/plan.js';
import { pullRequestFromEvent } from '../../../src/entry/github/plan-settings.js';
import { PlumblineError } from '../../../src/errors.js';

const BASE_SHA = 'b3dee40fc0a71f19f34c8abd6b225646ae592800';

function environment(name: string, overrides: Partial<EnvironmentResult> = {}): EnvironmentResult {
  return {
    environment: name,
    mode: 'offline',
    comparedWith: { kind: 'base', ref: BASE_SHA, sha: BASE_SHA },
    counts: { added: 0, changed: 0, deleted: 0, unchanged: 1 },
    changes: [],
    ...overrides,
  };
}

describe('the pull request event', () => {
  const pull = (head: string | null) => ({
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: BASE_SHA, repo: { full_name: 'acme/app' } },
      head: { ref: 'feature', sha: 'f'.repeat(40), repo: head === null ? null : { full_name: head } },
    },
  });

  it('gives the number, the base commit and whether it comes from a fork', () => {
    expect(pullRequestFromEvent('pull_request', pull('acme/app'))).toEqual({
      number: 7,
      baseSha: BASE_SHA,
      baseRef: 'main',
      fork: false,
    });
    expect(pullRequestFromEvent('pull_request_target', pull('Contributor/app'))?.fork).toBe(true);
    // A fork deleted since the pull request was opened has no head repository.
    expect(pullRequestFromEvent('pull_request', pull(null))?.fork).toBe(true);
  });

  it('is absent for other events and an error when the payload lacks the pull request', () => {
    expect(pullRequestFromEvent('push', { ref: 'refs/heads/main' })).toBeUndefined();
    expect(() => pullRequestFromEvent('pull_request', {})).toThrow(PlumblineError);
    expect(() => pullRequestFromEvent('pull_request', {})).toThrow(/GITHUB_EVENT_PATH/);
  });
});

describe('the kubeconfig values to mask', () => {
  const kubeconfig = [
    'apiVersion: v1',
    'clusters:',
    '  - name: prod',
    '    cluster: { server: https://prod.example:6443, certificate-authority-data: Q0EtREFUQQ== }',
    'users:',
    '  - name: planner',
    '    user:',
    '      token: s3cr3t-token-value',
    '  - name: cert-user',
    '    user:',
    '      client-key-data: S0VZLURBVEEtU0VDUkVU',
    '      client-certificate-data: Q0VSVC1EQVRB',
    '  - name: exec-user',
    '    user:',
    '      exec:',
    '        command: aws',
    '        env: [{ name: AWS_SECRET_ACCESS_KEY, value: aws-secret-value }]',
    'contexts: [{ name: prod, context: { cluster: prod, user: planner } }]',
  ].join('\n');

  it("masks every credential of every user, and the whole text, but not the cluster's public data", () => {
    const secrets = kubeconfigSecrets(kubeconfig);
    expect(secrets).toContain(kubeconfig);
    for (const value of ['s3cr3t-token-value', 'S0VZLURBVEEtU0VDUkVU', 'Q0VSVC1EQVRB', 'aws-secret-value']) {
      expect(secrets).toContain(value);
    }
    expect(secrets).not.toContain('https://prod.example:6443');
    expect(secrets).not.toContain('Q0EtREFUQQ==');
  });

  it('refuses text that is not YAML without quoting any of it', () => {
    const broken = 'users:\n  - user: { token: "unterminated-s3cr3t }\n';
    expect(() => kubeconfigSecrets(broken)).toThrow(/not valid YAML \(line \d+, column \d+\)/);
    try {
      kubeconfigSecrets(broken);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('s3cr3t');
    }
  });
});

describe('the configuration input', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'plumbline-action-config-'));
  writeFileSync(join(workspace, 'plumbline.yaml'), 'environments: []\n');
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('is the workspace when empty, else the folder of the named file', () => {
    expect(repositoryRoot(workspace, '')).toBe(workspace);
    expect(repositoryRoot(workspace, 'plumbline.yaml')).toBe(workspace);
  });

  it('must name an existing plumbline.yaml or plumbline.yml', () => {
    expect(() => repositoryRoot(workspace, 'deploy/config.yaml')).toThrow(
      /must name a plumbline.yaml or plumbline.yml/,
    );
    expect(() => repositoryRoot(workspace, 'sub/plumbline.yaml')).toThrow(/does not exist/);
  });
});

describe('naming the base and the head', () => {
  it('names the base by the branch and the checkout by its ref', () => {
    const result: PlanResult = {
      environments: [
        environment('dev'),
        environment('prod', { mode: 'live', comparedWith: { kind: 'cluster', context: 'prod' } }),
      ],
      base: { ref: BASE_SHA, sha: BASE_SHA },
      head: { ref: 'HEAD', sha: 'a'.repeat(40) },
    };
    nameBase(result, { number: 7, baseSha: BASE_SHA, baseRef: 'main', fork: false }, 'refs/pull/7/merge');
    expect(result.base).toEqual({ ref: 'main', sha: BASE_SHA });
    expect(result.head?.ref).toBe('pull/7/merge');
    expect(result.environments.map((env) => env.comparedWith)).toEqual([
      { kind: 'base', ref: 'main', sha: BASE_SHA },
      { kind: 'cluster', context: 'prod' },
    ]);
  });

  it('leaves a base the user named alone', () => {
    const result: PlanResult = { environments: [], base: { ref: 'origin/release', sha: BASE_SHA } };
    nameBase(result, { number: 7, baseSha: BASE_SHA, baseRef: 'main', fork: false }, undefined);
    expect(result.base?.ref).toBe('origin/release');
  });
});

describe('comments and labels of a plan', () => {
  const changed = environment('dev', { counts: { added: 1, changed: 0, deleted: 0, unchanged: 0 } });

  it('is one comment keyed all, or by the selected set, or one per environment', () => {
    const result: PlanResult = {
      environments: [changed, environment('dev', { mode: 'live' }), environment('prod')],
    };
    expect(planComments(result, {}).map((c) => c.key)).toEqual(['all']);
    expect(planComments(result, { selected: ['prod', 'dev'] }).map((c) => c.key)).toEqual(['dev,prod']);
    const perEnvironment = planComments(result, { perEnvironment: true });
    expect(perEnvironment.map((c) => [c.key, c.result.environments.length])).toEqual([
      ['dev', 2],
      ['prod', 1],
    ]);
  });

  it('labels changes, no changes, or neither when an environment failed and nothing changed', () => {
    expect(planLabels({ environments: [changed] })).toEqual({
      add: [PLAN_LABELS.changes],
      remove: [PLAN_LABELS.noChanges],
    });
    expect(planLabels({ environments: [environment('dev')] })).toEqual({
      add: [PLAN_LABELS.noChanges],
      remove: [PLAN_LABELS.changes],
    });
    expect(
      planLabels({
        environments: [environment('dev'), environment('prod', { error: { message: 'unreachable' } })],
      }),
    ).toEqual({
      add: [],
      remove: [PLAN_LABELS.changes, PLAN_LABELS.noChanges],
    });
    // A partial merge that shows no change: the missing shards may hold one.
    expect(planLabels({ environments: [environment('dev')], missingShards: [2] })).toEqual({
      add: [],
      remove: [PLAN_LABELS.changes, PLAN_LABELS.noChanges],
    });
    expect(planLabels({ environments: [changed], missingShards: [2] }).add).toEqual([PLAN_LABELS.changes]);
  });
});
