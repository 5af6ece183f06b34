import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitAuthor, promoteCommand } from '../../../src/entry/cli/promote.js';
import { type GitFixture, git, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

let fixture: GitFixture | undefined;
afterEach(() => {
  fixture?.cleanup();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const staging = {
  'plumbline.yaml': 'environments:\n  - name: staging\n    path: envs/staging\n',
  'envs/staging/kustomization.yaml': 'images:\n- name: app\n  newTag: "1"\n',
};

/** Runs the command as a user would, output silenced; returns the exit code it set. */
async function run(args: string[]): Promise<number | undefined> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  await promoteCommand().parseAsync(args, { from: 'user' });
  return process.exitCode === undefined ? undefined : Number(process.exitCode);
}

describe('plumbline promote (CLI)', () => {
  it('promotes an explicit tag by direct commit and prints the result as JSON', async () => {
    fixture = gitFixture({
      'plumbline.yaml': 'environments:\n  - name: staging\n    path: envs/staging\n',
      'envs/staging/app.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ghcr.io/acme/app:1.0.0\n',
    });
    const dir = fixture.clone('user');
    const printed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await promoteCommand().parseAsync(
      [
        '--to',
        'staging',
        '--image',
        'ghcr.io/acme/app',
        '--tag',
        '1.1.0',
        '--via',
        'commit',
        '--repo',
        dir,
        '--json',
      ],
      { from: 'user' },
    );
    expect(JSON.parse(printed.join(''))).toMatchObject({
      status: 'promoted',
      promoted: [
        { image: 'ghcr.io/acme/app', from: ['1.0.0'], to: '1.1.0', files: ['envs/staging/app.yaml'] },
      ],
    });
    expect(fixture.read('main', 'envs/staging/app.yaml')).toContain('image: ghcr.io/acme/app:1.1.0');
  });

  it('refuses a pull request without a forge token, pushing nothing', async () => {
    fixture = gitFixture({
      'plumbline.yaml': 'environments:\n  - name: staging\n    path: envs/staging\n',
      'envs/staging/kustomization.yaml': 'images:\n- name: app\n  newTag: "1"\n',
    });
    const dir = fixture.clone('user');
    vi.stubEnv('GITHUB_TOKEN', '');
    vi.stubEnv('GH_TOKEN', '');
    vi.stubEnv('GITLAB_CI', '');
    await expect(
      promoteCommand().parseAsync(['--to', 'staging', '--image', 'app', '--tag', '2', '--repo', dir], {
        from: 'user',
      }),
    ).rejects.toThrow(/through a change request needs a forge token, but GITHUB_TOKEN is not set/);
    expect(fixture.head('plumbline/promote/staging')).toBeUndefined();
  });

  it('exits 2 on a dry run that would change something, 0 when nothing would, pushing nothing', async () => {
    fixture = gitFixture(staging);
    const dir = fixture.clone('user');
    const before = fixture.head('main');
    const common = ['--to', 'staging', '--image', 'app', '--via', 'commit', '--repo', dir, '--dry-run'];
    expect(await run([...common, '--tag', '2'])).toBe(2);
    expect(await run([...common, '--tag', '1'])).toBe(0);
    expect(fixture.head('main')).toBe(before);
  });

  it('exits 0 after a real promotion, committed by plumbline when git has no identity', async () => {
    fixture = gitFixture(staging);
    const dir = fixture.clone('user');
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    vi.stubEnv('GITLAB_USER_NAME', '');
    vi.stubEnv('GITLAB_USER_EMAIL', '');
    expect(
      await run(['--to', 'staging', '--image', 'app', '--tag', '2', '--via', 'commit', '--repo', dir]),
    ).toBe(0);
    expect(git(fixture.remote, 'log', '-1', '--format=%an <%ae>', 'main')).toBe(
      'plumbline <plumbline@users.noreply.invalid>',
    );
  });

  it('commits as the GitLab user who ran the pipeline when git has no identity', async () => {
    fixture = gitFixture(staging);
    const dir = fixture.clone('user');
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    vi.stubEnv('GITLAB_USER_NAME', 'Ada Lovelace');
    vi.stubEnv('GITLAB_USER_EMAIL', 'ada@example.org');
    await run([
      '--to',
      'staging',
      '--image',
      'app',
      '--tag',
      '2',
      '--via',
      'commit',
      '--repo',
      dir,
      '--base',
      'main',
    ]);
    expect(git(fixture.remote, 'log', '-1', '--format=%an <%ae>', 'main')).toBe(
      'Ada Lovelace <ada@example.org>',
    );
  });

  it("keeps git's own identity over any default", async () => {
    fixture = gitFixture(staging);
    const dir = fixture.clone('user');
    git(dir, 'config', 'user.name', 'Configured User');
    git(dir, 'config', 'user.email', 'configured@example.org');
    vi.stubEnv('GITLAB_USER_NAME', 'Ada Lovelace');
    vi.stubEnv('GITLAB_USER_EMAIL', 'ada@example.org');
    await run(['--to', 'staging', '--image', 'app', '--tag', '2', '--via', 'commit', '--repo', dir]);
    expect(git(fixture.remote, 'log', '-1', '--format=%an <%ae>', 'main')).toBe(
      'Configured User <configured@example.org>',
    );
  });

  it('uses the GitLab user only when both name and email are known', () => {
    expect(commitAuthor({ GITLAB_USER_NAME: 'Ada', GITLAB_USER_EMAIL: 'ada@example.org' })).toEqual({
      name: 'Ada',
      email: 'ada@example.org',
    });
    expect(commitAuthor({ GITLAB_USER_NAME: 'Ada' })).toEqual({
      name: 'plumbline',
      email: 'plumbline@users.noreply.invalid',
    });
  });
});
