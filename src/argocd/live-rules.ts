/**
 * Argo CD's own rules for comparing an Application with its cluster, as its application
 * controller compares (gitops-engine's diff, Argo CD's normalizers and resource tracking).
 * Pure: the rendered objects, the Application and the live objects in; the objects to
 * compare, how to normalise each side and the deletions out.
 *
 * - **Tracking** (argocd-cm `application.resourceTrackingMethod`): Argo CD marks what it
 *   applies with the annotation `argocd.argoproj.io/tracking-id`
 *   (`<app>:<group>/<kind>:<namespace>/<name>`, the default since Argo CD 3), or with the
 *   instance label (`app.kubernetes.io/instance: <app>`), or both. The desired objects get
 *   the marks the controller would add; a live object so marked as the Application's that
 *   the render no longer has is a deletion (Argo CD shows it as needing a prune), unless it
 *   is annotated `argocd.argoproj.io/sync-options: Prune=false` or
 *   `argocd.argoproj.io/compare-options: IgnoreExtraneous`, or has an owner (a child of
 *   another object, which Argo CD never prunes on its own). An annotation naming another
 *   object than the one it is on was copied, and does not count.
 * - **Hooks** (`argocd.argoproj.io/hook`, `helm.sh/hook`) run at sync and are not part of
 *   the comparison.
 * - **ignoreDifferences**, the Application's and the system-level ones of the
 *   configuration: on the objects whose group and kind match (glob patterns), and name and
 *   namespace when given, the fields at `jsonPointers`, those `jqPathExpressions` select
 *   (a subset of jq: argocd/jq-path.ts) and those `managedFieldsManagers` own in the live
 *   object are removed from both sides before comparing. A rule that cannot be read fails
 *   the comparison, naming its file.
 */
import type { ArgoIgnoreDifference, ArgoSettings } from '../config/types.js';
import { parsePointer, removeAtPointer } from '../diff/pointer.js';
import { PlumblineError } from '../errors.js';
import { matchBudget, type Pattern, PatternError } from '../flux/pattern.js';
import { isLabelValue, type KubeObject, type Resource, resourceId } from '../resource.js';
import { listOf, recordOf } from '../yaml/plain-data.js';
import type { ArgoApplication } from './discover.js';
import { compileGlob, GOBWAS_GLOBS } from './glob.js';
import { compileJqPath, type JqBudget, type JqPath, JqPathError, jqBudget } from './jq-path.js';
import { ownedFields, removeOwnedFields } from './managed-fields.js';

