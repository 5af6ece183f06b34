/**
 * Flux's own rules for comparing a Flux environment with its cluster: what
 * kustomize-controller and helm-controller leave alone, which fields they do not compare,
 * and what they delete. Pure: the rendered objects, the Kustomization's spec and the live
 * objects in; the objects to compare, the ignore rules and the deletions out.
 *
 * The Kustomization's objects (those with its owner labels), as kustomize-controller
 * applies them (fluxcd/kustomize-controller `apply`, fluxcd/pkg ssa `shouldSkipApply`):
 *
 * - `kustomize.toolkit.fluxcd.io/ssa: Ignore` or `kustomize.toolkit.fluxcd.io/reconcile:
 *   disabled`, as a label or an annotation (any case), on the object in Git or in the
 *   cluster: never applied, so never added, changed or deleted.
 * - `kustomize.toolkit.fluxcd.io/ssa: IfNotPresent` on the object in Git: applied only
 *   when it is absent, so only its absence is a change.
 * - `spec.ignore` rules (`paths`, JSON pointers, and an optional `target` selector,
 *   matched against the object as the dry run gives it: its labels and annotations over
 *   the live ones): fields neither compared nor applied.
 * - With `spec.prune`, a live object with the owner labels (`kustomize.toolkit.fluxcd.io/
 *   name` and `/namespace`) that the render no longer has is deleted, unless it is marked
 *   `kustomize.toolkit.fluxcd.io/prune: disabled`, `reconcile: disabled` or `ssa: Ignore`
 *   (ssa DeleteAll's exclusions, checked on the live object).
 *
 * A HelmRelease's objects (those with the origin labels `helm.toolkit.fluxcd.io/name` and
 * `/namespace` of a HelmRelease the render holds), as helm-controller's drift detection
 * compares them (helm-controller internal/action/diff.go, fluxcd/pkg jsondiff):
 *
 * - `spec.driftDetection.ignore` rules (target matched against the object as rendered):
 *   fields not compared; a rule whose path is empty ignores the whole object.
 * - `helm.toolkit.fluxcd.io/driftDetection: disabled` on the object in Git or in the
 *   cluster: the object is not compared. Both only hide what the cluster changed: a
 *   missing object is still added (an upgrade creates it).
 * - A live object with the origin labels that the release no longer renders is deleted by
 *   the next upgrade, unless annotated `helm.sh/resource-policy: keep` (Helm's kube client).
 */
import type { IgnoreRule } from '../config/types.js';
import { parsePointer } from '../diff/pointer.js';
import { PlumblineError } from '../errors.js';
import { displayName, isLabelValue, type KubeObject, type Resource, splitApiVersion } from '../resource.js';
import { recordOf } from '../yaml/plain-data.js';
import { SELECTOR_FIELDS } from './kustomization.js';
import { type LabelSelector, parseLabelSelector, SelectorError } from './label-selector.js';
import { compilePattern, type MatchBudget, matchBudget, type Pattern, PatternError } from './pattern.js';

export const KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';
export const HELM_GROUP = 'helm.toolkit.fluxcd.io';

const KUSTOMIZE_NAME = `${KUSTOMIZE_GROUP}/name`;
const KUSTOMIZE_NAMESPACE = `${KUSTOMIZE_GROUP}/namespace`;
const HELM_NAME = `${HELM_GROUP}/name`;
const HELM_NAMESPACE = `${HELM_GROUP}/namespace`;

/** Never applied (ssa ApplyOptions.ExclusionSelector of kustomize-controller). */
const APPLY_EXCLUSIONS = {
  [`${KUSTOMIZE_GROUP}/reconcile`]: 'disabled',
  [`${KUSTOMIZE_GROUP}/ssa`]: 'Ignore',
};
/** Applied only when absent (ApplyOptions.IfNotPresentSelector). */
const IF_NOT_PRESENT = { [`${KUSTOMIZE_GROUP}/ssa`]: 'IfNotPresent' };
/** Never pruned (ssa DeleteOptions.Exclusions of kustomize-controller). */
const PRUNE_EXCLUSIONS = { ...APPLY_EXCLUSIONS, [`${KUSTOMIZE_GROUP}/prune`]: 'disabled' };
/** Never compared by helm-controller's drift detection (jsondiff.ExclusionSelector). */
const DRIFT_EXCLUSIONS = { [`${HELM_GROUP}/driftDetection`]: 'disabled' };
const HELM_RESOURCE_POLICY = 'helm.sh/resource-policy';

