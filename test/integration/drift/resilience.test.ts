/**
 * Drift issues under the conditions of real schedules: a threshold of detections, matrix
 * jobs running at once, a forge failing mid-run, Secrets, and a branch ahead of what is
 * deployed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrift } from '../../../src/commands/drift.js';
import { hasStateMarker } from '../../../src/drift/state.js';
import { applyAsAdmin, freshNamespace, testKubeconfigPath } from '../../support/cluster.js';
import {
  commentsOn,
  deploy,
  driftRun,
  environmentManifests,
  fakeGitHub,
  git,
  gitOpsRepo,
  issues,
  kubectl,
} from './helpers.js';

describe('drift under real schedules', () => {
  it('with after: 2, opens nothing at the first detection and the issue at the second', async () => {
    const ns = await freshNamespace('drift-after');
    const repo = gitOpsRepo([ns], { after: 2 });
    const github = await fakeGitHub();
    deploy(ns);
    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=4');

    const first = await driftRun(github, repo);
    expect(first.environments[0]!.issue).toMatchObject({ status: 'pending', open: false });
    expect(issues(github).filter((issue) => issue.state === 'open')).toHaveLength(0);

    const second = await driftRun(github, repo);
    expect(second.environments[0]!.issue).toMatchObject({
      status: 'drifting',
      open: true,
      actions: ['commented', 'reopened'],
    });
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]!.state).toBe('open');
    expect(commentsOn(github, issues(github)[0]!.number).at(-1)!.body).toContain(
      'Seen in 2 consecutive checks',
    );
    expect(github.violations).toEqual([]);
  });

  it('matrix jobs at once: each environment gets its own issue, and the same environment twice gets one', async () => {
    const a = await freshNamespace('drift-matrix-a');
    const b = await freshNamespace('drift-matrix-b');
    const repo = gitOpsRepo([a, b]);
    const github = await fakeGitHub();
    for (const ns of [a, b]) {
      deploy(ns);
      kubectl('-n', ns, 'set', 'image', 'deployment/web', 'app=nginx:1.29');
    }
    await Promise.all([
      driftRun(github, repo, { environments: [a] }),
      driftRun(github, repo, { environments: [b] }),
      driftRun(github, repo, { environments: [a] }),
    ]);
    const open = issues(github).filter((issue) => issue.state === 'open');
    expect(open).toHaveLength(2);
    expect(open.filter((issue) => hasStateMarker(issue.body ?? '', a))).toHaveLength(1);
    expect(open.filter((issue) => hasStateMarker(issue.body ?? '', b))).toHaveLength(1);
    // A duplicate a racing run made is closed and no longer carries the marker.
    for (const issue of issues(github).filter((i) => i.state === 'closed')) {
      expect(hasStateMarker(issue.body ?? '', a)).toBe(false);
    }

    // b converges while a drifts on: a run for b never touches a's issue.
    deploy(b);
    const before = open.find((issue) => hasStateMarker(issue.body ?? '', a))!;
    const bodyOfA = before.body;
    await driftRun(github, repo, { environments: [b] });
    expect(github.state.repo('acme', 'app')!.issues.get(before.number)).toMatchObject({
      state: 'open',
      body: bodyOfA,
    });
    expect(github.violations).toEqual([]);
  });

  it('a 5xx between the comment and the body edit: the next run completes it without a second comment', async () => {
    const ns = await freshNamespace('drift-5xx');
    const repo = gitOpsRepo([ns]);
    const github = await fakeGitHub();
    deploy(ns);
    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=4');
    await driftRun(github, repo);
    const number = issues(github)[0]!.number;

    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=6');
    github.fail({
      status: 502,
      method: 'PATCH',
      path: '/repos/{owner}/{repo}/issues/{issue_number}',
      times: 1,
    });
    const failed = await driftRun(github, repo);
    expect(failed.environments[0]!.issueError).toMatch(/502|Server Error/);
    expect(commentsOn(github, number)).toHaveLength(1);
    expect(issues(github)[0]!.body).toContain('-  replicas: 4');

    const repaired = await driftRun(github, repo);
    expect(repaired.environments[0]!.issue).toMatchObject({ actions: ['updated'] });
    expect(commentsOn(github, number)).toHaveLength(1);
    expect(issues(github)[0]!.body).toContain('-  replicas: 6');
    expect(issues(github)).toHaveLength(1);
  });

  it('a drifted Secret: the issue names the keys that changed, never a value', async () => {
    const ns = await freshNamespace('drift-secret');
    const repo = gitOpsRepo([ns]);
    const github = await fakeGitHub();
    deploy(ns);
    const leaked = 'sw0rdf1sh-live';
    kubectl('-n', ns, 'patch', 'secret', 'creds', '-p', JSON.stringify({ stringData: { password: leaked } }));

    const run = await driftRun(github, repo);
    const [issue] = issues(github);
    const body = issue!.body!;
    expect(run.environments[0]!.drift.objects.map((o) => [o.key, o.fields.map((f) => f.pointer)])).toEqual([
      [`/Secret/${ns}/creds`, ['/data/password']],
    ]);
    expect(body).toContain('<code>data.password</code> 🔒 value changed, not shown');
    const secrets = [leaked, `hunter2-${ns}`, 'bob'];
    for (const value of secrets.flatMap((s) => [s, Buffer.from(s).toString('base64')])) {
      expect(body).not.toContain(value);
      for (const request of github.requests) expect(request.query).not.toContain(value);
    }
    expect(body).not.toContain('plumbline-masked:');
    expect(body).toContain('*** (masked)');
  });

  it('compares with the revision the environment records, not a commit not yet deployed', async () => {
    const ns = await freshNamespace('drift-revision');
    const repo = gitOpsRepo([ns]);
    const deployed = git(repo, 'rev-parse', 'HEAD');
    // The deploy pipeline applies the commit and stamps it on the objects.
    applyAsAdmin(stampRevision(environmentManifests(ns), `main@sha1:${deployed}`));
    // A new commit on the branch, not deployed yet.
    const file = join(repo, 'envs', ns, 'manifests.yaml');
    writeFileSync(file, environmentManifests(ns).replace('replicas: 2', 'replicas: 9'));
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '--quiet', '-am', 'scale up');
    const head = git(repo, 'rev-parse', 'HEAD');

    const run = await runDrift({ repoRoot: repo, mode: 'live', kubeconfigPath: testKubeconfigPath() });
    expect(run.environments[0]!.drift).toMatchObject({
      revision: { sha: deployed, source: 'deployed', from: 'annotation plumbline.dev/revision', head },
      objects: [],
    });

    // Without the stamp, the commit compared is HEAD, and the issue would say so.
    applyAsAdmin(environmentManifests(ns));
    kubectl('-n', ns, 'annotate', 'deployment/web', 'plumbline.dev/revision-');
    const unstamped = await runDrift({ repoRoot: repo, mode: 'live', kubeconfigPath: testKubeconfigPath() });
    expect(unstamped.environments[0]!.drift.revision).toEqual({ sha: head, source: 'head' });
    expect(unstamped.environments[0]!.drift.objects.flatMap((o) => o.fields.map((f) => f.pointer))).toEqual([
      '/spec/replicas',
    ]);
  });
});

function stampRevision(manifests: string, revision: string): string {
  return manifests.replaceAll(
    'metadata: { name: web,',
    `metadata: { annotations: { plumbline.dev/revision: "${revision}" }, name: web,`,
  );
}
