import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import {
  type FluxKustomizationFacts,
  fluxComparison,
  fluxOwnerSelectors,
  kustomizationFacts,
} from '../../../src/flux/live-rules.js';
import { type KubeObject, type Resource, toResource } from '../../../src/resource.js';

const K = 'kustomize.toolkit.fluxcd.io';
const H = 'helm.toolkit.fluxcd.io';
const applied = { [`${K}/name`]: 'apps', [`${K}/namespace`]: 'flux-system' };
const released = { [`${H}/name`]: 'podinfo', [`${H}/namespace`]: 'shop' };

function object(
  kind: string,
  name: string,
  labels: Record<string, string>,
  extra: { annotations?: Record<string, string>; apiVersion?: string; spec?: unknown } = {},
): KubeObject {
  return {
    apiVersion: extra.apiVersion ?? (kind === 'Deployment' ? 'apps/v1' : 'v1'),
    kind,
    metadata: {
      name,
      namespace: 'shop',
      labels,
      ...(extra.annotations ? { annotations: extra.annotations } : {}),
    },
    ...(extra.spec === undefined ? {} : { spec: extra.spec }),
  };
}

const resource = (o: KubeObject, file = 'apps/shop.yaml'): Resource => toResource(o, { file, line: 1 });

function helmRelease(driftDetection?: unknown): Resource {
  return resource(
    object('HelmRelease', 'podinfo', applied, {
      apiVersion: `${H}/v2`,
      spec: driftDetection === undefined ? {} : { driftDetection },
    }),
    'apps/release.yaml',
  );
}

const kustomization = (extra: Partial<FluxKustomizationFacts> = {}): FluxKustomizationFacts => ({
  name: 'apps',
  namespace: 'flux-system',
  where: 'clusters/prod/apps.yaml:1',
  prune: true,
  ...extra,
});

function compare(
  desired: Resource[],
  live: KubeObject[],
  options: {
    kustomization?: FluxKustomizationFacts;
    owned?: KubeObject[];
    label?: { key: string; value: string };
    driftRules?: boolean;
  } = {},
) {
  return fluxComparison({
    kustomization: options.kustomization ?? kustomization(),
    desired,
    live: new Map(live.map((o) => [resource(o).key, o])),
    owned: (options.owned ?? []).map((o) => resource(o)),
    ...(options.label ? { ownershipLabel: options.label } : {}),
    ...(options.driftRules === undefined ? {} : { driftRules: options.driftRules }),
  });
}

const keys = (resources: readonly Resource[]) => resources.map((r) => `${r.id.kind}/${r.id.name}`);

describe('kustomizationFacts', () => {
  it('reads prune and keeps spec.ignore as written', () => {
    expect(
      kustomizationFacts({ name: 'apps', namespace: 'flux-system' }, { prune: true }, 'a.yaml:3'),
    ).toEqual({
      name: 'apps',
      namespace: 'flux-system',
      where: 'a.yaml:3',
      prune: true,
    });
    const ignore = [{ paths: ['/spec/replicas'] }];
    expect(kustomizationFacts({ name: 'a', namespace: 'b' }, { ignore }, 'a.yaml:3')).toMatchObject({
      prune: false,
      ignore,
    });
  });
});

describe('fluxOwnerSelectors', () => {
  it("selects the Kustomization's owner labels and its releases' origin labels", () => {
    const desired = [
      resource(object('ConfigMap', 'web', applied)),
      helmRelease(),
      resource(object('Deployment', 'podinfo', released)),
    ];
    expect(fluxOwnerSelectors(kustomization(), desired)).toEqual([
      `${K}/name=apps,${K}/namespace=flux-system`,
      `${H}/name in (podinfo),${H}/namespace in (shop)`,
    ]);
  });

  it('looks for no pruned objects when the Kustomization does not prune', () => {
    expect(
      fluxOwnerSelectors(kustomization({ prune: false }), [resource(object('ConfigMap', 'web', applied))]),
    ).toEqual([]);
  });
});

