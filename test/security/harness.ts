/**
 * What the hostile-pull-request suite shares. The trust model under test: the
 * base branch is trusted, the head of a pull request is data. Every case builds a real git
 * repository (a trusted base on `main`, a hostile head on `feature`, checked out as the
 * merge GitHub's pull_request checkout gives), runs plumbline on it the three ways CI runs
 * it, and collects everything a person or a machine could read afterwards, so that one
 * assertion can say "no canary anywhere":
 *
 *   cli     `dist/cli.js plan --offline --format json` and `--format md`
 *   action  `dist/plan.js` under Node 24 with a runner's INPUT_* / GITHUB_* variables,
 *           against the fake GitHub (comments, job summary, outputs, report files)
 *   gitlab  `dist/cli.js plan --forge gitlab --comment` with a merge request pipeline's
 *           variables, against the fake GitLab (the note and the --out file)
 *
 * Canaries are planted where a hostile head would look for them: tokens and a marker
 * variable in the process environment, a kubeconfig FILE named by KUBECONFIG, a file
 * outside the repository, and a helm plugin in the runner's home. Hostile code that
 * manages to run writes a file into the case's marker folder, which must stay empty.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import MarkdownIt from 'markdown-it';
import tar from 'tar-stream';
import { afterAll, beforeAll, expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { NODE24, PLAN_BUNDLE, parseOutputs, REPOSITORY, ROOT } from '../e2e/github-plan-harness.js';
import { type FakeGitHub, startFakeGitHub } from '../fakes/github/server.js';
import type { FakeRepo } from '../fakes/github/state.js';
import { type SeededGitLab, startSeededGitLab } from '../fakes/gitlab/fixture.js';
import { cacheDir, pinnedVersion, toolPath } from '../support/tools.js';

export { ROOT };
export const CLI_BUNDLE = join(ROOT, 'dist/cli.js');
const BOT = 'github-actions[bot]';

// ---------------------------------------------------------------------------------------
// Repositories with a trusted base and a hostile head

/**
 * A file's text or bytes (an archive), an executable file, a symbolic link to `symlink`
 * (absolute or relative, as the attacker writes it), or a deletion.
 */
export type Entry = string | Buffer | { executable: string } | { symlink: string } | null;
export type Tree = Record<string, Entry>;

export const link = (target: string): Entry => ({ symlink: target });
export const executable = (text: string): Entry => ({ executable: text });

const author = {
  GIT_AUTHOR_NAME: 'mallory',
  GIT_AUTHOR_EMAIL: 'mallory@example.test',
  GIT_COMMITTER_NAME: 'mallory',
  GIT_COMMITTER_EMAIL: 'mallory@example.test',
};

/** One run's own checkout of a HostileRepo. */
export interface Checkout {
  dir: string;
  /** The tip of `main`, which a pull_request event names as its base. */
  baseSha: string;
  /** Where the head branched off `main`, which GitLab names as the merge request's diff base. */
  mergeBaseSha: string;
  headSha: string;
  remove(): void;
}

/**
 * A git repository with the trusted base commit on `main` and the hostile head on
 * `feature`, checked out (detached) at the merge of `feature` into `main`, as
 * actions/checkout leaves a pull_request run. Unless a case moves `main` on
 * (advanceBase), the merge leaves the head's tree as it is, so the CLI and GitLab paths
 * plan the same tree.
 */
export class HostileRepo {
  readonly dir: string;
  baseSha: string;
  headSha = '';

  constructor(base: Tree, head: Tree) {
    this.dir = mkdtempSync(join(tmpdir(), 'plumbline-hostile-'));
    this.git('init', '-q', '-b', 'main');
    this.write(base);
    this.commit('the trusted base');
    this.baseSha = this.git('rev-parse', 'HEAD');
    this.push(head);
  }

  /** A (further) push to the pull request's branch, then the merge checkout. */
  push(head: Tree): void {
    this.git('checkout', '-q', '-B', 'feature', this.headSha || 'main');
    this.write(head);
    this.commit('the hostile head');
    this.headSha = this.git('rev-parse', 'HEAD');
    this.checkOutMerge();
  }

