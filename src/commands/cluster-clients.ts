/**
 * The clusters one run talks to: one client per kubeconfig context, connected on first use
 * and shared by everything the run asks (capabilities before rendering, the comparison
 * after), closed together at the end.
 */
import { type ClusterClient, type ClusterTarget, connectCluster } from '../cluster/index.js';
import type { Capabilities, EnvironmentConfig } from '../config/types.js';

export class ClusterClients {
  readonly #clients = new Map<string, Promise<ClusterClient>>();

  constructor(private readonly kubeconfigPath: string | undefined) {}

  for(context: string | undefined): Promise<ClusterClient> {
    const key = context ?? '';
    let client = this.#clients.get(key);
    if (!client) {
      const target: ClusterTarget = {};
      if (this.kubeconfigPath) target.kubeconfigPath = this.kubeconfigPath;
      if (context) target.context = context;
      client = connectCluster(target);
      this.#clients.set(key, client);
    }
    return client;
  }

  /**
   * Each environment's cluster capabilities, for the environments given with the context
   * each is compared in; one discovery per cluster. A cluster that cannot be asked is left
   * out: the environment renders with its configured capabilities, and the comparison
   * reports the failure.
   */
  async capabilities(
    environments: ReadonlyArray<{ env: EnvironmentConfig; context: string | undefined }>,
  ): Promise<Map<string, Capabilities>> {
    const result = new Map<string, Capabilities>();
    await Promise.all(
      environments.map(async ({ env, context }) => {
        try {
          result.set(env.name, await (await this.for(context)).capabilities());
        } catch {
          // Reported by the comparison, which needs the same cluster.
        }
      }),
    );
    return result;
  }

  async close(): Promise<void> {
    for (const client of this.#clients.values()) {
      await client.then(
        (connected) => connected.close(),
        () => {},
      );
    }
  }
}
