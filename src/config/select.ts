import { PlumblineError } from '../errors.js';
import type { EnvironmentConfig, PlumblineConfig } from './types.js';

/**
 * The environments a user asked for by name, in the configuration's order; all of them
 * when no name is given.
 */
export function selectEnvironments(config: PlumblineConfig, names: string[]): EnvironmentConfig[] {
  if (names.length === 0) return config.environments;
  const known = new Set(config.environments.map((environment) => environment.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new PlumblineError(
      `Unknown environment${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      `Known environments: ${[...known].join(', ')}.`,
    );
  }
  const wanted = new Set(names);
  return config.environments.filter((environment) => wanted.has(environment.name));
}
