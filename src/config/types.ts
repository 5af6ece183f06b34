/** The validated form of plumbline.yaml (see schema/plumbline.schema.json). */

/**
 * `flux`: a Flux Kustomization, rendered as kustomize-controller and helm-controller would
 * (docs/flux.md); `argocd`: an Argo CD Application, rendered as its repo-server would
 * (docs/argocd.md). Only discovery makes such environments, never plumbline.yaml.
 */
export type RendererKind = 'auto' | 'plain' | 'kustomize' | 'helm' | 'flux' | 'argocd';

/** A chart in a Helm repository (`https://…`) or an OCI registry (`oci://…`). */
export interface ChartSource {
  repository: string;
  name: string;
  /** Exact, or a range resolved on every run. */
  version: string;
}

export interface HelmSettings {
  releaseName?: string;
  namespace?: string;
  /** Present: the chart comes from here, and the environment folder holds values files. */
  chart?: ChartSource;
  /** Values files relative to the environment path, applied in order. */
  valuesFiles: string[];
}

/** What charts see as `.Capabilities` when no cluster is asked. */
export interface Capabilities {
  /** `v1.34.2`: always with the leading v. */
  kubeVersion?: string;
  apiVersions: string[];
}

export interface ClusterSettings {
  /** kubeconfig context; absent means the current context of the kubeconfig in use. */
  context?: string;
}

export interface PromoteSettings {
  from: string;
  via: 'pull-request' | 'commit';
  /** Only these image names are promoted; absent means all. */
  images?: string[];
  allowDowngrade: boolean;
  /**
   * `environment`: one pull request for all of the environment's images; `image`: one per
   * image. Absent means `environment`; `--group` overrides it.
   */
  group?: 'environment' | 'image';
  /** Extra Helm values paths holding images, e.g. `containers[name=app].image`. */
  helmImagePaths?: string[];
}

/** Which Argo CD Application an `argocd` environment is: found again in every checkout rendered. */
export interface ArgoIdentity {
  /** `<destination cluster>/<metadata.name>` (argocd/discover.ts). */
  name: string;
  /** The destination cluster's part of the name; absent for a file that cannot be read. */
  cluster?: string;
  /**
   * Why discovery could not take it in the checkout the configuration was read from; the
   * renderer discovers again in the checkout it renders. An environment for a file that
   * cannot be read is named after the file.
   */
  problem?: string;
}

/** Which Flux Kustomization a `flux` environment is: found again in every checkout rendered. */
export interface FluxIdentity {
  /** The folder under clusters/ (or `default`). */
  cluster: string;
  namespace: string;
  name: string;
  /**
   * Why discovery could not follow it in the checkout the configuration was read from. The
   * renderer discovers again in the checkout it renders, and fails with that checkout's
   * reason. An environment for a file discovery could not read has an empty cluster and
   * namespace, and the file as its name.
   */
  problem?: string;
}

export interface EnvironmentConfig {
  name: string;
  /** Folder relative to the repository root. */
  path: string;
  renderer: RendererKind;
  /** Fills the namespace of namespaced objects that name none. */
  namespace?: string;
  /** Offline capabilities: the environment's, else its cluster's, else the configuration's. */
  capabilities?: Capabilities;
  helm?: HelmSettings;
  /** Renderer `flux`: the Flux Kustomization. */
  flux?: FluxIdentity;
  /** Renderer `argocd`: the Argo CD Application. */
  argocd?: ArgoIdentity;
  cluster?: ClusterSettings;
  promote?: PromoteSettings;
}

/** A field never shown as a change, as in Argo CD's ignoreDifferences. */
export interface IgnoreRule {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** RFC 6901 JSON pointer, e.g. `/spec/replicas`. */
  path: string;
}

