/**
 * The plan engine's acceptance test on the real control plane: an environment applied
 * with server-side apply plans to zero changes, and one changed field per object shows
 * as exactly that change and nothing else, in live and in reader mode.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanMode, runPlan } from '../../../src/commands/plan.js';
import type { EnvironmentResult } from '../../../src/diff/model.js';
import {
  applyAsAdmin,
  contextOf,
  testKubeconfigPath,
  uniqueName,
  waitForCrd,
} from '../../support/cluster.js';

const namespace = uniqueName('acceptance');
const group = `${namespace}.plumbline.test`;
// Unique per run: objects of earlier runs outlive their namespace on a cluster without a
// controller-manager, and must not count as this environment's.
const label = { 'plumbline.dev/environment': namespace };

function objects(variant: 'applied' | 'changed') {
  const changed = variant === 'changed';
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace, labels: { ...label, tier: changed ? 'gold' : 'silver' } },
    },
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}`, labels: label },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: {
                      size: { type: 'integer' },
                      colour: { type: 'string', ...(changed ? { description: 'the widget colour' } : {}) },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    },
    {
      apiVersion: `${group}/v1`,
      kind: 'Widget',
      metadata: { name: 'gizmo', namespace, labels: label },
      spec: { size: changed ? 4 : 3, colour: 'blue' },
    },
    deployment('web', changed ? 'registry.example/web:1.1' : 'registry.example/web:1.0'),
    deployment('scaled', 'registry.example/worker:2.0'),
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'scaled', namespace, labels: label },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'scaled' },
        minReplicas: 2,
        maxReplicas: changed ? 10 : 5,
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace, labels: label },
      spec: {
        selector: { app: 'web' },
        ports: [{ name: 'http', port: changed ? 8080 : 80, targetPort: 8080 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace, labels: label },
      data: { LOG_LEVEL: changed ? 'debug' : 'info' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'web-db', namespace, labels: label },
      stringData: { password: changed ? 'rotated-credential' : 'first-credential', user: 'shop' },
    },
  ];
}

function deployment(name: string, image: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: label },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

let repo: string;

function writeEnvironment(variant: 'applied' | 'changed'): void {
  const text = objects(variant)
    .map((object) => JSON.stringify(object))
    .join('\n---\n');
  writeFileSync(join(repo, 'envs/acceptance/objects.yaml'), text);
}

async function plan(mode: PlanMode, identity: 'planner' | 'reader' = 'planner'): Promise<EnvironmentResult> {
  const result = await runPlan({
    repoRoot: repo,
    mode,
    clusterAvailable: true,
    kubeconfigPath: testKubeconfigPath(),
    context: contextOf(identity),
  });
  expect(result.environments).toHaveLength(1);
  const [environment] = result.environments;
  expect(environment?.error).toBeUndefined();
  return environment!;
}

const changedSummary = (env: EnvironmentResult) =>
  Object.fromEntries(
    env.changes.filter((c) => c.change !== 'unchanged').map((c) => [`${c.id.kind}/${c.id.name}`, c.fields]),
  );

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'plumbline-acceptance-'));
  mkdirSync(join(repo, 'envs/acceptance'), { recursive: true });
  writeFileSync(
    join(repo, 'plumbline.yaml'),
    [
      'environments:',
      '  - { name: acceptance, path: envs/acceptance, renderer: plain, cluster: {} }',
      'diff:',
      `  ownershipLabel: plumbline.dev/environment=${namespace}`,
      '  ignore:',
      '    - { kind: Deployment, name: scaled, path: /spec/replicas }',
    ].join('\n'),
  );
  writeEnvironment('applied');
  const [ns, crd, ...rest] = objects('applied');
  applyAsAdmin([ns!, crd!]);
  await waitForCrd(`widgets.${group}`);
  applyAsAdmin(rest);
  // What an HPA does: scale the Deployment it owns, under another field manager.
  execFileSync('kubectl', [
    '--kubeconfig',
    testKubeconfigPath(),
    '--context',
    contextOf('admin'),
    '-n',
    namespace,
    'scale',
    'deployment/scaled',
    '--replicas=5',
  ]);
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('plan against the cluster it was applied to', () => {
  it.each(['live', 'reader'] as const)('shows zero changes in %s mode', async (mode) => {
    const environment = await plan(mode, mode === 'live' ? 'planner' : 'reader');
    expect(changedSummary(environment)).toEqual({});
    expect(environment.counts).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 9 });
  });

  it.each(['live', 'reader'] as const)(
    'shows exactly the one changed field of each object in %s mode',
    async (mode) => {
      writeEnvironment('changed');
      try {
        const environment = await plan(mode, mode === 'live' ? 'planner' : 'reader');
        expect(changedSummary(environment)).toEqual({
          [`Namespace/${namespace}`]: ['/metadata/labels/tier'],
          [`CustomResourceDefinition/widgets.${group}`]: [
            '/spec/versions/[v1]/schema/openAPIV3Schema/properties/spec/properties/colour/description',
          ],
          'Widget/gizmo': ['/spec/size'],
          'Deployment/web': ['/spec/template/spec/containers/[app]/image'],
          'HorizontalPodAutoscaler/scaled': ['/spec/maxReplicas'],
          'Service/web': ['/spec/ports/[http]/port'],
          'ConfigMap/web-config': ['/data/LOG_LEVEL'],
          'Secret/web-db': ['/data/password'],
        });
        const secret = environment.changes.find((c) => c.id.kind === 'Secret')!;
        expect(secret.diff).not.toContain('credential');
        expect(secret.diff).not.toContain(Buffer.from('rotated-credential').toString('base64'));
      } finally {
        writeEnvironment('applied');
      }
    },
  );

  it('reports a labelled object that is no longer rendered as a deletion', async () => {
    applyAsAdmin([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'leftover', namespace, labels: label },
        data: { a: '1' },
      },
    ]);
    const environment = await plan('live');
    expect(changedSummary(environment)).toEqual({ 'ConfigMap/leftover': [] });
    expect(environment.changes.find((c) => c.id.name === 'leftover')?.change).toBe('deleted');
  });
});
