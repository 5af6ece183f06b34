/**
 * Plan results of a fleet: hundreds of environments made the way a plan makes them (the
 * diff stage's compareObject), for the tests of how a report says what many environments
 * have in common, and of its size.
 */
import type { EnvironmentResult, ObjectChange, PlanResult } from '../../../src/diff/model.js';
import type { RenderProvenance } from '../../../src/provenance.js';
import type { KubeObject } from '../../../src/resource.js';
import { compare, deployment, environment } from './fixtures.js';

function configMap(name: string, level: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'shop' },
    data: { LOG_LEVEL: level, FEATURE_FLAGS: 'checkout,search,recommendations' },
  };
}

function worker(image: string): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'reindex', namespace: 'shop' },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'reindex', image, args: ['--all'] }],
            },
          },
        },
      },
    },
  };
}

/** The three objects a base change moves in every environment: two images and a setting. */
export const fleetChanges: ObjectChange[] = [
  compare(
    deployment('registry.example.com/shop/web:1.4.2'),
    deployment('registry.example.com/shop/web:1.5.0'),
  ),
  compare(
    worker('registry.example.com/shop/reindex:1.4.2'),
    worker('registry.example.com/shop/reindex:1.5.0'),
  ),
  compare(configMap('settings', 'info'), configMap('settings', 'debug')),
];

/** Objects every environment has and the change leaves alone. */
export const fleetUnchanged: ObjectChange[] = Array.from({ length: 7 }, (_, i) =>
  compare(configMap(`static-${i}`, 'info'), configMap(`static-${i}`, 'info')),
);

function chart(version: string): RenderProvenance {
  return {
    charts: [
      {
        repository: 'oci://registry.example.com/charts',
        name: 'shop',
        version,
        digest: `sha256:${version.replaceAll('.', '').padEnd(64, 'a')}`,
      },
    ],
    capabilities: { from: 'configuration', kubeVersion: '1.30.0', apiVersions: 0 },
    helmVersion: 'v3.16.2',
  };
}

export function fleetName(index: number): string {
  return `shop-eu-${String(index).padStart(3, '0')}`;
}

/**
 * `count` environments; those `changed` picks get {@link fleetChanges} (and a chart that
 * moves from 1.2.0 to 1.3.0), the others only unchanged objects.
 */
export function fleetResult(count: number, changed: (index: number) => boolean): PlanResult {
  const environments: EnvironmentResult[] = Array.from({ length: count }, (_, index) => {
    const moves = changed(index);
    return environment(fleetName(index), [...(moves ? fleetChanges : []), ...fleetUnchanged], {
      rendered: { base: chart('1.2.0'), head: chart(moves ? '1.3.0' : '1.2.0') },
    });
  });
  return {
    base: { ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
    head: { ref: 'release-1.5', sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f98765432' },
    environments,
  };
}
