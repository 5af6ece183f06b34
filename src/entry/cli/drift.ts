import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { type DriftRun, runDrift } from '../../commands/drift.js';
import { CONFIG_FILES } from '../../config/load.js';
import { parseRevisionSource } from '../../drift/revision.js';
import { driftedEnvironments, summaryJson, summaryMarkdown, summaryText } from '../../drift/summary.js';
import { PlumblineError } from '../../errors.js';
import type { Forge } from '../../forge/forge.js';
import { createGitHubForge } from '../../forge/github.js';
import { createGitLabForge } from '../../forge/gitlab.js';
import { gitLabForgeOptionsFromEnvironment } from '../../forge/gitlab-env.js';

interface DriftFlags {
  repo: string;
  config?: string;
  env: string[];
  reader?: boolean;
  kubeconfig?: string;
  context?: string;
  issues: boolean;
  forge?: 'github' | 'gitlab';
  label: string[];
  after?: string;
  revisionFrom?: string;
  format: 'text' | 'md' | 'json';
  out?: string;
}

export function driftCommand(): Command {
  return new Command('drift')
    .description('Compare the live clusters with Git and keep one issue per drifting environment.')
    .option('--repo <dir>', 'the repository root', '.')
    .option('--config <file>', 'plumbline.yaml to use (its folder is the repository root)')
    .option(
      '--env <name...>',
      'only these environments (repeatable); default: every environment with a cluster',
      [],
    )
    .option('--reader', 'compare with get/list rights only (no server-side-apply dry run)')
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', "kubeconfig context for every environment (overrides the config's)")
    .option('--issues', 'open, update and close one issue per environment on the forge')
    .option('--no-issues', 'only report (the default)')
    .addOption(
      new Option(
        '--forge <forge>',
        'where issues live (default: GitHub in GitHub Actions, GitLab in GitLab CI)',
      ).choices(['github', 'gitlab']),
    )
    .option(
      '--label <name...>',
      "issue labels (repeatable); the first finds the issue again (default: the config's drift.labels)",
      [],
    )
    .option(
      '--after <n>',
      "open an issue after this many consecutive detections (default: the config's drift.after)",
    )
    .option(
      '--revision-from <source>',
      'where the environment records the commit it runs: annotation:NAME (default annotation:plumbline.dev/revision), argocd:NAMESPACE/APP or flux:NAMESPACE/KUSTOMIZATION',
    )
    .addOption(
      new Option('--format <format>', 'report format').choices(['text', 'md', 'json']).default('text'),
    )
    .option('--out <file>', 'write the report to a file instead of standard output')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 no drift, 2 drift found, 1 an error (an environment that could not be checked, or an issue that could not be updated).',
        'Issues on GitHub use GITHUB_TOKEN and GITHUB_REPOSITORY (GITHUB_API_URL on GitHub Enterprise Server);',
        'on GitLab the job variables (see docs/gitlab.md). Permissions and ClusterRoles: docs/drift.md.',
      ].join('\n'),
    )
    .action(async (flags: DriftFlags) => {
      const repoRoot = repositoryRoot(flags);
      const kubeconfigPath = flags.kubeconfig ?? process.env.KUBECONFIG?.split(':')[0];
      const forge = flags.issues ? forgeFromEnvironment(flags.forge) : undefined;
      const run = await runDrift({
        repoRoot,
        environments: flags.env,
        mode: flags.reader ? 'reader' : 'live',
        ...(kubeconfigPath ? { kubeconfigPath } : {}),
        ...(flags.context ? { context: flags.context } : {}),
        ...(forge ? { forge } : {}),
        ...(flags.label.length > 0 ? { labels: flags.label } : {}),
        ...(flags.after === undefined ? {} : { after: parseAfter(flags.after) }),
        ...(flags.revisionFrom ? { revisionSource: revisionSource(flags.revisionFrom) } : {}),
        ...(runUrl() ? { runUrl: runUrl()! } : {}),
        log: (message) => process.stderr.write(`plumbline: ${message}\n`),
      });
      const report =
        flags.format === 'json'
          ? summaryJson(run.environments)
          : flags.format === 'md'
            ? summaryMarkdown(run.environments)
            : summaryText(run.environments);
      if (flags.out) {
        await writeFile(flags.out, report);
        process.stderr.write(`plumbline: report written to ${flags.out}\n`);
      } else {
        process.stdout.write(report);
      }
      process.exitCode = driftExitCode(run);
    });
}

/** An error wins over drift, as in plan. */
export function driftExitCode(run: DriftRun): number {
  if (run.environments.some((entry) => entry.drift.error !== undefined || entry.issueError !== undefined))
    return 1;
  return driftedEnvironments(run.environments).length > 0 ? 2 : 0;
}

function repositoryRoot(flags: DriftFlags): string {
  if (!flags.config) return resolve(flags.repo);
  const config = resolve(flags.config);
  const named = (CONFIG_FILES as readonly string[]).includes(basename(config));
  if (!named) {
    throw new PlumblineError(
      `--config ${flags.config}: plumbline reads its configuration from plumbline.yaml or plumbline.yml`,
      'Name the file plumbline.yaml, at the root of the repository whose paths it lists.',
    );
  }
  // A missing plumbline.yaml is allowed: environments are then discovered in its folder.
  if (!existsSync(dirname(config)))
    throw new PlumblineError(`--config ${flags.config}: the folder does not exist`);
  return dirname(config);
}

function parseAfter(text: string): number {
  const after = Number(text);
  if (!Number.isInteger(after) || after < 1) {
    throw new PlumblineError(`--after must be a whole number of at least 1, got '${text}'`);
  }
  return after;
}

function revisionSource(text: string) {
  try {
    return parseRevisionSource(text);
  } catch (error) {
    throw new PlumblineError(
      `--revision-from: ${(error as Error).message}`,
      'For example: flux:flux-system/apps',
    );
  }
}

function forgeFromEnvironment(choice: DriftFlags['forge']): Forge {
  const env = process.env;
  const forge = choice ?? (env.GITLAB_CI ? 'gitlab' : env.GITHUB_REPOSITORY ? 'github' : undefined);
  if (forge === 'gitlab') return createGitLabForge(gitLabForgeOptionsFromEnvironment(env));
  if (forge === 'github') {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!token || !owner || !repo) {
      throw new PlumblineError(
        '--issues on GitHub needs GITHUB_TOKEN and GITHUB_REPOSITORY (owner/name)',
        'Set both, or use --no-issues to report only.',
      );
    }
    return createGitHubForge({
      token,
      owner,
      repo,
      ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    });
  }
  throw new PlumblineError(
    '--issues needs a forge: none was given and none was found in the environment',
    'Pass --forge github (with GITHUB_TOKEN and GITHUB_REPOSITORY) or --forge gitlab (in a GitLab CI job).',
  );
}

/** A link to this CI run, for the issue. */
function runUrl(): string | undefined {
  const env = process.env;
  if (env.GITLAB_CI && env.CI_JOB_URL) return env.CI_JOB_URL;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return undefined;
}
