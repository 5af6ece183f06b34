/**
 * A chart from an OCI registry (`oci://host/path` + chart name), pulled as helm pulls it:
 * the tag is the version (`+` written `_`), the manifest names the chart layer, and the
 * layer is a blob fetched by digest and checked against it. Registries answer 401 with a
 * challenge: Basic (user and password on every request) or Bearer (a token from the realm
 * the registry names, asked for with the user and password, or anonymously).
 */
import type { ChartSource } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import { basicAuthorization, type HostAccess } from './access.js';
import { sha256Digest } from './cache.js';
import { type HttpAnswer, httpGet } from './http-get.js';
import { ARCHIVE_BYTES_LIMIT, type HostRule, requireSuccess } from './http-repository.js';
import { newestVersion, pickVersion, type VersionWanted } from './versions.js';

const MANIFEST_TYPES = ['application/vnd.oci.image.manifest.v1+json'];
const CHART_LAYER_TYPES = ['application/vnd.cncf.helm.chart.content.v1.tar+gzip', 'application/tar+gzip'];
const JSON_BYTES_LIMIT = 4 * 1024 * 1024;

export interface PulledChart {
  version: string;
  archive: Buffer;
  /** `sha256:` of the manifest: what the registry, `helm pull` and `crane digest` show. */
  manifestDigest: string;
}

/** One registry repository (`host/path/chart`), holding the token it was given. */
export class RegistryRepository {
  readonly host: string;
  readonly path: string;
  #authorization: string | undefined;

  constructor(
    source: ChartSource,
    private readonly access: HostAccess,
    private readonly rule: HostRule,
  ) {
    const url = new URL(source.repository.replace(/^oci:/, 'https:'));
    this.host = url.host;
    this.path = [...url.pathname.split('/').filter(Boolean), source.name].join('/');
  }

  get label(): string {
    return `oci://${this.host}/${this.path}`;
  }

