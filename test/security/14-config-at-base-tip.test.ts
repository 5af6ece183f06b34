/**
 * Class 14: a change picks an older configuration by branching off an older commit. main
 * lists only dev when the head branches off; main then adds prod (and qa) to its
 * plumbline.yaml. The head adds envs/prod and leaves its own, older plumbline.yaml,
 * which lacks prod, as it is. The trusted configuration is the base tip's, so prod is
 * planned, qa (a folder neither side has) is not, and the head did nothing to the file.
 *
 * Every path checks out the head's own commit, as a GitLab merge request pipeline and a
 * pull_request_target workflow that checks out the head's sha do: the merge a
 * pull_request run gets already holds main's plumbline.yaml, and would show nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  configMap,
  environmentNames,
  expectContained,
  expectNothingLeaked,
  HostileRepo,
  hostileCase,
  type Outcome,
  plumblineConfig,
  useForges,
} from './harness.js';

const context = useForges();

const environment = (name: string) => ({ name, path: `envs/${name}`, renderer: 'plain' });

describe("class 14: the configuration at the base's tip, not where the change branched off", () => {
  const hostile = hostileCase(context, 'older configuration', (_canaries) => {
    const repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig([environment('dev')]),
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hello' }),
      },
      {
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hola' }),
        'envs/prod/app.yaml': configMap('prod-app', { GREETING: 'from the change' }),
      },
    );
    repo.advanceBase({
      'plumbline.yaml': plumblineConfig([environment('dev'), environment('prod'), environment('qa')]),
    });
    repo.checkOutHead();
    return repo;
  });

  it('leaks no canary, on every path', () => {
    for (const outcome of hostile.outcomes) expectNothingLeaked(outcome, hostile.canaries);
  });

  /** prod (only the base tip lists it) planned with its change; qa (no folder anywhere) not. */
  function expectTipConfiguration(outcome: Outcome): void {
    expectContained(outcome, {
      failed: [],
      healthy: { dev: 'GREETING: hola', prod: 'GREETING: from the change' },
    });
    expect(outcome.markdown, `${outcome.path} plans envs/qa`).not.toMatch(/\bqa\b/);
    if (outcome.report) expect(environmentNames(outcome.report), outcome.path).toEqual(['dev', 'prod']);
  }

  it("plans prod, which only the base tip's plumbline.yaml lists, and not qa (cli, action)", () => {
    for (const outcome of hostile.outcomes) expectTipConfiguration(outcome);
  });

  it('reports that the head left plumbline.yaml as it branched off', () => {
    for (const outcome of hostile.outcomes.filter((outcome) => outcome.report)) {
      expect(outcome.report?.config, outcome.path).toEqual({
        from: 'base',
        file: 'plumbline.yaml',
        headChange: null,
      });
    }
  });
});
