// Benchmarks plumbline on a Flux repository, in one run: 3 clusters (default) × 40 apps
// (default), each app a Flux Kustomization whose HelmRelease takes one of 5 charts from a
// HelmRepository, with values patched per cluster; no plumbline.yaml.
//
// - full: `plumbline plan --offline --all`, every environment rendered at the base and the
//   head (126 Kustomizations, 120 HelmReleases on each side);
// - one app: a change to one app's values in one cluster, planned with the selection of
//   affected environments;
// - the peer: a shell loop doing the same renders by hand, `kustomize build` of each app's
//   folder and `helm template` of its chart with its values, on each side (the charts
//   already downloaded, so the loop does no network), for all apps and for the one app.
//
// Targets: the one-app plan costs about one app's render (reported as one app over the
// peer's one app, and as one app over full); the full plan against the peer's loop.
// Medians of --runs. The chart repository is the real nginx of scripts/chart-servers.sh.
//
//   npm run bench:flux [-- --clusters 3 --apps 40 --runs 3 --keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { holdChartServers, median, offlinePlan, seconds, tool, write } from './support.mjs';

const { values } = parseArgs({
  options: {
    clusters: { type: 'string', default: '3' },
    apps: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    // Keep the generated repository (printed) to look into a run.
    keep: { type: 'boolean', default: false },
  },
});
const clusterCount = Number(values.clusters);
const appCount = Number(values.apps);
const runs = Number(values.runs);
const CHARTS = 5;
/** The one-app plan may cost this many times the peer's render of that one app. */
const ONE_APP_TARGET = 10;

