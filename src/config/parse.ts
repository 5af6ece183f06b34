/**
 * plumbline.yaml text -> configuration, or every problem in it with its line and column.
 * Pure: the checks that need the file system (does a path exist) happen in load.ts with
 * `locate` pointing at the offending field.
 */
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { compileJqPath, JqPathError } from '../argocd/jq-path.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';
import { nodeLocator, type Segment } from './locate.js';
import type { ConfigProblem, Position } from './problems.js';
import { validateAgainstSchema } from './schema.js';
import { checkEnvironments, normalizeEnvironmentPath } from './semantic.js';
import type {
  ArgoClusterSettings,
  ArgoIgnoreDifference,
  ArgoSettings,
  Capabilities,
  ChartSource,
  EnvironmentConfig,
  IgnoreRule,
  PlumblineConfig,
  PromoteSettings,
  RendererKind,
  RenderSettings,
  RepositoryAccess,
} from './types.js';

/** The configuration as written: environments absent means "discover them". */
export type WrittenConfig = Omit<PlumblineConfig, 'environments'> & {
  environments?: EnvironmentConfig[];
  /**
   * By Flux cluster (`clusters.<context>.fluxCluster`): the context its discovered Flux
   * environments are compared with, and that context's capabilities over the top-level ones.
   */
  fluxClusters?: Record<string, { context: string; capabilities?: Capabilities }>;
  /**
   * `flux.promote`, by Flux cluster (`production`) or discovered environment name
   * (`production/flux-system/apps`): where those environments are promoted from.
   */
  fluxPromote?: Record<string, PromoteSettings>;
  /** By Argo CD cluster (`clusters.<context>.argocdCluster`): the context its discovered Applications are compared with. */
  argocdContexts?: Record<string, { context: string; capabilities?: Capabilities }>;
  /** `argocd.promote`, by Argo CD cluster or discovered environment name (`<cluster>/<name>`). */
  argocdPromote?: Record<string, PromoteSettings>;
};

export interface ParsedConfig {
  /** Present when the file has no problems. */
  config?: WrittenConfig;
  problems: ConfigProblem[];
  /** Position of a field, for problems found later (e.g. a path that does not exist). */
  locate(segments: Segment[]): Position;
}

const START: Position = { line: 1, column: 1 };

export function parseConfigText(text: string, file: string): ParsedConfig {
  const lineCounter = new LineCounter();
  // No problem quotes the file: it may not be what it seems (a symlink to
  // /proc/self/environ). prettyErrors would add a snippet of it to messages, and warnings
  // would print a key on stderr.
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // `parseAllDocuments` returns an empty stream for an empty or comment-only file.
  const document = Array.isArray(documents) ? documents[0] : undefined;
  if (!document) {
    return {
      problems: [{ file, ...START, message: 'the file is empty; expected a mapping with "environments"' }],
      locate: () => START,
    };
  }
  const locator = nodeLocator(document, lineCounter);
  const locate = (segments: Segment[]) => locator.valueAt(segments);
  const result = (problems: ConfigProblem[], config?: WrittenConfig): ParsedConfig =>
    config ? { config, problems, locate } : { problems, locate };

  const syntaxProblems: ConfigProblem[] = document.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `YAML syntax: ${syntaxReason(error)}`,
    hint: error.code === 'DUPLICATE_KEY' ? 'Each key may appear only once in a mapping.' : undefined,
  }));
  const extra = (documents as Document.Parsed[])[1];
  if (extra) {
    syntaxProblems.push({
      file,
      ...at(extra.range[0]),
      message: 'a second YAML document; the configuration is a single document',
      hint: 'Remove the "---" separator and merge the documents.',
    });
  }
  if (syntaxProblems.length > 0) return result(syntaxProblems);

  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) {
    return result([{ file, ...at(parsed.offset), message: `YAML aliases: ${parsed.reason}` }]);
  }
  const data = parsed.value;
  const schemaProblems = validateAgainstSchema(data).map((problem) => ({
    file,
    ...(problem.atKey ? locator.keyAt(problem.segments) : locator.valueAt(problem.segments)),
    message: problem.message,
    hint: problem.hint,
  }));
  if (schemaProblems.length > 0) return result(schemaProblems);

  const written = data as SchemaValidConfig;
  const semanticProblems = [
    ...checkEnvironments(written.environments ?? []),
    ...checkClusterNames(written.clusters ?? {}, 'fluxCluster', 'Flux'),
    ...checkClusterNames(written.clusters ?? {}, 'argocdCluster', 'Argo CD'),
    ...checkFluxClusterObjects(written.flux?.clusterObjects ?? {}),
    ...checkNativePromote(written.flux?.promote ?? {}, FLUX_NAMING),
    ...checkNativePromote(written.argocd?.promote ?? {}, ARGO_NAMING),
    ...checkArgoIgnoreDifferences(written.argocd?.ignoreDifferences ?? []),
  ].map((problem) => ({
    file,
    ...locator.valueAt(problem.segments),
    message: problem.message,
    hint: problem.hint,
  }));
  if (semanticProblems.length > 0) return result(semanticProblems);

  return result([], withDefaults(written, file));
}

