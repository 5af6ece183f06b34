/**
 * Merging shard plans, pure: the plan result file (written, read back, refused when cut,
 * changed, of another kind or format), and the merge of PlanResults (order, refusals,
 * missing shards).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MissingShardsError, mergePlanResults, type NamedPlan } from '../../../src/commands/merge-plans.js';
import {
  PLAN_RESULT_FORMAT,
  parsePlanResultFile,
  planResultFileText,
} from '../../../src/commands/plan-result-file.js';
import { parseShard, shardOf } from '../../../src/config/shard.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { PlumblineError } from '../../../src/errors.js';

const BASE = { ref: 'main', sha: 'b'.repeat(40) };
const HEAD = { ref: 'change', sha: 'c'.repeat(40) };

function environment(name: string, overrides: Partial<EnvironmentResult> = {}): EnvironmentResult {
  return {
    environment: name,
    mode: 'offline',
    comparedWith: { kind: 'base', ...BASE },
    counts: { added: 0, changed: 1, deleted: 0, unchanged: 0 },
    changes: [
      {
        key: '/ConfigMap/shop/app',
        id: { group: '', version: 'v1', kind: 'ConfigMap', namespace: 'shop', name: 'app' },
        change: 'changed',
        diff: '@@ -1 +1 @@\n-a: 1\n+a: 2\n',
        fields: ['/data/a'],
        risks: [],
        notes: [],
      },
    ],
    ...overrides,
  };
}

/** A plan with everything a PlanResult can hold, over `names`. */
function fullPlan(names: string[]): PlanResult {
  return {
    environments: names.flatMap((name) => [
      environment(name, {
        rendered: {
          head: {
            charts: [
              {
                repository: 'oci://registry.example/charts',
                name: 'web',
                version: '1.2.3',
                digest: `sha256:${'1'.repeat(64)}`,
                manifestDigest: `sha256:${'2'.repeat(64)}`,
              },
            ],
            capabilities: { from: 'cluster', kubeVersion: 'v1.34.0', apiVersions: 12 },
            helmVersion: 'v3.19.0',
          },
          base: { charts: [] },
        },
        notice: { kind: 'no-credentials' },
      }),
      environment(name, {
        mode: 'live',
        comparedWith: { kind: 'cluster', context: name },
        counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
        changes: [],
        error: { message: 'the cluster refused', hint: 'Check the token.', remedy: 'reader' },
      }),
    ]),
    config: { from: 'base', file: 'plumbline.yaml', headChange: 'changed' },
    base: BASE,
    head: HEAD,
    unaffected: ['quiet'],
  };
}

const shardsOf = (result: PlanResult, count: number): NamedPlan[] =>
  Array.from({ length: count }, (_, position) => {
    const index = position + 1;
    const environments = result.environments.filter((env) => shardOf(env.environment, count) === index);
    const unaffected = result.unaffected?.filter((name) => shardOf(name, count) === index);
    return {
      name: `shard-${index}.json`,
      result: {
        ...result,
        environments,
        ...(unaffected ? { unaffected } : {}),
        shard: { index, count },
      },
    };
  });

const fleet = Array.from({ length: 40 }, (_, i) => `env-${String(i).padStart(2, '0')}`);

