/** `plumbline` command line: argv -> command. Exit codes: 0 ok/no changes, 2 changes, 1 error. */
import { Command } from 'commander';
import { driftCommand } from './cli/drift.js';
import { envsCommand } from './cli/envs.js';
import { planCommand } from './cli/plan.js';
import { promoteCommand } from './cli/promote.js';
import { runCli } from './cli/run.js';

const program = new Command('plumbline')
  .description('GitOps for CI: plan, promote and drift for Kubernetes environments kept in Git.')
  .version(process.env.PLUMBLINE_VERSION ?? '0.1.0')
  .showHelpAfterError()
  .addCommand(planCommand())
  .addCommand(promoteCommand())
  .addCommand(driftCommand())
  .addCommand(envsCommand());

await runCli(program, process.argv);
