/**
 * Live objects are masked where they are read: a Secret listed from the cluster, desired
 * or found by the ownership label, carries no value, in data or in the
 * last-applied-configuration annotation that kubectl apply leaves on it.
 */
import { describe, expect, it } from 'vitest';
import { Discovery } from '../../../src/cluster/discovery.js';
import { readLive } from '../../../src/cluster/live.js';
import type { KubeResponse, KubeTransport } from '../../../src/cluster/transport.js';
import { isMasked } from '../../../src/diff/mask.js';
import { toResource } from '../../../src/resource.js';

const CANARY = 'c4n4ry-s3cret';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A LIST item as the API server sends it: no apiVersion or kind. */
const liveSecret = (name: string) => ({
  metadata: {
    name,
    namespace: 'shop',
    labels: { env: 'dev' },
    annotations: { [LAST_APPLIED]: JSON.stringify({ stringData: { password: CANARY } }) },
    managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:data': { 'f:password': {} } } }],
  },
  data: { password: Buffer.from(CANARY).toString('base64') },
  type: 'Opaque',
});

/** Answers discovery of v1 and every LIST with two Secrets; every other kind is not served. */
function fakeTransport(): KubeTransport {
  const answer = (body: unknown, status = 200): KubeResponse => ({ status, body, headers: {} });
  return {
    context: 'test',
    server: 'https://127.0.0.1:1',
    request: async (_method: string, path: string) => {
      if (path === '/api/v1') {
        return answer({ resources: [{ name: 'secrets', kind: 'Secret', namespaced: true }] });
      }
      if (path.endsWith('/secrets')) return answer({ items: [liveSecret('db'), liveSecret('old')] });
      return answer({}, 404);
    },
  } as unknown as KubeTransport;
}

describe('readLive', () => {
  it('masks every Secret it lists, its data and its last-applied-configuration', async () => {
    const transport = fakeTransport();
    const desired = toResource(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' } },
      { file: 'envs/dev/secret.yaml' },
    );
    const live = await readLive(transport, new Discovery(transport), [desired], {
      ownershipLabel: { key: 'env', value: 'dev' },
    });
    const db = live.objects.get(desired.key)!;
    expect(isMasked((db.data as Record<string, string>).password)).toBe(true);
    expect(isMasked(db.metadata.annotations?.[LAST_APPLIED])).toBe(true);
    expect(live.owned.map((resource) => resource.id.name)).toEqual(['db', 'old']);
    expect(JSON.stringify(live)).not.toContain(CANARY);
    expect(JSON.stringify(live)).not.toContain(Buffer.from(CANARY).toString('base64'));
  });
});
