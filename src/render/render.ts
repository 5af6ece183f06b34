/**
 * Environments -> Resource[]: the configured (or detected) renderer, or Flux's controllers
 * for a Flux environment (flux.ts), run in a sandbox of its own (see sandbox.ts) on paths
 * checked to stay inside the repository, then the limits and one check that no object is
 * rendered twice. Errors name the environment and its path.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { ArgoApplicationFacts } from '../argocd/live-rules.js';
import { type ChartFetcher, runChartFetcher } from '../charts/fetch.js';
import { environmentNamespace } from '../config/environment-namespace.js';
import { isGitOpsNative } from '../config/load.js';
import { renderSettings } from '../config/parse.js';
import { RunDiscoveries } from '../config/run-discoveries.js';
import type { Capabilities, EnvironmentConfig, RenderSettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { FluxKustomizationFacts } from '../flux/live-rules.js';
import type { RenderProvenance } from '../provenance.js';
import type { Resource, SourceLocation } from '../resource.js';
import { displayName } from '../resource.js';
import { renderArgo } from './argocd.js';
import { capabilitiesProvenance, chooseCapabilities } from './capabilities.js';
import { boundaryOf, realPathInside } from './containment.js';
import type { ClusterObjectLookup, RenderContext } from './context.js';
import { type ConcreteRenderer, detectRenderer } from './detect.js';
import { renderFlux } from './flux.js';
import { renderHelm } from './helm.js';
import { renderKustomize } from './kustomize.js';
import { fillNamespace } from './namespace.js';
import { renderPlain } from './plain.js';
import { openSandbox } from './sandbox.js';
import { helmVersion, optionalHelm, type ToolOverrides } from './tools.js';

export type { ClusterObject, ClusterObjectLookup, ClusterObjectReference } from './context.js';

export interface RenderOptions {
  /** Fetches charts from repositories and registries; share one across a run's renders. */
  charts?: ChartFetcher;
  /** The run's Flux and Argo CD discoveries; share one across a run's renders. */
  discoveries?: RunDiscoveries;
  /** The capabilities of each environment's cluster, by environment name, when plumbline asked it. */
  clusterCapabilities?: ReadonlyMap<string, Capabilities>;
  /** Environments rendered at once by renderEnvironments; defaults to the cores, at most 4. */
  concurrency?: number;
  /** Binaries to run instead of PLUMBLINE_KUSTOMIZE / PLUMBLINE_HELM / PATH. */
  tools?: ToolOverrides;
  /** Allowed hosts and limits, from the trusted configuration; defaults: no network. */
  settings?: RenderSettings;
  /**
   * A Flux environment's ConfigMaps and Secrets that exist only in its cluster (for
   * postBuild.substituteFrom and HelmRelease valuesFrom), asked after the repository's.
   */
  clusterObjects?: ClusterObjectLookup;
  /**
   * The outermost folder renderers may read (the git work tree holding the configuration);
   * defaults to the repository root itself.
   */
  top?: string;
}

export interface Rendered {
  resources: Resource[];
  provenance: RenderProvenance;
  /** A Flux environment's Kustomization: what its spec says of applying and pruning. */
  flux?: FluxKustomizationFacts;
  /** An Argo CD environment's Application: what its spec says of comparing. */
  argocd?: ArgoApplicationFacts;
}

export type RenderResult =
  | ({ environment: EnvironmentConfig } & Rendered)
  | { environment: EnvironmentConfig; error: Error };

