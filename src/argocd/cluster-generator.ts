/**
 * The parameter sets of an ApplicationSet's `clusters` generator, as Argo CD's controller
 * makes them (applicationset/generators/cluster.go, with value_interpolation.go and
 * utils.SanitizeName), from the clusters plumbline.yaml lists under `argocd.clusters`
 * instead of the cluster Secrets of Argo CD's namespace, which plumbline cannot read.
 *
 * - `selector`, a metav1.LabelSelector (`matchLabels`, `matchExpressions` with In, NotIn,
 *   Exists and DoesNotExist), is matched against each cluster's labels, to which Argo CD
 *   adds `argocd.argoproj.io/secret-type: cluster` (every cluster Secret has it, and the
 *   generator lists Secrets by it). Keys and values are validated as Kubernetes validates
 *   them; anything else fails the ApplicationSet, as LabelSelectorAsSelector's error does.
 * - Clusters of the same name are one (Argo CD keys the Secrets it lists by name): the last
 *   listed that matches wins, at the place of the first.
 * - The local cluster, `in-cluster` at https://kubernetes.default.svc, has no Secret: it
 *   comes last, and only when the selector is empty and no matching cluster has exactly
 *   that server (a listed cluster at that URL is its Secret, and is the local one).
 * - Parameters: `name`, `nameNormalized`, `server`, `project` ('' when none) and, with
 *   fasttemplate, `metadata.labels.<key>` and `metadata.annotations.<key>`; with
 *   `goTemplate`, `metadata` holding `labels` and `annotations` when there are any (the
 *   local cluster has no `metadata`). `values` are templates rendered with those
 *   parameters (never with each other), as `values.<key>` or `.values.<key>`.
 * - `flatList: true` gives one parameter set, `clusters`: the list of them all (nil when
 *   there are none).
 *
 * Argo CD lists the Secrets in no defined order; here it is the configured order. Left out:
 * what only a live Argo CD has (a Secret's other data, `cluster.inClusterEnabled: false`,
 * which leaves the generator's output as it is anyway). Pure: reads no file.
 */
import type { ArgoClusterSettings } from '../config/types.js';
import { isLabelKey, isLabelValue } from '../resource.js';
import { setOwn } from '../yaml/merge-maps.js';

type Params = Record<string, unknown>;

/** Bad input of one generator: the ApplicationSet fails, naming where. */
export class ClusterGeneratorError extends Error {
  override readonly name = 'ClusterGeneratorError';
}

/** The cluster Argo CD runs in, as Argo CD names it. */
export const LOCAL_CLUSTER_NAME = 'in-cluster';
export const LOCAL_CLUSTER_SERVER = 'https://kubernetes.default.svc';
/** The label of every cluster Secret, which the generator adds to its selector. */
const SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';

export interface ClusterGeneratorInput {
  /** The generator's `clusters` field, as written (a matrix's interpolation applied). */
  body: unknown;
  /** The clusters Argo CD knows, in the configured order. */
  clusters: readonly ArgoClusterSettings[];
  goTemplate: boolean;
  /** Where the generator is written (`spec.generators[0]`), for messages. */
  where: string;
  /** Renders one of `values` with a cluster's parameters, spending the expansion's budget. */
  render: (template: string, params: Params, where: string) => string;
  /** Spends steps of the expansion's budget; throws once it is spent. */
  spend: (steps: number) => void;
}

