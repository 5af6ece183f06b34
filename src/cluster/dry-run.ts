/**
 * Server-side-apply dry runs: what the API server would store for each desired object
 * (defaults, admission, the merge with fields other managers own), as `kubectl diff
 * --server-side` asks it. A missing namespace, an unknown kind or a rejection is an
 * outcome for that object, not a failure of the run.
 */
import pLimit from 'p-limit';
import type { DryRunOutcome } from '../diff/live.js';
import { isMasked, isSecret, maskSecret, maskValue } from '../diff/mask.js';
import { displayName, type KubeObject, type Resource } from '../resource.js';
import { collectionPath, type Discovery, qualifiedName } from './discovery.js';
import { dryRunForbiddenMessage, forbiddenUser, forbiddenVerb, statusMessage } from './errors.js';
import type { KubeTransport } from './transport.js';

export type { DryRunOutcome };

export const FIELD_MANAGER = 'plumbline';

export interface DryRunOptions {
  /** Dry runs in flight at once. */
  concurrency?: number;
}

export async function dryRunApply(
  transport: KubeTransport,
  discovery: Discovery,
  desired: readonly Resource[],
  options: DryRunOptions = {},
): Promise<Map<string, DryRunOutcome>> {
  const limit = pLimit(options.concurrency ?? 8);
  const outcomes = await Promise.all(
    desired.map((resource) =>
      limit(async () => [resource.key, await dryRunOne(transport, discovery, resource)] as const),
    ),
  );
  return new Map(outcomes);
}

async function dryRunOne(
  transport: KubeTransport,
  discovery: Discovery,
  desired: Resource,
): Promise<DryRunOutcome> {
  const { object, id } = desired;
  const resource = await discovery.lookup(object.apiVersion, object.kind);
  if (!resource) {
    return {
      ok: false,
      reason: 'kind-unknown',
      message: `the cluster does not serve ${object.kind} in ${object.apiVersion}`,
    };
  }
  if (resource.namespaced && !id.namespace) {
    throw new Error(`${displayName(id)} has no namespace: resolve scopes before a dry run`);
  }
  const path = `${collectionPath(resource, id.namespace)}/${encodeURIComponent(id.name)}`;
  const response = await transport.request('PATCH', path, {
    query: { dryRun: 'All', fieldManager: FIELD_MANAGER, force: 'true' },
    body: withoutSecretValues(object),
    contentType: 'application/apply-patch+yaml',
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, object: withDesiredSecretValues(maskSecret(response.body as KubeObject), object) };
  }
  const details = (response.body as { details?: { kind?: string; name?: string } } | undefined)?.details;
  if (response.status === 404 && details?.kind === 'namespaces') {
    return {
      ok: false,
      reason: 'namespace-missing',
      message: `namespace ${details.name ?? id.namespace} does not exist`,
    };
  }
  if (response.status === 404) {
    // The kind went away between discovery and the dry run (a CRD being deleted).
    return { ok: false, reason: 'kind-unknown', message: statusMessage(response.body, 'not found') };
  }
  if (response.status === 403) {
    const user = forbiddenUser(response.body, transport.context);
    const access = {
      verb: forbiddenVerb(response.body, 'patch'),
      resource: qualifiedName(resource),
      namespace: id.namespace,
    };
    return { ok: false, reason: 'forbidden', message: dryRunForbiddenMessage(access, user) };
  }
  return { ok: false, reason: 'rejected', message: statusMessage(response.body, `HTTP ${response.status}`) };
}

/*
 * Secret values are masked the moment a manifest is parsed, so the real ones cannot be
 * sent (and must not be). The dry run runs without them, and the desired (masked) values
 * are laid over the answer: the server keeps data keys other managers own, and the ones
 * the manifest sets become its values.
 */
function withoutSecretValues(object: KubeObject): KubeObject {
  if (!isSecret(object)) return object;
  const { data: _data, stringData: _stringData, ...rest } = object;
  return rest as KubeObject;
}

function withDesiredSecretValues(result: KubeObject, desired: KubeObject): KubeObject {
  if (!isSecret(desired)) return result;
  const data: Record<string, string> = {};
  // Values already masked (the usual case) stay as they are: masking twice would change them.
  for (const [key, value] of Object.entries((desired.data ?? {}) as Record<string, unknown>)) {
    data[key] = isMasked(value) ? value : maskValue(String(value ?? ''));
  }
  for (const [key, value] of Object.entries((desired.stringData ?? {}) as Record<string, unknown>)) {
    data[key] = maskValue(Buffer.from(String(value ?? ''), 'utf8').toString('base64'));
  }
  if (Object.keys(data).length === 0) return result;
  return { ...result, data: { ...(result.data as Record<string, string> | undefined), ...data } };
}
