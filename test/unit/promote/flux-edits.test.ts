// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
import { describe, expect, it } from 'vitest';
import { type FluxScope, findImages } from '../../../src/promote/find.js';
import { parseYamlFile } from '../../../src/promote/parse.js';
import { imagesRunningIn, planPromotion, type WantedImage } from '../../../src/promote/plan.js';
import { rewriteFiles } from '../../../src/promote/rewrite.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** production/flux-system/apps: clusters/production/apps.yaml, path apps/production. */
const scope: FluxScope = {
  file: 'clusters/production/apps.yaml',
  namespace: 'flux-system',
  name: 'apps',
  path: 'apps/production',
};

function inventoryOf(files: Record<string, string>, flux: FluxScope = scope) {
  const parsed = Object.entries(files).map(([path, text]) => parseYamlFile(path, text));
  return findImages(parsed, { flux });
}

function promote(files: Record<string, string>, wanted: WantedImage[], flux: FluxScope = scope) {
  const plan = planPromotion(wanted, inventoryOf(files, flux), {
    targetEnv: 'production/flux-system/apps',
    allowDowngrade: false,
    required: () => true,
  });
  return { plan, out: Object.fromEntries(rewriteFiles(plan).map((r) => [r.path, r.text])) };
}

const want = (image: string, tag?: string, digest?: string): WantedImage => ({
  image,
  names: [image],
  version: { ...(tag && { tag }), ...(digest && { digest }) },
  origin: 'input',
});

const releasePatch = lines(
  '# production: more replicas, the pinned release',
  'apiVersion: helm.toolkit.fluxcd.io/v2',
  'kind: HelmRelease',
  'metadata:',
  '  name: podinfo',
  '  namespace: podinfo',
  'spec:',
  '  chart:',
  '    spec:',
  "      version: '6.5.0' # chart",
  '  values:',
  '    replicas: 3',
  '    image: ghcr.io/acme/podinfo:1.0.0   # app',
  '    worker:',
  '      image:',
  '        repository: ghcr.io/acme/worker',
  '        tag: "2.0"',
  '    host: podinfo.${domain}',
  '    sidecar: { image: "ghcr.io/acme/proxy:${proxy_tag}" }',
);

const clusterFile = [
  lines(
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    '  name: infra',
    '  namespace: flux-system',
    'spec:',
    '  path: ./infrastructure',
    '  images:',
    '    - name: ghcr.io/acme/ingress',
    '      newTag: 0.1.0',
  ),
  lines(
    'apiVersion: kustomize.toolkit.fluxcd.io/v1',
    'kind: Kustomization',
    'metadata:',
    '  name: apps',
    '  namespace: flux-system',
    'spec:',
    '  path: ./apps/production',
    '  images:',
    '    - name: ghcr.io/acme/api # pinned here',
    '      newTag: v1.4.0',
  ),
].join('---\n');