  /**
   * A commit on `main` after the head branched off, then the merge checkout again: the
   * base's tip (what a pull_request event names) is no longer where the head branched off.
   */
  advanceBase(tree: Tree): void {
    this.git('checkout', '-q', 'main');
    this.write(tree);
    this.commit('the base moves on');
    this.baseSha = this.git('rev-parse', 'HEAD');
    this.checkOutMerge();
  }

  /**
   * The head's own commit checked out instead of the merge, as a GitLab merge request
   * pipeline and a pull_request_target workflow that checks out the head's sha leave it.
   */
  checkOutHead(): void {
    this.git('checkout', '-q', '--detach', this.headSha);
  }

  private checkOutMerge(): void {
    this.git('checkout', '-q', '--detach', 'main');
    this.git('merge', '-q', '--no-ff', '-m', `Merge ${this.headSha} into main`, 'feature');
  }

  /**
   * A private copy of the checkout (work tree, .git, links as they are) for one run:
   * plumbline checks the base out with `git worktree`, and several runs on one repository
   * at once would race for git's locks. The copy sits beside the original, at the same
   * depth, so relative paths out of the repository reach the same place.
   */
  copy(): Checkout {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-hostile-run-'));
    cpSync(this.dir, dir, { recursive: true, verbatimSymlinks: true });
    return {
      dir,
      baseSha: this.baseSha,
      mergeBaseSha: this.git('merge-base', this.baseSha, this.headSha),
      headSha: this.headSha,
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private write(tree: Tree): void {
    for (const [path, entry] of Object.entries(tree)) {
      const file = join(this.dir, path);
      rmSync(file, { recursive: true, force: true });
      if (entry === null) continue;
      mkdirSync(dirname(file), { recursive: true });
      if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(file, entry);
      else if ('executable' in entry) writeFileSync(file, entry.executable, { mode: 0o755 });
      else symlinkSync(entry.symlink, file);
    }
  }

  private commit(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      env: { ...process.env, ...author },
      encoding: 'utf8',
    }).trim();
  }
}

// ---------------------------------------------------------------------------------------
// Canaries

/**
 * Secrets a hostile head must never read, and where they are planted. Each value is
 * unique to the run, so finding one in an output can only mean it leaked.
 */
export class Canaries {
  readonly scratch = mkdtempSync(join(tmpdir(), 'plumbline-canaries-'));
  private readonly nonce = randomBytes(6).toString('hex');
  /** The forge token (GITHUB_TOKEN, INPUT_GITHUB-TOKEN, PLUMBLINE_GITLAB_TOKEN); both fakes accept it. */
  readonly token = `ghs_canarytoken${this.nonce}`;
  /** An unrelated CI secret in the job's environment. */
  readonly env = `canary-env-${this.nonce}`;
  /** The bearer token inside the kubeconfig file. */
  readonly kube = `canary-kube-${this.nonce}`;
  /** The content of a file outside the repository. */
  readonly file = `canary-file-${this.nonce}`;
  /** The GitLab job token. */
  readonly jobToken = `glcbt-canary-${this.nonce}`;

  /** The kubeconfig KUBECONFIG names; its server is a port nothing listens on. */
  readonly kubeconfig = join(this.scratch, 'kubeconfig');
  /** A plain file outside the repository. */
  readonly outsideFile = join(this.scratch, 'outside', 'secret.txt');
  /** A folder outside the repository holding a manifest (a ConfigMap that carries the file canary). */
  readonly outsideFolder = join(this.scratch, 'outside', 'manifests');
  /** A kustomize component outside the repository. */
  readonly outsideComponent = join(this.scratch, 'outside', 'component');
  /** The runner's home: a helm plugin sits where helm looks by default (HOME, XDG_DATA_HOME, HELM_PLUGINS). */
  readonly home = join(this.scratch, 'home');
  readonly xdgDataHome = join(this.scratch, 'xdg-data');
  /** Where a hostile script writes when it runs; it must stay empty. */
  readonly markers = join(this.scratch, 'markers');
  /** The helm plugin of the runner's home answers this made-up URL scheme. */
  static readonly homePluginScheme = 'homeplugin';

