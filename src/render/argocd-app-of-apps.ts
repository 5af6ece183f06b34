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
import { type Dirent, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { type ArgoApplication, type ArgoDiscovery, withRenderedApplications } from '../argocd/discover.js';
import { folderSourceType, namedSourceTypes } from '../argocd/source-type.js';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { type ArgoFollower, RunDiscoveries } from '../config/run-discoveries.js';
import type { DiscoverySettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { KubeObject } from '../resource.js';
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
  let current = discovery;
  let parents = discovery.applications.filter(
    (application) => appOfAppsChart(root, application) !== undefined,
  );
  for (let depth = 1; parents.length > 0; depth++) {
    if (depth > APP_OF_APPS_DEPTH) {
      current = {
        ...current,
        problems: [
          ...current.problems,
          ...parents.map((parent) => ({
            application: parent.name,
            file: parent.file,
            line: parent.line,
            message: `${parent.name} is an app of apps nested more than ${APP_OF_APPS_DEPTH} deep: its Applications are not followed`,
          })),
        ],
      };
      break;
    }
    const next: ArgoApplication[] = [];
    for (const parent of parents) {
      const chart = appOfAppsChart(root, parent)!;
      const objects = await renderedApplications(root, parent, current);
      if (objects.length === 0) continue;
      const added = withRenderedApplications(current, parent, objects, {
        ...repositoryOptions(settings),
        trees: [chart],
      });
      current = added.discovery;
      next.push(...added.children.filter((child) => appOfAppsChart(root, child) !== undefined));
    }
    parents = next;
  }
  return current;
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
 * templates name `argoproj.io`), else undefined.
 */
function appOfAppsChart(root: string, application: ArgoApplication): string | undefined {
  for (const source of application.sources) {
    if (!source.local || source.path === undefined) continue;
    const folder = join(root, source.path);
    // Nothing outside the repository is read, not even to look for a word.
    if (!inside(root, join(folder, 'templates'))) continue;
    const type =
      namedSourceTypes(source)[0] ??
      folderSourceType({
        kustomization: KUSTOMIZATION_FILES.some((name) => isFile(join(folder, name))),
        chart: isFile(join(folder, 'Chart.yaml')),
      });
    if (type === 'helm' && templatesName(join(folder, 'templates'), 'argoproj.io')) return source.path;
  }
  return undefined;
}

/** Whether a template below `folder` (no link followed) holds `text`. */
function templatesName(folder: string, text: string): boolean {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return false;
  }
  return entries.some((entry) => {
    if (!entry.isFile()) return false;
    const path = join(entry.parentPath, entry.name);
    try {
      return statSync(path).size <= MAX_TEMPLATE_BYTES && readFileSync(path, 'utf8').includes(text);
    } catch {
      return false;
    }
  });
}

/** Whether `path` is, links resolved, `root` or below it. */
function inside(root: string, path: string): boolean {
  try {
    const top = realpathSync(root);
    const real = realpathSync(path);
    return real === top || real.startsWith(`${top}${sep}`);
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