describe('fluxComparison: what kustomize-controller leaves alone', () => {
  it('leaves out an object marked ssa: Ignore in Git, present or not', () => {
    const ignored = object('ConfigMap', 'ignored', applied, { annotations: { [`${K}/ssa`]: 'Ignore' } });
    const result = compare([resource(ignored), resource(object('ConfigMap', 'kept', applied))], []);
    expect(keys(result.desired)).toEqual(['ConfigMap/kept']);
    expect(result.leftAlone).toEqual([resource(ignored).key]);
  });

  it('leaves out an object marked ssa: Ignore (any case) or reconcile: disabled in the cluster', () => {
    const web = object('ConfigMap', 'web', applied);
    const api = object('ConfigMap', 'api', applied);
    const result = compare(
      [resource(web), resource(api)],
      [
        object('ConfigMap', 'web', applied, { annotations: { [`${K}/ssa`]: 'ignore' } }),
        object('ConfigMap', 'api', { ...applied, [`${K}/reconcile`]: 'disabled' }),
      ],
      { owned: [object('ConfigMap', 'web', applied)] },
    );
    expect(result.desired).toEqual([]);
    expect(result.owned).toEqual([]);
  });

  it('compares an ssa: IfNotPresent object only when it is absent', () => {
    const once = object('ConfigMap', 'once', applied, { annotations: { [`${K}/ssa`]: 'IfNotPresent' } });
    expect(keys(compare([resource(once)], []).desired)).toEqual(['ConfigMap/once']);
    expect(keys(compare([resource(once)], [object('ConfigMap', 'once', applied)]).desired)).toEqual([]);
    // Only the annotation in Git counts.
    const plain = object('ConfigMap', 'once', applied);
    const live = object('ConfigMap', 'once', applied, { annotations: { [`${K}/ssa`]: 'IfNotPresent' } });
    expect(keys(compare([resource(plain)], [live]).desired)).toEqual(['ConfigMap/once']);
  });

  it('turns spec.ignore into ignore rules for the objects its targets match, live labels included', () => {
    const web = object('Deployment', 'web', applied);
    const api = object('Deployment', 'api', applied);
    const result = compare(
      [resource(web), resource(api), resource(object('ConfigMap', 'web', applied))],
      [object('Deployment', 'web', { ...applied, scaled: 'hpa' }), api, object('ConfigMap', 'web', applied)],
      {
        kustomization: kustomization({
          ignore: [
            {
              paths: ['/spec/replicas'],
              target: { kind: 'Deployment|StatefulSet', labelSelector: 'scaled=hpa' },
            },
            { paths: ['/data/b'], target: { kind: 'ConfigMap' } },
          ],
        }),
      },
    );
    expect(result.ignore).toEqual([
      { group: 'apps', kind: 'Deployment', name: 'web', namespace: 'shop', path: '/spec/replicas' },
      { group: '', kind: 'ConfigMap', name: 'web', namespace: 'shop', path: '/data/b' },
    ]);
  });

  it('fails the comparison on a target Flux could not read, naming the Kustomization', () => {
    const run = () =>
      compare([resource(object('ConfigMap', 'web', applied))], [], {
        kustomization: kustomization({ ignore: [{ paths: ['/data'], target: { name: '(web' } }] }),
      });
    expect(run).toThrow(PlumblineError);
    expect(run).toThrow(
      'clusters/prod/apps.yaml:1: spec.ignore[0].target.name: the pattern has an unclosed (',
    );
  });
});

