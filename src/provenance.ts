/**
 * Where an environment's rendered objects came from, beyond its files: the charts fetched
 * (with the version a range resolved to and the digest checked) and the capabilities helm
 * was given. Facts only; report/ words them.
 */

export interface ChartProvenance {
  /** `https://…` or `oci://…`. */
  repository: string;
  name: string;
  version: string;
  /** `sha256:` of the archive. */
  digest: string;
  /** OCI only: `sha256:` of the manifest. */
  manifestDigest?: string;
  /** A dependency of a chart in the repository, rather than the environment's own chart. */
  dependencyOf?: string;
}

/** Who said what `.Capabilities` holds: the cluster's discovery, the configuration, or helm's defaults. */
export type CapabilitiesSource = 'cluster' | 'configuration' | 'helm';

export interface CapabilitiesProvenance {
  from: CapabilitiesSource;
  /** Absent: helm's built-in version. */
  kubeVersion?: string;
  /** How many API versions (group/version and group/version/Kind) beyond helm's built-in ones. */
  apiVersions: number;
}

export interface RenderProvenance {
  charts: ChartProvenance[];
  /** Present when helm ran (a chart, or a kustomization with helmCharts). */
  capabilities?: CapabilitiesProvenance;
  /** The helm that rendered, `v3.22.0` or `v4.3.1`, when helm ran. */
  helmVersion?: string;
}
