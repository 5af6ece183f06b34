/** `plumbline promote`: argv -> the promote command. Exit codes: 0 promoted or nothing to do, 1 error. */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { type PromoteOptions, type PromoteResult, promote } from '../../commands/promote.js';
import { loadConfig } from '../../config/load.js';
import type { Forge } from '../../forge/forge.js';
import { createGitHubForge } from '../../forge/github.js';
import { runGit } from '../../git/run.js';

interface PromoteFlags {
  to: string;
  from?: string;
  image?: string;
  tag?: string;
  digest?: string;
  via?: 'pull-request' | 'commit';
  group: 'environment' | 'image';
  only?: string[];
  allowDowngrade?: boolean;
  dryRun?: boolean;
  repo: string;
  base?: string;
  remote: string;
  label?: string[];
  json?: boolean;
}

export function promoteCommand(): Command {
  return new Command('promote')
    .description(
      "Carry image tags into an environment's folder from the environment before it (or from explicit inputs), " +
        'changing only those values, through a pull request or a direct commit.',
    )
    .requiredOption('--to <env>', 'the environment to promote into')
    .addOption(
      new Option(
        '--from <env>',
        "promote what runs in this environment (default: the target's promote.from)",
      ).conflicts(['image']),
    )
    .option('--image <name>', 'promote this image instead (with --tag and/or --digest)')
    .option('--tag <tag>', 'the tag to promote; `1.2.3@sha256:…` stays pinned')
    .option('--digest <digest>', 'the digest to promote, e.g. sha256:…')
    .addOption(
      new Option('--via <how>', "how the change lands (default: the target's promote.via)").choices([
        'pull-request',
        'commit',
      ]),
    )
    .addOption(
      new Option('--group <by>', 'one change for the environment, or one per image')
        .choices(['environment', 'image'])
        .default('environment'),
    )
    .option('--only <image...>', "promote only these images (default: the target's promote.images)")
    .option('--allow-downgrade', 'allow a lower semantic version than the target runs')
    .option('--dry-run', 'show what would change; write and push nothing')
    .option('--repo <dir>', 'the repository (a clone with the remote)', '.')
    .option('--base <branch>', 'the branch the environments live on (default: the checked-out branch)')
    .option('--remote <name>', 'the git remote to push to', 'origin')
    .option('--label <name...>', 'labels for the pull request (default: plumbline, promote)')
    .option('--json', 'print the result as JSON on standard output')
    .addHelpText(
      'after',
      '\nPull requests need GITHUB_TOKEN (and GITHUB_REPOSITORY, or a github.com remote; GITHUB_API_URL for GitHub Enterprise).\nExit codes: 0 promoted or nothing to promote, 1 an error (nothing was written).',
    )
    .action(async (flags: PromoteFlags) => {
      const repoRoot = resolve(flags.repo);
      const options: PromoteOptions = {
        repoRoot,
        config: await loadConfig(repoRoot),
        to: flags.to,
        group: flags.group,
        remote: flags.remote,
        ...(flags.from && { from: flags.from }),
        ...(flags.image && { image: flags.image }),
        ...(flags.tag && { tag: flags.tag }),
        ...(flags.digest && { digest: flags.digest }),
        ...(flags.via && { via: flags.via }),
        ...(flags.only && { images: flags.only }),
        ...(flags.allowDowngrade && { allowDowngrade: true }),
        ...(flags.dryRun && { dryRun: true }),
        ...(flags.base && { base: flags.base }),
        ...(flags.label && { labels: flags.label }),
      };
      const forge = await forgeFromEnvironment(repoRoot, flags.remote);
      const result = await promote(options, {
        ...(forge && { forge }),
        log: (line) => process.stderr.write(`plumbline: ${line}\n`),
      });
      if (flags.json) process.stdout.write(`${JSON.stringify(output(result), null, 2)}\n`);
    });
}

function output(result: PromoteResult) {
  return {
    status: result.status,
    promoted: result.promoted,
    changes: result.changes.map(({ promoted: _promoted, ...change }) => change),
    notes: result.notes,
  };
}

/** A GitHub forge when a token is in the environment; pull requests are not possible without one. */
async function forgeFromEnvironment(repoRoot: string, remote: string): Promise<Forge | undefined> {
  const token = process.env.GITHUB_TOKEN || process.env.GH_TOKEN;
  if (!token) return undefined;
  let repository = process.env.GITHUB_REPOSITORY;
  if (!repository) {
    const url = (await runGit(repoRoot, ['remote', 'get-url', remote], { allowFailure: true })).stdout.trim();
    repository = /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url)?.[1];
  }
  const [owner, repo] = repository?.split('/') ?? [];
  if (!owner || !repo) return undefined;
  return createGitHubForge({
    token,
    owner,
    repo,
    ...(process.env.GITHUB_API_URL && { apiUrl: process.env.GITHUB_API_URL }),
  });
}
