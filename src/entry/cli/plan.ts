import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { type PlanMode, runPlan } from '../../commands/plan.js';
import { hasChanges, type PlanResult } from '../../diff/model.js';
import { renderJson } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderText } from '../../report/text.js';

interface PlanFlags {
  repo: string;
  env: string[];
  base?: string;
  live?: boolean;
  offline?: boolean;
  reader?: boolean;
  kubeconfig?: string;
  context?: string;
  format: 'md' | 'json' | 'text';
  out?: string;
}

export function planCommand(): Command {
  return new Command('plan')
    .description('Show what a change does to each environment: base vs head, and head vs the live cluster.')
    .option('--repo <dir>', 'the repository root', '.')
    .option('--env <name...>', 'only these environments (repeatable)', [])
    .option(
      '--base <ref>',
      'compare with the merge base of this ref and HEAD (default: origin/HEAD, main, master)',
    )
    .addOption(
      new Option('--live', 'only compare with the live cluster (server-side-apply dry run)').conflicts([
        'offline',
        'reader',
      ]),
    )
    .addOption(new Option('--offline', 'only compare base and head; no cluster needed').conflicts(['reader']))
    .option('--reader', 'compare with the cluster using get/list rights only (no dry run)')
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', "kubeconfig context for every environment (overrides the config's)")
    .addOption(
      new Option('--format <format>', 'report format').choices(['md', 'json', 'text']).default('text'),
    )
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      '\nExit codes: 0 no changes, 2 changes, 1 an error (an environment that could not be compared).',
    )
    .action(async (flags: PlanFlags) => {
      const mode: PlanMode = flags.live
        ? 'live'
        : flags.reader
          ? 'reader'
          : flags.offline
            ? 'offline'
            : 'auto';
      const kubeconfigPath = flags.kubeconfig ?? process.env.KUBECONFIG?.split(':')[0];
      const result = await runPlan({
        repoRoot: resolve(flags.repo),
        environments: flags.env,
        mode,
        clusterAvailable: Boolean(kubeconfigPath) || existsSync(join(homedir(), '.kube', 'config')),
        ...(flags.base ? { base: flags.base } : {}),
        ...(kubeconfigPath ? { kubeconfigPath } : {}),
        ...(flags.context ? { context: flags.context } : {}),
        log: (message) => process.stderr.write(`plumbline: ${message}\n`),
      });
      const report = format(result, flags.format, !flags.out && process.stdout.isTTY === true);
      if (flags.out) {
        await writeFile(flags.out, report);
        process.stderr.write(`plumbline: report written to ${flags.out}\n`);
      } else {
        process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
      }
      process.exitCode = exitCode(result);
    });
}

function format(result: PlanResult, as: PlanFlags['format'], color: boolean): string {
  switch (as) {
    case 'md':
      return renderMarkdown(result);
    case 'json':
      return renderJson(result);
    case 'text':
      return renderText(result, { color });
  }
}

/** Like `terraform plan -detailed-exitcode`: an error wins over changes. */
export function exitCode(result: PlanResult): number {
  if (result.environments.some((env) => env.error)) return 1;
  return hasChanges(result) ? 2 : 0;
}