export const TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';
const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
const COMPARE_OPTIONS = 'argocd.argoproj.io/compare-options';
const ARGO_HOOK = 'argocd.argoproj.io/hook';
const HELM_HOOK = 'helm.sh/hook';
const CRD = { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' };
/** Argo CD (TruncateLabel) shortens the instance label of annotation+label tracking to this. */
const LABEL_MAX_LENGTH = 63;
/** Steps the jq paths of one comparison may take in all: far beyond real rules on real objects. */
const MAX_JQ_STEPS = 20_000_000;

/** What the Application's own spec says of comparing, as the render read it. */
export interface ArgoApplicationFacts {
  /** metadata.name. */
  name: string;
  /** Where the Application object lives, as written; absent, Argo CD's own namespace. */
  namespace?: string;
  /** `destination.namespace`, where its namespaced objects go unless they say otherwise. */
  destinationNamespace?: string;
  /** Its file and line, naming it in errors. */
  where?: string;
  /** `spec.ignoreDifferences` as written: read (and refused when Argo CD could not use it) by a live comparison only. */
  ignoreDifferences?: unknown;
}

export function applicationFacts(application: ArgoApplication): ArgoApplicationFacts {
  const metadataName = application.name.slice(application.cluster.length + 1);
  const facts: ArgoApplicationFacts = {
    name: metadataName,
    where: `${application.file}:${application.line}`,
  };
  if (application.namespace) facts.namespace = application.namespace;
  if (application.destination.namespace) facts.destinationNamespace = application.destination.namespace;
  const ignore = recordOf(application.object.spec).ignoreDifferences;
  if (ignore !== undefined && ignore !== null) facts.ignoreDifferences = ignore;
  return facts;
}

/**
 * An Application the rendered checkout does not define (a change removes it): it renders
 * nothing, and what it tracked shows as deleted. `<cluster>/<name>` gives its name; it is
 * taken to live in Argo CD's namespace.
 */
export function undefinedApplication(environment: string): ArgoApplicationFacts {
  return { name: environment.slice(environment.indexOf('/') + 1) };
}

/**
 * The name Argo CD tracks the Application's objects by: its name, or `<namespace>_<name>`
 * for an Application outside Argo CD's own namespace (apps in any namespace).
 */
export function instanceName(application: ArgoApplicationFacts, settings: ArgoSettings): string {
  const namespace = application.namespace ?? settings.namespace;
  return namespace === settings.namespace ? application.name : `${namespace}_${application.name}`;
}

/** How the live objects of the Application are found: by label, or by reading the annotation of each. */
export interface ArgoOwnership {
  labelSelector?: string;
  /** Annotation tracking: which listed objects are the Application's. */
  tracks?: (object: KubeObject) => boolean;
}

export function argoOwnership(application: ArgoApplicationFacts, settings: ArgoSettings): ArgoOwnership {
  const instance = instanceName(application, settings);
  if (settings.trackingMethod === 'label') {
    return isLabelValue(instance) ? { labelSelector: `${settings.instanceLabelKey}=${instance}` } : {};
  }
  return { tracks: (object) => trackingIdOf(object)?.application === instance };
}

/**
 * The tracking id Argo CD writes on an object it applies (UnstructuredToAppInstanceValue):
 * `<app>:<group>/<kind>:<namespace>/<name>`, the namespace being the destination's for an
 * object that has none (a cluster-scoped one).
 */
function trackingId(object: KubeObject, instance: string, destinationNamespace: string | undefined): string {
  const { group, kind, namespace, name } = resourceId(object);
  return `${instance}:${group}/${kind}:${namespace ?? destinationNamespace ?? ''}/${name}`;
}

interface TrackingId {
  application: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** Argo CD's ParseAppInstanceValue; undefined when the annotation is absent or malformed. */
function trackingIdOf(object: KubeObject): TrackingId | undefined {
  const value = object.metadata.annotations?.[TRACKING_ANNOTATION];
  if (typeof value !== 'string') return undefined;
  const first = value.indexOf(':');
  const second = first < 0 ? -1 : value.indexOf(':', first + 1);
  if (second < 0) return undefined;
  const groupKind = value.slice(first + 1, second).split('/');
  const namespaceName = value.slice(second + 1).split('/');
  if (groupKind.length !== 2 || namespaceName.length !== 2) return undefined;
  return {
    application: value.slice(0, first),
    group: groupKind[0]!,
    kind: groupKind[1]!,
    namespace: namespaceName[0]!,
    name: namespaceName[1]!,
  };
}

/**
 * Whether Argo CD takes a live object as the Application's (isSelfReferencedObj): its
 * annotation names the Application and the object itself (a cluster-scoped object
 * matching any namespace). One copied to another object (by a controller, say) does not.
 */
function tracksObject(object: KubeObject, instance: string, settings: ArgoSettings): boolean {
  if (settings.trackingMethod === 'label')
    return object.metadata.labels?.[settings.instanceLabelKey] === instance;
  const id = trackingIdOf(object);
  const own = resourceId(object);
  return (
    id !== undefined &&
    id.application === instance &&
    id.group === own.group &&
    id.kind === own.kind &&
    id.name === own.name &&
    (own.namespace === undefined || id.namespace === own.namespace)
  );
}

export interface ArgoComparisonInput {
  application: ArgoApplicationFacts;
  settings: ArgoSettings;
  /** The rendered objects, their scopes resolved. */
  desired: readonly Resource[];
  /** Live objects of the desired set, by key. */
  live: ReadonlyMap<string, KubeObject>;
  /** Live objects the ownership search found (Argo CD's tracking, the configuration's label). */
  owned: readonly Resource[];
  /** The configuration's ownership label, whose objects stay deletions as before. */
  ownershipLabel?: { key: string; value: string };
  /**
   * Whether the Application's ignoreDifferences may hide fields: they come from the change
   * in a plan, which applies them only beside its comparison with the base (as Flux's
   * rules, see flux/live-rules.ts). The configuration's rules always apply. Default true.
   */
  driftRules?: boolean;
}

export interface ArgoComparison {
  /** The desired objects to compare, marked as the controller marks what it applies. */
  desired: Resource[];
  /** The live objects Argo CD would prune, or that the configuration's label owns. */
  owned: Resource[];
  /** Each side of an object, with the fields its ignoreDifferences name removed (a copy). */
  normalize: (key: string, object: KubeObject) => KubeObject;
}

export function argoComparison(input: ArgoComparisonInput): ArgoComparison {
  const { application, settings, live } = input;
  const where = application.where ?? `Application ${application.namespace}/${application.name}`;
  const own =
    input.driftRules === false
      ? []
      : compileRules(ignoreDifferencesOf(application.ignoreDifferences, `${where}: spec.ignoreDifferences`), {
          anyWhenAbsent: false,
        });
  const system = compileRules(
    settings.ignoreDifferences.map((rule, index) => ({
      rule,
      field: `plumbline.yaml: argocd.ignoreDifferences[${index}]`,
    })),
    { anyWhenAbsent: true },
  );
  const rules = [...system, ...own];
  // One budget for every jq path of the comparison: rules × objects cannot add up to hours.
  const jq = jqBudget(MAX_JQ_STEPS);
  const instance = instanceName(application, settings);
  const destination = application.destinationNamespace;
  // Hooks run at sync, outside the comparison; which objects are hooks is the change's to
  // say, so a plan leaves them out only where its own rules apply.
  const desired = input.desired
    .filter((resource) => input.driftRules === false || !isHook(resource.object))
    .map((resource) => ({ ...resource, object: tracked(resource.object, instance, destination, settings) }));
  const desiredKeys = new Set(desired.map((resource) => resource.key));
  const owned = input.owned.filter((resource) => {
    if (desiredKeys.has(resource.key)) return true; // compared, not deleted
    const labels = resource.object.metadata.labels ?? {};
    if (input.ownershipLabel && labels[input.ownershipLabel.key] === input.ownershipLabel.value) return true;
    return tracksObject(resource.object, instance, settings) && prunes(resource.object);
  });
  const byKey = new Map(desired.map((resource) => [resource.key, resource]));
  return {
    desired,
    owned,
    normalize: (key, object) => {
      const resource = byKey.get(key);
      const matching = resource ? rules.filter((rule) => rule.matches(resource.object)) : [];
      const backfill = resource && missesTrackingId(object, settings) ? resource.object : undefined;
      if (matching.length === 0 && !backfill) return object;
      // Through JSON: a tree, whatever the YAML it came from shared (an alias), is edited in one place only.
      const copy = JSON.parse(JSON.stringify(object)) as KubeObject;
      if (backfill) {
        copy.metadata.annotations = {
          ...copy.metadata.annotations,
          [TRACKING_ANNOTATION]: backfill.metadata.annotations?.[TRACKING_ANNOTATION] ?? '',
        };
      }
      const liveObject = live.get(key);
      for (const rule of matching) rule.apply(copy, liveObject, jq);
      if (jq.steps < 0) {
        throw new PlumblineError(
          `${where}: the jq paths of ignoreDifferences take more than ${MAX_JQ_STEPS} steps over this Application's objects`,
          'Write jqPathExpressions that select fields directly (.spec.replicas, .containers[] | select(.name == "x")), or jsonPointers.',
        );
      }
      return copy;
    },
  };
}

/**
 * The object with the marks Argo CD's controller adds when it applies it (SetAppInstance);
 * a CustomResourceDefinition gets none, as Argo CD never tracks one.
 */
function tracked(
  object: KubeObject,
  instance: string,
  destinationNamespace: string | undefined,
  settings: ArgoSettings,
): KubeObject {
  if (isCrd(object)) return object;
  const metadata = { ...object.metadata };
  if (settings.trackingMethod !== 'label') {
    const id = trackingId(object, instance, destinationNamespace);
    metadata.annotations = { ...metadata.annotations, [TRACKING_ANNOTATION]: id };
  }
  if (settings.trackingMethod !== 'annotation') {
    const label = settings.trackingMethod === 'label' ? instance : truncatedLabel(instance);
    metadata.labels = { ...metadata.labels, [settings.instanceLabelKey]: label };
  }
  return { ...object, metadata };
}

/**
 * A live object last synced with label tracking: the instance label, no tracking id. Argo
 * CD gives it the desired id before comparing (resource_tracking.go Normalize), so that
 * moving to annotation tracking does not put every object out of sync.
 */
function missesTrackingId(object: KubeObject, settings: ArgoSettings): boolean {
  return (
    settings.trackingMethod !== 'label' &&
    !isCrd(object) &&
    !object.metadata.annotations?.[TRACKING_ANNOTATION] &&
    Boolean(object.metadata.labels?.[settings.instanceLabelKey])
  );
}

/** Argo CD's TruncateLabel: at most 63 characters, ending in a letter or digit. */
function truncatedLabel(value: string): string {
  if (value.length <= LABEL_MAX_LENGTH) return value;
  return value.slice(0, LABEL_MAX_LENGTH).replace(/[^A-Za-z0-9]+$/, '');
}

function isCrd(object: KubeObject): boolean {
  const { group, kind } = resourceId(object);
  return group === CRD.group && kind === CRD.kind;
}

/** Whether Argo CD would prune a tracked live object the render no longer has. */
function prunes(object: KubeObject): boolean {
  if (isHook(object)) return false;
  if (Array.isArray(object.metadata.ownerReferences) && object.metadata.ownerReferences.length > 0)
    return false;
  const annotations = object.metadata.annotations ?? {};
  return (
    !hasOption(annotations[SYNC_OPTIONS], 'Prune=false') &&
    !hasOption(annotations[COMPARE_OPTIONS], 'IgnoreExtraneous')
  );
}

function hasOption(value: string | undefined, option: string): boolean {
  return (value ?? '').split(',').some((item) => item.trim() === option);
}

/**
 * gitops-engine's hook.IsHook: an Argo CD hook annotation (of any value, but Skip), else a
 * Helm hook that is not `crd-install` (a CRD Helm installs first, compared as any object).
 */
function isHook(object: KubeObject): boolean {
  const annotations = object.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, ARGO_HOOK)) {
    return !String(annotations[ARGO_HOOK])
      .split(',')
      .some((type) => type.trim() === 'Skip');
  }
  const helm = annotations[HELM_HOOK];
  return typeof helm === 'string' && !helm.split(',').every((type) => type.trim() === 'crd-install');
}

