/**
 * The Flux objects one Flux Kustomization's `spec.path` holds, found the way
 * kustomize-controller sees the folder, without running kustomize: a folder with a
 * kustomization file gives what its `resources` (and `bases`, `components`) name; a folder
 * without one gives every YAML file in it and below, as the kustomization the controller
 * generates does. Patches, generators and transformers are not applied: this finds objects,
 * a renderer builds them.
 *
 * A pull request is data: every path is resolved through its links and must stay in the
 * repository (and out of its .git folder), and errors name file, line and column but never
 * quote the text. Secrets are masked as they are parsed, as every manifest is.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { KUSTOMIZATION_FILES } from '../config/discover.js';
import { PlumblineError } from '../errors.js';
import { parseManifests } from '../render/parse.js';
import { isRemoteReference } from '../render/remote-reference.js';
import { type KubeObject, splitApiVersion } from '../resource.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';

export type FluxKind =
  | 'Kustomization'
  | 'HelmRelease'
  | 'HelmRepository'
  | 'OCIRepository'
  | 'GitRepository'
  | 'HelmChart'
  | 'Bucket'
  | 'ConfigMap'
  | 'Secret';

/**
 * The API group of each kind. Any version of a Flux group counts (v1, v1beta2, v2, …): the
 * fields read here (name, namespace, spec.path, spec.sourceRef, spec.url) are the same in
 * all of them. `kind: Kustomization` of kustomize.config.k8s.io is kustomize's own file.
 */
const GROUPS: Record<FluxKind, string> = {
  Kustomization: 'kustomize.toolkit.fluxcd.io',
  HelmRelease: 'helm.toolkit.fluxcd.io',
  HelmRepository: 'source.toolkit.fluxcd.io',
  OCIRepository: 'source.toolkit.fluxcd.io',
  GitRepository: 'source.toolkit.fluxcd.io',
  HelmChart: 'source.toolkit.fluxcd.io',
  Bucket: 'source.toolkit.fluxcd.io',
  ConfigMap: '',
  Secret: '',
};

export interface FluxObject {
  kind: FluxKind;
  /** As written, Secrets masked. Shared by every read of the same text: do not change it. */
  object: KubeObject;
  /** Repository-relative, posix separators, links resolved. */
  file: string;
  /** 1-based line the object starts on. */
  line: number;
  /**
   * The namespace kustomize gives it: that of the outermost kustomization on the way that
   * sets `namespace:` (kustomize applies the outer one last), else metadata.namespace.
   */
  namespace?: string;
}

export interface FluxObjectSet {
  /** In the order kustomize would emit them. */
  objects: FluxObject[];
  /** Every file read (kustomization files too), repository-relative, sorted. */
  files: string[];
}

/**
 * What the reads of one discovery share: a fleet's paths share bases and its clusters share
 * layers, so a file is parsed once however often it is reached; and Flux's own manifests
 * (gotk-components.yaml, hundreds of kilobytes) are the same text in every cluster, parsed
 * once for all of them.
 */
export interface FluxReads {
  /** By real path: the file's objects, or why it cannot be read. */
  files: Map<string, FluxObject[] | PlumblineError>;
  /** By content: the objects of a text that parsed, as found in the first file holding it. */
  texts: Map<string, FluxObject[]>;
}

/**
 * Parsed texts, by content, for the whole process: a plan discovers the same checkout
 * several times (configuration, the head's tracing, the base, each render), and a text
 * parses the same every time (its objects are never changed). Bounded, as a long-running
 * process may read many repositories.
 */
const parsedTexts = new Map<string, FluxObject[]>();
const MAX_PARSED_TEXTS = 20_000;

export function fluxReads(): FluxReads {
  if (parsedTexts.size > MAX_PARSED_TEXTS) parsedTexts.clear();
  return { files: new Map(), texts: parsedTexts };
}

/** How later stages look a source, ConfigMap or Secret up by the reference that names it. */
export function fluxObjectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function fluxKindOf(object: Pick<KubeObject, 'apiVersion' | 'kind'>): FluxKind | undefined {
  if (!Object.hasOwn(GROUPS, object.kind)) return undefined;
  const kind = object.kind as FluxKind;
  const { group, version } = splitApiVersion(object.apiVersion);
  if (group !== GROUPS[kind]) return undefined;
  return group === '' && version !== 'v1' ? undefined : kind;
}

const OUTSIDE_HINT =
  'Flux reads only its source: replace the link with the file or folder it points to, or name a path inside the repository.';
