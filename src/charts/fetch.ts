/**
 * Charts from Helm repositories and OCI registries, for one run: each repository's index
 * read once, each chart version fetched once, both kept in the chart cache so the next run
 * asks the network for nothing but the ranges it must resolve. plumbline fetches; helm
 * later renders the archive with no network at all.
 *
 * The hosts: a repository the trusted configuration names is reached because it names it;
 * a repository named by data (a chart's dependencies, at the head of a change) only when
 * its host is in render.allowHosts.
 */
import { isAllowedHost } from '../config/allow-hosts.js';
import type { ChartSource, RenderSettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { accessFor, type HostAccess } from './access.js';
import { ChartCache, chartCacheFolder } from './cache.js';
import {
  chooseEntry,
  downloadArchive,
  type HostRule,
  type RepositoryIndex,
  readIndex,
} from './http-repository.js';
import { RegistryRepository } from './oci-registry.js';
import { isValidRange, versionWanted } from './versions.js';

/** A chart ready for `helm template`, and the facts the report shows about it. */
export interface FetchedChart {
  repository: string;
  name: string;
  /** The exact version a range resolved to. */
  version: string;
  /** `sha256:` of the archive. */
  digest: string;
  /** OCI only: `sha256:` of the manifest. */
  manifestDigest?: string;
  /** The archive, in the cache. */
  file: string;
}

/** Who named the repository: the trusted configuration, or the repository's content. */
export type ChartOrigin = 'configuration' | 'content';

export interface ChartFetcherOptions {
  cacheFolder: string;
  settings: RenderSettings;
  /** Where credential variables and `~` come from. */
  env: NodeJS.ProcessEnv;
}

/**
 * The fetcher of a run in this process: credentials and `~` from its environment, and the
 * cache in `cacheFolder`, else PLUMBLINE_CHART_CACHE, else the user's cache folder.
 */
export function runChartFetcher(settings: RenderSettings, cacheFolder?: string): ChartFetcher {
  return new ChartFetcher({
    cacheFolder: cacheFolder ?? chartCacheFolder(process.env),
    settings,
    env: process.env,
  });
}

export class ChartFetcher {
  readonly #cache: ChartCache;
  readonly #indexes = new Map<string, Promise<RepositoryIndex>>();
  readonly #charts = new Map<string, Promise<FetchedChart>>();
  readonly #access = new Map<string, Promise<HostAccess>>();

  constructor(private readonly options: ChartFetcherOptions) {
    this.#cache = new ChartCache(options.cacheFolder);
  }

  fetch(source: ChartSource, origin: ChartOrigin): Promise<FetchedChart> {
    const key = JSON.stringify([source.repository, source.name, source.version, origin]);
    let chart = this.#charts.get(key);
    if (!chart) {
      chart = this.#fetch(source, origin);
      this.#charts.set(key, chart);
    }
    return chart;
  }

  async #fetch(source: ChartSource, origin: ChartOrigin): Promise<FetchedChart> {
    const wanted = versionWanted(source.version);
    if ('range' in wanted && !isValidRange(wanted.range)) {
      throw new PlumblineError(
        `"${source.version}" is neither a version nor a version range (chart ${source.name} from ${source.repository})`,
        'Write an exact version (1.2.3) or a range such as 1.x, ^1.2.0 or ">=1.2.0 <2.0.0".',
      );
    }
    const repository = new URL(source.repository.replace(/^oci:/, 'https:'));
    const rule = this.#hostRule(source, origin);
    if (!rule.mayFetch(repository)) {
      throw new PlumblineError(
        `the chart ${source.name} comes from ${repository.host}, which the configuration does not allow`,
        `Add ${repository.host} to render.allowHosts in the configuration of the base branch, if charts may come from there.`,
      );
    }
    const access = await this.#accessFor(repository.host);
    const isOci = source.repository.startsWith('oci://');
    if (isOci) {
      const registry = new RegistryRepository(source, access, rule);
      const version = await registry.resolveVersion(wanted, source);
      const key = { repository: source.repository, name: source.name, version };
      const cached = await this.#cache.lookup(key);
      if (cached) return { ...source, ...cached };
      const pulled = await registry.pull(version);
      const stored = await this.#cache.store(key, pulled.archive, {
        version,
        manifestDigest: pulled.manifestDigest,
      });
      return { ...source, ...stored };
    }
    if ('exact' in wanted) {
      const cached = await this.#cache.lookup({ ...source, version: wanted.exact });
      if (cached) return { ...source, ...cached };
    }
    const index = await this.#index(source.repository, origin, access, rule);
    const entry = chooseEntry(index, source, wanted);
    const key = { repository: source.repository, name: source.name, version: entry.version };
    const cached = await this.#cache.lookup(key);
    if (cached) return { ...source, ...cached };
    const archive = await downloadArchive(entry, source, access, rule, repository.host);
    const stored = await this.#cache.store(key, archive, { version: entry.version });
    // A version asked for exactly is recorded under what was asked too (`v1.2.3` for 1.2.3).
    if ('exact' in wanted && wanted.exact !== entry.version) {
      await this.#cache.store({ ...source, version: wanted.exact }, archive, { version: entry.version });
    }
    return { ...source, ...stored };
  }

  #hostRule(source: ChartSource, origin: ChartOrigin): HostRule {
    const declared = new URL(source.repository.replace(/^oci:/, 'https:')).host;
    const allowHosts = this.options.settings.allowHosts;
    return {
      mayFetch: (url) =>
        (origin === 'configuration' && url.host === declared) ||
        isAllowedHost(url.host, allowHosts) ||
        (this.options.settings.sourceHosts ?? []).includes(url.host),
    };
  }

  #index(
    repository: string,
    origin: ChartOrigin,
    access: HostAccess,
    rule: HostRule,
  ): Promise<RepositoryIndex> {
    const key = `${origin} ${repository}`;
    let index = this.#indexes.get(key);
    if (!index) {
      index = readIndex(repository, access, rule);
      this.#indexes.set(key, index);
    }
    return index;
  }

  #accessFor(host: string): Promise<HostAccess> {
    let access = this.#access.get(host);
    if (!access) {
      access = accessFor(host, this.options.settings, this.options.env);
      this.#access.set(host, access);
    }
    return access;
  }
}
