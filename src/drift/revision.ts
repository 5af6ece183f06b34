/**
 * Which commit an environment runs. Drift must not report a commit that has not been
 * deployed yet, so when the environment records its revision, Git is read at that commit:
 * an annotation on the live objects (`plumbline.dev/revision` by default, written by the
 * deploy pipeline), an Argo CD Application's `status.sync.revision`, or a Flux
 * Kustomization's `status.lastAppliedRevision` (`main@sha1:<sha>`).
 */
import type { KubeObject } from '../resource.js';

export const DEFAULT_REVISION_ANNOTATION = 'plumbline.dev/revision';

/** Where an environment records the revision it runs. */
export type RevisionSource =
  | { from: 'annotation'; name: string }
  | { from: 'argocd'; namespace: string; name: string }
  | { from: 'flux'; namespace: string; name: string };

export interface RecordedRevision {
  sha: string;
  /** Where it was read, for the issue: `annotation plumbline.dev/revision`. */
  from: string;
  /** Set when the objects disagree (a rollout in progress): what was seen. */
  note?: string;
}

/** `annotation:NAME`, `argocd:NAMESPACE/APP`, `flux:NAMESPACE/KUSTOMIZATION`; a bare name is an annotation. */
export function parseRevisionSource(text: string): RevisionSource {
  const match = /^(annotation|argocd|flux):(.+)$/.exec(text);
  if (!match) return { from: 'annotation', name: text };
  const [, from, rest] = match as unknown as [string, 'annotation' | 'argocd' | 'flux', string];
  if (from === 'annotation') return { from, name: rest };
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) {
    throw new Error(`'${text}' must name the object as ${from}:NAMESPACE/NAME`);
  }
  return { from, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

/** The object to read for an Argo CD or Flux source. */
export function revisionObject(source: Exclude<RevisionSource, { from: 'annotation' }>): KubeObject {
  return source.from === 'argocd'
    ? {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: source.name, namespace: source.namespace },
      }
    : {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: source.name, namespace: source.namespace },
      };
}

/** The revision an Argo CD Application or Flux Kustomization reports, if any. */
export function revisionFromStatus(
  source: Exclude<RevisionSource, { from: 'annotation' }>,
  object: KubeObject,
): RecordedRevision | undefined {
  const status = (object.status ?? {}) as { sync?: { revision?: unknown }; lastAppliedRevision?: unknown };
  const raw = source.from === 'argocd' ? status.sync?.revision : status.lastAppliedRevision;
  const sha = typeof raw === 'string' ? commitOf(raw) : undefined;
  const field = source.from === 'argocd' ? 'status.sync.revision' : 'status.lastAppliedRevision';
  return sha ? { sha, from: `${object.kind} ${source.namespace}/${source.name} ${field}` } : undefined;
}

/** The most common revision among the live objects' annotations; undefined when none has one. */
export function revisionFromAnnotations(
  name: string,
  live: Iterable<KubeObject>,
): RecordedRevision | undefined {
  const counts = new Map<string, number>();
  for (const object of live) {
    const value = object.metadata.annotations?.[name];
    const sha = value === undefined ? undefined : commitOf(value);
    if (sha) counts.set(sha, (counts.get(sha) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [first] = ranked;
  if (!first) return undefined;
  const recorded: RecordedRevision = { sha: first[0], from: `annotation ${name}` };
  if (ranked.length > 1) {
    recorded.note = `objects record ${ranked.length} revisions (${ranked
      .map(([sha, count]) => `${sha.slice(0, 7)} on ${count}`)
      .join(', ')}); compared with the most common`;
  }
  return recorded;
}

/** A commit id at the end of `main@sha1:<sha>`, `main/<sha>` or a bare sha. */
export function commitOf(text: string): string | undefined {
  return /(?:^|[@:/])([0-9a-f]{7,64})$/i.exec(text.trim())?.[1]?.toLowerCase();
}
