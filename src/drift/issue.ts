/**
 * The drift issue as people read it: a title that never changes (so the issue is easy to
 * find), a body rewritten in place while the drift lasts (summary, who changed what, the
 * masked diff, first seen, last checked), and short comments for the events worth a
 * notification. Every text from a manifest or a cluster is escaped, every masked Secret
 * token is replaced, and Secret fields name keys only.
 */
import { diffBody, plural } from '../report/describe.js';
import { code, escapeHtml, escapeInline, fenced } from '../report/markdown-syntax.js';
import { truncateSection } from '../report/pack.js';
import { redactMaskTokens } from '../report/redact.js';
import { displayName } from '../resource.js';
import type { DriftStatus } from './decide.js';
import type { Attribution, DriftedField, DriftedObject, DriftKind, EnvironmentDrift } from './model.js';
import { dottedPath } from './paths.js';
import { type DriftEvent, type DriftState, eventMarker, stateMarker } from './state.js';

export interface IssueBodyInput {
  drift: EnvironmentDrift;
  status: DriftStatus;
  state: DriftState;
  /** The state before this run: when the drift that converged was first seen. */
  previous?: DriftState;
  after: number;
  runUrl?: string;
  /** The forge's body limit, in characters. */
  limit: number;
}

const KIND_WORDS: Record<DriftKind, string> = {
  differs: 'differs from Git',
  missing: 'missing from the cluster',
  extra: 'in the cluster, not in Git',
};

/** Lines a reader sees change on every write, not part of what the issue says. */
const LAST_CHECKED = '**Last checked**';
const FOOTER =
  '<sub>plumbline edits this issue while the drift lasts, comments when the drift changes, ' +
  'closes it when the cluster matches Git again and reopens it if the cluster drifts again.</sub>';
const TABLE_ROWS = 100;

export function issueTitle(environment: string): string {
  return `Drift: ${environment} differs from Git`;
}

export function issueBody(input: IssueBodyInput): string {
  const { drift, status, state } = input;
  const marker = stateMarker(drift.environment, state);
  const name = code(drift.environment);
  const blocks: string[] = [];
  if (status === 'in-sync' || status === 'converged') {
    blocks.push(`## ✅ ${name} matches Git`);
    const since = input.previous?.firstSeen;
    blocks.push(
      `The cluster matched Git again at ${time(state.lastChecked)}` +
        (since ? `, after drifting since ${time(since)}.` : '.') +
        ' plumbline reopens this issue if the cluster drifts again.',
    );
    blocks.push(facts(input));
    return [marker, ...blocks, FOOTER].join('\n\n');
  }
  if (status === 'pending') {
    blocks.push(`## ⏳ ${name} may have drifted from Git`);
    blocks.push(
      `plumbline saw drift in ${plural(state.consecutive, 'consecutive check')}; it opens this issue ` +
        `after ${input.after}, so that a change caught mid-rollout does not raise an alert.`,
    );
  } else {
    blocks.push(`## ⚠️ ${name} has drifted from Git`);
  }
  blocks.push(countsLine(drift));
  blocks.push(changeTable(drift.objects));
  blocks.push(facts(input));
  const head = [marker, ...blocks].join('\n\n');
  const details = drift.objects.map(objectDetails);
  return `${fitDetails(head, details, input.limit - FOOTER.length - 2)}\n\n${FOOTER}`;
}

/**
 * A body with the parts that change on every write taken out (the hidden state and the
 * last-checked line): two bodies with the same content tell a reader the same thing.
 */
export function visibleContent(body: string): string {
  return body
    .split('\n')
    .filter((line) => !line.startsWith('<!-- plumbline:drift:') && !line.startsWith(LAST_CHECKED))
    .join('\n');
}

export interface EventCommentInput {
  event: DriftEvent;
  fingerprint: string;
  drift: EnvironmentDrift;
  state: DriftState;
  previous?: DriftState;
}

