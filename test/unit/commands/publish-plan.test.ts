/**
 * Publishing a plan on a pull request of the fake GitHub: a comment per environment that
 * no other environment's text can take over, and a cap on the parts of one comment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_COMMENT_PARTS, planCommentParts, publishPlan } from '../../../src/commands/publish-plan.js';
import type { EnvironmentResult, ObjectChange, PlanResult } from '../../../src/diff/model.js';
import { countChanges } from '../../../src/diff/model.js';
import type { ThreadRef } from '../../../src/forge/forge.js';
import { createGitHubForge } from '../../../src/forge/github.js';
import { readMarker } from '../../../src/forge/marker.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import type { FakeRepo } from '../../fakes/github/state.js';

function configMap(name: string, diff: string): ObjectChange {
  const id = { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'shop', name };
  return {
    key: `/ConfigMap/shop/${name}`,
    id,
    change: 'changed',
    diff,
    fields: ['/data/a'],
    risks: [],
    notes: [],
  };
}

function environment(name: string, changes: ObjectChange[]): EnvironmentResult {
  return {
    environment: name,
    mode: 'offline',
    comparedWith: { kind: 'base', ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    counts: countChanges(changes),
    changes,
  };
}

describe('publishPlan on GitHub', () => {
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

  const forge = () =>
    createGitHubForge({
      token: WORKFLOW_TOKEN,
      owner: 'acme',
      repo: 'app',
      apiUrl: github.url,
      timeScale: 0.001,
    });
  const comments = () => github.state.commentsOn(repo, 1);

  it("keeps each environment's comment when a diff spells out another environment's marker", async () => {
    // A pull request can put any text in a value, and so in the diff of dev.
    const hostile = configMap(
      'note',
      '@@ -1 +1 @@\n-  a: x\n+  a: <!-- plumbline:plan:prod -->\n<!-- plumbline:plan:prod -->\n',
    );
    const plan = (prodDiff: string): PlanResult => ({
      environments: [environment('dev', [hostile]), environment('prod', [configMap('web', prodDiff)])],
    });
    const options = { comment: true, perEnvironment: true, labels: false };
    await publishPlan(forge(), thread, plan('@@ -1 +1 @@\n-  a: 1\n+  a: 2\n'), options);
    const [dev, prod] = comments();
    expect([dev, prod].map((comment) => readMarker(comment!.body)?.key)).toEqual(['dev', 'prod']);

    const again = await publishPlan(forge(), thread, plan('@@ -1 +1 @@\n-  a: 1\n+  a: 3\n'), options);
    expect(again.comments.map(({ key, sync: { urls: _, ...counts } }) => ({ key, ...counts }))).toEqual([
      { key: 'dev', created: 0, updated: 0, deleted: 0, unchanged: 1 },
      { key: 'prod', created: 0, updated: 1, deleted: 0, unchanged: 0 },
    ]);
    expect(comments().map((comment) => comment.id)).toEqual([dev!.id, prod!.id]);
    expect(comments()[0]!.body).toBe(dev!.body);
    expect(comments()[1]!.body).toContain('a: 3');
  });

  it('rewrites the comment of an environment the change no longer touches, and writes none for the others', async () => {
    const changed: PlanResult = {
      environments: [
        environment('dev', [configMap('a', '-a: 1\n+a: 2')]),
        environment('prod', [configMap('a', '-a: 1\n+a: 3')]),
      ],
    };
    await publishPlan(forge(), thread, changed, { comment: true, labels: false, perEnvironment: true });
    // A later push reverts prod: the plan leaves it out, with qa that never had a comment.
    const later: PlanResult = {
      environments: [environment('dev', [configMap('a', '-a: 1\n+a: 2')])],
      unaffected: ['prod', 'qa'],
    };
    await publishPlan(forge(), thread, later, { comment: true, labels: false, perEnvironment: true });
    const comments = github.state.commentsOn(repo, 1);
    expect(comments.map((comment) => readMarker(comment.body)?.key)).toEqual(['dev', 'prod']);
    const prod = comments[1]!.body;
    expect(prod).not.toContain('+a: 3');
    expect(prod).toContain('1 environment not planned: no file the change touches is one they read (prod)');
  });
});

describe('planCommentParts', () => {
  const bigPlan: PlanResult = {
    environments: [
      environment(
        'dev',
        Array.from({ length: 20_000 }, (_, i) =>
          configMap(`cm-${i}`, `@@ -1 +1 @@\n-  a: "${i}"\n+  a: "${i + 1}"\n`),
        ),
      ),
    ],
  };

  it(`caps a comment at ${MAX_COMMENT_PARTS} parts, its last one saying where the objects left out are`, () => {
    const { parts, objectsLeftOut } = planCommentParts({ bodyLimit: 65_536 }, 'all', bigPlan, {
      fullReportHint: 'the job summary and the report-markdown file',
    });
    expect(parts).toHaveLength(MAX_COMMENT_PARTS);
    expect(objectsLeftOut).toBeGreaterThan(0);
    const shown = parts.join('\n').match(/<details><summary>/g)?.length ?? 0;
    expect(shown + objectsLeftOut).toBe(20_000);
    expect(parts.at(-1)).toContain(
      `✂️ ${objectsLeftOut} more sections left out to keep this report to ${MAX_COMMENT_PARTS} parts; the full report is in the job summary and the report-markdown file.`,
    );
  });

  it('names a default place for the full report when the caller gives none', () => {
    const { parts } = planCommentParts({ bodyLimit: 65_536 }, 'all', bigPlan, {});
    expect(parts.at(-1)).toContain('the full report is in the log and artifacts of this CI job.');
  });
});