type WrittenEnvironment = NonNullable<SchemaValidConfig['environments']>[number];

/** The shape the schema guarantees; defaults are not filled in yet. */
interface SchemaValidConfig {
  environments?: Array<{
    name: string;
    path: string;
    renderer?: RendererKind;
    namespace?: string;
    capabilities?: WrittenCapabilities;
    helm?: { releaseName?: string; namespace?: string; chart?: ChartSource; valuesFiles?: string[] };
    cluster?: { context?: string };
    promote?: WrittenPromote;
  }>;
  render?: {
    allowHosts?: string[];
    limits?: { bytes?: number; objects?: number };
    repositories?: RepositoryAccess[];
    dockerConfig?: string;
  };
  capabilities?: WrittenCapabilities;
  clusters?: Record<
    string,
    { capabilities?: WrittenCapabilities; fluxCluster?: string; argocdCluster?: string }
  >;
  repositoryUrls?: string[];
  flux?: { clusterObjects?: Record<string, string>; promote?: Record<string, WrittenPromote> };
  argocd?: {
    trackingMethod?: ArgoSettings['trackingMethod'];
    instanceLabelKey?: string;
    namespace?: string;
    ignoreDifferences?: ArgoIgnoreDifference[];
    clusters?: Array<Omit<ArgoClusterSettings, 'labels' | 'annotations'> & Partial<ArgoClusterSettings>>;
    promote?: Record<string, WrittenPromote>;
  };
  diff?: { ignore?: IgnoreRule[]; ownershipLabel?: string };
  drift?: { after?: number; labels?: string[] };
}

type WrittenPromote = Partial<PromoteSettings> & { from: string };

interface WrittenCapabilities {
  kubeVersion?: string;
  apiVersions?: string[];
}

/** The render settings of a configuration, with the defaults the schema documents. */
export function renderSettings(written: SchemaValidConfig['render'] = {}): RenderSettings {
  const settings: RenderSettings = {
    allowHosts: (written.allowHosts ?? []).map((host) => host.toLowerCase()),
    limits: {
      bytes: written.limits?.bytes ?? DEFAULT_RENDER_LIMITS.bytes,
      objects: written.limits?.objects ?? DEFAULT_RENDER_LIMITS.objects,
    },
    repositories: (written.repositories ?? []).map((access) => ({
      ...access,
      host: access.host.toLowerCase(),
    })),
  };
  if (written.dockerConfig !== undefined) settings.dockerConfig = written.dockerConfig;
  return settings;
}

/** Argo CD's settings as written, with Argo CD's own defaults (argocd-cm's, Argo CD 3). */
export function argoSettings(written: SchemaValidConfig['argocd'] = {}): ArgoSettings {
  return {
    trackingMethod: written.trackingMethod ?? 'annotation',
    instanceLabelKey: written.instanceLabelKey ?? 'app.kubernetes.io/instance',
    namespace: written.namespace ?? 'argocd',
    ignoreDifferences: written.ignoreDifferences ?? [],
  };
}

/**
 * An environment's offline capabilities: its own, else its cluster context's, else the
 * configuration's; each field on its own.
 */
function capabilitiesOf(
  written: SchemaValidConfig,
  environment: Pick<WrittenEnvironment, 'capabilities' | 'cluster'>,
): Capabilities | undefined {
  const context = environment.cluster?.context;
  const layers = [
    environment.capabilities,
    context === undefined ? undefined : written.clusters?.[context]?.capabilities,
    written.capabilities,
  ];
  const kubeVersion = layers.find((layer) => layer?.kubeVersion !== undefined)?.kubeVersion;
  const apiVersions = layers.find((layer) => layer?.apiVersions !== undefined)?.apiVersions;
  if (kubeVersion === undefined && apiVersions === undefined) return undefined;
  const capabilities: Capabilities = { apiVersions: apiVersions ?? [] };
  if (kubeVersion !== undefined)
    capabilities.kubeVersion = kubeVersion.startsWith('v') ? kubeVersion : `v${kubeVersion}`;
  return capabilities;
}

