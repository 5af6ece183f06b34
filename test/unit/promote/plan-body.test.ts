/**
 * The plan in a promotion's pull request body: the target environment rendered with the
 * real kustomize before and after the edit, read back from the fake GitHub; and the room
 * the body leaves for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { promote } from '../../../src/commands/promote.js';
import { planTargetChange, targetChangeMarkdown } from '../../../src/commands/promote-plan.js';
import { loadConfig } from '../../../src/config/load.js';
import { compareSets } from '../../../src/diff/compare.js';
import { countChanges, type PlanResult } from '../../../src/diff/model.js';
import { GITHUB_BODY_LIMIT } from '../../../src/forge/github.js';
import { type KubeObject, toResource } from '../../../src/resource.js';
import { WORKFLOW_TOKEN } from '../../fakes/github/server.js';
import { fakeGitHubFor, type GitHubForgeFixture } from './support/fake-github.js';
import { type GitFixture, gitFixture } from './support/git-fixture.js';

vi.setConfig({ testTimeout: 60_000 });

const SECRET_VALUE = 'hunter2-correct-horse';

// The replacement copies the running image into the Secret, so the promotion changes a Secret value.
const overlay = (tag: string) =>
  `resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/app\n    newTag: "${tag}" # pinned by plumbline\n` +
  'replacements:\n  - source: {kind: Deployment, name: app, fieldPath: spec.template.spec.containers.0.image}\n' +
  '    targets:\n      - select: {kind: Secret, name: db}\n        fieldPaths: [stringData.image]\n';

const files = {
  'plumbline.yaml':
    'environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev }\n',
  'base/kustomization.yaml': 'resources: [deployment.yaml, secret.yaml]\n',
  'base/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: app, namespace: shop}',
    'spec:',
    '  selector: {matchLabels: {app: app}}',
    '  template:',
    '    metadata: {labels: {app: app}}',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: ghcr.io/acme/app',
    '',
  ].join('\n'),
  'base/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\nstringData:\n  password: ${SECRET_VALUE}\n  image: placeholder\n`,
  'envs/dev/kustomization.yaml': overlay('1.1'),
  'envs/staging/kustomization.yaml': overlay('1.0'),
};

let fixture: GitFixture | undefined;
let hub: GitHubForgeFixture | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
  fixture?.cleanup();
});

async function pullBody(number: number): Promise<string> {
  const response = await fetch(`${hub?.github.url}/repos/acme/app/pulls/${number}`, {
    headers: { authorization: `token ${WORKFLOW_TOKEN}` },
  });
  return ((await response.json()) as { body: string }).body;
}

describe('the plan in the pull request body', () => {
  it('shows the real diff of the target: the image line before and after, and no Secret value', async () => {
    fixture = gitFixture(files);
    hub = await fakeGitHubFor(fixture.remote);
    const dir = fixture.clone('user');
    const config = await loadConfig(dir);
    const result = await promote(
      { repoRoot: dir, config, to: 'staging' },
      { forge: hub.forge, describeTargetChange: planTargetChange(config) },
    );
    const number = result.changes[0]?.changeRequest?.number as number;
    const body = await pullBody(number);

    expect(body).toContain('### What changes in staging');
    expect(body).toMatch(/\*\*0 to add, 2 to change, 0 to delete\*\*/);
    expect(body).toMatch(new RegExp(`base main \\(${fixture.head('main')?.slice(0, 7)}\\)`));
    expect(body).toMatch(/^-\s+- image: ghcr\.io\/acme\/app:1\.0$/m);
    expect(body).toMatch(/^\+\s+- image: ghcr\.io\/acme\/app:1\.1$/m);
    expect(body).toContain('changed <code>Deployment shop/app</code>');
    const secret = body.slice(body.indexOf('changed <code>Secret shop/db</code>'));
    expect(secret).toMatch(/^- 🔒 <code>data\.image<\/code>: \(secret value changed\)$/m);
    expect(secret.slice(0, secret.indexOf('</details>'))).not.toMatch(/acme\/app:1\.[01]/);
    expect(body).not.toContain(SECRET_VALUE);
    expect(body).not.toContain(Buffer.from(SECRET_VALUE).toString('base64'));
    expect(hub.github.violations).toEqual([]);
  });

  it('says so in the body when the target cannot be rendered, and still opens the pull request', async () => {
    fixture = gitFixture({
      ...files,
      'base/kustomization.yaml': 'resources: [deployment.yaml, missing.yaml]\n',
    });
    hub = await fakeGitHubFor(fixture.remote);
    const dir = fixture.clone('user');
    const config = await loadConfig(dir);
    const result = await promote(
      { repoRoot: dir, config, to: 'staging' },
      { forge: hub.forge, describeTargetChange: planTargetChange(config) },
    );
    const body = await pullBody(result.changes[0]?.changeRequest?.number as number);
    // Renderer errors leave quoted text out (it may be a value); the body says how to see it all.
    expect(body).toMatch(/❌ \*\*staging\*\* could not be compared: .*kubectl kustomize failed/);
    expect(body).toContain('kubectl kustomize envs/staging');
    expect(result.changes[0]?.changeRequest?.created).toBe(true);
  });

  it('keeps the body within the forge limit, even after the branch is retired', async () => {
    fixture = gitFixture(files);
    hub = await fakeGitHubFor(fixture.remote);
    const dir = fixture.clone('user');
    const config = await loadConfig(dir);
    const budgets: number[] = [];
    // A plan that takes every character it is offered.
    const greedy = async (_dir: string, _env: unknown, context: { budget: number }) => {
      budgets.push(context.budget);
      return 'x'.repeat(context.budget);
    };
    const first = await promote(
      { repoRoot: dir, config, to: 'staging' },
      { forge: hub.forge, describeTargetChange: greedy },
    );
    const number = first.changes[0]?.changeRequest?.number as number;
    const body = await pullBody(number);
    expect(body).toContain('x'.repeat(budgets[0] as number));
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);

    fixture.commit({ 'envs/staging/kustomization.yaml': overlay('1.1') }, 'by hand');
    await promote(
      { repoRoot: dir, config, to: 'staging' },
      { forge: hub.forge, describeTargetChange: greedy },
    );
    const retired = await pullBody(number);
    expect(retired).toContain('**Superseded:**');
    expect(retired.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(hub.github.violations).toEqual([]);
  });
});

