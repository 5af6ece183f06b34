/**
 * The type of an Application's source, as the repo-server tells it (GetAppSourceType): the
 * one it names (`directory`, `kustomize`, `helm`), else what its folder holds, a
 * kustomization winning over a chart, else a directory. The render, the selection of
 * affected Applications and promote each look at the folder their own way; the rule is
 * this one.
 */
import type { ArgoSource } from './discover.js';

export type ArgoSourceType = 'directory' | 'kustomize' | 'helm';

const TYPES: readonly ArgoSourceType[] = ['kustomize', 'helm', 'directory'];

/** The types the source names (more than one is an Application Argo CD refuses). */
export function namedSourceTypes(source: Pick<ArgoSource, ArgoSourceType>): ArgoSourceType[] {
  return TYPES.filter((type) => source[type] !== undefined);
}

/** The type of a source that names none, from what its folder holds. */
export function folderSourceType(holds: { kustomization: boolean; chart: boolean }): ArgoSourceType {
  return holds.kustomization ? 'kustomize' : holds.chart ? 'helm' : 'directory';
}
