/** Which files of an environment folder promote reads: YAML, minus Helm chart templates and vendored charts. */

export function promotableFiles(paths: readonly string[]): string[] {
  const charts = new Set(
    paths.filter((path) => path.endsWith('/Chart.yaml') || path === 'Chart.yaml').map((path) => dirOf(path)),
  );
  return paths.filter((path) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!/\.ya?ml$/.test(base) && base !== 'Kustomization') return false;
    if (base === 'Chart.yaml' || base === 'Chart.lock') return false;
    // Chart templates are Go templates, not YAML; vendored subcharts belong to someone else.
    const segments = path.split('/');
    return !segments.some((segment, index) => {
      const parent = segments.slice(0, index).join('/');
      return (segment === 'templates' || segment === 'charts') && charts.has(parent);
    });
  });
}

/** Whether a repository path is `folder` or below it ('' and '.' are the root). */
export function isUnder(path: string, folder: string): boolean {
  return folder === '' || folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
