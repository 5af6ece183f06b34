import { afterEach, describe, expect, it, vi } from 'vitest';
import { promoteCommand } from '../../../src/entry/cli/promote.js';
import { type GitFixture, gitFixture } from './support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

let fixture: GitFixture | undefined;
afterEach(() => {
  fixture?.cleanup();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

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
    ).rejects.toThrow(/needs a forge token, but GITHUB_TOKEN is not set/);
    expect(fixture.head('plumbline/promote/staging')).toBeUndefined();
  });
});
