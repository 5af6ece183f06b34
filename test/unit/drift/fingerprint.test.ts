import { describe, expect, it } from 'vitest';
import { environmentFingerprint, objectFingerprint } from '../../../src/drift/fingerprint.js';

const secretDiff = (token: string) =>
  `@@ -1,3 +1,3 @@\n data:\n-  password: plumbline-masked:${token}\n+  password: plumbline-masked:0000000000000000`;

describe('drift fingerprints', () => {
  it('are equal across processes for a Secret, whose masked tokens differ from one process to the next', () => {
    const input = { key: '/Secret/shop/creds', kind: 'differs' as const, fields: ['/data/password'] };
    expect(objectFingerprint({ ...input, diff: secretDiff('1a2b3c4d5e6f7a8b') })).toBe(
      objectFingerprint({ ...input, diff: secretDiff('ffffeeeeddddcccc') }),
    );
    expect(objectFingerprint({ ...input, diff: '' })).not.toBe(
      objectFingerprint({ ...input, fields: ['/data/user'], diff: '' }),
    );
  });

  it('change with a value, not with context lines', () => {
    const base = { key: 'apps/Deployment/shop/web', kind: 'differs' as const, fields: ['/spec/replicas'] };
    const five = objectFingerprint({ ...base, diff: ' spec:\n-  replicas: 5\n+  replicas: 2\n   selector:' });
    expect(
      objectFingerprint({ ...base, diff: ' spec:\n-  replicas: 7\n+  replicas: 2\n   selector:' }),
    ).not.toBe(five);
    expect(objectFingerprint({ ...base, diff: ' other:\n-  replicas: 5\n+  replicas: 2\n   more:' })).toBe(
      five,
    );
  });

  it('for missing and extra objects depend on the object alone', () => {
    const extra = { key: '/ConfigMap/shop/stray', kind: 'extra' as const, fields: [] };
    expect(objectFingerprint({ ...extra, diff: '-a: 1' })).toBe(
      objectFingerprint({ ...extra, diff: '-a: 2' }),
    );
    expect(objectFingerprint({ ...extra, diff: '' })).not.toBe(
      objectFingerprint({ ...extra, kind: 'missing', diff: '' }),
    );
  });

  it('of an environment ignore order and are absent without drift', () => {
    expect(environmentFingerprint(['a', 'b'])).toBe(environmentFingerprint(['b', 'a']));
    expect(environmentFingerprint([])).toBeUndefined();
  });
});
