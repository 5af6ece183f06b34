import { describe, expect, it } from 'vitest';
import {
  type ArgoApplicationFacts,
  argoComparison,
  argoOwnership,
  instanceName,
  TRACKING_ANNOTATION,
  undefinedApplication,
} from '../../../src/argocd/live-rules.js';
import { argoSettings } from '../../../src/config/parse.js';
import type { ArgoSettings } from '../../../src/config/types.js';
import { PlumblineError } from '../../../src/errors.js';
import { type KubeObject, type Resource, toResource } from '../../../src/resource.js';

const application = (extra: Partial<ArgoApplicationFacts> = {}): ArgoApplicationFacts => ({
  name: 'web',
  namespace: 'argocd',
  where: 'apps/web.yaml:1',
  ...extra,
});

function deployment(extra: { annotations?: Record<string, string>; labels?: Record<string, string> } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', ...extra },
    spec: {
      replicas: 2,
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'web:1' },
            { name: 'istio-proxy', image: 'proxy:1' },
          ],
        },
      },
    },
  } satisfies KubeObject;
}

function configMap(name: string, annotations: Record<string, string> = {}, extra: object = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'shop', annotations, ...extra },
  };
}

const resource = (object: KubeObject): Resource => toResource(object, { file: 'apps/web.yaml', line: 1 });

function compare(
  desired: KubeObject[],
  options: {
    live?: KubeObject[];
    owned?: KubeObject[];
    app?: ArgoApplicationFacts;
    settings?: Partial<ArgoSettings>;
    driftRules?: boolean;
  } = {},
) {
  const live = new Map((options.live ?? []).map((object) => [resource(object).key, object]));
  return argoComparison({
    application: options.app ?? application(),
    settings: { ...argoSettings(), ...options.settings },
    desired: desired.map(resource),
    live,
    owned: (options.owned ?? []).map(resource),
    ...(options.driftRules === undefined ? {} : { driftRules: options.driftRules }),
  });
}