/** 50 MiB and 10,000 objects: far beyond a real environment, well within two cores' memory. */
const DEFAULT_RENDER_LIMITS = { bytes: 50 * 1024 * 1024, objects: 10_000 } as const;

function withDefaults(written: SchemaValidConfig, file: string): WrittenConfig {
  const config: WrittenConfig = {
    file,
    render: renderSettings(written.render),
    diff: { ignore: written.diff?.ignore ?? [] },
    drift: { after: written.drift?.after ?? 1, labels: written.drift?.labels ?? ['drift'] },
  };
  const repositoryUrls = written.repositoryUrls ?? [];
  if (repositoryUrls.length > 0) config.render.repositoryUrls = [...repositoryUrls];
  if (written.diff?.ownershipLabel !== undefined) config.diff.ownershipLabel = written.diff.ownershipLabel;
  const configurationWide = capabilitiesOf(written, {});
  if (configurationWide) config.capabilities = configurationWide;
  for (const [context, settings] of Object.entries(written.clusters ?? {})) {
    if (settings.fluxCluster === undefined) continue;
    const capabilities = capabilitiesOf(written, { cluster: { context } });
    config.fluxClusters ??= {};
    config.fluxClusters[settings.fluxCluster] = capabilities ? { context, capabilities } : { context };
  }
  for (const [context, settings] of Object.entries(written.clusters ?? {})) {
    if (settings.argocdCluster === undefined) continue;
    const capabilities = capabilitiesOf(written, { cluster: { context } });
    config.argocdContexts ??= {};
    config.argocdContexts[settings.argocdCluster] = capabilities ? { context, capabilities } : { context };
  }
  if (written.argocd) {
    config.argocd = argoSettings(written.argocd);
    const clusters = written.argocd.clusters;
    if (clusters) {
      config.render.argocdClusters = clusters.map((cluster) => ({
        ...cluster,
        labels: { ...cluster.labels },
        annotations: { ...cluster.annotations },
      }));
    }
    const argocdPromote = written.argocd.promote;
    if (argocdPromote) {
      config.argocdPromote = Object.fromEntries(
        Object.entries(argocdPromote).map(([key, promote]) => [key, promoteWithDefaults(promote)]),
      );
    }
  }
  const clusterObjects = fluxClusterObjects(written);
  if (clusterObjects) config.fluxClusterObjects = clusterObjects;
  if (written.environments) {
    config.environments = written.environments.map((environment) => {
      const result: EnvironmentConfig = {
        name: environment.name,
        // checkEnvironments has rejected paths that do not normalize.
        path: normalizeEnvironmentPath(environment.path)!,
        renderer: environment.renderer ?? 'auto',
      };
      if (environment.namespace !== undefined) result.namespace = environment.namespace;
      const capabilities = capabilitiesOf(written, environment);
      if (capabilities) result.capabilities = capabilities;
      if (environment.helm)
        result.helm = { ...environment.helm, valuesFiles: environment.helm.valuesFiles ?? [] };
      if (environment.cluster) result.cluster = { ...environment.cluster };
      if (environment.promote) result.promote = promoteWithDefaults(environment.promote);
      return result;
    });
  }
  const fluxPromote = written.flux?.promote;
  if (fluxPromote) {
    config.fluxPromote = Object.fromEntries(
      Object.entries(fluxPromote).map(([key, promote]) => [key, promoteWithDefaults(promote)]),
    );
  }
  return config;
}

function promoteWithDefaults(promote: WrittenPromote): PromoteSettings {
  return { ...promote, via: promote.via ?? 'pull-request', allowDowngrade: promote.allowDowngrade ?? false };
}

/** How one GitOps tool's discovered environments are named, for its `promote` map. */
interface PromoteNaming {
  section: 'flux' | 'argocd';
  /** The tool's name, with its article: `a Flux`. */
  aTool: string;
  tool: string;
  /** An environment's name, whole. */
  environment: RegExp;
  form: string;
  example: string;
}

const FLUX_NAMING: PromoteNaming = {
  section: 'flux',
  aTool: 'a Flux',
  tool: 'Flux',
  environment: /^[^/]+\/[^/]+\/[^/]+$/,
  form: '<cluster>/<namespace>/<name>',
  example: 'production/flux-system/apps: { from: staging/flux-system/apps }',
};

