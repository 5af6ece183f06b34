/**
 * The kubeconfig input of the plan and drift actions holds a kubeconfig's content, from a
 * secret: it is checked, every credential in it is masked, and it is written to a private
 * temporary file for the run only.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import { PlumblineError } from '../../errors.js';

/**
 * The `kubeconfig` input, checked, with each credential masked before anything can log
 * it; '' when the input is empty. The settings of plan and drift read it first.
 */
export function kubeconfigInput(): string {
  const content = core.getInput('kubeconfig');
  if (content.trim() === '') return '';
  for (const secret of kubeconfigSecrets(content)) core.setSecret(secret);
  return content;
}

/**
 * Runs `use` with `content` (from kubeconfigInput) in a file only this user can read,
 * removed afterwards whatever happens. Empty content gives `use` undefined, leaving the
 * choice of a kubeconfig to the caller.
 */
export async function withKubeconfig<T>(
  content: string,
  use: (kubeconfigPath: string | undefined) => Promise<T>,
): Promise<T> {
  if (content.trim() === '') return use(undefined);
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'plumbline-kube-'));
  try {
    const path = join(dir, 'config');
    await writeFile(path, content, { mode: 0o600 });
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The values of a kubeconfig that must never show in a log: credentials of its users
 * (tokens, passwords, client keys, exec environment values), and the whole text. Each is
 * masked on its own because the runner masks line by line, so a multi-line value alone
 * would never match.
 */
export function kubeconfigSecrets(text: string): string[] {
  const secrets = new Set<string>([text.trim()]);
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const position = document.errors[0]?.linePos?.[0];
    // The parser's own message quotes the text, which may hold a credential.
    throw new PlumblineError(
      `the kubeconfig input is not valid YAML (line ${position?.line ?? '?'}, column ${position?.col ?? '?'})`,
      'Store the whole kubeconfig file as the secret, e.g. gh secret set KUBECONFIG < kubeconfig.yaml.',
    );
  }
  const users = document.get('users');
  if (isSeq(users)) {
    for (const user of users.items) {
      if (!isMap(user)) continue;
      collectStrings(user.get('user') as Node | undefined, secrets);
    }
  }
  return [...secrets].filter((secret) => secret !== '');
}

/** Every string value under `node`: all of a user's entry is credentials or close to it. */
function collectStrings(node: Node | undefined | null, into: Set<string>): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.length >= 6) {
      for (const line of node.value.split('\n')) if (line.trim().length >= 6) into.add(line.trim());
    }
  } else if (isMap(node)) {
    for (const pair of node.items) collectStrings(pair.value as Node | null, into);
  } else if (isSeq(node)) {
    for (const item of node.items) collectStrings(item as Node, into);
  }
}
