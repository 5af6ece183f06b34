/**
 * The Argo CD `Application` and `ApplicationSet` objects written as plain files in a
 * checkout, each with the file (repository-relative, posix) and line it starts on: what
 * Argo CD would be given by `kubectl apply` or an app-of-apps parent, found without
 * running Argo CD. A parent rendering children (app of apps) is found the same way, as
 * its children are files of the repository too.
 *
 * Every YAML and JSON file of the repository is a candidate, as an app-of-apps parent may
 * point anywhere. A pull request is data: symbolic links are not followed (a link that
 * leads inside the repository reaches a file the walk reads anyway; one that leads outside
 * must not be read), the `.git` folder and `node_modules` are not walked, and errors name
 * file and line but never quote the text. A Helm chart's `templates/` are not manifests
 * until helm renders them (`{{` is not YAML), so they are skipped.
 *
 * Also here: how two Git URLs are compared (`repositoryIdentity`) and how a URL is shown
 * without its credentials (`withoutCredentials`).
 */
import { type Dirent, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { PlumblineError } from '../errors.js';
import { parseManifests } from '../render/parse.js';
import type { KubeObject } from '../resource.js';

/** The only version Argo CD serves for both kinds. */
export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

export type ArgoKind = 'Application' | 'ApplicationSet';

export interface ArgoObject {
  kind: ArgoKind;
  /** As written (Secrets masked, as every parsed manifest is). Shared: do not change it. */
  object: KubeObject;
  /** Repository-relative, posix separators. */
  file: string;
  /** 1-based line the object starts on. */
  line: number;
}

/** A file that may hold Argo CD objects and cannot be read as manifests. */
export interface ArgoFileProblem {
  file: string;
  line: number;
  /** Names file, line and column and the reason; never the text. */
  message: string;
}

export interface ArgoObjects {
  /** In walk order: files sorted by path, objects in the order of their file. */
  objects: ArgoObject[];
  problems: ArgoFileProblem[];
}

/** Folders whose files are never the repository's manifests. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
const MANIFEST_FILE = /\.(ya?ml|json)$/;
/** The cheap test a file passes before it is parsed: every Argo CD object names its group. */
const ARGO_GROUP_TEXT = 'argoproj.io';
/**
 * `kind: Application` or `kind: ApplicationSet`, in block, flow or JSON style: a file that
 * says so and does not parse is a problem. One that mentions the group only (a values
 * file, a CI file, a CRD's documentation) is not a manifest: Argo CD's repo-server, too,
 * skips a YAML file that does not parse unless it reads like an object.
 */
const ARGO_KIND_TEXT = /["']?kind["']?\s*:\s*["']?Application(Set)?["']?\s*(,|}|#|$)/m;

/** Every Application and ApplicationSet of the checkout at `repoRoot`, and the files that cannot be read. */
export function findArgoObjects(repoRoot: string): ArgoObjects {
  const realRoot = realpathSync.native(repoRoot);
  const found: ArgoObjects = { objects: [], problems: [] };
  for (const file of manifestFiles(realRoot)) {
    const text = readText(join(realRoot, file));
    if (text === undefined || !text.includes(ARGO_GROUP_TEXT)) continue;
    try {
      found.objects.push(...argoObjectsIn(text, file));
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      if (ARGO_KIND_TEXT.test(text)) found.problems.push(fileProblem(error, file));
    }
  }
  return found;
}

/** The Applications and ApplicationSets of one file's text; throws PlumblineError when it does not parse. */
export function argoObjectsIn(text: string, file: string): ArgoObject[] {
  // A plan discovers both sides and several times: a file the same at both is parsed once.
  const key = `${file}\0${text}`;
  const known = parsedFiles.get(key);
  if (known) return known;
  if (parsedFiles.size > MAX_PARSED_FILES) parsedFiles.clear();
  const objects = parsedObjects(text, file);
  parsedFiles.set(key, objects);
  return objects;
}

/** Parsed files by name and text, for the whole process; bounded, as a process may read many repositories. */
const parsedFiles = new Map<string, ArgoObject[]>();
const MAX_PARSED_FILES = 20_000;

function parsedObjects(text: string, file: string): ArgoObject[] {
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line, column) => `${file}:${line}:${column}`,
  });
  const objects: ArgoObject[] = [];
  for (const { object, source } of resources) {
    const kind = argoKindOf(object);
    if (kind !== undefined) objects.push({ kind, object, file, line: source.line ?? 1 });
  }
  return objects;
}

export function argoKindOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): ArgoKind | undefined {
  if (object.apiVersion !== ARGO_API_VERSION) return undefined;
  return object.kind === 'Application' || object.kind === 'ApplicationSet' ? object.kind : undefined;
}

/**
 * A parse error as a problem. parseManifests starts every message with the place our
 * `describe` wrote (`file:line:column: …`), so the line is read back from there.
 */
function fileProblem(error: PlumblineError, file: string): ArgoFileProblem {
  const place = error.message.startsWith(`${file}:`)
    ? /^(\d+):/.exec(error.message.slice(file.length + 1))
    : null;
  return { file, line: place ? Number(place[1]) : 1, message: error.message };
}

/**
 * The repository-relative paths of every YAML and JSON file below `realRoot`, sorted, so
 * that what is found first (and wins a name) does not depend on the file system's order.
 * Kustomization files are kustomize's input, not objects Argo CD is given.
 */
function manifestFiles(realRoot: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    const entries = entriesOf(join(realRoot, folder));
    const isChart = entries.some((entry) => entry.name === 'Chart.yaml' && entry.isFile());
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || (isChart && entry.name === 'templates')) continue;
        walk(path);
      } else if (entry.isFile() && MANIFEST_FILE.test(entry.name) && !isKustomizationFile(entry.name)) {
        files.push(path);
      }
      // Anything else (a symbolic link, a socket, a fifo) is not read.
    }
  };
  walk('');
  return files;
}

/** A folder's entries by name; none when it cannot be listed (a checkout's are all readable). */
function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort(byName);
  } catch {
    return [];
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isKustomizationFile(name: string): boolean {
  return (KUSTOMIZATION_FILES as readonly string[]).includes(name);
}

function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
