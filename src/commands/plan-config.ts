/**
 * Which configuration a plan obeys. The base revision is trusted and the head of a change
 * is data: when the plan has a base, the base's configuration decides what is rendered,
 * what renderers may do and what is hidden, and a change to the configuration is reported
 * (added, changed, removed), never applied. Without a base (a plan of the checkout alone)
 * the checkout's own configuration is all there is.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { argoChartHosts } from '../argocd/chart-source.js';
import { argoObjectsIn } from '../argocd/objects.js';
import { type CheckoutDiscovery, CONFIG_FILES, type ConfigSource, loadConfigFrom } from '../config/load.js';
import { parseConfigText } from '../config/parse.js';
import type { RunDiscoveries } from '../config/run-discoveries.js';
import type { DiscoverySettings, EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import type { ConfigProvenance } from '../diff/model.js';
import { PlumblineError } from '../errors.js';
import { sourceHostsOf } from '../flux/discover.js';
import { fluxObjectsIn } from '../flux/objects.js';
import type { BaseSide } from '../git/base-checkout.js';
import { entryAtRevision, showFile } from '../git/repository.js';
import { filesContaining } from '../git/tree-listing.js';
import { mergeBaseSourceHosts } from './base-files.js';
import { loadCheckoutConfig } from './checkout-config.js';

export interface PlanConfig {
  config: PlumblineConfig;
  provenance: ConfigProvenance;
  /**
   * The environments the configuration listed where the change branched off (none when it
   * listed none): one of them whose folder neither side of the change has was moved by the
   * base branch since, and must not drop out of the plan unseen.
   */
  listedWhereBranched: ReadonlySet<string>;
  /**
   * When the environments were discovered, the folders that are environments at the merge
   * base: a folder that is there but no environment (a plain folder the change turned into
   * one) has nothing to compare with.
   */
  environmentsAtBase?: ReadonlySet<string>;
}

/**
 * The folder that holds the configuration must be that folder in the work tree, not a link
 * to another: git names the base's configuration by the folder's real path, so a change
 * that turned `deploy/` into a link to `deploy-evil/` would have the plan look for the
 * base's configuration in a folder the base does not have.
 */
