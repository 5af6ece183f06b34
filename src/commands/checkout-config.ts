/**
 * The configuration of a checkout that is trusted as it is (drift, promote, `envs`, a plan
 * without a base), with this repository's URLs: the checkout's `origin` remote, which a
 * Flux GitRepository may name, besides those the configuration lists.
 */
import { loadConfig } from '../config/load.js';
import { RunDiscoveries } from '../config/run-discoveries.js';
import type { PlumblineConfig } from '../config/types.js';
import { originUrls } from '../git/repository.js';
import { appOfAppsFollower } from '../render/argocd-app-of-apps.js';

export async function loadCheckoutConfig(
  repoRoot: string,
  /** The run's discoveries; by default one that follows app-of-apps charts. */
  discoveries: RunDiscoveries = new RunDiscoveries(appOfAppsFollower()),
): Promise<PlumblineConfig> {
  return loadConfig(repoRoot, await originUrls(repoRoot), discoveries);
}