  constructor() {
    mkdirSync(this.markers, { recursive: true });
    writeFileSync(
      this.kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'prod', cluster: { server: 'https://127.0.0.1:9' } }],
        users: [{ name: 'planner', user: { token: this.kube } }],
        contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'planner' } }],
        'current-context': 'prod',
      }),
    );
    mkdirSync(dirname(this.outsideFile), { recursive: true });
    writeFileSync(this.outsideFile, `${this.file}\n`);
    mkdirSync(this.outsideFolder, { recursive: true });
    writeFileSync(join(this.outsideFolder, 'leak.yaml'), configMap('leak', { STOLEN: this.file }));
    mkdirSync(this.outsideComponent, { recursive: true });
    writeFileSync(
      join(this.outsideComponent, 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [leak.yaml]\n',
    );
    writeFileSync(join(this.outsideComponent, 'leak.yaml'), configMap('leak', { STOLEN: this.file }));
    // A helm downloader plugin in every default place: if HOME, XDG_DATA_HOME or
    // HELM_PLUGINS reached helm, a chart repository with this scheme would run it.
    for (const plugins of [
      join(this.home, '.local/share/helm/plugins'),
      join(this.xdgDataHome, 'helm/plugins'),
    ]) {
      writeHelmPlugin(
        join(plugins, 'home-downloader'),
        Canaries.homePluginScheme,
        this.markerScript('home-plugin'),
      );
    }
  }

  /** Every canary value, named for the failure message. */
  get all(): Record<string, string> {
    return {
      token: this.token,
      env: this.env,
      kube: this.kube,
      file: this.file,
      jobToken: this.jobToken,
    };
  }

  /** A shell script for hostile code: it records that it ran and what it could see. */
  markerScript(name: string): string {
    const marker = join(this.markers, name);
    return `#!/bin/sh\nenv > '${marker}' 2>/dev/null\ncat '${this.kubeconfig}' >> '${marker}' 2>/dev/null\nenv\n`;
  }

  /** The hostile scripts that ran: the marker folder's files. */
  ranMarkers(): string[] {
    return readdirSync(this.markers);
  }

  /**
   * A runner that exported HELM_PLUGINS (as helm setup steps may): renderers must not
   * inherit it. Separate from jobEnvironment because HELM_PLUGINS also hides the plugins
   * of a HELM_DATA_HOME, which other cases rely on to show that a pull request's own
   * plugin cannot run.
   */
  get leakedHelmPlugins(): Record<string, string> {
    return { HELM_PLUGINS: join(this.home, '.local/share/helm/plugins') };
  }

  /** The environment of a CI job: tool binaries on PATH, canaries everywhere a job keeps secrets. */
  jobEnvironment(): Record<string, string> {
    return {
      PATH: `${toolsBin()}:${dirname(NODE24)}:${process.env.PATH ?? ''}`,
      HOME: this.home,
      XDG_DATA_HOME: this.xdgDataHome,
      KUBECONFIG: this.kubeconfig,
      PLUMBLINE_CANARY: this.env,
      GITHUB_TOKEN: this.token,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      CI: 'true',
      NO_COLOR: '1',
    };
  }

  remove(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

/** A helm downloader plugin for `scheme://` URLs whose command is `script`. */
export function writeHelmPlugin(folder: string, scheme: string, script: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'plugin.yaml'),
    stringify({
      name: `${scheme}-getter`,
      version: '0.1.0',
      usage: 'fetch charts',
      description: 'fetch charts',
      command: '$HELM_PLUGIN_DIR/run.sh',
      downloaders: [{ command: 'run.sh', protocols: [scheme] }],
    }),
  );
  writeFileSync(join(folder, 'run.sh'), script);
  chmodSync(join(folder, 'run.sh'), 0o755);
}

