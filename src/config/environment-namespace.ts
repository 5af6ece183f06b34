import type { EnvironmentConfig } from './types.js';

/**
 * The namespace an environment's namespaced objects land in when they name none: the Helm
 * release namespace, else the environment's namespace; absent, the cluster context's.
 */
export function environmentNamespace(env: EnvironmentConfig): string | undefined {
  return env.helm?.namespace ?? env.namespace;
}
