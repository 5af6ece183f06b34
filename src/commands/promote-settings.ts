/**
 * What one promote run does, settled before git or the forge is asked anything: the target
 * and source environments, how the change lands, and every default taken from the target's
 * `promote:` settings. Pure, so that a run with contradictory inputs fails having fetched,
 * written and pushed nothing.
 */
import type { ArgoClusterSettings, EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { PlumblineError } from '../errors.js';
import type { Identity } from '../git/repository.js';
import { type ImageVersion, parseVersionInput } from '../promote/image-ref.js';
import type { PromoteDeps, PromoteOptions } from './promote.js';

export interface PromoteSettings {
  repoRoot: string;
  target: EnvironmentConfig;
  /** Where the versions come from; absent when the image and version are given explicitly. */
  source?: EnvironmentConfig;
  explicit?: { image: string; version: ImageVersion };
  via: 'pull-request' | 'commit';
  group: 'environment' | 'image';
  allowDowngrade: boolean;
  /** Promote only these images, each of which must then exist; absent: every image. */
  only?: string[];
  dryRun: boolean;
  remote: string;
  /** The branch promotions land on. */
  base: string;
  labels: string[];
  maxAttempts: number;
  author: Identity;
  /** The configuration's `repositoryUrls`: Flux environments are found again in the worktree. */
  repositoryUrls: readonly string[];
  /** And Argo CD's clusters, for the Applications a cluster generator makes. */
  argocdClusters?: readonly ArgoClusterSettings[] | undefined;
}

/** The commit identity when git has none and the entry gave none: neutral, and never a real mailbox. */
export const plumblineAuthor: Identity = {
  name: 'plumbline',
  email: 'plumbline@users.noreply.invalid',
};

/** `checkedOutBranch` is the base when the options name none (undefined on a detached HEAD). */
export function resolveSettings(
  options: PromoteOptions,
  checkedOutBranch: string | undefined,
): PromoteSettings {
  const target = environment(options.config, options.to, 'target');
  const explicit = explicitImage(options);
  const fromName = explicit ? undefined : (options.from ?? target.promote?.from);
  if (!explicit && !fromName) {
    throw new PlumblineError(
      `nothing says where ${target.name}'s images come from`,
      `Set promote.from for ${target.name} in plumbline.yaml, or name the environment (or the image and version) to promote from.`,
      { remedy: 'from' },
    );
  }
  const base = options.base ?? checkedOutBranch;
  if (!base) {
    throw new PlumblineError(
      'cannot tell which branch to promote on (HEAD is detached)',
      'Name the branch to promote on.',
      { remedy: 'base' },
    );
  }
  const only = options.images ?? target.promote?.images;
  return {
    repoRoot: options.repoRoot,
    target,
    ...(fromName && { source: environment(options.config, fromName, 'source') }),
    explicit,
    via: options.via ?? target.promote?.via ?? 'pull-request',
    group: options.group ?? target.promote?.group ?? 'environment',
    allowDowngrade: options.allowDowngrade ?? target.promote?.allowDowngrade ?? false,
    only,
    dryRun: options.dryRun ?? false,
    remote: options.remote ?? 'origin',
    base,
    labels: options.labels ?? ['plumbline', 'promote'],
    maxAttempts: options.maxAttempts ?? 5,
    author: options.author ?? plumblineAuthor,
    repositoryUrls: options.config.render.repositoryUrls ?? [],
    argocdClusters: options.config.render.argocdClusters,
  };
}

/**
 * A promotion through a change request needs a forge to open it (a dry run opens nothing);
 * without one, the run fails before anything is pushed, saying why there is none.
 */
export function requireForge(settings: PromoteSettings, deps: PromoteDeps): void {
  if (settings.via !== 'pull-request' || deps.forge || settings.dryRun) return;
  // No forge exists yet to name its change requests.
  const needs = `promoting to ${settings.target.name} through a change request needs a forge token`;
  if (deps.missingForge) {
    throw new PlumblineError(`${needs}, but ${deps.missingForge.message}`, deps.missingForge.hint, {
      cause: deps.missingForge,
      remedy: 'via-commit',
    });
  }
  throw new PlumblineError(needs, "Provide the forge's token.", { remedy: 'via-commit' });
}

function environment(config: PlumblineConfig, name: string, role: 'target' | 'source'): EnvironmentConfig {
  const found = config.environments.find((candidate) => candidate.name === name);
  if (found) return found;
  const known = config.environments.map((candidate) => candidate.name).join(', ') || 'none';
  throw new PlumblineError(
    `${role} environment '${name}' is not configured`,
    `Known environments: ${known}.`,
  );
}

/** The image and version given instead of a source environment, checked against the other inputs. */
function explicitImage(options: PromoteOptions): PromoteSettings['explicit'] {
  if (!options.image) {
    if (options.tag || options.digest) {
      throw new PlumblineError('a tag or digest to promote needs the image it belongs to', undefined, {
        remedy: 'image',
      });
    }
    return undefined;
  }
  const explicit = { image: options.image, version: parseVersionInput(options.tag, options.digest) };
  if (explicit.version.tag === undefined && explicit.version.digest === undefined) {
    throw new PlumblineError(`no version given for ${explicit.image}`, 'Name its tag, its digest or both.', {
      remedy: 'tag-or-digest',
    });
  }
  if (options.from) {
    throw new PlumblineError(
      'promote either what an environment runs or an image named explicitly, not both',
      undefined,
      { remedy: 'from' },
    );
  }
  return explicit;
}
