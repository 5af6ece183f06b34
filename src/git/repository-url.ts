/**
 * Git URLs compared as the repositories they name, and shown without credentials: Flux
 * GitRepositories and Argo CD sources name this repository by URL, in whatever form it
 * was cloned by.
 */
/**
 * A Git URL as the repository it names, so that the forms one repository is cloned by
 * compare equal: scheme, user (and password), port, a trailing `/` or `.git` and case do
 * not count, and `git@host:org/repo` (scp style) is `https://host/org/repo`.
 */
export function repositoryIdentity(url: string): string {
  const withoutScheme = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const withoutUser = withoutScheme.replace(/^[^@/]*@/, '');
  // `host:22/org/repo` (a port) and `host:org/repo` (scp style) both become `host/org/repo`.
  const hostAndPath = withoutUser.replace(/^([^/:]+):(\d+\/)?/, '$1/');
  return hostAndPath.replace(/\/+$/, '').replace(/\.git$/, '');
}

/**
 * `url` fit for a message: `https://user:token@host/x` loses `user:token@`. The user of an
 * scp-style address (`git@host:org/repo`) is no secret and stays, unless a password follows it.
 */
export function withoutCredentials(url: string): string {
  // Up to the last `@`: a password may hold `@` or `/` unescaped. A path with an `@` loses
  // more than it must, which a message can afford.
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme) {
    const rest = url.slice(scheme[0].length);
    return scheme[0] + rest.slice(rest.lastIndexOf('@') + 1);
  }
  const at = url.lastIndexOf('@');
  return at >= 0 && url.slice(0, at).includes(':') ? url.slice(at + 1) : url;
}
