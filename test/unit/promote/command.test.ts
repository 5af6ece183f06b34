import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PromoteOptions, type PromoteResult, promote } from '../../../src/commands/promote.js';
import { loadConfig } from '../../../src/config/load.js';
import { PlumblineError } from '../../../src/errors.js';
import { WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import { fakeGitHubFor, type GitHubForgeFixture } from './support/fake-github.js';
import { type GitFixture, git, gitFixture } from './support/git-fixture.js';

const config = [
  'environments:',
  '  - name: dev',
  '    path: envs/dev',
  '  - name: staging',
  '    path: envs/staging',
  '    promote: { from: dev, via: commit }',
  '  - name: prod',
  '    path: envs/prod',
  '    promote: { from: staging }',
  '',
].join('\n');

const kustomization = (tag: string, comment = '') =>
  `# ${comment || 'overlay'}\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/app # api\n    newTag: "${tag}"   # keep me\n  - name: ghcr.io/acme/web\n    newTag: 2.0.0\n`;

const files = {
  'plumbline.yaml': config,
  'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
  'base/deploy.yaml':
    'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: ghcr.io/acme/app}]}\n',
  'envs/dev/kustomization.yaml': kustomization('1.3.0'),
  'envs/staging/kustomization.yaml': kustomization('1.2.0', 'staging overlay'),
  'envs/prod/kustomization.yaml': kustomization('1.1.0', 'prod overlay'),
};

// Real git processes on two shared cores: seconds, not milliseconds.
vi.setConfig({ testTimeout: 60_000 });

let fixture: GitFixture;
let hub: GitHubForgeFixture | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  fixture?.cleanup();
});

/** The fake GitHub over the fixture's bare remote, and the real adapter talking to it. */
async function gitHub(): Promise<GitHubForgeFixture> {
  hub = await fakeGitHubFor(fixture.remote);
  return hub;
}

const PULLS = 'POST /repos/{owner}/{repo}/pulls';
const PULL_UPDATES = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';

async function run(
  dir: string,
  options: Partial<PromoteOptions>,
  deps: Parameters<typeof promote>[1] = {},
): Promise<PromoteResult> {
  return promote({ repoRoot: dir, config: await loadConfig(dir), to: 'staging', ...options }, deps);
}

function worktrees(dir: string): number {
  return git(dir, 'worktree', 'list', '--porcelain')
    .split('\n')
    .filter((line) => line.startsWith('worktree ')).length;
}

