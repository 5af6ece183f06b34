/** What every renderer runs with: where it may read, the room it runs in, its limits. */

import type { ChartFetcher } from '../charts/fetch.js';
import type { RunDiscoveries } from '../config/run-discoveries.js';
import type { EnvironmentConfig, RenderSettings } from '../config/types.js';
import type { KubeObject } from '../resource.js';
import type { CapabilitiesChoice } from './capabilities.js';
import type { Boundary } from './containment.js';
import type { RenderSandbox } from './sandbox.js';
import type { ToolOverrides } from './tools.js';

export interface RenderContext {
  boundary: Boundary;
  sandbox: RenderSandbox;
  settings: RenderSettings;
  tools: ToolOverrides;
  /** Fetches charts from repositories and registries, once per run. */
  charts: ChartFetcher;
  /** The Flux and Argo CD discoveries of the checkouts the run renders, once per run. */
  discoveries: RunDiscoveries;
  /** What helm reports as `.Capabilities`. */
  capabilities: CapabilitiesChoice;
  /** The environment's ClusterObjectLookup (RenderOptions.clusterObjects), when the run has one. */
  clusterObjects?: (reference: ClusterObjectReference) => Promise<ClusterObject | undefined>;
}

/** A ConfigMap or Secret (v1) a Flux controller would read from the cluster. */
export interface ClusterObjectReference {
  kind: 'ConfigMap' | 'Secret';
  namespace: string;
  name: string;
}

/** An object the cluster holds outside the repository, Secrets masked. */
export interface ClusterObject {
  object: KubeObject;
  /** Where it was found, for errors: `file:line`, or the cluster's context. */
  place: string;
}

/**
 * The ConfigMaps and Secrets an environment's cluster holds that the repository does not:
 * provided by commands/ (a file of the trusted configuration, then the cluster itself in a
 * live comparison), asked only for what the repository lacks. Undefined: not there either.
 */
export type ClusterObjectLookup = (
  environment: EnvironmentConfig,
  reference: ClusterObjectReference,
) => Promise<ClusterObject | undefined>;
