/**
 * The selection of affected environments is exact: for random edits to random files of a
 * generated repository (kustomize overlays sharing a base, a component, generator files, a
 * resource outside the environment, a plain folder, a Helm chart with a values file and a
 * link, unrelated files), an offline plan of only the affected environments gives the same
 * result as a plan of all of them, and every environment it leaves out has no change there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/commands/plan.js';
import { toolPath } from '../../support/tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-affected-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const configMap = (name: string, rev: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { rev: "${rev}" }\n`;

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

type Edit =
  | { kind: 'bump' | 'delete'; file: string; rev: number }
  | { kind: 'add'; folder: string; rev: number };

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

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('bump' as const, 'delete' as const),
    file: fc.constantFrom(...FILES),
    rev: fc.nat(99),
  }),
  fc.record({ kind: fc.constant('add' as const), folder: fc.constantFrom(...FOLDERS), rev: fc.nat(99) }),
);

let repos = 0;
/**
 * `linked`: with the chart's link. A tree holding a link has its base written whole
 * (git/base-checkout.ts); without one, only what the renders read is written at the base,
 * and the property covers that too.
 */
function repository(linked: boolean): { root: string; apply(edits: Edit[]): void } {
  const root = join(scratch, `repo-${repos++}`);
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args]);
  for (const [path, text] of Object.entries(files())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text.replaceAll('REV', '0'));
  }
  // A chart file linked to a file elsewhere in the repository: its target counts too.
  mkdirSync(join(root, 'envs/d/files'), { recursive: true });
  if (linked) symlinkSync('../../../shared/linked.txt', join(root, 'envs/d/files/shared.txt'));
  else writeFileSync(join(root, 'envs/d/files/shared.txt'), 'not linked\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'change');
  return {
    root,
    apply(edits) {
      for (const change of edits) {
        if (change.kind === 'add') {
          const file = join(root, change.folder, `new-${change.rev}.yaml`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, configMap(`new-${change.rev}`, String(change.rev)));
        } else if (change.kind === 'delete') {
          rmSync(join(root, change.file), { force: true });
        } else {
          const original = files()[change.file]!;
          mkdirSync(dirname(join(root, change.file)), { recursive: true });
          writeFileSync(join(root, change.file), original.replaceAll('REV', String(change.rev + 1)));
        }
      }
      git('add', '-A');
      git('commit', '-qm', 'change', '--allow-empty');
    },
  };
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
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const repo = repository(linked);
        repo.apply(edits);
        const options = {
          repoRoot: repo.root,
          base: 'main',
          mode: 'offline' as const,
          clusterAvailable: false,
        };
        const [all, selected] = await Promise.all([runPlan({ ...options, all: true }), runPlan(options)]);
        rmSync(repo.root, { recursive: true, force: true });
        expect(all.unaffected).toBeUndefined();
        const unaffected = new Set(selected.unaffected ?? []);
        leftOut += unaffected.size;
        for (const env of all.environments) {
          if (unaffected.has(env.environment)) {
            expect(
              env.error,
              `${env.environment} left out but failed: ${JSON.stringify(edits)}`,
            ).toBeUndefined();
            expect(
              { ...env.counts, unchanged: 0 },
              `${env.environment} left out but changed: ${JSON.stringify(edits)}`,
            ).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 0 });
          } else {
            const same = selected.environments.find((candidate) => candidate.environment === env.environment);
            expect(same, `${env.environment} planned: ${JSON.stringify(edits)}`).toEqual(env);
          }
        }
        expect(selected.environments.length + unaffected.size).toBe(all.environments.length);
      }),
      {
        numRuns,
        // Besides the random edits: each file changed on its own, once.
        examples: FILES.map((file): [Edit[]] => [[{ kind: 'bump', file, rev: 1 }]]),
      },
    );
    // Not vacuous: the selection left environments out.
    expect(leftOut).toBeGreaterThan(numRuns);
  }, 300_000);
});
