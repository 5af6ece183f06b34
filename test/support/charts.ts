/**
 * Making charts and publishing them to the real chart servers (test/support/chart-servers.ts)
 * with real helm, the way chart authors do: `helm package`, then either a .tgz and
 * `helm repo index` in a folder nginx serves, or `helm push` to an OCI registry.
 *
 * Every helm here runs with its own homes (HELM_CONFIG_HOME, HELM_CACHE_HOME,
 * HELM_DATA_HOME, HELM_REGISTRY_CONFIG, ...) in a temporary folder, so nothing of the
 * user's helm configuration is read or written. The helm binary is a parameter: tests run
 * with Helm 3 and Helm 4 (helmBinaries() of test/support/tools.ts).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { stringify } from 'yaml';
import { chartServers, freshServedFolder, httpUrlOf } from './chart-servers.js';

/** A chart name no other test (or earlier run) uses: `prefix-1a2b3c4d`. */
export function uniqueChartName(prefix = 'chart'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

// ---------------------------------------------------------------- chart folders

export interface ChartDependency {
  name: string;
  version: string;
  /** `https://...`, `oci://...`, `file://...` or `@alias` of an added repository. */
  repository: string;
  alias?: string;
  condition?: string;
}

export interface ChartSpec {
  /** Used as given: make it unique with uniqueChartName(). */
  name: string;
  /** Default 0.1.0. */
  version?: string;
  appVersion?: string;
  description?: string;
  /** A semver range the cluster must satisfy, `>=1.30.0-0`. */
  kubeVersion?: string;
  type?: 'application' | 'library';
  /** File name under templates/ → its text, `{ 'configmap.yaml': '...' }`. */
  templates?: Record<string, string>;
  /** values.yaml: text as is, or an object written as YAML. */
  values?: string | Record<string, unknown>;
  dependencies?: ChartDependency[];
  /** Any other file, by path relative to the chart folder (`charts/x/Chart.yaml`, `README.md`). */
  files?: Record<string, string>;
}

/** Writes the chart into `<parent>/<name>` and returns that folder. */
export async function writeChart(parent: string, spec: ChartSpec): Promise<string> {
  const dir = join(parent, spec.name);
  await mkdir(join(dir, 'templates'), { recursive: true });
  const chart: Record<string, unknown> = {
    apiVersion: 'v2',
    name: spec.name,
    version: spec.version ?? '0.1.0',
    description: spec.description ?? `Test chart ${spec.name}`,
    type: spec.type ?? 'application',
  };
  if (spec.appVersion !== undefined) chart.appVersion = spec.appVersion;
  if (spec.kubeVersion !== undefined) chart.kubeVersion = spec.kubeVersion;
  if (spec.dependencies?.length) chart.dependencies = spec.dependencies;
  await writeFile(join(dir, 'Chart.yaml'), stringify(chart));
  const values = spec.values ?? '';
  await writeFile(join(dir, 'values.yaml'), typeof values === 'string' ? values : stringify(values));
  for (const [name, text] of Object.entries(spec.templates ?? {})) {
    await mkdir(dirname(join(dir, 'templates', name)), { recursive: true });
    await writeFile(join(dir, 'templates', name), text);
  }
  for (const [path, text] of Object.entries(spec.files ?? {})) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** A ConfigMap template, the smallest thing a chart renders. */
export function configMapTemplate(data: Record<string, string> = { greeting: 'hello' }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: '{{ .Release.Name }}-{{ .Chart.Name }}' },
    data,
  });
}

// ---------------------------------------------------------------- an isolated helm

export interface HelmResult {
  stdout: string;
  stderr: string;
}

export interface Helm {
  readonly bin: string;
  /** The temporary folder holding this helm's homes. */
  readonly home: string;
  /** The environment helm runs with: PATH and the HELM_* homes, nothing else of this process's. */
  readonly env: Record<string, string>;
  /** Runs helm; rejects with its stderr when it exits non-zero. */
  run(args: string[], options?: { input?: string; cwd?: string }): Promise<HelmResult>;
  /** Like run, but resolves with the exit code too instead of rejecting. */
  attempt(args: string[], options?: { input?: string; cwd?: string }): Promise<HelmResult & { code: number }>;
  /** Removes the homes. */
  cleanup(): Promise<void>;
}

