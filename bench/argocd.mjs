// Benchmarks plumbline on an Argo CD repository, in one run: an ApplicationSet whose git
// directories generator makes one Application per folder of apps/ (200 by default, each a
// kustomization), and 20 Applications (default) of charts from a Helm repository (4
// charts), with their values in the Application; no plumbline.yaml.
//
// - full: `plumbline plan --offline --all`, every Application rendered at the base and
//   the head;
// - one app: a change to one folder's Deployment, planned with the selection of affected
//   Applications;
// - the peer: a shell loop doing the same renders by hand, `kustomize build` of each folder
//   and `helm template` of each chart archive with its values, on each side (the charts
//   already downloaded, so the loop does no network), for all Applications and the one.
//
// - single: the same one-app change planned in a repository holding only that folder (and
//   the ApplicationSet), the cost of one app's render by plumbline itself.
//
// Targets: the one-app plan costs about one app's render: ≤ 2× single (and reported over
// full and over the peer's one app, whose two kustomize builds take milliseconds); the
// full plan against the peer's loop. Medians of --runs. The chart repository is the real
// nginx of scripts/chart-servers.sh.
//
//   npm run bench:argocd [-- --folders 200 --charts 20 --runs 3 --keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { holdChartServers, median, offlinePlan, seconds, tool, write } from './support.mjs';

