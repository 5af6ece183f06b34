// Benchmarks `plumbline plan --live` against `kubectl diff --server-side` on the same
// rendered manifests and the same local control plane, in the same run.
//
// For each size (default 200 and 2,000 objects per environment, 3 environments): apply the
// objects with server-side apply, change 5% of them in the manifests, then run both tools.
// Reports wall time, peak RSS (GNU time) and API requests (the apiserver's own
// apiserver_request_total, read before and after each run, so both tools are counted the
// same way), and asserts both report the same set of changed objects.
// Also: an offline plan of 10,000 objects, peak RSS against a 512 MB budget, and the
// start-up of the bundle against kubectl's.
//
//   npm run bench [-- --sizes 200,2000 --envs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '200,2000' }, envs: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',').map(Number);
const envCount = Number(values.envs);
const CHANGED_FRACTION = 0.05;
const TARGET_SPEEDUP = 5;
// Namespaces never finish terminating without a controller-manager: each run uses new ones.
const RUN = Date.now().toString(36);
const OFFLINE_OBJECTS = 10_000;
const OFFLINE_BUDGET_MB = 512;

const clusterEnv = execFileSync('bash', [join(root, 'scripts/cluster.sh'), 'env'], { encoding: 'utf8' });
const kubeconfig = /KUBECONFIG=['"]?([^'"\n]+)/.exec(clusterEnv)?.[1];
if (!kubeconfig)
  throw new Error(
    `no KUBECONFIG from scripts/cluster.sh env (is the cluster up? npm run cluster:up): ${clusterEnv}`,
  );
const kubectl = (args, input) =>
  execFileSync('kubectl', ['--kubeconfig', kubeconfig, '--context', 'plumbline-admin', ...args], {
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
  });

/** Three kinds, so the LIST batching is exercised across kinds. */
function object(env, index, version) {
  const name = `obj-${String(index).padStart(5, '0')}`;
  const namespace = `bench-${RUN}-${env}`;
  const labels = { 'plumbline.dev/environment': `bench-${RUN}-${env}`, app: name };
  switch (index % 3) {
    case 0:
      return {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace, labels },
        data: { version: `v${version}`, payload: 'x'.repeat(200) },
      };
    case 1:
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace, labels },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: {
              containers: [
                { name: 'app', image: `registry.example/app:${version}`, ports: [{ containerPort: 8080 }] },
              ],
            },
          },
        },
      };
    default:
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace, labels: { ...labels, version: `v${version}` } },
        spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
      };
  }
}

// Real YAML: kubectl reads a stream that starts with `{` as JSON and stops at `---`.
const toYaml = (objects) => objects.map((o) => stringify(o)).join('---\n');

function apiRequests() {
  const metrics = kubectl(['get', '--raw', '/metrics']);
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith('apiserver_request_total{')) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** Runs a command under GNU time; returns wall seconds, peak RSS in MB, exit code, stdout. */
function measure(command, args, options = {}) {
  const before = options.countRequests ? apiRequests() : 0;
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...options,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The metrics read itself is one request; it is subtracted.
  const requests = options.countRequests ? apiRequests() - before - 1 : undefined;
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  return {
    seconds,
    rssMb: rssKb / 1024,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    requests,
  };
}

function changedByKubectl(stdout) {
  const changed = new Set();
  for (const match of stdout.matchAll(/^diff -u -N \S+\/([^/\s]+) \S+$/gm)) {
    // group.version.kind.namespace.name; the core group is an empty segment ("v1.ConfigMap...").
    const parts = match[1].split('.');
    const [kind, namespace, name] = parts.slice(-3);
    changed.add(`${kind}/${namespace}/${name}`);
  }
  return changed;
}

function changedByPlumbline(json) {
  const report = JSON.parse(json);
  const changed = new Set();
  for (const env of report.environments) {
    for (const change of env.objects ?? env.changes ?? []) {
      if (change.change === 'unchanged') continue;
      changed.add(
        `${change.kind ?? change.id.kind}/${change.namespace ?? change.id.namespace}/${change.name ?? change.id.name}`,
      );
    }
  }
  return changed;
}

