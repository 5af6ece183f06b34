/**
 * findArgoObjects finds the Applications and ApplicationSets written as files anywhere in a
 * checkout, with file and line. A pull request is data: links are not followed (least of
 * all out of the repository), a chart's templates are not parsed, and a file that does not
 * parse is reported by file and line, never quoted, while the other files still count.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ArgoObjects, findArgoObjects } from '../../../src/argocd/objects.js';

const CANARY = 'c4n4ry5ecret';
const created: string[] = [];

afterEach(() => {
  for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'plumbline-argocd-'));
  created.push(root);
  return root;
}

/** A repository with `files` (path -> text) and `links` (path -> target). */
function repo(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = folder();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** An Argo CD object of `kind` as YAML lines. */
function argo(kind: string, name: string, ...rest: string[]): string[] {
  return ['apiVersion: argoproj.io/v1alpha1', `kind: ${kind}`, 'metadata:', `  name: ${name}`, ...rest];
}

/** `Kind name file:line`, in the order found. */
function found(objects: ArgoObjects): string[] {
  return objects.objects.map(
    ({ kind, object, file, line }) => `${kind} ${object.metadata.name} ${file}:${line}`,
  );
}

describe('findArgoObjects', () => {
  it('finds Applications and ApplicationSets in YAML and JSON files, with file and line, in path order', () => {
    const root = repo({
      'b/apps.yaml': lines(
        '# the apps',
        ...argo('Application', 'web'),
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: { name: not-argo }',
        '---',
        ...argo('ApplicationSet', 'fleet'),
      ),
      'a/app.json': JSON.stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'from-json' },
      }),
      'a/app.yml': lines(...argo('Application', 'from-yml')),
    });
    const objects = findArgoObjects(root);
    expect(found(objects)).toEqual([
      'Application from-json a/app.json:1',
      'Application from-yml a/app.yml:1',
      'Application web b/apps.yaml:2',
      'ApplicationSet fleet b/apps.yaml:11',
    ]);
    expect(objects.problems).toEqual([]);
  });

  it('keeps only argoproj.io/v1alpha1 Applications and ApplicationSets', () => {
    const root = repo({
      'objects.yaml': lines(
        ...argo('Rollout', 'canary'),
        '---',
        'apiVersion: app.k8s.io/v1beta1',
        'kind: Application',
        'metadata: { name: other-group }',
        '---',
        'apiVersion: argoproj.io/v1beta1',
        'kind: Application',
        'metadata: { name: other-version }',
        '---',
        ...argo('AppProject', 'team'),
        '---',
        ...argo('Application', 'kept'),
      ),
    });
    expect(found(findArgoObjects(root))).toEqual(['Application kept objects.yaml:19']);
  });

  it('does not parse files that do not mention argoproj.io, nor other extensions', () => {
    const root = repo({
      'broken.yaml': lines('kind: Application', 'a: [unclosed'),
      'app.txt': lines(...argo('Application', 'text-file')),
      'app.YAML': lines(...argo('Application', 'upper-case')),
    });
    expect(findArgoObjects(root)).toEqual({ objects: [], problems: [] });
  });

  it('reports a file that does not parse by file and line, without its text, and reads the others', () => {
    const root = repo({
      'apps/bad.yaml': lines(...argo('Application', 'bad'), '  labels:', `    secret: [${CANARY}`),
      'apps/good.yaml': lines(...argo('Application', 'good')),
    });
    const objects = findArgoObjects(root);
    expect(found(objects)).toEqual(['Application good apps/good.yaml:1']);
    expect(objects.problems).toHaveLength(1);
    const [problem] = objects.problems;
    expect(problem).toMatchObject({ file: 'apps/bad.yaml', line: 7 });
    expect(problem?.message).toMatch(/^apps\/bad\.yaml:7:\d+: YAML syntax/);
    expect(JSON.stringify(objects)).not.toContain(CANARY);
  });

  it('reports an Application that is not an object, by its line', () => {
    const root = repo({
      'app.yaml': lines(
        ...argo('Application', 'first'),
        '---',
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {}',
      ),
    });
    const { objects, problems } = findArgoObjects(root);
    expect(objects).toEqual([]);
    expect(problems).toEqual([
      { file: 'app.yaml', line: 6, message: 'app.yaml:6:1: not a Kubernetes object: missing metadata.name' },
    ]);
  });

  it('ignores files that mention argoproj.io but hold no Argo CD object (values, CI files, kustomizations)', () => {
    const root = repo({
      'argo-cd/values.yaml': lines('server:', '  annotations:', '    argoproj.io/x: "y"', 'list: [1, 2'),
      'overlay/kustomization.yaml': lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'patches:',
        '  - target: { group: argoproj.io, kind: Application }',
        '    path: patch.yaml',
      ),
      'schema.json': JSON.stringify({
        title: 'argoproj.io Application',
        properties: { kind: { enum: ['x'] } },
      }),
    });
    expect(findArgoObjects(root)).toEqual({ objects: [], problems: [] });
  });

  it("skips a Helm chart's templates, .git and node_modules, but walks the rest of a chart and hidden folders", () => {
    const template = lines(
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata:',
      '  name: {{ .Values.name }}',
      '  {{- if .Values.labels }}',
    );
    const root = repo({
      'charts/apps/Chart.yaml': lines('apiVersion: v2', 'name: apps', 'version: 1.0.0'),
      'charts/apps/templates/app.yaml': template,
      'charts/apps/templates/nested/app.yaml': template,
      'charts/apps/extra/app.yaml': lines(...argo('Application', 'in-chart')),
      'templates/app.yaml': lines(...argo('Application', 'not-a-chart')),
      '.git/app.yaml': lines(...argo('Application', 'in-git')),
      'node_modules/pkg/app.yaml': lines(...argo('Application', 'in-node-modules')),
      '.argocd/app.yaml': lines(...argo('Application', 'hidden')),
    });
    const objects = findArgoObjects(root);
    expect(objects.problems).toEqual([]);
    expect(found(objects)).toEqual([
      'Application hidden .argocd/app.yaml:1',
      'Application in-chart charts/apps/extra/app.yaml:1',
      'Application not-a-chart templates/app.yaml:1',
    ]);
  });

  it('does not follow symbolic links, least of all to /etc or another folder outside the repository', () => {
    const outside = folder();
    writeFileSync(join(outside, 'app.yaml'), lines(...argo('Application', CANARY)));
    writeFileSync(join(outside, 'broken.yaml'), lines(...argo('Application', 'x'), `  ${CANARY}: [`));
    const root = repo(
      { 'apps/app.yaml': lines(...argo('Application', 'inside')) },
      {
        etc: '/etc',
        'apps/outside': outside,
        'apps/outside-app.yaml': join(outside, 'app.yaml'),
        'apps/broken.yaml': join(outside, 'broken.yaml'),
        'apps/again.yaml': 'app.yaml',
        'apps/dangling.yaml': 'missing.yaml',
      },
    );
    const objects = findArgoObjects(root);
    expect(found(objects)).toEqual(['Application inside apps/app.yaml:1']);
    expect(objects.problems).toEqual([]);
    expect(JSON.stringify(objects)).not.toContain(CANARY);
  });

  it('finds the same objects in the same order however often it runs', () => {
    const files: Record<string, string> = {};
    for (const name of ['zeta', 'alpha', 'mid', 'Beta', 'a10', 'a9']) {
      files[`apps/${name}.yaml`] = lines(...argo('Application', name));
    }
    const root = repo(files);
    const first = found(findArgoObjects(root));
    expect(first.map((line) => line.split(' ')[1])).toEqual(['Beta', 'a10', 'a9', 'alpha', 'mid', 'zeta']);
    expect(found(findArgoObjects(root))).toEqual(first);
  });
});
