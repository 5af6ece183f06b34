/**
 * The selection of affected environments is exact for Argo CD repositories too: for random
 * edits to random files of a generated one (an app-of-apps, a directory Application, a
 * kustomize Application with edits and a component, a chart Application with a value file
 * outside its chart, a multi-source one with value files of a ref source, unrelated files), an offline plan of only the affected Applications
 * gives the same result as a plan of all of them, and every Application it leaves out
 * has no change there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  revisionConfigMap as configMap,
  type EditedRepository,
  eachFileBumped,
  editedRepository,
  editsOf,
  plansAgree,
} from '../../support/selection-property.js';
import { toolPath } from '../../support/tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-affected-argocd-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
});

const REPOSITORY = 'https://git.example.invalid/gitops.git';

const application = (
  name: string,
  source: Record<string, unknown>,
  annotations: Record<string, string> = {},
) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', annotations },
    spec: {
      source: { repoURL: REPOSITORY, targetRevision: 'main', ...source },
      destination: { server: 'https://kubernetes.default.svc', namespace: name },
    },
  });

/** Every file of the generated repository; `REV` is what an edit changes. */
function files(): Record<string, string> {
  return {
    'plumbline.yaml': `repositoryUrls: [${REPOSITORY}]\n`,
    'argocd/root.yaml': application('root', { path: 'argocd/apps' }),
    'argocd/apps/dir.yaml': application(
      'dir',
      { path: 'apps/dir', directory: { recurse: true } },
      { rev: 'REV' },
    ),
    'argocd/apps/kust.yaml': application('kust', {
      path: 'apps/kust/overlay',
      kustomize: { namePrefix: 'k-', components: ['../../../components/extra'] },
    }),
    'argocd/apps/chart.yaml': application('chart', {
      path: 'apps/chart',
      helm: { valueFiles: ['../chart-values/prod.yaml'] },
    }),
    'argocd/apps/layered.yaml': stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'layered', namespace: 'argocd' },
      spec: {
        sources: [
          { repoURL: REPOSITORY, path: 'apps/chart', helm: { valueFiles: ['$values/shared/layered.yaml'] } },
          { repoURL: REPOSITORY, ref: 'values' },
        ],
        destination: { server: 'https://kubernetes.default.svc', namespace: 'layered' },
      },
    }),
    'shared/layered.yaml': stringify({ prod: 'layered-REV' }),
    'apps/dir/a.yaml': configMap('a', 'REV'),
    'apps/dir/sub/b.yaml': configMap('b', 'REV'),
    'apps/kust/base/kustomization.yaml': 'resources: [cm.yaml]\n',
    'apps/kust/base/cm.yaml': configMap('kust', 'REV'),
    'apps/kust/overlay/kustomization.yaml': 'resources: [../base]\n',
    'components/extra/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml]\n',
    'components/extra/extra.yaml': configMap('extra', 'REV'),
    'apps/chart/Chart.yaml': stringify({ apiVersion: 'v2', name: 'chart', version: '1.0.0' }),
    'apps/chart/values.yaml': stringify({ rev: 'REV', prod: 'none' }),
    'apps/chart/templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: chart }\ndata: { rev: "{{ .Values.rev }}", prod: "{{ .Values.prod }}" }\n',
    'apps/chart-values/prod.yaml': stringify({ prod: 'prod-REV' }),
    'docs/notes.md': 'REV\n',
  };
}

const FILES = [
  'argocd/apps/dir.yaml',
  'apps/dir/a.yaml',
  'apps/dir/sub/b.yaml',
  'apps/kust/base/cm.yaml',
  'components/extra/extra.yaml',
  'apps/chart/values.yaml',
  'apps/chart-values/prod.yaml',
  'shared/layered.yaml',
  'docs/notes.md',
];
const FOLDERS = [
  'argocd/apps',
  'apps/dir',
  'apps/dir/sub',
  'apps/kust/base',
  'components/extra',
  'shared',
  'docs',
];

let repos = 0;
function repository(): EditedRepository {
  return editedRepository(join(scratch, `repo-${repos++}`), files);
}

describe('the environments a change affects, in an Argo CD repository', () => {
  it('plans the same as a plan of every Application, and leaves out only unchanged ones', async () => {
    let leftOut = 0;
    await fc.assert(
      fc.asyncProperty(editsOf(FILES, FOLDERS), async (edits) => {
        const repo = repository();
        repo.apply(edits);
        const { all, leftOut: left } = await plansAgree(repo.root, edits);
        rmSync(repo.root, { recursive: true, force: true });
        expect(all.environments.map((env) => env.environment).sort()).toEqual([
          'in-cluster/chart',
          'in-cluster/dir',
          'in-cluster/kust',
          'in-cluster/layered',
          'in-cluster/root',
        ]);
        leftOut += left;
      }),
      { numRuns: 10, examples: eachFileBumped(FILES) },
    );
    // Not vacuous: the selection left Applications out.
    expect(leftOut).toBeGreaterThan(10);
  }, 600_000);
});
