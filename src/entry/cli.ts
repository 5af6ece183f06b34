/** `plumbline` command line: argv -> command. Exit codes: 0 ok/no changes, 2 changes, 1 error. */
import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './cli/run.js';

/**
 * Each command's module, imported only when the command line names it: `plumbline plan`
 * loads plan and the libraries it uses, and `plumbline --version` loads no command at all.
 * In help order.
 */
const commands = {
  plan: async () => (await import('./cli/plan.js')).planCommand(),
  merge: async () => (await import('./cli/merge.js')).mergeCommand(),
  promote: async () => (await import('./cli/promote.js')).promoteCommand(),
  drift: async () => (await import('./cli/drift.js')).driftCommand(),
  envs: async () => (await import('./cli/envs.js')).envsCommand(),
} satisfies Record<string, () => Promise<Command>>;

type CommandName = keyof typeof commands;

/**
 * The commands `args` needs: the one it names, none for a bare `--version`, and every one
 * otherwise (help, no command, an unknown one, which commander answers with a suggestion).
 * The program itself has no option that takes a value, so the first word that is not an
 * option is the command.
 */
function commandsFor(args: readonly string[]): CommandName[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  if (named !== undefined && Object.hasOwn(commands, named)) return [named as CommandName];
  if (named === undefined && args.length > 0 && args.every((arg) => arg === '--version' || arg === '-V'))
    return [];
  return Object.keys(commands) as CommandName[];
}

const program = new Command('plumbline')
  .description('GitOps for CI: plan, promote and drift for Kubernetes environments kept in Git.')
  .version(packageJson.version)
  .showHelpAfterError();
for (const command of await Promise.all(commandsFor(process.argv.slice(2)).map((name) => commands[name]())))
  program.addCommand(command);

await runCli(program, process.argv);
