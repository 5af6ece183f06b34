/**
 * promote on GitLab, through the CLI as a GitLab CI job runs it: the forge comes from the
 * job's variables, the checkout is detached, and merge requests go to the fake GitLab,
 * whose project is backed by the test's bare remote.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promoteCommand } from '../../../src/entry/cli/promote.js';
import { BOT_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';
import { type GitFixture, git, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const overlay = (tag: string, comment: string) =>
  `# ${comment}\nresources: [deployment.yaml]\nimages:\n  - name: registry.example.com/acme/app\n    newTag: ${tag} # ${comment}\n`;

const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/acme/app\n';

const files = {
  'plumbline.yaml':
    'environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev }\n',
  'envs/dev/kustomization.yaml': overlay('1.3.0', 'dev'),
  'envs/dev/deployment.yaml': deployment,
  'envs/staging/kustomization.yaml': overlay('1.2.0', 'staging'),
  'envs/staging/deployment.yaml': deployment,
};

let fixture: GitFixture | undefined;
let seeded: SeededGitLab | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await seeded?.gitlab.close();
  seeded = undefined;
  fixture?.cleanup();
});

/** A GitLab CI job's variables, and a runner's detached checkout of main. */
async function gitLabJob(): Promise<{ dir: string; gitlab: SeededGitLab }> {
  fixture = gitFixture(files);
  seeded = await startSeededGitLab({ gitRemote: fixture.remote });
  vi.stubEnv('GITLAB_CI', 'true');
  vi.stubEnv('GITHUB_ACTIONS', '');
  vi.stubEnv('CI_API_V4_URL', seeded.gitlab.url);
  vi.stubEnv('CI_PROJECT_ID', String(seeded.project.id));
  vi.stubEnv('CI_COMMIT_BRANCH', 'main');
  vi.stubEnv('PLUMBLINE_GITLAB_TOKEN', BOT_TOKEN);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const dir = fixture.clone('job');
  git(dir, 'checkout', '--quiet', '--detach');
  return { dir, gitlab: seeded };
}

async function promoteInJob(dir: string, ...flags: string[]): Promise<void> {
  git(dir, 'fetch', '--quiet', 'origin');
  git(dir, 'checkout', '--quiet', '--detach', 'origin/main');
  await promoteCommand().parseAsync(['--to', 'staging', '--repo', dir, ...flags], { from: 'user' });
}

async function mergeRequests(gitlab: SeededGitLab) {
  const response = await fetch(
    `${gitlab.gitlab.url}/projects/${gitlab.project.id}/merge_requests?state=all`,
    {
      headers: { 'private-token': BOT_TOKEN },
    },
  );
  return (await response.json()) as {
    iid: number;
    state: string;
    title: string;
    description: string;
    source_branch: string;
    target_branch: string;
    labels: string[];
  }[];
}

const CREATE = 'POST /projects/:id/merge_requests';

describe('promote on GitLab', () => {
  it('opens one merge request, updates it for a newer tag, and never opens a second', async () => {
    const { dir, gitlab } = await gitLabJob();
    await promoteInJob(dir);
    let [request] = await mergeRequests(gitlab);
    expect(request).toMatchObject({
      iid: 1,
      state: 'opened',
      title: 'Promote registry.example.com/acme/app 1.3.0 to staging',
      source_branch: 'plumbline/promote/staging',
      target_branch: 'main',
      labels: ['plumbline', 'promote'],
    });
    // The offline plan of staging, rendered from the branch and its base.
    expect(request?.description).toMatch(/^-\s+- image: registry\.example\.com\/acme\/app:1\.2\.0$/m);
    expect(request?.description).toMatch(/^\+\s+- image: registry\.example\.com\/acme\/app:1\.3\.0$/m);
    expect(fixture?.read('plumbline/promote/staging', 'envs/staging/kustomization.yaml')).toBe(
      overlay('1.3.0', 'staging').trimEnd(),
    );

    await promoteInJob(dir);
    fixture?.commit({ 'envs/dev/kustomization.yaml': overlay('1.4.0', 'dev') });
    await promoteInJob(dir);
    const all = await mergeRequests(gitlab);
    expect(all).toHaveLength(1);
    [request] = all;
    expect(request).toMatchObject({
      iid: 1,
      state: 'opened',
      title: 'Promote registry.example.com/acme/app 1.4.0 to staging',
    });
    expect(request?.description).toMatch(/### Superseded[\s\S]*1\.3\.0[\s\S]*now <code>1\.4\.0<\/code>/);
    // GitLab's words, not GitHub's.
    expect(request?.description).toContain('This merge request is kept up to date by plumbline promote');
    expect(request?.description).not.toContain('pull request');
    expect(gitlab.gitlab.routes().filter((route) => route === CREATE)).toHaveLength(1);
    expect(gitlab.gitlab.violations).toEqual([]);
  });

  it('closes the merge request once main runs what it promotes', async () => {
    const { dir, gitlab } = await gitLabJob();
    await promoteInJob(dir, '--forge', 'gitlab');
    fixture?.commit({ 'envs/staging/kustomization.yaml': overlay('1.3.0', 'staging') });
    await promoteInJob(dir, '--forge', 'gitlab');
    const [request] = await mergeRequests(gitlab);
    expect(request?.state).toBe('closed');
    expect(request?.description).toContain('**Superseded:** main already runs these versions in staging');
    expect(fixture?.head('plumbline/promote/staging')).toBeUndefined();
    expect(gitlab.gitlab.violations).toEqual([]);
  });

  it('fails before pushing when the job has no token, naming the variable', async () => {
    const { dir, gitlab } = await gitLabJob();
    vi.stubEnv('PLUMBLINE_GITLAB_TOKEN', '');
    await expect(promoteInJob(dir)).rejects.toThrow(
      /needs a forge token, but the CI\/CD variable PLUMBLINE_GITLAB_TOKEN is not set/,
    );
    expect(fixture?.head('plumbline/promote/staging')).toBeUndefined();
    expect(gitlab.gitlab.requests).toEqual([]);
  });
});