describe('tracking', () => {
  it('marks desired objects with the tracking annotation by default, and the label when asked', () => {
    const [annotated] = compare([deployment()]).desired;
    expect(annotated?.object.metadata.annotations?.[TRACKING_ANNOTATION]).toBe(
      'web:apps/Deployment:shop/web',
    );
    expect(annotated?.object.metadata.labels).toBeUndefined();

    const [labelled] = compare([deployment()], { settings: { trackingMethod: 'label' } }).desired;
    expect(labelled?.object.metadata.labels).toEqual({ 'app.kubernetes.io/instance': 'web' });
    expect(labelled?.object.metadata.annotations).toBeUndefined();

    const [both] = compare([deployment()], {
      settings: { trackingMethod: 'annotation+label', instanceLabelKey: 'argocd.argoproj.io/instance' },
    }).desired;
    expect(both?.object.metadata.labels).toEqual({ 'argocd.argoproj.io/instance': 'web' });
    expect(both?.object.metadata.annotations?.[TRACKING_ANNOTATION]).toBe('web:apps/Deployment:shop/web');
  });

  it('names an Application outside Argo CD’s namespace <namespace>_<name>', () => {
    expect(instanceName(application({ namespace: 'team-a' }), argoSettings())).toBe('team-a_web');
    expect(instanceName(application(), argoSettings({ namespace: 'gitops' }))).toBe('argocd_web');
    const [object] = compare([configMap('c')], { app: application({ namespace: 'team-a' }) }).desired;
    expect(object?.object.metadata.annotations?.[TRACKING_ANNOTATION]).toBe('team-a_web:/ConfigMap:shop/c');
  });

  it('finds tracked objects by a label selector, or by reading the annotation', () => {
    expect(argoOwnership(application(), argoSettings({ trackingMethod: 'label' }))).toEqual({
      labelSelector: 'app.kubernetes.io/instance=web',
    });
    const { tracks } = argoOwnership(application(), argoSettings());
    expect(tracks?.(configMap('a', { [TRACKING_ANNOTATION]: 'web:/ConfigMap:shop/a' }))).toBe(true);
    expect(tracks?.(configMap('a', { [TRACKING_ANNOTATION]: 'webshop:/ConfigMap:shop/a' }))).toBe(false);
    expect(tracks?.(configMap('a'))).toBe(false);
  });

  it('deletes tracked objects the render lacks, unless Argo CD would keep them', () => {
    const tracked = (name: string, annotations: Record<string, string> = {}, extra: object = {}) =>
      configMap(name, { [TRACKING_ANNOTATION]: `web:/ConfigMap:shop/${name}`, ...annotations }, extra);
    const result = compare([configMap('kept')], {
      owned: [
        tracked('kept'),
        tracked('gone'),
        tracked('no-prune', { 'argocd.argoproj.io/sync-options': 'ServerSideApply=true, Prune=false' }),
        tracked('extraneous', { 'argocd.argoproj.io/compare-options': 'IgnoreExtraneous' }),
        tracked('hook', { 'argocd.argoproj.io/hook': 'PreSync' }),
        tracked('child', {}, { ownerReferences: [{ kind: 'Deployment', name: 'web' }] }),
        // The annotation was copied from another object: not this one's.
        configMap('copied', { [TRACKING_ANNOTATION]: 'web:/ConfigMap:shop/gone' }),
      ],
    });
    expect(result.owned.map((r) => r.id.name)).toEqual(['kept', 'gone']);
  });

  it('takes an Application the checkout no longer defines from its environment name', () => {
    expect(undefinedApplication('in-cluster/web')).toEqual({ name: 'web' });
  });

  it('takes an Application that names no namespace to live in Argo CD’s, as configured', () => {
    const settings = argoSettings({ namespace: 'gitops' });
    expect(instanceName({ name: 'web' }, settings)).toBe('web');
    expect(instanceName({ name: 'web', namespace: 'gitops' }, settings)).toBe('web');
    expect(instanceName({ name: 'web', namespace: 'argocd' }, settings)).toBe('argocd_web');
  });

  it('writes the destination namespace into a cluster-scoped object’s id, and matches it by Argo CD’s rule', () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'reader' },
    };
    const app = application({ destinationNamespace: 'shop' });
    const [marked] = compare([role], { app }).desired;
    expect(marked?.object.metadata.annotations?.[TRACKING_ANNOTATION]).toBe(
      'web:rbac.authorization.k8s.io/ClusterRole:shop/reader',
    );
    const leftover = (name: string, id: string): KubeObject => ({
      ...role,
      metadata: { name, annotations: { [TRACKING_ANNOTATION]: id } },
    });
    const result = compare([], {
      app,
      owned: [
        leftover('old', 'web:rbac.authorization.k8s.io/ClusterRole:elsewhere/old'),
        leftover('renamed', 'web:rbac.authorization.k8s.io/ClusterRole:shop/other'),
        leftover('malformed', 'web:ClusterRole:shop/malformed'),
      ],
    });
    expect(result.owned.map((r) => r.id.name)).toEqual(['old']);
  });

  it('never marks a CRD, and gives a live object label tracking synced the id it lacks', () => {
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
    };
    expect(compare([crd]).desired[0]?.object.metadata).toEqual(crd.metadata);
    const labelled = configMap('c', {}, { labels: { 'app.kubernetes.io/instance': 'web' } });
    const result = compare([configMap('c')], { live: [labelled] });
    expect(result.normalize(resource(labelled).key, labelled).metadata.annotations).toEqual({
      [TRACKING_ANNOTATION]: 'web:/ConfigMap:shop/c',
    });
    const unlabelled = configMap('d');
    expect(result.normalize(resource(unlabelled).key, unlabelled)).toBe(unlabelled);
  });

  it('shortens the instance label of annotation+label tracking as Argo CD does, not label tracking’s', () => {
    const long = application({ name: `${'a'.repeat(62)}-b` });
    const label = (trackingMethod: ArgoSettings['trackingMethod']) =>
      compare([configMap('c')], { app: long, settings: { trackingMethod } }).desired[0]?.object.metadata
        .labels?.['app.kubernetes.io/instance'];
    expect(label('annotation+label')).toBe('a'.repeat(62));
    expect(label('label')).toBe(`${'a'.repeat(62)}-b`);
  });

  it('leaves hooks out of the comparison where the Application’s own rules apply, and keeps them where not', () => {
    const hooks = [
      configMap('migrate', { 'helm.sh/hook': 'pre-install' }),
      configMap('sync', { 'argocd.argoproj.io/hook': '' }),
      configMap('crd', { 'helm.sh/hook': 'crd-install' }),
      configMap('skipped', { 'argocd.argoproj.io/hook': 'Skip' }),
      configMap('c'),
    ];
    expect(compare(hooks).desired.map((r) => r.id.name)).toEqual(['crd', 'skipped', 'c']);
    expect(compare(hooks, { driftRules: false }).desired.map((r) => r.id.name)).toEqual([
      'migrate',
      'sync',
      'crd',
      'skipped',
      'c',
    ]);
  });
});

