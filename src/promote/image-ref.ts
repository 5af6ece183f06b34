/**
 * Container image references: `[registry/]path[:tag][@digest]`.
 * A version is what promote carries between environments: the tag, the digest, or both.
 */
import { PlumblineError } from '../errors.js';

export interface ImageVersion {
  tag?: string;
  digest?: string;
}

export interface ImageRef extends ImageVersion {
  /** Everything before the tag and digest, e.g. `ghcr.io/acme/app` or `nginx`. */
  name: string;
}

/** Splits an image reference; a `:` after the last `/` starts the tag (a registry port does not). */
export function parseImageRef(ref: string): ImageRef {
  const at = ref.indexOf('@');
  const withoutDigest = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? undefined : ref.slice(at + 1);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', slash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon === -1 ? undefined : withoutDigest.slice(colon + 1);
  return { name, tag, digest };
}

export function formatImageRef(ref: ImageRef): string {
  return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** `1.2.3`, `1.2.3@sha256:…` or `@sha256:…`, for messages and PR bodies. */
export function formatVersion(version: ImageVersion): string {
  const digest = version.digest === undefined ? '' : `@${shortDigest(version.digest)}`;
  return `${version.tag ?? ''}${digest}` || '(none)';
}

function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex !== undefined && hex.length > 12 ? `${algorithm}:${hex.slice(0, 12)}…` : digest;
}

export function sameVersion(a: ImageVersion, b: ImageVersion): boolean {
  return a.tag === b.tag && a.digest === b.digest;
}

/**
 * A tag given as input may carry its digest (`1.2.3@sha256:…`); a pinned tag stays pinned,
 * so the digest is split off rather than dropped.
 */
export function parseVersionInput(tag: string | undefined, digest: string | undefined): ImageVersion {
  let version: ImageVersion = {};
  if (tag) {
    const at = tag.indexOf('@');
    version = at === -1 ? { tag } : { tag: tag.slice(0, at), digest: tag.slice(at + 1) };
    if (version.tag === '') delete version.tag;
  }
  if (digest) {
    if (version.digest !== undefined && version.digest !== digest) {
      throw new PlumblineError(
        `the tag pins digest ${version.digest} but the digest input is ${digest}`,
        'Give the digest once: either in the tag (`1.2.3@sha256:…`) or as the digest input.',
      );
    }
    version.digest = digest;
  }
  return version;
}

/** Docker Hub names have implicit parts: `nginx` is `docker.io/library/nginx`. */
function canonicalName(name: string): string {
  let canonical = name.toLowerCase();
  for (const prefix of ['docker.io/', 'index.docker.io/', 'registry-1.docker.io/']) {
    if (canonical.startsWith(prefix)) canonical = canonical.slice(prefix.length);
  }
  return canonical.startsWith('library/') ? canonical.slice('library/'.length) : canonical;
}

export function sameImageName(a: string, b: string): boolean {
  return canonicalName(a) === canonicalName(b);
}

/** True when any name of one image matches any name of the other. */
export function namesOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => sameImageName(x, y)));
}
