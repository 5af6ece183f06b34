/**
 * Which environments a change cannot affect: none of the files it touches (between the
 * merge base and the work tree) is among what their render reads at the head (with every
 * path a kustomization names, found or not, and every link on the way), nor, for the files
 * it deletes, at the base. Any doubt counts as affected: a change to the configuration, a render plumbline
 * cannot trace (render/inputs.ts). An offline plan skips the rest: at fleet scale, most
 * environments are not part of a change.
 */
import pLimit from 'p-limit';
import type { EnvironmentConfig } from '../config/types.js';
import { changedFiles } from '../git/changed-files.js';
import { inputsScope, renderInputs, touches } from '../render/inputs.js';

export interface AffectedQuery {
  /** The head: the work tree the plan renders, and the top of its git work tree. */
  head: { root: string; top: string };
  /** The merge base, checked out. */
  base: { root: string; top: string; sha: string };
  environments: readonly EnvironmentConfig[];
  /** The change edits the configuration: everything counts as affected. */
  configChanged: boolean;
}

/** Files read to decide, at once: cheap next to the renders they save. */
const ENVIRONMENTS_AT_ONCE = 32;

export async function unaffectedEnvironments(query: AffectedQuery): Promise<Set<string>> {
  if (query.configChanged) return new Set();
  const { touched, deleted } = await changedFiles(query.head.top, query.base.sha);
  if (touched.length === 0) return new Set(query.environments.map((env) => env.name));
  const limit = pLimit(ENVIRONMENTS_AT_ONCE);
  const memo = new Map<string, Promise<unknown>>();
  const [head, base] = await Promise.all([
    inputsScope(query.head.root, query.head.top, memo),
    inputsScope(query.base.root, query.base.top, memo),
  ]);
  const verdicts = await Promise.all(
    query.environments.map((env) =>
      limit(async () => {
        const atHead = await renderInputs(head, env);
        if (touches(atHead, touched)) return undefined;
        // What the head's kustomizations name, found or not, covers what the base read
        // through the same, untouched, files; a deleted file is looked for at the base too.
        if (deleted.length === 0) return env.name;
        const atBase = await renderInputs(base, env);
        return touches(atBase, touched) ? undefined : env.name;
      }),
    ),
  );
  return new Set(verdicts.filter((name): name is string => name !== undefined));
}
