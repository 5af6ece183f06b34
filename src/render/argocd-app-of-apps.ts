/**
 * App of apps through a Helm chart: an Application whose source is a chart folder of this
 * repository whose templates make Applications (the pattern of Argo CD's own examples).
 * Those children are no files of the repository, so discovery (argocd/discover.ts) cannot
 * find them; this follower renders each such parent as its environment is rendered, takes
 * the Applications of its output as discovered, and follows them in turn, three levels
 * deep at most. A child whose name is already found is a duplicate: an app of apps
 * rendering itself or an ancestor is a cycle, reported on that name.
 *
 * Parents are rendered with no network (the charts of an app of apps are local; one that
 * needs a chart from elsewhere renders no children here, and fails in its own plan as it
 * would anyway), in plumbline's sandbox as every render. A parent that fails to render
 * adds no child: its own environment fails with the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { type ArgoApplication, type ArgoDiscovery, withRenderedApplications } from '../argocd/discover.js';
import { folderSourceType, namedSourceTypes } from '../argocd/source-type.js';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { type ArgoFollower, RunDiscoveries } from '../config/run-discoveries.js';
import type { DiscoverySettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { KubeObject } from '../resource.js';
import { type Boundary, boundaryOf, realPathInside, walkInside } from './containment.js';
import { firstFile } from './flux-build.js';
import { renderEnvironment } from './render.js';

/** How deep children of children are followed. */
export const APP_OF_APPS_DEPTH = 3;
/** A template larger than this is not read to tell whether it makes Applications. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * The follower a run hands its RunDiscoveries. Parents render within the checkout they
 * are in (its root is their top) with the tools the run finds, never the network.
 */
export function appOfAppsFollower(): ArgoFollower {
  return (root, discover, settings) => followAppOfApps(root, discover(), settings);
}

async function followAppOfApps(
  root: string,
  discovery: ArgoDiscovery,
  settings: DiscoverySettings,
): Promise<ArgoDiscovery> {
  const boundary = await boundaryOf(root);
  let current = discovery;
  let parents = await appsOfApps(boundary, discovery.applications);
  for (let depth = 1; parents.length > 0; depth++) {
    if (depth > APP_OF_APPS_DEPTH) {
      current = {
        ...current,
        problems: [
          ...current.problems,
          ...parents.map(({ application: parent }) => ({
            application: parent.name,
            file: parent.file,
            line: parent.line,
            message: `${parent.name} is an app of apps nested more than ${APP_OF_APPS_DEPTH} deep: its Applications are not followed`,
          })),
        ],
      };
      break;
    }
    const next: Array<{ application: ArgoApplication; chart: string }> = [];
    for (const { application: parent, chart } of parents) {
      const objects = await renderedApplications(root, parent, current);
      if (objects.length === 0) continue;
      const added = withRenderedApplications(current, parent, objects, {
        ...repositoryOptions(settings),
        trees: [chart],
      });
      current = added.discovery;
      next.push(...(await appsOfApps(boundary, added.children)));
    }
    parents = next;
  }
  return current;
}

/** The apps of apps among `applications`, each with its chart folder. */
async function appsOfApps(
  boundary: Boundary,
  applications: readonly ArgoApplication[],
): Promise<Array<{ application: ArgoApplication; chart: string }>> {
  const found: Array<{ application: ArgoApplication; chart: string }> = [];
  for (const application of applications) {
    const chart = await appOfAppsChart(boundary, application);
    if (chart !== undefined) found.push({ application, chart });
  }
  return found;
}

function repositoryOptions(settings: DiscoverySettings) {
  return { repositoryUrls: settings.repositoryUrls, clusters: settings.argocdClusters };
}

/** The Applications `parent` renders, as its environment renders it; none when it fails. */
async function renderedApplications(
  root: string,
  parent: ArgoApplication,
  discovery: ArgoDiscovery,
): Promise<KubeObject[]> {
  try {
    const { resources } = await renderEnvironment(
      root,
      { name: parent.name, path: '', renderer: 'argocd', argocd: { name: parent.name } },
      // The parent is looked up in what is found so far, not discovered again.
      { discoveries: new RunDiscoveries(async () => discovery) },
    );
    return resources
      .map(({ object }) => object)
      .filter((object) => object.kind === 'Application' && object.apiVersion.startsWith('argoproj.io/'));
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    return [];
  }
}

/**
 * The chart folder of an Application that is an app of apps (a local helm source whose
 * templates name `argoproj.io`), else undefined. Its files are read as a render reads
 * them (containment.ts): a link out of the repository is not followed, not even to look
 * for a word.
 */
async function appOfAppsChart(boundary: Boundary, application: ArgoApplication): Promise<string | undefined> {
  for (const source of application.sources) {
    if (!source.local || source.path === undefined) continue;
    const folder = await realPathInside(boundary, source.path).catch(leadsOutside(undefined));
    if (folder === undefined) continue;
    const type =
      namedSourceTypes(source)[0] ??
      folderSourceType({
        kustomization: (await firstFile(folder, KUSTOMIZATION_FILES)) !== undefined,
        chart: (await firstFile(folder, ['Chart.yaml'])) !== undefined,
      });
    if (
      type === 'helm' &&
      (await templatesName(boundary, posix.join(source.path, 'templates'), 'argoproj.io'))
    )
      return source.path;
  }
  return undefined;
}

/** Whether a template below `folder` holds `text`; false when one leads out of the repository. */
async function templatesName(boundary: Boundary, folder: string, text: string): Promise<boolean> {
  const files = await walkInside(boundary, folder).catch(leadsOutside([]));
  for (const { real } of files) {
    const found = await stat(real)
      .then(
        async (stats) => stats.size <= MAX_TEMPLATE_BYTES && (await readFile(real, 'utf8')).includes(text),
      )
      .catch(() => false);
    if (found) return true;
  }
  return false;
}

/** A path that leads out of the repository (containment.ts refuses it) gives `nothing`; any other error stands. */
function leadsOutside<T>(nothing: T): (error: unknown) => T {
  return (error) => {
    if (!(error instanceof PlumblineError)) throw error;
    return nothing;
  };
}
