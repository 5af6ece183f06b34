import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForgeError, type ThreadRef } from '../../../src/forge/forge.js';
import { createGitHubForge } from '../../../src/forge/github.js';
import { buildMarker, findMarker, markerReserve, readMarker, withMarker } from '../../../src/forge/marker.js';
import { maxPartLength, syncStickyComment } from '../../../src/forge/sticky-comment.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import type { FakeRepo } from '../../fakes/github/state.js';

describe('markers', () => {
  it('builds and parses kind, key, part and state', () => {
    expect(buildMarker({ kind: 'plan', key: 'dev,staging' })).toBe('<!-- plumbline:plan:dev,staging -->');
    expect(buildMarker({ kind: 'plan', key: 'all', part: 2, parts: 3 })).toBe(
      '<!-- plumbline:plan:all part=2/3 -->',
    );
    const drift = buildMarker({ kind: 'drift', key: 'dev', state: { count: 2, since: '2025-01-01' } });
    expect(drift).toBe('<!-- plumbline:drift:dev {"count":2,"since":"2025-01-01"} -->');
    expect(readMarker(`${drift}\n# Drift\ntext`)).toEqual({
      kind: 'drift',
      key: 'dev',
      part: 1,
      parts: 1,
      state: { count: 2, since: '2025-01-01' },
    });
  });

  it('round-trips any key and any JSON state, which can never close the HTML comment early', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.integer({ min: 1, max: 50 }),
        (key, state, parts) => {
          const marker = buildMarker({ kind: 'drift', key, part: parts, parts, state });
          expect(marker.indexOf('-->')).toBe(marker.length - 3);
          expect(marker).not.toMatch(/\n/);
          expect(readMarker(`${marker}\nafter`)).toEqual({
            kind: 'drift',
            key,
            part: parts,
            parts,
            state: JSON.parse(JSON.stringify(state)),
          });
        },
      ),
    );
  });

  it('survives user edits under the marker and ignores a broken state', () => {
    const body = `${withMarker({ kind: 'plan', key: 'prod' }, 'diff')}\r\n\r\nEdited by a human`;
    expect(findMarker(body, { kind: 'plan', key: 'prod' })).toMatchObject({ part: 1, parts: 1 });
    expect(findMarker(body, { kind: 'plan', key: 'dev' })).toBeUndefined();
    const broken = readMarker('<!-- plumbline:drift:dev {"count": 2, oops} -->');
    expect(broken).toEqual({ kind: 'drift', key: 'dev', part: 1, parts: 1 });
    expect(readMarker('<!-- plumbline:plan:dev part=4/3 -->')).toBeUndefined();
  });

  it('is a marker only as the first line of the body, where withMarker puts it', () => {
    const prod = buildMarker({ kind: 'plan', key: 'prod' });
    const dev = withMarker({ kind: 'plan', key: 'dev' }, `\`\`\`diff\n+ note: ${prod}\n${prod}\n\`\`\``);
    expect(readMarker(dev)).toEqual({ kind: 'plan', key: 'dev', part: 1, parts: 1 });
    expect(findMarker(dev, { kind: 'plan', key: 'prod' })).toBeUndefined();
    for (const body of [`Edited by a human\n${prod}`, ` ${prod}`, `> ${prod}`, `${prod} trailing text`]) {
      expect(readMarker(body), body).toBeUndefined();
    }
  });

  it('reserves room for the longest marker of its kind and key', () => {
    const reserve = markerReserve({ kind: 'plan', key: 'dev,staging,prod' });
    expect(withMarker({ kind: 'plan', key: 'dev,staging,prod', part: 999, parts: 999 }, '').length).toBe(
      reserve,
    );
    expect(maxPartLength({ bodyLimit: 65536 }, { kind: 'plan', key: 'dev,staging,prod' })).toBe(
      65536 - reserve,
    );
  });
});

