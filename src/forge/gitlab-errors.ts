/**
 * Turns a failed GitLab request into a ForgeError that says what happened and what to do.
 * Pure: it reads the status, GitLab's error body and headers, and never the token.
 */
import { ForgeError } from './forge.js';

/** Where the token comes from, named in hints so users know what to fix. */
export interface TokenSource {
  /** The masked CI/CD variable holding the token, e.g. PLUMBLINE_GITLAB_TOKEN. */
  variable: string;
}

export interface FailedRequest {
  /** What plumbline was doing, e.g. `post a note on merge request !4`. */
  action: string;
  status: number | undefined;
  /** GitLab's parsed JSON body, or its text when it was not JSON. */
  body: unknown;
  headers: Record<string, string | undefined>;
  attempts: number;
  /** For network failures: the system error code (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
  networkCode?: string;
  /** For 429: how long GitLab asked plumbline to wait, when that was too long to wait. */
  waitMs?: number;
  apiUrl: string;
  token: TokenSource;
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A failure to trust the server's certificate: no retry will fix it. */
export function isCertificateFailure(code: string | undefined): boolean {
  return code !== undefined && TLS_CODES.has(code);
}

export function gitLabRequestError(failure: FailedRequest): ForgeError {
  const { action, status, apiUrl, token } = failure;
  const tokenHint =
    `Create a project or group access token with the api scope (Developer role or higher) and store it ` +
    `in the masked CI/CD variable ${token.variable}. CI_JOB_TOKEN cannot post notes, open merge requests or create issues.`;
  const message = gitLabMessage(failure.body);
  const said = message ? `: ${message}` : '';

  if (status === undefined) {
    const code = failure.networkCode ?? 'unknown error';
    if (TLS_CODES.has(code)) {
      return new ForgeError(
        `could not ${action}: GitLab's TLS certificate at ${apiUrl} is not trusted (${code})`,
        undefined,
        'Point plumbline at the CA that signed it: on a runner CI_SERVER_TLS_CA_FILE is used when set; elsewhere set PLUMBLINE_GITLAB_CA_FILE to a PEM file.',
      );
    }
    return new ForgeError(
      `could not ${action}: GitLab at ${apiUrl} did not answer (${code}, ${attempts(failure.attempts)})`,
      undefined,
      'Check that the API URL is right and that the runner can reach it, then rerun the job.',
    );
  }
  if (status === 401) {
    return new ForgeError(
      `GitLab rejected the token while plumbline tried to ${action} (401 Unauthorized): it is missing, invalid, expired or revoked`,
      401,
      tokenHint,
    );
  }
  if (status === 403) {
    const scope = insufficientScope(failure.body, failure.headers);
    if (scope !== undefined) {
      return new ForgeError(
        `the token cannot ${action}: it lacks the ${scope} scope (403 insufficient_scope)`,
        403,
        `${tokenHint} A token with only read_api, read_repository or write_repository is not enough.`,
      );
    }
    return new ForgeError(
      `the token's user is not allowed to ${action} (403 Forbidden${said ? `, ${message}` : ''}): its role in the project is too low`,
      403,
      'Give the access token the Developer role (or higher) on the project; Reporter can comment but cannot open merge requests, and only the author can edit a note.',
    );
  }
  if (status === 404) {
    return new ForgeError(
      `GitLab found nothing while plumbline tried to ${action} (404${said})`,
      404,
      'Check the project id and the issue or merge request number; GitLab also answers 404 for projects the token cannot see, so make sure the token is a member of the project.',
    );
  }
  if (status === 429) {
    const wait =
      failure.waitMs === undefined ? '' : ` and asked to wait ${Math.ceil(failure.waitMs / 1000)} s`;
    return new ForgeError(
      `GitLab rate-limited plumbline while it tried to ${action} (429 Too Many Requests${wait}, ${attempts(failure.attempts)})`,
      429,
      'Rerun the job later; on a self-managed instance an administrator can raise the API or notes rate limits.',
    );
  }
  if (status >= 500) {
    return new ForgeError(
      `GitLab failed while plumbline tried to ${action} (${status}${said}, ${attempts(failure.attempts)})`,
      status,
      'GitLab may be down or overloaded; check the instance status page and rerun the job.',
    );
  }
  return new ForgeError(
    `GitLab refused to ${action} (${status}${said})`,
    status,
    'This is most likely a plumbline bug: please report it with this message.',
  );
}

/** The scope GitLab asked for when a token's scopes were too narrow, if that was the reason. */
export function insufficientScope(
  body: unknown,
  headers: Record<string, string | undefined>,
): string | undefined {
  if (isRecord(body) && body.error === 'insufficient_scope') {
    return typeof body.scope === 'string' && body.scope !== '' ? body.scope.split(' ')[0] : 'api';
  }
  const challenge = headers['www-authenticate'];
  if (challenge?.includes('insufficient_scope')) return /scope="([^" ]+)/.exec(challenge)?.[1] ?? 'api';
  return undefined;
}

/**
 * GitLab's error text in one line. Its bodies come as `{"message": "..."}`,
 * `{"message": {"title": ["can't be blank"]}}`, `{"message": ["..."]}` or `{"error": "..."}`.
 */
export function gitLabMessage(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 300);
  if (!isRecord(body)) return '';
  const value = body.message ?? body.error_description ?? body.error;
  return flatten(value);
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(flatten).join('; ');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([field, detail]) => `${field} ${flatten(detail)}`)
      .join('; ');
  }
  return value === undefined || value === null ? '' : String(value);
}

function attempts(count: number): string {
  return count === 1 ? '1 attempt' : `${count} attempts`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
