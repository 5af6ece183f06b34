/**
 * The versions of an Argo CD Application's own sources (promote/argocd-sites.ts), found by
 * findImages with an ArgoScope, and what decides over what, as the repo-server renders it.
 */
import { describe, expect, it } from 'vitest';
import type { ArgoScope } from '../../../src/promote/argocd-sites.js';
import { findImages } from '../../../src/promote/find.js';
import { parseYamlFile } from '../../../src/promote/parse.js';
import {
  effectiveSites,
  imagesRunningIn,
  planPromotion,
  type WantedImage,
} from '../../../src/promote/plan.js';
import { rewriteFiles } from '../../../src/promote/rewrite.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const FILE = 'argocd/apps.yaml';

function app(name: string, ...spec: string[]): string {
  return lines(
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  destination: { name: prod }',
    ...spec,
  );
}

/** The scope of the Application `web` of FILE. */
function scopeOf(overrides: Partial<ArgoScope> = {}): ArgoScope {
  return {
    definition: { file: FILE, name: 'web' },
    wholeDefinition: false,
    sources: [{ local: false, valueFiles: [] }],
    ...overrides,
  };
}

function inventoryOf(files: Record<string, string>, scope: ArgoScope, helmValuesFiles: string[] = []) {
  const parsed = Object.entries(files).map(([path, text]) => parseYamlFile(path, text));
  const values = new Map(parsed.map((file) => [file.path, file]));
  return findImages(parsed, { argocd: { ...scope, values }, helmValuesFiles });
}

const want = (image: string, tag: string): WantedImage => ({
  image,
  names: [image],
  version: { tag },
  origin: 'input',
});

function promote(files: Record<string, string>, scope: ArgoScope, wanted: WantedImage[]) {
  const plan = planPromotion(wanted, inventoryOf(files, scope), {
    targetEnv: 'prod/web',
    allowDowngrade: false,
    required: () => true,
  });
  return Object.fromEntries(rewriteFiles(plan).map((rewrite) => [rewrite.path, rewrite.text]));
}

