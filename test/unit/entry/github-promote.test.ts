/** The promote action entry: inputs from INPUT_* variables, outputs to $GITHUB_OUTPUT, the fake GitHub as API. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import { type GitFixture, git, gitFixture } from '../promote/support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

let fixture: GitFixture | undefined;
let github: FakeGitHub | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  fixture?.cleanup();
  await github?.close();
});

/** Outputs written with the runner's file protocol: `name<<delimiter\nvalue\ndelimiter`. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of readFileSync(path, 'utf8').matchAll(pattern))
    outputs[match[1] as string] = match[3] as string;
  return outputs;
}

describe('actions/promote', () => {
  it('opens the pull request and sets promoted, pull-request-number and pull-request-url', async () => {
    fixture = gitFixture({
      'plumbline.yaml':
        'environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev }\n',
      'envs/dev/kustomization.yaml': 'images:\n- name: ghcr.io/acme/app\n  newTag: "2.0.0"\n',
      'envs/staging/kustomization.yaml': 'images:\n- name: ghcr.io/acme/app\n  newTag: "1.0.0"\n',
    });
    // The fake's repository is backed by the bare remote: the branch exists once pushed.
    github = await startFakeGitHub({ gitRemotes: { 'acme/app': fixture.remote } });
    const dir = fixture.clone('workspace');
    const repo = github.state.mustRepo('acme/app');
    const output = join(fixture.root, 'github-output');
    writeFileSync(output, '');
    vi.stubEnv('GITHUB_WORKSPACE', dir);
    vi.stubEnv('GITHUB_REPOSITORY', 'acme/app');
    vi.stubEnv('GITHUB_API_URL', github.url);
    vi.stubEnv('GITHUB_OUTPUT', output);
    vi.stubEnv('GITHUB_EVENT_PATH', '');
    vi.stubEnv('INPUT_TO', 'staging');
    vi.stubEnv('INPUT_BASE', 'main');
    vi.stubEnv('INPUT_GITHUB-TOKEN', WORKFLOW_TOKEN);
    vi.stubEnv('INPUT_LABELS', 'release\npromote');
    // A runner's git has no identity: the commit is the workflow bot's.
    vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
    vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.resetModules();
    const { runPromoteAction } = await import('../../../src/entry/github/promote.js');
    await runPromoteAction();

    const outputs = readOutputs(output);
    expect(JSON.parse(outputs.promoted ?? '')).toMatchObject([
      { image: 'ghcr.io/acme/app', from: ['1.0.0'], to: '2.0.0' },
    ]);
    const pull = [...repo.issues.values()].find((issue) => issue.pull);
    expect(outputs['pull-request-number']).toBe(String(pull?.number));
    expect(git(fixture.remote, 'log', '-1', '--format=%an <%ae>', 'plumbline/promote/staging')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    );
    expect(outputs['pull-request-url']).toMatch(new RegExp(`/acme/app/pull/${pull?.number}$`));
    expect([...(pull?.labels ?? [])].sort()).toEqual(['promote', 'release']);
    expect(github.violations).toEqual([]);
  });
});