/** The same plugin as files of a repository tree, rooted at `folder`. */
export function helmPluginTree(folder: string, scheme: string, script: string): Tree {
  return {
    [`${folder}/plugin.yaml`]: stringify({
      name: `${scheme}-getter`,
      version: '0.1.0',
      usage: 'fetch charts',
      description: 'fetch charts',
      command: '$HELM_PLUGIN_DIR/run.sh',
      downloaders: [{ command: 'run.sh', protocols: [scheme] }],
    }),
    [`${folder}/run.sh`]: executable(script),
  };
}

let binFolder: string | undefined;

/**
 * A folder with `helm` and `kustomize` as a CI job finds them on PATH. The binaries are
 * built by scripts/build-infra.sh (the `security` project's global setup).
 */
export function toolsBin(): string {
  if (binFolder) return binFolder;
  const folder = join(
    cacheDir(),
    'bin',
    `security-path-${pinnedVersion('helm')}-${pinnedVersion('kustomize')}`,
  );
  mkdirSync(folder, { recursive: true });
  for (const tool of ['helm', 'kustomize'] as const) {
    const path = join(folder, tool);
    if (!existsSync(path)) symlinkSync(toolPath(tool), path);
  }
  binFolder = folder;
  return folder;
}

// ---------------------------------------------------------------------------------------
// Manifests

export function configMap(name: string, data: Record<string, string>, namespace = 'app'): string {
  return stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
}

export function kustomization(fields: Record<string, unknown>): string {
  return stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...fields });
}

/** A plumbline.yaml with these environments (name -> path and settings). */
export function plumblineConfig(
  environments: Array<Record<string, unknown> & { name: string; path: string }>,
  extra: Record<string, unknown> = {},
): string {
  return stringify({ environments, ...extra });
}

/** A kustomize environment `envs/NAME` with one ConfigMap whose GREETING is `greeting`. */
export function kustomizeEnv(name: string, greeting: string): Tree {
  return {
    [`envs/${name}/kustomization.yaml`]: kustomization({ resources: ['app.yaml'] }),
    [`envs/${name}/app.yaml`]: configMap(`${name}-app`, { GREETING: greeting }),
  };
}

// ---------------------------------------------------------------------------------------
// Running plumbline the three ways CI runs it

export type PathName = 'cli' | 'action' | 'gitlab';

/** What one run of plumbline left for people and machines to read. */
export interface Outcome {
  path: PathName;
  code: number;
  /** Everything readable afterwards, by where it was read: logs, reports, comments, summary, outputs. */
  texts: Record<string, string>;
  /** The JSON report, when this path produced one. */
  report: PlanReportLike | undefined;
  /** The Markdown report (the md output, the report-markdown file, the --out file). */
  markdown: string;
  /** Comment or note bodies plumbline posted, oldest first. */
  comments: string[];
  /** The action's raw log (stdout and stderr), with workflow commands. */
  log: string;
}

/** The JSON report, read loosely: the suite asserts facts, not the exact shape. */
export interface PlanReportLike {
  /** Whose plumbline.yaml the plan obeyed, and what the head does to the file. */
  config: {
    from: 'base' | 'head';
    file: string | null;
    headChange: 'added' | 'changed' | 'removed' | null;
  } | null;
  environments: Array<{
    name: string;
    status: string;
    mode: string;
    error: string | null;
    objects: Array<{ kind: string; name: string; change: string; diff: string; fields: string[] }>;
  }>;
  [key: string]: unknown;
}

export interface Forges {
  github: FakeGitHub;
  githubRepo: FakeRepo;
  gitlab: SeededGitLab;
}

/** The fake GitHub and GitLab, one pair per test file. */
export async function startForges(): Promise<Forges> {
  const github = await startFakeGitHub({ repos: [REPOSITORY] });
  const gitlab = await startSeededGitLab({ projectPath: 'acme/deploy' });
  return { github, githubRepo: github.state.mustRepo(REPOSITORY), gitlab };
}

/**
 * Fresh canaries for one group of cases (so a marker one case leaves cannot fail the
 * next), with the canary token accepted by both fakes as plumbline's own token: a token
 * that works is what a hostile head would want to steal.
 */
