/**
 * The chart cache: archives stored by their sha256 (`blobs/sha256/<hex>.tgz`), and for each
 * (source, chart, exact version) a record of which archive it resolved to
 * (`refs/<sha256 of the key>.json`). A hit needs no network, and is trusted only when the
 * archive still hashes to the recorded digest. Writes go through a temporary file and a
 * rename, so concurrent runs sharing the folder (a CI cache) never see half a file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from '../atomic-write.js';

export interface CachedChart {
  /** The archive in the cache, ready for `helm template`. */
  file: string;
  version: string;
  /** `sha256:<hex>` of the archive. */
  digest: string;
  /** OCI: `sha256:<hex>` of the manifest, the digest registries and `helm pull` show. */
  manifestDigest?: string;
}

export interface CacheKey {
  repository: string;
  name: string;
  /** Exact: a range is resolved before the cache is asked. */
  version: string;
}

/** PLUMBLINE_CHART_CACHE, else the user's cache folder: `~/.cache/plumbline/charts`. */
export function chartCacheFolder(env: NodeJS.ProcessEnv): string {
  if (env.PLUMBLINE_CHART_CACHE) return env.PLUMBLINE_CHART_CACHE;
  const base = env.XDG_CACHE_HOME || join(env.HOME ?? homedir(), '.cache');
  return join(base, 'plumbline', 'charts');
}

export class ChartCache {
  constructor(readonly folder: string) {}

  async lookup(key: CacheKey): Promise<CachedChart | undefined> {
    let record: Omit<CachedChart, 'file'>;
    try {
      record = JSON.parse(await readFile(this.#refPath(key), 'utf8')) as Omit<CachedChart, 'file'>;
    } catch {
      return undefined;
    }
    const file = this.#blobPath(record.digest);
    if (file === undefined) return undefined;
    try {
      if (sha256Digest(await readFile(file)) !== record.digest) return undefined;
    } catch {
      return undefined;
    }
    return { ...record, file };
  }

  /** Stores an archive already checked against its digest, and the record of `key`. */
  async store(
    key: CacheKey,
    archive: Buffer,
    facts: Omit<CachedChart, 'file' | 'digest'>,
  ): Promise<CachedChart> {
    const digest = sha256Digest(archive);
    const file = this.#blobPath(digest)!;
    await atomicWrite(file, archive);
    // The record holds no path: a restored cache may live elsewhere.
    const persisted = { ...facts, digest };
    await atomicWrite(this.#refPath(key), Buffer.from(`${JSON.stringify(persisted)}\n`));
    return { ...persisted, file };
  }

  #refPath(key: CacheKey): string {
    const id = createHash('sha256')
      .update(JSON.stringify([key.repository, key.name, key.version]))
      .digest('hex');
    return join(this.folder, 'refs', `${id}.json`);
  }

  #blobPath(digest: string): string | undefined {
    const hex = /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
    return hex === undefined ? undefined : join(this.folder, 'blobs', 'sha256', `${hex}.tgz`);
  }
}

export function sha256Digest(content: Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

async function atomicWrite(file: string, content: Buffer): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeAtomically(file, content);
}
