/**
 * The same failure, remedied in each entry's own words: a cluster that does not answer
 * makes the CLI suggest --offline, and the same CLI in a GitLab CI job (where the plan
 * component runs it) suggest the component's input instead. The GitHub Action's words are
 * checked in github-plan.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE24, ROOT } from './github-plan-harness.js';

let repo: string;
let kubeconfig: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'plumbline-remedy-'));
  writeFileSync(
    join(repo, 'plumbline.yaml'),
    'environments:\n  - { name: prod, path: envs, renderer: plain, cluster: { context: closed } }\n',
  );
  mkdirSync(join(repo, 'envs'));
  writeFileSync(
    join(repo, 'envs/app.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app, namespace: default }\n',
  );
  // A cluster nothing listens for: port 1 on loopback refuses at once.
  kubeconfig = join(repo, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{ name: closed, cluster: { server: "https://127.0.0.1:1", insecure-skip-tls-verify: true } }]',
      'users: [{ name: u, user: { token: t } }]',
      'contexts: [{ name: closed, context: { cluster: closed, user: u } }]',
      'current-context: closed',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function plan(env: Record<string, string>): { code: number | null; out: string } {
  const run = spawnSync(
    NODE24,
    [
      join(ROOT, 'dist/cli.js'),
      'plan',
      '--live',
      '--repo',
      repo,
      '--kubeconfig',
      kubeconfig,
      '--format',
      'md',
    ],
    {
      env: { PATH: process.env.PATH ?? '', HOME: repo, ...env },
      encoding: 'utf8',
    },
  );
  return { code: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe('a remedy in the words of the entry that runs', () => {
  it('is a flag on the command line', () => {
    const { code, out } = plan({});
    expect(code).toBe(1);
    expect(out).toContain('To compare without a cluster: pass --offline.');
  });

  it("is the plan component's input in a GitLab CI job", () => {
    const { code, out } = plan({ GITLAB_CI: 'true' });
    expect(code).toBe(1);
    expect(out).toContain(
      "To compare without a cluster: set the plan component's input \\`mode: offline\\`.",
    );
    expect(out).not.toContain('--offline');
  });
});