describe('targetChangeMarkdown', () => {
  const deployment = (index: number, tag: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${index}`, namespace: 'shop' },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'app',
              image: `ghcr.io/acme/app:${tag}`,
              args: Array.from({ length: 20 }, (_, n) => `--flag-${n}=${tag}`),
            },
          ],
        },
      },
    },
  });
  const plan = (count: number): PlanResult => {
    const side = (tag: string) =>
      new Map(
        Array.from({ length: count }, (_, index) =>
          toResource(deployment(index, tag), { file: 'd.yaml', line: 1 }),
        ).map((resource) => [resource.key, resource]),
      );
    const changes = compareSets(side('1.0'), side('1.1'), []);
    return {
      environments: [
        {
          environment: 'staging',
          mode: 'offline',
          comparedWith: { kind: 'base', ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
          counts: countChanges(changes),
          changes,
        },
      ],
    };
  };

  it('holds every object when there is room', () => {
    const text = targetChangeMarkdown(plan(3), 100_000);
    expect(text.match(/<details>/g)).toHaveLength(3);
    expect(text).not.toContain('not shown here');
  });

  it('never exceeds its budget, and says how many objects it left out', () => {
    const result = plan(12);
    const full = targetChangeMarkdown(result, 1_000_000).length;
    for (let budget = 0; budget <= full + 10; budget += 97) {
      const text = targetChangeMarkdown(result, budget);
      expect(text.length).toBeLessThanOrEqual(budget);
      if (text !== '' && text.length < full)
        expect(text).toMatch(/\d+ more objects? (is|are) not shown here/);
    }
    const cut = targetChangeMarkdown(result, Math.floor(full / 3));
    const shown = cut.match(/<details>/g)?.length ?? 0;
    expect(cut).toContain(`${12 - shown} more objects are not shown here`);
    // A cut never leaves a fence or a <details> open.
    expect(cut.match(/<details>/g)?.length).toBe(cut.match(/<\/details>/g)?.length);
    expect((cut.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
  });
});
