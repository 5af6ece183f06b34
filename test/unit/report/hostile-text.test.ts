/**
 * The head of a pull request writes object names, namespaces, diffs, notices and the
 * errors of its renders. Everything plumbline posts from them must only show them: no
 * hidden marker that could claim another comment, no mention that notifies anyone, no
 * line a GitLab quick action could start.
 */
import { describe, expect, it } from 'vitest';
import type { EnvironmentResult, ObjectChange, PlanResult } from '../../../src/diff/model.js';
import { countChanges } from '../../../src/diff/model.js';
import { eventComment, issueBody } from '../../../src/drift/issue.js';
import type { EnvironmentDrift } from '../../../src/drift/model.js';
import { summaryMarkdown } from '../../../src/drift/summary.js';
import { readMarker } from '../../../src/forge/marker.js';
import { changeRequestBody } from '../../../src/promote/describe.js';
import { renderMarkdown, renderMarkdownParts } from '../../../src/report/markdown.js';
import { code, escapeInline, fenced, htmlText } from '../../../src/report/markdown-syntax.js';
import { parseMarkdown } from './commonmark.js';
import { FOREIGN_MARKER, HOSTILE_TEXT, inertnessProblems } from './inert.js';

const WORD_JOINER = '\u2060';
const visible = (text: string) => text.replaceAll(WORD_JOINER, '');

describe('the check of hostile text', () => {
  it('finds each thing it looks for in the raw text', () => {
    const problems = inertnessProblems(HOSTILE_TEXT);
    expect(problems).toContain('an HTML comment opens');
    expect(problems).toContain('an HTML comment closes');
    expect(problems).toContain("a line starts with '/': /close (mid-line /close)");
    expect(problems).toContain('a mention outside a code block: @acme/admins');
  });
});

describe('the Markdown building blocks', () => {
  it('break mentions in prose, cells and HTML, but not an @ inside a word such as a digest', () => {
    expect(escapeInline('ping @octocat and @acme/admins')).toBe(
      `ping @${WORD_JOINER}octocat and @${WORD_JOINER}acme/admins`,
    );
    expect(htmlText('@octocat')).toBe(`@${WORD_JOINER}octocat`);
    expect(code('(@octocat)')).toBe(`<code>(@${WORD_JOINER}octocat)</code>`);
    expect(code('nginx@sha256:abc')).toBe('<code>nginx@sha256:abc</code>');
  });

  it('keep data from starting a line: a leading / is escaped and every line break, lone \\r too, is a <br>', () => {
    expect(escapeInline('/close')).toBe('\\/close');
    expect(escapeInline('a\r/merge\n/approve\r\n/assign')).toBe('a<br>/merge<br>/approve<br>/assign');
    expect(code('a\r/merge\n/close')).toBe('<code>a /merge /close</code>');
    // A blank line in <summary> would end its HTML block and start a paragraph.
    expect(htmlText('a\n\n/close')).toBe('a  /close');
  });

  it('write | in <code> as an entity, so a table row keeps its cells', () => {
    const row = `| ${code('a|b')} | c |`;
    expect(parseMarkdown(`| x | y |\n| --- | --- |\n${row}`).html).toContain('<td><code>a|b</code></td>');
  });

  it('break HTML comment delimiters in a code block, which still reads the same', () => {
    const block = fenced(`+ note: ${FOREIGN_MARKER}\n${FOREIGN_MARKER}`, 'diff');
    expect(block).not.toContain('<!--');
    expect(block).not.toContain('-->');
    expect(visible(parseMarkdown(block).fences[0]!.content)).toBe(
      `+ note: ${FOREIGN_MARKER}\n${FOREIGN_MARKER}\n`,
    );
  });
});

function hostileChange(): ObjectChange {
  const id = { group: '', version: 'v1', kind: 'ConfigMap', namespace: '@acme/admins', name: HOSTILE_TEXT };
  return {
    key: `/ConfigMap/@acme/admins/${HOSTILE_TEXT}`,
    id,
    change: 'changed',
    diff: `@@ -1,2 +1,2 @@\n-  note: old\n+  note: ${FOREIGN_MARKER}\n${FOREIGN_MARKER}\n/close\n@octocat\n`,
    fields: ['/data/note'],
    risks: [{ kind: 'immutable-field', message: HOSTILE_TEXT }],
    notes: [HOSTILE_TEXT],
  };
}

