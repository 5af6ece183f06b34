/**
 * Which environments a change cannot affect: none of the files it touches (between the
 * merge base and the work tree) is among what their render reads at the head (with every
 * path a kustomization names, found or not, and every link on the way), nor, when it
 * deletes files or plans a Flux environment, at the base. Any doubt counts as affected: a
 * change to the configuration, a render plumbline cannot trace (render/inputs.ts). An
 * offline plan skips the rest: at fleet scale, most environments are not part of a change.
 *
 * The head's side needs no checkout of the base: `traceHead` starts on it (the files the
 * change touches, the environments found at the head and what they read) while the base
 * is checked out, and `unaffectedEnvironments` finishes with the final list.
 */
import pLimit from 'p-limit';
import {
  type CheckoutDiscovery,
  checkoutDiscovery,
  discoverRepositoryEnvironments,
  isGitOpsNative,
} from '../config/load.js';
import type { RunDiscoveries } from '../config/run-discoveries.js';
import { inShard, type Shard } from '../config/shard.js';
import type { DiscoverySettings, EnvironmentConfig } from '../config/types.js';
import type { BaseSide } from '../git/base-checkout.js';
import { type ChangedFiles, changedFiles } from '../git/changed-files.js';
import { type InputsScope, inputsScope, renderInputs, touches } from '../render/inputs.js';

/** The head's side of the check, begun before the base is checked out. */
export interface HeadTracing {
  head: { root: string; top: string };
  baseSha: string;
  changed: Promise<ChangedFiles>;
  scope: Promise<InputsScope>;
  /** Shared with the base's scope: what is the same on both sides is read once. */
  memo: Map<string, Promise<unknown>>;
  /** What discovery finds at the head, for the configuration too. */
  discovery: CheckoutDiscovery;
}

/** Files read to decide, at once: cheap next to the renders they save. */
const ENVIRONMENTS_AT_ONCE = 32;

/**
 * `shard`: the plan's share of the environments; the others need no head start.
 * `discovery`: what the trusted configuration says discovery needs, on both sides;
 * `discoveries`: the run's, shared with its configuration and renders.
 */
export function traceHead(
  head: { root: string; top: string },
  baseSha: string,
  trusted: { shard?: Shard | undefined; discovery: DiscoverySettings; discoveries: RunDiscoveries },
): HeadTracing {
  const { shard, discovery, discoveries } = trusted;
  const memo = new Map<string, Promise<unknown>>();
  const tracing: HeadTracing = {
    head,
    discovery: checkoutDiscovery(head.root, discovery, discoveries),
    baseSha,
    memo,
    changed: changedFiles(head.top, baseSha),
    scope: inputsScope(head.root, head.top, memo, discovery, discoveries),
  };
  // A head start on the environments found at the head, which the configuration mostly
  // lists too; what they read is remembered for unaffectedEnvironments. Failures here are
  // met again there, where they count.
  const warmUp = async () => {
    const scope = await tracing.scope;
    const environments = (await discoverRepositoryEnvironments(tracing.discovery)).filter((env) =>
      inShard(env.name, shard),
    );
    const limit = pLimit(ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => renderInputs(scope, env))));
  };
  tracing.changed.catch(() => {});
  tracing.scope.catch(() => {});
  warmUp().catch(() => {});
  return tracing;
}

export interface AffectedQuery {
  tracing: HeadTracing;
  /** The merge base: written whole only when the change deletes files (they are looked for there). */
  base: BaseSide;
  environments: readonly EnvironmentConfig[];
  /** The change edits the configuration: everything counts as affected. */
  configChanged: boolean;
}

export async function unaffectedEnvironments(query: AffectedQuery): Promise<Set<string>> {
  if (query.configChanged) return new Set();
  const { touched, deleted } = await query.tracing.changed;
  if (touched.length === 0) return new Set(query.environments.map((env) => env.name));
  const limit = pLimit(ENVIRONMENTS_AT_ONCE);
  const head = await query.tracing.scope;
  // The base is looked at too when a file is deleted (it is found only there), and for a
  // Flux or Argo CD environment (a file that held one of its cluster's sources, or an
  // Application of its name, at the base need not hold one at the head).
  const atBaseToo = deleted.length > 0 || query.environments.some(isGitOpsNative);
  if (atBaseToo) await query.base.checkOutAll();
  const base = atBaseToo
    ? await inputsScope(query.base.dir, query.base.top, query.tracing.memo, head.discovery, head.discoveries)
    : undefined;
  const verdicts = await Promise.all(
    query.environments.map((env) =>
      limit(async () => {
        if (touches(await renderInputs(head, env), touched)) return undefined;
        // What the head's kustomizations name, found or not, covers what the base read
        // through the same, untouched, files; a deleted file is looked for at the base too.
        if (!base) return env.name;
        return touches(await renderInputs(base, env), touched) ? undefined : env.name;
      }),
    ),
  );
  return new Set(verdicts.filter((name): name is string => name !== undefined));
}
