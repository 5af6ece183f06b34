/**
 * The life of a drift issue against a real kube-apiserver and the fake GitHub: people
 * change the cluster the way they do, plumbline opens one issue naming each change and
 * who made it, leaves it alone while nothing changes, comments once when the drift
 * changes, and closes it when the cluster matches Git again.
 */
import { describe, expect, it } from 'vitest';
import { freshNamespace } from '../../support/cluster.js';
import { commentsOn, deploy, driftRun, fakeGitHub, gitOpsRepo, issues, kubectl } from './helpers.js';

describe('drift issue life', () => {
  it('opens one issue listing exactly the live edits and their managers, then follows the drift to convergence', async () => {
    const ns = await freshNamespace('drift-life');
    const repo = gitOpsRepo([ns]);
    const github = await fakeGitHub();
    deploy(ns);

    const clean = await driftRun(github, repo);
    expect(clean.environments[0]!.drift).toMatchObject({ objects: [], inSync: 3 });
    expect(clean.environments[0]!.issue).toMatchObject({ status: 'in-sync', actions: [] });
    expect(issues(github)).toHaveLength(0);

    // What people do to clusters.
    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=5');
    kubectl('-n', ns, 'set', 'image', 'deployment/web', 'app=nginx:1.28');
    kubectl('-n', ns, 'set', 'env', 'deployment/web', '-c', 'app', 'DEBUG=1');
    kubectl('-n', ns, 'delete', 'configmap', 'settings');
    kubectl('-n', ns, 'create', 'configmap', 'stray', '--from-literal=a=b');
    kubectl('-n', ns, 'label', 'configmap', 'stray', `drift-test.plumbline.dev/env=${ns}`);

    const drifted = await driftRun(github, repo);
    const drift = drifted.environments[0]!.drift;
    expect(drift.error).toBeUndefined();
    expect(
      drift.objects.map((o) => ({
        kind: o.kind,
        key: o.key,
        fields: o.fields.map((f) => [f.pointer, f.changedBy?.manager, f.changedBy?.subresource]),
      })),
    ).toEqual([
      { kind: 'missing', key: `/ConfigMap/${ns}/settings`, fields: [] },
      { kind: 'extra', key: `/ConfigMap/${ns}/stray`, fields: [] },
      {
        kind: 'differs',
        key: `apps/Deployment/${ns}/web`,
        fields: expect.arrayContaining([
          ['/spec/replicas', 'kubectl', 'scale'],
          ['/spec/template/spec/containers/[app]/image', 'kubectl-set', undefined],
          ['/spec/template/spec/containers/[app]/env/[DEBUG]', 'kubectl-set', undefined],
        ]),
      },
    ]);
    expect(drift.objects[2]!.fields).toHaveLength(3);

    // One issue, open, carrying the label, naming each change and who made it.
    expect(issues(github)).toHaveLength(1);
    const [issue] = issues(github);
    expect(issue).toMatchObject({ state: 'open', labels: ['drift'], title: `Drift: ${ns} differs from Git` });
    expect(drifted.environments[0]!.issue).toMatchObject({
      status: 'drifting',
      number: issue!.number,
      actions: ['created'],
    });
    const body = issue!.body!;
    expect(body).toContain('<code>spec.replicas</code> | <code>kubectl</code> via scale');
    expect(body).toMatch(
      /<code>spec\.template\.spec\.containers\[app\]\.image<\/code> \| <code>kubectl-set<\/code>, \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    expect(body).toContain(
      '<code>spec.template.spec.containers[app].env[DEBUG]</code> | <code>kubectl-set</code>',
    );
    expect(body).toContain(`<code>ConfigMap ${ns}/settings</code> | missing from the cluster`);
    expect(body).toContain(
      `<code>ConfigMap ${ns}/stray</code> | in the cluster, not in Git | — | <code>kubectl-create</code>`,
    );
    expect(commentsOn(github, issue!.number)).toHaveLength(0);
    expect(github.violations).toEqual([]);

    // The same drift again: the same issue, its body untouched, no comment, no write at all.
    const writesBefore = github.requests.filter((r) => r.method !== 'GET').length;
    const again = await driftRun(github, repo);
    expect(again.environments[0]!.issue).toMatchObject({
      status: 'drifting',
      number: issue!.number,
      actions: [],
    });
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]!.body).toBe(body);
    expect(commentsOn(github, issue!.number)).toHaveLength(0);
    expect(github.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);

    // The drift changes: one comment, and the body follows.
    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=7');
    const changed = await driftRun(github, repo);
    expect(changed.environments[0]!.issue).toMatchObject({ actions: ['commented', 'updated'] });
    const comments = commentsOn(github, issue!.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('The drift in');
    expect(comments[0]!.body).toContain(`changed again: <code>Deployment ${ns}/web</code>`);
    expect(issues(github)[0]!.body).toContain('+  replicas: 2');
    expect(issues(github)[0]!.body).toContain('-  replicas: 7');

    // Back to Git: a convergence comment, then the issue is closed.
    deploy(ns);
    kubectl('-n', ns, 'set', 'env', 'deployment/web', '-c', 'app', 'DEBUG-');
    kubectl('-n', ns, 'delete', 'configmap', 'stray');
    const converged = await driftRun(github, repo);
    expect(converged.environments[0]!.drift.objects).toEqual([]);
    expect(converged.environments[0]!.issue).toMatchObject({
      status: 'converged',
      open: false,
      actions: ['commented', 'closed'],
    });
    expect(issues(github)).toHaveLength(1);
    expect(issues(github)[0]!.state).toBe('closed');
    expect(commentsOn(github, issue!.number).at(-1)!.body).toContain('matches Git again');

    // It drifts again: the same issue is reopened, with a comment.
    kubectl('-n', ns, 'scale', 'deployment/web', '--replicas=3');
    const reopened = await driftRun(github, repo);
    expect(reopened.environments[0]!.issue).toMatchObject({
      number: issue!.number,
      open: true,
      actions: ['commented', 'reopened'],
    });
    expect(issues(github)).toHaveLength(1);
    expect(commentsOn(github, issue!.number)).toHaveLength(3);
    expect(github.violations).toEqual([]);
  });
});
