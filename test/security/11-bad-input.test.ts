/**
 * Class 11: ordinary bad input must not read as good news. `plan --live` on an
 * environment with no cluster whose manifest is broken exits 1, not "No changes" with 0
 * (a render error fails the run in every mode); a broken kustomization's error names the
 * file, the line and the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  kustomizeEnv,
  type Outcome,
  openChangeRequest,
  plantCanaries,
  plumblineConfig,
  runAction,
  runCli,
  runEveryPath,
  startForges,
  stopForges,
} from './harness.js';

let forges: Forges;
beforeAll(async () => {
  forges = await startForges();
});
afterAll(() => stopForges(forges));

describe('class 11: plan --live with a broken manifest and no cluster for it exits 1', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        // No cluster for dev; KUBECONFIG still names a file, as on a runner.
        'plumbline.yaml': plumblineConfig([{ name: 'dev', path: 'envs/dev', renderer: 'plain' }]),
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hello' }),
      },
      { 'envs/dev/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: dev-app\ndata: [\n' },
    );
    outcomes = await Promise.all([
      runCli(repo, canaries, ['--live']),
      runAction(repo, canaries, forges, openChangeRequest(forges, 'live'), { mode: 'live' }),
    ]);
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('exits 1 with dev failed, on the CLI and in the action', () => {
    for (const outcome of outcomes) {
      expectNothingLeaked(outcome, canaries);
      expect(outcome.code, `${outcome.path}\n${outcome.markdown}`).toBe(1);
      expect(outcome.report?.environments.some((env) => env.name === 'dev' && env.status === 'failed')).toBe(
        true,
      );
    }
  });
});

describe("class 11: a broken kustomization's error names the file, the line and the reason", () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          ['dev', 'broken'].map((name) => ({ name, path: `envs/${name}`, renderer: 'kustomize' })),
        ),
        ...kustomizeEnv('dev', 'hello'),
        ...kustomizeEnv('broken', 'hello'),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        // Line 5 is a sequence item out of line with the one above it.
        'envs/broken/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n - more.yaml\n',
      },
    );
    outcomes = await runEveryPath(repo, canaries, forges, 'broken kustomization');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('fails broken with file, line and reason, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectNothingLeaked(outcome, canaries);
      expectContained(outcome, {
        failed: ['broken'],
        healthy: { dev: 'GREETING: hola' },
        errorNames: { broken: ['envs/broken/kustomization.yaml'] },
      });
    }
    const error = outcomes
      .find((outcome) => outcome.path === 'cli')!
      .report!.environments.find((env) => env.name === 'broken')!.error!;
    expect(error).toMatch(/line 5|kustomization\.yaml:5/);
    // The parser's reason, whichever reads the file first (plumbline's yaml or kustomize's).
    expect(error).toMatch(/YAML syntax: .+|did not find expected .+/);
  });
});
