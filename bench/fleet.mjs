// Benchmarks an offline plan of a fleet against the same change in a repository holding
// only the environment it touches, in one run: 500 Kustomize overlays (default) sharing
// one base, a change to one overlay's image tag.
//
// - fleet: `plumbline plan --offline` on the 500-environment repository (only the
//   affected environment is rendered);
// - single: the same plan on a repository with the base and that one overlay;
// - fleet --all: every environment rendered at base and head, for reference.
//
// Target: fleet ≤ 2× single. Medians of --runs.
//
// Then the shared base changes (every environment affected): the single-job plan against
// 4 shards run one after another (`plan --shard I/4 --result FILE`) and `plumbline merge`
// of their results. Target: the slowest shard plus the merge ≤ 0.35× the single job, and
// the merge's peak memory < 256 MB. Also the size of both Markdown reports.
//
//   npm run bench:fleet [-- --envs 500 --runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { median, offlinePlan, root, tool, write } from './support.mjs';

const { values } = parseArgs({
  options: { envs: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' } },
});
const envCount = Number(values.envs);
const runs = Number(values.runs);
const TARGET = 2;
const SHARDS = 4;
const SHARD_TARGET = 0.35;
const MERGE_MEMORY_MB = 256;
const kustomize = tool('kustomize');
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-bench-fleet-'));

const base = {
  'base/kustomization.yaml': 'resources: [deployment.yaml, service.yaml, config.yaml]\n',
  'base/deployment.yaml': stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'registry.example/web:1.0.0' }] },
      },
    },
  }),
  'base/service.yaml': stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
  }),
  'base/config.yaml': stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web' },
    data: { mode: 'normal' },
  }),
};

const overlay = (name, tag) => ({
  [`envs/${name}/kustomization.yaml`]: stringify({
    resources: ['../../base'],
    namespace: name,
    images: [{ name: 'registry.example/web', newTag: tag }],
  }),
});

function repository(folder, names, change = 'overlay') {
  const dir = join(scratch, folder);
  const files = { ...base, ...Object.assign({}, ...names.map((name) => overlay(name, '1.0.0'))) };
  write(dir, files);
  const git = (...args) =>
    execFileSync('git', ['-C', dir, '-c', 'user.name=b', '-c', 'user.email=b@plumbline.invalid', ...args]);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'fleet');
  git('checkout', '-qb', 'change');
  const changed = names[Math.floor(names.length / 3)];
  if (change === 'overlay') {
    writeFileSync(
      join(dir, Object.keys(overlay(changed, ''))[0]),
      Object.values(overlay(changed, '1.1.0'))[0],
    );
    git('commit', '-qam', 'one overlay moves to 1.1.0');
  } else {
    writeFileSync(join(dir, 'base/config.yaml'), base['base/config.yaml'].replace('normal', 'careful'));
    git('commit', '-qam', 'the shared base changes');
  }
  return { dir, changed };
}

function cli(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist/cli.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLUMBLINE_KUSTOMIZE: kustomize },
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakMb = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
  return { seconds, peakMb, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function plan(dir, extra = []) {
  return offlinePlan(dir, { extra, env: { PLUMBLINE_KUSTOMIZE: kustomize } });
}

try {
  const names = Array.from({ length: envCount }, (_, i) => `team-${String(i).padStart(3, '0')}`);
  const fleet = repository('fleet', names);
  const single = repository('single', [fleet.changed]);
  const times = { fleet: [], single: [], all: [] };
  let planned;
  for (let run = 0; run < runs; run++) {
    const fleetRun = plan(fleet.dir);
    planned = fleetRun.planned;
    times.fleet.push(fleetRun.seconds);
    times.single.push(plan(single.dir).seconds);
    if (run === 0) times.all.push(plan(fleet.dir, ['--all']).seconds);
  }
  const result = {
    environments: envCount,
    plannedInFleet: planned,
    fleetSeconds: median(times.fleet),
    singleSeconds: median(times.single),
    fleetAllSeconds: times.all[0],
  };
  result.fleetOverSingle = Number((result.fleetSeconds / result.singleSeconds).toFixed(2));
  result.allOverFleet = Number((result.fleetAllSeconds / result.fleetSeconds).toFixed(1));
  const oneChanged = cli(['plan', '--offline', '--base', 'main', '--repo', fleet.dir, '--format', 'md']);
  result.oneChangedReportCharacters = oneChanged.stdout.length;

  // The shared base changes: every environment is affected.
  const baseChange = repository('fleet-base', names, 'base');
  const offline = ['plan', '--offline', '--base', 'main', '--repo', baseChange.dir];
  const whole = cli([...offline, '--format', 'md']);
  if (whole.status !== 2)
    throw new Error(`single-job plan exited ${whole.status}: ${whole.stderr.slice(0, 2000)}`);
  const shards = [];
  for (let index = 1; index <= SHARDS; index++) {
    const file = join(scratch, `shard-${index}.json`);
    const shard = cli([...offline, '--shard', `${index}/${SHARDS}`, '--result', file, '--format', 'json']);
    if (shard.status !== 2)
      throw new Error(`shard ${index} exited ${shard.status}: ${shard.stderr.slice(0, 2000)}`);
    shards.push({ file, seconds: shard.seconds });
  }
  const merge = cli(['merge', ...shards.map((shard) => shard.file), '--format', 'md']);
  if (merge.status !== 2) throw new Error(`merge exited ${merge.status}: ${merge.stderr.slice(0, 2000)}`);
  const slowest = Math.max(...shards.map((shard) => shard.seconds));
  result.baseChange = {
    singleJobSeconds: Number(whole.seconds.toFixed(2)),
    shardSeconds: shards.map((shard) => Number(shard.seconds.toFixed(2))),
    mergeSeconds: Number(merge.seconds.toFixed(2)),
    mergePeakMb: Math.round(merge.peakMb),
    slowestShardPlusMergeOverSingle: Number(((slowest + merge.seconds) / whole.seconds).toFixed(2)),
    reportCharacters: whole.stdout.length,
    mergedReportCharacters: merge.stdout.length,
  };
  console.log(JSON.stringify(result, null, 2));
  if (result.fleetOverSingle > TARGET) {
    console.error(
      `the fleet plan took ${result.fleetOverSingle}× the single-environment plan; the target is ≤ ${TARGET}×`,
    );
    process.exitCode = 1;
  }
  const sharded = result.baseChange;
  if (sharded.slowestShardPlusMergeOverSingle > SHARD_TARGET || sharded.mergePeakMb >= MERGE_MEMORY_MB) {
    console.error(
      `sharded: ${sharded.slowestShardPlusMergeOverSingle}× the single job (target ≤ ${SHARD_TARGET}×), merge peak ${sharded.mergePeakMb} MB (target < ${MERGE_MEMORY_MB} MB)`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
