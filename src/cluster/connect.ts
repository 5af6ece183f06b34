/**
 * Connecting to a cluster: load the kubeconfig, pick the context, and make sure the API
 * server answers before any work starts, so an unreachable cluster is one clear error.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { Capabilities } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { KubeObject, Resource } from '../resource.js';
import { readCapabilities } from './capabilities.js';
import { Discovery } from './discovery.js';
import { type DryRunOptions, type DryRunOutcome, dryRunApply } from './dry-run.js';
import { unexpectedAnswer } from './errors.js';
import { describeKubeconfigPath, looksLikeContent, safeLibraryMessage } from './kubeconfig-text.js';
import { type LiveState, type ReadLiveOptions, readLive, readObject } from './live.js';
import { resolveScopes, type ScopeResolution } from './scopes.js';
import { KubeTransport, type TransportOptions } from './transport.js';

export interface ClusterTarget {
  /** A kubeconfig file; absent means $KUBECONFIG, then ~/.kube/config, then in-cluster. */
  kubeconfigPath?: string;
  /** A context of that kubeconfig; absent means its current context. */
  context?: string;
  /** Timeout and retry settings of every request. */
  transport?: TransportOptions;
}

/** One API server, reached with one kubeconfig context. All results are plain, masked data. */
export interface ClusterClient {
  readonly server: string;
  readonly context: string;
  /** Where namespaced objects without a namespace go: the context's namespace, or `default`. */
  readonly defaultNamespace: string;
  /** API requests sent so far, retries included (what a run costs the API server). */
  requestCount(): number;
  /**
   * Sets `namespace` (else the default namespace) on namespaced objects that lack one and removes it from
   * cluster-scoped ones, as the server would; keys are recomputed. Kinds neither served
   * nor defined by a rendered CRD stay as they are and are listed.
   */
  resolveScopes(desired: readonly Resource[], namespace?: string): Promise<ScopeResolution>;
  /** The version and API versions helm reports to charts, read once per client. */
  capabilities(): Promise<Capabilities>;
  /**
   * The live objects of a (scope-resolved) desired set, one LIST per kind and namespace,
   * and the objects carrying the ownership label.
   */
  readLive(desired: readonly Resource[], options?: ReadLiveOptions): Promise<LiveState>;
  /** One namespaced object by name, masked; undefined when there is none. */
  readObject(wanted: {
    apiVersion: string;
    kind: string;
    namespace: string;
    name: string;
  }): Promise<KubeObject | undefined>;
  /** Server-side-apply dry run of each (scope-resolved) object, by key. */
  dryRunApply(desired: readonly Resource[], options?: DryRunOptions): Promise<Map<string, DryRunOutcome>>;
  /** Releases the connection pool. */
  close(): void;
}

export async function connectCluster(target: ClusterTarget = {}): Promise<ClusterClient> {
  const kubeConfig = loadKubeConfig(target);
  const transport = await KubeTransport.create(kubeConfig, target.transport);
  let gitVersion: string;
  try {
    const version = await transport.request('GET', '/version');
    if (version.status !== 200) {
      throw unexpectedAnswer('Reading the server version', version, transport.server, transport.context);
    }
    gitVersion = String((version.body as { gitVersion?: unknown }).gitVersion ?? '');
  } catch (error) {
    transport.close();
    throw error;
  }
  const defaultNamespace = kubeConfig.getContextObject(kubeConfig.currentContext)?.namespace || 'default';
  const discovery = new Discovery(transport);
  let capabilities: Promise<Capabilities> | undefined;
  return {
    server: transport.server,
    context: transport.context,
    defaultNamespace,
    requestCount: () => transport.requestCount(),
    resolveScopes: (desired, namespace) => resolveScopes(discovery, desired, namespace ?? defaultNamespace),
    capabilities: () => {
      capabilities ??= readCapabilities(transport, gitVersion);
      return capabilities;
    },
    readLive: (desired, options) => readLive(transport, discovery, desired, options),
    readObject: (wanted) => readObject(transport, discovery, wanted),
    dryRunApply: (desired, options) => dryRunApply(transport, discovery, desired, options),
    close: () => transport.close(),
  };
}

function loadKubeConfig(target: ClusterTarget): KubeConfig {
  const kubeConfig = new KubeConfig();
  const path = target.kubeconfigPath;
  const described = describeKubeconfigPath(
    path ?? (process.env.KUBECONFIG || join(homedir(), '.kube', 'config')),
  );
  if (path !== undefined && !existsSync(path)) {
    throw new PlumblineError(
      `The kubeconfig file ${described} does not exist.`,
      looksLikeContent(path)
        ? 'Pass the path of a kubeconfig file, not its content (a CI variable holding a kubeconfig must be of the file type).'
        : 'Pass the path of an existing kubeconfig.',
    );
  }
  const defaultFound =
    Boolean(process.env.KUBECONFIG) ||
    existsSync(join(homedir(), '.kube', 'config')) ||
    Boolean(process.env.KUBERNETES_SERVICE_HOST);
  if (path === undefined && !defaultFound) {
    throw new PlumblineError(
      'No kubeconfig found: KUBECONFIG is not set and ~/.kube/config does not exist.',
      'Set KUBECONFIG to a kubeconfig that can reach the cluster.',
      { remedy: 'offline' },
    );
  }
  try {
    if (path === undefined) kubeConfig.loadFromDefault();
    else kubeConfig.loadFromFile(path);
  } catch (error) {
    throw new PlumblineError(
      `The kubeconfig ${described} cannot be read: ${safeLibraryMessage(error)}`,
      'Fix the file (kubectl config view shows how kubectl reads it).',
      { cause: error },
    );
  }
  if (target.context !== undefined) {
    if (!kubeConfig.getContextObject(target.context)) {
      const known = kubeConfig.getContexts().map((context) => context.name);
      throw new PlumblineError(
        `The kubeconfig ${described} has no context named ${target.context}.`,
        known.length > 0 ? `Its contexts are: ${known.join(', ')}.` : 'It defines no context at all.',
      );
    }
    kubeConfig.setCurrentContext(target.context);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new PlumblineError(
      `The kubeconfig ${described} has no cluster for context ${kubeConfig.currentContext || '(none)'}.`,
      'Name a context with a cluster (kubectl config get-contexts lists them).',
    );
  }
  return kubeConfig;
}