describe('syncStickyComment on GitHub', () => {
  let github: FakeGitHub;
  let repo: FakeRepo;
  const thread: ThreadRef = { kind: 'change-request', number: 1 };

  beforeEach(async () => {
    github = await startFakeGitHub({ repos: ['acme/app'] });
    repo = github.state.mustRepo('acme/app');
    github.state.createPullRequest(repo, { title: 'bump', author: 'octocat', head: 'feature', base: 'main' });
  });

  afterEach(async () => {
    expect(github.violations).toEqual([]);
    await github.close();
  });

  function forge(token = WORKFLOW_TOKEN) {
    return createGitHubForge({ token, owner: 'acme', repo: 'app', apiUrl: github.url, timeScale: 0.001 });
  }

  function bodies(author?: string): string[] {
    return github.state
      .commentsOn(repo, 1)
      .filter((c) => author === undefined || c.author === author)
      .map((c) => c.body);
  }

  it('keeps one comment through three runs, holding the latest body, and never reposts', async () => {
    const first = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['run 1'] });
    const second = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['run 2'] });
    const third = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['run 3'] });
    expect([first, second, third].map(({ urls: _, ...counts }) => counts)).toEqual([
      { created: 1, updated: 0, deleted: 0, unchanged: 0 },
      { created: 0, updated: 1, deleted: 0, unchanged: 0 },
      { created: 0, updated: 1, deleted: 0, unchanged: 0 },
    ]);
    expect(bodies()).toEqual(['<!-- plumbline:plan:all -->\nrun 3']);
    expect(github.count('POST /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(1);
    expect(third.urls).toEqual([expect.stringMatching(/\/pull\/1#issuecomment-\d+$/)]);
  });

  it('skips the update when the body is identical', async () => {
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['same'] });
    const again = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['same'] });
    expect(again).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 1 });
    expect(github.count('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toBe(0);
  });

  it("leaves another author's comment alone even when it carries the marker", async () => {
    const copied = withMarker({ kind: 'plan', key: 'all' }, 'quoted by a reviewer');
    github.state.addComment(repo, 1, copied, 'octocat');
    const result = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['plan'] });
    expect(result).toMatchObject({ created: 1, updated: 0, deleted: 0 });
    expect(bodies('octocat')).toEqual([copied]);
    expect(bodies('github-actions[bot]')).toEqual(['<!-- plumbline:plan:all -->\nplan']);
  });

  it('keeps comments of other kinds and keys apart', async () => {
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'dev', parts: ['dev plan'] });
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'prod', parts: ['prod plan'] });
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'dev', parts: ['dev plan 2'] });
    expect(bodies()).toEqual([
      '<!-- plumbline:plan:dev -->\ndev plan 2',
      '<!-- plumbline:plan:prod -->\nprod plan',
    ]);
  });

  it("never takes another comment for its own because that comment's text spells out its marker", async () => {
    // What a pull request can make a diff say: the exact marker of the prod comment,
    // mid-line and on a line of its own.
    const prodMarker = buildMarker({ kind: 'plan', key: 'prod' });
    const devBody = withMarker(
      { kind: 'plan', key: 'dev' },
      `dev plan\n\n\`\`\`diff\n+  note: "${prodMarker}"\n${prodMarker}\n\`\`\``,
    );
    const dev = github.state.addComment(repo, 1, devBody, 'github-actions[bot]');
    const result = await syncStickyComment(forge(), thread, {
      kind: 'plan',
      key: 'prod',
      parts: ['prod plan'],
    });
    expect(result).toMatchObject({ created: 1, updated: 0, deleted: 0, unchanged: 0 });
    expect(repo.comments.get(dev.id)?.body).toBe(devBody);
    const removed = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'prod', parts: [] });
    expect(removed).toMatchObject({ deleted: 1 });
    expect(bodies()).toEqual([devBody]);
  });

  it('finds its comment among 250 others by paging', async () => {
    for (let i = 0; i < 120; i++) github.state.addComment(repo, 1, `chatter ${i}`, 'octocat');
    const mine = github.state.addComment(
      repo,
      1,
      withMarker({ kind: 'plan', key: 'all' }, 'old'),
      'github-actions[bot]',
    );
    for (let i = 0; i < 130; i++) github.state.addComment(repo, 1, `more chatter ${i}`, 'octocat');
    const result = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['new'] });
    expect(result).toMatchObject({ created: 0, updated: 1 });
    expect(repo.comments.get(mine.id)?.body).toBe('<!-- plumbline:plan:all -->\nnew');
    expect(github.count('GET /repos/{owner}/{repo}/issues/{issue_number}/comments')).toBe(3);
  });

  it('splits into parts, then shrinks from three parts to one by deleting two', async () => {
    const grown = await syncStickyComment(forge(), thread, {
      kind: 'plan',
      key: 'all',
      parts: ['a', 'b', 'c'],
    });
    expect(grown).toMatchObject({ created: 3 });
    expect(bodies()).toEqual([
      '<!-- plumbline:plan:all part=1/3 -->\na',
      '<!-- plumbline:plan:all part=2/3 -->\nb',
      '<!-- plumbline:plan:all part=3/3 -->\nc',
    ]);
    const shrunk = await syncStickyComment(forge(), thread, {
      kind: 'plan',
      key: 'all',
      parts: ['all in one'],
    });
    expect(shrunk).toMatchObject({ created: 0, updated: 1, deleted: 2, unchanged: 0 });
    expect(bodies()).toEqual(['<!-- plumbline:plan:all -->\nall in one']);
  });

  it('removes a duplicate left by two runs racing, and everything when given no parts', async () => {
    github.state.addComment(
      repo,
      1,
      withMarker({ kind: 'plan', key: 'all' }, 'run A'),
      'github-actions[bot]',
    );
    github.state.addComment(
      repo,
      1,
      withMarker({ kind: 'plan', key: 'all' }, 'run B'),
      'github-actions[bot]',
    );
    expect(
      await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['run C'] }),
    ).toMatchObject({
      updated: 1,
      deleted: 1,
    });
    expect(bodies()).toEqual(['<!-- plumbline:plan:all -->\nrun C']);
    expect(await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: [] })).toMatchObject({
      deleted: 1,
    });
    expect(bodies()).toEqual([]);
  });

  it('fills a part up to the forge limit and refuses one that would not fit', async () => {
    const room = maxPartLength({ bodyLimit: 65536 }, { kind: 'plan', key: 'all' });
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['x'.repeat(room), 'y'] });
    expect(bodies().map((b) => b.length <= 65536)).toEqual([true, true]);
    await expect(
      syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['x'.repeat(room + 1)] }),
    ).rejects.toThrow(/part 1 of the plan comment is \d+ characters/);
  });

  it('retries a 429 and then succeeds', async () => {
    github.fail({ rateLimit: 'secondary', status: 429, retryAfter: 2, method: 'POST' });
    const result = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['plan'] });
    expect(result.created).toBe(1);
    expect(github.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([429, 201]);
    expect(bodies()).toHaveLength(1);
  });

  it('retries a secondary rate limit (403 with retry-after) and then succeeds', async () => {
    await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['v1'] });
    github.fail({ rateLimit: 'secondary', retryAfter: 60, method: 'PATCH' });
    const result = await syncStickyComment(forge(), thread, { kind: 'plan', key: 'all', parts: ['v2'] });
    expect(result.updated).toBe(1);
    expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([403, 200]);
    expect(bodies()).toEqual(['<!-- plumbline:plan:all -->\nv2']);
  });

  it('fails with a clear message on a bad token', async () => {
    const error = await syncStickyComment(forge('ghs_revoked'), thread, {
      kind: 'plan',
      key: 'all',
      parts: ['x'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).hint).toMatch(/token is invalid or expired/);
  });

  it('fails with the missing permission when the token may only read pull requests', async () => {
    github.state.addToken('ghs_read', { permissions: { 'pull-requests': 'read' } });
    const error = await syncStickyComment(forge('ghs_read'), thread, {
      kind: 'plan',
      key: 'all',
      parts: ['x'],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).message).toMatch(/comment on pull request #1/);
    expect((error as ForgeError).hint).toMatch(/"pull-requests: write"/);
    expect(bodies()).toEqual([]);
  });
});
