/**
 * Class 8: names that speak to the CI or the forge. Environments discovered from folders
 * under envs/ take the folder's name, which the pull request chooses: workflow commands
 * (`::warning::`, and `::add-mask::` after a newline in the name), mentions (`@octocat`,
 * `@acme/admins`) and a GitLab quick action (`/close` after a newline). The base already
 * holds the folders (repository content is data, even on the base branch); the head
 * changes them so that every one is planned, and breaks one so its name is in an error.
 */
import { describe, expect, it } from 'vitest';
import {
  configMap,
  expectNothingLeaked,
  HostileRepo,
  hostileCase,
  kustomization,
  mentionableText,
  quickActionLines,
  type Tree,
  useForges,
} from './harness.js';

const context = useForges();

/** Folder names under envs/ (a `/` makes a nested folder, whose path is the environment's name). */
const HOSTILE_NAMES = [
  '::warning::PWNED-folder',
  'nl\n::add-mask::PWNED-newline',
  '@octocat',
  '@acme/admins',
  'qa\n/close',
];
const BROKEN = '@octocat';
const MENTION = /(?:^|[^\w`/])@(?:octocat|acme\/admins)\b/;

function environment(name: string, greeting: string, value = 'hello'): Tree {
  return {
    [`envs/${name}/kustomization.yaml`]: kustomization({ resources: ['app.yaml'] }),
    [`envs/${name}/app.yaml`]: configMap(
      'app',
      { GREETING: greeting, VALUE: value },
      `ns-${HOSTILE_NAMES.indexOf(name) + 1}`,
    ),
  };
}

describe('class 8: environment names and data cannot issue workflow commands, mentions or quick actions', () => {
  const hostile = hostileCase(context, 'names', (_canaries) => {
    // No plumbline.yaml: the environments are discovered.
    const repo = new HostileRepo(
      Object.assign({}, ...['dev', ...HOSTILE_NAMES].map((name) => environment(name, 'hello'))),
      {
        ...Object.assign(
          {},
          ...['dev', ...HOSTILE_NAMES].map((name) =>
            environment(name, 'hola', '@octocat please merge\n/close\n::warning::PWNED-value'),
          ),
        ),
        [`envs/${BROKEN}/kustomization.yaml`]: kustomization({ resources: ['app.yaml', 'missing.yaml'] }),
      },
    );
    return repo;
  });

  const action = () => hostile.outcomes.find((outcome) => outcome.path === 'action')!;
  const gitlab = () => hostile.outcomes.find((outcome) => outcome.path === 'gitlab')!;

  it('leaks no canary and still plans dev', () => {
    for (const outcome of hostile.outcomes) {
      expectNothingLeaked(outcome, hostile.canaries);
      expect(outcome.markdown, outcome.path).toContain('GREETING: hola');
    }
  });

  it('prints no workflow command from data in the action log', () => {
    // plumbline's own commands (::error title=…::, ::add-mask::TOKEN) carry data only after
    // their header; a line whose header is followed straight by hostile text came from data.
    const injected = action()
      .log.split('\n')
      .filter((line) => /^\s*::[^:\n]*::\s*PWNED/.test(line) || /^\s*::[^\n]*PWNED[^\n]*::/.test(line));
    expect(injected).toEqual([]);
  });

  it('mentions nobody in the GitHub comment or the GitLab note', () => {
    const bodies = [...action().comments, ...gitlab().comments];
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(mentionableText(body)).not.toMatch(MENTION);
  });

  it('mentions nobody in the job summary', () => {
    expect(mentionableText(action().texts.summary!)).not.toMatch(MENTION);
  });

  it('starts no line of a GitLab note with a quick action outside code', () => {
    const notes = gitlab().comments;
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(quickActionLines(note)).toEqual([]);
  });

  it('reports the broken environment as failed, its name escaped', () => {
    for (const outcome of hostile.outcomes) expect(outcome.code, outcome.path).toBe(1);
    const cli = hostile.outcomes.find((outcome) => outcome.path === 'cli')!;
    expect(cli.report?.environments.find((env) => env.name === BROKEN)?.status).toBe('failed');
  });
});
