/**
 * Where a helm source's value file is, as Argo CD's repo-server resolves it
 * (util/io/path/resolved.go): `$ref/path` is a file of the source whose `ref` is `ref`,
 * from the root of its repository; a path starting with `/` is from the root of the
 * repository; any other from the chart's folder. The render reads it, the selection of
 * affected Applications watches it and promote edits it: one answer for the three.
 */
import { posix } from 'node:path';
import { type ArgoApplication, normaliseArgoPath } from './discover.js';

export type ValueFileLocation =
  /** A file of this repository, repository-relative. */
  | { kind: 'repository'; path: string }
  /** A file inside a chart from a repository or registry, as written (the chart's folder decides). */
  | { kind: 'chart'; file: string }
  /** At a URL: Argo CD fetches it, plumbline reaches no host for it. */
  | { kind: 'url' }
  /** Of a `ref` source from another repository, or of a `ref` no source defines. */
  | { kind: 'other-repository' }
  /** A path leading out of the repository. */
  | { kind: 'outside' };

/** `chartPath`: the chart's folder in this repository; undefined for a chart from a repository. */
export function valueFileLocation(
  application: Pick<ArgoApplication, 'sources'>,
  file: string,
  chartPath: string | undefined,
): ValueFileLocation {
  const ref = /^\$([^/]+)\/(.*)$/.exec(file);
  if (ref) {
    const [, name = '', rest = ''] = ref;
    const source = application.sources.find((candidate) => candidate.ref === name);
    if (!source?.local) return { kind: 'other-repository' };
    return inRepository(rest);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return { kind: 'url' };
  if (chartPath === undefined) return { kind: 'chart', file };
  return inRepository(file.startsWith('/') ? file : posix.join(chartPath, file));
}

function inRepository(path: string): ValueFileLocation {
  const normal = normaliseArgoPath(path);
  return normal === undefined || normal === '' ? { kind: 'outside' } : { kind: 'repository', path: normal };
}