/** A helm whose configuration, cache, data and registry credentials live in a new temp folder. */
export async function isolatedHelm(bin: string): Promise<Helm> {
  const home = await mkdtemp(join(tmpdir(), 'plumbline-helm-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_DATA_HOME: join(home, 'data'),
    HELM_REGISTRY_CONFIG: join(home, 'config', 'registry', 'config.json'),
    HELM_REPOSITORY_CONFIG: join(home, 'config', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(home, 'cache', 'repository'),
    HELM_PLUGINS: join(home, 'data', 'plugins'),
    // Registry clients may also look for Docker's credentials.
    DOCKER_CONFIG: join(home, 'docker'),
    // No cluster: what needs one must say so.
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
  const attempt: Helm['attempt'] = (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(bin, args, { env, cwd: options.cwd ?? home, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) }));
      // helm may exit without reading its input (a failed login, say): no EPIPE for that.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input ?? '');
    });
  return {
    bin,
    home,
    env,
    attempt,
    async run(args, options) {
      const result = await attempt(args, options);
      if (result.code !== 0) {
        throw new Error(
          `${basename(bin)} ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`,
        );
      }
      return { stdout: result.stdout, stderr: result.stderr };
    },
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------- packaging

/** `helm package`s the chart folder into `destination` (default: next to it); returns the .tgz path. */
export async function packageChart(
  helm: Helm,
  chartDir: string,
  options: { destination?: string; dependencyUpdate?: boolean } = {},
): Promise<string> {
  const destination = options.destination ?? dirname(chartDir);
  const args = ['package', chartDir, '--destination', destination];
  if (options.dependencyUpdate) args.push('--dependency-update');
  const { stdout } = await helm.run(args);
  // "Successfully packaged chart and saved it to: /path/name-0.1.0.tgz"
  const path = /saved it to: (.+\.tgz)\s*$/m.exec(stdout)?.[1];
  if (!path || !existsSync(path)) throw new Error(`helm package printed no .tgz path: ${stdout}`);
  return path;
}

/** writeChart + packageChart in a temporary folder; the .tgz path. */
export async function makeChartPackage(helm: Helm, spec: ChartSpec): Promise<string> {
  const dir = await mkdtemp(join(helm.home, 'chart-'));
  return packageChart(helm, await writeChart(dir, spec), { destination: dir });
}

// ---------------------------------------------------------------- HTTP repositories

export interface HttpRepo {
  /** public: no auth; private: basic auth with chartServers().user and password. */
  readonly access: 'public' | 'private';
  /** The folder's name below the served folder. */
  readonly folder: string;
  /** The folder on disk (index.yaml and the .tgz files). */
  readonly dir: string;
  /** The repository URL over HTTP, `http://127.0.0.1:18080/public/repo-1a2b3c4d` (no trailing slash). */
  readonly url: string;
  /** The same folder over HTTPS (CA chartServers().caFile). */
  readonly httpsUrl: string;
  /** Public repositories only: the same folder rate limited to one request a second. */
  readonly limitedUrl: string | undefined;
}

/** A new empty chart repository folder served by nginx, used by this test only. */
export function newHttpRepo(access: 'public' | 'private' = 'public', prefix = 'repo'): HttpRepo {
  const { folder, dir } = freshServedFolder(access, prefix);
  return {
    access,
    folder,
    dir,
    url: httpUrlOf(access, folder),
    httpsUrl: httpUrlOf(access, folder, { tls: true }),
    limitedUrl: access === 'public' ? httpUrlOf('limited', folder) : undefined,
  };
}

// Publishing to one repository rewrites its index.yaml: one at a time per folder.
const indexQueues = new Map<string, Promise<unknown>>();

/**
 * Publishes a packaged chart: copies the .tgz into the repository folder and rewrites its
 * index.yaml with `helm repo index --url <url> --merge index.yaml`, so entries already
 * there keep their digests and dates. `url` is the base of the tarballs' URLs in the index
 * (default repo.url; repo.httpsUrl, another server, or `false` for relative URLs).
 */
export async function publishToHttpRepo(
  helm: Helm,
  repo: HttpRepo,
  tgz: string,
  options: { url?: string | false } = {},
): Promise<void> {
  const previous = indexQueues.get(repo.dir) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      await copyFile(tgz, join(repo.dir, basename(tgz)));
      const args = ['repo', 'index', repo.dir];
      const url = options.url ?? repo.url;
      if (url !== false) args.push('--url', url);
      const index = join(repo.dir, 'index.yaml');
      if (existsSync(index)) args.push('--merge', index);
      await helm.run(args);
    });
  indexQueues.set(repo.dir, next);
  await next;
}

/** The basic-auth flags of `helm pull`/`helm repo add` for a repository (none for public ones). */
export function httpRepoAuthFlags(repo: HttpRepo): string[] {
  if (repo.access === 'public') return [];
  const { user, password } = chartServers();
  return ['--username', user, '--password', password];
}

