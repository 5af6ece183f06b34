/**
 * Reading the actions' inputs, the same way in plan, promote and drift. Every reader is
 * named `…Input(name)` and the entries pass the names, so test/unit/entry/action-metadata.test.ts
 * finds each input an entry reads and checks that its action.yml declares it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { CONFIG_FILES } from '../../config/load.js';
import { PlumblineError } from '../../errors.js';

/** Items one per line or separated by commas. */
export function list(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A list input: one item per line or separated by commas; empty gives []. */
export function listInput(name: string): string[] {
  return list(core.getInput(name));
}

/** An input that must be one of `allowed`; empty gives undefined. */
export function choiceInput<T extends string>(name: string, allowed: readonly T[]): T | undefined {
  const value = core.getInput(name);
  if (!value) return undefined;
  if (!allowed.includes(value as T)) {
    throw new PlumblineError(`input \`${name}\` must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value as T;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/**
 * A boolean input (the words getBooleanInput accepts); empty, as when run outside a
 * workflow, takes `fallback`. `expected` replaces "input `NAME` must be true or false" in
 * the error, for an input whose meaning depends on the command.
 */
export function booleanInput(name: string, fallback: boolean, expected?: string): boolean {
  const value = core.getInput(name);
  if (!value) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new PlumblineError(
    `${expected ?? `input \`${name}\` must be true or false`}; got '${value}'`,
    `Set ${name} to true or false, or leave it out for the default (${fallback}).`,
  );
}

/**
 * The folder plumbline works in: the one holding the file the `config` input names, else
 * the workspace. A named file must exist: a mistyped path would otherwise check nothing.
 */
export function repositoryRoot(workspace: string, config: string): string {
  if (!config) return workspace;
  const path = resolve(workspace, config);
  if (!(CONFIG_FILES as readonly string[]).includes(basename(path))) {
    throw new PlumblineError(
      `input \`config\` must name a ${CONFIG_FILES.join(' or ')} file; got '${config}'`,
      'plumbline reads its configuration from a file of that name; environment paths in it are relative to its folder.',
    );
  }
  if (!existsSync(path)) {
    throw new PlumblineError(
      `input \`config\`: ${config} does not exist in ${workspace}`,
      'Check the path, and that actions/checkout ran before plumbline.',
    );
  }
  return dirname(path);
}
