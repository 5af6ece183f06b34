import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { type PlanMode, runPlan } from '../../commands/plan.js';
import { publishPlan } from '../../commands/publish-plan.js';
import { hasChanges, type PlanResult } from '../../diff/model.js';
import { PlumblineError } from '../../errors.js';
import { type Forge, ForgeError } from '../../forge/forge.js';
import { gitLabCiContext } from '../../forge/gitlab-env.js';
import { renderJson } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderText } from '../../report/text.js';
import { detectForge, FORGE_KINDS, type ForgeKind, forgeFromEnvironment } from '../forge-from-env.js';
import { chooseKubeconfig } from '../kubeconfig-path.js';
import { cliLog, printLog, printOutput } from './output.js';
import { cliVocabulary } from './vocabulary.js';

interface PlanFlags {
  repo: string;
  env: string[];
  base?: string;
  live?: boolean;
  offline?: boolean;
  reader?: boolean;
  kubeconfig?: string;
  context?: string;
  chartCache?: string;
  format: 'md' | 'json' | 'text';
  out?: string;
  comment?: boolean;
  commentPerEnvironment?: boolean;
  labels?: boolean;
  forge?: ForgeKind;
  pr?: number;
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
    .option(
      '--chart-cache <dir>',
      'where fetched Helm charts are kept between runs (default: $PLUMBLINE_CHART_CACHE or ~/.cache/plumbline/charts)',
    )
    .addOption(
      new Option('--format <format>', 'report format').choices(['md', 'json', 'text']).default('text'),
    )
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--comment', 'also post the plan as the sticky comment of a pull/merge request (see --forge)')
    .option('--comment-per-environment', 'with --comment: one comment per environment instead of one')
    .option('--labels', 'label the pull/merge request plumbline:changes or plumbline:no-changes')
    .addOption(
      new Option('--forge <forge>', 'where to comment (default: the CI the command runs in)').choices(
        FORGE_KINDS,
      ),
    )
    .option(
      '--pr <number>',
      'the pull/merge request to comment on (default: the one the CI run is for)',
      (value) => positiveInteger(value, '--pr'),
    )
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no changes, 2 changes, 1 an error (an environment that could not be compared).',
        '',
        'With --comment or --labels the forge comes from the environment:',
        '  github  GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY (owner/name), GITHUB_API_URL (default https://api.github.com)',
        '  gitlab  the CI job variables (CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID) and the token in',
        '          PLUMBLINE_GITLAB_TOKEN (or the variable PLUMBLINE_GITLAB_TOKEN_VARIABLE names)',
      ].join('\n'),
    )
    .action(async (flags: PlanFlags) => {
      const mode: PlanMode = flags.live
        ? 'live'
        : flags.reader
          ? 'reader'
          : flags.offline
            ? 'offline'
            : 'auto';
      const kubeconfig = chooseKubeconfig(flags.kubeconfig);
      // Resolved before planning, so that a missing token fails fast.
      const target = flags.comment || flags.labels ? forgeTarget(flags, process.env) : undefined;
      const base = flags.base ?? target?.base;
      const result = await runPlan({
        repoRoot: resolve(flags.repo),
        environments: flags.env,
        mode,
        clusterAvailable: kubeconfig.available,
        ...(base ? { base } : {}),
        kubeconfigPath: kubeconfig.path,
        ...(flags.chartCache ? { chartCache: resolve(flags.chartCache) } : {}),
        ...(flags.context ? { context: flags.context } : {}),
        log: cliLog(),
      });
      const report = format(result, flags.format, !flags.out && process.stdout.isTTY === true);
      if (flags.out) {
        await writeFile(flags.out, report);
        printLog(`report written to ${flags.out}`);
      } else {
        printOutput(report, flags.format === 'json' ? 'json' : 'text');
      }
      if (target) {
        try {
          const published = await publishPlan(
            target.forge,
            { kind: 'change-request', number: target.number },
            result,
            {
              comment: flags.comment === true,
              perEnvironment: flags.commentPerEnvironment === true,
              selected: flags.env,
              labels: flags.labels === true,
              vocabulary: cliVocabulary(),
            },
          );
          for (const { key, sync } of published.comments) {
            printLog(`plan comment ${key}: ${sync.urls.join(' ')}`);
          }
        } catch (error) {
          if (error instanceof ForgeError)
            throw new PlumblineError(error.message, error.hint, { cause: error });
          throw error;
        }
      }
      process.exitCode = exitCode(result);
    });
}

function format(result: PlanResult, as: PlanFlags['format'], color: boolean): string {
  switch (as) {
    case 'md':
      return renderMarkdown(result, { vocabulary: cliVocabulary() });
    case 'json':
      return renderJson(result, cliVocabulary());
    case 'text':
      return renderText(result, { color, vocabulary: cliVocabulary() });
  }
}

interface ForgeTarget {
  forge: Forge;
  number: number;
  /** The base the CI names for the change request (GitLab's merge request diff base). */
  base?: string;
}

/**
 * The forge and the change request to publish on, from the flags and the CI's variables.
 * Which forge, and how it is reached, is forge-from-env.ts's call (the one place that
 * decides); this adds only what a plan needs: the change request's number and, on GitLab,
 * the merge request's diff base.
 */
export function forgeTarget(flags: Pick<PlanFlags, 'forge' | 'pr'>, env: NodeJS.ProcessEnv): ForgeTarget {
  const kind = flags.forge ?? detectForge(env);
  const forge = forgeFromEnvironment(kind, env);
  if (kind === 'gitlab') {
    const mergeRequest = gitLabCiContext(env).mergeRequest;
    const number = flags.pr ?? mergeRequest?.iid;
    if (number === undefined) throw missingNumber('merge request', 'CI_MERGE_REQUEST_IID is not set');
    const base = mergeRequest?.diffBaseSha;
    return { forge, number, base };
  }
  const number = flags.pr ?? pullRequestNumberOfEvent(env.GITHUB_EVENT_PATH);
  if (number === undefined)
    throw missingNumber('pull request', '--pr was not given and this is not a pull request event');
  return { forge, number };
}

/** In a GitHub workflow run by a pull request, its number, from the event payload. */
function pullRequestNumberOfEvent(eventPath: string | undefined): number | undefined {
  if (!eventPath || !existsSync(eventPath)) return undefined;
  const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown } };
  const number = event.pull_request?.number;
  return typeof number === 'number' ? number : undefined;
}

function missingNumber(what: string, why: string): PlumblineError {
  return new PlumblineError(`no ${what} to comment on: ${why}`, `Pass --pr NUMBER.`);
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new PlumblineError(`${flag} must be a pull/merge request number; got '${value}'`);
  }
  return number;
}

/** Like `terraform plan -detailed-exitcode`: an error wins over changes. */
export function exitCode(result: PlanResult): number {
  if (result.environments.some((env) => env.error)) return 1;
  return hasChanges(result) ? 2 : 0;
}