// ---------------------------------------------------------------- OCI registries

const loggedIn = new WeakMap<Helm, Set<string>>();

/**
 * `helm registry login` to the registry with auth (or `registry`) with the test user, the
 * password on stdin and the test CA; credentials go to this helm's HELM_REGISTRY_CONFIG.
 */
export async function registryLogin(
  helm: Helm,
  options: { registry?: string; user?: string; password?: string } = {},
): Promise<void> {
  const servers = chartServers();
  const registry = options.registry ?? servers.registry;
  await helm.run(
    [
      'registry',
      'login',
      registry,
      '--username',
      options.user ?? servers.user,
      '--password-stdin',
      '--ca-file',
      servers.caFile,
    ],
    { input: `${options.password ?? servers.password}\n` },
  );
  const set = loggedIn.get(helm) ?? new Set<string>();
  set.add(registry);
  loggedIn.set(helm, set);
}

/**
 * The transport flags helm needs for a registry of the chart servers: `--plain-http` for
 * registryPlainHttp, `--ca-file <test CA>` for the others.
 */
export function registryFlags(registry: string): string[] {
  const servers = chartServers();
  return registry === servers.registryPlainHttp ? ['--plain-http'] : ['--ca-file', servers.caFile];
}

export interface PushedChart {
  /** `oci://127.0.0.1:15000/charts/name`: what `helm pull`/dependencies take (with --version). */
  ref: string;
  /** `oci://127.0.0.1:15000/charts`: the repository a dependency names. */
  repository: string;
  /** The manifest digest helm reported, `sha256:...`. */
  digest: string;
}

/** Which registry of the chart servers: with auth, without, or without over plain HTTP. */
export type RegistryKind = 'auth' | 'anon' | 'plain-http';

export function registryOf(kind: RegistryKind): string {
  const servers = chartServers();
  return kind === 'auth'
    ? servers.registry
    : kind === 'anon'
      ? servers.registryAnon
      : servers.registryPlainHttp;
}

/**
 * `helm push`es a packaged chart to `oci://<registry>/<namespace>` (the registry with auth
 * by default, logging in first; `anon` and `plain-http` need no login).
 */
export async function pushChart(
  helm: Helm,
  tgz: string,
  options: { registry?: RegistryKind; namespace?: string } = {},
): Promise<PushedChart> {
  const servers = chartServers();
  const registry = registryOf(options.registry ?? 'auth');
  if (registry === servers.registry && !loggedIn.get(helm)?.has(registry)) await registryLogin(helm);
  const repository = `oci://${registry}/${options.namespace ?? 'charts'}`;
  const result = await helm.run(['push', tgz, repository, ...registryFlags(registry)]);
  const output = result.stdout + result.stderr;
  // "Pushed: 127.0.0.1:15000/charts/name:0.1.0" and "Digest: sha256:..."
  const pushed = /Pushed: (\S+):[^:\s]+\s*$/m.exec(output)?.[1];
  const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1];
  if (!pushed || !digest) throw new Error(`helm push printed no Pushed:/Digest: lines: ${output}`);
  return { ref: `oci://${pushed}`, repository, digest };
}

// ---------------------------------------------------------------- hand-made archives

/**
 * A chart archive made entry by entry, as `helm package` never makes one (it follows
 * links): the chart's files under `<name>/`, and `links` (path in the chart folder → link
 * target) as symbolic link entries. Returns `<folder>/<name>-<version>.tgz`, ready for
 * publishToHttpRepo.
 */
export async function makeChartArchiveWithLinks(
  spec: ChartSpec,
  links: Record<string, string>,
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'plumbline-chart-links-'));
  const chartDir = await writeChart(folder, spec);
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    const gzip = createGzip();
    gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gzip.on('end', () => resolve());
    gzip.on('error', reject);
    pack.pipe(gzip);
  });
  for (const file of await readdir(chartDir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    const name = `${spec.name}/${relative(chartDir, path).split(sep).join('/')}`;
    pack.entry({ name, mode: 0o644 }, await readFile(path));
  }
  for (const [name, target] of Object.entries(links)) {
    pack.entry({ name: `${spec.name}/${name}`, type: 'symlink', linkname: target });
  }
  pack.finalize();
  await done;
  const tgz = join(folder, `${spec.name}-${spec.version ?? '0.1.0'}.tgz`);
  await writeFile(tgz, Buffer.concat(chunks));
  return tgz;
}
