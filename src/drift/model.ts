/**
 * What drift found in one environment, in the words of someone looking at a cluster:
 * an object differs from Git, is missing from the cluster, or is in the cluster but no
 * longer in Git; and, for each differing field, who last wrote it. Plain data, no I/O.
 */
import type { ComparisonMode } from '../diff/model.js';
import type { ResourceId } from '../resource.js';

/**
 * `differs`: live and Git disagree on some fields. `missing`: in Git, absent from the
 * cluster. `extra`: in the cluster with the environment's label, no longer in Git.
 */
export type DriftKind = 'differs' | 'missing' | 'extra';

/** Who last wrote a field, from the live object's `metadata.managedFields`. */
export interface Attribution {
  /** The field manager, e.g. `kubectl-edit`, `kubectl-set`, `kube-controller-manager`. */
  manager: string;
  /** When that manager last wrote the object, ISO 8601, when the server recorded it. */
  time?: string;
  operation?: string;
  /** `scale`, `status`: the subresource the write went through. */
  subresource?: string;
  /**
   * Whether the manager owns the field itself; false when only an enclosing field was
   * found (a removed field belongs to no one any more, so its container's newest writer is named).
   */
  exact: boolean;
}

export interface DriftedField {
  /** JSON pointer with named list items as `[name]`, e.g. `/spec/template/spec/containers/[app]/image`. */
  pointer: string;
  /** Absent when no manager owns the field or anything above it. */
  changedBy?: Attribution;
}

export interface DriftedObject {
  key: string;
  id: ResourceId;
  kind: DriftKind;
  /** Differing fields (for `differs`); Secret fields name keys only, never values. */
  fields: DriftedField[];
  /** For `extra` objects: who wrote the object. */
  writtenBy?: Attribution;
  /** Unified diff of the normalised, masked YAML: `-` the cluster, `+` Git. */
  diff: string;
  notes: string[];
  /** Stable across runs and processes: equal for the same drift of this object. */
  fingerprint: string;
}

export interface EnvironmentDrift {
  environment: string;
  mode: ComparisonMode;
  /** The cluster, e.g. `cluster dev`. */
  comparedWith: string;
  /** The Git side: which commit was rendered and why. */
  revision: DriftRevision;
  /** Drifted objects, ordered by key. */
  objects: DriftedObject[];
  /** Objects that match Git. */
  inSync: number;
  /** Fingerprint of the whole drift; absent when there is none. */
  fingerprint?: string;
  /** Set when the environment could not be checked: nothing is decided about its issue. */
  error?: string;
}

export interface DriftRevision {
  /** The commit rendered. */
  sha: string;
  /**
   * `deployed`: the revision the environment records it runs (an annotation, an Argo CD
   * Application, a Flux Kustomization). `head`: the checkout's HEAD, because no deployed
   * revision was found.
   */
  source: 'deployed' | 'head';
  /** Where the deployed revision was read, e.g. `annotation plumbline.dev/revision`. */
  from?: string;
  /** HEAD, when the deployed revision is another commit (the environment is behind). */
  head?: string;
  /** Something a reader should know, e.g. that objects record several revisions. */
  note?: string;
}
