/**
 * The selection of affected environments is exact: for random edits to random files of a
 * generated repository (kustomize overlays sharing a base, a component, generator files, a
 * resource outside the environment, a plain folder, a Helm chart with a values file and a
 * link, unrelated files), an offline plan of only the affected environments gives the same
 * result as a plan of all of them, and every environment it leaves out has no change there.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  revisionConfigMap as configMap,
  type EditedRepository,
  eachFileBumped,
  editedRepository,
  editsOf,
  plansAgree,
} from '../../support/selection-property.js';
import { toolPath } from '../../support/tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-affected-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of the generated repository; `REV` is what an edit changes. */
function files(): Record<string, string> {
  return {
    'plumbline.yaml': [
      'environments:',
      '  - { name: a, path: envs/a }',
      '  - { name: b, path: envs/b }',
      '  - { name: c, path: envs/c, renderer: plain }',
      '  - { name: d, path: envs/d, helm: { valuesFiles: [values-d.yaml] } }',
      '  - { name: e, path: envs/e }',
      '',
    ].join('\n'),
    'base/kustomization.yaml': 'resources: [app.yaml, settings.yaml]\n',
    'base/app.yaml': configMap('app', 'REV'),
    'base/settings.yaml': configMap('settings', 'REV'),
    'base/README.md': 'the shared base REV\n',
    'components/extra/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml]\n',
    'components/extra/extra.yaml': configMap('extra', 'REV'),
    'envs/a/kustomization.yaml': 'resources: [../../base]\nnamePrefix: a-\npatches: [{ path: patch.yaml }]\n',
    'envs/a/patch.yaml': configMap('app', 'REV'),
    'envs/b/kustomization.yaml':
      'resources: [../../base]\ncomponents: [../../components/extra]\nnamePrefix: b-\nconfigMapGenerator: [{ name: generated, files: [files/app.properties] }]\n',
    'envs/b/files/app.properties': 'rev=REV\n',
    'envs/c/one.yaml': configMap('one', 'REV'),
    'envs/c/two.yaml': configMap('two', 'REV'),
    'envs/d/Chart.yaml': 'apiVersion: v2\nname: d\nversion: 0.1.0\n',
    'envs/d/values.yaml': 'rev: "REV"\n',
    'envs/d/values-d.yaml': 'extra: "REV"\n',
    'envs/d/templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: d }\ndata: { rev: {{ .Values.rev | quote }}, extra: {{ .Values.extra | quote }}, shared: {{ .Files.Get "files/shared.txt" | quote }} }\n',
    'shared/linked.txt': 'REV\n',
    'envs/e/kustomization.yaml': 'resources: [../../shared]\n',
    'shared/kustomization.yaml': 'resources: [common.yaml]\n',
    'shared/common.yaml': configMap('common', 'REV'),
    'shared/unused.yaml': configMap('unused', 'REV'),
    'docs/notes.md': 'REV\n',
  };
}

const FILES = Object.keys(files()).filter((file) => file !== 'plumbline.yaml');
const FOLDERS = [
  'base',
  'components/extra',
  'envs/a',
  'envs/b/files',
  'envs/c',
  'envs/d',
  'envs/d/templates',
  'envs/e',
  'shared',
  'docs',
];

let repos = 0;
/**
 * `linked`: with the chart's link. A tree holding a link has its base written whole
 * (git/base-checkout.ts); without one, only what the renders read is written at the base,
 * and the property covers that too.
 */
function repository(linked: boolean): EditedRepository {
  return editedRepository(join(scratch, `repo-${repos++}`), files, (root) => {
    // A chart file linked to a file elsewhere in the repository: its target counts too.
    mkdirSync(join(root, 'envs/d/files'), { recursive: true });
    if (linked) symlinkSync('../../../shared/linked.txt', join(root, 'envs/d/files/shared.txt'));
    else writeFileSync(join(root, 'envs/d/files/shared.txt'), 'not linked\n');
  });
}

describe.each([
  { linked: true, numRuns: 25 },
  { linked: false, numRuns: 15 },
])('the environments a change affects (a link in the tree: $linked)', ({ linked, numRuns }) => {
  it('plans the same as a plan of every environment, and leaves out only unchanged ones', async () => {
    process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
    process.env.PLUMBLINE_HELM = toolPath('helm');
    let leftOut = 0;
    await fc.assert(
      fc.asyncProperty(editsOf(FILES, FOLDERS), async (edits) => {
        const repo = repository(linked);
        repo.apply(edits);
        const { all, leftOut: left } = await plansAgree(repo.root, edits);
        rmSync(repo.root, { recursive: true, force: true });
        expect(all.unaffected).toBeUndefined();
        leftOut += left;
      }),
      {
        numRuns,
        // Besides the random edits: each file changed on its own, once.
        examples: eachFileBumped(FILES),
      },
    );
    // Not vacuous: the selection left environments out.
    expect(leftOut).toBeGreaterThan(numRuns);
  }, 300_000);
});
