/**
 * Remedies are facts below the entries; each entry says them in its users' words: flags on
 * the command line, inputs for the GitHub Action and for the GitLab components.
 */
import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../../src/diff/model.js';
import {
  CLI_VOCABULARY,
  cliVocabulary,
  GITLAB_COMPONENT_VOCABULARY,
} from '../../../src/entry/cli/vocabulary.js';
import { ACTION_VOCABULARY } from '../../../src/entry/github/vocabulary.js';
import { describeError, PlumblineError } from '../../../src/errors.js';
import { toPlanReport } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderText } from '../../../src/report/text.js';

const unreachable: PlanResult = {
  environments: [
    {
      environment: 'prod',
      mode: 'live',
      comparedWith: { kind: 'cluster', context: 'prod' },
      counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
      changes: [],
      error: {
        message: 'Cannot reach the API server.',
        hint: 'Check that the cluster is running.',
        remedy: 'offline',
      },
    },
    {
      environment: 'dev',
      mode: 'live',
      comparedWith: { kind: 'no-cluster' },
      counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
      changes: [],
      notice: { kind: 'no-cluster' },
    },
  ],
};

describe('each entry words the same remedy its own way', () => {
  it.each([
    ['the CLI', CLI_VOCABULARY, 'To compare without a cluster: pass --offline.', 'pass --context NAME'],
    [
      'the GitHub Action',
      ACTION_VOCABULARY,
      'To compare without a cluster: set the input `mode: offline`.',
      undefined,
    ],
    [
      'the GitLab component',
      GITLAB_COMPONENT_VOCABULARY,
      "To compare without a cluster: set the plan component's input `mode: offline`.",
      undefined,
    ],
  ])('%s', (_entry, vocabulary, offline, context) => {
    const json = toPlanReport(unreachable, vocabulary);
    expect(json.environments[0]?.error).toBe(
      `Cannot reach the API server.\nCheck that the cluster is running.\n${offline}`,
    );
    expect(renderText(unreachable, { color: false, vocabulary })).toContain(offline);
    expect(renderMarkdown(unreachable, { vocabulary })).toContain(offline.replaceAll('`', '\\`'));
    const notice = json.environments[1]?.notice ?? '';
    expect(notice).toContain('set cluster.context for it in plumbline.yaml');
    if (context) expect(notice).toContain(context);
    else expect(notice).not.toContain('--');
  });

  it('says nothing of an option the entry lacks, rather than something wrong', () => {
    const error = new PlumblineError('no base', 'Fetch more history.', { remedy: 'base' });
    expect(describeError(error, GITLAB_COMPONENT_VOCABULARY)).toBe('no base\nFetch more history.');
    expect(describeError(error, CLI_VOCABULARY)).toBe(
      'no base\nFetch more history.\nTo name the branch to compare with or promote on: pass --base REF.',
    );
  });

  it('speaks the components\u2019 words in a GitLab CI job and flags elsewhere', () => {
    expect(cliVocabulary({ GITLAB_CI: 'true' })).toBe(GITLAB_COMPONENT_VOCABULARY);
    expect(cliVocabulary({})).toBe(CLI_VOCABULARY);
  });
});
