import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envsCommand } from '../../../src/entry/cli/envs.js';

let root = '';
afterEach(() => {
  vi.restoreAllMocks();
  if (root) rmSync(root, { recursive: true, force: true });
});

async function envs(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  await envsCommand().parseAsync(['--repo', root, ...args], { from: 'user' });
  return out;
}

describe('plumbline envs', () => {
  it('--json lists every environment on one line, for a workflow matrix', async () => {
    root = mkdtempSync(join(tmpdir(), 'plumbline-envs-'));
    for (const env of ['dev', 'prod']) {
      mkdirSync(join(root, 'envs', env), { recursive: true });
      writeFileSync(
        join(root, 'envs', env, 'cm.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n',
      );
    }
    writeFileSync(
      join(root, 'plumbline.yaml'),
      'environments:\n  - name: dev\n    path: envs/dev\n    cluster: { context: kind-dev }\n  - name: prod\n    path: envs/prod\n',
    );
    const out = await envs('--json');
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual([
      { name: 'dev', path: 'envs/dev', renderer: 'auto', cluster: { context: 'kind-dev' } },
      { name: 'prod', path: 'envs/prod', renderer: 'auto' },
    ]);
    expect(JSON.parse(await envs('--json', '--with-cluster')).map((e: { name: string }) => e.name)).toEqual([
      'dev',
    ]);
  });
});
