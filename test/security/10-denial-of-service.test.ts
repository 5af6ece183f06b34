/**
 * Class 10: denial of service. A YAML alias bomb, more objects or more bytes than the
 * base config's `render.limits` allow, each fail only their environment; a change too big
 * for ten comments is cut at ten parts, the last pointing at the job summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  configMap,
  expectContained,
  expectNothingLeaked,
  HostileRepo,
  hostileCase,
  type Outcome,
  openChangeRequest,
  plantCanaries,
  plumblineConfig,
  runAction,
  runEveryPath,
  useForges,
} from './harness.js';

const context = useForges();

/** Ten levels of ten aliases: 10^10 strings once expanded, a few hundred bytes written. */
function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: bomb, namespace: app }', 'data:'];
  lines.push('  a0: &a0 "lol"');
  for (let level = 1; level <= 10; level += 1) {
    const refs = Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ');
    lines.push(`  a${level}: &a${level} [${refs}]`);
  }
  return `${lines.join('\n')}\n`;
}

const plain = (names: string[]) => names.map((name) => ({ name, path: `envs/${name}`, renderer: 'plain' }));
const devChange = {
  base: configMap('dev-app', { GREETING: 'hello' }),
  head: configMap('dev-app', { GREETING: 'hola' }),
};

describe('class 10: a YAML alias bomb fails only its environment', () => {
  const hostile = hostileCase(
    context,
    'alias bomb',
    (_canaries) =>
      new HostileRepo(
        {
          'plumbline.yaml': plumblineConfig(plain(['dev', 'bomb'])),
          'envs/dev/app.yaml': devChange.base,
          'envs/bomb/app.yaml': configMap('bomb', { a: 'b' }),
        },
        { 'envs/dev/app.yaml': devChange.head, 'envs/bomb/app.yaml': aliasBomb() },
      ),
  );

  it('fails the bomb and reports dev, on every path', () => {
    for (const outcome of hostile.outcomes) {
      expectNothingLeaked(outcome, hostile.canaries);
      expectContained(outcome, { failed: ['bomb'], healthy: { dev: 'GREETING: hola' } });
    }
  });
});

describe("class 10: the base config's render.limits fail an environment that exceeds them, alone", () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const limits = { objects: 50, bytes: 200_000 };

  beforeAll(async () => {
    canaries = plantCanaries(context.forges);
    const many = Array.from({ length: limits.objects + 10 }, (_, index) =>
      configMap(`cm-${index}`, { n: String(index) }),
    );
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(plain(['dev', 'many-objects', 'many-bytes']), {
          render: { limits },
        }),
        'envs/dev/app.yaml': devChange.base,
        'envs/many-objects/app.yaml': configMap('one', { a: 'b' }),
        'envs/many-bytes/app.yaml': configMap('one', { a: 'b' }),
      },
      {
        'envs/dev/app.yaml': devChange.head,
        'envs/many-objects/app.yaml': many.join('---\n'),
        'envs/many-bytes/app.yaml': configMap('one', { a: 'x'.repeat(limits.bytes + 50_000) }),
      },
    );
    outcomes = await runEveryPath(repo, canaries, context.forges, 'limits');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('fails both environments over a limit and reports dev, on every path', () => {
    for (const outcome of outcomes) {
      expectNothingLeaked(outcome, canaries);
      expectContained(outcome, {
        failed: ['many-objects', 'many-bytes'],
        healthy: { dev: 'GREETING: hola' },
      });
    }
  });
});

describe('class 10: a change too big for ten comments is cut at ten parts', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let action: Outcome;
  // Each ConfigMap's diff is about one GitHub comment (65,536 characters) on its own.
  const objects = 12;
  const big = (fill: string) =>
    Array.from({ length: objects }, (_, index) =>
      configMap(`big-${index}`, { blob: fill.repeat(30_000) }),
    ).join('---\n');

  beforeAll(async () => {
    canaries = plantCanaries(context.forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(plain(['dev', 'big'])),
        'envs/dev/app.yaml': devChange.base,
        'envs/big/app.yaml': big('a'),
      },
      { 'envs/dev/app.yaml': devChange.head, 'envs/big/app.yaml': big('b') },
    );
    action = await runAction(repo, canaries, context.forges, openChangeRequest(context.forges, 'parts'));
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('posts at most ten parts, the last pointing at the job summary', () => {
    expectNothingLeaked(action, canaries);
    expect(action.code, action.log).toBe(0);
    expect(action.comments.length).toBeGreaterThan(1);
    expect(action.comments.length).toBeLessThanOrEqual(10);
    expect(action.comments.at(-1)).toMatch(/job summary/);
    // The whole report is still in the summary's file.
    expect(action.markdown).toContain('big-11');
  });
});
