/**
 * A cluster error can reach a pull request comment: a broken or misplaced kubeconfig must
 * be reported without its credentials.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectCluster } from '../../../src/cluster/index.js';
import { describeError } from '../../../src/errors.js';

const TOKEN = 'kubeconfig-token-5ecr3t';
const kubeconfig = (indent: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]',
    'contexts: [{ name: c, context: { cluster: c, user: u } }]',
    'current-context: c',
    'users:',
    '- name: u',
    '  user:',
    `${indent}token: ${TOKEN}`,
    '',
  ].join('\n');

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function failure(kubeconfigPath: string): Promise<string> {
  const error = await connectCluster({ kubeconfigPath }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeDefined();
  return describeError(error);
}

describe('kubeconfig errors', () => {
  it('say where a malformed kubeconfig is broken, never what it holds', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plumbline-kubeconfig-'));
    folders.push(folder);
    const path = join(folder, 'config');
    writeFileSync(path, kubeconfig(' ').replace('  user:', '  user:\n    x: 1'));
    const message = await failure(path);
    expect(message).toMatch(/not valid YAML at line \d+, column \d+/);
    expect(message).not.toContain(TOKEN);
  });

  it('do not echo kubeconfig content passed where a path belongs', async () => {
    const message = await failure(kubeconfig('    '));
    expect(message).toContain('looks like its content, not a path');
    expect(message).toContain('a CI variable holding a kubeconfig must be of the file type');
    expect(message).not.toContain(TOKEN);
  });
});
