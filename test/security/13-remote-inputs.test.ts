/**
 * Class 13: the network reached from where a file is expected. kustomize fetches a URL
 * given in place of a patch, a helmCharts values file or a generator file, and helm
 * follows a `$ref` in the values.schema.json of a subchart packed in `charts/*.tgz`. The
 * base config allows a host (github.com), which turns off the renderers' network
 * namespace, so plumbline's own checks are all that stands between the head and a local
 * HTTP server that counts requests: it gets none, and each environment fails naming the
 * URL or the archive.
 */
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  type CountingServer,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  greetingTemplate,
  HostileRepo,
  helmChart,
  kustomization,
  kustomizeEnv,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startCountingServer,
  startForges,
  stopForges,
  type Tree,
} from './harness.js';

let forges: Forges;
let server: CountingServer;
beforeAll(async () => {
  forges = await startForges();
  // What the remotes would serve, so that a fetch that got through would succeed.
  server = await startCountingServer({
    '/p.yaml': configMap('remote-patch-app', { PATCHED: 'yes' }),
    '/values.yaml': 'greeting: from the network\n',
    '/settings.txt': 'from the network\n',
    '/s.json': '{"type": "object"}',
  });
});
afterAll(async () => {
  await server.close();
  await stopForges(forges);
});

/** A gzipped tar archive of `files`, as `helm package` makes one. */
async function tgz(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack.pipe(createGzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface RemoteInput {
  renderer: 'kustomize' | 'helm';
  /** The head's files for envs/NAME. */
  head: (name: string, url: string) => Promise<Tree>;
  /** What the error must name. */
  names: (name: string, url: string) => string[];
}

const remoteInputs: Record<string, RemoteInput> = {
  'remote-patch': {
    renderer: 'kustomize',
    head: async (name, url) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({
        resources: ['app.yaml'],
        patches: [{ path: `${url}/p.yaml` }],
      }),
    }),
    names: (_, url) => [`${url}/p.yaml`],
  },
  'remote-values-file': {
    renderer: 'kustomize',
    head: async (name, url) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({
        helmCharts: [{ name: 'web', releaseName: 'r', valuesFile: `${url}/values.yaml` }],
      }),
      ...helmChart(`envs/${name}/charts/web`, { 'web.yaml': greetingTemplate('{{ .Values.greeting }}') }),
    }),
    names: (_, url) => [`${url}/values.yaml`],
  },
  'remote-generator-file': {
    renderer: 'kustomize',
    head: async (name, url) => ({
      [`envs/${name}/kustomization.yaml`]: kustomization({
        configMapGenerator: [{ name: 'settings', namespace: 'app', files: [`${url}/settings.txt`] }],
      }),
    }),
    names: (_, url) => [`${url}/settings.txt`],
  },
  'archive-schema': {
    // helm validates values against every subchart's schema, archives included.
    renderer: 'helm',
    head: async (name, url) => ({
      [`envs/${name}/charts/sub-0.1.0.tgz`]: await tgz({
        'sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
        'sub/values.schema.json': JSON.stringify({ $ref: `${url}/s.json` }),
      }),
    }),
    names: (name) => [`envs/${name}/charts/sub-0.1.0.tgz`],
  },
};

/** The base's environment `name`: a kustomization or a chart, greeting hello. */
function baseEnvironment(name: string, renderer: RemoteInput['renderer']): Tree {
  return renderer === 'helm'
    ? helmChart(`envs/${name}`, { 'web.yaml': greetingTemplate('hello') })
    : kustomizeEnv(name, 'hello');
}

describe('class 13: URLs in place of files, and a schema reference in a subchart archive', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const names = Object.keys(remoteInputs);

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    const heads = await Promise.all(
      Object.entries(remoteInputs).map(([name, input]) => input.head(name, server.url)),
    );
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          [
            { name: 'dev', path: 'envs/dev', renderer: 'kustomize' },
            ...Object.entries(remoteInputs).map(([name, { renderer }]) => ({
              name,
              path: `envs/${name}`,
              renderer,
            })),
          ],
          { render: { allowHosts: ['github.com'] } },
        ),
        ...kustomizeEnv('dev', 'hello'),
        ...Object.assign(
          {},
          ...Object.entries(remoteInputs).map(([name, { renderer }]) => baseEnvironment(name, renderer)),
        ),
      },
      { ...kustomizeEnv('dev', 'hola'), ...Object.assign({}, ...heads) },
    );
    server.requests.length = 0;
    outcomes = await runEveryPath(repo, canaries, forges, 'remote inputs');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('sends no request to the server', () => {
    expect(server.requests).toEqual([]);
  });

  it('leaks no canary, on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries);
  });

  it('fails each environment, naming the URL or the archive, and still reports dev', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: names,
        healthy: { dev: 'GREETING: hola' },
        errorNames: Object.fromEntries(
          Object.entries(remoteInputs).map(([name, input]) => [name, input.names(name, server.url)]),
        ),
      });
    }
  });
});