describe('promote via commit', () => {
  it('pushes one commit that changes only the tag, and leaves the checkout alone', async () => {
    fixture = gitFixture(files);
    const dir = fixture.clone('user');
    const before = fixture.head('main');
    const result = await run(dir, {});
    expect(result.status).toBe('promoted');
    expect(result.promoted).toEqual([
      expect.objectContaining({
        image: 'ghcr.io/acme/app',
        from: ['1.2.0'],
        to: '1.3.0',
        files: ['envs/staging/kustomization.yaml'],
      }),
    ]);
    expect(fixture.read('main', 'envs/staging/kustomization.yaml')).toBe(
      kustomization('1.3.0', 'staging overlay').trimEnd(),
    );
    expect(git(fixture.remote, 'rev-parse', 'main~1')).toBe(before);
    expect(git(fixture.remote, 'diff', '--stat', 'main~1', 'main')).toMatch(
      /1 file changed, 1 insertion\(\+\), 1 deletion/,
    );
    // The user's checkout did not move and nothing was left behind.
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(worktrees(dir)).toBe(1);
    expect(git(dir, 'branch', '--list')).toBe('* main');
  });

  it('does nothing on a re-run: no commit, a clear message', async () => {
    fixture = gitFixture(files);
    const dir = fixture.clone('user');
    await run(dir, {});
    const head = fixture.head('main');
    const again = await run(dir, {});
    expect(again.status).toBe('nothing-to-promote');
    expect(again.promoted).toEqual([]);
    expect(again.message).toMatch(/Nothing to promote to staging/);
    expect(fixture.head('main')).toBe(head);
  });

  it('promotes an explicit pinned tag and keeps it pinned in every format', async () => {
    fixture = gitFixture({
      ...files,
      'envs/staging/kustomization.yaml':
        'images:\n- name: ghcr.io/acme/app\n  newTag: 1.2.0\n  digest: sha256:old\n',
      'envs/staging/values.yaml':
        '# values\nworker:\n  image:\n    repository: ghcr.io/acme/app\n    tag: "1.2.0"\n    digest: sha256:old\n',
      'envs/staging/job.yaml':
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers:\n      - name: j\n        image: ghcr.io/acme/app:1.2.0@sha256:old # pinned\n',
    });
    const dir = fixture.clone('user');
    const result = await run(dir, { image: 'ghcr.io/acme/app', tag: '1.3.0@sha256:new' });
    expect(result.promoted[0]?.files.sort()).toEqual([
      'envs/staging/job.yaml',
      'envs/staging/kustomization.yaml',
      'envs/staging/values.yaml',
    ]);
    expect(fixture.read('main', 'envs/staging/kustomization.yaml')).toBe(
      'images:\n- name: ghcr.io/acme/app\n  newTag: 1.3.0\n  digest: sha256:new',
    );
    expect(fixture.read('main', 'envs/staging/values.yaml')).toContain(
      'tag: "1.3.0"\n    digest: sha256:new',
    );
    expect(fixture.read('main', 'envs/staging/job.yaml')).toContain(
      'image: ghcr.io/acme/app:1.3.0@sha256:new # pinned',
    );
  });

  it('fails when the image is not in the target, listing where it looked, and writes nothing', async () => {
    fixture = gitFixture(files);
    const dir = fixture.clone('user');
    const head = fixture.head('main');
    const error = await run(dir, { image: 'ghcr.io/acme/missing', tag: '1.0.0' }).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(PlumblineError);
    expect(error.message).toContain('image ghcr.io/acme/missing is not referenced in staging');
    expect(error.message).toContain(
      'envs/staging/kustomization.yaml (kustomize): ghcr.io/acme/app, ghcr.io/acme/web',
    );
    expect(fixture.head('main')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(worktrees(dir)).toBe(1);
  });

  it('fails on malformed YAML with file and line, and writes nothing', async () => {
    fixture = gitFixture({
      ...files,
      'envs/staging/broken.yaml': 'kind: Pod\nspec:\n  containers: [\n    {name: a\n',
    });
    const dir = fixture.clone('user');
    const head = fixture.head('main');
    await expect(run(dir, {})).rejects.toThrow(/^envs\/staging\/broken\.yaml:\d+:\d+: not valid YAML/);
    expect(fixture.head('main')).toBe(head);
    expect(worktrees(dir)).toBe(1);
  });

  it('refuses a downgrade unless allowed, and a dry run pushes nothing', async () => {
    fixture = gitFixture(files);
    const dir = fixture.clone('user');
    await expect(run(dir, { image: 'ghcr.io/acme/app', tag: '1.0.0' })).rejects.toThrow(
      /refusing to downgrade/,
    );
    const head = fixture.head('main');
    const dry = await run(dir, {
      image: 'ghcr.io/acme/app',
      tag: '1.0.0',
      allowDowngrade: true,
      dryRun: true,
    });
    expect(dry.status).toBe('dry-run');
    expect(dry.promoted[0]).toMatchObject({ from: ['1.2.0'], to: '1.0.0' });
    expect(fixture.head('main')).toBe(head);
  });

  it('promotes only the listed images', async () => {
    fixture = gitFixture({
      ...files,
      'envs/dev/kustomization.yaml': kustomization('1.3.0').replace('2.0.0', '2.1.0'),
    });
    const dir = fixture.clone('user');
    const result = await run(dir, { images: ['ghcr.io/acme/web'] });
    expect(result.promoted.map((p) => `${p.image}=${p.to}`)).toEqual(['ghcr.io/acme/web=2.1.0']);
    expect(fixture.read('main', 'envs/staging/kustomization.yaml')).toContain('newTag: "1.2.0"');
  });
});

describe('promotes racing on one remote', () => {
  it('both land via commit, even when one push is rejected', async () => {
    fixture = gitFixture(files);
    const first = fixture.clone('first');
    const second = fixture.clone('second');
    let secondResult: PromoteResult | undefined;
    const firstResult = await run(
      first,
      { image: 'ghcr.io/acme/app', tag: '9.0.0' },
      {
        // The other promote lands between this one's commit and its push.
        beforePush: async (attempt) => {
          if (attempt === 1)
            secondResult = await run(second, {
              to: 'prod',
              image: 'ghcr.io/acme/web',
              tag: '3.0.0',
              via: 'commit',
            });
        },
      },
    );
    expect(secondResult?.changes[0]?.attempts).toBe(1);
    expect(firstResult.changes[0]?.attempts).toBe(2);
    expect(fixture.read('main', 'envs/staging/kustomization.yaml')).toContain('newTag: "9.0.0"');
    expect(fixture.read('main', 'envs/prod/kustomization.yaml')).toContain('newTag: 3.0.0');
    expect(git(fixture.remote, 'rev-list', '--count', 'main')).toBe('3');
  });

  it('both land when started together', async () => {
    fixture = gitFixture(files);
    const [a, b] = [fixture.clone('a'), fixture.clone('b')];
    await Promise.all([
      run(a, { image: 'ghcr.io/acme/app', tag: '5.0.0' }),
      run(b, { image: 'ghcr.io/acme/web', tag: '5.0.0' }),
    ]);
    const staging = fixture.read('main', 'envs/staging/kustomization.yaml');
    expect(staging).toContain('newTag: "5.0.0"');
    expect(staging).toContain('newTag: 5.0.0');
  });

  it('both land in one pull request for the same environment', async () => {
    fixture = gitFixture(files);
    const { forge, github, pulls } = await gitHub();
    const [a, b] = [fixture.clone('a'), fixture.clone('b')];
    const first = await run(
      a,
      { to: 'prod', image: 'ghcr.io/acme/app', tag: '7.0.0' },
      {
        forge,
        beforePush: async (attempt) => {
          if (attempt === 1) await run(b, { to: 'prod', image: 'ghcr.io/acme/web', tag: '7.0.0' }, { forge });
        },
      },
    );
    expect(first.changes[0]?.attempts).toBe(2);
    const prod = fixture.read('plumbline/promote/prod', 'envs/prod/kustomization.yaml');
    expect(prod).toContain('newTag: "7.0.0"');
    expect(prod).toContain('newTag: 7.0.0');
    expect(pulls().filter((pull) => pull.state === 'open')).toHaveLength(1);
    expect(github.count(PULLS)).toBe(1);
    expect(fixture.read('main', 'envs/prod/kustomization.yaml')).toContain('newTag: "1.1.0"');
    expect(github.violations).toEqual([]);
  });
});

describe('promote via pull request', () => {
  it('opens one pull request from a stable branch, with a table and the target change', async () => {
    fixture = gitFixture(files);
    const { forge, github, pulls } = await gitHub();
    const dir = fixture.clone('user');
    const result = await run(
      dir,
      { via: 'pull-request' },
      {
        forge,
        describeTargetChange: async (worktree, env) => `plan of ${env.name} (${worktree ? 'worktree' : ''})`,
      },
    );
    expect(result.changes[0]?.changeRequest).toEqual({
      number: 1,
      url: 'https://github.example.test/acme/app/pull/1',
      created: true,
    });
    const [pull] = pulls();
    expect(pull?.pull).toMatchObject({ head: 'plumbline/promote/staging', base: 'main' });
    expect(pull?.labels).toEqual(['plumbline', 'promote']);
    expect(pull?.title).toBe('Promote ghcr.io/acme/app 1.3.0 to staging');
    expect(pull?.body).toContain(
      '| <code>ghcr.io/acme/app</code> | <code>1.2.0</code> → <code>1.3.0</code> | dev (envs/dev/kustomization.yaml:5) |',
    );
    expect(pull?.body).toContain('plan of staging (worktree)');
    expect(fixture.read('plumbline/promote/staging', 'envs/staging/kustomization.yaml')).toContain(
      'newTag: "1.3.0"',
    );
    expect(fixture.read('main', 'envs/staging/kustomization.yaml')).toContain('newTag: "1.2.0"');
    expect(github.violations).toEqual([]);
  });

  it('is idempotent: a re-run makes no commit and no second pull request', async () => {
    fixture = gitFixture(files);
    const { forge, github } = await gitHub();
    const dir = fixture.clone('user');
    await run(dir, { via: 'pull-request' }, { forge });
    const branchHead = fixture.head('plumbline/promote/staging');
    const again = await run(dir, { via: 'pull-request' }, { forge });
    expect(again.changes[0]).toMatchObject({ upToDate: true, changeRequest: { number: 1, created: false } });
    expect(fixture.head('plumbline/promote/staging')).toBe(branchHead);
    expect(github.count(PULLS)).toBe(1);
    expect(github.count(PULL_UPDATES)).toBe(0);
    expect(github.violations).toEqual([]);
  });

  it('updates the open pull request for a newer tag and explains what it superseded', async () => {
    fixture = gitFixture(files);
    const { forge, github, pulls } = await gitHub();
    const dir = fixture.clone('user');
    await run(dir, { via: 'pull-request' }, { forge });
    fixture.commit({ 'envs/dev/kustomization.yaml': kustomization('1.4.0') });
    const result = await run(dir, { via: 'pull-request' }, { forge });
    expect(result.changes[0]?.changeRequest).toMatchObject({ number: 1, created: false });
    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]).toMatchObject({ state: 'open', title: 'Promote ghcr.io/acme/app 1.4.0 to staging' });
    expect(pulls()[0]?.body).toMatch(
      /### Superseded[\s\S]*<code>ghcr.io\/acme\/app<\/code> <code>1.3.0<\/code> \(now <code>1.4.0<\/code>\)/,
    );
    const branch = 'plumbline/promote/staging';
    expect(fixture.read(branch, 'envs/staging/kustomization.yaml')).toContain('newTag: "1.4.0"');
    // Rebuilt on the new base, not stacked on the old branch.
    expect(git(fixture.remote, 'rev-parse', `${branch}~1`)).toBe(fixture.head('main'));
    expect(github.count(PULLS)).toBe(1);
    expect(github.violations).toEqual([]);
  });

  it('opens one pull request per image when grouped by image', async () => {
    fixture = gitFixture({
      ...files,
      'envs/dev/kustomization.yaml': kustomization('1.3.0').replace('2.0.0', '2.1.0'),
    });
    const { forge, github, pulls } = await gitHub();
    const dir = fixture.clone('user');
    const result = await run(dir, { via: 'pull-request', group: 'image' }, { forge });
    expect(result.changes.map((c) => c.branch)).toEqual([
      'plumbline/promote-image/staging/ghcr.io-acme-app',
      'plumbline/promote-image/staging/ghcr.io-acme-web',
    ]);
    expect(pulls().map((pull) => [pull.title, pull.pull?.head])).toEqual([
      ['Promote ghcr.io/acme/app 1.3.0 to staging', 'plumbline/promote-image/staging/ghcr.io-acme-app'],
      ['Promote ghcr.io/acme/web 2.1.0 to staging', 'plumbline/promote-image/staging/ghcr.io-acme-web'],
    ]);
    expect(github.violations).toEqual([]);
  });

  it("groups by image when the target's promote.group says so", async () => {
    fixture = gitFixture({
      ...files,
      'plumbline.yaml': config.replace(
        'promote: { from: dev, via: commit }',
        'promote: { from: dev, group: image }',
      ),
      'envs/dev/kustomization.yaml': kustomization('1.3.0').replace('2.0.0', '2.1.0'),
    });
    const { forge, pulls } = await gitHub();
    const result = await run(fixture.clone('user'), {}, { forge });
    expect(result.changes.map((c) => c.branch)).toEqual([
      'plumbline/promote-image/staging/ghcr.io-acme-app',
      'plumbline/promote-image/staging/ghcr.io-acme-web',
    ]);
    expect(pulls()).toHaveLength(2);
    // --group wins over the configuration.
    fixture.commit({ 'envs/dev/kustomization.yaml': kustomization('1.4.0').replace('2.0.0', '2.2.0') });
    const grouped = await run(fixture.clone('again'), { group: 'environment' }, { forge });
    expect(grouped.changes.map((c) => c.branch)).toEqual(['plumbline/promote/staging']);
  });

  it('deletes the branch it pushed when the pull request cannot be opened', async () => {
    fixture = gitFixture(files);
    const { forge, github, pulls } = await gitHub();
    // The repository setting that stops the workflow token from opening pull requests.
    github.state.mustRepo('acme/app').actionsMayCreatePullRequests = false;
    const dir = fixture.clone('user');
    await expect(run(dir, { via: 'pull-request' }, { forge })).rejects.toThrow(
      /open a pull request from plumbline\/promote\/staging into main/,
    );
    expect(fixture.head('plumbline/promote/staging')).toBeUndefined();
    expect(pulls()).toEqual([]);
    expect(worktrees(dir)).toBe(1);
    expect(github.violations).toEqual([]);
  });

  it('retires a pull request the base has caught up with: the fake GitHub sees it closed', async () => {
    fixture = gitFixture(files);
    const { forge, github, pulls } = await gitHub();
    const dir = fixture.clone('user');
    await run(dir, { via: 'pull-request' }, { forge });
    expect(pulls()[0]?.state).toBe('open');
    fixture.commit(
      { 'envs/staging/kustomization.yaml': kustomization('1.3.0', 'staging overlay') },
      'by hand',
    );
    const result = await run(dir, { via: 'pull-request' }, { forge });
    expect(result.status).toBe('nothing-to-promote');
    expect(fixture.head('plumbline/promote/staging')).toBeUndefined();
    // Read back through the API, as a user would see it.
    const response = await fetch(`${github.url}/repos/acme/app/pulls/1`, {
      headers: { authorization: `token ${WORKFLOW_TOKEN}` },
    });
    const pull = (await response.json()) as { state: string; body: string; closed_at: string | null };
    expect(pull.state).toBe('closed');
    expect(pull.closed_at).not.toBeNull();
    expect(pull.body).toContain('**Superseded:** main already runs these versions in staging');
    expect(await forge.findChangeRequest('plumbline/promote/staging', 'main')).toBeUndefined();
    expect(pulls()).toHaveLength(1);
    expect(github.violations).toEqual([]);
  });
});