describe('the plan result file', () => {
  it('gives back exactly the result it was written with', () => {
    const result = { ...fullPlan(['dev', 'prod']), shard: { index: 1, count: 2 } };
    const text = planResultFileText(result, '1.2.3');
    expect(JSON.parse(text)).toMatchObject({ plumblinePlanResult: PLAN_RESULT_FORMAT, plumbline: '1.2.3' });
    expect(parsePlanResultFile(text, 'shard.json')).toStrictEqual(result);
  });

  it('refuses a file cut short, naming it', () => {
    const text = planResultFileText(fullPlan(['dev']), '1.2.3');
    for (let length = 0; length < text.trimEnd().length; length += 7) {
      const cut = text.slice(0, length);
      expect(() => parsePlanResultFile(cut, 'shard-2.json')).toThrow(/shard-2\.json is cut short/);
    }
  });

  it('refuses text that is not JSON without quoting it', () => {
    const attempt = () => parsePlanResultFile('{"plumblinePlanResult": 1, secret-value}', 'x.json');
    expect(attempt).toThrow(/x\.json is not valid JSON \(at character \d+\)/);
    expect(attempt).not.toThrow(/secret-value/);
  });

  it('refuses a file changed after it was written', () => {
    const text = planResultFileText(fullPlan(['dev']), '1.2.3');
    const edited = text.replace('"changed": 1', '"changed": 0');
    expect(edited).not.toBe(text);
    expect(() => parsePlanResultFile(edited, 'x.json')).toThrow(/does not match its digest/);
  });

  it('refuses another format, a JSON report and any other file', () => {
    const file = JSON.parse(planResultFileText(fullPlan(['dev']), '9.0.0'));
    const other = JSON.stringify({ ...file, plumblinePlanResult: 2 });
    expect(() => parsePlanResultFile(other, 'x.json')).toThrow(
      'x.json was written by plumbline 9.0.0 in plan result format 2; this plumbline reads format 1',
    );
    expect(() => parsePlanResultFile('{"schemaVersion": 1, "environments": []}', 'report.json')).toThrow(
      /report\.json is a plan report/,
    );
    expect(() => parsePlanResultFile('[1, 2]', 'list.json')).toThrow(/list\.json is not a plan result file/);
  });

  it('refuses a result with a field it does not know or of the wrong type, saying where', () => {
    const withResult = (result: unknown) => {
      const compact = JSON.stringify(result);
      const file = JSON.parse(planResultFileText({ environments: [] }, '1.0.0'));
      return JSON.stringify({
        ...file,
        sha256: createHash('sha256').update(compact).digest('hex'),
        result: JSON.parse(compact),
      });
    };
    const plan = fullPlan(['dev']);
    const unknown = { ...plan, environments: [{ ...plan.environments[0], colour: 'red' }] };
    expect(() => parsePlanResultFile(withResult(unknown), 'x.json')).toThrow(
      'x.json is not a plan result this plumbline can read: result.environments[0].colour is not a field plumbline knows',
    );
    const wrong = { ...plan, environments: [{ ...plan.environments[0], mode: 'sideways' }] };
    expect(() => parsePlanResultFile(withResult(wrong), 'x.json')).toThrow(
      /result\.environments\[0\]\.mode should be one of offline, live, reader/,
    );
    expect(() =>
      parsePlanResultFile(withResult({ environments: [], shard: { index: 3, count: 2 } }), 'x'),
    ).toThrow(/result\.shard\.index should be at most its count, 2/);
  });
});

