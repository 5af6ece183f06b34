/**
 * Class 12: what kustomize reads that its kustomization does not name in a plain field, so
 * that a check reading only those fields would let a chart with a leaking link through:
 * a builtin HelmChartInflationGenerator configuration (in a `generators` file, or written
 * inline), a YAML merge key hiding `helmCharts`, and a chart home resolved from the real
 * folder of a linked kustomization. And a chart link into the checkout's own `.git/config`,
 * where actions/checkout keeps the job's token. Each chart's `.Files.Get` would read its
 * link; each such environment fails alone, naming the link (or the merge key).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type Canaries,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  kustomization,
  kustomizeEnv,
  link,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startForges,
  stopForges,
  type Tree,
} from './harness.js';

let forges: Forges;
beforeAll(async () => {
  forges = await startForges();
});
afterAll(() => stopForges(forges));

/** A chart `evil` in `home` whose one template dumps `leak.txt`, which links to `target`. */
function leakingChart(home: string, target: string): Tree {
  return {
    [`${home}/evil/Chart.yaml`]: 'apiVersion: v2\nname: evil\nversion: 1.0.0\n',
    [`${home}/evil/values.yaml`]: '{}\n',
    [`${home}/evil/templates/leak.yaml`]:
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: leak, namespace: app }\n' +
      'data:\n  stolen: {{ .Files.Get "leak.txt" | toJson }}\n',
    [`${home}/evil/leak.txt`]: link(target),
  };
}

/** kustomize's builtin chart generator, configured as a `generators` entry may be. */
const builtinGenerator =
  'apiVersion: builtin\nkind: HelmChartInflationGenerator\nmetadata: { name: inflate }\n' +
  'name: evil\nchartHome: stuff\nreleaseName: r\n';

interface BlindSpot {
  /** The head's files for envs/NAME (and beyond), its kustomization included. */
  head: (name: string, canaries: Canaries) => Tree;
  /** What the error must name. */
  names: (name: string) => string[];
}

const blindSpots: Record<string, BlindSpot> = {
  'builtin-generator-file': {
    head: (name, canaries) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({ generators: ['gen.yaml'] }),
      [`envs/${name}/gen.yaml`]: builtinGenerator,
      ...leakingChart(`envs/${name}/stuff`, canaries.outsideFile),
    }),
    names: (name) => [`envs/${name}/stuff/evil/leak.txt`],
  },
  'builtin-generator-inline': {
    // A multi-line `generators` entry is the configuration itself, not a path.
    head: (name, canaries) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({ generators: [builtinGenerator] }),
      ...leakingChart(`envs/${name}/stuff`, canaries.outsideFile),
    }),
    names: (name) => [`envs/${name}/stuff/evil/leak.txt`],
  },
  'chart-git-config': {
    // Relative, so it reaches the .git of whichever checkout the run renders.
    head: (name) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({
        helmCharts: [{ name: 'evil', releaseName: 'r' }],
      }),
      ...leakingChart(`envs/${name}/charts`, '../../../../.git/config'),
    }),
    names: (name) => [`envs/${name}/charts/evil/leak.txt`],
  },
  'merge-key': {
    // Written by hand: kustomize's YAML merges `<<` into the kustomization, plumbline's does not.
    head: (name, canaries) => ({
      [`envs/${name}/kustomization.yaml`]: '<<: { helmCharts: [{ name: evil, releaseName: r }] }\n',
      ...leakingChart(`envs/${name}/charts`, canaries.outsideFile),
    }),
    names: (name) => [`envs/${name}/kustomization.yaml`, 'merge key'],
  },
  'linked-kustomization': {
    // kustomize resolves lib/a's `../charts` from lib/a, not from the link's folder. The
    // values file sits in lib/a: kustomize refuses to load the chart's own values.yaml from
    // outside it, but helm reads the chart's templates and files from anywhere.
    head: (name, canaries) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({ resources: ['link'] }),
      [`envs/${name}/link`]: link('../../lib/a'),
      'lib/a/kustomization.yaml': kustomization({
        helmGlobals: { chartHome: '../charts' },
        helmCharts: [{ name: 'evil', releaseName: 'r', valuesFile: 'values.yaml' }],
      }),
      'lib/a/values.yaml': '{}\n',
      ...leakingChart('lib/charts', canaries.outsideFile),
    }),
    names: () => ['lib/charts/evil/leak.txt'],
  },
};

describe('class 12: charts kustomize reaches through builtin configurations, merge keys and linked kustomizations', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  /** What actions/checkout writes into .git/config: basic auth with the job's token. */
  let extraheader: string;
  const names = Object.keys(blindSpots);

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    extraheader = Buffer.from(`x-access-token:${canaries.token}`).toString('base64');
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          ['dev', ...names].map((name) => ({ name, path: `envs/${name}`, renderer: 'kustomize' })),
        ),
        ...Object.assign({}, ...['dev', ...names].map((name) => kustomizeEnv(name, 'hello'))),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        ...Object.assign({}, ...Object.entries(blindSpots).map(([name, spot]) => spot.head(name, canaries))),
      },
    );
    // Every run's checkout is a copy of this one, .git/config included.
    repo.git('config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${extraheader}`);
    outcomes = await runEveryPath(repo, canaries, forges, 'kustomize blind spots');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it("leaks no canary, the checkout's token included, on every path", () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries, { extraheader });
  });

  it('fails each environment, naming the link or the merge key, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: names,
        healthy: { dev: 'GREETING: hola' },
        errorNames: Object.fromEntries(
          Object.entries(blindSpots).map(([name, spot]) => [name, spot.names(name)]),
        ),
      });
    }
  });
});
