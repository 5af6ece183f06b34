import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadCheckoutConfig } from '../../commands/checkout-config.js';
import { printOutput } from './output.js';

interface EnvsFlags {
  repo: string;
  json?: boolean;
  withCluster?: boolean;
}

/** One environment as `envs --json` lists it: what a workflow matrix fans out over. */
export interface EnvironmentListing {
  name: string;
  path: string;
  renderer: string;
  cluster?: { context?: string };
}

export function envsCommand(): Command {
  return new Command('envs')
    .description("List the repository's environments (for a CI matrix: plumbline envs --json).")
    .option('--repo <dir>', 'the repository root', '.')
    .option('--json', 'print a JSON array of {name, path, renderer, cluster?}')
    .option('--with-cluster', 'only environments with a cluster (those drift checks)')
    .action(async (flags: EnvsFlags) => {
      const config = await loadCheckoutConfig(resolve(flags.repo));
      const listed: EnvironmentListing[] = config.environments
        .filter((env) => !flags.withCluster || env.cluster !== undefined)
        .map((env) => ({
          name: env.name,
          path: env.path,
          renderer: env.renderer,
          ...(env.cluster ? { cluster: { ...env.cluster } } : {}),
        }));
      if (flags.json) {
        // One line: `echo "envs=$(plumbline envs --json)" >> "$GITHUB_OUTPUT"` needs no delimiter.
        printOutput(JSON.stringify(listed), 'json');
        return;
      }
      for (const env of listed) {
        const cluster = env.cluster ? `  cluster ${env.cluster.context ?? '(current context)'}` : '';
        printOutput(`${env.name}  ${env.path}  ${env.renderer}${cluster}`, 'text');
      }
    });
}
