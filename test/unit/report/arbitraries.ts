/**
 * Random plan results for property tests. Content is chosen to be hostile to Markdown:
 * backtick and tilde runs, `<details>` tags, HTML, table pipes, hidden markers, mentions,
 * quick actions, masked tokens and very long diffs, so splitting and escaping are tested
 * where they are likely to break.
 */
import fc from 'fast-check';
import { maskValue } from '../../../src/diff/mask.js';
import type {
  ComparisonTarget,
  EnvironmentResult,
  ObjectChange,
  PlanResult,
  Risk,
} from '../../../src/diff/model.js';
import { countChanges } from '../../../src/diff/model.js';
import { resourceKey } from '../../../src/resource.js';

const hostile = fc.constantFrom(
  '```',
  '````',
  '~~~',
  '<details>',
  '</details>',
  '<summary>x</summary>',
  '<script>alert(1)</script>',
  '| a | b |',
  '*bold* _it_',
  '@@ -1 +1 @@',
  '&amp;',
  '<!-- plumbline:plan:prod -->',
  '@octocat',
  '/close',
  maskValue('s3cr3t'),
  `${maskValue('other')}tail`,
);

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: hostile },
);
const text = fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join(''));
const diffLine = fc
  .tuple(fc.constantFrom(' ', '+', '-'), fc.array(fragment, { maxLength: 6 }))
  .map(([sign, parts]) => sign + parts.join(' '));

const diffText = fc
  .oneof(
    { weight: 5, arbitrary: fc.array(diffLine, { minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.array(diffLine, { minLength: 50, maxLength: 200 }) },
  )
  .map((lines) => [`@@ -1,${lines.length} +1,${lines.length} @@`, ...lines].join('\n'));

const risk: fc.Arbitrary<Risk> = fc.record({
  kind: fc.constantFrom('deletion', 'namespace-deletion', 'immutable-field', 'pvc-shrink'),
  message: text,
});

function objectChange(index: number): fc.Arbitrary<ObjectChange> {
  return fc
    .record({
      kind: fc.constantFrom('Deployment', 'Secret', 'ConfigMap', 'Namespace', 'PersistentVolumeClaim'),
      namespace: fc.option(fc.constantFrom('shop', 'kube-system', 'a-b'), { nil: undefined }),
      change: fc.constantFrom('added', 'changed', 'deleted', 'unchanged'),
      diff: diffText,
      fields: fc.array(
        fc.constantFrom('/spec/replicas', '/data/password', '/data/a~1b', '/metadata/labels/app'),
      ),
      risks: fc.array(risk, { maxLength: 2 }),
      notes: fc.array(text, { maxLength: 2 }),
    })
    .map(({ kind, namespace, change, diff, fields, risks, notes }) => {
      const id = { group: kind === 'Deployment' ? 'apps' : '', version: 'v1', kind, name: `object-${index}` };
      const fullId = namespace ? { ...id, namespace } : id;
      return {
        key: resourceKey(fullId),
        id: fullId,
        change,
        diff: change === 'unchanged' ? '' : diff,
        fields: change === 'unchanged' ? [] : fields,
        risks: change === 'unchanged' ? [] : risks,
        notes,
      };
    });
}

function environmentResult(index: number): fc.Arbitrary<EnvironmentResult> {
  return fc
    .record({
      name: fc.constantFrom('dev', 'staging', 'prod', 'eu|west', '<b>qa</b>', 'team_*a*'),
      mode: fc.constantFrom('offline', 'live', 'reader'),
      comparedWith: fc.constantFrom<ComparisonTarget>(
        { kind: 'base', ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
        { kind: 'cluster', context: 'dev' },
        { kind: 'cluster', context: 'cluster `x`' },
        { kind: 'cluster' },
        { kind: 'no-cluster' },
      ),
      size: fc.integer({ min: 0, max: 8 }),
      error: fc.option(text, { nil: undefined }),
      notice: fc.option(text, { nil: undefined }),
    })
    .chain(({ name, mode, comparedWith, size, error, notice }) =>
      fc.tuple(...Array.from({ length: size }, (_, i) => objectChange(index * 100 + i))).map((changes) => {
        const env: EnvironmentResult = {
          environment: `${name}-${index}`,
          mode,
          comparedWith,
          counts: countChanges(changes),
          changes,
        };
        if (error !== undefined) env.error = { message: error, hint: error };
        if (notice !== undefined) env.notice = { kind: 'deletions-unseen', kinds: [notice] };
        return env;
      }),
    );
}

export const planResult: fc.Arbitrary<PlanResult> = fc
  .integer({ min: 0, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => environmentResult(i))))
  .chain((environments) =>
    fc.option(fc.constant({ ref: 'main', sha: 'a1b2c3d4e5f6' }), { nil: undefined }).map((base) => {
      const result: PlanResult = { environments };
      if (base) {
        result.base = base;
        result.head = { ref: 'feature/`x`', sha: 'f0e1d2c3b4a5' };
      }
      return result;
    }),
  );