/** The generator's parameter sets, one per matching cluster (or one in all with `flatList`). */
export function clusterParameters(input: ClusterGeneratorInput): Params[] {
  const { body, goTemplate, render, spend } = input;
  const where = `${input.where}.clusters`;
  const generator = mapping(body, where);
  const selector = selectorOf(generator.selector, `${where}.selector`, spend);
  const values = valuesOf(generator.values, `${where}.values`);
  const flatList = generator.flatList ?? false;
  if (typeof flatList !== 'boolean')
    throw new ClusterGeneratorError(`${where}.flatList must be true or false`);

  // As Argo CD keys the Secrets it lists by name: one per name, the last one winning.
  const matching = new Map<string, ArgoClusterSettings>();
  for (const [index, cluster] of input.clusters.entries()) {
    const labels = labelsOf(cluster, index);
    spend(1 + selector.requirements.length);
    if (selector.requirements.every((requirement) => requirement.matches(labels))) {
      matching.set(cluster.name, cluster);
    }
  }

  const sets: Params[] = [];
  const withValues = (params: Params): Params => {
    const rendered: Record<string, string> = {};
    for (const [key, template] of values) {
      setOwn(rendered, key, render(template, params, `${where}.values.${clipped(key)}`));
    }
    if (goTemplate) {
      if (values.length > 0) setOwn(params, 'values', rendered);
    } else {
      for (const [key, value] of Object.entries(rendered)) setOwn(params, `values.${key}`, value);
    }
    return params;
  };
  for (const cluster of matching.values()) sets.push(withValues(clusterParams(cluster, goTemplate)));
  const hasLocal = [...matching.values()].some((cluster) => cluster.server === LOCAL_CLUSTER_SERVER);
  if (selector.empty && !hasLocal) {
    sets.push(
      withValues({
        name: LOCAL_CLUSTER_NAME,
        nameNormalized: LOCAL_CLUSTER_NAME,
        server: LOCAL_CLUSTER_SERVER,
        project: '',
      }),
    );
  }
  return flatList ? [{ clusters: sets.length > 0 ? sets : null }] : sets;
}

/**
 * Argo CD's utils.SanitizeName (also its git generator's `…Normalized`): lower case (Go's
 * simple per-character mapping), each character outside `[-a-z0-9.]` a `-`, at most 253
 * characters, `-` and `.` trimmed from both ends.
 */
export function sanitizeName(name: string): string {
  let lower = '';
  // JavaScript's full mapping turns `İ` into two characters; Go's simple one into `i`.
  for (const character of name) lower += String.fromCodePoint(character.toLowerCase().codePointAt(0)!);
  return lower
    .replace(/[^-a-z0-9.]/gu, '-')
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, '');
}

function clusterParams(cluster: ArgoClusterSettings, goTemplate: boolean): Params {
  const params: Params = {
    name: cluster.name,
    nameNormalized: sanitizeName(cluster.name),
    server: cluster.server,
    project: cluster.project ?? '',
  };
  const labels = secretLabels(cluster);
  const annotations: Record<string, string> = {};
  for (const [key, value] of Object.entries(cluster.annotations ?? {})) setOwn(annotations, key, value);
  if (goTemplate) {
    const metadata: Params = {};
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    metadata.labels = labels;
    params.metadata = metadata;
  } else {
    for (const [key, value] of Object.entries(annotations))
      setOwn(params, `metadata.annotations.${key}`, value);
    for (const [key, value] of Object.entries(labels)) setOwn(params, `metadata.labels.${key}`, value);
  }
  return params;
}

/** The labels of a cluster's Secret: the configured ones and its type. */
function secretLabels(cluster: ArgoClusterSettings): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(cluster.labels ?? {})) setOwn(labels, key, value);
  setOwn(labels, SECRET_TYPE_LABEL, 'cluster');
  return labels;
}

/** A configured cluster's labels as a map, checked: the configuration is plain data too. */
function labelsOf(cluster: ArgoClusterSettings, index: number): Map<string, string> {
  const where = `argocd.clusters[${index}]`;
  if (typeof cluster.name !== 'string' || typeof cluster.server !== 'string') {
    throw new ClusterGeneratorError(`${where} needs a name and a server`);
  }
  for (const field of ['labels', 'annotations'] as const) {
    for (const [key, value] of Object.entries(cluster[field] ?? {})) {
      if (typeof value !== 'string')
        throw new ClusterGeneratorError(`${where}.${field}.${key} must be a string`);
    }
  }
  return new Map(Object.entries(secretLabels(cluster)));
}

interface Requirement {
  matches: (labels: Map<string, string>) => boolean;
}

interface Selector {
  /** Whether the selector as written selects everything (then the local cluster is listed). */
  empty: boolean;
  requirements: Requirement[];
}

/**
 * metav1.LabelSelector as LabelSelectorAsSelector reads it, with the generator's
 * `secret-type: cluster` added to matchLabels (replacing one written there).
 */
