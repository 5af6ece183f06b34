// Benchmarks plumbline on charts from a Helm repository, in one run:
//
// - 50 environments (default) using one remote chart at 3 versions, each with its own
//   values file, rendered by `plumbline plan --reader` (the head only, no cluster):
//   cold (an empty chart cache) and warm (the cache the cold run filled). Requests are
//   counted from the chart server's own access log: warm must make none.
// - The peer: `helm template` run once per environment by a shell loop on the same chart
//   archives (already downloaded, so the loop does no network at all) with the same
//   values files. Reported as plumbline warm / helm loop.
//
// The chart repository is the real nginx of scripts/chart-servers.sh. Medians of --runs.
//
//   npm run bench:charts [-- --envs 50 --runs 3 --helm /path/to/helm]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    envs: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    helm: { type: 'string' },
  },
});
const envCount = Number(values.envs);
const runs = Number(values.runs);
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0'];
/** A small real chart: a ConfigMap, a Deployment and a Service per environment. */
const TEMPLATES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-settings
data:
  greeting: {{ .Values.greeting | quote }}
  chart: {{ .Chart.Version | quote }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: { app: {{ .Release.Name }} }
  template:
    metadata:
      labels: { app: {{ .Release.Name }} }
    spec:
      containers:
        - name: web
          image: {{ .Values.image }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-web
spec:
  selector: { app: {{ .Release.Name }} }
  ports: [{ port: 80 }]
`;

const cache = process.env.PLUMBLINE_CACHE || join(process.env.HOME, '.cache', 'plumbline');
const versionsEnv = readFileSync(join(root, 'scripts/versions.env'), 'utf8');
const helm = values.helm ?? join(cache, 'bin', `helm-${/^HELM_VERSION=(\S+)/m.exec(versionsEnv)[1]}`);

const hold = `${process.pid}-bench`;
const serversEnv = execFileSync('bash', [join(root, 'scripts/chart-servers.sh'), 'up', '--hold', hold], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const servers = Object.fromEntries(
  [...serversEnv.matchAll(/^export (\w+)=['"]?([^'"\n]*)/gm)].map((m) => [m[1], m[2]]),
);
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-bench-charts-'));

try {
  const chartName = `bench-${Date.now().toString(36)}`;
  const repoFolder = join(servers.PLUMBLINE_CHARTS_PUBLIC_DIR, chartName);
  const repoUrl = `${servers.PLUMBLINE_CHARTS_HTTP_URL}/public/${chartName}`;
  mkdirSync(repoFolder, { recursive: true });
  const helmEnv = {
    PATH: process.env.PATH,
    HOME: scratch,
    HELM_CONFIG_HOME: join(scratch, 'h', 'c'),
    HELM_CACHE_HOME: join(scratch, 'h', 'k'),
    HELM_DATA_HOME: join(scratch, 'h', 'd'),
  };
  const archives = {};
  for (const version of VERSIONS) {
    const folder = join(scratch, 'src', version, chartName);
    mkdirSync(join(folder, 'templates'), { recursive: true });
    writeFileSync(join(folder, 'Chart.yaml'), stringify({ apiVersion: 'v2', name: chartName, version }));
    writeFileSync(
      join(folder, 'values.yaml'),
      stringify({ replicas: 1, image: 'registry.example/web:1.0', greeting: 'hello' }),
    );
    writeFileSync(join(folder, 'templates', 'all.yaml'), TEMPLATES);
    execFileSync(helm, ['package', folder, '--destination', repoFolder], { env: helmEnv });
    archives[version] = join(repoFolder, `${chartName}-${version}.tgz`);
  }
  execFileSync(helm, ['repo', 'index', repoFolder, '--url', repoUrl], { env: helmEnv });

  // The repository: 50 environments, each with its values file, 3 chart versions among them.
  const repo = join(scratch, 'repo');
  const environments = [];
  for (let i = 0; i < envCount; i++) {
    const name = `env-${String(i).padStart(3, '0')}`;
    mkdirSync(join(repo, 'envs', name), { recursive: true });
    writeFileSync(
      join(repo, 'envs', name, 'values.yaml'),
      stringify({ replicas: 1 + (i % 4), greeting: `hello ${name}` }),
    );
    environments.push({
      name,
      path: `envs/${name}`,
      namespace: name,
      helm: {
        chart: { repository: repoUrl, name: chartName, version: VERSIONS[i % VERSIONS.length] },
        valuesFiles: ['values.yaml'],
      },
    });
  }
  writeFileSync(join(repo, 'plumbline.yaml'), stringify({ environments }));
  const git = (...args) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=b', '-c', 'user.email=b@plumbline.invalid', ...args]);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'bench');

  const accessLog = servers.PLUMBLINE_CHARTS_ACCESS_LOG;
  const requestsSince = (offset) =>
    readFileSync(accessLog, 'utf8')
      .slice(offset)
      .split('\n')
      .filter((line) => line.includes(`/${chartName}/`)).length;
  const logSize = () => statSync(accessLog).size;

  const plumbline = (chartCache) => {
    const offset = logSize();
    const start = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'plan',
        '--reader',
        '--repo',
        repo,
        '--chart-cache',
        chartCache,
        '--format',
        'json',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PLUMBLINE_HELM: helm },
        maxBuffer: 1 << 28,
      },
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const report = JSON.parse(run.stdout);
    const failed = report.environments.filter((env) => env.status === 'failed');
    if (failed.length > 0) throw new Error(`plumbline failed: ${failed[0].error}`);
    // Let nginx write its last lines.
    spawnSync('sleep', ['0.2']);
    return { seconds, requests: requestsSince(offset) };
  };

  // The peer: one `helm template` per environment, from the same archives, in a shell loop.
  const loop = environments
    .map(
      (env, i) =>
        `"$HELM" template ${env.name} ${archives[VERSIONS[i % VERSIONS.length]]} --namespace ${env.name} --values ${join(repo, env.path, 'values.yaml')} >/dev/null`,
    )
    .join('\n');
  writeFileSync(join(scratch, 'loop.sh'), `set -e\n${loop}\n`);
  const helmLoop = () => {
    const start = process.hrtime.bigint();
    execFileSync('bash', [join(scratch, 'loop.sh')], { env: { ...helmEnv, HELM: helm } });
    return Number(process.hrtime.bigint() - start) / 1e9;
  };

  const cold = [];
  const warm = [];
  const peer = [];
  for (let run = 0; run < runs; run++) {
    const chartCache = mkdtempSync(join(scratch, 'cache-'));
    cold.push(plumbline(chartCache));
    warm.push(plumbline(chartCache));
    peer.push(helmLoop());
  }
  const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
  const result = {
    environments: envCount,
    chartVersions: VERSIONS.length,
    helm: execFileSync(helm, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).trim(),
    runs,
    coldSeconds: median(cold.map((r) => r.seconds)),
    coldRequests: median(cold.map((r) => r.requests)),
    warmSeconds: median(warm.map((r) => r.seconds)),
    warmRequests: Math.max(...warm.map((r) => r.requests)),
    helmLoopSeconds: median(peer),
  };
  result.warmOverHelmLoop = Number((result.warmSeconds / result.helmLoopSeconds).toFixed(2));
  result.coldOverWarm = Number((result.coldSeconds / result.warmSeconds).toFixed(2));
  console.log(JSON.stringify(result, null, 2));
  if (result.warmRequests !== 0) {
    console.error(`a warm run made ${result.warmRequests} requests; it must make none`);
    process.exitCode = 1;
  }
} finally {
  execFileSync('bash', [join(root, 'scripts/chart-servers.sh'), 'release', hold], { stdio: 'ignore' });
  rmSync(scratch, { recursive: true, force: true });
}
