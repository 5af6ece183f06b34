/**
 * The fake GitLab with a project backed by a real bare git repository: merge requests need
 * branches git has, and one whose source branch is deleted ends up closed, as on GitLab.
 * Projects without a git backing keep accepting any branch name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOT_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';

vi.setConfig({ testTimeout: 30_000 });

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

let root: string;
let clone: string;
let seeded: SeededGitLab;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'plumbline-fake-gitlab-git-'));
  const remote = join(root, 'remote.git');
  clone = join(root, 'clone');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(root, 'clone', '--quiet', remote, clone);
  git(clone, 'checkout', '--quiet', '-b', 'main');
  writeFileSync(join(clone, 'README'), 'hello\n');
  git(clone, 'add', 'README');
  git(clone, 'commit', '--quiet', '-m', 'initial');
  git(clone, 'push', '--quiet', 'origin', 'main');
  seeded = await startSeededGitLab({ gitRemote: remote });
});

afterEach(async () => {
  expect(seeded.gitlab.violations).toEqual([]);
  await seeded.gitlab.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${seeded.gitlab.url}/projects/${seeded.project.id}${path}`, {
    method,
    headers: { 'private-token': BOT_TOKEN, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

function pushBranch(name: string): void {
  git(clone, 'checkout', '--quiet', '-B', name, 'main');
  writeFileSync(join(clone, 'README'), `hello from ${name}\n`);
  git(clone, 'commit', '--quiet', '-am', name);
  git(clone, 'push', '--quiet', '--force', 'origin', name);
}

const open = (source: string, target = 'main') =>
  call('POST', '/merge_requests', { source_branch: source, target_branch: target, title: `from ${source}` });

describe('a fake GitLab project backed by git', () => {
  it('refuses a merge request between branches git does not have, as GitLab does', async () => {
    expect(await open('feature')).toEqual({
      status: 400,
      json: { message: { source_branch: ['does not exist'] } },
    });
    pushBranch('feature');
    expect(await open('feature', 'release')).toEqual({
      status: 400,
      json: { message: { target_branch: ['does not exist'] } },
    });
    const opened = await open('feature');
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ state: 'opened', source_branch: 'feature', target_branch: 'main' });
  });

  it('closes an open merge request once git no longer has its source branch', async () => {
    pushBranch('feature');
    const { json: request } = await open('feature');
    pushBranch('feature'); // moving the branch leaves it open
    expect((await call('GET', `/merge_requests/${request.iid}`)).json.state).toBe('opened');

    git(clone, 'push', '--quiet', 'origin', '--delete', 'feature');
    expect((await call('GET', `/merge_requests/${request.iid}`)).json.state).toBe('closed');
    expect((await call('GET', '/merge_requests?state=opened&source_branch=feature')).json).toEqual([]);
    const notes = (await call('GET', `/merge_requests/${request.iid}/notes`)).json as {
      body: string;
      system: boolean;
    }[];
    expect(notes).toContainEqual(expect.objectContaining({ body: 'closed', system: true }));

    pushBranch('feature');
    const second = await open('feature');
    expect(second.status).toBe(201);
    expect(second.json.iid).toBe(request.iid + 1);
  });
});

describe('a fake GitLab project without git', () => {
  it('accepts any branch name, as before', async () => {
    const plain = seeded.gitlab.state.addProject('acme/plain');
    const response = await fetch(`${seeded.gitlab.url}/projects/${plain.id}/merge_requests`, {
      method: 'POST',
      headers: { 'private-token': BOT_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ source_branch: 'anything', target_branch: 'main', title: 't' }),
    });
    expect(response.status).toBe(201);
  });
});
