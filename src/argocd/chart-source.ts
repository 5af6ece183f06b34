/**
 * An Argo CD source that is a Helm chart (`chart` set), as plumbline's ChartSource: a Helm
 * repository when `repoURL` is an http(s) URL, an OCI registry when it has no scheme
 * (`registry.example.com/charts`, as Argo CD writes OCI Helm repositories) or `oci://`;
 * `targetRevision` is the version or range. And the hosts the chart sources of a set of
 * Applications name, which a plan trusts when the base names them (commands/plan-config.ts).
 */
import type { ChartSource } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { KubeObject } from '../resource.js';
import { listOf, recordOf, textOf } from '../yaml/plain-data.js';
import { argoKindOf } from './objects.js';

/** `where`: the Application's `file:line` and the source's field, for errors. */
export function argoChartSource(
  source: { repoURL: string; chart?: string | undefined; targetRevision?: string | undefined },
  where: string,
): ChartSource {
  const { chart, targetRevision } = source;
  if (!chart) throw new PlumblineError(`${where} names no chart`);
  if (!targetRevision) {
    throw new PlumblineError(
      `${where}: a chart source needs targetRevision, the chart's version or range`,
      'Set targetRevision to a version (1.2.3) or a range (1.x).',
    );
  }
  return { repository: chartRepository(source.repoURL), name: chart, version: targetRevision };
}

function chartRepository(repoURL: string): string {
  const url = repoURL.trim().replace(/\/+$/, '');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `oci://${url}`;
}

/** The hosts of the chart sources of these Applications, sorted. */
export function argoChartHosts(objects: readonly KubeObject[]): string[] {
  const hosts = new Set<string>();
  for (const object of objects) {
    if (argoKindOf(object) !== 'Application') continue;
    const spec = recordOf(object.spec);
    for (const source of [spec.source, ...listOf(spec.sources)]) {
      const { repoURL, chart } = recordOf(source);
      const url = textOf(repoURL);
      if (url === undefined || textOf(chart) === undefined) continue;
      try {
        hosts.add(new URL(chartRepository(url).replace(/^oci:/, 'https:')).host);
      } catch {
        // Not a URL: its Application fails when rendered, naming it.
      }
    }
  }
  return [...hosts].sort();
}