describe('merging shard plans', () => {
  it('rebuilds the whole plan from its shards, whatever the count', () => {
    const whole = fullPlan(fleet);
    whole.unaffected = ['quiet-a', 'quiet-b', 'quiet-c'];
    for (const count of [1, 2, 3, 7]) {
      const shards = shardsOf(whole, count);
      expect(mergePlanResults(shards)).toStrictEqual(whole);
      expect(mergePlanResults([...shards].reverse())).toStrictEqual(whole);
    }
  });

  it('keeps each plan its own order where names do not decide it, and merges plans of no shard', () => {
    const a: PlanResult = { environments: [environment('prod'), environment('dev')], base: BASE, head: HEAD };
    const b: PlanResult = { environments: [environment('qa')], base: BASE, head: HEAD };
    const merged = mergePlanResults([
      { name: 'a', result: a },
      { name: 'b', result: b },
    ]);
    expect(merged.environments.map((env) => env.environment)).toEqual(['prod', 'dev', 'qa']);
    expect(merged).not.toHaveProperty('shard');
    expect(merged).not.toHaveProperty('unaffected');
  });

  it('refuses plans of different head or base commits', () => {
    const [one, two] = shardsOf(fullPlan(fleet), 2) as [NamedPlan, NamedPlan];
    const otherHead = { ...two, result: { ...two.result, head: { ref: 'change', sha: 'd'.repeat(40) } } };
    expect(() => mergePlanResults([one, otherHead])).toThrow(
      'the plans are of different head commits (shard-1.json cccccccccccc, shard-2.json dddddddddddd), so they are not parts of one plan',
    );
    const noBase = { ...two, result: { ...two.result, base: undefined } };
    expect(() => mergePlanResults([one, noBase])).toThrow(
      /different base commits .*shard-2\.json has no base commit/,
    );
  });

  it('refuses plans that obeyed different configurations', () => {
    const [one, two] = shardsOf(fullPlan(fleet), 2) as [NamedPlan, NamedPlan];
    const other = { ...two, result: { ...two.result, config: { from: 'head' as const } } };
    expect(() => mergePlanResults([one, other])).toThrow(/obeyed different configurations/);
  });

  it('refuses an environment in two plans, planned or left out', () => {
    const plan = (names: string[], unaffected?: string[]): PlanResult => ({
      environments: names.map((name) => environment(name)),
      ...(unaffected ? { unaffected } : {}),
    });
    expect(() =>
      mergePlanResults([
        { name: 'a.json', result: plan(['dev', 'qa']) },
        { name: 'b.json', result: plan(['qa', 'prod']) },
      ]),
    ).toThrow('an environment is in more than one plan (qa; first in a.json and b.json): the plans overlap');
    expect(() =>
      mergePlanResults([
        { name: 'a.json', result: plan(['dev'], ['qa']) },
        { name: 'b.json', result: plan(['qa']) },
      ]),
    ).toThrow(/overlap/);
  });

  it('refuses a shard given twice, shards of different counts, and a shard with a whole plan', () => {
    const [one, two] = shardsOf(fullPlan(fleet), 2) as [NamedPlan, NamedPlan];
    expect(() => mergePlanResults([one, two, { ...one, name: 'again.json' }])).toThrow(
      'shard-1.json and again.json are both shard 1 of 2',
    );
    const [, , third] = shardsOf(fullPlan(fleet), 3) as [NamedPlan, NamedPlan, NamedPlan];
    expect(() => mergePlanResults([one, third])).toThrow(
      /shard 1 of 2 .* shard 3 of 3: shards of different counts/,
    );
    expect(() =>
      mergePlanResults([one, { name: 'whole.json', result: { ...fullPlan([]), unaffected: [] } }]),
    ).toThrow(/a whole plan and a shard overlap/);
  });

  it('refuses a missing shard, or merges without it and names it when partial', () => {
    const shards = shardsOf(fullPlan(fleet), 4);
    const without = shards.filter(
      (shard) => shard.result.shard?.index !== 2 && shard.result.shard?.index !== 4,
    );
    const refusal = (() => {
      try {
        mergePlanResults(without);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(MissingShardsError);
    expect(refusal).toMatchObject({ missing: [2, 4], count: 4 });
    expect((refusal as Error).message).toBe(
      'shards 2, 4 of 4 are missing: without them the merged plan would leave environments out',
    );

    const partial = mergePlanResults(without, { partial: true });
    expect(partial.missingShards).toEqual([2, 4]);
    expect(partial).not.toHaveProperty('shard');
    expect(partial.environments).toEqual(
      fullPlan(fleet).environments.filter((env) => [1, 3].includes(shardOf(env.environment, 4))),
    );
    // Complete: --partial changes nothing.
    expect(mergePlanResults(shards, { partial: true })).not.toHaveProperty('missingShards');
    // A partial merge is not merged again.
    expect(() => mergePlanResults([{ name: 'merged.json', result: partial }])).toThrow(
      /merged\.json is a partial merge \(shards 2, 4 missing\)/,
    );
  });

  it('refuses nothing to merge', () => {
    expect(() => mergePlanResults([])).toThrow(PlumblineError);
  });
});

describe('shard notation', () => {
  it('reads INDEX/COUNT with 1 ≤ INDEX ≤ COUNT and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['5/4', '0/3', 'x/y', '1/0', '-1/3', '1.5/3', '2', '2/4/6', '', '1/9999999']) {
      expect(parseShard(bad)).toBeUndefined();
    }
  });

  it('puts every environment in exactly one shard', () => {
    for (const count of [1, 2, 5]) {
      const placed = fleet.map((name) => shardOf(name, count));
      expect(placed.every((index) => index >= 1 && index <= count)).toBe(true);
    }
  });
});