function selectorOf(value: unknown, where: string, spend: (steps: number) => void): Selector {
  const selector = value === undefined || value === null ? {} : mapping(value, where);
  const matchLabels =
    selector.matchLabels === undefined || selector.matchLabels === null
      ? {}
      : mapping(selector.matchLabels, `${where}.matchLabels`);
  const expressions =
    selector.matchExpressions === undefined || selector.matchExpressions === null
      ? []
      : selector.matchExpressions;
  if (!Array.isArray(expressions))
    throw new ClusterGeneratorError(`${where}.matchExpressions must be a list`);
  const empty = Object.keys(matchLabels).length === 0 && expressions.length === 0;

  const requirements: Requirement[] = [];
  const wantedLabels: Array<[string, unknown]> = [
    ...Object.entries(matchLabels),
    [SECRET_TYPE_LABEL, 'cluster'],
  ];
  for (const [key, wanted] of new Map(wantedLabels)) {
    const place = `${where}.matchLabels.${clipped(key)}`;
    spend(1);
    checkKey(key, place);
    if (typeof wanted !== 'string') throw new ClusterGeneratorError(`${place} must be a string`);
    checkValue(wanted, place);
    requirements.push({ matches: (labels) => labels.get(key) === wanted });
  }
  for (const [index, item] of expressions.entries()) {
    const place = `${where}.matchExpressions[${index}]`;
    const expression = mapping(item, place);
    const { key, operator } = expression;
    if (typeof key !== 'string') throw new ClusterGeneratorError(`${place}.key must be a string`);
    checkKey(key, `${place}.key`);
    if (typeof operator !== 'string') throw new ClusterGeneratorError(`${place}.operator must be a string`);
    const written = expression.values === undefined || expression.values === null ? [] : expression.values;
    if (!Array.isArray(written)) throw new ClusterGeneratorError(`${place}.values must be a list`);
    spend(1 + written.length);
    const values = new Set<string>();
    for (const [at, item] of written.entries()) {
      if (typeof item !== 'string')
        throw new ClusterGeneratorError(`${place}.values[${at}] must be a string`);
      checkValue(item, `${place}.values[${at}]`);
      values.add(item);
    }
    requirements.push(requirementOf(key, operator, values, place));
  }
  return { empty, requirements };
}

function requirementOf(key: string, operator: string, values: Set<string>, place: string): Requirement {
  switch (operator) {
    case 'In':
    case 'NotIn': {
      if (values.size === 0) throw new ClusterGeneratorError(`${place}: ${operator} needs values`);
      const wanted = operator === 'In';
      return {
        matches: (labels) => {
          const value = labels.get(key);
          return value === undefined ? !wanted : values.has(value) === wanted;
        },
      };
    }
    case 'Exists':
    case 'DoesNotExist': {
      if (values.size > 0) throw new ClusterGeneratorError(`${place}: ${operator} takes no values`);
      const wanted = operator === 'Exists';
      return { matches: (labels) => labels.has(key) === wanted };
    }
    default:
      throw new ClusterGeneratorError(
        `${place}.operator: ${JSON.stringify(operator.slice(0, 40))} is not a valid label selector operator (In, NotIn, Exists, DoesNotExist)`,
      );
  }
}

/** validation.IsQualifiedName (resource.ts isLabelKey). */
function checkKey(key: string, place: string): void {
  if (!isLabelKey(key))
    throw new ClusterGeneratorError(`${place}: ${JSON.stringify(key.slice(0, 80))} is not a valid label key`);
}

/** validation.IsValidLabelValue: empty, or a label value (resource.ts isLabelValue). */
function checkValue(value: string, place: string): void {
  if (value !== '' && !isLabelValue(value)) {
    throw new ClusterGeneratorError(
      `${place}: ${JSON.stringify(value.slice(0, 80))} is not a valid label value`,
    );
  }
}

/** `values`, a map of strings (the CRD's map[string]string), as written. */
function valuesOf(value: unknown, where: string): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  const entries = Object.entries(mapping(value, where));
  for (const [key, item] of entries) {
    if (typeof item !== 'string')
      throw new ClusterGeneratorError(`${where}.${clipped(key)} must be a string: quote it`);
  }
  return entries as Array<[string, string]>;
}

/** A key of the ApplicationSet in a message: not all of a hostile one. */
function clipped(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

function mapping(value: unknown, where: string): Params {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ClusterGeneratorError(`${where} must be a mapping`);
  }
  return value as Params;
}