  /** The version the wanted one means: exact versions are taken as tags without asking. */
  async resolveVersion(wanted: VersionWanted, source: ChartSource): Promise<string> {
    if ('exact' in wanted) return wanted.exact;
    const tags = (await this.#tags()).map((tag) => tag.replaceAll('_', '+'));
    const version = pickVersion(tags, wanted);
    if (version === undefined) {
      const newest = newestVersion(tags);
      throw new PlumblineError(
        `no tag of ${this.label} matches "${source.version}"` +
          (newest ? ` (the newest there is ${newest})` : ''),
        'Change the version to one the registry has, or check that the chart was pushed.',
      );
    }
    return version;
  }

  async pull(version: string): Promise<PulledChart> {
    const tag = version.replaceAll('+', '_');
    const what = `the manifest of ${this.label}:${tag}`;
    const manifestAnswer = await this.#get(`/v2/${this.path}/manifests/${encodeURIComponent(tag)}`, what, {
      accept: MANIFEST_TYPES.join(', '),
    });
    if (manifestAnswer.status === 404) {
      throw new PlumblineError(
        `${this.host} has no version ${version} of ${this.label} (HTTP 404)`,
        'Check the version and the chart name; the tag is the chart version.',
      );
    }
    requireSuccess(manifestAnswer, what, this.access, manifestAnswer.url);
    const manifestDigest = sha256Digest(manifestAnswer.body);
    const announced = manifestAnswer.headers['docker-content-digest'];
    if (typeof announced === 'string' && announced !== manifestDigest) {
      throw new PlumblineError(
        `${what} does not match the digest the registry announced`,
        'Something between the runner and the registry altered the answer; do not trust it.',
      );
    }
    const layer = chartLayer(manifestAnswer.body, what);
    const blobWhat = `the chart layer of ${this.label}:${tag}`;
    const blob = await this.#get(`/v2/${this.path}/blobs/${layer}`, blobWhat, {}, true);
    requireSuccess(blob, blobWhat, this.access, blob.url);
    if (sha256Digest(blob.body) !== layer) {
      throw new PlumblineError(
        `${blobWhat} does not match its digest ${layer.slice(0, 19)}…`,
        'The registry served other content than its manifest names; do not trust it, and tell the registry owner.',
      );
    }
    return { version, archive: blob.body, manifestDigest };
  }

  async #tags(): Promise<string[]> {
    const tags: string[] = [];
    let next: string | undefined = `/v2/${this.path}/tags/list?n=1000`;
    for (let page = 0; next !== undefined && page < 100; page++) {
      const what = `the tags of ${this.label}`;
      const answer = await this.#get(next, what, {});
      if (answer.status === 404) {
        throw new PlumblineError(
          `${this.host} has no repository ${this.path} (HTTP 404)`,
          'Check the registry path and the chart name.',
        );
      }
      requireSuccess(answer, what, this.access, answer.url);
      const body = parseJson(answer.body, what) as { tags?: unknown };
      if (Array.isArray(body.tags))
        tags.push(...body.tags.filter((tag): tag is string => typeof tag === 'string'));
      next = nextPage(answer.headers.link);
    }
    return tags;
  }

  /** A GET on the registry, answering its auth challenge once. */
  async #get(path: string, what: string, headers: Record<string, string>, blob = false): Promise<HttpAnswer> {
    const url = new URL(path, `https://${this.host}`);
    const request = (authorization: string | undefined) =>
      httpGet(url, {
        what,
        headers: { ...headers, ...(authorization ? { authorization } : {}) },
        ...(this.access.ca ? { ca: this.access.ca } : {}),
        maxBytes: blob ? ARCHIVE_BYTES_LIMIT : JSON_BYTES_LIMIT,
        // Blobs are addressed by digest and checked against it: registries hand them out from
        // storage hosts of their own (a CDN, object storage), which only the registry knows.
        mayFollow: (next) => (blob ? next.protocol === 'https:' : this.rule.mayFetch(next)),
      });
    let answer = await request(this.#authorization);
    if (answer.status !== 401) return answer;
    const challenge = answer.headers['www-authenticate'];
    this.#authorization = await this.#authorize(typeof challenge === 'string' ? challenge : '', what);
    answer = await request(this.#authorization);
    return answer;
  }

  async #authorize(challenge: string, what: string): Promise<string> {
    const scheme = challenge.split(' ')[0]?.toLowerCase();
    const credentials = this.access.credentials;
    if (scheme === 'basic') {
      if (!credentials) throw missingCredentials(this.host, what);
      return basicAuthorization(credentials);
    }
    if (scheme !== 'bearer') {
      throw new PlumblineError(
        `${this.host} asked for an authentication plumbline does not speak for ${what}`,
        'plumbline answers Basic and Bearer (token) challenges, as helm does.',
      );
    }
    const parameters = challengeParameters(challenge);
    const realm = parameters.get('realm');
    if (!realm || !/^https:\/\//.test(realm)) {
      throw new PlumblineError(
        `${this.host} named no HTTPS token service for ${what}`,
        'Check the registry address.',
      );
    }
    const tokenUrl = new URL(realm);
    const service = parameters.get('service');
    if (service) tokenUrl.searchParams.set('service', service);
    tokenUrl.searchParams.set('scope', `repository:${this.path}:pull`);
    const tokenWhat = `a token for ${this.label}`;
    const answer = await httpGet(tokenUrl, {
      what: tokenWhat,
      headers: credentials ? { authorization: basicAuthorization(credentials) } : {},
      ...(this.access.ca ? { ca: this.access.ca } : {}),
      maxBytes: JSON_BYTES_LIMIT,
      mayFollow: () => false,
    });
    requireSuccess(answer, tokenWhat, this.access, tokenUrl);
    const body = parseJson(answer.body, tokenWhat) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new PlumblineError(
        `the token service of ${this.host} gave no token`,
        'Check the registry address.',
      );
    }
    return `Bearer ${token}`;
  }
}

function chartLayer(body: Buffer, what: string): string {
  const manifest = parseJson(body, what) as { layers?: Array<{ mediaType?: unknown; digest?: unknown }> };
  const layer = manifest.layers?.find((candidate) => CHART_LAYER_TYPES.includes(String(candidate.mediaType)));
  const digest = layer?.digest;
  if (typeof digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new PlumblineError(
      `${what} holds no Helm chart layer`,
      'The artifact at that tag is not a Helm chart (helm push makes one); check the registry path and the chart name.',
    );
  }
  return digest;
}

function parseJson(body: Buffer, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value !== null && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new PlumblineError(`${what} is not the JSON a registry answers`, 'Check the registry address.');
}

/** `Bearer realm="https://…",service="…",scope="…"` → its parameters. */
function challengeParameters(challenge: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const match of challenge.matchAll(/([a-zA-Z]+)="([^"]*)"/g))
    parameters.set(match[1]!.toLowerCase(), match[2]!);
  return parameters;
}

/** The path of `<…>; rel="next"` in a Link header, as registries page tag lists. */
function nextPage(link: string | string[] | undefined): string | undefined {
  const value = Array.isArray(link) ? link.join(', ') : link;
  const match = value ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(value) : null;
  if (!match) return undefined;
  const next = new URL(match[1]!, 'https://registry.invalid');
  return `${next.pathname}${next.search}`;
}

function missingCredentials(host: string, what: string): PlumblineError {
  return new PlumblineError(
    `${host} asked for credentials for ${what}, and none are configured for it`,
    `Name the variables holding a user and password for host ${host} in render.repositories (usernameEnv, passwordEnv), or a Docker config in render.dockerConfig.`,
  );
}
