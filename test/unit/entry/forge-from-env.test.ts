/** Which forge a CLI run uses, from the variables of the CI it runs in. */
import { describe, expect, it } from 'vitest';
import {
  branchFromEnvironment,
  detectForge,
  forgeFromEnvironment,
  gitHubRepositoryOfRemote,
} from '../../../src/entry/forge-from-env.js';
import { PlumblineError } from '../../../src/errors.js';
import { GITHUB_BODY_LIMIT } from '../../../src/forge/github.js';
import { GITLAB_NOTE_LIMIT } from '../../../src/forge/gitlab.js';

describe('detectForge', () => {
  it('is gitlab in a GitLab CI job, even with GitHub variables around, and github otherwise', () => {
    expect(detectForge({ GITLAB_CI: 'true' })).toBe('gitlab');
    expect(detectForge({ GITLAB_CI: 'true', GITHUB_ACTIONS: 'true' })).toBe('gitlab');
    expect(detectForge({ GITHUB_ACTIONS: 'true' })).toBe('github');
    expect(detectForge({ GITHUB_REPOSITORY: 'acme/app' })).toBe('github');
    expect(detectForge({})).toBe('github');
    expect(detectForge({ GITLAB_CI: ' ' })).toBe('github');
  });
});

describe('forgeFromEnvironment', () => {
  it('builds each forge from its variables', () => {
    const github = forgeFromEnvironment('github', { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/app' });
    expect(github.bodyLimit).toBe(GITHUB_BODY_LIMIT);
    const gitlab = forgeFromEnvironment('gitlab', {
      PLUMBLINE_GITLAB_TOKEN: 'glpat-x',
      CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
      CI_PROJECT_ID: '7',
    });
    expect(gitlab.bodyLimit).toBe(GITLAB_NOTE_LIMIT);
  });

  it('names what is missing', () => {
    expect(() => forgeFromEnvironment('github', { GITHUB_REPOSITORY: 'acme/app' })).toThrow(
      /GITHUB_TOKEN is not set/,
    );
    expect(() => forgeFromEnvironment('github', { GH_TOKEN: 't' })).toThrow(
      /GITHUB_REPOSITORY must be owner\/name/,
    );
    expect(() => forgeFromEnvironment('github', { GH_TOKEN: 't' }, { repository: 'acme/app' })).not.toThrow();
    const error = (() => {
      try {
        forgeFromEnvironment('gitlab', {
          CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
          CI_PROJECT_ID: '7',
        });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PlumblineError);
    expect((error as Error).message).toMatch(/PLUMBLINE_GITLAB_TOKEN is not set/);
  });
});

describe('helpers', () => {
  it('reads owner/name from github.com remotes only', () => {
    expect(gitHubRepositoryOfRemote('https://github.com/acme/app.git\n')).toBe('acme/app');
    expect(gitHubRepositoryOfRemote('git@github.com:acme/app')).toBe('acme/app');
    expect(gitHubRepositoryOfRemote('https://gitlab.com/acme/app.git')).toBeUndefined();
  });

  it("takes the CI run's branch from branch pipelines and branch pushes only", () => {
    expect(branchFromEnvironment('gitlab', { CI_COMMIT_BRANCH: 'main' })).toBe('main');
    expect(branchFromEnvironment('gitlab', { CI_COMMIT_TAG: 'v1' })).toBeUndefined();
    expect(branchFromEnvironment('github', { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' })).toBe(
      'main',
    );
    expect(
      branchFromEnvironment('github', { GITHUB_REF: 'refs/pull/1/merge', GITHUB_REF_NAME: '1/merge' }),
    ).toBeUndefined();
  });
});
