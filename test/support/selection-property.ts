/**
 * The property the selection of affected environments must keep (commands/affected.ts),
 * for generated repositories whose files carry `REV` where an edit changes them: random
 * edits (a bump of REV, a deletion, a new file), committed on a change branch, plan the
 * same with the selection as with `--all`, and every environment left out has no change.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { runPlan } from '../../src/commands/plan.js';
import type { PlanResult } from '../../src/diff/model.js';
import { changeRepository } from './change-repository.js';

export type Edit =
  | { kind: 'bump' | 'delete'; file: string; rev: number }
  | { kind: 'add'; folder: string; rev: number };

/** A ConfigMap whose data changes with `rev`: the generated files and the added ones. */
export const revisionConfigMap = (name: string, rev: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { rev: "${rev}" }\n`;

/** One to three edits of these files and folders. */
export function editsOf(files: readonly string[], folders: readonly string[]): fc.Arbitrary<Edit[]> {
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({
      kind: fc.constantFrom('bump' as const, 'delete' as const),
      file: fc.constantFrom(...files),
      rev: fc.nat(99),
    }),
    fc.record({ kind: fc.constant('add' as const), folder: fc.constantFrom(...folders), rev: fc.nat(99) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 });
}

/** Besides the random edits: each file changed on its own, once (fast-check examples). */
export function eachFileBumped(files: readonly string[]): [Edit[]][] {
  return files.map((file): [Edit[]] => [[{ kind: 'bump', file, rev: 1 }]]);
}

export interface EditedRepository {
  root: string;
  /** Commits the edits on the change branch. */
  apply(edits: Edit[]): void;
}

/**
 * `files` (REV as 0) on main in the empty folder `root`, the change branch checked out;
 * `prepare` adds what the files cannot say (a link) before the first commit.
 */
export function editedRepository(
  root: string,
  files: () => Record<string, string>,
  prepare: (root: string) => void = () => {},
): EditedRepository {
  mkdirSync(root, { recursive: true });
  prepare(root);
  const atZero = Object.fromEntries(
    Object.entries(files()).map(([path, text]) => [path, text.replaceAll('REV', '0')]),
  );
  const repo = changeRepository(root, atZero);
  return {
    root,
    apply(edits) {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      for (const change of edits) {
        if (change.kind === 'add') {
          write(
            join(change.folder, `new-${change.rev}.yaml`),
            revisionConfigMap(`new-${change.rev}`, String(change.rev)),
          );
        } else if (change.kind === 'delete') {
          rmSync(join(root, change.file), { force: true });
        } else {
          write(change.file, files()[change.file]!.replaceAll('REV', String(change.rev + 1)));
        }
      }
      repo.commit({});
    },
  };
}

/**
 * Plans `repoRoot` offline against main with and without `--all`, checks they agree, and
 * returns the plan of every environment and how many the selection left out.
 */
export async function plansAgree(
  repoRoot: string,
  edits: Edit[],
): Promise<{ all: PlanResult; leftOut: number }> {
  const options = { repoRoot, base: 'main', mode: 'offline' as const, clusterAvailable: false };
  const [all, selected] = await Promise.all([runPlan({ ...options, all: true }), runPlan(options)]);
  const unaffected = new Set(selected.unaffected ?? []);
  for (const env of all.environments) {
    if (unaffected.has(env.environment)) {
      expect(env.error, `${env.environment} left out but failed: ${JSON.stringify(edits)}`).toBeUndefined();
      expect(
        { ...env.counts, unchanged: 0 },
        `${env.environment} left out but changed: ${JSON.stringify(edits)}`,
      ).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 0 });
    } else {
      const same = selected.environments.find((candidate) => candidate.environment === env.environment);
      expect(same, `${env.environment} planned: ${JSON.stringify(edits)}`).toEqual(env);
    }
  }
  expect(selected.environments.length + unaffected.size).toBe(all.environments.length);
  return { all, leftOut: unaffected.size };
}