/** A Flux selector (`kustomize.Selector`): regular expressions, and label selectors. */
export interface FluxSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** One rule of a Kustomization's `spec.ignore` or a HelmRelease's `spec.driftDetection.ignore`. */
export interface FluxIgnoreRule {
  /** JSON pointers (RFC 6901); the empty one is the whole object. */
  paths: string[];
  target?: FluxSelector;
}

/** What a Flux Kustomization's own spec says of applying and pruning, as the render read it. */
export interface FluxKustomizationFacts {
  name: string;
  namespace: string;
  /** Its file and line, naming it in errors. */
  where?: string;
  /** `spec.prune`: what Git no longer has is deleted. */
  prune: boolean;
  /** `spec.ignore` as written: read (and refused when Flux could not use it) by a live comparison only. */
  ignore?: unknown;
}

/** The facts of a Kustomization's spec; `where` is its file and line. */
export function kustomizationFacts(
  identity: { name: string; namespace: string },
  spec: Record<string, unknown>,
  where: string,
): FluxKustomizationFacts {
  const facts: FluxKustomizationFacts = { ...identity, where, prune: spec.prune === true };
  if (spec.ignore !== undefined && spec.ignore !== null) facts.ignore = spec.ignore;
  return facts;
}

/**
 * A Kustomization the rendered checkout does not apply (a change removes it): it renders
 * nothing, and what it applied is pruned when its prune was on, which the checkout no
 * longer says; it is taken to be, so that everything it applied shows as deleted.
 */
export function unappliedKustomization(identity: {
  name: string;
  namespace: string;
}): FluxKustomizationFacts {
  return { name: identity.name, namespace: identity.namespace, prune: true };
}

/** Parses and checks ignore rules; `field` names the list in errors. */
function ignoreRulesOf(value: unknown, field: string): FluxIgnoreRule[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PlumblineError(`${field} is not a list`, IGNORE_HINT);
  return value.map((item, index) => {
    const at = `${field}[${index}]`;
    const rule = recordOf(item);
    if (!Array.isArray(rule.paths) || rule.paths.some((path) => typeof path !== 'string')) {
      throw new PlumblineError(`${at}.paths is not a list of JSON pointers`, IGNORE_HINT);
    }
    const paths = rule.paths as string[];
    for (const path of paths) {
      try {
        parsePointer(path);
      } catch {
        throw new PlumblineError(`${at}.paths has a path that is not a JSON pointer`, IGNORE_HINT);
      }
    }
    const result: FluxIgnoreRule = { paths };
    if (rule.target !== undefined && rule.target !== null)
      result.target = selectorOf(rule.target, `${at}.target`);
    return result;
  });
}

const IGNORE_HINT =
  'Write each rule as { paths: [/json/pointer, …], target: { kind: …, name: … } }, as Flux reads it.';

function selectorOf(value: unknown, field: string): FluxSelector {
  const written = recordOf(value);
  const selector: FluxSelector = {};
  for (const key of SELECTOR_FIELDS) {
    const item = written[key];
    if (item === undefined || item === null) continue;
    if (typeof item !== 'string') throw new PlumblineError(`${field}.${key} is not a string`, IGNORE_HINT);
    selector[key] = item;
  }
  return selector;
}

type Matcher = (object: KubeObject) => boolean;