function hostileEnvironment(extra: Partial<EnvironmentResult> = {}): EnvironmentResult {
  const changes = [hostileChange()];
  return {
    environment: `/close @octocat ${FOREIGN_MARKER}`,
    mode: 'offline',
    comparedWith: { kind: 'cluster', context: HOSTILE_TEXT },
    counts: countChanges(changes),
    changes,
    notice: { kind: 'deletions-unseen', kinds: [HOSTILE_TEXT] },
    ...extra,
  };
}

const hostilePlan: PlanResult = {
  environments: [
    hostileEnvironment(),
    hostileEnvironment({ error: { message: HOSTILE_TEXT, hint: HOSTILE_TEXT }, changes: [] }),
  ],
  head: { ref: `@octocat/${FOREIGN_MARKER}`, sha: 'f'.repeat(40) },
  base: { ref: 'main', sha: 'a'.repeat(40) },
};

describe('a plan report made from hostile text', () => {
  it('shows it and does nothing else, whole or in parts', () => {
    expect(inertnessProblems(renderMarkdown(hostilePlan))).toEqual([]);
    const { parts } = renderMarkdownParts(hostilePlan, { limit: 2000, title: '@octocat /close' });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(inertnessProblems(part)).toEqual([]);
  });

  it('still says what the text was', () => {
    const html = visible(parseMarkdown(renderMarkdown(hostilePlan)).html);
    expect(html).toContain('@octocat');
    expect(html).toContain('&lt;!-- plumbline:plan:prod --&gt;');
  });
});

/** `body` without plumbline's own marker, which must be its first line. */
function belowOwnMarker(body: string): string {
  expect(readMarker(body)).toBeDefined();
  return body.slice(body.indexOf('\n') + 1);
}

describe('drift issues and summaries made from hostile text', () => {
  const drift: EnvironmentDrift = {
    environment: '@octocat',
    mode: 'live',
    comparedWith: HOSTILE_TEXT,
    revision: { sha: 'b'.repeat(40), source: 'deployed', from: HOSTILE_TEXT, note: HOSTILE_TEXT },
    objects: [
      {
        key: 'k',
        id: hostileChange().id,
        kind: 'differs',
        fields: [
          {
            pointer: `/data/${HOSTILE_TEXT}`,
            changedBy: { manager: '@octocat', subresource: HOSTILE_TEXT, time: HOSTILE_TEXT, exact: true },
          },
        ],
        diff: hostileChange().diff,
        notes: [HOSTILE_TEXT],
        fingerprint: 'f',
      },
    ],
    inSync: 0,
    fingerprint: 'f',
  };
  const state = { consecutive: 1, fingerprint: 'f', firstSeen: HOSTILE_TEXT, lastChecked: HOSTILE_TEXT };

  it('keep the issue body, its event comments and the job summary inert', () => {
    const body = issueBody({ drift, status: 'drifting', state, after: 1, limit: 65_536 });
    expect(inertnessProblems(belowOwnMarker(body))).toEqual([]);
    const comment = eventComment({ event: 'drifted', fingerprint: 'f', drift, state });
    expect(inertnessProblems(belowOwnMarker(comment))).toEqual([]);
    const summary = summaryMarkdown([
      { drift, issueError: HOSTILE_TEXT },
      { drift: { ...drift, environment: HOSTILE_TEXT } },
      { drift: { ...drift, environment: HOSTILE_TEXT, error: HOSTILE_TEXT } },
    ]);
    expect(inertnessProblems(summary)).toEqual([]);
  });
});

describe('a promotion body made from hostile text', () => {
  it('is inert', () => {
    const body = changeRequestBody({
      target: '/close',
      source: '@octocat',
      baseCommit: 'c'.repeat(40),
      promotions: [
        {
          image: '@octocat/app',
          from: [{ tag: HOSTILE_TEXT }],
          to: { tag: '1.0', digest: 'sha256:abc' },
          origin: HOSTILE_TEXT,
          places: [`envs/${HOSTILE_TEXT}:3`],
        },
      ],
      superseded: [{ image: HOSTILE_TEXT, was: { tag: '@octocat' }, now: { tag: '/merge' } }],
      targetChange: renderMarkdown(hostilePlan),
    });
    expect(inertnessProblems(body)).toEqual([]);
  });
});