/** What renderers may do; trusted only from the base revision of a change. */
export interface RenderSettings {
  /** Hosts kustomize may fetch remote resources and helmCharts from; empty: no network. */
  allowHosts: string[];
  /** Per environment; a render beyond either fails that environment alone. */
  limits: { bytes: number; objects: number };
  /** Credentials and CAs of chart repositories and registries, by host. */
  repositories: RepositoryAccess[];
  /** A Docker config file whose `auths` hold registry credentials (already expanded). */
  dockerConfig?: string;
  /**
   * Hosts the trusted revision's own chart sources name (a Flux repository's HelmRepository
   * and OCIRepository URLs at the base): charts that content names may come from them too.
   * Not written in plumbline.yaml; a plan finds them.
   */
  sourceHosts?: string[];
  /**
   * This repository's Git URLs: the trusted checkout's `origin` and the configuration's
   * `repositoryUrls` (a plan and loadConfig fill it in). Every discovery of Flux
   * environments takes them from here, whichever checkout it reads (flux/discover.ts).
   */
  repositoryUrls?: string[];
  /**
   * `argocd.clusters`: the clusters Argo CD knows, which the ApplicationSet cluster
   * generator lists (the repository alone does not know them).
   */
  argocdClusters?: ArgoClusterSettings[];
}

/**
 * What discovery needs of the trusted configuration, whichever checkout it reads: this
 * repository's URLs (the checkout's origin and `repositoryUrls`) and Argo CD's clusters.
 */
export interface DiscoverySettings {
  repositoryUrls: readonly string[];
  argocdClusters?: readonly ArgoClusterSettings[] | undefined;
}

/** One cluster Argo CD knows (a cluster Secret of its namespace), as the cluster generator sees it. */
export interface ArgoClusterSettings {
  /** The cluster's name in Argo CD (`destination.name`); `in-cluster` for the local one. */
  name: string;
  /** Its API server URL (`destination.server`). */
  server: string;
  /** The cluster Secret's labels and annotations, which selectors match and templates read. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The cluster Secret's `project`, when it is scoped to one. */
  project?: string;
}

/** How plumbline reaches one host; secrets are named, their values read from the runner's environment. */
export interface RepositoryAccess {
  host: string;
  usernameEnv?: string;
  passwordEnv?: string;
  caFile?: string;
}

export interface PlumblineConfig {
  /** Where the configuration came from; absent when environments were discovered. */
  file?: string;
  environments: EnvironmentConfig[];
  render: RenderSettings;
  /** The configuration-wide capabilities, which discovered environments get too. */
  capabilities?: Capabilities;
  diff: {
    ignore: IgnoreRule[];
    /** Label whose value names the environment that owns a live object. */
    ownershipLabel?: string;
  };
  drift: { after: number; labels: string[] };
  /**
   * `flux.clusterObjects`: by Flux cluster, the repository-relative path of a YAML file of
   * the ConfigMaps and Secrets that cluster holds outside Git (commands/flux-cluster-objects.ts).
   */
  fluxClusterObjects?: Record<string, string>;
  /**
   * `argocd`: how Argo CD compares and tracks, as its own configuration says
   * (docs/argocd.md); absent, Argo CD's defaults (`argoSettings` in parse.ts).
   */
  argocd?: ArgoSettings;
}

/** What Argo CD's configuration (argocd-cm) says of comparing and tracking, copied into plumbline.yaml. */
export interface ArgoSettings {
  /** `application.resourceTrackingMethod`: which live objects are an Application's. */
  trackingMethod: 'annotation' | 'label' | 'annotation+label';
  /** `application.instanceLabelKey`: the label of label tracking. */
  instanceLabelKey: string;
  /** The namespace Argo CD runs in: an Application elsewhere is tracked as `<namespace>_<name>`. */
  namespace: string;
  /** `resource.customizations.ignoreDifferences`: rules for every Application. */
  ignoreDifferences: ArgoIgnoreDifference[];
}

/** One rule of Argo CD's ignoreDifferences (an Application's, or the system-level ones). */
export interface ArgoIgnoreDifference {
  /**
   * Glob patterns. In an Application's rule, as in Argo CD, an absent group is the core
   * group and an absent kind matches none; in the configuration's, absent matches any.
   */
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
  jqPathExpressions?: string[];
  managedFieldsManagers?: string[];
}
