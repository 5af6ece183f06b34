/**
 * Plan results made the way a plan makes them: real objects through the diff stage's own
 * compareObject (normalisation, fields, risks, unified text) and Secrets through the real
 * mask, so the reports are tested on the text they will really be given.
 */
import { compareObject } from '../../../src/diff/compare.js';
import { maskSecret } from '../../../src/diff/mask.js';
import type { EnvironmentResult, ObjectChange, PlanResult } from '../../../src/diff/model.js';
import { countChanges } from '../../../src/diff/model.js';
import { type KubeObject, resourceId, resourceKey } from '../../../src/resource.js';

export function compare(
  before: KubeObject | undefined,
  after: KubeObject | undefined,
  notes?: string[],
): ObjectChange {
  const id = resourceId((after ?? before)!);
  return compareObject(
    {
      key: resourceKey(id),
      id,
      ...(before ? { before: maskSecret(before) } : {}),
      ...(after ? { after: maskSecret(after) } : {}),
      ...(notes ? { notes } : {}),
    },
    [],
  );
}

export function environment(
  name: string,
  changes: ObjectChange[],
  extra: Partial<EnvironmentResult> = {},
): EnvironmentResult {
  return {
    environment: name,
    mode: 'offline',
    comparedWith: { kind: 'base', ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    counts: countChanges(changes),
    changes: [...changes].sort((a, b) => a.key.localeCompare(b.key)),
    ...extra,
  };
}

export function deployment(image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

/** The plain-text password; it must never appear in any report, nor its base64 form or token. */
export const PASSWORD_BEFORE = 'hunter2-before';
export const PASSWORD_AFTER = 'swordfish-after';

export function secret(password: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop' },
    type: 'Opaque',
    data: {
      password: Buffer.from(password).toString('base64'),
      user: Buffer.from('shop').toString('base64'),
    },
  };
}

const claim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'shop' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
};

const settings: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: 'shop' },
  data: { LOG_LEVEL: 'info' },
};

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
};

export const imageChange = compare(
  deployment('registry.example.com/shop/web:1.4.2'),
  deployment('registry.example.com/shop/web:1.5.0'),
);
export const secretChange = compare(secret(PASSWORD_BEFORE), secret(PASSWORD_AFTER));
export const claimDeletion = compare(claim, undefined);
export const settingsAdded = compare(undefined, settings, ['namespace shop does not exist yet']);
export const serviceUnchanged = compare(service, service);

/** Three environments: one with changes and a risk, one that failed, one with a notice and no change. */
export function realisticResult(): PlanResult {
  return {
    base: { ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    head: { ref: 'bump-web', sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f98765432' },
    environments: [
      environment('dev', [imageChange, secretChange, claimDeletion, settingsAdded, serviceUnchanged], {
        mode: 'live',
        comparedWith: { kind: 'cluster', context: 'dev' },
      }),
      environment('staging', [], {
        mode: 'live',
        comparedWith: { kind: 'cluster', context: 'staging' },
        error: {
          message: 'kustomize build envs/staging failed: accumulating resources: missing file base/web.yaml',
        },
      }),
      environment('prod', [serviceUnchanged], {
        notice: { kind: 'no-credentials' },
      }),
    ],
  };
}

export function noChangeResult(): PlanResult {
  return {
    environments: [
      environment('dev', [serviceUnchanged], {
        mode: 'live',
        comparedWith: { kind: 'cluster', context: 'dev' },
      }),
      environment('prod', [serviceUnchanged]),
    ],
  };
}
