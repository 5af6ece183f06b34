/**
 * What an Argo CD Application's render reads in one checkout, for the selection of the
 * environments a change affects (inputs.ts): the files that define an Application of its
 * name (its own, and any other that would make the name a duplicate), and what each of its
 * sources from this repository reads: a directory's tree, a kustomization (traced by the
 * caller) with the components and patch files its edits name, a chart folder (walked by
 * the caller) with value files outside it, and value files of a `ref` source.
 *
 * Whatever a file the change touches could do to the Application is seen on one side or
 * the other: a file that adds a same-named Application defines it at the head, one that
 * removes it defined it at the base, and the caller looks at both sides. An Application
 * that a checkout does not define, or defines with a problem, is affected by anything.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { ArgoDiscovery } from '../argocd/discover.js';
import { folderSourceType, namedSourceTypes } from '../argocd/source-type.js';
import { valueFileLocation } from '../argocd/value-files.js';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import type { ArgoIdentity } from '../config/types.js';
import { listOf, recordOf } from '../yaml/plain-data.js';

export type ArgoApplicationReads =
  | { kind: 'anything' }
  | {
      kind: 'paths';
      files: string[];
      trees: string[];
      /** Folders whose kustomization the caller traces. */
      kustomizations: string[];
      /** Chart folders the caller walks (links, file:// dependencies). */
      charts: string[];
    };

/** `root` is the checkout `discovery` was made in; paths are relative to it. */
export function argoApplicationReads(
  root: string,
  discovery: ArgoDiscovery,
  identity: ArgoIdentity,
): ArgoApplicationReads {
  if (identity.problem) return { kind: 'anything' };
  if (discovery.problems.some((problem) => problem.application === identity.name))
    return { kind: 'anything' };
  const found = discovery.applications.find((application) => application.name === identity.name);
  if (!found) return { kind: 'anything' };
  const reads = {
    kind: 'paths' as const,
    files: [found.file, ...found.parameterFiles],
    trees: [...found.parameterTrees],
    kustomizations: [] as string[],
    charts: [] as string[],
  };
  for (const source of found.sources) {
    // Its value files of this repository, as the render resolves them (argocd/value-files.ts);
    // one the render cannot read fails at both sides. A chart from a repository reads
    // nothing else of this one.
    const chartPath = source.local ? source.path : undefined;
    for (const file of listOf(recordOf(source.helm).valueFiles)) {
      if (typeof file !== 'string') continue;
      const location = valueFileLocation(found, file, chartPath);
      if (location.kind === 'outside') return { kind: 'anything' };
      if (location.kind === 'repository') reads.files.push(location.path);
    }
    if (!source.local || source.path === undefined) continue;
    const path = source.path;
    const type =
      namedSourceTypes(source)[0] ??
      folderSourceType({
        kustomization: KUSTOMIZATION_FILES.some((name) => existsSync(join(root, path, name))),
        chart: existsSync(join(root, path, 'Chart.yaml')),
      });
    // The folder's tree in every case: what detection looks at is in it.
    reads.trees.push(path);
    if (type === 'kustomize') {
      const options = recordOf(source.kustomize);
      reads.kustomizations.push(path);
      for (const component of listOf(options.components)) {
        if (typeof component === 'string') reads.trees.push(posix.join(path, component));
      }
      for (const patch of listOf(options.patches)) {
        const file = recordOf(patch).path;
        if (typeof file === 'string') reads.files.push(posix.join(path, file));
      }
    } else if (type === 'helm') {
      reads.charts.push(path);
    }
  }
  return reads;
}
