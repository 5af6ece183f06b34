/**
 * What went wrong talking to a cluster, said so a user can act on it. Each error names
 * the server and the kubeconfig context, never a credential or a Secret value.
 */
import { PlumblineError } from '../errors.js';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'EPROTO',
]);

/** A request that got no HTTP answer: refused, unknown host, timeout, TLS failure. */
export function unreachableError(error: unknown, server: string, context: string): PlumblineError {
  if (error instanceof PlumblineError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  const where = `the Kubernetes API server at ${server} (kubeconfig context ${context})`;
  const check = `Check that the cluster is running and that context ${context} points at it (kubectl --context ${context} version).`;
  const unreachable = (reason: string) =>
    new PlumblineError(`Cannot reach ${where}: ${reason}.`, check, { cause: error, remedy: 'offline' });
  if (code === 'ECONNREFUSED') return unreachable('connection refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unreachable('the host name does not resolve');
  if (code === 'ETIMEDOUT' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return unreachable(`${detail} (${code})`);
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
    return new PlumblineError(
      `The TLS connection to ${where} failed: ${detail} (${code}).`,
      `The server's certificate is not the one the kubeconfig trusts: check certificate-authority(-data) and the server address of context ${context}.`,
      { cause: error },
    );
  }
  return unreachable(code ? `${detail} (${code})` : detail);
}

export function credentialsRejected(server: string, context: string, user: string): PlumblineError {
  return new PlumblineError(
    `The Kubernetes API server at ${server} rejected the credentials of user ${user} (kubeconfig context ${context}): HTTP 401 Unauthorized.`,
    'The token or certificate is wrong or expired: refresh the credentials of that kubeconfig user.',
  );
}

/** The `message` of a Kubernetes Status body, or a fallback. */
export function statusMessage(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return (body as { message: string }).message;
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 500);
  return fallback;
}

/** The user the API server says it authenticated, from a 403 message (`User "x" cannot ...`). */
export function forbiddenUser(body: unknown, fallback: string): string {
  return /User "([^"]+)"/.exec(statusMessage(body, ''))?.[1] ?? fallback;
}

export interface Access {
  verb: string;
  /** `deployments.apps`, `configmaps`. */
  resource: string;
  /** Absent for cluster-scoped resources and lists across all namespaces. */
  namespace?: string;
}

/** A read the identity's RBAC refuses; `access` says which. */
export class ReadForbiddenError extends PlumblineError {
  constructor(
    readonly access: Access,
    message: string,
    hint: string,
  ) {
    super(message, hint);
  }
}

/** Reading is forbidden: plumbline cannot compare with the cluster at all. */
export function readForbidden(
  access: Access,
  user: string,
  context: string,
  server: string,
): ReadForbiddenError {
  const scope = access.namespace ? `in namespace ${access.namespace}` : 'cluster-wide';
  return new ReadForbiddenError(
    access,
    `User ${user} (kubeconfig context ${context}, server ${server}) may not ${access.verb} ${access.resource} ${scope}: HTTP 403 Forbidden.`,
    `plumbline needs get, list and watch on the kinds it plans. Bind that user to a ClusterRole that grants them, such as plumbline-reader (rules: apiGroups ["*"], resources ["*"], verbs [get, list, watch]); see docs/control-plane.md.`,
  );
}

/**
 * The message of a `forbidden` dry-run outcome. The server authorizes a server-side apply
 * as `patch` for an existing object and as `create` for a new one; `access.verb` is the
 * one it refused.
 */
export function dryRunForbiddenMessage(access: Access, user: string): string {
  const scope = access.namespace ? ` in namespace ${access.namespace}` : '';
  return `user ${user} lacks \`${access.verb}\` on ${access.resource}${scope}, which a server-side-apply dry run needs (patch for existing objects, create for new ones); grant both (see the ClusterRole plumbline-planner) or plan in reader mode`;
}

/** The verb a 403 message says was refused (`User "x" cannot create resource ...`). */
export function forbiddenVerb(body: unknown, fallback: string): string {
  return /cannot (\w+) resource/.exec(statusMessage(body, ''))?.[1] ?? fallback;
}

/** An answer plumbline has no specific handling for. */
export function unexpectedAnswer(
  what: string,
  response: { status: number; body: unknown },
  server: string,
  context: string,
): PlumblineError {
  return new PlumblineError(
    `${what} failed on the Kubernetes API server at ${server} (kubeconfig context ${context}): HTTP ${response.status}: ${statusMessage(response.body, 'no message')}`,
    'Check the API server and its logs; retry when it is healthy.',
  );
}
