/**
 * The rule of `render.allowHosts`: an entry with a port allows that host on that port, one
 * without allows the host on any port.
 */
export function isAllowedHost(host: string, allowHosts: readonly string[]): boolean {
  const lower = host.toLowerCase();
  const hostname = lower.replace(/:\d+$/, '');
  return allowHosts.some((allowed) => allowed === lower || allowed === hostname);
}
