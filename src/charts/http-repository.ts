/**
 * A chart from an HTTP(S) Helm repository: `index.yaml` at the repository URL lists every
 * chart's versions with their archive URLs and sha256 digests (what `helm repo index`
 * writes, and GitHub Pages or ChartMuseum serve). The index is read once per repository
 * per run; the archive is checked against the index's digest.
 */
import { parse } from 'yaml';
import type { ChartSource } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { basicAuthorization, type HostAccess } from './access.js';
import { sha256Digest } from './cache.js';
import { type HttpAnswer, httpGet, shownUrl } from './http-get.js';
import { newestVersion, pickVersion, type VersionWanted } from './versions.js';

/** Big public indexes are tens of megabytes. */
const INDEX_BYTES_LIMIT = 128 * 1024 * 1024;
export const ARCHIVE_BYTES_LIMIT = 64 * 1024 * 1024;

export interface IndexEntry {
  version: string;
  /** The archive's sha256 as the index gives it (bare hex), when it gives one. */
  digest?: string;
  url: URL;
}

export interface RepositoryIndex {
  /** Every version of `chart`, as the index lists them. */
  entries(chart: string): IndexEntry[];
}

export interface HostRule {
  /** Whether plumbline may fetch from `url` (a redirect, an archive on another host). */
  mayFetch(url: URL): boolean;
}

export async function readIndex(
  repository: string,
  access: HostAccess,
  rule: HostRule,
): Promise<RepositoryIndex> {
  const base = new URL(repository.endsWith('/') ? repository : `${repository}/`);
  const url = new URL('index.yaml', base);
  const what = `the index of ${shownUrl(base)}`;
  const answer = await httpGet(url, {
    what,
    headers: authorizationOf(access),
    ...(access.ca ? { ca: access.ca } : {}),
    maxBytes: INDEX_BYTES_LIMIT,
    mayFollow: (next) => rule.mayFetch(next),
  });
  requireSuccess(answer, what, access, base);
  let index: { entries?: Record<string, Array<{ version?: unknown; digest?: unknown; urls?: unknown }>> };
  const text = answer.body.toString('utf8');
  try {
    // A hostile index may multiply aliases; helm's own reader refuses that too.
    index = (parse(text, { maxAliasCount: 100, prettyErrors: false }) ?? {}) as typeof index;
  } catch (error) {
    const offset = (error as { pos?: [number, number] }).pos?.[0];
    const line = offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
    throw new PlumblineError(
      `${what} is not YAML${line === undefined ? '' : ` (line ${line})`}`,
      'Check the repository URL: it names the folder that holds index.yaml (what `helm repo add` takes).',
    );
  }
  if (
    typeof index !== 'object' ||
    index === null ||
    typeof index.entries !== 'object' ||
    index.entries === null
  ) {
    throw new PlumblineError(
      `${what} has no "entries": it is not a Helm repository index`,
      'Check the repository URL: it names the folder that holds index.yaml (what `helm repo add` takes).',
    );
  }
  const entries = index.entries;
  return {
    entries(chart) {
      const listed = Object.hasOwn(entries, chart) ? entries[chart] : undefined;
      if (!Array.isArray(listed)) return [];
      return listed.flatMap((entry) => {
        const version = typeof entry?.version === 'string' ? entry.version : undefined;
        const first = Array.isArray(entry?.urls) ? entry.urls[0] : undefined;
        if (version === undefined || typeof first !== 'string') return [];
        let archive: URL;
        try {
          archive = new URL(first, base);
        } catch {
          return [];
        }
        const digest = typeof entry.digest === 'string' ? entry.digest.replace(/^sha256:/, '') : undefined;
        return [{ version, url: archive, ...(digest ? { digest } : {}) }];
      });
    },
  };
}

/** The index entry for the wanted version, or an error saying what the repository has. */
export function chooseEntry(index: RepositoryIndex, source: ChartSource, wanted: VersionWanted): IndexEntry {
  const entries = index.entries(source.name);
  if (entries.length === 0) {
    throw new PlumblineError(
      `the repository ${source.repository} has no chart named ${source.name}`,
      'Check the chart name (helm search repo lists what a repository has) and the repository URL.',
    );
  }
  const versions = entries.map((entry) => entry.version);
  const version = pickVersion(versions, wanted);
  if (version === undefined) {
    const newest = newestVersion(versions);
    throw new PlumblineError(
      `no version of ${source.name} in ${source.repository} matches "${source.version}"` +
        (newest ? ` (the newest there is ${newest})` : ''),
      'Change the version to one the repository has, or check that the release was published.',
    );
  }
  return entries.find((entry) => entry.version === version)!;
}

/** Downloads an entry's archive and checks it against the index's digest. */
export async function downloadArchive(
  entry: IndexEntry,
  source: ChartSource,
  access: HostAccess,
  rule: HostRule,
  repositoryHost: string,
): Promise<Buffer> {
  const what = `${source.name} ${entry.version}`;
  if (!rule.mayFetch(entry.url)) {
    throw new PlumblineError(
      `the index of ${source.repository} serves ${what} from ${entry.url.host}, which the configuration does not allow`,
      `Add ${entry.url.host} to render.allowHosts in the configuration of the base branch if that host is expected to serve it.`,
    );
  }
  // Credentials go only to the repository's own host.
  const sameHost = entry.url.host === repositoryHost;
  const answer = await httpGet(entry.url, {
    what,
    headers: sameHost ? authorizationOf(access) : {},
    ...(access.ca ? { ca: access.ca } : {}),
    maxBytes: ARCHIVE_BYTES_LIMIT,
    mayFollow: (next) => rule.mayFetch(next),
  });
  requireSuccess(answer, `${what} (${shownUrl(entry.url)})`, access, entry.url);
  if (entry.digest !== undefined && sha256Digest(answer.body) !== `sha256:${entry.digest.toLowerCase()}`) {
    throw new PlumblineError(
      `${what} from ${shownUrl(entry.url)} does not match the digest its index gives (sha256:${entry.digest.slice(0, 12)}…)`,
      'The archive changed after it was indexed, or something between the runner and the repository altered it; ask the repository owner to re-index, and do not trust the archive meanwhile.',
    );
  }
  return answer.body;
}

function authorizationOf(access: HostAccess): Record<string, string> {
  return access.credentials ? { authorization: basicAuthorization(access.credentials) } : {};
}

export function requireSuccess(answer: HttpAnswer, what: string, access: HostAccess, where: URL): void {
  if (answer.status >= 200 && answer.status < 300) return;
  if (answer.status === 401 || answer.status === 403) {
    const refused = answer.status === 401 ? 'asked for credentials' : 'refused access';
    throw new PlumblineError(
      access.credentials
        ? `${where.host} ${refused} for ${what} (HTTP ${answer.status}) with the credentials from ${access.credentialsFrom}`
        : `${where.host} ${refused} for ${what} (HTTP ${answer.status}), and no credentials are configured for it`,
      access.credentials
        ? `Check the values of ${access.credentialsFrom}: the user may not exist, the password or token may be wrong or expired, or lack read access.`
        : `Name the variables holding a user and password for host ${where.host} in render.repositories (usernameEnv, passwordEnv), or a Docker config in render.dockerConfig.`,
    );
  }
  if (answer.status === 404) {
    throw new PlumblineError(
      `${where.host} answered HTTP 404 (not found) for ${what}`,
      'Check the repository URL, the chart name and the version.',
    );
  }
  throw new PlumblineError(
    `${where.host} answered HTTP ${answer.status} for ${what}`,
    'Check the repository URL; if it is right, the repository is failing.',
  );
}
