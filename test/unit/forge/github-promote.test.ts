/**
 * promote through the real GitHub adapter against the fake GitHub REST server (checked
 * against GitHub's OpenAPI description); git goes to a real bare remote that backs the
 * fake's repository, so GitHub's "head must exist" rule holds.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promote } from '../../../src/commands/promote.js';
import { loadConfig } from '../../../src/config/load.js';
import { fakeGitHubFor, type GitHubForgeFixture } from '../promote/support/fake-github.js';
import { type GitFixture, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const files = {
  'plumbline.yaml':
    'environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev }\n',
  'envs/dev/values.yaml': 'image:\n  repository: ghcr.io/acme/app\n  tag: 1.3.0 # dev\n',
  'envs/staging/values.yaml':
    '# staging values\nimage:\n  repository: ghcr.io/acme/app\n  tag: 1.2.0 # staging\n',
};

let fixture: GitFixture | undefined;
let hub: GitHubForgeFixture | undefined;
afterEach(async () => {
  fixture?.cleanup();
  await hub?.close();
});

describe('promote with the GitHub forge', () => {
  it('opens a labelled pull request, then updates it instead of opening a second one', async () => {
    fixture = gitFixture(files);
    hub = await fakeGitHubFor(fixture.remote);
    const { github, forge } = hub;
    const dir = fixture.clone('user');
    const run = async () =>
      promote({ repoRoot: dir, config: await loadConfig(dir), to: 'staging' }, { forge });

    const first = await run();
    expect(first.changes[0]?.changeRequest).toMatchObject({ number: expect.any(Number), created: true });
    const number = first.changes[0]?.changeRequest?.number as number;
    const pull = github.state.mustRepo('acme/app').issues.get(number);
    expect(pull?.pull).toMatchObject({ head: 'plumbline/promote/staging', base: 'main' });
    expect([...(pull?.labels ?? [])].sort()).toEqual(['plumbline', 'promote']);
    expect(fixture.read('plumbline/promote/staging', 'envs/staging/values.yaml')).toBe(
      '# staging values\nimage:\n  repository: ghcr.io/acme/app\n  tag: 1.3.0 # staging',
    );

    const again = await run();
    expect(again.changes[0]?.changeRequest).toMatchObject({ number, created: false });
    fixture.commit({ 'envs/dev/values.yaml': files['envs/dev/values.yaml'].replace('1.3.0', '1.4.0') });
    const newer = await run();
    expect(newer.changes[0]?.changeRequest).toMatchObject({ number, created: false });
    expect(github.state.mustRepo('acme/app').issues.get(number)?.title).toBe(
      'Promote ghcr.io/acme/app 1.4.0 to staging',
    );
    expect(github.count('POST /repos/{owner}/{repo}/pulls')).toBe(1);
    expect(github.violations).toEqual([]);
  });
});