export function plantCanaries(forges: Forges): Canaries {
  const canaries = new Canaries();
  forges.github.state.addToken(canaries.token);
  forges.gitlab.gitlab.state.addToken(canaries.token, forges.gitlab.bot, {
    scopes: ['api'],
    role: 'developer',
  });
  return canaries;
}

export async function stopForges(forges: Forges): Promise<void> {
  expect(forges.github.violations).toEqual([]);
  expect(forges.gitlab.gitlab.violations).toEqual([]);
  await forges.github.close();
  await forges.gitlab.gitlab.close();
}

/** The fake forges of one test file: started before its cases, checked and stopped after them. */
export function useForges(): { readonly forges: Forges } {
  const context = {} as { forges: Forges };
  beforeAll(async () => {
    context.forges = await startForges();
  });
  afterAll(() => stopForges(context.forges));
  return context;
}

/** What one hostile case leaves for its assertions. */
export interface HostileCase {
  readonly canaries: Canaries;
  readonly repo: HostileRepo;
  readonly outcomes: Outcome[];
}

/**
 * One hostile case in a describe block: fresh canaries, the repository `build` makes (a
 * trusted base, a hostile head), and every path's outcome; the repository and the canaries
 * are removed after the block.
 */
export function hostileCase(
  context: { readonly forges: Forges },
  title: string,
  build: (canaries: Canaries) => HostileRepo,
  options: (canaries: Canaries) => RunOptions = () => ({}),
): HostileCase {
  const held = {} as { canaries: Canaries; repo: HostileRepo; outcomes: Outcome[] };
  beforeAll(async () => {
    held.canaries = plantCanaries(context.forges);
    held.repo = build(held.canaries);
    held.outcomes = await runEveryPath(
      held.repo,
      held.canaries,
      context.forges,
      title,
      options(held.canaries),
    );
  });
  afterAll(() => {
    held.repo?.remove();
    held.canaries?.remove();
  });
  return held;
}

export interface RunOptions {
  /** Variables added to the job's environment. */
  env?: Record<string, string>;
}

/** One pull request on the fake GitHub and one merge request on the fake GitLab, for one case. */
export interface ChangeRequest {
  pull: number;
  mergeRequest: number;
}