const YAML_HINT = 'Fix the YAML at that line; kustomize-controller reads it as YAML.';

/**
 * The Flux objects of the folder `path` (repository-relative; '' is the root). Throws a
 * PlumblineError when the folder, or anything it names, is missing, leads outside the
 * repository or does not parse. A folder or file reached twice is read once, so a
 * kustomization that names its own ancestor ends.
 */
export function readFluxObjects(
  repoRoot: string,
  path: string,
  reads: FluxReads = fluxReads(),
): FluxObjectSet {
  const realRoot = realpathSync.native(repoRoot);
  const absolute = resolve(realRoot, path);
  if (!isInsideRepository(realRoot, absolute)) {
    throw new PlumblineError(`${path} leads outside the repository`, OUTSIDE_HINT);
  }
  const start = realPathIn(
    realRoot,
    absolute,
    () => `${path} leads outside the repository through a symbolic link`,
  );
  if (start === undefined || !isFolder(start)) {
    throw new PlumblineError(
      `${path || '.'}: no such folder in the repository`,
      'Point spec.path at a folder of the repository.',
    );
  }
  const shown = (real: string) => relative(realRoot, real).split(sep).join('/');
  const folders = new Set<string>();
  const files = new Set<string>();
  const objects: FluxObject[] = [];

  const readFile = (real: string, namespace: string | undefined) => {
    if (files.has(real)) return;
    files.add(real);
    for (const found of parsedFile(real, shown(real), reads)) {
      objects.push(namespace === undefined ? found : { ...found, namespace });
    }
  };

  const readFolder = (real: string, namespace: string | undefined) => {
    if (folders.has(real)) return;
    folders.add(real);
    const kustomization = KUSTOMIZATION_FILES.map((name) => join(real, name)).find(isFile);
    if (kustomization) readKustomization(kustomization, namespace);
    else readGenerated(real, namespace);
  };

  const readKustomization = (file: string, outer: string | undefined) => {
    const real = realPathIn(realRoot, file, () => `${shown(file)} leads outside the repository`);
    // isFile said it exists; a link that changed since is as good as missing.
    if (real === undefined || files.has(real)) return;
    files.add(real);
    const { entries, namespace } = kustomizationOf(readFileSync(real, 'utf8'), shown(real));
    const inner = outer ?? namespace;
    for (const entry of entries) {
      const target = resolve(dirname(real), entry.value);
      const leads = () => `${entry.where}: this entry leads outside the repository`;
      if (!isInsideRepository(realRoot, target)) throw new PlumblineError(leads(), OUTSIDE_HINT);
      const found = realPathIn(realRoot, target, leads);
      if (found === undefined) {
        // kustomize fetches a path that is not local as a URL or git repository: not ours.
        if (isRemoteReference(entry.value)) continue;
        throw new PlumblineError(
          `${entry.where}: this entry names nothing in the repository`,
          'Name a file or folder that exists, relative to the kustomization.',
        );
      }
      if (isFolder(found)) readFolder(found, inner);
      else readFile(found, inner);
    }
  };

  // kustomize-controller's generated kustomization: every YAML file, and every subfolder
  // (which, holding a kustomization, is built by it instead of walked).
  const readGenerated = (real: string, namespace: string | undefined) => {
    const entries = readdirSync(real, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const at = join(real, entry.name);
      const yaml = /\.ya?ml$/.test(entry.name);
      if (entry.isSymbolicLink()) {
        const folder = isFolder(at);
        if (!(yaml || folder) || (folder && entry.name.startsWith('.'))) continue;
        const target = realPathIn(
          realRoot,
          at,
          () => `${shown(at)} is a symbolic link that leads outside the repository`,
        );
        if (target === undefined) continue;
        if (folder) readFolder(target, namespace);
        else if (isFile(target)) readFile(target, namespace);
      } else if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) readFolder(at, namespace);
      } else if (entry.isFile() && yaml) {
        readFile(at, namespace);
      }
    }
  };

  readFolder(start, undefined);
  return { objects, files: [...files].map(shown).sort() };
}

/**
 * Below `realRoot` (a real path) and not in its `.git` folder, whose files (a checkout's
 * credentials, every branch's objects) are not the repository's content.
 */
export function isInsideRepository(realRoot: string, path: string): boolean {
  const rel = relative(realRoot, path);
  if (rel === '') return true;
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  return rel !== '.git' && !rel.startsWith(`.git${sep}`);
}

