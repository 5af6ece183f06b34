/**
 * The shared input readers of the actions, fed the INPUT_* variables a runner sets, and
 * the link to the CI run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runUrl } from '../../../src/entry/ci-context.js';
import { booleanInput, choiceInput, list, listInput } from '../../../src/entry/github/inputs.js';
import { PlumblineError } from '../../../src/errors.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** As a runner passes `with:` values: INPUT_ and the upper-cased name. */
function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

describe('list inputs', () => {
  it('take one item per line or comma-separated items, ignoring blanks', () => {
    expect(list('dev, staging\n prod \n\n,')).toEqual(['dev', 'staging', 'prod']);
    inputs({ environments: 'dev\nprod' });
    expect(listInput('environments')).toEqual(['dev', 'prod']);
    expect(listInput('images')).toEqual([]);
  });
});

describe('choice inputs', () => {
  it('accept an allowed value, are undefined when empty, and name the allowed values otherwise', () => {
    inputs({ mode: 'reader' });
    expect(choiceInput('mode', ['live', 'reader'])).toBe('reader');
    expect(choiceInput('via', ['pull-request', 'commit'])).toBeUndefined();
    inputs({ mode: 'offline' });
    expect(() => choiceInput('mode', ['live', 'reader'])).toThrow(
      "input `mode` must be one of live, reader; got 'offline'",
    );
  });
});

describe('boolean inputs', () => {
  it('read the words getBooleanInput reads, and take the default when empty', () => {
    inputs({ comment: 'False', issues: 'TRUE' });
    expect(booleanInput('comment', true)).toBe(false);
    expect(booleanInput('issues', false)).toBe(true);
    expect(booleanInput('fail-on-drift', false)).toBe(false);
    expect(booleanInput('labels', true)).toBe(true);
  });

  it('refuse anything else with a PlumblineError naming the input and the value', () => {
    inputs({ 'dry-run': 'yes' });
    expect(() => booleanInput('dry-run', false)).toThrow(PlumblineError);
    expect(() => booleanInput('dry-run', false)).toThrow("input `dry-run` must be true or false; got 'yes'");
  });

  it("explain the umbrella action's labels, a boolean for plan and a list for drift and promote", () => {
    inputs({ labels: 'drift, ops' });
    const expected =
      'input `labels` for plan is true or false; for drift and promote it is a list of label names';
    expect(() => booleanInput('labels', true, expected)).toThrow(`${expected}; got 'drift, ops'`);
  });
});

describe('the link to the CI run', () => {
  it('is the GitLab job or the GitHub Actions run, and absent elsewhere', () => {
    expect(runUrl({ GITLAB_CI: 'true', CI_JOB_URL: 'https://gitlab.example/acme/app/-/jobs/9' })).toBe(
      'https://gitlab.example/acme/app/-/jobs/9',
    );
    expect(
      runUrl({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42' }),
    ).toBe('https://github.com/acme/app/actions/runs/42');
    expect(runUrl({ GITHUB_REPOSITORY: 'acme/app' })).toBeUndefined();
    expect(runUrl({})).toBeUndefined();
  });
});