export function openChangeRequest(forges: Forges, title: string): ChangeRequest {
  const pull = forges.github.state.createPullRequest(forges.githubRepo, {
    title,
    author: 'mallory',
    head: 'feature',
    base: 'main',
  });
  const mergeRequest = forges.gitlab.gitlab.state.addMergeRequest(forges.gitlab.project, {
    title,
    sourceBranch: 'feature',
    targetBranch: 'main',
    author: forges.gitlab.human,
  });
  return { pull: pull.number, mergeRequest: mergeRequest.iid };
}

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: Record<string, string>, cwd = ROOT): Promise<Exit> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done, failed) => {
    child.on('error', failed);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

function parseReport(text: string): PlanReportLike | undefined {
  try {
    return JSON.parse(text) as PlanReportLike;
  } catch {
    return undefined;
  }
}

/** `plumbline plan --offline` from the CLI bundle, as JSON and as Markdown. */
export async function runCli(
  repo: HostileRepo,
  canaries: Canaries,
  flags: string[] = [],
  options: RunOptions = {},
): Promise<Outcome> {
  const env = { ...canaries.jobEnvironment(), ...options.env };
  const mode = flags.some((flag) => ['--live', '--reader'].includes(flag)) ? [] : ['--offline'];
  const plan = async (format: string) => {
    const checkout = repo.copy();
    try {
      const args = ['plan', '--repo', checkout.dir, '--base', 'main', '--format', format, ...mode, ...flags];
      return await run(NODE24, [CLI_BUNDLE, ...args], env);
    } finally {
      checkout.remove();
    }
  };
  const [json, md] = await Promise.all([plan('json'), plan('md')]);
  return {
    path: 'cli',
    code: json.code,
    texts: {
      'json stdout': json.stdout,
      'json stderr': json.stderr,
      'md stdout': md.stdout,
      'md stderr': md.stderr,
    },
    report: parseReport(json.stdout),
    markdown: md.stdout,
    comments: [],
    log: `${json.stderr}\n${md.stderr}`,
  };
}

/** dist/plan.js under Node 24 with the step environment a runner gives it, the canaries included. */
export async function runAction(
  repo: HostileRepo,
  canaries: Canaries,
  forges: Forges,
  request: ChangeRequest,
  inputs: Record<string, string> = {},
  options: RunOptions = {},
): Promise<Outcome> {
  const checkout = repo.copy();
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-hostile-step-'));
  const eventPath = join(scratch, 'event.json');
  const repository = { full_name: REPOSITORY, name: 'app', owner: { login: 'acme' }, default_branch: 'main' };
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: request.pull,
      pull_request: {
        number: request.pull,
        state: 'open',
        base: { ref: 'main', sha: checkout.baseSha, repo: repository },
        head: { ref: 'feature', sha: checkout.headSha, repo: repository },
      },
      repository,
    }),
  );
  const metadata = parse(readFileSync(join(ROOT, 'actions/plan/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {
    ...canaries.jobEnvironment(),
    ...options.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: checkout.dir,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: `refs/pull/${request.pull}/merge`,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_API_URL: forges.github.url,
    GITHUB_SERVER_URL: 'https://github.example.test',
    GITHUB_RUN_ID: '4242',
    GITHUB_OUTPUT: join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
    RUNNER_TEMP: scratch,
    // The kubeconfig input is empty and the mode offline unless a case says otherwise (a
    // fork-like run); KUBECONFIG above is the runner's own file, which renderers must not see.
    ...Object.fromEntries(
      Object.entries({ ...metadata.inputs, mode: { default: 'offline' } }).map(([name, input]) => {
        const value = inputs[name] ?? input.default ?? '';
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
        return [`INPUT_${name.toUpperCase()}`, value === '${{ github.token }}' ? canaries.token : value];
      }),
    ),
  };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  const exit = await run(NODE24, [PLAN_BUNDLE], env, checkout.dir);
  checkout.remove();
  const outputs = parseOutputs(readFileSync(env.GITHUB_OUTPUT!, 'utf8'));
  const summary = readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8');
  const read = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : '');
  const reportJson = read(outputs['report-json']);
  const reportMarkdown = read(outputs['report-markdown']);
  const comments = forges.github.state
    .commentsOn(forges.githubRepo, request.pull)
    .filter((comment) => comment.author === BOT)
    .map((comment) => comment.body);
  rmSync(scratch, { recursive: true, force: true });
  const log = `${exit.stdout}\n${exit.stderr}`;
  return {
    path: 'action',
    code: exit.code,
    texts: {
      // The runner consumes ::add-mask:: lines, so a token plumbline masks appears only there.
      log: log
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
      summary,
      outputs: JSON.stringify(outputs),
      'report-json': reportJson,
      'report-markdown': reportMarkdown,
      ...Object.fromEntries(comments.map((body, index) => [`comment ${index + 1}`, body])),
    },
    report: parseReport(reportJson),
    markdown: reportMarkdown,
    comments,
    log,
  };
}

