// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
/**
 * Class 16: a Flux repository (no plumbline.yaml: its environments are its clusters' Flux
 * Kustomizations, docs/flux.md) whose pull request turns what Flux reads against the
 * runner. The trusted base applies, in cluster `prod`, a plain app, four folders, a
 * HelmRelease whose chart comes from a trusted Helm repository (a local counting server the
 * base's HelmRepository names, so its host is trusted with no render.allowHosts), and a
 * folder whose postBuild substitutes the variables of a Secret `cluster-secrets` the
 * repository holds. The hostile head:
 *
 * (a) points Kustomizations' spec.path at `../../..`, at `/etc` (Flux joins an absolute
 *     path to the source's root), and at folders it turned into links to /etc and to a
 *     folder outside the repository holding a canary;
 * (b) adds a HelmRepository on a host the base never named (an "evil" counting server that
 *     would serve the same chart) and points the HelmRelease at it;
 * (c) prints the Secret's values into a ConfigMap through `${api_token}`, `${db_password}`
 *     and a substring of one.
 *
 * Each of (a) and (b) fails only its environment, naming why; the evil server gets no
 * request; (c) renders, its variables substituted by masked tokens (Secrets are masked
 * where the repository is read): no Secret value, plain or base64, reaches any output.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { docs, fluxBootstrap, fluxHelmRepository, fluxKustomization } from '../support/flux-repository.js';
import {
  type Canaries,
  type CountingServer,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  link,
  type Outcome,
  plantCanaries,
  runEveryPath,
  startCountingServer,
  startForges,
  stopForges,
  type Tree,
  webChart,
  webChartRepositoryFiles,
} from './harness.js';

let forges: Forges;
let trusted: CountingServer;
let evil: CountingServer;
beforeAll(async () => {
  forges = await startForges();
  const archive = await webChart();
  // Files are looked up per request: the index needs the server's address first.
  const trustedFiles: Record<string, string | Buffer> = {};
  const evilFiles: Record<string, string | Buffer> = {};
  trusted = await startCountingServer(trustedFiles);
  evil = await startCountingServer(evilFiles);
  Object.assign(trustedFiles, webChartRepositoryFiles(trusted.url, archive));
  // The canary host would serve the chart: only the host rule keeps plumbline away.
  Object.assign(evilFiles, webChartRepositoryFiles(evil.url, archive));
});
afterAll(async () => {
  await Promise.all([trusted.close(), evil.close()]);
  await stopForges(forges);
});

const env = (name: string) => `prod/flux-system/${name}`;
const hostOf = (server: CountingServer) => new URL(server.url).host;

/** A folder holding one ConfigMap, `name`, with these values. */
const folder = (path: string, name: string, data: Record<string, string>): Tree => ({
  [`${path}/app.yaml`]: configMap(name, data),
});

const release = (source: string) =>
  stringify({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'web', namespace: 'app' },
    spec: {
      interval: '10m',
      chart: {
        spec: { chart: 'web', version: '1.0.0', sourceRef: { kind: 'HelmRepository', name: source } },
      },
      values: { greeting: 'from the release' },
    },
  });