export async function renderEnvironment(
  repoRoot: string,
  env: EnvironmentConfig,
  options: RenderOptions = {},
): Promise<Rendered> {
  const tools = options.tools ?? {};
  const settings = options.settings ?? renderSettings();
  const helm = await optionalHelm(tools);
  const sandbox = await openSandbox({ allowHosts: settings.allowHosts, helm });
  try {
    const boundary = await boundaryOf(repoRoot, options.top);
    // A Flux or Argo CD environment's path is found again in the checkout rendered.
    if (!isGitOpsNative(env)) {
      await requireFolder(repoRoot, env.path);
      await realPathInside(boundary, env.path);
    }
    const renderer = rendererOf(env) ?? (await detectRenderer(repoRoot, env.path));
    const capabilities = chooseCapabilities(env, options.clusterCapabilities?.get(env.name));
    const context: RenderContext = {
      boundary,
      sandbox,
      settings,
      tools,
      charts: options.charts ?? runChartFetcher(settings),
      discoveries: options.discoveries ?? new RunDiscoveries(),
      capabilities,
    };
    const lookup = options.clusterObjects;
    if (lookup) context.clusterObjects = (reference) => lookup(env, reference);
    const provenance: RenderProvenance = { charts: [] };
    let resources: Resource[];
    let ranHelm = false;
    let flux: FluxKustomizationFacts | undefined;
    let argocd: ArgoApplicationFacts | undefined;
    if (renderer === 'kustomize') {
      ({ resources, ranHelm } = await renderKustomize(context, env.path));
    } else if (renderer === 'helm') {
      ({ resources, charts: provenance.charts } = await renderHelm(context, env));
      ranHelm = true;
    } else if (renderer === 'argocd') {
      ({
        resources,
        charts: provenance.charts,
        ranHelm,
        application: argocd,
      } = await renderArgo(context, env, repoRoot));
    } else if (renderer === 'flux') {
      ({
        resources,
        charts: provenance.charts,
        ranHelm,
        kustomization: flux,
      } = await renderFlux(context, env, repoRoot));
    } else {
      resources = await renderPlain(context, env.path);
    }
    if (ranHelm && helm) {
      provenance.capabilities = capabilitiesProvenance(capabilities);
      provenance.helmVersion = await helmVersion(helm, sandbox.env);
    }
    const namespace = environmentNamespace(env);
    if (namespace) resources = fillNamespace(resources, namespace);
    requireWithinObjectLimit(resources, settings);
    requireUniqueKeys(resources);
    return { resources, provenance, ...(flux ? { flux } : {}), ...(argocd ? { argocd } : {}) };
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`Environment "${env.name}" (${env.path}): ${error.message}`, error.hint, {
      cause: error,
      ...(error.remedy ? { remedy: error.remedy } : {}),
    });
  } finally {
    await sandbox.dispose();
  }
}

/** Every environment, in parallel up to `concurrency`; one failing does not hide the others. */
export async function renderEnvironments(
  repoRoot: string,
  envs: EnvironmentConfig[],
  options: RenderOptions = {},
): Promise<RenderResult[]> {
  // One fetcher and one discovery for all of them: a chart many environments share is
  // fetched once, a checkout discovered once.
  options = {
    ...options,
    charts: options.charts ?? runChartFetcher(options.settings ?? renderSettings()),
    discoveries: options.discoveries ?? new RunDiscoveries(),
  };
  const limit = pLimit(options.concurrency ?? Math.min(4, availableParallelism()));
  return Promise.all(
    envs.map((environment) =>
      limit(async (): Promise<RenderResult> => {
        try {
          return { environment, ...(await renderEnvironment(repoRoot, environment, options)) };
        } catch (error) {
          return { environment, error: error instanceof Error ? error : new Error(String(error)) };
        }
      }),
    ),
  );
}

/** A chart from a repository is rendered by helm whatever the folder holds (values files). */
function rendererOf(env: EnvironmentConfig): ConcreteRenderer | 'flux' | 'argocd' | undefined {
  if (env.helm?.chart) return 'helm';
  return env.renderer === 'auto' ? undefined : env.renderer;
}

async function requireFolder(repoRoot: string, path: string): Promise<void> {
  const isFolder = await stat(join(repoRoot, path)).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new PlumblineError(`the folder ${path} does not exist`, 'Check the environment path.');
}

function requireWithinObjectLimit(resources: Resource[], settings: RenderSettings): void {
  if (resources.length <= settings.limits.objects) return;
  throw new PlumblineError(
    `rendered ${resources.length} objects, more than the limit of ${settings.limits.objects} per environment`,
    'Split the environment, or raise render.limits.objects in the configuration of the base branch.',
  );
}

function requireUniqueKeys(resources: Resource[]): void {
  const seen = new Map<string, Resource>();
  const duplicates: string[] = [];
  for (const resource of resources) {
    const first = seen.get(resource.key);
    if (first) {
      duplicates.push(
        `${displayName(resource.id)} is rendered twice: at ${place(first.source)} and at ${place(resource.source)}`,
      );
    } else {
      seen.set(resource.key, resource);
    }
  }
  if (duplicates.length > 0) {
    throw new PlumblineError(
      duplicates.join('\n'),
      'Each object may appear once per environment; remove one of them or give it another name or namespace.',
    );
  }
}

function place(source: SourceLocation): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