const ARGO_NAMING: PromoteNaming = {
  section: 'argocd',
  aTool: 'an Argo CD',
  tool: 'Argo CD',
  environment: /^[^/]+\/[^/]+$/,
  form: '<cluster>/<name>',
  example: 'in-cluster/web-prod: { from: in-cluster/web-staging }',
};

/**
 * `flux.promote` and `argocd.promote`: a cluster promotes from a cluster, an environment
 * from an environment, never from itself.
 */
function checkNativePromote(
  promote: Record<string, WrittenPromote>,
  naming: PromoteNaming,
): Array<{ segments: Segment[]; message: string; hint?: string }> {
  const problems: Array<{ segments: Segment[]; message: string; hint?: string }> = [];
  for (const [key, settings] of Object.entries(promote)) {
    const cluster = !key.includes('/');
    const from = settings.from;
    const fits = cluster ? !from.includes('/') : naming.environment.test(from);
    const segments = [naming.section, 'promote', key, 'from'];
    if (!fits) {
      problems.push({
        segments,
        message: cluster
          ? `${naming.aTool} cluster promotes from another ${naming.tool} cluster: a name without "/"`
          : `${naming.aTool} environment promotes from another ${naming.tool} environment: ${naming.form}`,
        hint: `Key a cluster (production: { from: staging }) or one environment (${naming.example}).`,
      });
    } else if (from === key) {
      problems.push({ segments, message: 'an environment cannot promote from itself' });
    }
  }
  return problems;
}

/** A Flux or Argo CD cluster is one cluster: two contexts cannot both be it. */
function checkClusterNames(
  clusters: NonNullable<SchemaValidConfig['clusters']>,
  field: 'fluxCluster' | 'argocdCluster',
  tool: string,
): Array<{ segments: Segment[]; message: string; hint?: string }> {
  const seen = new Set<string>();
  const problems: Array<{ segments: Segment[]; message: string; hint?: string }> = [];
  for (const [context, settings] of Object.entries(clusters)) {
    const name = settings[field];
    if (name === undefined) continue;
    if (seen.has(name)) {
      problems.push({
        segments: ['clusters', context, field],
        message: `another context already names this ${tool} cluster`,
        hint: `Give each ${tool} cluster one kubeconfig context.`,
      });
    }
    seen.add(name);
  }
  return problems;
}

/** `argocd.ignoreDifferences`: JSON pointers and jq paths Argo CD (and plumbline) can read. */
function checkArgoIgnoreDifferences(
  rules: readonly ArgoIgnoreDifference[],
): Array<{ segments: Segment[]; message: string; hint?: string }> {
  const problems: Array<{ segments: Segment[]; message: string; hint?: string }> = [];
  for (const [index, rule] of rules.entries()) {
    for (const [item, pointer] of (rule.jsonPointers ?? []).entries()) {
      if (pointer === '' || pointer.startsWith('/')) continue;
      problems.push({
        segments: ['argocd', 'ignoreDifferences', index, 'jsonPointers', item],
        message: 'not a JSON pointer: it must start with /',
        hint: 'Write /spec/replicas, with ~1 for a / inside a key.',
      });
    }
    for (const [item, expression] of (rule.jqPathExpressions ?? []).entries()) {
      try {
        compileJqPath(expression);
      } catch (error) {
        if (!(error instanceof JqPathError)) throw error;
        problems.push({
          segments: ['argocd', 'ignoreDifferences', index, 'jqPathExpressions', item],
          message: error.message,
          hint: 'docs/argocd.md lists the jq plumbline reads: paths, [], |, select(…) with comparisons.',
        });
      }
    }
  }
  return problems;
}

/** `flux.clusterObjects`, each path normalised (checkFluxClusterObjects has refused the others). */
function fluxClusterObjects(written: SchemaValidConfig): Record<string, string> | undefined {
  const entries = Object.entries(written.flux?.clusterObjects ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([cluster, path]) => [cluster, normalizeEnvironmentPath(path)!]));
}

/** A file of cluster objects is a file of the repository: a relative path that stays inside. */
function checkFluxClusterObjects(
  files: Record<string, string>,
): Array<{ segments: Segment[]; message: string; hint?: string }> {
  const problems: Array<{ segments: Segment[]; message: string; hint?: string }> = [];
  for (const [cluster, path] of Object.entries(files)) {
    const normal = normalizeEnvironmentPath(path);
    if (normal === undefined || normal === '.') {
      problems.push({
        segments: ['flux', 'clusterObjects', cluster],
        message: 'the file of cluster objects must be a path inside the repository',
        hint: "Give a file's path relative to the folder of plumbline.yaml, without leading / or ../.",
      });
    }
  }
  return problems;
}