describe("fluxComparison: what helm-controller's drift detection does not compare", () => {
  const release = helmRelease({
    mode: 'enabled',
    ignore: [
      { paths: ['/spec/replicas'], target: { kind: 'Deployment' } },
      { paths: [''], target: { kind: 'ConfigMap', name: 'generated' } },
    ],
  });

  it('ignores the paths of driftDetection.ignore on the release objects its targets match', () => {
    const deployment = object('Deployment', 'podinfo', released);
    const result = compare([release, resource(deployment)], [deployment]);
    expect(result.ignore).toEqual([
      { group: 'apps', kind: 'Deployment', name: 'podinfo', namespace: 'shop', path: '/spec/replicas' },
    ]);
  });

  it('hides no field where the drift rules are not to apply (a live-only plan of a change)', () => {
    const deployment = object('Deployment', 'podinfo', released);
    const web = object('Deployment', 'web', applied);
    const result = compare([release, resource(deployment), resource(web)], [deployment, web], {
      kustomization: kustomization({
        ignore: [{ paths: ['/spec/replicas'], target: { kind: 'Deployment' } }],
      }),
      driftRules: false,
    });
    expect(result.ignore).toEqual([]);
    expect(keys(result.desired)).toEqual(expect.arrayContaining(['Deployment/podinfo', 'Deployment/web']));
  });

  it('does not apply them to the Kustomization objects', () => {
    const deployment = object('Deployment', 'web', applied);
    expect(compare([release, resource(deployment)], [deployment]).ignore).toEqual([]);
  });

  it('leaves out a whole-object rule or driftDetection: disabled only where the object exists', () => {
    const generated = object('ConfigMap', 'generated', released);
    const disabled = object('ConfigMap', 'tuned', released);
    const desired = [release, resource(generated), resource(disabled)];
    expect(keys(compare(desired, []).desired)).toEqual([
      'HelmRelease/podinfo',
      'ConfigMap/generated',
      'ConfigMap/tuned',
    ]);
    const live = [
      generated,
      object('ConfigMap', 'tuned', released, { annotations: { [`${H}/driftDetection`]: 'disabled' } }),
    ];
    expect(keys(compare(desired, live).desired)).toEqual(['HelmRelease/podinfo']);
  });

  it('fails the comparison on a rule Flux could not use, naming the HelmRelease', () => {
    const bad = helmRelease({ ignore: [{ paths: ['spec/replicas'] }] });
    const deployment = object('Deployment', 'podinfo', released);
    expect(() => compare([bad, resource(deployment)], [deployment])).toThrow(
      'apps/release.yaml:1 (HelmRelease shop/podinfo): spec.driftDetection.ignore[0].paths has a path that is not a JSON pointer',
    );
  });
});

describe('fluxComparison: deletions', () => {
  const desired = [resource(object('ConfigMap', 'kept', applied)), helmRelease()];

  it('keeps what prune and an upgrade delete, and drops what they leave', () => {
    const owned = [
      object('ConfigMap', 'kept', applied),
      object('ConfigMap', 'pruned', applied),
      object('ConfigMap', 'protected', applied, { annotations: { [`${K}/prune`]: 'Disabled' } }),
      object('ConfigMap', 'ignored', { ...applied, [`${K}/ssa`]: 'Ignore' }),
      object('ConfigMap', 'released', released),
      object('ConfigMap', 'kept-by-helm', released, { annotations: { 'helm.sh/resource-policy': 'keep' } }),
      object('ConfigMap', 'other-release', { [`${H}/name`]: 'podinfo', [`${H}/namespace`]: 'elsewhere' }),
      object('ConfigMap', 'other-kustomization', {
        [`${K}/name`]: 'infra',
        [`${K}/namespace`]: 'flux-system',
      }),
    ];
    expect(keys(compare(desired, [], { owned }).owned)).toEqual([
      'ConfigMap/kept',
      'ConfigMap/pruned',
      'ConfigMap/released',
    ]);
  });

  it('deletes none of the Kustomization objects when it does not prune', () => {
    const owned = [object('ConfigMap', 'pruned', applied)];
    expect(compare(desired, [], { owned, kustomization: kustomization({ prune: false }) }).owned).toEqual([]);
  });

  it("keeps the configuration's ownership label", () => {
    const owned = [object('ConfigMap', 'labelled', { team: 'shop' })];
    expect(keys(compare(desired, [], { owned, label: { key: 'team', value: 'shop' } }).owned)).toEqual([
      'ConfigMap/labelled',
    ]);
  });
});