export async function requireRealConfigFolder(repoRoot: string, top: string): Promise<void> {
  const realTop = await realpath(top);
  let current = resolve(repoRoot);
  for (;;) {
    if ((await realpath(current)) === realTop) return;
    if ((await lstat(current)).isSymbolicLink()) {
      throw new PlumblineError(
        `${relative(top, current) || current} is a symbolic link: the configuration's folder must be a folder of the repository`,
        'Point plumbline at the folder itself.',
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export async function checkoutConfig(repoRoot: string, discoveries: RunDiscoveries): Promise<PlanConfig> {
  const config = await loadCheckoutConfig(repoRoot, discoveries);
  return { config, provenance: { from: 'head', file: config.file }, listedWhereBranched: new Set() };
}

/**
 * The base's configuration applied to the checkout at `repoRoot`, read at the base's tip
 * (the commit the base ref names): a change cannot pick an older configuration by
 * branching off an older commit. What the change does to the file is judged against the
 * merge base, where it branched off. `discoverAtBase`, when the merge base is at hand,
 * discovers environments there too.
 */
export async function baseConfig(
  repoRoot: string,
  base: { tip: string; sha: string },
  /** The configuration file at the base's tip (configAtRevision). */
  source: ConfigSource | undefined,
  discoverAtBase?: () => Promise<EnvironmentConfig[]>,
  /** What discovery found at the head already (the plan's tracing asked first). */
  atHead?: CheckoutDiscovery,
): Promise<PlanConfig> {
  const listedAtTip = listedEnvironments(source);
  // Discovered once at the base, for the plan's environments and for what the base holds.
  const discoveredAtBase = discoverAtBase && !listedAtTip ? await discoverAtBase() : undefined;
  const config = await loadConfigFrom(source, repoRoot, discoveredAtBase, atHead);
  const branchedFrom = base.sha === base.tip ? source : await configAtRevision(repoRoot, base.sha);
  const listedWhereBranched = base.sha === base.tip ? listedAtTip : listedEnvironments(branchedFrom);
  const head = await checkoutConfigFile(repoRoot);
  const headChange = await changeInCheckout(repoRoot, branchedFrom, head);
  const provenance: ConfigProvenance = { from: 'base' };
  // The file the facts are about: the base's, or the one the change adds.
  const file = source?.file ?? head?.file;
  if (file) provenance.file = file;
  if (headChange) provenance.headChange = headChange;
  const planConfig: PlanConfig = {
    config,
    provenance,
    listedWhereBranched: listedWhereBranched ?? new Set(),
  };
  if (discoveredAtBase) planConfig.environmentsAtBase = new Set(discoveredAtBase.map((env) => env.path));
  return planConfig;
}

/** The names of the environments `source` lists; undefined when it lists none (or there is none). */
function listedEnvironments(source: ConfigSource | undefined): Set<string> | undefined {
  const environments = source ? parseConfigText(source.text, source.file).config?.environments : undefined;
  return environments ? new Set(environments.map((environment) => environment.name)) : undefined;
}

/**
 * What discovery needs of the trusted configuration before the file is loaded: the URLs
 * of this repository (the checkout's `origin` and the file's `repositoryUrls`) and Argo
 * CD's clusters. A file that does not parse names none; loading it reports why.
 */
export function trustedDiscoverySettings(
  source: ConfigSource | undefined,
  /** The checkout's origin (git/repository.ts originUrls). */
  origin: readonly string[],
): DiscoverySettings {
  const render = source ? parseConfigText(source.text, source.file).config?.render : undefined;
  return {
    repositoryUrls: [...origin, ...(render?.repositoryUrls ?? [])],
    argocdClusters: render?.argocdClusters,
  };
}

export async function configAtRevision(repoRoot: string, sha: string): Promise<ConfigSource | undefined> {
  for (const file of CONFIG_FILES) {
    const entry = await entryAtRevision(repoRoot, sha, file);
    if (entry.kind === 'missing') continue;
    if (entry.kind === 'link') {
      throw new PlumblineError(
        `${file} at the base (${sha.slice(0, 7)}) is a symbolic link; plumbline reads its configuration only from the file itself`,
        `Replace ${file} with the configuration file on the base branch.`,
      );
    }
    return { file, text: entry.text };
  }
  return undefined;
}

/** What the checkout (the head) does to the base's configuration file; its content is never shown. */
async function changeInCheckout(
  repoRoot: string,
  base: ConfigSource | undefined,
  head: { file: string; link: boolean } | undefined,
): Promise<ConfigProvenance['headChange']> {
  if (!base) return head ? 'added' : undefined;
  if (!head) return 'removed';
  if (head.file !== base.file || head.link) return 'changed';
  return (await readFile(join(repoRoot, head.file), 'utf8')) === base.text ? undefined : 'changed';
}

/** The head's configuration file; `link` also when it holds both names, which no run accepts. */
async function checkoutConfigFile(repoRoot: string): Promise<{ file: string; link: boolean } | undefined> {
  const found: Array<{ file: string; link: boolean }> = [];
  for (const file of CONFIG_FILES) {
    const stats = await lstat(join(repoRoot, file)).catch(() => undefined);
    if (stats?.isFile() || stats?.isSymbolicLink()) found.push({ file, link: stats.isSymbolicLink() });
  }
  const [first] = found;
  return first && found.length > 1 ? { ...first, link: true } : first;
}

/**
 * The chart source hosts a plan of a Flux repository trusts (RenderSettings.sourceHosts):
 * those of the HelmRepository and OCIRepository objects the merge base's clusters apply
 * that the base's tip names too. The tip is the trusted side (a change chooses its merge
 * base by where it branches off, and a host the base branch has since dropped is not to
 * be reached again); the merge base says which of them the clusters apply.
 */
export async function trustedSourceHosts(
  repoRoot: string,
  base: { sha: string; tip: string },
  baseSide: BaseSide,
  /** The trusted configuration's `repositoryUrls`. */
  repositoryUrls: readonly string[] = [],
): Promise<string[]> {
  const applied = await mergeBaseSourceHosts(repoRoot, base.sha, baseSide, repositoryUrls);
  if (applied.length === 0 || base.sha === base.tip) return applied;
  const named = new Set<string>();
  const files = new Set([
    ...(await filesContaining(repoRoot, base.tip, 'HelmRepository', baseSide.prefix)),
    ...(await filesContaining(repoRoot, base.tip, 'OCIRepository', baseSide.prefix)),
    ...(await filesContaining(repoRoot, base.tip, 'argoproj.io', baseSide.prefix)),
  ]);
  for (const file of files) {
    const text = await showFile(repoRoot, base.tip, file);
    if (text === undefined) continue;
    try {
      // A Flux source's URL, or an Argo CD Application's chart source.
      const objects = [
        ...fluxObjectsIn(text, file).map((found) => found.object),
        ...argoObjectsIn(text, file).map((found) => found.object),
      ];
      for (const host of [...sourceHostsOf(objects), ...argoChartHosts(objects)]) named.add(host);
    } catch (error) {
      // A file of the tip that does not parse names no host plumbline can trust.
      if (!(error instanceof PlumblineError)) throw error;
    }
  }
  return applied.filter((host) => named.has(host));
}
