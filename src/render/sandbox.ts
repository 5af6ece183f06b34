/**
 * The room renderers run in. kustomize and helm read content a pull request wrote, so
 * they get nothing of plumbline's own: not its environment (tokens, INPUT_*, the CI job's
 * variables, KUBECONFIG), not the user's helm or git configuration, and no network unless
 * the trusted configuration names hosts. Each sandbox is a private temporary folder that
 * holds helm's homes, an empty plugin folder and a home directory, removed on dispose.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RenderSandbox {
  /** The whole environment of every renderer process: nothing else is inherited. */
  env: NodeJS.ProcessEnv;
  /**
   * What kustomize runs as helm (`--helm-command`): a wrapper that pins helm's homes and
   * plugin folder, because kustomize points HELM_CONFIG_HOME wherever a kustomization's
   * `helmGlobals.configHome` says, and helm runs the plugins it finds there.
   */
  helmForKustomize?: string;
  /** A private folder for what plumbline prepares for a renderer (a chart with its dependencies). */
  scratch: string;
  dispose(): Promise<void>;
}

export interface SandboxOptions {
  /** Hosts renderers may reach; empty: none. */
  allowHosts: readonly string[];
  /** The helm binary, when one is available. */
  helm?: string;
}

/**
 * An unreachable proxy (the discard port on loopback) for renderers that have no network:
 * a fetch that slipped past plumbline's own checks of the references then fails instead
 * of reaching a host. The checks in kustomize-inputs.ts are the rule; this is a backstop.
 */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'];
const NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'];

/** helm subcommands kustomize runs: a version check, the render and, with network, a chart pull. */
const HELM_SUBCOMMANDS_FOR_KUSTOMIZE = ['version', 'template'];

export async function openSandbox(options: SandboxOptions): Promise<RenderSandbox> {
  const root = await mkdtemp(join(tmpdir(), 'plumbline-render-'));
  const path = (...parts: string[]) => join(root, ...parts);
  const folders = {
    home: path('home'),
    tmp: path('tmp'),
    bin: path('bin'),
    scratch: path('scratch'),
    helmConfig: path('helm', 'config'),
    helmCache: path('helm', 'cache'),
    helmData: path('helm', 'data'),
    helmPlugins: path('helm', 'plugins'),
  };
  for (const folder of Object.values(folders)) await mkdir(folder, { recursive: true });
  const emptyKubeconfig = path('kubeconfig');
  await writeFile(emptyKubeconfig, '');

  const helmHomes: Record<string, string> = {
    HELM_CONFIG_HOME: folders.helmConfig,
    HELM_CACHE_HOME: folders.helmCache,
    HELM_DATA_HOME: folders.helmData,
    HELM_PLUGINS: folders.helmPlugins,
    HELM_REPOSITORY_CONFIG: join(folders.helmConfig, 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(folders.helmCache, 'repository'),
    HELM_REGISTRY_CONFIG: join(folders.helmConfig, 'registry', 'config.json'),
  };
  const online = options.allowHosts.length > 0;
  const env: NodeJS.ProcessEnv = {
    // PATH names programs, not secrets; kustomize needs git from it for allowed remote bases.
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: folders.home,
    TMPDIR: folders.tmp,
    XDG_CONFIG_HOME: join(folders.home, '.config'),
    XDG_CACHE_HOME: join(folders.home, '.cache'),
    XDG_DATA_HOME: join(folders.home, '.local', 'share'),
    KUBECONFIG: emptyKubeconfig,
    ...helmHomes,
    // git, for kustomize's remote bases: no system or user configuration, no prompts, and
    // no transport at all unless hosts are allowed.
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ALLOW_PROTOCOL: online ? 'https:http' : 'plumbline-no-network',
    ...(online ? proxiesOf(process.env) : noNetworkProxies()),
  };

  let helmForKustomize: string | undefined;
  if (options.helm) {
    helmForKustomize = join(folders.bin, 'helm');
    const subcommands = online ? [...HELM_SUBCOMMANDS_FOR_KUSTOMIZE, 'pull'] : HELM_SUBCOMMANDS_FOR_KUSTOMIZE;
    await writeFile(helmForKustomize, helmWrapper(options.helm, helmHomes, subcommands));
    await chmod(helmForKustomize, 0o755);
  }

  return {
    env,
    helmForKustomize,
    scratch: folders.scratch,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

function noNetworkProxies(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PROXY_VARIABLES) env[name] = NO_NETWORK_PROXY;
  for (const name of NO_PROXY_VARIABLES) env[name] = '';
  return env;
}

/** With allowed hosts, the runner's own proxy settings still apply (a corporate proxy). */
function proxiesOf(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES]) {
    if (parent[name] !== undefined) env[name] = parent[name];
  }
  return env;
}

/**
 * A POSIX shell script that sets helm's homes whatever its caller set, refuses every
 * subcommand kustomize has no business running (plugin, repo, registry, dependency, …),
 * and then runs the real helm.
 */
function helmWrapper(helm: string, homes: Record<string, string>, subcommands: readonly string[]): string {
  const exports = Object.entries(homes).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  return [
    '#!/bin/sh',
    '# Written by plumbline for one render; see src/render/sandbox.ts.',
    ...exports,
    'case "$1" in',
    `  ${subcommands.join('|')}) ;;`,
    '  *) echo "plumbline: helm $1 is not allowed while rendering" >&2; exit 1 ;;',
    'esac',
    `exec ${shellQuote(helm)} "$@"`,
    '',
  ].join('\n');
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
