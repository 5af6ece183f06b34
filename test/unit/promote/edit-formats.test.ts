import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { findImages } from '../../../src/promote/find.js';
import { parseYamlFile } from '../../../src/promote/parse.js';
import { imagesRunningIn, planPromotion, type WantedImage } from '../../../src/promote/plan.js';
import { rewriteFiles } from '../../../src/promote/rewrite.js';

function promote(
  files: Record<string, string>,
  wanted: WantedImage[],
  options: { helmImagePaths?: string[]; allowDowngrade?: boolean } = {},
) {
  const parsed = Object.entries(files).map(([path, text]) => parseYamlFile(path, text));
  const inventory = findImages(parsed, { helmImagePaths: options.helmImagePaths ?? [] });
  const plan = planPromotion(wanted, inventory, {
    targetEnv: 'staging',
    allowDowngrade: options.allowDowngrade ?? false,
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

describe('promote edits, one format at a time', () => {
  it('rewrites a Kustomize newTag and keeps comments, quoting and order', () => {
    const text = [
      '# staging overlay',
      'resources: [../../base]   # flow list stays',
      'images:',
      '  - name: app # the api',
      "    newName: 'ghcr.io/acme/app'",
      '    newTag: "1.2.0"  # bumped by plumbline',
      '',
      '  - name: web',
      '    newTag: 3.0.0',
      '',
    ].join('\n');
    const { out, plan } = promote({ 'envs/staging/kustomization.yaml': text }, [
      want('ghcr.io/acme/app', '1.3.0'),
    ]);
    expect(out['envs/staging/kustomization.yaml']).toBe(text.replace('"1.2.0"', '"1.3.0"'));
    expect(plan.promotions).toEqual([
      expect.objectContaining({ image: 'ghcr.io/acme/app', from: [{ tag: '1.2.0' }], to: { tag: '1.3.0' } }),
    ]);
  });

  it('keeps a Kustomize digest pin pinned, and refuses to unpin it', () => {
    const text = 'images:\n- name: app\n  newTag: 1.2.0\n  digest: sha256:aaa\n';
    const { out } = promote({ 'kustomization.yaml': text }, [want('app', '1.3.0', 'sha256:bbb')]);
    expect(out['kustomization.yaml']).toBe('images:\n- name: app\n  newTag: 1.3.0\n  digest: sha256:bbb\n');
    expect(() => promote({ 'kustomization.yaml': text }, [want('app', '1.3.0')])).toThrow(/pinned by digest/);
  });

  it('rewrites Helm image.tag, quoting a value YAML would read as a number', () => {
    const text = 'image:\n  repository: ghcr.io/acme/app\n  tag: v1 # keep\nreplicas: 2\n';
    const { out } = promote({ 'envs/staging/values.yaml': text }, [want('ghcr.io/acme/app', '1.10')]);
    expect(out['envs/staging/values.yaml']).toBe(text.replace('v1', '"1.10"'));
  });

  it('reads a plain numeric Helm tag as written', () => {
    const text = 'image:\n  repository: app\n  tag: 1.20\n';
    const { plan } = promote({ 'values.yaml': text }, [want('app', '1.30')]);
    expect(plan.promotions[0]?.from).toEqual([{ tag: '1.20' }]);
  });

  it('rewrites nested Helm images and list items selected by name through a configured path', () => {
    const text = [
      'worker:',
      '  image: {registry: ghcr.io, repository: acme/worker, tag: "1.0.0"}',
      'containers:',
      '  - name: sidecar',
      '    img: ghcr.io/acme/proxy:2.0.0',
      '  - name: app',
      '    img: ghcr.io/acme/app:1.0.0 # app',
      '',
    ].join('\n');
    const { out } = promote(
      { 'values-staging.yaml': text },
      [want('ghcr.io/acme/worker', '1.1.0'), want('ghcr.io/acme/app', '1.1.0')],
      {
        helmImagePaths: ['containers[name=app].img'],
      },
    );
    expect(out['values-staging.yaml']).toBe(
      text.replace('tag: "1.0.0"', 'tag: "1.1.0"').replace('app:1.0.0', 'app:1.1.0'),
    );
  });

  it('rewrites containers and initContainers of workloads, CronJobs and Pods, leaving other documents alone', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: api}',
      'spec:',
      '  template:',
      '    spec:',
      '      initContainers:',
      '        - name: migrate',
      '          image: ghcr.io/acme/app:1.0.0@sha256:aaa',
      '      containers:',
      '        - name: api',
      "          image: 'ghcr.io/acme/app:1.0.0@sha256:aaa'",
      '---',
      '# a config map mentions the image but is not a workload',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c}',
      'data: {image: "ghcr.io/acme/app:1.0.0@sha256:aaa"}',
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: {name: nightly}',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers: [{name: job, image: "ghcr.io/acme/app:1.0.0@sha256:aaa"}]',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: debug}',
      'spec:',
      '  containers:',
      '  - name: c',
      '    image: ghcr.io/acme/app:1.0.0@sha256:aaa',
      '',
    ].join('\r\n');
    const { out, plan } = promote({ 'all.yaml': text }, [want('ghcr.io/acme/app', '1.1.0', 'sha256:bbb')]);
    const lines = out['all.yaml']!.split('\r\n');
    const original = text.split('\r\n');
    const changed = lines.flatMap((line, i) => (line === original[i] ? [] : [i + 1]));
    expect(changed).toEqual([9, 12, 28, 36]);
    expect(lines[17]).toBe(original[17]);
    expect(out['all.yaml']).toContain("image: 'ghcr.io/acme/app:1.1.0@sha256:bbb'");
    expect(plan.edits).toHaveLength(4);
  });

  it('leaves manifests alone where the kustomization sets the image', () => {
    const files = {
      'k/kustomization.yaml': 'resources: [deploy.yaml]\nimages:\n- name: app\n  newTag: "1"\n',
      'k/deploy.yaml': 'kind: Pod\nspec:\n  containers:\n  - name: a\n    image: app:placeholder\n',
    };
    const { out } = promote(files, [want('app', '2')]);
    expect(Object.keys(out)).toEqual(['k/kustomization.yaml']);
  });

  it('edits an anchored value once, so its aliases follow', () => {
    const text = 'x-version: &v 1.0.0\nimages:\n- name: app\n  newTag: *v\nlabels: {version: *v}\n';
    const { out } = promote({ 'kustomization.yaml': text }, [want('app', '1.1.0')]);
    expect(out['kustomization.yaml']).toBe(text.replace('&v 1.0.0', '&v 1.1.0'));
  });

  it('refuses a semver downgrade unless allowed', () => {
    const text = 'images:\n- name: app\n  newTag: v2.0.0\n';
    expect(() => promote({ 'kustomization.yaml': text }, [want('app', 'v1.9.0')])).toThrow(
      /refusing to downgrade/,
    );
    expect(
      promote({ 'kustomization.yaml': text }, [want('app', 'v1.9.0')], { allowDowngrade: true }).plan.edits,
    ).toHaveLength(1);
  });

  it('says where it looked when an image is not in the target', () => {
    const files = {
      'e/kustomization.yaml': 'images:\n- name: web\n  newTag: "1"\n',
      'e/cm.yaml': 'kind: ConfigMap\n',
    };
    const error = (() => {
      try {
        promote(files, [want('ghcr.io/acme/api', '2')]);
      } catch (thrown) {
        return thrown as PlumblineError;
      }
    })();
    expect(error).toBeInstanceOf(PlumblineError);
    expect(error?.message).toContain('e/kustomization.yaml (kustomize): web');
    expect(error?.message).toContain('e/cm.yaml (manifest): no images');
  });

  it('names file, line and column of malformed YAML', () => {
    expect(() => parseYamlFile('envs/staging/bad.yaml', 'a: 1\nb: [1, 2\nc: 3\n')).toThrow(
      /^envs\/staging\/bad\.yaml:\d+:\d+: not valid YAML/,
    );
  });

  it('reads what an environment runs and refuses two versions of one image', () => {
    const files = [
      parseYamlFile(
        'd/kustomization.yaml',
        'images:\n- name: app\n  newName: ghcr.io/acme/app\n  newTag: "2"\n',
      ),
    ];
    expect(imagesRunningIn(findImages(files), 'dev')).toEqual([
      {
        image: 'ghcr.io/acme/app',
        names: ['app', 'ghcr.io/acme/app'],
        version: { tag: '2' },
        origin: 'dev (d/kustomization.yaml:2)',
      },
    ]);
    const two = [
      parseYamlFile('d/a.yaml', 'kind: Pod\nspec: {containers: [{name: a, image: "app:1"}]}\n'),
      parseYamlFile('d/b.yaml', 'kind: Pod\nspec: {containers: [{name: a, image: "app:2"}]}\n'),
    ];
    expect(() => imagesRunningIn(findImages(two), 'dev')).toThrow(/two versions/);
  });
});