/** The GitLab plan template's command line, with a merge request pipeline's variables. */
export async function runGitLab(
  repo: HostileRepo,
  canaries: Canaries,
  forges: Forges,
  request: ChangeRequest,
  flags: string[] = [],
  options: RunOptions = {},
): Promise<Outcome> {
  const checkout = repo.copy();
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-hostile-job-'));
  const out = join(scratch, 'plumbline-plan.md');
  const { gitlab, project } = forges.gitlab;
  const env: Record<string, string> = {
    ...canaries.jobEnvironment(),
    ...options.env,
    GITLAB_CI: 'true',
    CI_API_V4_URL: gitlab.url,
    CI_SERVER_URL: gitlab.webUrl,
    CI_PROJECT_ID: String(project.id),
    CI_PROJECT_PATH: 'acme/deploy',
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: String(request.mergeRequest),
    CI_MERGE_REQUEST_DIFF_BASE_SHA: checkout.mergeBaseSha,
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_JOB_TOKEN: canaries.jobToken,
    PLUMBLINE_GITLAB_TOKEN: canaries.token,
  };
  const exit = await run(
    NODE24,
    [
      CLI_BUNDLE,
      'plan',
      '--forge',
      'gitlab',
      '--format',
      'md',
      '--out',
      out,
      '--repo',
      checkout.dir,
      '--comment',
      // As templates/plan.yml passes it once it has fetched the target branch (the copy
      // has main itself, which is what origin/main would be).
      '--base',
      'main',
      '--offline',
      ...flags,
    ],
    env,
    checkout.dir,
  );
  checkout.remove();
  const markdown = existsSync(out) ? readFileSync(out, 'utf8') : '';
  rmSync(scratch, { recursive: true, force: true });
  const mergeRequest = project.mergeRequests.find((candidate) => candidate.iid === request.mergeRequest);
  const comments = (mergeRequest?.notes ?? [])
    .filter((note) => !note.system && note.authorId === forges.gitlab.bot.id)
    .map((note) => note.body);
  return {
    path: 'gitlab',
    code: exit.code,
    texts: {
      stdout: exit.stdout,
      stderr: exit.stderr,
      'plumbline-plan.md': markdown,
      ...Object.fromEntries(comments.map((body, index) => [`note ${index + 1}`, body])),
    },
    report: undefined,
    markdown,
    comments,
    log: `${exit.stdout}\n${exit.stderr}`,
  };
}

/** Every path on one repository, side by side (each has its own process and change request). */
export async function runEveryPath(
  repo: HostileRepo,
  canaries: Canaries,
  forges: Forges,
  title: string,
  options: RunOptions = {},
): Promise<Outcome[]> {
  const request = openChangeRequest(forges, title);
  return Promise.all([
    runCli(repo, canaries, [], options),
    runAction(repo, canaries, forges, request, {}, options),
    runGitLab(repo, canaries, forges, request, [], options),
  ]);
}

// ---------------------------------------------------------------------------------------
// Assertions

/** No canary in anything any path left behind, and no hostile script ran. */
export function expectNothingLeaked(
  outcome: Outcome,
  canaries: Canaries,
  extra: Record<string, string> = {},
) {
  const secrets = { ...canaries.all, ...extra };
  for (const [where, text] of Object.entries(outcome.texts)) {
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `the ${name} canary is in the ${outcome.path} ${where}`).toBe(false);
    }
  }
  expect(canaries.ranMarkers(), 'hostile code ran (marker files written)').toEqual([]);
}

/**
 * The hostile environment failed (exit 1, an error entry naming `errorNames` when given)
 * while every `healthy` environment was still compared and its change shows.
 */
export function expectContained(
  outcome: Outcome,
  expectation: { failed: string[]; healthy: Record<string, string>; errorNames?: Record<string, string[]> },
): void {
  const context = `${outcome.path} (exit ${outcome.code}):\n${outcome.log.slice(0, 4000)}`;
  if (expectation.failed.length > 0) expect(outcome.code, context).toBe(1);
  for (const [env, change] of Object.entries(expectation.healthy)) {
    expect(outcome.markdown, `${outcome.path}: ${env}'s change is reported\n${context}`).toContain(change);
    if (outcome.report) {
      const entry = outcome.report.environments.find((candidate) => candidate.name === env);
      expect(entry?.status, `${outcome.path}: ${env} is compared`).toBe('compared');
    }
  }
  for (const env of expectation.failed) {
    if (outcome.report) {
      const entry = outcome.report.environments.find((candidate) => candidate.name === env);
      expect(entry, `${outcome.path}: ${env} is in the report\n${context}`).toBeDefined();
      expect(entry!.status, `${outcome.path}: ${env} failed`).toBe('failed');
      expect(entry!.error, `${outcome.path}: ${env} has an error`).toBeTruthy();
      for (const name of expectation.errorNames?.[env] ?? []) expect(entry!.error).toContain(name);
    } else {
      expect(outcome.markdown, `${outcome.path}: ${env} is reported as failed\n${context}`).toMatch(
        new RegExp(`❌ \\**${escapeRegExp(env)}`),
      );
      for (const name of expectation.errorNames?.[env] ?? []) {
        expect(unescapeMarkdown(outcome.markdown), `${outcome.path}: the error names ${name}`).toContain(
          name,
        );
      }
    }
  }
}