function compileSelector(selector: FluxSelector | undefined, field: string, budget: MatchBudget): Matcher {
  if (!selector) return () => true;
  const patterns: Array<[(object: KubeObject) => string, Pattern]> = [];
  const pattern = (key: keyof FluxSelector, read: (object: KubeObject) => string) => {
    const source = selector[key];
    if (source === undefined || source === '') return;
    try {
      patterns.push([read, compilePattern(source, budget)]);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(`${field}.${key}: ${error.message}`, PATTERN_HINT);
    }
  };
  pattern('group', (object) => splitApiVersion(object.apiVersion).group);
  pattern('version', (object) => splitApiVersion(object.apiVersion).version);
  pattern('kind', (object) => object.kind);
  pattern('name', (object) => object.metadata.name);
  pattern('namespace', (object) => object.metadata.namespace ?? '');
  const labels = labelSelectorOf(selector.labelSelector, `${field}.labelSelector`);
  const annotations = labelSelectorOf(selector.annotationSelector, `${field}.annotationSelector`);
  const matchesPatterns = (object: KubeObject) => {
    try {
      return patterns.every(([read, compiled]) => compiled.matches(read(object)));
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(`${field}: ${error.message}`, PATTERN_HINT);
    }
  };
  return (object) =>
    matchesPatterns(object) &&
    (labels?.matches(object.metadata.labels ?? {}) ?? true) &&
    (annotations?.matches(object.metadata.annotations ?? {}) ?? true);
}

const PATTERN_HINT =
  'Selector fields are regular expressions in RE2 syntax, matched against the whole value (Deployment|StatefulSet, web-.*).';

function labelSelectorOf(text: string | undefined, field: string): LabelSelector | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return parseLabelSelector(text);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw new PlumblineError(
      `${field}: ${error.message}`,
      'Write a Kubernetes label selector, e.g. app=web,tier in (a,b).',
    );
  }
}

/**
 * The label selectors of the live objects that belong to the environment: the
 * Kustomization's owner labels (when it prunes), and the origin labels of the HelmReleases
 * it renders (one selector for all of them, narrowed again by `fluxComparison`).
 */
export function fluxOwnerSelectors(
  kustomization: FluxKustomizationFacts,
  desired: readonly Resource[],
): string[] {
  const selectors: string[] = [];
  if (kustomization.prune && isLabelValue(kustomization.name) && isLabelValue(kustomization.namespace)) {
    selectors.push(
      `${KUSTOMIZE_NAME}=${kustomization.name},${KUSTOMIZE_NAMESPACE}=${kustomization.namespace}`,
    );
  }
  const releases = [...releasesOf(kustomization, desired).pairs.values()].filter(
    (release) => isLabelValue(release.name) && isLabelValue(release.namespace),
  );
  if (releases.length > 0) {
    const names = [...new Set(releases.map((release) => release.name))].sort();
    const namespaces = [...new Set(releases.map((release) => release.namespace))].sort();
    selectors.push(`${HELM_NAME} in (${names.join(',')}),${HELM_NAMESPACE} in (${namespaces.join(',')})`);
  }
  return selectors;
}

export interface FluxComparisonInput {
  kustomization: FluxKustomizationFacts;
  /** The rendered objects, their scopes resolved. */
  desired: readonly Resource[];
  /** Live objects of the desired set, by key. */
  live: ReadonlyMap<string, KubeObject>;
  /** Live objects found by the ownership selectors (Flux's and the configuration's). */
  owned: readonly Resource[];
  /** The configuration's ownership label, whose objects stay deletions as before. */
  ownershipLabel?: { key: string; value: string };
  /**
   * Whether the drift rules (spec.ignore, driftDetection) may hide fields. They hide what
   * changed in the cluster, and equally what the change itself sets, and the rules come
   * from the change: a plan applies them only beside its comparison with the base, which
   * shows every change to them and to the fields they cover. Default true.
   */
  driftRules?: boolean;
}

export interface FluxComparison {
  /** The desired objects to compare: those the controllers would apply. */
  desired: Resource[];
  /** The live objects the controllers would delete, or that the configuration's label owns. */
  owned: Resource[];
  /** Fields never compared, one rule per object and path. */
  ignore: IgnoreRule[];
  /** Keys of the objects left out because the controllers leave them alone. */
  leftAlone: string[];
}