export function eventComment({ event, fingerprint, drift, state, previous }: EventCommentInput): string {
  const marker = eventMarker(drift.environment, { event, fingerprint });
  const name = code(drift.environment);
  switch (event) {
    case 'drifted':
      return [
        marker,
        `⚠️ ${name} has drifted from Git: ${countsLine(drift)}` +
          (state.consecutive > 1 ? ` Seen in ${state.consecutive} consecutive checks.` : ''),
        objectList(drift.objects),
        'The issue body says which fields differ and who changed them.',
      ].join('\n\n');
    case 'changed':
      return [
        marker,
        `✏️ The drift in ${name} changed. ${countsLine(drift)}`,
        changeList(drift, previous),
      ].join('\n\n');
    case 'converged':
      return [
        marker,
        `✅ ${name} matches Git again (checked ${time(state.lastChecked)}). ` +
          'Closing; plumbline reopens this issue if the cluster drifts again.',
      ].join('\n\n');
  }
}

/** `3 objects differ from Git: 1 changed, 1 missing from the cluster, 1 not in Git. 5 match.` */
function countsLine(drift: EnvironmentDrift): string {
  const count = (kind: DriftKind) => drift.objects.filter((object) => object.kind === kind).length;
  const parts = [
    count('differs') > 0 ? `${count('differs')} changed` : '',
    count('missing') > 0 ? `${count('missing')} missing from the cluster` : '',
    count('extra') > 0 ? `${count('extra')} not in Git` : '',
  ].filter(Boolean);
  const verb = drift.objects.length === 1 ? 'differs' : 'differ';
  return `**${plural(drift.objects.length, 'object')} ${verb} from Git**: ${parts.join(', ')}. ${drift.inSync} in sync.`;
}

function changeTable(objects: readonly DriftedObject[]): string {
  const rows = ['| object | drift | field | changed by |', '| --- | --- | --- | --- |'];
  let listed = 0;
  let total = 0;
  for (const object of objects) {
    const name = code(displayName(object.id));
    const lines: Array<[string, string]> =
      object.kind === 'differs'
        ? object.fields.map((field) => [fieldText(object, field), attributionText(field.changedBy)])
        : [
            [
              '—',
              object.kind === 'extra'
                ? attributionText(object.writtenBy)
                : 'deleted (the cluster does not record by whom)',
            ],
          ];
    lines.forEach(([field, by], index) => {
      total += 1;
      if (listed >= TABLE_ROWS) return;
      listed += 1;
      rows.push(
        `| ${index === 0 ? name : ''} | ${index === 0 ? KIND_WORDS[object.kind] : ''} | ${field} | ${by} |`,
      );
    });
  }
  if (total > listed) rows.push(`| … | | ${total - listed} more fields, in the details below | |`);
  return rows.join('\n');
}

function fieldText(object: DriftedObject, field: DriftedField): string {
  const secretKey = secretField(object, field.pointer);
  return secretKey ? `${code(secretKey)} 🔒 value changed, not shown` : code(dottedPath(field.pointer));
}

/** `data.password` for a Secret's data or stringData field; undefined for any other field. */
function secretField(object: DriftedObject, pointer: string): string | undefined {
  if (object.id.kind !== 'Secret' || object.id.group !== '') return undefined;
  return /^\/(data|stringData)(\/|$)/.test(pointer) ? dottedPath(pointer) : undefined;
}

function attributionText(by: Attribution | undefined): string {
  if (!by) return 'unknown (no field manager owns it)';
  const via = by.subresource ? ` via ${escapeInline(by.subresource)}` : '';
  const when = by.time ? `, ${time(by.time)}` : '';
  const who = `${code(by.manager)}${via}${when}`;
  return by.exact ? who : `no owner now (removed?); last write nearby: ${who}`;
}

function facts(input: IssueBodyInput): string {
  const { drift, state } = input;
  const lines = [
    `- **Cluster**: ${escapeInline(drift.comparedWith)} (${drift.mode} mode)`,
    `- **Git**: ${revisionText(drift)}`,
  ];
  if (state.firstSeen) lines.push(`- **First seen**: ${time(state.firstSeen)}`);
  const run = input.runUrl ? ` · <a href="${escapeHtml(input.runUrl)}">run</a>` : '';
  return `${lines.join('\n')}\n\n${LAST_CHECKED}: ${time(state.lastChecked)}${run}`;
}

