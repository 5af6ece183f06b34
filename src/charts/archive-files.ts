/**
 * Files inside a chart archive plumbline fetched (a value file Argo CD reads from the chart,
 * `valueFiles: [values-prod.yaml]`), read from the archive itself: nothing is unpacked to
 * disk, so no entry of the archive (a symbolic link, `../`, an absolute name) can make
 * plumbline read or write anything outside it. A path is looked up below the chart's
 * folder, the archive's first folder, as helm loads a chart; only a regular file counts,
 * and a symbolic or hard link on the way is reported, never followed.
 */
import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { PlumblineError } from '../errors.js';

/** What plumbline unpacks of one archive to find its files (as for the archive's schemas). */
const UNPACKED_BYTES_LIMIT = 64 * 1024 * 1024;

export type ArchiveFile =
  | { found: 'file'; content: Buffer }
  | { found: 'nothing' }
  /** The path, or a folder on its way, is a link in the archive (`link` is its path below the chart). */
  | { found: 'link'; link: string; kind: 'symbolic' | 'hard' };

/**
 * A path below the chart's folder that stays in it: relative, normalised, no `..`; undefined
 * for one that would lead out (`../x`, `/etc/x`) or names the folder itself.
 */
export function pathInChart(path: string): string | undefined {
  if (path === '' || posix.isAbsolute(path) || path.includes('\0')) return undefined;
  const normal = posix.normalize(path);
  if (normal === '.' || normal === '..' || normal.startsWith('../')) return undefined;
  return normal.replace(/\/+$/, '');
}

/**
 * The files at `paths` (each as pathInChart gives it) of the chart archive `file` (a
 * gzipped tar, as helm packages charts). `shown` names the chart in errors.
 */
export async function readChartArchiveFiles(
  file: string,
  paths: readonly string[],
  shown: string,
): Promise<Map<string, ArchiveFile>> {
  for (const path of paths) {
    if (pathInChart(path) !== path) throw new PlumblineError(`${path} is no path inside the chart ${shown}`);
  }
  const wanted = new Set(paths);
  const contents = new Map<string, Buffer>();
  const links: Array<{ name: string; kind: 'symbolic' | 'hard' }> = [];
  let budget = UNPACKED_BYTES_LIMIT;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = nameInChart(header.name);
    const regular = header.type === 'file' || header.type === 'contiguous-file';
    if (name !== undefined && (header.type === 'symlink' || header.type === 'link'))
      links.push({ name, kind: header.type === 'symlink' ? 'symbolic' : 'hard' });
    // The last entry of a name wins, as when a tar is unpacked.
    const keep = name !== undefined && regular && wanted.has(name);
    if (name !== undefined && wanted.has(name)) contents.delete(name);
    const chunks: Buffer[] = [];
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      budget -= chunk.length;
      if (budget < 0) stream.destroy(tooLarge(shown));
      else if (keep) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (keep && name !== undefined) contents.set(name, Buffer.concat(chunks));
      next();
    });
    stream.on('error', next);
  });
  try {
    await pipeline(createReadStream(file), createGunzip(), extract);
  } catch (error) {
    if (error instanceof PlumblineError) throw error;
    throw new PlumblineError(
      `the chart ${shown} cannot be read as a chart archive (a gzipped tar)`,
      'Check the chart in its repository: helm package writes archives plumbline reads.',
    );
  }
  const answers = new Map<string, ArchiveFile>();
  for (const path of paths) {
    const link = links.find(({ name }) => path === name || path.startsWith(`${name}/`));
    const content = contents.get(path);
    answers.set(
      path,
      link !== undefined
        ? { found: 'link', link: link.name, kind: link.kind }
        : content !== undefined
          ? { found: 'file', content }
          : { found: 'nothing' },
    );
  }
  return answers;
}

/**
 * An entry's path below the chart's folder, as helm's loader names it: the first folder
 * left out, `\` read as `/` in an archive made on Windows; undefined for the folder itself
 * and for a name helm refuses (absolute, `..`).
 */
function nameInChart(entry: string): string | undefined {
  const delimiter = entry.includes('\\') ? '\\' : '/';
  const rest = entry.split(delimiter).slice(1).join('/');
  return pathInChart(rest);
}

function tooLarge(shown: string): PlumblineError {
  return new PlumblineError(
    `the chart ${shown} unpacks to more than ${UNPACKED_BYTES_LIMIT} bytes`,
    'Use a smaller chart: plumbline unpacks at most that much of one to read its files.',
  );
}