describe('ignoreDifferences', () => {
  const live = {
    ...deployment(),
    metadata: {
      ...deployment().metadata,
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
        {
          manager: 'istio-webhook',
          operation: 'Update',
          fieldsV1: {
            'f:spec': {
              'f:template': {
                'f:spec': {
                  'f:containers': { 'k:{"name":"istio-proxy"}': { '.': {}, 'f:name': {}, 'f:image': {} } },
                },
              },
            },
          },
        },
      ],
    },
  } as KubeObject;
  const key = resource(deployment()).key;

  function normalized(
    ignoreDifferences: unknown,
    settings: Partial<ArgoSettings> = {},
    driftRules?: boolean,
  ) {
    const result = compare([deployment()], {
      live: [live],
      app: application({ ignoreDifferences }),
      settings,
      ...(driftRules === undefined ? {} : { driftRules }),
    });
    return result.normalize(key, deployment()) as ReturnType<typeof deployment>;
  }

  it('removes JSON pointers on matching objects, from a copy', () => {
    const result = normalized([{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }]);
    expect(result.spec).not.toHaveProperty('replicas');
    expect(deployment().spec.replicas).toBe(2);
  });

  it('removes JSON pointers as a JSON patch does: no wildcard, no item by name', () => {
    const pointers = (...jsonPointers: string[]) =>
      normalized([{ group: 'apps', kind: 'Deployment', jsonPointers }]).spec.template.spec.containers;
    expect(
      pointers('/spec/template/spec/containers/*/image', '/spec/template/spec/containers/app/image'),
    ).toEqual(deployment().spec.template.spec.containers);
    expect(
      pointers('/spec/template/spec/containers/1/image', '/spec/template/spec/containers/01/name'),
    ).toEqual([{ name: 'app', image: 'web:1' }, { name: 'istio-proxy' }]);
  });

  it('matches group and kind as glob patterns, name and namespace exactly', () => {
    expect(
      normalized([{ group: 'app*', kind: '*', jsonPointers: ['/spec/replicas'] }]).spec,
    ).not.toHaveProperty('replicas');
    expect(normalized([{ kind: 'Deployment', jsonPointers: ['/spec/replicas'] }]).spec.replicas).toBe(2); // core group only
    expect(
      normalized([{ group: 'apps', kind: 'Deployment', name: 'other', jsonPointers: ['/spec/replicas'] }])
        .spec.replicas,
    ).toBe(2);
    expect(
      normalized([{ group: 'apps', kind: 'Deployment', namespace: 'shop', jsonPointers: ['/spec/replicas'] }])
        .spec,
    ).not.toHaveProperty('replicas');
  });

  it('removes what managedFieldsManagers own in the live object, keeping list items’ keys', () => {
    const result = normalized([
      {
        group: 'apps',
        kind: 'Deployment',
        managedFieldsManagers: ['kube-controller-manager', 'istio-webhook'],
      },
    ]);
    expect(result.spec).not.toHaveProperty('replicas');
    expect(result.spec.template.spec.containers).toEqual([
      { name: 'app', image: 'web:1' },
      { name: 'istio-proxy' },
    ]);
  });

  it('applies the configuration’s rules to any group and kind when they are left out', () => {
    const result = normalized([], { ignoreDifferences: [{ jsonPointers: ['/spec/replicas'] }] });
    expect(result.spec).not.toHaveProperty('replicas');
  });

  it('drops the Application’s own rules where the change wrote them, keeping the configuration’s', () => {
    const own = [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }];
    expect(normalized(own, {}, false).spec.replicas).toBe(2);
    const configured = {
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    };
    expect(normalized([], configured, false).spec).not.toHaveProperty('replicas');
  });

  it('fails the comparison, naming the Application, when its jq paths together take too much work', () => {
    const big = (name: string) => configMap(name, {}, {}) as KubeObject & { data?: Record<string, string> };
    const objects = Array.from({ length: 200 }, (_, n) => {
      const object = big(`c${n}`);
      object.data = Object.fromEntries(Array.from({ length: 2000 }, (_, k) => [`k${k}`, 'v']));
      return object;
    });
    const rules = [{ kind: 'ConfigMap', jqPathExpressions: Array(100).fill('.data[] | select(. == "x")') }];
    const result = compare(objects, { app: application({ ignoreDifferences: rules }) });
    expect(() => {
      for (const object of objects) result.normalize(resource(object).key, object);
    }).toThrow(/apps\/web\.yaml:1: the jq paths of ignoreDifferences take more than 20000000 steps/);
  });

  it('refuses rules Argo CD could not read, naming the Application’s file', () => {
    const fails = (rules: unknown, pattern: RegExp) => {
      expect(() => normalized(rules)).toThrow(PlumblineError);
      expect(() => normalized(rules)).toThrow(pattern);
    };
    fails({ kind: 'Deployment' }, /apps\/web\.yaml:1: spec\.ignoreDifferences is not a list/);
    fails([{ kind: 7 }], /ignoreDifferences\[0\]\.kind is not a string/);
    fails([{ kind: 'Deployment', jsonPointers: ['spec/replicas'] }], /not a JSON pointer/);
    fails([{ kind: 'Deployment', jsonPointers: [1] }], /jsonPointers is not a list of strings/);
  });
});
