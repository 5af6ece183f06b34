/**
 * The plan action's fleet inputs, read and checked before anything runs: `shard` plans one
 * shard and posts nothing, `reports` merges the shards' result files (found by file,
 * folder or pattern), `partial` belongs to a merge, and a combination that makes no sense
 * fails in the action's words, never a command line's.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findReports, readPlanSettings, reportName } from '../../../src/entry/github/plan-settings.js';

const saved = { ...process.env };
beforeEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  process.env.GITHUB_WORKSPACE = process.cwd();
  delete process.env.GITHUB_EVENT_NAME;
});
afterEach(() => {
  process.env = { ...saved };
});

function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

/** The error readPlanSettings throws, checked to speak of inputs and not of flags. */
function refusal(values: Record<string, string>): string {
  inputs(values);
  try {
    readPlanSettings();
  } catch (error) {
    const { message, hint } = error as { message: string; hint?: string };
    const text = `${message}\n${hint ?? ''}`;
    expect(text).not.toMatch(/(^|\s)--[a-z]/);
    return text;
  }
  throw new Error('readPlanSettings accepted the inputs');
}

const workspace = mkdtempSync(join(tmpdir(), 'plumbline-fleet-settings-'));
for (const path of [
  'shards/plan-result-1/plan-result-1-of-3.json',
  'shards/plan-result-2/plan-result-2-of-3.json',
  'shards/plan-result-2/notes.txt',
  'flat/plan-result-3-of-3.json',
  'flat/.hidden.json',
]) {
  mkdirSync(join(workspace, path, '..'), { recursive: true });
  writeFileSync(join(workspace, path), '{}');
}
mkdirSync(join(workspace, 'empty'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('a shard', () => {
  it('plans INDEX/COUNT, posts nothing by default and needs no token', () => {
    inputs({ shard: ' 2 / 4 ' });
    expect(readPlanSettings()).toMatchObject({
      shard: { index: 2, count: 4 },
      comment: false,
      labels: false,
    });
    expect(readPlanSettings().token).toBeUndefined();
    expect(readPlanSettings().reports).toBeUndefined();
  });

  it('accepts comment and labels set to false, and writes its result file where `result` says', () => {
    inputs({ shard: '1/2', comment: 'false', labels: 'false', result: 'out/plan-result-1.json' });
    expect(readPlanSettings()).toMatchObject({
      comment: false,
      labels: false,
      result: join(process.cwd(), 'out/plan-result-1.json'),
    });
  });

  it.each(['0/3', '5/4', 'x/y', '2', '1/2/3'])('refuses shard: %s', (shard) => {
    expect(refusal({ shard })).toMatch(/input `shard` must be INDEX\/COUNT.*got/);
  });

  it.each([
    [{ comment: 'true' }, '`comment: true`'],
    [{ labels: 'true' }, '`labels: true`'],
    [{ 'comment-per-environment': 'true' }, '`comment-per-environment: true`'],
  ])('refuses %o, which would post part of a plan as the plan', (values, named) => {
    const text = refusal({ shard: '1/2', ...values });
    expect(text).toContain("input `shard: 1/2` plans part of the environments, so it cannot post the plan's");
    expect(text).toContain(named);
    expect(text).toContain('`reports`');
  });
});

describe('a merge', () => {
  it('finds files, folders and patterns in the workspace, each file once', async () => {
    process.env.GITHUB_WORKSPACE = workspace;
    inputs({ reports: 'shards\nflat/*.json, shards/*/plan-result-1-*.json', partial: 'true' });
    const settings = readPlanSettings();
    const files = await findReports(settings.reports ?? [], settings.workspace);
    expect(files.map((file) => reportName(file, workspace))).toEqual([
      'flat/plan-result-3-of-3.json',
      'shards/plan-result-1/plan-result-1-of-3.json',
      'shards/plan-result-2/plan-result-2-of-3.json',
    ]);
    expect(settings).toMatchObject({ partial: true, comment: true, labels: true, repoRoot: workspace });
  });

  it('matches ** across folders, ? and [sets], and absolute patterns', async () => {
    expect(
      (await findReports(['**/plan-result-?-of-3.json'], workspace)).map((f) => reportName(f, workspace)),
    ).toEqual([
      'flat/plan-result-3-of-3.json',
      'shards/plan-result-1/plan-result-1-of-3.json',
      'shards/plan-result-2/plan-result-2-of-3.json',
    ]);
    expect(await findReports([join(workspace, 'shards/plan-result-[!1]/*')], workspace)).toEqual([
      join(workspace, 'shards/plan-result-2/notes.txt'),
      join(workspace, 'shards/plan-result-2/plan-result-2-of-3.json'),
    ]);
    expect(await findReports(['flat/*'], workspace)).toEqual([
      join(workspace, 'flat/plan-result-3-of-3.json'),
    ]);
    expect(reportName('/elsewhere/a.json', workspace)).toBe('/elsewhere/a.json');
  });

  it('refuses an item that names nothing: a merge must not guess', async () => {
    await expect(findReports(['missing'], workspace)).rejects.toThrow(
      /input `reports`: missing does not exist/,
    );
    await expect(findReports(['empty'], workspace)).rejects.toThrow(
      /input `reports`: empty holds no .json file/,
    );
    await expect(findReports(['shards/*.yaml'], workspace)).rejects.toThrow(
      /input `reports`: shards\/\*\.yaml matches no plan result file/,
    );
  });

  it('refuses reports together with shard, and the inputs that steer a plan', () => {
    process.env.GITHUB_WORKSPACE = workspace;
    expect(refusal({ reports: 'shards', shard: '1/2' })).toContain(
      'inputs `shard` and `reports` do not go together',
    );
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
    const text = refusal({
      reports: 'shards',
      environments: 'dev',
      mode: 'live',
      'all-environments': 'true',
    });
    expect(text).toContain('inputs `environments`, `mode`, `all-environments` steer a plan');
    expect(text).toContain('Set them on the shard steps.');
  });

  it('takes mode: auto, the default, as no mode at all', () => {
    process.env.GITHUB_WORKSPACE = workspace;
    inputs({ reports: 'shards', mode: 'auto' });
    expect(readPlanSettings().reports).toEqual(['shards']);
  });

  it('has partial only with reports', () => {
    expect(refusal({ partial: 'true' })).toContain('input `partial` applies to a merge');
    expect(refusal({ partial: 'true', shard: '1/2' })).toContain('input `partial` applies to a merge');
  });
});

describe('a plan', () => {
  it('comments and labels by default, and writes a result file only when asked', () => {
    expect(readPlanSettings()).toMatchObject({ comment: true, labels: true, partial: false });
    expect(readPlanSettings().result).toBeUndefined();
    expect(readPlanSettings().shard).toBeUndefined();
  });
});
