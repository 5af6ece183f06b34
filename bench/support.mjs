// What the benchmarks share: medians, timing, writing a repository, the pinned tools, and a
// hold on the chart servers of scripts/chart-servers.sh.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

export const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

/** Seconds `run` takes. */
export const seconds = (run) => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** `files` (relative paths) written below `base`. */
export const write = (base, files) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
};

/** The pinned build of a tool (scripts/versions.env), as scripts/build-infra.sh caches it. */
export function tool(name) {
  const cache = process.env.PLUMBLINE_CACHE || join(process.env.HOME, '.cache', 'plumbline');
  const versions = readFileSync(join(root, 'scripts/versions.env'), 'utf8');
  const version = new RegExp(`^${name.toUpperCase()}_VERSION=(\\S+)`, 'm').exec(versions)[1];
  return join(cache, 'bin', `${name}-${version}`);
}

/** Holds the chart servers for this run; their variables, and the release. */
export function holdChartServers(tag) {
  const hold = `${process.pid}-${tag}`;
  const text = execFileSync('bash', [join(root, 'scripts/chart-servers.sh'), 'up', '--hold', hold], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const servers = Object.fromEntries(
    [...text.matchAll(/^export (\w+)=['"]?([^'"\n]*)/gm)].map((m) => [m[1], m[2]]),
  );
  const release = () =>
    execFileSync('bash', [join(root, 'scripts/chart-servers.sh'), 'release', hold], { stdio: 'ignore' });
  return { servers, release };
}

/**
 * `plumbline plan --offline --base main` of `dir` from the bundle, timed: its seconds, how
 * many environments it planned and the objects it changed. A plan that does not exit 2
 * (changes found), or fails an environment, stops the benchmark.
 */
export function offlinePlan(dir, { extra = [], env = {} } = {}) {
  let report;
  const time = seconds(() => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'plan',
        '--offline',
        '--base',
        'main',
        '--repo',
        dir,
        '--format',
        'json',
        ...extra,
      ],
      { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 },
    );
    if (run.status !== 2) throw new Error(`plan exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    report = JSON.parse(run.stdout);
  });
  const failed = report.environments.filter((environment) => environment.error);
  if (failed.length > 0) throw new Error(`${failed[0].environment}: ${failed[0].error.message}`);
  return { seconds: time, planned: report.environments.length, changed: report.totals.changed };
}