describe('Argo CD Application sites', () => {
  it("reads a chart's targetRevision as chart/<chart>, never a Git source's", () => {
    const text = app(
      'web',
      '  sources:',
      '    - repoURL: oci://ghcr.io/acme/charts',
      '      chart: web',
      '      targetRevision: 1.2.3 # chart',
      '    - repoURL: https://git.example.com/fleet.git',
      '      targetRevision: v9.9.9',
      '      path: apps/web',
    );
    const scope = scopeOf({
      sources: [
        { local: false, valueFiles: [] },
        { local: true, path: 'apps/web', valueFiles: [] },
      ],
    });
    const inventory = inventoryOf({ [FILE]: text }, scope);
    expect(inventory.sites.map((site) => [site.names, site.version, site.where])).toEqual([
      [['chart/web'], { tag: '1.2.3', digest: undefined }, 'Application/web spec.sources[0].targetRevision'],
    ]);
    expect(inventory.files).toEqual([{ path: FILE, format: 'argocd' }]);
    expect(promote({ [FILE]: text }, scope, [want('chart/web', '1.3.0')])[FILE]).toBe(
      text.replace('1.2.3 # chart', '1.3.0 # chart'),
    );
  });

  it('names a parameter image by its repository: parameter, valuesObject, value file, else its path', () => {
    const text = app(
      'web',
      '  source:',
      '    repoURL: https://charts.example.com',
      '    chart: web',
      '    targetRevision: 1.0.0',
      '    helm:',
      '      valueFiles: [$values/prod.yaml]',
      '      parameters:',
      '        - { name: a.image.repository, value: ghcr.io/acme/a }',
      '        - { name: a.image.tag, value: "1.0" }',
      '        - { name: b.image.tag, value: "2.0" }',
      '        - { name: c.image.tag, value: "3.0" }',
      '        - { name: c.image.digest, value: "sha256:abc" }',
      '        - { name: d.image.tag, value: "4.0" }',
      '        - { name: e.image, value: "ghcr.io/acme/e:5.0" }',
      '        - { name: replicas, value: "3" }',
      '      valuesObject:',
      '        b: { image: { repository: ghcr.io/acme/b } }',
    );
    const values = lines(
      'c:',
      '  image:',
      '    registry: ghcr.io',
      '    repository: acme/c',
      '    tag: "0.1"',
    );
    const scope = scopeOf({ sources: [{ local: false, valueFiles: ['prod.yaml'] }] });
    const inventory = inventoryOf({ [FILE]: text, 'prod.yaml': values }, scope, ['prod.yaml']);
    const running = imagesRunningIn({ ...inventory, sites: effectiveSites(inventory) }, 'prod/web');
    expect(running.map((image) => [image.image, image.version])).toEqual([
      ['chart/web', { tag: '1.0.0', digest: undefined }],
      ['ghcr.io/acme/a', { tag: '1.0', digest: undefined }],
      ['ghcr.io/acme/b', { tag: '2.0', digest: undefined }],
      // The value file's own tag is overridden by the parameters: left alone.
      ['ghcr.io/acme/c', { tag: '3.0', digest: 'sha256:abc' }],
      ['helm.parameters/d.image', { tag: '4.0', digest: undefined }],
      ['ghcr.io/acme/e', { tag: '5.0' }],
    ]);
    const out = promote({ [FILE]: text, 'prod.yaml': values }, scope, [
      want('helm.parameters/d.image', '4.1'),
      want('ghcr.io/acme/e', '5.1'),
    ]);
    expect(out[FILE]).toBe(
      text.replace('value: "4.0"', 'value: "4.1"').replace('ghcr.io/acme/e:5.0', 'ghcr.io/acme/e:5.1'),
    );
    expect(out['prod.yaml']).toBeUndefined();
  });

  it('reads valuesObject and a values map as Helm values; values as text is not read', () => {
    const text = app(
      'web',
      '  source:',
      '    repoURL: https://charts.example.com',
      '    chart: web',
      '    helm:',
      '      values: |',
      '        text: { image: { repository: ghcr.io/acme/text, tag: "1" } }',
      '      valuesObject:',
      '        worker:',
      '          image: { repository: ghcr.io/acme/worker, tag: 3.0.0 } # worker',
    );
    const inventory = inventoryOf({ [FILE]: text }, scopeOf());
    expect(inventory.sites.map((site) => site.names[0])).toEqual(['ghcr.io/acme/worker']);
    expect(promote({ [FILE]: text }, scopeOf(), [want('ghcr.io/acme/worker', '3.1.0')])[FILE]).toBe(
      text.replace('tag: 3.0.0 }', 'tag: 3.1.0 }'),
    );
  });

  it('reads kustomize.images as kustomize edit set image does, changing only the version', () => {
    const text = app(
      'web',
      '  source:',
      '    repoURL: https://git.example.com/fleet.git',
      '    path: apps/web',
      '    kustomize:',
      '      images:',
      '        - web=ghcr.io/acme/web:1.0.0 # renamed',
      "        - 'ghcr.io/acme/api:2.0.0'",
      '        - registry.example:5000/db@sha256:aaa',
    );
    const overlay = lines('images:', '  - name: web', '    newTag: "0.1"');
    const scope = scopeOf({ sources: [{ local: true, path: 'apps/web', valueFiles: [] }] });
    const files = { [FILE]: text, 'apps/web/kustomization.yaml': overlay };
    const inventory = inventoryOf(files, scope);
    // The Application's images decide over the folder's kustomization.
    expect(effectiveSites(inventory).map((site) => [site.names, site.version])).toEqual([
      [['ghcr.io/acme/web', 'web'], { tag: '1.0.0', digest: undefined }],
      [['ghcr.io/acme/api'], { tag: '2.0.0', digest: undefined }],
      [['registry.example:5000/db'], { tag: undefined, digest: 'sha256:aaa' }],
    ]);
    const out = promote(files, scope, [
      want('web', '1.1.0'),
      want('ghcr.io/acme/api', '2.1.0'),
      { ...want('registry.example:5000/db', ''), version: { digest: 'sha256:bbb' } },
    ]);
    expect(out[FILE]).toBe(
      text
        .replace('web:1.0.0 # renamed', 'web:1.1.0 # renamed')
        .replace("api:2.0.0'", "api:2.1.0'")
        .replace('@sha256:aaa', '@sha256:bbb'),
    );
    expect(out['apps/web/kustomization.yaml']).toBeUndefined();
  });

  it("reads only the environment's own Application in its definition file", () => {
    const own = app(
      'web',
      '  source:',
      '    repoURL: https://charts.example.com',
      '    chart: web',
      '    targetRevision: 1.0.0',
    );
    const other = own.replace('name: web', 'name: web-other').replace('1.0.0', '9.0.0');
    const deployment = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: x }',
      'spec: { template: { spec: { containers: [{ name: x, image: ghcr.io/acme/x:1 }] } } }',
    );
    const text = `${own}---\n${other}---\n${deployment}`;
    expect(inventoryOf({ [FILE]: text }, scopeOf()).sites.map((site) => [site.names[0], site.line])).toEqual([
      ['chart/web', 10],
    ]);
    // In a folder of its own, the rest of the file is its own too, never another Application.
    const whole = inventoryOf({ [FILE]: text }, scopeOf({ wholeDefinition: true }));
    expect(whole.sites.map((site) => site.names[0])).toEqual(['chart/web', 'ghcr.io/acme/x']);
    // At another line (an open promotion's branch, where the file has moved on), it is
    // found by its name and namespace.
    const moved = inventoryOf({ [FILE]: `${other}---\n${own}` }, scopeOf());
    expect(moved.sites.map((site) => site.names[0])).toEqual(['chart/web']);
    const elsewhere = inventoryOf(
      { [FILE]: own.replace('name: web', 'name: web\n  namespace: team-a') },
      scopeOf(),
    );
    expect(elsewhere.sites).toEqual([]);
  });

  it('has no own object when an ApplicationSet generates it', () => {
    const text = lines(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: ApplicationSet',
      'metadata: { name: web }',
      'spec:',
      '  template:',
      '    spec:',
      '      source: { repoURL: https://charts.example.com, chart: web, targetRevision: 1.0.0 }',
    );
    const inventory = inventoryOf(
      { [FILE]: text },
      scopeOf({ definition: undefined, wholeDefinition: false }),
    );
    expect(inventory.sites).toEqual([]);
  });

  it("orders a chart folder's values: values.yaml, then each value file, then the Application", () => {
    const scope = scopeOf({
      definition: undefined,
      sources: [
        {
          local: true,
          path: 'charts/api',
          chartValues: 'charts/api/values.yaml',
          valueFiles: ['a.yaml', 'b.yaml'],
        },
      ],
    });
    const values = (tag: string) => lines('image:', '  repository: ghcr.io/acme/api', `  tag: ${tag}`);
    const inventory = inventoryOf(
      { 'charts/api/values.yaml': values('0.1'), 'a.yaml': values('1.0'), 'b.yaml': values('2.0') },
      scope,
      ['a.yaml', 'b.yaml'],
    );
    expect(effectiveSites(inventory).map((site) => [site.file.path, site.version.tag])).toEqual([
      ['b.yaml', '2.0'],
    ]);
  });
});
