/**
 * Keeps one environment's drift issue where the decision says it should be, through the
 * Forge interface. The issue is found by its first label and the environment's hidden
 * marker through the list API (never search, which is eventually consistent), so runs for
 * other environments, even at the same time, never touch it.
 *
 * Two runs for the same environment at the same moment could both find no issue and both
 * create one. The window is kept small (the list is read again right before creating),
 * and a run that finds, after creating, that an older issue exists retires its own: it
 * removes the marker, says which issue to follow and closes it.
 */

import type { DriftStatus } from '../drift/decide.js';
import { decide, type IssueSnapshot, type Step } from '../drift/decide.js';
import { toDetection } from '../drift/describe.js';
import { eventComment, issueBody, issueTitle, visibleContent } from '../drift/issue.js';
import type { EnvironmentDrift } from '../drift/model.js';
import {
  type DriftState,
  hasStateMarker,
  readEventMark,
  readState,
  removeStateMarker,
} from '../drift/state.js';
import type { Forge, ForgeIssue } from '../forge/forge.js';
import { code } from '../report/markdown-syntax.js';

export interface IssueOptions {
  after: number;
  labels: string[];
  now: string;
  runUrl?: string;
  log: (message: string) => void;
}

export interface IssueOutcome {
  status: DriftStatus;
  /** The environment's issue after this run, if it has one. */
  number?: number;
  url?: string;
  open?: boolean;
  /** What was done, in order: `created`, `commented`, `updated`, `closed`, `reopened`, `retired #N`. */
  actions: string[];
  /** Other issues that carry this environment's marker (the lowest number is used). */
  duplicates: number[];
}

export async function reconcileIssue(
  forge: Forge,
  drift: EnvironmentDrift,
  options: IssueOptions,
): Promise<IssueOutcome> {
  const env = drift.environment;
  const found = await findIssues(forge, options.labels, env);
  if (found.duplicates.length > 0) {
    options.log(
      `${env}: issues ${[found.issue!, ...found.duplicates].map((i) => `#${i.number}`).join(', ')} all carry this environment's marker; using #${found.issue!.number}`,
    );
  }
  let issue = found.issue;
  const previous = issue ? readState(issue.body, env) : undefined;
  const decision = decide({
    ...(issue ? { issue: snapshot(issue, previous) } : {}),
    detection: toDetection(drift),
    after: options.after,
    now: options.now,
  });
  const outcome: IssueOutcome = {
    status: decision.status,
    actions: [],
    duplicates: found.duplicates.map((i) => i.number),
  };
  const body = () =>
    issueBody({
      drift,
      status: decision.status,
      state: decision.state,
      previous,
      after: options.after,
      runUrl: options.runUrl,
      limit: forge.bodyLimit,
    });

  for (const step of decision.steps) {
    issue = await perform(step, issue);
  }
  if (issue) Object.assign(outcome, { number: issue.number, url: issue.url, open: issue.state === 'open' });
  return outcome;

  async function perform(step: Step, current: ForgeIssue | undefined): Promise<ForgeIssue | undefined> {
    switch (step.do) {
      case 'create': {
        // Another run may have created it since the first look.
        const again = await findIssues(forge, options.labels, env);
        if (again.issue) {
          options.log(
            `${env}: issue #${again.issue.number} appeared meanwhile; the next run takes it from here`,
          );
          outcome.actions.push(`found #${again.issue.number}`);
          return again.issue;
        }
        let created = await forge.createIssue({
          title: issueTitle(env),
          body: body(),
          labels: options.labels,
        });
        outcome.actions.push('created');
        const missing = options.labels.filter((label) => !created.labels.includes(label));
        // A token without the right to label loses labels silently; the issue would not be found again.
        if (missing.length > 0) await forge.addLabels({ kind: 'issue', number: created.number }, missing);
        if (!step.open) {
          await forge.updateIssue(created.number, { state: 'closed' });
          created = { ...created, state: 'closed' };
          outcome.actions.push('closed');
        }
        return await keepOldest(created);
      }
      case 'comment': {
        const thread = { kind: 'issue' as const, number: current!.number };
        const comments = await forge.listComments(thread);
        const last = comments
          .map((c) => readEventMark(c.body, env))
          .filter((mark) => mark !== undefined)
          .at(-1);
        // Said already by a run that stopped before writing the body.
        if (last?.event === step.event && last.fingerprint === step.fingerprint) return current;
        await forge.createComment(
          thread,
          eventComment({
            event: step.event,
            fingerprint: step.fingerprint,
            drift,
            state: decision.state,
            previous,
          }),
        );
        outcome.actions.push('commented');
        return current;
      }
      case 'write': {
        const text = body();
        const state = step.open === undefined ? undefined : step.open ? 'open' : 'closed';
        const sameState = state === undefined || state === current!.state;
        if (step.onlyIfChanged && sameState && visibleContent(text) === visibleContent(current!.body))
          return current;
        await forge.updateIssue(current!.number, { body: text, ...(state && !sameState ? { state } : {}) });
        outcome.actions.push(sameState ? 'updated' : state === 'open' ? 'reopened' : 'closed');
        return { ...current!, body: text, state: state ?? current!.state };
      }
    }
  }

  /** After a create: if an older issue of this environment exists, retire the new one. */
  async function keepOldest(created: ForgeIssue): Promise<ForgeIssue> {
    const after = await findIssues(forge, options.labels, env);
    const oldest = after.issue;
    if (!oldest || oldest.number >= created.number) return created;
    const note = `Another plumbline run opened #${oldest.number} for ${code(env)} at the same time; follow that issue.`;
    await forge.updateIssue(created.number, {
      body: `${note}\n\n${removeStateMarker(created.body, env)}`,
      state: 'closed',
    });
    outcome.actions.push(`retired #${created.number}`);
    options.log(`${env}: a concurrent run created #${oldest.number} first; #${created.number} was closed`);
    return oldest;
  }
}

async function findIssues(
  forge: Forge,
  labels: readonly string[],
  env: string,
): Promise<{ issue?: ForgeIssue; duplicates: ForgeIssue[] }> {
  // The first label only: a person removing another label must not make the issue unfindable.
  const issues = (await forge.listIssues(labels.slice(0, 1), 'all'))
    .filter((issue) => hasStateMarker(issue.body, env))
    .sort((a, b) => a.number - b.number);
  const [issue, ...duplicates] = issues;
  return issue ? { issue, duplicates } : { duplicates };
}

function snapshot(issue: ForgeIssue, state: DriftState | undefined): IssueSnapshot {
  return state
    ? { number: issue.number, open: issue.state === 'open', state }
    : { number: issue.number, open: issue.state === 'open' };
}