export function fluxComparison(input: FluxComparisonInput): FluxComparison {
  const { kustomization, live } = input;
  // Every pattern of this comparison draws on one budget (flux/pattern.ts).
  const budget = matchBudget();
  const releases = releasesOf(kustomization, input.desired, budget);
  const field = `${kustomization.where ?? `Kustomization ${kustomization.namespace}/${kustomization.name}`}: spec.ignore`;
  const driftRules = input.driftRules ?? true;
  const kustomizationRules = driftRules
    ? compileRules(ignoreRulesOf(kustomization.ignore, field), field, budget)
    : [];
  const leftAlone = new Set<string>();
  const ignore: IgnoreRule[] = [];
  for (const resource of input.desired) {
    const liveObject = live.get(resource.key);
    const release = releaseOf(resource.object, kustomization, releases);
    if (release === undefined) {
      const skipped =
        anyInMetadata(resource.object, APPLY_EXCLUSIONS) ||
        (liveObject !== undefined &&
          (anyInMetadata(liveObject, APPLY_EXCLUSIONS) || anyInMetadata(resource.object, IF_NOT_PRESENT)));
      if (skipped) {
        leftAlone.add(resource.key);
        continue;
      }
      if (!liveObject) continue;
      const paths = matchingPaths(kustomizationRules, asDryRun(resource.object, liveObject));
      if (paths.includes('')) leftAlone.add(resource.key);
      else ignore.push(...rulesFor(resource, paths));
    } else {
      if (!liveObject || !driftRules) continue; // an upgrade creates it
      const paths = matchingPaths(release.rules(), resource.object);
      const excluded =
        anyInMetadata(resource.object, DRIFT_EXCLUSIONS) || anyInMetadata(liveObject, DRIFT_EXCLUSIONS);
      if (excluded || paths.includes('')) leftAlone.add(resource.key);
      else ignore.push(...rulesFor(resource, paths));
    }
  }
  const desiredKeys = new Set(input.desired.map((resource) => resource.key));
  const owned = input.owned.filter((resource) => {
    if (leftAlone.has(resource.key)) return false;
    if (desiredKeys.has(resource.key)) return true; // compared, not deleted
    return deletes(resource.object, kustomization, releases, input.ownershipLabel);
  });
  return {
    desired: input.desired.filter((resource) => !leftAlone.has(resource.key)),
    owned,
    ignore,
    leftAlone: [...leftAlone].sort(),
  };
}

/** Whether a live object the render no longer has is deleted (pruned, or by an upgrade). */
function deletes(
  object: KubeObject,
  kustomization: FluxKustomizationFacts,
  releases: Releases,
  ownershipLabel: { key: string; value: string } | undefined,
): boolean {
  const labels = object.metadata.labels ?? {};
  if (ownedByKustomization(labels, kustomization)) {
    return kustomization.prune && !anyInMetadata(object, PRUNE_EXCLUSIONS);
  }
  const release = labels[HELM_NAME] !== undefined ? releases.pairs.get(pairKey(labels)) : undefined;
  if (release) return object.metadata.annotations?.[HELM_RESOURCE_POLICY] !== 'keep';
  // Found by the configuration's label, or by the releases' selector without being theirs.
  return ownershipLabel !== undefined && labels[ownershipLabel.key] === ownershipLabel.value;
}

interface Release {
  name: string;
  namespace: string;
  /** Its drift detection's ignore rules, compiled on first use (a bad rule fails the comparison). */
  rules: () => CompiledRule[];
}

interface Releases {
  /** By `namespace/name`, the values of its origin labels. */
  pairs: Map<string, Release>;
}

/**
 * The HelmReleases the render holds, by the origin labels their objects carry: each
 * release object's labels name one, and each HelmRelease object is one.
 */
