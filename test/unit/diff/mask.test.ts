import { describe, expect, it } from 'vitest';
import { isMasked, maskSecret } from '../../../src/diff/mask.js';
import type { KubeObject } from '../../../src/resource.js';

const CANARY = 'c4n4ry-s3cret';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const secret = (fields: Record<string, unknown>, annotations?: Record<string, unknown>): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop', ...(annotations ? { annotations } : {}) },
    ...fields,
  }) as KubeObject;

describe('maskSecret', () => {
  it('masks the last-applied-configuration of a live Secret and keeps its managedFields', () => {
    const managedFields = [
      { manager: 'kubectl', fieldsV1: { 'f:data': { '.': {}, 'f:password': {} }, 'f:type': {} } },
    ];
    const live = secret(
      { data: { password: 'YQ==' }, type: 'Opaque' },
      {
        [LAST_APPLIED]: JSON.stringify({ stringData: { password: CANARY } }),
        team: 'shop',
      },
    );
    live.metadata.managedFields = managedFields;
    const masked = maskSecret(live);
    expect(isMasked(masked.metadata.annotations?.[LAST_APPLIED])).toBe(true);
    expect(masked.metadata.annotations?.team).toBe('shop');
    // They name the fields a manager owns, never a value.
    expect(masked.metadata.managedFields).toEqual(managedFields);
    expect(masked.type).toBe('Opaque');
    expect(JSON.stringify(masked)).not.toContain(CANARY);
  });

  it('masks a field a Secret does not have, such as a misspelt data', () => {
    const masked = maskSecret(secret({ dta: { password: CANARY }, immutable: true }));
    expect(isMasked(masked.dta)).toBe(true);
    expect(masked.immutable).toBe(true);
    expect(JSON.stringify(masked)).not.toContain(CANARY);
  });

  it('keeps values of the wrong type apart, so that a change still shows', () => {
    const one = maskSecret(secret({ data: { a: { nested: `${CANARY}-1` }, n: 1 } }));
    const two = maskSecret(secret({ data: { a: { nested: `${CANARY}-2` }, n: 1 } }));
    const a = (object: KubeObject) => (object.data as Record<string, string>).a;
    expect(isMasked(a(one))).toBe(true);
    expect(a(one)).not.toBe(a(two));
    expect((one.data as Record<string, string>).n).toBe((two.data as Record<string, string>).n);
    const annotated = maskSecret(secret({}, { [LAST_APPLIED]: { stringData: CANARY } }));
    expect(JSON.stringify(annotated)).not.toContain(CANARY);
  });

  it('leaves other kinds alone', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } };
    expect(maskSecret(configMap)).toBe(configMap);
  });
});
