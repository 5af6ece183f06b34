/**
 * The drift action's entry as a runner calls it: inputs from INPUT_* variables, the
 * kubeconfig input as content, outputs and the job summary in the runner's files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDriftAction } from '../../../src/entry/github/drift.js';
import { WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import { freshNamespace, testKubeconfigPath } from '../../support/cluster.js';
import { deploy, fakeGitHub, gitOpsRepo, issues, kubectl } from './helpers.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('actions/drift entry', () => {
  it('writes drifted and issues outputs and a job summary, with the kubeconfig given as content', async () => {
    const a = await freshNamespace('drift-action-a');
    const b = await freshNamespace('drift-action-b');
    const repo = gitOpsRepo([a, b]);
    const github = await fakeGitHub();
    deploy(a);
    deploy(b);
    kubectl('-n', b, 'scale', 'deployment/web', '--replicas=3');

    const runner = mkdtempSync(join(tmpdir(), 'plumbline-runner-'));
    const files = { output: join(runner, 'output'), summary: join(runner, 'summary') };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    Object.assign(process.env, {
      GITHUB_WORKSPACE: repo,
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example.test',
      GITHUB_RUN_ID: '77',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: runner,
      KUBECONFIG: '/nonexistent/kubeconfig',
      INPUT_CONFIG: '',
      INPUT_ENVIRONMENTS: '',
      INPUT_MODE: 'live',
      INPUT_KUBECONFIG: readFileSync(testKubeconfigPath(), 'utf8'),
      'INPUT_GITHUB-TOKEN': WORKFLOW_TOKEN,
      INPUT_ISSUES: 'true',
      INPUT_LABELS: 'drift',
      'INPUT_FAIL-ON-DRIFT': 'false',
    });
    await runDriftAction();

    const [issue] = issues(github);
    expect(issue).toBeDefined();
    const output = readFileSync(files.output, 'utf8');
    expect(output).toContain(`drifted<<`);
    expect(output).toContain(JSON.stringify([b]));
    expect(output).toContain(JSON.stringify([issue!.number]));
    const summary = readFileSync(files.summary, 'utf8');
    expect(summary).toContain('**1 environment drifted** of 2 checked.');
    expect(summary).toContain(`<code>spec.replicas</code> (<code>kubectl</code>)`);
    expect(issue!.body).toContain('https://github.example.test/acme/app/actions/runs/77');
    expect(process.exitCode ?? 0).toBe(0);
    expect(github.violations).toEqual([]);
  });
});