const results = [];
for (const size of sizes) {
  const work = mkdtempSync(join(tmpdir(), `plumbline-bench-${size}-`));
  // The size is in the name: each size needs namespaces no earlier size has deleted.
  const envNames = Array.from({ length: envCount }, (_, i) => `s${size}-e${i + 1}`);
  const config = {
    environments: envNames.map((env) => ({
      name: `bench-${RUN}-${env}`,
      path: `envs/${env}`,
      renderer: 'plain',
      cluster: { context: 'plumbline-planner' },
    })),
    diff: { ownershipLabel: 'plumbline.dev/environment' },
  };
  writeFileSync(join(work, 'plumbline.yaml'), JSON.stringify(config));
  const files = [];
  let expected = 0;
  for (const env of envNames) {
    kubectl(
      ['apply', '--server-side', '--field-manager', 'bench-setup', '-f', '-'],
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: bench-${RUN}-${env}}\n`,
    );
    const applied = Array.from({ length: size }, (_, i) => object(env, i, 1));
    kubectl(
      ['apply', '--server-side', '--force-conflicts', '--field-manager', 'bench-setup', '-f', '-'],
      toYaml(applied),
    );
    const desired = applied.map((o, i) =>
      i % Math.round(1 / CHANGED_FRACTION) === 0 ? object(env, i, 2) : o,
    );
    expected += desired.filter((_, i) => i % Math.round(1 / CHANGED_FRACTION) === 0).length;
    mkdirSync(join(work, 'envs', env), { recursive: true });
    const file = join(work, 'envs', env, 'objects.yaml');
    writeFileSync(file, toYaml(desired));
    files.push(file);
  }

  const kubectlRun = measure(
    'kubectl',
    [
      '--kubeconfig',
      kubeconfig,
      '--context',
      'plumbline-planner',
      'diff',
      '--server-side',
      // Both tools force: the objects were applied by another field manager.
      '--force-conflicts',
      ...files.flatMap((f) => ['-f', f]),
    ],
    { countRequests: true },
  );
  if (kubectlRun.status !== 1)
    throw new Error(`kubectl diff exited ${kubectlRun.status}: ${kubectlRun.stderr}`);
  const plumblineRun = measure(
    process.execPath,
    [
      join(root, 'dist/cli.js'),
      'plan',
      '--live',
      '--repo',
      work,
      '--kubeconfig',
      kubeconfig,
      '--format',
      'json',
    ],
    { countRequests: true },
  );
  if (plumblineRun.status !== 2)
    throw new Error(`plumbline plan exited ${plumblineRun.status}: ${plumblineRun.stderr}`);

  const fromKubectl = changedByKubectl(kubectlRun.stdout);
  const fromPlumbline = changedByPlumbline(plumblineRun.stdout);
  const same =
    fromKubectl.size === fromPlumbline.size && [...fromKubectl].every((key) => fromPlumbline.has(key));
  results.push({
    objects: size * envCount,
    expected,
    kubectl: kubectlRun,
    plumbline: plumblineRun,
    same,
    fromKubectl,
    fromPlumbline,
  });
  for (const env of envNames) kubectl(['delete', 'namespace', `bench-${RUN}-${env}`, '--wait=false']);
  rmSync(work, { recursive: true, force: true });
}

// Offline: 10,000 objects, base and head, one environment.
const offline = mkdtempSync(join(tmpdir(), 'plumbline-bench-offline-'));
mkdirSync(join(offline, 'envs/big'), { recursive: true });
writeFileSync(
  join(offline, 'plumbline.yaml'),
  JSON.stringify({ environments: [{ name: 'big', path: 'envs/big', renderer: 'plain' }] }),
);
const git = (...args) =>
  execFileSync('git', [
    '-C',
    offline,
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@plumbline.invalid',
    ...args,
  ]);
writeFileSync(
  join(offline, 'envs/big/objects.yaml'),
  toYaml(Array.from({ length: OFFLINE_OBJECTS }, (_, i) => object('big', i, 1))),
);
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'base');
writeFileSync(
  join(offline, 'envs/big/objects.yaml'),
  toYaml(Array.from({ length: OFFLINE_OBJECTS }, (_, i) => object('big', i, i % 20 === 0 ? 2 : 1))),
);
git('commit', '-qam', 'head');
const offlineRun = measure(process.execPath, [
  join(root, 'dist/cli.js'),
  'plan',
  '--offline',
  '--repo',
  offline,
  '--base',
  'HEAD~1',
  '--format',
  'json',
  '--out',
  join(offline, 'report.json'),
]);
rmSync(offline, { recursive: true, force: true });

// Start-up: what every run pays before any work, against kubectl's own start-up.
const STARTUP_RUNS = 5;
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const startup = {
  plumbline: median(
    Array.from(
      { length: STARTUP_RUNS },
      () => measure(process.execPath, [join(root, 'dist/cli.js'), '--version']).seconds,
    ),
  ),
  kubectl: median(
    Array.from({ length: STARTUP_RUNS }, () => measure('kubectl', ['version', '--client']).seconds),
  ),
};

let failed = false;
console.log(
  '\nplumbline plan --live vs kubectl diff --server-side (same manifests, same cluster, same run)\n',
);
console.log(
  'objects | changed | kubectl s | plumbline s | speed-up | kubectl MB | plumbline MB | kubectl req | plumbline req | same set',
);
for (const r of results) {
  const speedup = r.kubectl.seconds / r.plumbline.seconds;
  console.log(
    [
      r.objects,
      `${r.fromPlumbline.size}/${r.expected}`,
      r.kubectl.seconds.toFixed(2),
      r.plumbline.seconds.toFixed(2),
      `${speedup.toFixed(1)}x`,
      r.kubectl.rssMb.toFixed(0),
      r.plumbline.rssMb.toFixed(0),
      r.kubectl.requests,
      r.plumbline.requests,
      r.same ? 'yes' : 'NO',
    ].join(' | '),
  );
  if (!r.same || r.fromPlumbline.size !== r.expected) {
    failed = true;
    console.log(
      `  differing: kubectl-only ${[...r.fromKubectl].filter((k) => !r.fromPlumbline.has(k)).slice(0, 5)}; plumbline-only ${[...r.fromPlumbline].filter((k) => !r.fromKubectl.has(k)).slice(0, 5)}`,
    );
  }
  if (r.objects / envCount >= 2000 && speedup < TARGET_SPEEDUP) {
    failed = true;
    console.log(
      `  below target: ${speedup.toFixed(1)}x < ${TARGET_SPEEDUP}x at ${r.objects / envCount} objects per environment`,
    );
  }
}
console.log(
  `\nstart-up (median of ${STARTUP_RUNS}): plumbline ${startup.plumbline.toFixed(2)} s, kubectl ${startup.kubectl.toFixed(2)} s`,
);
console.log(
  `\noffline plan of ${OFFLINE_OBJECTS} objects: ${offlineRun.seconds.toFixed(2)} s, peak ${offlineRun.rssMb.toFixed(0)} MB (budget ${OFFLINE_BUDGET_MB} MB), exit ${offlineRun.status}`,
);
if (offlineRun.status !== 2 || offlineRun.rssMb > OFFLINE_BUDGET_MB) failed = true;
process.exitCode = failed ? 1 : 0;