function revisionText(drift: EnvironmentDrift): string {
  const { revision } = drift;
  const sha = code(revision.sha.slice(0, 12));
  if (revision.source === 'head') {
    const why =
      revision.note ??
      'the environment records no deployed revision, so a commit not yet deployed shows as drift';
    return `${sha}, the checked-out commit: ${escapeInline(why)}`;
  }
  const from = revision.from ? ` (${escapeInline(revision.from)})` : '';
  const behind =
    revision.head && revision.head !== revision.sha
      ? `; the branch is at ${code(revision.head.slice(0, 12))}, not yet deployed`
      : '';
  const note = revision.note ? ` (${escapeInline(revision.note)})` : '';
  return `${sha}, the revision the environment runs${from}${behind}${note}`;
}

function objectDetails(object: DriftedObject): string {
  const facts = object.notes.map((note) => `- ℹ️ ${escapeInline(redactMaskTokens(note))}`);
  const blocks = [
    `<details><summary>${code(displayName(object.id))}: ${escapeHtml(KIND_WORDS[object.kind])}</summary>`,
  ];
  if (facts.length > 0) blocks.push(facts.join('\n'));
  const diff = diffBody(redactMaskTokens(object.diff));
  if (diff.trim() !== '') blocks.push(`\`-\` the cluster, \`+\` Git\n\n${fenced(diff, 'diff')}`);
  blocks.push('</details>');
  return blocks.join('\n\n');
}

/** The head, then as many object sections as fit; the rest are counted. */
function fitDetails(head: string, details: readonly string[], limit: number): string {
  const hint = 'the job summary of the run';
  const note = (left: number) =>
    `✂️ ${plural(left, 'more object')} left out to fit the size limit; see ${hint}.`;
  let text = truncateSection(head, Math.max(0, limit - 200), hint);
  for (const [index, section] of details.entries()) {
    const room = limit - text.length - 2 - note(details.length).length - 2;
    if (section.length <= room) {
      text += `\n\n${section}`;
      continue;
    }
    if (index === 0 && room > 500) {
      text += `\n\n${truncateSection(section, room, hint)}`;
      if (details.length > 1) text += `\n\n${note(details.length - 1)}`;
      return text;
    }
    return `${text}\n\n${note(details.length - index)}`;
  }
  return text;
}

function objectList(objects: readonly DriftedObject[]): string {
  const shown = objects
    .slice(0, 20)
    .map((object) => `- ${code(displayName(object.id))}: ${KIND_WORDS[object.kind]}`);
  if (objects.length > shown.length) shown.push(`- …and ${objects.length - shown.length} more`);
  return shown.join('\n');
}

/** What is new, what changed again and what is back in sync, from the per-object fingerprints. */
function changeList(drift: EnvironmentDrift, previous: DriftState | undefined): string {
  const before = previous?.objects;
  if (!before) return objectList(drift.objects);
  const lines: string[] = [];
  const now = new Set<string>();
  for (const object of drift.objects) {
    now.add(object.key);
    const old = before[object.key];
    if (old === undefined) lines.push(`- new: ${code(displayName(object.id))} ${KIND_WORDS[object.kind]}`);
    else if (old !== object.fingerprint) lines.push(`- changed again: ${code(displayName(object.id))}`);
  }
  for (const key of Object.keys(before)) {
    if (!now.has(key)) lines.push(`- back in sync: ${code(keyName(key))}`);
  }
  return lines.slice(0, 30).join('\n') + (lines.length > 30 ? `\n- …and ${lines.length - 30} more` : '');
}

/** `apps/Deployment/shop/web` as `Deployment shop/web`. */
function keyName(key: string): string {
  const [, kind = '', namespace = '', ...name] = key.split('/');
  return displayName({ kind, name: name.join('/'), namespace });
}

/** `2026-03-02 14:05 UTC`. */
export function time(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeInline(iso);
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
