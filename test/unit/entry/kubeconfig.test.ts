/**
 * The kubeconfig input of the plan and drift actions: each credential is masked (the
 * runner masks line by line, so the whole text alone would never match), the content is
 * in a private file for the run only, and bad YAML writes nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kubeconfigInput, withKubeconfig } from '../../../src/entry/github/kubeconfig.js';
import { PlumblineError } from '../../../src/errors.js';

const KUBECONFIG = [
  'apiVersion: v1',
  'clusters: [{ name: prod, cluster: { server: https://prod.example:6443 } }]',
  'users:',
  '  - name: planner',
  '    user:',
  '      token: s3cr3t-token-value',
  '      client-key-data: S0VZLURBVEEtU0VDUkVU',
  'contexts: [{ name: prod, context: { cluster: prod, user: planner } }]',
  '',
].join('\n');

let runnerTemp: string;
let commands: string[];
const saved = { ...process.env };

beforeEach(() => {
  runnerTemp = mkdtempSync(join(tmpdir(), 'plumbline-runner-temp-'));
  process.env.RUNNER_TEMP = runnerTemp;
  commands = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    commands.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  rmSync(runnerTemp, { recursive: true, force: true });
});

const masked = () =>
  commands.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice(12).trim());

describe('kubeconfigInput', () => {
  it('masks each credential of the input before anything else runs', () => {
    process.env.INPUT_KUBECONFIG = KUBECONFIG;
    expect(kubeconfigInput()).toBe(KUBECONFIG.trim());
    expect(masked()).toEqual(expect.arrayContaining(['s3cr3t-token-value', 'S0VZLURBVEEtU0VDUkVU']));
    expect(masked()).not.toContain('https://prod.example:6443');
  });

  it('refuses text that is not YAML, without quoting it', () => {
    process.env.INPUT_KUBECONFIG = 'users:\n  - user: { token: "unterminated-s3cr3t }\n';
    const error = (() => {
      try {
        return kubeconfigInput();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PlumblineError);
    expect((error as Error).message).toMatch(/not valid YAML \(line \d+, column \d+\)/);
    expect((error as Error).message).not.toContain('s3cr3t');
  });

  it('is empty, masking nothing, when the input is', () => {
    process.env.INPUT_KUBECONFIG = '  \n';
    expect(kubeconfigInput()).toBe('');
    expect(masked()).toEqual([]);
  });
});

describe('withKubeconfig', () => {
  it('gives a file only the user can read, and removes it afterwards', async () => {
    let seen: string | undefined;
    const answer = await withKubeconfig(KUBECONFIG, async (path) => {
      seen = path;
      expect(path?.startsWith(runnerTemp)).toBe(true);
      expect(readFileSync(path!, 'utf8')).toBe(KUBECONFIG);
      expect(statSync(path!).mode & 0o777).toBe(0o600);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(existsSync(seen!)).toBe(false);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('removes the file when the run fails', async () => {
    await expect(
      withKubeconfig(KUBECONFIG, async () => {
        throw new Error('the cluster is down');
      }),
    ).rejects.toThrow('the cluster is down');
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  it('gives no file for empty content, leaving the kubeconfig to the caller', async () => {
    expect(await withKubeconfig('  \n', async (path) => path)).toBeUndefined();
  });
});