interface CompiledRule {
  matches: (object: KubeObject) => boolean;
  /** Removes the fields the rule names from one side; `live` holds the managed fields. */
  apply: (object: KubeObject, live: KubeObject | undefined, jq: JqBudget) => void;
}

const RULE_HINT =
  'Write each rule as { group: apps, kind: Deployment, jsonPointers: [/spec/replicas] }, as Argo CD reads ignoreDifferences (docs/argocd.md lists the jq subset).';

/** Parses and checks an Application's ignoreDifferences; `field` names the list in errors. */
function ignoreDifferencesOf(
  value: unknown,
  field: string,
): Array<{ rule: ArgoIgnoreDifference; field: string }> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PlumblineError(`${field} is not a list`, RULE_HINT);
  return value.map((item, index) => {
    const at = `${field}[${index}]`;
    const written = recordOf(item);
    const rule: ArgoIgnoreDifference = {};
    for (const key of ['group', 'kind', 'name', 'namespace'] as const) {
      const text = written[key];
      if (text === undefined || text === null) continue;
      if (typeof text !== 'string') throw new PlumblineError(`${at}.${key} is not a string`, RULE_HINT);
      rule[key] = text;
    }
    for (const key of ['jsonPointers', 'jqPathExpressions', 'managedFieldsManagers'] as const) {
      const list = written[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) {
        throw new PlumblineError(`${at}.${key} is not a list of strings`, RULE_HINT);
      }
      rule[key] = listOf(list) as string[];
    }
    return { rule, field: at };
  });
}

