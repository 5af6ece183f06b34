/**
 * What of the repository an Argo CD environment's promotion may read and edit as its own
 * (docs/argocd.md, "Promote"), as discovery finds its Application in a checkout (the
 * worktree at the base branch):
 *
 * - the folders of its sources from this repository (`path`): of a chart folder, what
 *   Helm reads there as values (`values.yaml`; a chart's other value files belong to the
 *   Applications naming them), of another, every file below it;
 * - the value files its helm sources name that are this repository's: relative to the
 *   chart folder, or `$ref/…` of a `ref` source of this repository, from the repository's
 *   root, as argocd/value-files.ts resolves them. One at a URL, in a chart from a repository,
 *   of a `ref` source from another repository, or leading outside (`..`) is none;
 * - the file defining the Application, where only that Application is its own. One an
 *   ApplicationSet generates has none: the ApplicationSet's file is shared by every
 *   Application it generates, and is never edited (`template`).
 *
 * Paths only, lexically inside the repository: the caller keeps those git tracks and
 * that are no symbolic link, so that nothing outside the repository is read or written.
 */
import type { DiscoverySettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { listOf, recordOf, textOf } from '../yaml/plain-data.js';
import { type ArgoApplication, type ArgoSource, discoverArgoApplications } from './discover.js';
import { type ArgoSourceType, namedSourceTypes } from './source-type.js';
import { valueFileLocation } from './value-files.js';

export interface ArgoPromoteSource {
  local: boolean;
  /** Its folder, when it is this repository's ('' is the root). */
  path?: string;
  /**
   * The type the source names, if any (else the folder's content decides, as in
   * render/argocd.ts: a kustomization, then a Chart.yaml, else a directory).
   */
  type?: ArgoSourceType;
  /** Its value files of this repository, repository-relative, in order. */
  valueFiles: string[];
}

export interface ArgoPromoteScope {
  /** `<cluster>/<metadata.name>`. */
  name: string;
  /** The Application's own object, when it is written as one (not generated). */
  /**
   * Found again by name and namespace as written, not by line: an open promotion's
   * branch may hold the file with other lines.
   */
  definition?: { file: string; name: string; namespace?: string };
  /** The ApplicationSet's file, for a generated Application: never its own. */
  template?: string;
  /** By index, as Argo CD reads them: `spec.sources`, else `spec.source`. */
  sources: ArgoPromoteSource[];
  /** Every value file, in order, without repeats. */
  valueFiles: string[];
}

/** The Application named `name` (`<cluster>/<app>`) in the checkout at `repoRoot`; fails when there is none. */
export function argoPromoteScope(
  repoRoot: string,
  name: string,
  settings: DiscoverySettings,
): ArgoPromoteScope {
  const discovery = discoverArgoApplications(repoRoot, {
    repositoryUrls: settings.repositoryUrls,
    clusters: settings.argocdClusters,
  });
  const application = discovery.applications.find((candidate) => candidate.name === name);
  if (!application) {
    const problem = discovery.problems.find(
      (candidate) => (candidate.application ?? candidate.file) === name,
    );
    throw new PlumblineError(
      problem
        ? `${name} cannot be promoted: ${problem.file}:${problem.line}: ${problem.message}`
        : `${name} is not an Argo CD Application that the base branch defines with a source in this repository`,
      'Promote between Argo CD Applications that the base branch defines, with sources in this repository. Nothing was written.',
    );
  }
  const generated = discovery.applicationSets.some(
    (set) => set.file === application.file && set.line === application.line,
  );
  const sources = application.sources.map((source) => promoteSource(application, source));
  return {
    name,
    ...(generated
      ? { template: application.file }
      : {
          definition: {
            file: application.file,
            name: application.object.metadata.name,
            ...(application.namespace ? { namespace: application.namespace } : {}),
          },
        }),
    sources,
    valueFiles: [...new Set(sources.flatMap((source) => source.valueFiles))],
  };
}

function promoteSource(application: ArgoApplication, source: ArgoSource): ArgoPromoteSource {
  const path = source.local ? source.path : undefined;
  const type = namedSourceTypes(source)[0];
  return {
    local: source.local,
    ...(path !== undefined && { path }),
    ...(type !== undefined && { type }),
    valueFiles: listOf(recordOf(source.helm).valueFiles).flatMap((value) => {
      const file = textOf(value);
      const location = file === undefined ? undefined : valueFileLocation(application, file, path);
      return location?.kind === 'repository' ? [location.path] : [];
    }),
  };
}