export function environmentNames(report: PlanReportLike | undefined): string[] {
  return [...new Set((report?.environments ?? []).map((env) => env.name))].sort();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Markdown prose as a reader sees it: backslash escapes and the common entities undone. */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([\\`*_[\]|~#.!()<>{}+-])/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

const markdown = new MarkdownIt({ html: true });

/**
 * The text a forge scans for @mentions: the rendered HTML without code, pre, links and
 * HTML comments, entities decoded. GitHub and GitLab both mention from text nodes, so a
 * backslash-escaped `\@user` still pings; only code or a broken-up name does not.
 */
export function mentionableText(body: string): string {
  return markdown
    .render(body)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(pre|code|a)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** Lines GitLab would run as quick actions: `/command` at the start of a line outside fenced code. */
export function quickActionLines(body: string): string[] {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening)
        fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening;
      continue;
    }
    if (/^\/[a-z_]+/.test(line)) found.push(line);
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// A local HTTP server that counts what renderers ask of it

export interface CountingServer {
  url: string;
  host: string;
  /** Requests received, as `METHOD /path`. */
  requests: string[];
  /** The Authorization header of each request ('' without one), in order. */
  authorizations: string[];
  close(): Promise<void>;
}

/** A redirect the counting server answers with. */
export interface Redirect {
  redirect: string;
}

/**
 * Serves `files` (path -> body, or a redirect) and answers 404 otherwise; every request is
 * counted with its Authorization header.
 */
export async function startCountingServer(
  files: Record<string, string | Buffer | Redirect>,
): Promise<CountingServer> {
  const requests: string[] = [];
  const authorizations: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    authorizations.push(request.headers.authorization ?? '');
    const body = files[(request.url ?? '').split('?')[0]!];
    if (body === undefined) response.writeHead(404).end('not found');
    else if (typeof body === 'object' && 'redirect' in body)
      response.writeHead(302, { location: body.redirect }).end();
    else response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    requests,
    authorizations,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A helm chart at `path` with these templates (file name -> text) and values. */
export function helmChart(path: string, templates: Record<string, string>, values = ''): Tree {
  const tree: Tree = {
    [`${path}/Chart.yaml`]: 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    [`${path}/values.yaml`]: values,
  };
  for (const [name, text] of Object.entries(templates)) tree[`${path}/templates/${name}`] = text;
  return tree;
}

/** A chart template rendering one ConfigMap whose GREETING is `greeting`. */
export function greetingTemplate(greeting: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web, namespace: app }\ndata: { GREETING: ${greeting} }\n`;
}

/** The `web` chart 1.0.0 as `helm package` lays it out: one ConfigMap showing its greeting. */
export async function webChart(): Promise<Buffer> {
  const pack = tar.pack();
  pack.entry({ name: 'web/Chart.yaml' }, 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
  pack.entry({ name: 'web/values.yaml' }, 'greeting: hello\n');
  pack.entry(
    { name: 'web/templates/cm.yaml' },
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: web }\ndata: { GREETING: {{ .Values.greeting | quote }} }\n',
  );
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

/** A Helm repository serving the web chart: its index at /charts/index.yaml, the archive beside. */
export function webChartRepositoryFiles(url: string, archive: Buffer): Record<string, string | Buffer> {
  const digest = createHash('sha256').update(archive).digest('hex');
  return {
    '/charts/index.yaml': `apiVersion: v1\nentries:\n  web:\n    - { name: web, version: 1.0.0, digest: ${digest}, urls: ["${url}/charts/web-1.0.0.tgz"] }\n`,
    '/charts/web-1.0.0.tgz': archive,
  };
}
