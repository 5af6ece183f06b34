/**
 * kustomize fetches a resource that is not a local path when it looks like a URL or a git
 * repository (`https://…`, `git::…`, `git@host:org/repo`, `github.com/org/repo//path`), and
 * helm pulls a chart from a repository URL. Which host such a reference reaches decides
 * whether the trusted configuration lets a renderer fetch it.
 */
import { isAllowedHost } from '../config/allow-hosts.js';

/** Whether kustomize would try `reference` (missing as a local path) as a remote one. */
export function isRemoteReference(reference: string): boolean {
  return hostOf(reference) !== undefined || /^[a-z][a-z0-9+.-]*:/i.test(reference);
}

/**
 * The host (lower case, with the port when one is given) a remote reference reaches;
 * undefined when it names none (a `file://` URL is local to the runner, never allowed).
 */
export function hostOf(reference: string): string | undefined {
  const withoutGetter = reference.replace(/^git::/i, '').replace(/^gh:/i, 'https://github.com/');
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(withoutGetter);
  if (url) {
    const authority = (url[1] ?? '').replace(/^[^@]*@/, '');
    return authority === '' ? undefined : authority.toLowerCase();
  }
  // scp-like git: user@host:org/repo
  const scp = /^[\w.-]+@([\w.-]+):/.exec(withoutGetter);
  if (scp) return scp[1]?.toLowerCase();
  // kustomize's shorthand: host.tld/org/repo[//path]
  const shorthand = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)\/[^/]+\/[^/]/i.exec(withoutGetter);
  return shorthand?.[1]?.toLowerCase();
}

/** Whether the trusted configuration lets renderers fetch `reference`. */
export function isAllowedReference(reference: string, allowHosts: readonly string[]): boolean {
  const host = hostOf(reference);
  return host !== undefined && isAllowedHost(host, allowHosts);
}
