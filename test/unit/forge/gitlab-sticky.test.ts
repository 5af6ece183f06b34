import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitLabForge } from '../../../src/forge/gitlab.js';
import { withMarker } from '../../../src/forge/marker.js';
import { syncStickyComment } from '../../../src/forge/sticky-comment.js';
import { BOT_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';

// The sticky comment is forge-agnostic; this shows it holds on GitLab as it is, with notes
// in place of comments and system notes mixed in.
let seeded: SeededGitLab;

beforeEach(async () => {
  seeded = await startSeededGitLab();
});

afterEach(async () => {
  expect(seeded.gitlab.violations).toEqual([]);
  await seeded.gitlab.close();
});

describe('syncStickyComment on GitLab', () => {
  it('keeps one note per merge request across three runs, editing it in place', async () => {
    const { gitlab, project, human } = seeded;
    const mr = gitlab.state.addMergeRequest(project, {
      title: 'bump web',
      sourceBranch: 'bump',
      targetBranch: 'main',
      author: human,
    });
    // A reviewer quoting plumbline's marker keeps their note; GitLab's own records stay too.
    gitlab.state.addNote(mr, {
      body: `> ${withMarker({ kind: 'plan', key: 'dev' }, 'old plan')}`,
      author: human,
    });
    gitlab.state.addNote(mr, { body: 'added 1 commit', author: human, system: true });
    const thread = { kind: 'change-request', number: mr.iid } as const;
    const run = (text: string) =>
      syncStickyComment(
        createGitLabForge({ token: BOT_TOKEN, apiUrl: gitlab.url, projectId: project.id }),
        thread,
        {
          kind: 'plan',
          key: 'dev',
          parts: [text],
        },
      );

    const first = await run('dev: 1 change');
    const ours = mr.notes.find((note) => note.authorId === seeded.bot.id)!;
    gitlab.state.addNote(mr, { body: 'added 1 commit', author: human, system: true });
    const second = await run('dev: 2 changes');
    const third = await run('dev: 2 changes');

    expect(
      [first, second, third].map(({ created, updated, unchanged, deleted }) => ({
        created,
        updated,
        unchanged,
        deleted,
      })),
    ).toEqual([
      { created: 1, updated: 0, unchanged: 0, deleted: 0 },
      { created: 0, updated: 1, unchanged: 0, deleted: 0 },
      { created: 0, updated: 0, unchanged: 1, deleted: 0 },
    ]);
    const plumblineNotes = mr.notes.filter((note) => note.authorId === seeded.bot.id);
    expect(plumblineNotes).toHaveLength(1);
    expect(plumblineNotes[0]!.id).toBe(ours.id);
    expect(plumblineNotes[0]!.body).toBe(withMarker({ kind: 'plan', key: 'dev' }, 'dev: 2 changes'));
    expect(mr.notes.filter((note) => note.authorId === human.id)).toHaveLength(3);
    expect(third.urls).toEqual([`${gitlab.webUrl}/acme/deploy/-/merge_requests/${mr.iid}#note_${ours.id}`]);
  });

  it('splits a long plan into parts and drops the surplus when it shrinks', async () => {
    const { gitlab, project, human } = seeded;
    const issue = gitlab.state.addIssue(project, { title: 'Drift in prod', author: human });
    const forge = createGitLabForge({ token: BOT_TOKEN, apiUrl: gitlab.url, projectId: project.id });
    const thread = { kind: 'issue', number: issue.iid } as const;

    await syncStickyComment(forge, thread, {
      kind: 'drift',
      key: 'prod',
      parts: ['part one', 'part two', 'part three'],
    });
    const shrunk = await syncStickyComment(forge, thread, {
      kind: 'drift',
      key: 'prod',
      parts: ['all in one'],
    });

    expect(shrunk).toMatchObject({ updated: 1, deleted: 2 });
    expect(issue.notes.map((note) => note.body)).toEqual([
      withMarker({ kind: 'drift', key: 'prod' }, 'all in one'),
    ]);
  });
});
