/**
 * The configuration of a checkout that is trusted as it is (drift, promote, `envs`, a plan
 * without a base), with this repository's URLs: the checkout's `origin` remote, which a
 * Flux GitRepository may name, besides those the configuration lists.
 */
import { loadConfig } from '../config/load.js';
import type { PlumblineConfig } from '../config/types.js';
import { originUrls } from '../git/repository.js';

export async function loadCheckoutConfig(repoRoot: string): Promise<PlumblineConfig> {
  return loadConfig(repoRoot, await originUrls(repoRoot));
}