function compileRules(
  rules: ReadonlyArray<{ rule: ArgoIgnoreDifference; field: string }>,
  options: { anyWhenAbsent: boolean },
): CompiledRule[] {
  const budget = matchBudget();
  return rules.map(({ rule, field }) => {
    const absent = options.anyWhenAbsent ? '*' : '';
    const group = globOf(rule.group ?? absent, `${field}.group`, budget);
    const kind = globOf(rule.kind ?? absent, `${field}.kind`, budget);
    const pointers = (rule.jsonPointers ?? []).map((pointer) => {
      try {
        parsePointer(pointer);
      } catch {
        throw new PlumblineError(`${field}.jsonPointers has a path that is not a JSON pointer`, RULE_HINT);
      }
      return pointer;
    });
    const jq: JqPath[] = (rule.jqPathExpressions ?? []).map((expression, index) => {
      try {
        return compileJqPath(expression);
      } catch (error) {
        if (!(error instanceof JqPathError)) throw error;
        throw new PlumblineError(`${field}.jqPathExpressions[${index}]: ${error.message}`, RULE_HINT);
      }
    });
    const managers = rule.managedFieldsManagers ?? [];
    return {
      matches: (object) => {
        const id = resourceId(object);
        try {
          return (
            group(id.group) &&
            kind(id.kind) &&
            (!rule.name || rule.name === id.name) &&
            (!rule.namespace || rule.namespace === (id.namespace ?? ''))
          );
        } catch (error) {
          if (!(error instanceof PatternError)) throw error;
          throw new PlumblineError(`${field}: ${error.message}`, RULE_HINT);
        }
      },
      apply: (object, liveObject, budget) => {
        // A JSON patch `remove`, as Argo CD applies it: no wildcard, no item by name.
        for (const pointer of pointers) removeAtPointer(object, pointer);
        // A jq expression that fails on this object leaves it as it is, as in Argo CD.
        for (const path of jq) path.remove(object, budget);
        if (liveObject && managers.length > 0) {
          for (const fields of ownedFields(liveObject, managers)) removeOwnedFields(object, fields);
        }
      },
    };
  });
}

/** A group or kind pattern; one that does not compile matches nothing, as gobwas/glob's failure does in Argo CD. */
function globOf(
  pattern: string,
  field: string,
  budget: ReturnType<typeof matchBudget>,
): (value: string) => boolean {
  if (pattern === '*') return () => true;
  let compiled: Pattern | undefined;
  try {
    compiled = compileGlob(pattern, GOBWAS_GLOBS, budget);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new PlumblineError(`${field}: ${error.message}`, RULE_HINT);
  }
  const matcher = compiled;
  return matcher ? (value) => matcher.matches(value) : () => false;
}
