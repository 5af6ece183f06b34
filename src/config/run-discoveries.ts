/**
 * The Flux and Argo CD discoveries of the checkouts one run reads, each worked out once
 * however many steps ask: a plan asks for a checkout's when it loads its configuration,
 * when it works out which environments a change affects and when it renders each
 * environment, at the head and at the base. A run makes one and hands it to every step; a
 * step given none discovers afresh. What one step found holds for the next: a run that
 * makes one (plan, drift) reads its checkouts and never writes them.
 */
import { resolve } from 'node:path';
import { type ArgoDiscovery, discoverArgoApplications } from '../argocd/discover.js';
import { discoverFluxEnvironments, type FluxDiscovery } from '../flux/discover.js';
import type { DiscoverySettings, RenderSettings } from './types.js';

/** What discovery needs of render settings: this repository's URLs, Argo CD's clusters. */
export function discoverySettings(render: RenderSettings): DiscoverySettings {
  return { repositoryUrls: render.repositoryUrls ?? [], argocdClusters: render.argocdClusters };
}

/**
 * Adds to a checkout's Argo CD discovery the Applications its app-of-apps charts render
 * (render/argocd-app-of-apps.ts): rendering is not discovery's to do, so a run that may
 * render hands it in.
 */
export type ArgoFollower = (
  root: string,
  /** The checkout's discovery of files, made when first asked. */
  discover: () => ArgoDiscovery,
  settings: DiscoverySettings,
) => Promise<ArgoDiscovery>;

/** A checkout's Argo CD discovery is the same for the same folder, URLs and clusters. */
function argoKey(root: string, settings: DiscoverySettings): string {
  return JSON.stringify(['argocd', resolve(root), settings.repositoryUrls, settings.argocdClusters ?? null]);
}

export class RunDiscoveries {
  readonly #found = new Map<string, ArgoDiscovery | FluxDiscovery>();
  readonly #followed = new Map<string, Promise<ArgoDiscovery>>();

  /** `follower`: how app-of-apps charts are followed; without one, only files count. */
  constructor(private readonly follower?: ArgoFollower) {}

  /** The checkout's Argo CD Applications (argocd/discover.ts). */
  argo(root: string, settings: DiscoverySettings): ArgoDiscovery {
    return this.#once(argoKey(root, settings), () =>
      discoverArgoApplications(root, {
        repositoryUrls: settings.repositoryUrls,
        clusters: settings.argocdClusters,
      }),
    );
  }

  /** The checkout's Argo CD Applications, and those its app-of-apps charts render. */
  argoFollowed(root: string, settings: DiscoverySettings): Promise<ArgoDiscovery> {
    const follower = this.follower;
    if (!follower) return Promise.resolve(this.argo(root, settings));
    const key = argoKey(root, settings);
    let followed = this.#followed.get(key);
    if (!followed) {
      followed = follower(root, () => this.argo(root, settings), settings);
      this.#followed.set(key, followed);
    }
    return followed;
  }

  /** The checkout's Flux environments (flux/discover.ts). */
  flux(root: string, settings: DiscoverySettings): FluxDiscovery {
    const key = JSON.stringify(['flux', resolve(root), settings.repositoryUrls]);
    return this.#once(key, () => discoverFluxEnvironments(root, settings.repositoryUrls));
  }

  #once<T extends ArgoDiscovery | FluxDiscovery>(key: string, compute: () => T): T {
    let found = this.#found.get(key) as T | undefined;
    if (!found) {
      found = compute();
      this.#found.set(key, found);
    }
    return found;
  }
}