const TEMPLATES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
data:
  greeting: {{ .Values.greeting | quote }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: { app: {{ .Release.Name }} }
  template:
    metadata:
      labels: { app: {{ .Release.Name }} }
    spec:
      containers:
        - name: app
          image: {{ .Values.image }}
`;

const helm = tool('helm');
const kustomize = tool('kustomize');
const { servers, release } = holdChartServers('benchflux');
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-bench-flux-'));

try {
  // Five charts in one Helm repository.
  const folder = `bench-flux-${Date.now().toString(36)}`;
  const repoFolder = join(servers.PLUMBLINE_CHARTS_PUBLIC_DIR, folder);
  const repoUrl = `${servers.PLUMBLINE_CHARTS_HTTP_URL}/public/${folder}`;
  mkdirSync(repoFolder, { recursive: true });
  const helmEnv = {
    PATH: process.env.PATH,
    HOME: scratch,
    HELM_CONFIG_HOME: join(scratch, 'h', 'c'),
    HELM_CACHE_HOME: join(scratch, 'h', 'k'),
    HELM_DATA_HOME: join(scratch, 'h', 'd'),
  };
  const charts = Array.from({ length: CHARTS }, (_, i) => `chart-${i}`);
  for (const chart of charts) {
    const source = join(scratch, 'src', chart);
    write(source, {
      'Chart.yaml': stringify({ apiVersion: 'v2', name: chart, version: '1.0.0' }),
      'values.yaml': stringify({ replicas: 1, image: 'registry.example/app:1.0', greeting: 'hello' }),
      'templates/all.yaml': TEMPLATES,
    });
    execFileSync(helm, ['package', source, '--destination', repoFolder], { env: helmEnv });
  }
  execFileSync(helm, ['repo', 'index', repoFolder, '--url', repoUrl], { env: helmEnv });

  // The repository, laid out as the Flux examples are.
  const clusters = Array.from({ length: clusterCount }, (_, i) => `cluster-${i}`);
  const apps = Array.from({ length: appCount }, (_, i) => `app-${String(i).padStart(2, '0')}`);
  const fluxKustomization = (name, path) =>
    stringify({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name, namespace: 'flux-system' },
      spec: { interval: '10m', path, prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
    });
  const files = {
    'infrastructure/sources/kustomization.yaml': 'resources: [repository.yaml]\n',
    'infrastructure/sources/repository.yaml': stringify({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'charts', namespace: 'flux-system' },
      spec: { interval: '1h', url: repoUrl },
    }),
  };
  apps.forEach((app, i) => {
    files[`apps/base/${app}/kustomization.yaml`] = 'resources: [release.yaml]\n';
    files[`apps/base/${app}/release.yaml`] = stringify({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: app, namespace: 'flux-system' },
      spec: {
        interval: '10m',
        targetNamespace: app,
        chart: {
          spec: {
            chart: charts[i % CHARTS],
            version: '1.x',
            sourceRef: { kind: 'HelmRepository', name: 'charts' },
          },
        },
        values: { greeting: `hello from ${app}` },
      },
    });
  });
  for (const cluster of clusters) {
    files[`clusters/${cluster}/flux-system/kustomization.yaml`] = 'resources: [gotk-sync.yaml]\n';
    files[`clusters/${cluster}/flux-system/gotk-sync.yaml`] = [
      stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'flux-system', namespace: 'flux-system' },
        spec: { interval: '1m', url: 'https://git.example.invalid/fleet', ref: { branch: 'main' } },
      }),
      fluxKustomization('flux-system', `./clusters/${cluster}`),
    ].join('---\n');
    files[`clusters/${cluster}/sources.yaml`] = fluxKustomization('sources', './infrastructure/sources');
    files[`clusters/${cluster}/apps.yaml`] = apps
      .map((app) => fluxKustomization(app, `./apps/${cluster}/${app}`))
      .join('---\n');
    apps.forEach((app, i) => {
      files[`apps/${cluster}/${app}/kustomization.yaml`] =
        `resources: [../../base/${app}]\npatches: [{ path: values.yaml }]\n`;
      files[`apps/${cluster}/${app}/values.yaml`] = stringify({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: { name: app, namespace: 'flux-system' },
        spec: { values: { replicas: 1 + (i % 3), greeting: `hello from ${app} in ${cluster}` } },
      });
    });
  }
  const repo = join(scratch, 'repo');
  write(repo, files);
  const git = (...args) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=b', '-c', 'user.email=b@plumbline.invalid', ...args]);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'fleet');
  git('checkout', '-qb', 'one-app');
  const [changedCluster, changedApp] = [clusters[clusters.length - 1], apps[Math.floor(appCount / 2)]];
  const changedValues = `apps/${changedCluster}/${changedApp}/values.yaml`;
  writeFileSync(join(repo, changedValues), files[changedValues].replace('replicas: ', 'replicas: 1'));
  git('commit', '-qam', 'one app scales');

  const chartCache = join(scratch, 'chart-cache');
  const plan = (extra = []) =>
    offlinePlan(repo, {
      extra,
      env: { PLUMBLINE_HELM: helm, PLUMBLINE_KUSTOMIZE: kustomize, PLUMBLINE_CHART_CACHE: chartCache },
    });

  // The peer: the same renders by hand, on each side (a worktree of main for the base).
  const base = join(scratch, 'base');
  git('worktree', 'add', '-q', '--detach', base, 'main');
  const archive = (chart) => join(repoFolder, `${chart}-1.0.0.tgz`);
  const rendersOf = (side, pairs) =>
    pairs
      .map(([cluster, app, i]) =>
        [
          `"$KUSTOMIZE" build ${join(side, 'apps', cluster, app)} > "$OUT/release.yaml"`,
          `"$HELM" template ${app} ${archive(charts[i % CHARTS])} --namespace ${app} --values ${join(side, 'apps', cluster, app, 'values.yaml')} >/dev/null`,
        ].join('\n'),
      )
      .join('\n');
  const every = clusters.flatMap((cluster) => apps.map((app, i) => [cluster, app, i]));
  const one = [[changedCluster, changedApp, Math.floor(appCount / 2)]];
  const loop = (name, pairs) => {
    const script = join(scratch, `${name}.sh`);
    writeFileSync(script, `set -e\n${rendersOf(base, pairs)}\n${rendersOf(repo, pairs)}\n`);
    return () =>
      execFileSync('bash', [script], { env: { ...helmEnv, HELM: helm, KUSTOMIZE: kustomize, OUT: scratch } });
  };
  const peerAll = loop('all', every);
  const peerOne = loop('one', one);

  plan(['--all']); // fills the chart cache: every run below is warm.
  const times = { full: [], oneApp: [], peerAll: [], peerOne: [] };
  let full;
  let oneApp;
  for (let run = 0; run < runs; run++) {
    full = plan(['--all']);
    times.full.push(full.seconds);
    oneApp = plan();
    times.oneApp.push(oneApp.seconds);
    times.peerAll.push(seconds(peerAll));
    times.peerOne.push(seconds(peerOne));
  }
  const result = {
    clusters: clusterCount,
    appsPerCluster: appCount,
    environments: full.planned,
    runs,
    fullSeconds: median(times.full),
    peerAllSeconds: median(times.peerAll),
    oneAppSeconds: median(times.oneApp),
    oneAppPlanned: oneApp.planned,
    oneAppChanged: oneApp.changed,
    peerOneAppSeconds: median(times.peerOne),
  };
  result.fullOverPeer = Number((result.fullSeconds / result.peerAllSeconds).toFixed(2));
  result.oneAppOverFull = Number((result.oneAppSeconds / result.fullSeconds).toFixed(3));
  result.oneAppOverPeerOneApp = Number((result.oneAppSeconds / result.peerOneAppSeconds).toFixed(1));
  console.log(JSON.stringify(result, null, 2));
  if (oneApp.planned !== 1) {
    console.error(
      `the one-app change planned ${oneApp.planned} environments; it must plan the one it touches`,
    );
    process.exitCode = 1;
  }
  if (result.oneAppOverPeerOneApp > ONE_APP_TARGET) {
    console.error(
      `the one-app plan took ${result.oneAppOverPeerOneApp}× the peer's render of that app; the target is ≤ ${ONE_APP_TARGET}×`,
    );
    process.exitCode = 1;
  }
} finally {
  release();
  if (values.keep) console.error(`bench:flux: kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
