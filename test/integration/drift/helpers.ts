/**
 * Set-up for drift on the real control plane: a git repository in a temporary folder
 * holding one or more environments (each in its own namespace and named after it, so
 * runs of other tests never share an ownership label value), kubectl as people use it,
 * and the fake GitHub.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type DriftOptions, type DriftRun, runDrift } from '../../../src/commands/drift.js';
import { createGitHubForge } from '../../../src/forge/github.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import { applyAsAdmin, contextOf, type Identity, testKubeconfigPath } from '../../support/cluster.js';

export const OWNERSHIP_LABEL = 'drift-test.plumbline.dev/env';

/** The environment's objects; the environment's name is its namespace's. */
export function environmentManifests(namespace: string): string {
  const labels = `{ ${OWNERSHIP_LABEL}: ${namespace} }`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: ${namespace}, labels: ${labels} }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          env: [{ name: MODE, value: prod }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: ${namespace}, labels: ${labels} }
data: { color: blue }
---
apiVersion: v1
kind: Secret
metadata: { name: creds, namespace: ${namespace}, labels: ${labels} }
stringData: { password: hunter2-${namespace}, user: bob }
`;
}

/** A repository with one environment per namespace, committed; the config names each cluster context. */
export function gitOpsRepo(
  namespaces: string[],
  options: { identity?: Identity; after?: number } = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-drift-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  const context = contextOf(options.identity ?? 'planner');
  const environments = namespaces
    .map((ns) => `  - name: ${ns}\n    path: envs/${ns}\n    cluster: { context: ${context} }`)
    .join('\n');
  writeFileSync(
    join(root, 'plumbline.yaml'),
    `environments:\n${environments}\ndiff:\n  ownershipLabel: ${OWNERSHIP_LABEL}\ndrift:\n  after: ${options.after ?? 1}\n  labels: [drift]\n`,
  );
  for (const ns of namespaces) {
    mkdirSync(join(root, 'envs', ns), { recursive: true });
    writeFileSync(join(root, 'envs', ns, 'manifests.yaml'), environmentManifests(ns));
  }
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '.');
  git(
    root,
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.test',
    'commit',
    '--quiet',
    '-m',
    'environments',
  );
  return root;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** Applies the environment as its deploy pipeline would. */
export function deploy(namespace: string): void {
  applyAsAdmin(environmentManifests(namespace));
}

/** kubectl as admin, the way people change clusters by hand. */
export function kubectl(...args: string[]): string {
  return execFileSync(
    'kubectl',
    ['--kubeconfig', testKubeconfigPath(), '--context', contextOf('admin'), ...args],
    {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
}

export async function fakeGitHub(): Promise<FakeGitHub> {
  const github = await startFakeGitHub();
  onTestFinished(() => github.close());
  return github;
}

/** One scheduled run: drift for the named environments, with issues on the fake GitHub. */
export function driftRun(
  github: FakeGitHub,
  repoRoot: string,
  options: Partial<DriftOptions> = {},
): Promise<DriftRun> {
  const forge = createGitHubForge({
    token: WORKFLOW_TOKEN,
    owner: 'acme',
    repo: 'app',
    apiUrl: github.url,
    timeScale: 0.001,
    retries: 0,
  });
  return runDrift({
    repoRoot,
    mode: 'live',
    kubeconfigPath: testKubeconfigPath(),
    forge,
    runUrl: 'https://github.example.test/acme/app/actions/runs/1',
    ...options,
  });
}

/** The repository's issues as the fake holds them. */
export function issues(github: FakeGitHub) {
  return [...github.state.repo('acme', 'app')!.issues.values()].filter((issue) => !issue.pull);
}

export function commentsOn(github: FakeGitHub, number: number) {
  return [...github.state.repo('acme', 'app')!.comments.values()].filter(
    (comment) => comment.issueNumber === number,
  );
}