/** The Flux objects of one file, repository-relative; it too must stay in the repository. */
export function readFluxFile(repoRoot: string, file: string, reads: FluxReads = fluxReads()): FluxObject[] {
  const realRoot = realpathSync.native(repoRoot);
  const absolute = resolve(realRoot, file);
  const outside = () => `${file} leads outside the repository`;
  if (!isInsideRepository(realRoot, absolute)) throw new PlumblineError(outside(), OUTSIDE_HINT);
  const real = realPathIn(realRoot, absolute, outside);
  if (real === undefined) throw new PlumblineError(`${file}: no such file in the repository`);
  return parsedFile(real, relative(realRoot, real).split(sep).join('/'), reads);
}

/**
 * The real path of `path`, or undefined when nothing is there. One that leads outside the
 * repository throws `outside()`, which names the path and never where it leads.
 */
function realPathIn(realRoot: string, path: string, outside: () => string): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    return undefined;
  }
  if (!isInsideRepository(realRoot, real)) throw new PlumblineError(outside(), OUTSIDE_HINT);
  return real;
}

function parsedFile(real: string, file: string, reads: FluxReads): FluxObject[] {
  let found = reads.files.get(real);
  if (found === undefined) {
    try {
      const text = readFileSync(real, 'utf8');
      const same = reads.texts.get(text);
      if (same) {
        found = same.map((object) => ({ ...object, file }));
      } else {
        found = fluxObjectsIn(text, file);
        reads.texts.set(text, found);
      }
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      // Not kept by text: the message names this file, and another file would need its own.
      found = error;
    }
    reads.files.set(real, found);
  }
  if (found instanceof PlumblineError) throw found;
  return found;
}

/** The Flux objects, ConfigMaps and Secrets of one file's text (Secrets masked); throws PlumblineError on bad YAML. */
export function fluxObjectsIn(text: string, file: string): FluxObject[] {
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line, column) => `${file}:${line}:${column}`,
  });
  const objects: FluxObject[] = [];
  for (const { object, source } of resources) {
    const kind = fluxKindOf(object);
    if (kind === undefined) continue;
    const found: FluxObject = { kind, object, file, line: source.line ?? 1 };
    if (object.metadata.namespace) found.namespace = object.metadata.namespace;
    objects.push(found);
  }
  return objects;
}

interface KustomizationEntries {
  /** What `resources`, `bases` and `components` name, with where each is written. */
  entries: Array<{ value: string; where: string }>;
  namespace?: string;
}

/** Kustomizations read, by file and content: each discovery of a plan reads them all again. */
const kustomizationsRead = new Map<string, KustomizationEntries>();

function kustomizationOf(text: string, file: string): KustomizationEntries {
  const key = `${file}\0${text}`;
  let entries = kustomizationsRead.get(key);
  if (!entries) {
    if (kustomizationsRead.size > MAX_PARSED_TEXTS) kustomizationsRead.clear();
    entries = readKustomizationEntries(text, file);
    kustomizationsRead.set(key, entries);
  }
  return entries;
}

function readKustomizationEntries(text: string, file: string): KustomizationEntries {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: 'error',
  });
  const where = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const [error] = document.errors;
  if (error)
    throw new PlumblineError(`${where(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`, YAML_HINT);
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok)
    throw new PlumblineError(`${where(parsed.offset)}: YAML aliases: ${parsed.reason}`, YAML_HINT);
  const value = parsed.value;
  if (value === null || value === undefined) return { entries: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new PlumblineError(`${file}:1:1: a kustomization must be a mapping`, YAML_HINT);
  }
  // kustomize's YAML applies a merge key and plumbline's does not: what it hides is unseen.
  if (hasMergeKey(value)) {
    throw new PlumblineError(
      `${file} uses a YAML merge key (<<), which kustomize applies and plumbline does not follow`,
      'Write the merged fields out in full.',
    );
  }
  const record = value as Record<string, unknown>;
  const entries: KustomizationEntries['entries'] = [];
  for (const field of ['resources', 'bases', 'components']) {
    const list = record[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      const node = document.getIn([field, index], true) as { range?: [number, number, number] } | undefined;
      const at = where(node?.range?.[0] ?? 0);
      if (typeof item !== 'string') throw new PlumblineError(`${at}: a ${field} entry must be a path`);
      entries.push({ value: item, where: at });
    });
  }
  const namespace = record.namespace;
  return typeof namespace === 'string' && namespace !== '' ? { entries, namespace } : { entries };
}

function hasMergeKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasMergeKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key === '<<' || hasMergeKey(inner));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
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
