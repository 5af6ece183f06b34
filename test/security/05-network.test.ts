/**
 * Class 5: renderers get no network the trusted config did not allow. A kustomize remote
 * file, a `git::` remote base and a helmCharts repository all point at a local HTTP server
 * that counts requests: without `render.allowHosts` in the base config it gets none and
 * each environment fails naming the remote reference; with the host allowed by the base,
 * the remote file renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  type CountingServer,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  kustomization,
  kustomizeEnv,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startCountingServer,
  startForges,
  stopForges,
} from './harness.js';

let forges: Forges;
let server: CountingServer;
beforeAll(async () => {
  forges = await startForges();
  // What a remote would serve: a ConfigMap, and a chart repository index with no charts.
  server = await startCountingServer({
    '/x.yaml': configMap('remote', { FROM: 'the network' }),
    '/charts/index.yaml': 'apiVersion: v1\nentries: {}\n',
  });
});
afterAll(async () => {
  await server.close();
  await stopForges(forges);
});

/** Each hostile environment's kustomization and the remote reference its error must name. */
const remotes: Record<string, (url: string) => { fields: Record<string, unknown>; reference: string }> = {
  'remote-file': (url) => ({ fields: { resources: [`${url}/x.yaml`] }, reference: `${url}/x.yaml` }),
  'remote-git': (url) => ({ fields: { resources: [`git::${url}/r.git`] }, reference: `${url}/r.git` }),
  'remote-chart': (url) => ({
    fields: { helmCharts: [{ name: 'app', repo: `${url}/charts`, version: '1.0.0' }] },
    reference: `${url}/charts`,
  }),
};

function environments(names: string[]) {
  return ['dev', ...names].map((name) => ({ name, path: `envs/${name}`, renderer: 'kustomize' }));
}

describe('class 5: no network for renderers unless the base config allows the host', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const names = Object.keys(remotes);

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(environments(names)),
        ...Object.assign({}, ...['dev', ...names].map((name) => kustomizeEnv(name, 'hello'))),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        ...Object.fromEntries(
          Object.entries(remotes).map(([name, remote]) => [
            `envs/${name}/kustomization.yaml`,
            kustomization(remote(server.url).fields),
          ]),
        ),
      },
    );
    server.requests.length = 0;
    outcomes = await runEveryPath(repo, canaries, forges, 'network');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('sends no request to the remote', () => {
    expect(server.requests).toEqual([]);
  });

  it('leaks no canary, on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries);
  });

  it('fails each remote environment, naming the remote reference, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: names,
        healthy: { dev: 'GREETING: hola' },
        errorNames: Object.fromEntries(
          Object.entries(remotes).map(([name, remote]) => [name, [remote(server.url).reference]]),
        ),
      });
    }
  });
});

describe('class 5: a host the base config allows (render.allowHosts)', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(environments(['remote-file']), {
          render: { allowHosts: [server.host] },
        }),
        ...kustomizeEnv('dev', 'hello'),
        ...kustomizeEnv('remote-file', 'hello'),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        'envs/remote-file/kustomization.yaml': kustomization({
          resources: ['app.yaml', `${server.url}/x.yaml`],
        }),
      },
    );
    server.requests.length = 0;
    outcomes = await runEveryPath(repo, canaries, forges, 'allowed network');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('renders the remote file: its ConfigMap is added', () => {
    expect(server.requests.length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expectNothingLeaked(outcome, canaries);
      expectContained(outcome, {
        failed: [],
        healthy: { dev: 'GREETING: hola', 'remote-file': 'FROM: the network' },
      });
    }
  });
});
