/**
 * What of the merge base a plan writes into its worktree (git/base-checkout.ts): nothing to
 * discover environments (the tree's listing is enough), and for each environment rendered
 * at the base, what its render reads there. That is found as for the affected environments
 * (render/inputs.ts), on the base's own files: write the environment's folder, trace what
 * its kustomizations name, write that, and again until nothing new is named. A render
 * plumbline cannot trace (a remote reference) has the base written whole.
 */
import { posix } from 'node:path';
import { argoChartHosts } from '../argocd/chart-source.js';
import { findArgoObjects } from '../argocd/objects.js';
import { type DiscoveryTree, discoverEnvironmentsIn } from '../config/discover.js';
import { discoverRepositoryEnvironments } from '../config/load.js';
import type { RunDiscoveries } from '../config/run-discoveries.js';
import type { DiscoverySettings, EnvironmentConfig } from '../config/types.js';
import { discoverFluxEnvironments, fluxSourceHosts } from '../flux/discover.js';
import type { BaseSide } from '../git/base-checkout.js';
import { showFile } from '../git/repository.js';
import { filesContaining } from '../git/tree-listing.js';
import { inputsScope, renderInputs } from '../render/inputs.js';

/**
 * The base's environments when its configuration lists none. A Flux or Argo CD
 * repository's are found in the contents of its objects across the repository, so its base
 * is written whole; other repositories' are found in the listing.
 */
export async function discoverAtBase(
  repoRoot: string,
  sha: string,
  base: BaseSide,
  /** What the trusted configuration says discovery needs. */
  discovery?: DiscoverySettings,
  discoveries?: RunDiscoveries,
): Promise<EnvironmentConfig[]> {
  const kinds = await gitOpsKinds(repoRoot, sha, base);
  if (kinds.flux || kinds.argo) {
    await base.checkOutAll();
    return discoverRepositoryEnvironments(base.dir, discovery, discoveries);
  }
  return discoverEnvironmentsIn(await baseDiscoveryTree(repoRoot, sha, base));
}

/**
 * The hosts of the chart sources the merge base names: the HelmRepositories and
 * OCIRepositories its Flux clusters apply, or its Argo CD Applications' chart sources.
 */
export async function mergeBaseSourceHosts(
  repoRoot: string,
  sha: string,
  base: BaseSide,
  repositoryUrls: readonly string[] = [],
): Promise<string[]> {
  const kinds = await gitOpsKinds(repoRoot, sha, base);
  if (kinds.flux) {
    await base.checkOutAll();
    return fluxSourceHosts(discoverFluxEnvironments(base.dir, repositoryUrls));
  }
  if (!kinds.argo) return [];
  await base.checkOutAll();
  return argoChartHosts(findArgoObjects(base.dir).objects.map((found) => found.object));
}

/** Whether the base holds Flux objects, Argo CD objects. */
interface GitOpsKinds {
  flux: boolean;
  argo: boolean;
}

function gitOpsKinds(repoRoot: string, sha: string, base: BaseSide): Promise<GitOpsKinds> {
  // Asked for discovery and for the trusted hosts alike: one pair of git greps per base,
  // side by side (a plan of any repository waits for them).
  let answer = kindsOfBase.get(base);
  if (!answer) {
    answer = Promise.all([
      filesContaining(repoRoot, sha, FLUX_API_GROUP, base.prefix),
      filesContaining(repoRoot, sha, ARGO_API_GROUP, base.prefix),
    ]).then(([flux, argo]) => ({ flux: flux.size > 0, argo: argo.size > 0 }));
    kindsOfBase.set(base, answer);
  }
  return answer;
}

const kindsOfBase = new WeakMap<BaseSide, Promise<GitOpsKinds>>();

/** What every Flux object's apiVersion holds. */
const FLUX_API_GROUP = 'toolkit.fluxcd.io';
/** What every Argo CD object's apiVersion holds. */
const ARGO_API_GROUP = 'argoproj.io';

/** The base's environments as discovery sees them, from the listing and git's objects. */
export async function baseDiscoveryTree(
  repoRoot: string,
  sha: string,
  base: BaseSide,
): Promise<DiscoveryTree> {
  const fromTop = (path: string) => posix.join(base.prefix, path);
  const components = await filesContaining(repoRoot, sha, 'Component', base.prefix);
  return {
    list(folder) {
      const listed = base.listing.list(fromTop(folder));
      if (!listed) return undefined;
      return {
        files: listed.files,
        folders: listed.folders.map((path) => posix.relative(base.prefix || '.', path)),
      };
    },
    mentionsComponent: (file) => components.has(fromTop(file)),
    read: async (file) => (await showFile(repoRoot, sha, fromTop(file))) ?? '',
  };
}

/** Traces at most this many times: a chain of kustomizations longer than this is written whole. */
const MAX_ROUNDS = 16;

/** Writes what rendering `environments` at the base reads. */
export async function checkOutForRenders(
  base: BaseSide,
  environments: readonly EnvironmentConfig[],
  /** What the trusted configuration says discovery needs. */
  discovery: DiscoverySettings = { repositoryUrls: [] },
): Promise<void> {
  if (environments.length === 0 || base.whole) return;
  const { listing } = base;
  await base.checkOut(environments.flatMap((env) => listing.below(posix.join(base.prefix, env.path))));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // A fresh scope each round: what was missing in the last one may be there now.
    const scope = await inputsScope(base.dir, base.top, new Map(), discovery);
    const wanted: string[] = [];
    for (const env of environments) {
      const inputs = await renderInputs(scope, env);
      if (inputs.kind === 'anything') return base.checkOutAll();
      for (const path of [...inputs.trees, ...inputs.files]) wanted.push(...listing.below(path));
      for (const folder of inputs.folders) wanted.push(...listing.directlyIn(folder));
    }
    const before = base.written;
    await base.checkOut(wanted);
    if (base.written === before) return;
  }
  await base.checkOutAll();
}
