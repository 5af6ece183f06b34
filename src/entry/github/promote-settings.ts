/**
 * Every input of the promote action, read and checked before the action does anything.
 * The configuration is named by `config`, as in plan and drift; the older `path` (the
 * checkout folder) still works, with a deprecation warning.
 */

import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { PromoteOptions } from '../../commands/promote.js';
import { PlumblineError } from '../../errors.js';
import { booleanInput, choiceInput, listInput, repositoryRoot } from './inputs.js';

/** The promote command's options as the inputs give them, and the token for the forge. */
export type PromoteSettings = Pick<
  PromoteOptions,
  'repoRoot' | 'to' | 'from' | 'image' | 'tag' | 'digest' | 'via' | 'group' | 'base'
> & {
  images: string[];
  labels: string[];
  allowDowngrade: boolean;
  dryRun: boolean;
  /** Empty when the input is: the command then says what it needs. */
  token: string;
};

export function readPromoteSettings(): PromoteSettings {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const payloadBase = (github.context.payload.repository as { default_branch?: string } | undefined)
    ?.default_branch;
  const settings: PromoteSettings = {
    repoRoot: promoteRoot(workspace, core.getInput('config'), core.getInput('path')),
    to: core.getInput('to', { required: true }),
    images: listInput('images'),
    labels: listInput('labels'),
    allowDowngrade: booleanInput('allow-downgrade', false),
    dryRun: booleanInput('dry-run', false),
    token: core.getInput('github-token'),
  };
  const optional = {
    from: core.getInput('from'),
    image: core.getInput('image'),
    tag: core.getInput('tag'),
    digest: core.getInput('digest'),
    base: core.getInput('base') || payloadBase || '',
  };
  for (const [name, value] of Object.entries(optional))
    if (value) settings[name as keyof typeof optional] = value;
  const via = choiceInput('via', ['pull-request', 'commit'] as const);
  if (via) settings.via = via;
  const group = choiceInput('group', ['environment', 'image'] as const);
  if (group) settings.group = group;
  return settings;
}

function promoteRoot(workspace: string, config: string, path: string): string {
  if (config && path) {
    throw new PlumblineError(
      'inputs `config` and `path` are both set',
      'Keep `config` (the configuration file, as in the plan and drift actions); `path` is deprecated.',
    );
  }
  if (!path) return repositoryRoot(workspace, config);
  core.warning(
    `input \`path\` is deprecated; use \`config: ${join(path, 'plumbline.yaml')}\`, as the plan and drift actions do.`,
  );
  return resolve(workspace, path);
}