describe('promote in Flux objects', () => {
  it('finds HelmRelease values, its chart version and its own Kustomization images, nothing else', () => {
    const inventory = inventoryOf({
      'apps/production/podinfo-values.yaml': releasePatch,
      'clusters/production/apps.yaml': clusterFile,
    });
    expect(inventory.sites.map((site) => [site.names[0], site.version, site.where])).toEqual([
      ['ghcr.io/acme/podinfo', { tag: '1.0.0' }, 'HelmRelease/podinfo spec.values.image'],
      ['ghcr.io/acme/worker', { tag: '2.0' }, 'HelmRelease/podinfo spec.values.worker.image'],
      ['HelmRelease/podinfo', { tag: '6.5.0' }, 'HelmRelease/podinfo spec.chart.spec.version'],
      // Only the environment's own Kustomization; `infra` is another environment.
      ['ghcr.io/acme/api', { tag: 'v1.4.0' }, 'Kustomization/apps spec.images[name=ghcr.io/acme/api]'],
    ]);
  });

  it('rewrites only the version bytes: comments, quoting and substitutions stay', () => {
    const { out, plan } = promote(
      {
        'apps/production/podinfo-values.yaml': releasePatch,
        'clusters/production/apps.yaml': clusterFile,
      },
      [
        want('ghcr.io/acme/podinfo', '1.1.0'),
        want('ghcr.io/acme/worker', '2.10'),
        want('HelmRelease/podinfo', '6.5.4'),
        want('ghcr.io/acme/api', 'v1.5.0'),
      ],
    );
    expect(out['apps/production/podinfo-values.yaml']).toBe(
      releasePatch
        .replace("'6.5.0'", "'6.5.4'")
        .replace('podinfo:1.0.0', 'podinfo:1.1.0')
        .replace('"2.0"', '"2.10"'),
    );
    expect(out['clusters/production/apps.yaml']).toBe(clusterFile.replace('v1.4.0', 'v1.5.0'));
    expect(plan.promotions.map((p) => p.image)).toEqual([
      'ghcr.io/acme/podinfo',
      'ghcr.io/acme/worker',
      'HelmRelease/podinfo',
      'ghcr.io/acme/api',
    ]);
  });

  it('rewrites an OCIRepository tag, by its name or its URL, and keeps a digest pin', () => {
    const repository = lines(
      'apiVersion: source.toolkit.fluxcd.io/v1beta2',
      'kind: OCIRepository',
      'metadata: { name: manifests, namespace: flux-system }',
      'spec:',
      '  url: oci://ghcr.io/acme/manifests',
      '  ref:',
      '    tag: 1.2.0 # release',
    );
    const path = 'apps/production/source.yaml';
    expect(promote({ [path]: repository }, [want('OCIRepository/manifests', '1.3.0')]).out[path]).toBe(
      repository.replace('1.2.0', '1.3.0'),
    );
    expect(promote({ [path]: repository }, [want('ghcr.io/acme/manifests', '1.3.0')]).out[path]).toBe(
      repository.replace('1.2.0', '1.3.0'),
    );
    const pinned = repository.replace(
      '    tag: 1.2.0 # release\n',
      '    tag: 1.2.0\n    digest: sha256:aaa\n',
    );
    expect(
      promote({ [path]: pinned }, [want('ghcr.io/acme/manifests', '1.3.0', 'sha256:bbb')]).out[path],
    ).toBe(pinned.replace('1.2.0', '1.3.0').replace('sha256:aaa', 'sha256:bbb'));
    expect(() => promote({ [path]: pinned }, [want('ghcr.io/acme/manifests', '1.3.0')])).toThrow(
      /pinned by digest/,
    );
  });

  it('reads the values a configMapGenerator makes, and a source that runs a chart version', () => {
    const staging: FluxScope = { ...scope, file: 'clusters/staging/apps.yaml', path: 'apps/staging' };
    const inventory = inventoryOf(
      {
        'apps/staging/kustomization.yaml': lines(
          'resources: [../base/podinfo]',
          'configMapGenerator:',
          '  - name: podinfo-values',
          '    files:',
          '      - values.yaml=podinfo-values.yaml',
        ),
        'apps/staging/podinfo-values.yaml': lines('color: green', 'image: ghcr.io/acme/podinfo:1.1.0'),
        'apps/staging/release.yaml': releasePatch
          .replace("'6.5.0'", '6.6.0')
          .replace('podinfo:1.0.0', 'podinfo:1.1.0'),
      },
      staging,
    );
    expect(imagesRunningIn(inventory, 'staging').map((image) => [image.image, image.version.tag])).toEqual([
      ['ghcr.io/acme/podinfo', '1.1.0'],
      ['ghcr.io/acme/worker', '2.0'],
      ['HelmRelease/podinfo', '6.6.0'],
    ]);
  });

  it('reads nothing but the own Kustomization in its defining file outside the path', () => {
    const elsewhere = lines(
      'apiVersion: helm.toolkit.fluxcd.io/v2',
      'kind: HelmRelease',
      'metadata: { name: other }',
      'spec:',
      '  chart: { spec: { chart: other, version: 1.0.0 } }',
      '  values: { image: ghcr.io/acme/other:1.0.0 }',
    );
    const inventory = inventoryOf({ 'clusters/production/apps.yaml': `${clusterFile}---\n${elsewhere}` });
    expect(inventory.sites.map((site) => site.names[0])).toEqual(['ghcr.io/acme/api']);
  });
});
