/**
 * The fake GitHub backed by a real bare git repository: branches are git's, read when a
 * request needs them, and a pull request whose head branch is deleted ends up closed, as on
 * GitHub. Repositories without a git backing keep their hand-kept branch list.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';

vi.setConfig({ testTimeout: 30_000 });

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

let root: string;
let remote: string;
let clone: string;
let github: FakeGitHub;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'plumbline-fake-git-'));
  remote = join(root, 'remote.git');
  clone = join(root, 'clone');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=trunk', remote);
  git(root, 'clone', '--quiet', remote, clone);
  git(clone, 'checkout', '--quiet', '-b', 'trunk');
  writeFileSync(join(clone, 'README'), 'hello\n');
  git(clone, 'add', 'README');
  git(clone, 'commit', '--quiet', '-m', 'initial');
  git(clone, 'push', '--quiet', 'origin', 'trunk');
  github = await startFakeGitHub({ gitRemotes: { 'acme/deploy': remote } });
});

afterEach(async () => {
  await github.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${github.url}${path}`, {
    method,
    headers: { authorization: `token ${WORKFLOW_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

function pushBranch(name: string): string {
  git(clone, 'checkout', '--quiet', '-B', name, 'trunk');
  writeFileSync(join(clone, 'README'), `hello from ${name}\n`);
  git(clone, 'commit', '--quiet', '-am', name);
  git(clone, 'push', '--quiet', '--force', 'origin', name);
  return git(clone, 'rev-parse', 'HEAD');
}

const openPull = (head: string) =>
  call('POST', '/repos/acme/deploy/pulls', { title: `from ${head}`, head, base: 'trunk' });

describe('a fake GitHub repository backed by git', () => {
  it('takes its default branch and its branches from git', async () => {
    const repository = await call('GET', '/repos/acme/deploy');
    expect(repository.json.default_branch).toBe('trunk');
    expect([...github.state.mustRepo('acme/deploy').branches]).toEqual(['trunk']);
    pushBranch('feature');
    expect([...github.state.mustRepo('acme/deploy').branches].sort()).toEqual(['feature', 'trunk']);
    expect(github.violations).toEqual([]);
  });

  it('refuses a pull request from a branch git does not have, as GitHub does, and opens one once it is pushed', async () => {
    const refused = await openPull('feature');
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);

    const sha = pushBranch('feature');
    const opened = await openPull('feature');
    expect(opened.status).toBe(201);
    expect(opened.json.head).toMatchObject({ ref: 'feature', sha });
    expect(opened.json.base.sha).toBe(git(remote, 'rev-parse', 'trunk'));
    // Creating the pull request did not invent a branch git does not have.
    expect(github.state.mustRepo('acme/deploy').branches.has('elsewhere')).toBe(false);
    expect(github.violations).toEqual([]);
  });

  it('closes an open pull request once git no longer has its head branch', async () => {
    pushBranch('feature');
    const { json: pull } = await openPull('feature');
    expect((await call('GET', `/repos/acme/deploy/pulls/${pull.number}`)).json.state).toBe('open');

    git(clone, 'push', '--quiet', 'origin', '--delete', 'feature');
    const after = await call('GET', `/repos/acme/deploy/pulls/${pull.number}`);
    expect(after.json).toMatchObject({ state: 'closed', closed_at: expect.any(String) });
    const open = await call('GET', '/repos/acme/deploy/pulls?state=open&head=acme:feature&base=trunk');
    expect(open.json).toEqual([]);

    // Pushed again, the branch takes a new pull request; the closed one stays closed.
    pushBranch('feature');
    const second = await openPull('feature');
    expect(second.status).toBe(201);
    expect(second.json.number).not.toBe(pull.number);
    expect((await call('GET', `/repos/acme/deploy/pulls/${pull.number}`)).json.state).toBe('closed');
    expect(github.violations).toEqual([]);
  });

  it('leaves a pull request alone while its head branch exists, however it moves', async () => {
    pushBranch('feature');
    const { json: pull } = await openPull('feature');
    const moved = pushBranch('feature');
    const after = await call('GET', `/repos/acme/deploy/pulls/${pull.number}`);
    expect(after.json).toMatchObject({ state: 'open', head: { sha: moved } });
  });

  it('keeps the hand-kept branch list for a repository without git', async () => {
    const plain = github.state.mustRepo('acme/app');
    expect(plain.gitRemote).toBeUndefined();
    expect((await openPull('feature')).status).toBe(422);
    const refused = await call('POST', '/repos/acme/app/pulls', {
      title: 't',
      head: 'feature',
      base: 'main',
    });
    expect(refused.status).toBe(422);
    plain.branches.add('feature');
    const opened = await call('POST', '/repos/acme/app/pulls', { title: 't', head: 'feature', base: 'main' });
    expect(opened.status).toBe(201);
    // Without git, nothing deletes the branch, so nothing closes the pull request.
    expect((await call('GET', `/repos/acme/app/pulls/${opened.json.number}`)).json.state).toBe('open');
    expect(github.violations).toEqual([]);
  });
});
