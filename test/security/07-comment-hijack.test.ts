/**
 * Class 7: comment hijack. With one comment per environment, plumbline finds each
 * environment's comment by its marker. A ConfigMap value in dev carries prod's marker
 * (`<!-- plumbline:plan:prod -->`); the diff puts it into dev's comment. A marker counts
 * only as the first line of plumbline's own comment, and `<!--` in diffs is neutralised,
 * so prod's comment survives re-runs unchanged and dev's stays dev's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  type Outcome,
  openChangeRequest,
  plantCanaries,
  plumblineConfig,
  runAction,
  runGitLab,
  startForges,
  stopForges,
} from './harness.js';

let forges: Forges;
beforeAll(async () => {
  forges = await startForges();
});
afterAll(() => stopForges(forges));

const MARKER = /^<!-- plumbline:plan:(\S+?)(?: part=\d+\/\d+)? -->/;
const PROD_MARKER = '<!-- plumbline:plan:prod -->';

/** Comments by marker key (from their first line), with their ids. */
type Thread = Array<{ id: number; key: string | undefined; body: string }>;

describe("class 7: a marker in a diff cannot take over another environment's comment", () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  const runs: Array<{ action: Outcome; gitlab: Outcome; github: Thread; notes: Thread }> = [];

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig([
          { name: 'dev', path: 'envs/dev', renderer: 'plain' },
          { name: 'prod', path: 'envs/prod', renderer: 'plain' },
        ]),
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hello' }),
        'envs/prod/app.yaml': configMap('prod-app', { GREETING: 'hello' }),
      },
      {
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hola', NOTE: `${PROD_MARKER}\nprod is fine` }),
        'envs/prod/app.yaml': configMap('prod-app', { GREETING: 'bonjour' }),
      },
    );
    const request = openChangeRequest(forges, 'comment hijack');
    // The same plan twice, as a re-run of the job does.
    for (let run = 0; run < 2; run += 1) {
      const [action, gitlab] = await Promise.all([
        runAction(repo, canaries, forges, request, { 'comment-per-environment': 'true' }),
        runGitLab(repo, canaries, forges, request, ['--comment-per-environment']),
      ]);
      const keyOf = (body: string) => MARKER.exec(body.split('\n')[0]!)?.[1];
      const github = forges.github.state
        .commentsOn(forges.githubRepo, request.pull)
        .map((comment) => ({ id: comment.id, key: keyOf(comment.body), body: comment.body }));
      const notes = forges.gitlab.project.mergeRequests
        .find((mergeRequest) => mergeRequest.iid === request.mergeRequest)!
        .notes.filter((note) => !note.system)
        .map((note) => ({ id: note.id, key: keyOf(note.body), body: note.body }));
      runs.push({ action, gitlab, github, notes });
    }
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('leaks nothing and reports both environments', () => {
    for (const { action, gitlab } of runs) {
      for (const outcome of [action, gitlab]) {
        expectNothingLeaked(outcome, canaries);
        expectContained(outcome, {
          failed: [],
          healthy: { dev: 'GREETING: hola', prod: 'GREETING: bonjour' },
        });
      }
    }
  });

  it.each(['github', 'notes'] as const)(
    'keeps one comment per environment, each under its own marker (%s)',
    (forge) => {
      for (const run of runs) {
        const thread = run[forge];
        expect(thread.map((comment) => comment.key).sort()).toEqual(['dev', 'prod']);
        const prod = thread.find((comment) => comment.key === 'prod')!;
        expect(prod.body).toContain('GREETING: bonjour');
        expect(prod.body).not.toContain('dev-app');
        const dev = thread.find((comment) => comment.key === 'dev')!;
        expect(dev.body).toContain('GREETING: hola');
      }
    },
  );

  it.each(['github', 'notes'] as const)("leaves prod's comment unchanged across the re-run (%s)", (forge) => {
    const [first, second] = runs.map((run) => run[forge].find((comment) => comment.key === 'prod'));
    expect(second).toEqual(first);
  });

  it.each(['github', 'notes'] as const)('puts no marker anywhere but the first line (%s)', (forge) => {
    for (const comment of runs.at(-1)![forge]) {
      const [, ...rest] = comment.body.split('\n');
      expect(rest.join('\n')).not.toMatch(/<!--\s*plumbline:/);
    }
  });
});
