/** `plumbline` command line: argv -> command. Exit codes: 0 ok/no changes, 2 changes, 1 error. */
import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { driftCommand } from './cli/drift.js';
import { envsCommand } from './cli/envs.js';
import { planCommand } from './cli/plan.js';
import { promoteCommand } from './cli/promote.js';
import { runCli } from './cli/run.js';

const program = new Command('plumbline')
  .description('GitOps for CI: plan, promote and drift for Kubernetes environments kept in Git.')
  .version(packageJson.version)
  .showHelpAfterError()
  .addCommand(planCommand())
  .addCommand(promoteCommand())
  .addCommand(driftCommand())
  .addCommand(envsCommand());

await runCli(program, process.argv);
