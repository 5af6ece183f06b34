import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { gitLabCiContext, gitLabForgeOptionsFromEnvironment } from '../../../src/forge/gitlab-env.js';

// The predefined variables of a merge request pipeline on a self-managed instance.
const mergeRequestJob = {
  CI_API_V4_URL: 'https://gitlab.acme.internal/api/v4',
  CI_PROJECT_ID: '7',
  CI_MERGE_REQUEST_PROJECT_ID: '7',
  CI_MERGE_REQUEST_IID: '12',
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'bump-web',
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  CI_MERGE_REQUEST_DIFF_BASE_SHA: 'a'.repeat(40),
  CI_DEFAULT_BRANCH: 'main',
  CI_SERVER_TLS_CA_FILE: '/builds/acme/deploy.tmp/CI_SERVER_TLS_CA_FILE',
  CI_JOB_TOKEN: 'glcbt-64_job',
  PLUMBLINE_GITLAB_TOKEN: 'glpat-bot',
};

function refusal(env: Record<string, string | undefined>): PlumblineError {
  try {
    gitLabForgeOptionsFromEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(PlumblineError);
    return error as PlumblineError;
  }
  throw new Error('expected the environment to be refused');
}

describe('gitLabCiContext', () => {
  it('reads a merge request pipeline', () => {
    expect(gitLabCiContext(mergeRequestJob)).toEqual({
      forge: {
        token: 'glpat-bot',
        tokenVariable: 'PLUMBLINE_GITLAB_TOKEN',
        apiUrl: 'https://gitlab.acme.internal/api/v4',
        projectId: '7',
        caFile: '/builds/acme/deploy.tmp/CI_SERVER_TLS_CA_FILE',
      },
      mergeRequest: { iid: 12, sourceBranch: 'bump-web', targetBranch: 'main', diffBaseSha: 'a'.repeat(40) },
      defaultBranch: 'main',
    });
  });

  it('has no merge request in a scheduled pipeline', () => {
    const { CI_MERGE_REQUEST_IID: _, ...scheduled } = mergeRequestJob;
    expect(gitLabCiContext(scheduled).mergeRequest).toBeUndefined();
  });
});

describe('gitLabForgeOptionsFromEnvironment', () => {
  it('reads the token from the variable the component names, and lets PLUMBLINE_GITLAB_* override', () => {
    const options = gitLabForgeOptionsFromEnvironment({
      ...mergeRequestJob,
      PLUMBLINE_GITLAB_TOKEN_VARIABLE: 'DEPLOY_BOT_TOKEN',
      DEPLOY_BOT_TOKEN: 'glpat-deploy',
      PLUMBLINE_GITLAB_PROJECT: 'acme/deploy',
      PLUMBLINE_GITLAB_CA_FILE: '/etc/ssl/acme.pem',
    });
    expect(options).toMatchObject({
      token: 'glpat-deploy',
      tokenVariable: 'DEPLOY_BOT_TOKEN',
      projectId: 'acme/deploy',
      caFile: '/etc/ssl/acme.pem',
    });
  });

  it('says which variable to create when the token is missing', () => {
    const error = refusal({ ...mergeRequestJob, PLUMBLINE_GITLAB_TOKEN: '' });
    expect(error.message).toBe(
      'the CI/CD variable PLUMBLINE_GITLAB_TOKEN is not set or empty, so plumbline has no GitLab token',
    );
    expect(error.hint).toContain('api scope');
    expect(error.hint).toContain('protected');
  });

  it('refuses the CI job token, however it is passed', () => {
    for (const env of [
      { ...mergeRequestJob, PLUMBLINE_GITLAB_TOKEN_VARIABLE: 'CI_JOB_TOKEN' },
      { ...mergeRequestJob, PLUMBLINE_GITLAB_TOKEN: mergeRequestJob.CI_JOB_TOKEN },
      { ...mergeRequestJob, CI_JOB_TOKEN: undefined, PLUMBLINE_GITLAB_TOKEN: 'glcbt-64_other' },
    ]) {
      expect(refusal(env).message).toContain('holds the CI job token');
    }
  });

  it('refuses a token value given where the variable name belongs', () => {
    expect(
      refusal({ ...mergeRequestJob, PLUMBLINE_GITLAB_TOKEN_VARIABLE: '$PLUMBLINE_GITLAB_TOKEN' }).message,
    ).toContain(
      "token-variable must name a CI/CD variable, like PLUMBLINE_GITLAB_TOKEN; got '$PLUMBLINE_GITLAB_TOKEN'",
    );
  });

  it('asks for the API URL and project outside GitLab CI', () => {
    expect(refusal({ PLUMBLINE_GITLAB_TOKEN: 'glpat-x' }).hint).toContain('PLUMBLINE_GITLAB_API_URL');
    expect(
      refusal({ PLUMBLINE_GITLAB_TOKEN: 'glpat-x', PLUMBLINE_GITLAB_API_URL: 'https://gitlab.com/api/v4' })
        .hint,
    ).toContain('PLUMBLINE_GITLAB_PROJECT');
  });
});