describe('class 16: a Flux repository whose head reaches out of the repository, to another chart host, and for a Secret', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  // The Secret's values: one as stringData, one base64-encoded in data.
  const apiToken = `canary-flux-token-${Date.now().toString(36)}`;
  const dbPassword = `canary-flux-password-${Date.now().toString(36)}`;
  const secretValues = {
    apiToken,
    'apiToken (base64)': Buffer.from(apiToken).toString('base64'),
    dbPassword,
    'dbPassword (base64)': Buffer.from(dbPassword).toString('base64'),
  };
  const escapes = ['dotdot', 'absolute', 'link-etc', 'link-outside'];

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    const kustomizations = (paths: Record<string, string>) =>
      docs(...Object.entries(paths).map(([name, path]) => fluxKustomization(name, path)));
    repo = new HostileRepo(
      {
        ...fluxBootstrap('prod'),
        'clusters/prod/apps.yaml': fluxKustomization('apps', './apps'),
        ...folder('apps', 'apps', { GREETING: 'hello' }),
        'clusters/prod/escapes.yaml': kustomizations(
          Object.fromEntries(escapes.map((name) => [name, `./escapes/${name}`])),
        ),
        ...Object.assign({}, ...escapes.map((name) => folder(`escapes/${name}`, name, { A: 'b' }))),
        'clusters/prod/charts.yaml': fluxKustomization('charts', './charts'),
        'charts/repository.yaml': fluxHelmRepository('trusted', `${trusted.url}/charts`, 'app'),
        'charts/release.yaml': release('trusted'),
        'clusters/prod/cluster-secrets.yaml': stringify({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'cluster-secrets', namespace: 'flux-system' },
          stringData: { api_token: apiToken },
          data: { db_password: Buffer.from(dbPassword).toString('base64') },
        }),
        'clusters/prod/secrets.yaml': fluxKustomization('secrets', './secrets', {
          postBuild: { substituteFrom: [{ kind: 'Secret', name: 'cluster-secrets' }] },
        }),
        ...folder('secrets', 'settings', { MODE: 'quiet' }),
      },
      {
        ...folder('apps', 'apps', { GREETING: 'hola' }),
        // (a) spec.path out of the repository, and folders turned into links out of it.
        'clusters/prod/escapes.yaml': kustomizations({
          dotdot: '../../..',
          absolute: '/etc',
          'link-etc': './escapes/link-etc',
          'link-outside': './escapes/link-outside',
        }),
        'escapes/link-etc': link('/etc'),
        'escapes/link-outside': link(canaries.outsideFolder),
        // (b) a chart source on a host the base never named.
        'charts/mirror.yaml': fluxHelmRepository('mirror', `${evil.url}/charts`, 'app'),
        'charts/release.yaml': release('mirror'),
        // (c) the Secret's values printed into a ConfigMap.
        ...folder('secrets', 'settings', {
          MODE: 'loud',
          TOKEN: '${api_token}',
          PASSWORD: '${db_password}',
          PREFIX: '${api_token:0:16}',
        }),
      },
    );
    for (const server of [trusted, evil]) server.requests.length = 0;
    // A cache of this run's own: the trusted chart is fetched (or found where another path put it).
    const chartCache = mkdtempSync(join(tmpdir(), 'plumbline-chart-cache-'));
    outcomes = await runEveryPath(repo, canaries, forges, 'flux', {
      env: { PLUMBLINE_CHART_CACHE: chartCache },
    });
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('sends nothing to the host only the head names, and fetches from the one the base names', () => {
    expect(evil.requests).toEqual([]);
    expect(trusted.requests.length).toBeGreaterThan(0);
  });

  it('leaks no canary, no Secret value and nothing of /etc, on every path', () => {
    for (const outcome of outcomes) {
      expectNothingLeaked(outcome, canaries, { ...secretValues, '/etc/passwd': 'root:x:0:0' });
    }
  });

  it('fails each escape and the chart from the new host alone, naming why, and still reports the app', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: [...escapes, 'charts'].map(env),
        healthy: { [env('apps')]: 'GREETING: hola' },
        errorNames: {
          [env('dotdot')]: ['clusters/prod/escapes.yaml:1', 'spec.path leads outside the repository'],
          // Flux joins an absolute path to the source's root: etc of the repository, not /etc.
          [env('absolute')]: ['clusters/prod/escapes.yaml:14', 'etc: no such folder in the repository'],
          [env('link-etc')]: ['escapes/link-etc leads outside the repository through a symbolic link'],
          [env('link-outside')]: [
            'escapes/link-outside leads outside the repository through a symbolic link',
          ],
          [env('charts')]: [
            'charts/release.yaml:1',
            `comes from ${hostOf(evil)}, which the configuration does not allow`,
            'render.allowHosts',
          ],
        },
      });
    }
  });

  it('substitutes masked tokens for the Secret, and says so', () => {
    for (const outcome of outcomes) {
      expect(outcome.markdown, outcome.path).toContain('MODE: loud');
      // A masked token is shown as masked; a substring of one reveals only its prefix.
      expect(outcome.markdown, outcome.path).toContain('+  TOKEN: *** (masked)');
      expect(outcome.markdown, outcome.path).toContain('+  PASSWORD: *** (masked)');
      expect(outcome.markdown, outcome.path).toContain('+  PREFIX: plumbline-masked\n');
      if (!outcome.report) continue;
      const secrets = outcome.report.environments.find((candidate) => candidate.name === env('secrets'));
      expect(secrets?.status, outcome.path).toBe('compared');
    }
  });
});
