/**
 * A kustomization, built by `kustomize build` (or `kubectl kustomize`) in the sandbox.
 * Before it runs, everything it will read is known (kustomize-inputs.ts): each path must
 * stay inside the repository, each chart's files too, and a remote base or chart
 * repository must be on the trusted configuration's list of hosts.
 */
import { PlumblineError } from '../errors.js';
import type { Resource } from '../resource.js';
import { kustomizeCapabilityArgs } from './capabilities.js';
import { requireChartInside } from './chart-inputs.js';
import type { RenderContext } from './context.js';
import { type KustomizeInputs, kustomizeInputs } from './kustomize-inputs.js';
import { parseManifests } from './parse.js';
import { isAllowedReference } from './remote-reference.js';
import { renderFailure, runRenderer } from './renderer-run.js';
import { kustomizeCommand } from './tools.js';

export interface KustomizeRender {
  resources: Resource[];
  /** Whether kustomize ran helm for the helmCharts of a chart folder in the repository. */
  ranHelm: boolean;
}

export async function renderKustomize(context: RenderContext, path: string): Promise<KustomizeRender> {
  const inputs = await checkedKustomizeInputs(context, path);
  // helmCharts entries in a kustomization need helm: the sandbox's, whose homes are pinned.
  const helm = context.sandbox.helmForKustomize;
  const ranHelm = helm !== undefined && inputs.charts.length > 0;
  const helmArgs = helm
    ? ['--enable-helm', '--helm-command', helm, ...kustomizeCapabilityArgs(context.capabilities)]
    : [];
  const stdout = await kustomizeBuild(context, path, helmArgs, path);
  const file = `${path} (kustomize output)`;
  const resources = parseManifests({
    text: stdout,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`,
  });
  return { resources, ranHelm };
}

/**
 * What building the kustomization in `path` reads, after checking it: every path inside
 * the repository (kustomize-inputs.ts), every chart's files too, and every remote
 * reference on a host the configuration allows.
 */
export async function checkedKustomizeInputs(context: RenderContext, path: string): Promise<KustomizeInputs> {
  const inputs = await kustomizeInputs(context.boundary, path);
  const refused = inputs.remote.filter(
    (remote) => !isAllowedReference(remote.reference, context.settings.allowHosts),
  );
  if (refused.length > 0) {
    throw new PlumblineError(
      `${refused.map((remote) => `${remote.kustomization} names "${remote.reference}"`).join('; ')}, which is not in the repository, and renderers may fetch only from the hosts the configuration allows`,
      'Vendor it into the repository, or list its host under render.allowHosts in the configuration of the base branch (see docs/security.md).',
    );
  }
  for (const chart of inputs.charts) await requireChartInside(context.boundary, chart);
  return inputs;
}

/**
 * `kustomize build <folder> <args>` in the sandbox, its standard output; `shown` is how
 * the failure hint names the folder, and errors show paths below `mirrors` (folders that
 * mirror the repository) as relative. The caller has checked what the build reads.
 */
export async function kustomizeBuild(
  context: RenderContext,
  folder: string,
  args: readonly string[],
  shown: string,
  mirrors: readonly string[] = [],
): Promise<string> {
  const kustomize = await kustomizeCommand(context.tools);
  // The folder after `--`: one named `--load-restrictor=…` by a change is never read as a flag.
  const output = await runRenderer(context, kustomize, [...args, '--', folder]);
  if (output.outcome !== 'exited' || output.exitCode !== 0) {
    throw renderFailure(
      context,
      kustomize,
      output,
      `Run \`${kustomize.label} ${shown}\` locally to see the whole output.`,
      mirrors,
    );
  }
  return output.stdout;
}
