/**
 * What a GitLab CI job tells plumbline through its predefined variables: where the API is,
 * which project and merge request the pipeline is for, which CA to trust, and (through the
 * variable the component's `token-variable` input names) the token. Pure over an
 * environment record, so entries stay thin and this stays testable.
 */
import { PlumblineError } from '../errors.js';
import type { GitLabForgeOptions } from './gitlab.js';

export const DEFAULT_TOKEN_VARIABLE = 'PLUMBLINE_GITLAB_TOKEN';

export interface GitLabMergeRequestContext {
  iid: number;
  sourceBranch: string;
  targetBranch: string;
  /** The merge base with the target branch, which `plan --base` compares against. */
  diffBaseSha: string | undefined;
}

export interface GitLabCiContext {
  forge: GitLabForgeOptions;
  /** Present in merge request pipelines only. */
  mergeRequest: GitLabMergeRequestContext | undefined;
  defaultBranch: string | undefined;
}

type Environment = Record<string, string | undefined>;

export function gitLabCiContext(env: Environment): GitLabCiContext {
  const iid = value(env, 'CI_MERGE_REQUEST_IID');
  return {
    forge: gitLabForgeOptionsFromEnvironment(env),
    mergeRequest:
      iid === undefined
        ? undefined
        : {
            iid: Number(iid),
            sourceBranch: value(env, 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME') ?? '',
            targetBranch: value(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME') ?? '',
            diffBaseSha: value(env, 'CI_MERGE_REQUEST_DIFF_BASE_SHA'),
          },
    defaultBranch: value(env, 'CI_DEFAULT_BRANCH'),
  };
}

/**
 * Forge options from the job's variables. PLUMBLINE_GITLAB_* variables override the
 * predefined ones, so the CLI also works outside a runner.
 */
export function gitLabForgeOptionsFromEnvironment(env: Environment): GitLabForgeOptions {
  const tokenVariable = value(env, 'PLUMBLINE_GITLAB_TOKEN_VARIABLE') ?? DEFAULT_TOKEN_VARIABLE;
  const setUp =
    'Create a project or group access token with the api scope and the Developer role (add write_repository for promote), ' +
    `then add it under Settings > CI/CD > Variables as ${tokenVariable}, masked. A protected variable is only ` +
    'visible to pipelines on protected branches, so leave it unprotected for merge request pipelines or protect the branches.';

  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
    throw new PlumblineError(
      `token-variable must name a CI/CD variable, like ${DEFAULT_TOKEN_VARIABLE}; got '${tokenVariable}'`,
      'Give the name of the variable, not its value or $NAME.',
    );
  }
  const token = value(env, tokenVariable);
  if (token === undefined) {
    throw new PlumblineError(
      `the CI/CD variable ${tokenVariable} is not set or empty, so plumbline has no GitLab token`,
      setUp,
    );
  }
  const jobToken = value(env, 'CI_JOB_TOKEN');
  if (tokenVariable === 'CI_JOB_TOKEN' || token === jobToken || token.startsWith('glcbt-')) {
    throw new PlumblineError(
      `${tokenVariable} holds the CI job token, which GitLab does not let post notes, create issues or open merge requests`,
      setUp,
    );
  }

  const apiUrl = value(env, 'PLUMBLINE_GITLAB_API_URL') ?? value(env, 'CI_API_V4_URL');
  if (apiUrl === undefined) {
    throw new PlumblineError(
      'no GitLab API URL: CI_API_V4_URL is not set',
      'Outside GitLab CI, set PLUMBLINE_GITLAB_API_URL to the instance root followed by /api/v4, e.g. https://gitlab.com/api/v4.',
    );
  }
  // A merge request's notes live in its target project, which a fork's pipeline differs from.
  const projectId =
    value(env, 'PLUMBLINE_GITLAB_PROJECT') ??
    value(env, 'CI_MERGE_REQUEST_PROJECT_ID') ??
    value(env, 'CI_PROJECT_ID');
  if (projectId === undefined) {
    throw new PlumblineError(
      'no GitLab project: CI_PROJECT_ID is not set',
      'Outside GitLab CI, set PLUMBLINE_GITLAB_PROJECT to the project id or its full path, e.g. acme/deploy.',
    );
  }
  const caFile = value(env, 'PLUMBLINE_GITLAB_CA_FILE') ?? value(env, 'CI_SERVER_TLS_CA_FILE');
  return { token, tokenVariable, apiUrl, projectId, caFile };
}

function value(env: Environment, name: string): string | undefined {
  const found = env[name]?.trim();
  return found === undefined || found === '' ? undefined : found;
}
