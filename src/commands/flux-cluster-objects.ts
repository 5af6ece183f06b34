/**
 * The ConfigMaps and Secrets a Flux cluster holds outside Git, for the renders of its
 * environments (render/context.ts, ClusterObjectLookup). The renderer asks only for what
 * the environment's output and the repository lack; this answers, in order:
 *
 * 1. the file the trusted configuration names for the Flux cluster
 *    (`flux.clusterObjects.<cluster>`), read where the configuration is read: at the base's
 *    tip in a plan with a base (with git, never through a link), else in the checkout
 *    (drift, a plan without a base), a link followed only inside the repository. A named
 *    file that is missing is an error naming the setting;
 * 2. the environment's cluster itself, when the run compares the environment with it (a
 *    GET per object, once per run; Secrets masked by cluster/).
 *
 * Objects of the file are parsed by render/parse.ts, which masks Secrets, so a Secret's
 * value is a masked token from the moment it is read.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ClusterClient } from '../cluster/index.js';
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { fluxObjectKey } from '../flux/objects.js';
import { entryAtRevision } from '../git/repository.js';
import { parseManifests } from '../render/parse.js';
import type { ClusterObject, ClusterObjectLookup } from '../render/render.js';

/** By Flux cluster: its objects outside Git, by fluxObjectKey. */
export type ClusterObjectFiles = ReadonlyMap<string, ReadonlyMap<string, ClusterObject>>;

/** The client of the cluster an environment is compared with in this run, or undefined when it is not. */
export type LiveClusterOf = (environment: EnvironmentConfig) => Promise<ClusterClient> | undefined;

/** The files of `config` as the checkout at `repoRoot` holds them (the checkout is trusted). */
export async function clusterObjectFilesInCheckout(
  repoRoot: string,
  config: PlumblineConfig,
): Promise<ClusterObjectFiles> {
  return readAll(config, async (path) => {
    const full = join(repoRoot, path);
    const stats = await lstat(full).catch(() => undefined);
    if (!stats) return { missing: 'does not exist' };
    if (stats.isSymbolicLink()) {
      const [real, top] = await Promise.all([realpath(full).catch(() => undefined), realpath(repoRoot)]);
      if (real === undefined) return { missing: 'is a link to nothing' };
      if (!real.startsWith(`${top}${sep}`))
        return { missing: 'is a symbolic link that leads outside the repository' };
    }
    const text = await readFile(full, 'utf8').catch(() => undefined);
    return text === undefined ? { missing: 'is not a readable file' } : { text };
  });
}

/** The files of `config` as `revision` holds them (the base's tip, whose configuration a plan obeys). */
export async function clusterObjectFilesAtRevision(
  repoRoot: string,
  revision: string,
  config: PlumblineConfig,
): Promise<ClusterObjectFiles> {
  const at = `at the base (${revision.slice(0, 7)})`;
  return readAll(config, async (path) => {
    const entry = await entryAtRevision(repoRoot, revision, path);
    if (entry.kind === 'missing') return { missing: `does not exist ${at}` };
    if (entry.kind === 'link')
      return { missing: `is a symbolic link ${at}; plumbline reads it only from the file itself` };
    return { text: entry.text };
  });
}

/**
 * The lookup the renders of a run get: the files, then the live cluster of an environment
 * the run compares with one. Undefined when there is neither.
 */
export function clusterObjectLookup(
  files: ClusterObjectFiles,
  liveClusterOf?: LiveClusterOf,
): ClusterObjectLookup | undefined {
  if (files.size === 0 && !liveClusterOf) return undefined;
  const asked = new Map<ClusterClient, Map<string, Promise<ClusterObject | undefined>>>();
  return async (environment, reference) => {
    const key = fluxObjectKey(reference.kind, reference.namespace, reference.name);
    const cluster = environment.flux?.cluster;
    const written = cluster === undefined ? undefined : files.get(cluster)?.get(key);
    if (written) return written;
    const connecting = liveClusterOf?.(environment);
    if (!connecting) return undefined;
    const client = await connecting;
    let byKey = asked.get(client);
    if (!byKey) {
      byKey = new Map();
      asked.set(client, byKey);
    }
    let answer = byKey.get(key);
    if (!answer) {
      answer = client
        .readObject({ apiVersion: 'v1', ...reference })
        .then((object) =>
          object ? { object, place: `the cluster (kubeconfig context ${client.context})` } : undefined,
        );
      byKey.set(key, answer);
    }
    return answer;
  };
}

type Read = { text: string } | { missing: string };

async function readAll(
  config: PlumblineConfig,
  read: (path: string) => Promise<Read>,
): Promise<ClusterObjectFiles> {
  const files = new Map<string, ReadonlyMap<string, ClusterObject>>();
  const configFile = config.file ?? 'plumbline.yaml';
  for (const [cluster, path] of Object.entries(config.fluxClusterObjects ?? {})) {
    const setting = `flux.clusterObjects.${cluster}`;
    const result = await read(path);
    if ('missing' in result) {
      throw new PlumblineError(
        `${configFile}: ${setting} names ${path}, which ${result.missing}`,
        `Add the file of cluster ${cluster}'s ConfigMaps and Secrets outside Git, or remove ${setting} from ${configFile}.`,
      );
    }
    files.set(cluster, objectsOf(result.text, path, `${configFile}: ${setting}`));
  }
  return files;
}

/** The ConfigMaps and Secrets of a file, by key, Secrets masked; anything else is an error. */
function objectsOf(text: string, path: string, setting: string): Map<string, ClusterObject> {
  const hint = `${path} holds the ConfigMaps and Secrets (apiVersion v1, each with metadata.namespace) the cluster has outside Git.`;
  let resources: ReturnType<typeof parseManifests>;
  try {
    resources = parseManifests({
      text,
      locate: (line) => ({ file: path, line }),
      describe: (line, column) => `${path}:${line}:${column}`,
    });
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`${setting}: ${error.message}`, error.hint, { cause: error });
  }
  const objects = new Map<string, ClusterObject>();
  for (const { object, source } of resources) {
    const place = `${path}:${source.line ?? 1}`;
    const { kind } = object;
    if (object.apiVersion !== 'v1' || (kind !== 'ConfigMap' && kind !== 'Secret')) {
      throw new PlumblineError(`${setting}: ${place}: not a ConfigMap or Secret (apiVersion v1)`, hint);
    }
    const namespace = object.metadata.namespace;
    if (!namespace) throw new PlumblineError(`${setting}: ${place}: the ${kind} names no namespace`, hint);
    const key = fluxObjectKey(kind, namespace, object.metadata.name);
    const first = objects.get(key);
    if (first) {
      throw new PlumblineError(
        `${setting}: ${place}: ${kind} ${namespace}/${object.metadata.name} is there twice (first at ${first.place})`,
        hint,
      );
    }
    objects.set(key, { object, place });
  }
  return objects;
}