function releasesOf(
  kustomization: FluxKustomizationFacts,
  desired: readonly Resource[],
  budget: MatchBudget = matchBudget(),
): Releases {
  const helmReleases = desired.filter(({ id }) => id.group === HELM_GROUP && id.kind === 'HelmRelease');
  const pairs = new Map<string, Release>();
  const add = (name: string, namespace: string) => {
    const key = `${namespace}/${name}`;
    if (pairs.has(key)) return;
    // The HelmRelease in that namespace; one of that name when its namespace was filled in later.
    const sameName = helmReleases.filter(({ id }) => id.name === name);
    const object =
      sameName.find(({ id }) => id.namespace === namespace) ??
      (sameName.length === 1 ? sameName[0] : undefined);
    let compiled: CompiledRule[] | undefined;
    pairs.set(key, {
      name,
      namespace,
      rules: () => {
        const field = object && `${describe(object)}: spec.driftDetection.ignore`;
        compiled ??=
          object && field
            ? compileRules(
                ignoreRulesOf(recordOf(recordOf(object.object.spec).driftDetection).ignore, field),
                field,
                budget,
              )
            : [];
        return compiled;
      },
    });
  };
  for (const { object } of desired) {
    const labels = object.metadata.labels ?? {};
    const name = labels[HELM_NAME];
    const namespace = labels[HELM_NAMESPACE];
    if (name && namespace && !ownedByKustomization(labels, kustomization)) add(name, namespace);
  }
  for (const { id } of helmReleases) if (id.namespace) add(id.name, id.namespace);
  return { pairs };
}

/** The HelmRelease whose release an object is, or undefined for the Kustomization's own. */
function releaseOf(
  object: KubeObject,
  kustomization: FluxKustomizationFacts,
  releases: Releases,
): Release | undefined {
  const labels = object.metadata.labels ?? {};
  if (ownedByKustomization(labels, kustomization) || labels[HELM_NAME] === undefined) return undefined;
  return releases.pairs.get(pairKey(labels));
}

function ownedByKustomization(
  labels: Record<string, string>,
  kustomization: FluxKustomizationFacts,
): boolean {
  return (
    labels[KUSTOMIZE_NAME] === kustomization.name && labels[KUSTOMIZE_NAMESPACE] === kustomization.namespace
  );
}

function pairKey(labels: Record<string, string>): string {
  return `${labels[HELM_NAMESPACE] ?? ''}/${labels[HELM_NAME] ?? ''}`;
}

interface CompiledRule {
  paths: string[];
  matches: Matcher;
}

function compileRules(rules: readonly FluxIgnoreRule[], field: string, budget: MatchBudget): CompiledRule[] {
  return rules.map((rule, index) => ({
    paths: rule.paths,
    matches: compileSelector(rule.target, `${field}[${index}].target`, budget),
  }));
}

function matchingPaths(rules: readonly CompiledRule[], object: KubeObject): string[] {
  return [...new Set(rules.filter((rule) => rule.matches(object)).flatMap((rule) => rule.paths))];
}

function rulesFor(resource: Resource, paths: readonly string[]): IgnoreRule[] {
  const { group, kind, name, namespace } = resource.id;
  return paths.map((path) => ({ group, kind, name, namespace: namespace ?? '', path }));
}

/** The object as a server-side-apply dry run gives it, as far as selectors look: its metadata over the live one's. */
function asDryRun(desired: KubeObject, live: KubeObject): KubeObject {
  return {
    ...desired,
    metadata: {
      ...desired.metadata,
      labels: { ...live.metadata.labels, ...desired.metadata.labels },
      annotations: { ...live.metadata.annotations, ...desired.metadata.annotations },
    },
  };
}

/** fluxcd/pkg ssa utils.AnyInMetadata: a label or annotation with one of the values, in any case. */
function anyInMetadata(object: KubeObject, metadata: Readonly<Record<string, string>>): boolean {
  const labels = object.metadata.labels ?? {};
  const annotations = object.metadata.annotations ?? {};
  return Object.entries(metadata).some(([key, value]) =>
    [labels[key], annotations[key]].some(
      (found) => typeof found === 'string' && found !== '' && found.toLowerCase() === value.toLowerCase(),
    ),
  );
}

function describe(resource: Resource): string {
  const place =
    resource.source.line === undefined
      ? resource.source.file
      : `${resource.source.file}:${resource.source.line}`;
  return `${place} (${displayName(resource.id)})`;
}
