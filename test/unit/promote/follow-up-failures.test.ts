/**
 * What promote keeps when the forge fails part-way: a change request that exists keeps its
 * branch (a failed follow-up is a warning), a branch with no change request is deleted,
 * and a deletion that fails is reported with the branch to delete. Real git (a bare remote
 * that backs the fake GitHub, which closes a pull request whose head branch is deleted).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promote } from '../../../src/commands/promote.js';
import { loadConfig } from '../../../src/config/load.js';
import type { Forge } from '../../../src/forge/forge.js';
import { fakeGitHubFor, type GitHubForgeFixture } from './support/fake-github.js';
import { type GitFixture, gitFixture } from './support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const files = {
  'plumbline.yaml':
    'environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev }\n',
  'envs/dev/values.yaml': 'image:\n  repository: ghcr.io/acme/app\n  tag: 1.3.0\n',
  'envs/staging/values.yaml': 'image:\n  repository: ghcr.io/acme/app\n  tag: 1.2.0\n',
};
const BRANCH = 'plumbline/promote/staging';

let fixture: GitFixture | undefined;
let hub: GitHubForgeFixture | undefined;
afterEach(async () => {
  fixture?.cleanup();
  await hub?.close();
});

async function setUp(wrap: (forge: Forge, hub: GitHubForgeFixture) => Forge = (forge) => forge) {
  fixture = gitFixture(files);
  hub = await fakeGitHubFor(fixture.remote);
  const dir = fixture.clone('user');
  const forge = wrap(hub.forge, hub);
  const run = async () => promote({ repoRoot: dir, config: await loadConfig(dir), to: 'staging' }, { forge });
  return { fixture, hub, run };
}

/** A remote that refuses every branch deletion, as a protected-branch rule would. */
function refuseDeletions(remote: string): void {
  const hook = join(remote, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    '#!/bin/sh\nwhile read old new ref; do\n  case "$new" in *[!0]*) ;; *) echo "deleting $ref is not allowed" >&2; exit 1;; esac\ndone\n',
  );
  chmodSync(hook, 0o755);
}

describe('promote when the forge fails part-way', () => {
  it('keeps the pull request and its branch when labelling fails after opening, and says so', async () => {
    const { fixture, hub, run } = await setUp();
    hub.github.fail({ status: 403, method: 'POST', path: /labels/ });

    const result = await run();

    const [pull] = hub.pulls();
    expect(pull?.state).toBe('open');
    expect(pull?.labels).toEqual([]);
    expect(fixture.head(BRANCH)).toBeDefined();
    expect(fixture.read(BRANCH, 'envs/staging/values.yaml')).toContain('tag: 1.3.0');
    expect(result.status).toBe('promoted');
    expect(result.changes[0]?.changeRequest).toEqual({
      number: pull?.number,
      url: expect.any(String),
      created: true,
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /pull request #\d+ is open, but .*labels plumbline, promote may be missing/,
    );
    expect(result.warnings[0]).toMatch(/label/i);
    expect(result.message).toMatch(/^Warning: pull request #\d+ is open/m);
    expect(hub.github.violations).toEqual([]);
  });

  it('keeps the pushed branch when updating an open pull request fails, with a warning', async () => {
    const { fixture, hub, run } = await setUp();
    const first = await run();
    fixture.commit({ 'envs/dev/values.yaml': files['envs/dev/values.yaml'].replace('1.3.0', '1.4.0') });
    hub.github.fail({ status: 403, method: 'PATCH', path: /\/pulls\/\d+$/ });

    const second = await run();

    expect(second.changes[0]?.changeRequest).toMatchObject({
      number: first.changes[0]?.changeRequest?.number,
      created: false,
    });
    expect(fixture.read(BRANCH, 'envs/staging/values.yaml')).toContain('tag: 1.4.0');
    expect(hub.pulls()[0]?.state).toBe('open');
    expect(second.warnings[0]).toMatch(/title and description still describe the earlier promotion/);
  });

  it('deletes the branch it pushed when opening the pull request fails, leaving no pull request', async () => {
    const { fixture, hub, run } = await setUp();
    hub.github.fail({ status: 422, method: 'POST', path: '/repos/{owner}/{repo}/pulls' });

    await expect(run()).rejects.toThrow(/open a pull request/);

    expect(fixture.head(BRANCH)).toBeUndefined();
    expect(hub.pulls()).toEqual([]);
  });

  it('names the branch to delete when deleting it after a failed opening fails too', async () => {
    const { fixture, hub, run } = await setUp();
    refuseDeletions(fixture.remote);
    hub.github.fail({ status: 422, method: 'POST', path: '/repos/{owner}/{repo}/pulls' });

    const error = await run().then(
      () => undefined,
      (thrown: unknown) => thrown as Error & { hint?: string },
    );

    expect(error?.message).toMatch(
      /could not open a pull request from plumbline\/promote\/staging into main/,
    );
    expect(error?.hint).toContain(`could not delete the branch ${BRANCH} on origin`);
    expect(error?.hint).toContain(`git push origin --delete ${BRANCH}`);
    expect(fixture.head(BRANCH)).toBeDefined();
    expect(hub.pulls()).toEqual([]);
  });

  it('reports a stale branch it could not delete after retiring its pull request', async () => {
    const { fixture, hub, run } = await setUp();
    const opened = await run();
    // The base catches up on its own: the open pull request has nothing left to promote.
    fixture.commit({
      'envs/staging/values.yaml': files['envs/staging/values.yaml'].replace('1.2.0', '1.3.0'),
    });
    refuseDeletions(fixture.remote);

    const result = await run();

    expect(result.status).toBe('nothing-to-promote');
    expect(fixture.head(BRANCH)).toBeDefined();
    expect(result.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^pull request #\\d+ is no longer needed\\. .*could not delete the branch ${BRANCH}.*git push origin --delete ${BRANCH}$`,
        ),
      ),
    ]);
    expect(result.message).toContain('Warning: pull request #');
    const retired = hub.pulls().find((pull) => pull.number === opened.changes[0]?.changeRequest?.number);
    expect(retired?.body).toContain('**Superseded:**');
  });

  it('keeps the branch when it cannot tell whether the pull request was opened', async () => {
    // The second look-up (the one after opening failed) meets a GitHub that refuses it.
    let lookups = 0;
    const { fixture, hub, run } = await setUp((forge, hub) =>
      Object.create(forge, {
        findChangeRequest: {
          value: (head: string, base: string) => {
            lookups += 1;
            if (lookups === 2)
              hub.github.fail({ status: 403, method: 'GET', path: '/repos/{owner}/{repo}/pulls' });
            return forge.findChangeRequest(head, base);
          },
        },
      }),
    );
    hub.github.fail({ status: 403, method: 'POST', path: /labels/ });

    const error = await run().then(
      () => undefined,
      (thrown: unknown) => thrown as Error & { hint?: string },
    );

    expect(lookups).toBe(2);
    expect(error?.message).toMatch(/could not open a pull request from plumbline\/promote\/staging/);
    expect(error?.hint).toMatch(
      /kept the branch plumbline\/promote\/staging on origin because it could not tell/,
    );
    expect(fixture.head(BRANCH)).toBeDefined();
    expect(hub.pulls().map((pull) => pull.state)).toEqual(['open']);
  });
});