const { values } = parseArgs({
  options: {
    folders: { type: 'string', default: '200' },
    charts: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const folderCount = Number(values.folders);
const chartAppCount = Number(values.charts);
const runs = Number(values.runs);
const CHARTS = 4;
/** The one-app plan may cost this many times the plan of a repository holding only that app. */
const ONE_APP_TARGET = 2;
const REPOSITORY = 'https://git.example.invalid/platform/gitops.git';

const helm = tool('helm');
const kustomize = tool('kustomize');
const { servers, release } = holdChartServers('benchargocd');
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-bench-argocd-'));

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
          image: registry.example/app:1.0
`;

const deployment = (name, replicas) =>
  stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: `registry.example/${name}:1.0` }] },
      },
    },
  });

try {
  // Four charts in one Helm repository.
  const folder = `bench-argocd-${Date.now().toString(36)}`;
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
      'values.yaml': stringify({ replicas: 1, greeting: 'hello' }),
      'templates/all.yaml': TEMPLATES,
    });
    execFileSync(helm, ['package', source, '--destination', repoFolder], { env: helmEnv });
  }
  execFileSync(helm, ['repo', 'index', repoFolder, '--url', repoUrl], { env: helmEnv });

  // The repository, laid out as Argo CD's examples are.
  const folders = Array.from({ length: folderCount }, (_, i) => `app-${String(i).padStart(3, '0')}`);
  const chartApps = Array.from({ length: chartAppCount }, (_, i) => `helm-${String(i).padStart(2, '0')}`);
  const files = {
    'argocd/apps.yaml': stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'apps', namespace: 'argocd' },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [{ git: { repoURL: REPOSITORY, revision: 'HEAD', directories: [{ path: 'apps/*' }] } }],
        template: {
          metadata: { name: '{{.path.basename}}' },
          spec: {
            project: 'default',
            source: { repoURL: REPOSITORY, targetRevision: 'HEAD', path: '{{.path.path}}' },
            destination: { server: 'https://kubernetes.default.svc', namespace: '{{.path.basename}}' },
          },
        },
      },
    }),
  };
  for (const name of folders) {
    files[`apps/${name}/kustomization.yaml`] = 'resources: [deployment.yaml]\n';
    files[`apps/${name}/deployment.yaml`] = deployment(name, 2);
  }
  chartApps.forEach((name, i) => {
    files[`argocd/charts/${name}.yaml`] = stringify({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source: {
          repoURL: repoUrl,
          chart: charts[i % CHARTS],
          targetRevision: '1.x',
          helm: { valuesObject: { greeting: `hello from ${name}`, replicas: 1 + (i % 3) } },
        },
        destination: { server: 'https://kubernetes.default.svc', namespace: name },
      },
    });
  });
  const changed = folders[Math.floor(folderCount / 2)];
  /** The files on main, the change (one folder's Deployment scales) on the branch one-app. */
  const repository = (name, content) => {
    const dir = join(scratch, name);
    write(dir, content);
    const git = (...args) =>
      execFileSync('git', ['-C', dir, '-c', 'user.name=b', '-c', 'user.email=b@plumbline.invalid', ...args]);
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', REPOSITORY);
    git('add', '-A');
    git('commit', '-qm', 'apps');
    git('checkout', '-qb', 'one-app');
    writeFileSync(join(dir, 'apps', changed, 'deployment.yaml'), deployment(changed, 3));
    git('commit', '-qam', 'one app scales');
    return { dir, git };
  };
  const { dir: repo, git } = repository('repo', files);
  const { dir: single } = repository(
    'single',
    Object.fromEntries(
      Object.entries(files).filter(
        ([path]) => path === 'argocd/apps.yaml' || path.startsWith(`apps/${changed}/`),
      ),
    ),
  );

  const chartCache = join(scratch, 'chart-cache');
  const plan = (extra = [], dir = repo) =>
    offlinePlan(dir, {
      extra,
      env: { PLUMBLINE_HELM: helm, PLUMBLINE_KUSTOMIZE: kustomize, PLUMBLINE_CHART_CACHE: chartCache },
    });

  // The peer: the same renders by hand, on each side (a worktree of main for the base).
  const base = join(scratch, 'base');
  git('worktree', 'add', '-q', '--detach', base, 'main');
  const valuesFolder = join(scratch, 'values');
  mkdirSync(valuesFolder);
  chartApps.forEach((name, i) => {
    writeFileSync(
      join(valuesFolder, `${name}.yaml`),
      stringify({ greeting: `hello from ${name}`, replicas: 1 + (i % 3) }),
    );
  });
  const kustomizeRenders = (side, names) =>
    names.map((name) => `"$KUSTOMIZE" build ${join(side, 'apps', name)} >/dev/null`).join('\n');
  const helmRenders = (names) =>
    names
      .map(
        (name, i) =>
          `"$HELM" template ${name} ${join(repoFolder, `${charts[i % CHARTS]}-1.0.0.tgz`)} --namespace ${name} --include-crds --values ${join(valuesFolder, `${name}.yaml`)} >/dev/null`,
      )
      .join('\n');
  const loop = (name, kustomized, charted) => {
    const script = join(scratch, `${name}.sh`);
    const side = (folder) => `${kustomizeRenders(folder, kustomized)}\n${helmRenders(charted)}`;
    writeFileSync(script, `set -e\n${side(base)}\n${side(repo)}\n`);
    return () => execFileSync('bash', [script], { env: { ...helmEnv, HELM: helm, KUSTOMIZE: kustomize } });
  };
  const peerAll = loop('all', folders, chartApps);
  const peerOne = loop('one', [changed], []);

  plan(['--all']); // fills the chart cache: every run below is warm.
  const times = { full: [], oneApp: [], single: [], peerAll: [], peerOne: [] };
  let full;
  let oneApp;
  for (let run = 0; run < runs; run++) {
    full = plan(['--all']);
    times.full.push(full.seconds);
    oneApp = plan();
    times.oneApp.push(oneApp.seconds);
    times.single.push(plan([], single).seconds);
    times.peerAll.push(seconds(peerAll));
    times.peerOne.push(seconds(peerOne));
  }
  const result = {
    applications: full.planned,
    runs,
    fullSeconds: median(times.full),
    peerAllSeconds: median(times.peerAll),
    oneAppSeconds: median(times.oneApp),
    oneAppPlanned: oneApp.planned,
    oneAppChanged: oneApp.changed,
    peerOneAppSeconds: median(times.peerOne),
    singleSeconds: median(times.single),
  };
  result.oneAppOverSingle = Number((result.oneAppSeconds / result.singleSeconds).toFixed(2));
  result.fullOverPeer = Number((result.fullSeconds / result.peerAllSeconds).toFixed(2));
  result.oneAppOverFull = Number((result.oneAppSeconds / result.fullSeconds).toFixed(3));
  result.oneAppOverPeerOneApp = Number((result.oneAppSeconds / result.peerOneAppSeconds).toFixed(1));
  console.log(JSON.stringify(result, null, 2));
  if (oneApp.planned !== 1) {
    console.error(
      `the one-app change planned ${oneApp.planned} Applications; it must plan the one it touches`,
    );
    process.exitCode = 1;
  }
  if (result.oneAppOverSingle > ONE_APP_TARGET) {
    console.error(
      `the one-app plan took ${result.oneAppOverSingle}× the plan of a repository holding only that app; the target is ≤ ${ONE_APP_TARGET}×`,
    );
    process.exitCode = 1;
  }
} finally {
  release();
  if (values.keep) console.error(`bench:argocd: kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
