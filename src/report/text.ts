/**
 * Compact terminal output in the manner of `terraform plan`: per environment a header,
 * one `+`, `~` or `-` line per object with its diff indented under it, counts and risks,
 * and a closing summary line. Colour is ANSI and only when asked for.
 */
import type { EnvironmentResult, ObjectChange, PlanResult } from '../diff/model.js';
import { hasChanges, headlineResults } from '../diff/model.js';
import { describeProblem, NO_OPTIONS, type Vocabulary } from '../remedy.js';
import { displayName } from '../resource.js';
import {
  CHANGE_SYMBOLS,
  configChangeNotice,
  describeComparedWith,
  describeCounts,
  describeMissingShards,
  describeNotice,
  describeRef,
  describeRendered,
  describeUnaffected,
  diffBody,
  listedChanges,
  plural,
  RISK_LABELS,
  riskCount,
  secretValueChanges,
} from './describe.js';
import { redactResult } from './redact.js';

export interface TextOptions {
  color: boolean;
  /** How the entry's users name the options remedies point at; none by default. */
  vocabulary?: Vocabulary;
}

const ESC = '\u001b[';
const STYLES = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;
type Style = keyof typeof STYLES;

export function renderText(result: PlanResult, options: TextOptions): string {
  const paint = (style: Style, text: string) =>
    options.color ? `${ESC}${STYLES[style]}m${text}${ESC}0m` : text;
  const redacted = redactResult(result);
  const lines: string[] = [];
  if (redacted.head && redacted.base) {
    lines.push(
      paint('bold', `plumbline plan: ${describeRef(redacted.head)} against ${describeRef(redacted.base)}`),
      '',
    );
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) lines.push(`${paint('yellow', 'config:')} ${plain(configNotice)}`, '');
  if (redacted.missingShards?.length) {
    lines.push(`${paint('yellow', 'partial:')} ${plain(describeMissingShards(redacted.missingShards))}`, '');
  }
  for (const env of redacted.environments) {
    lines.push(...environmentLines(env, paint, options.vocabulary ?? NO_OPTIONS), '');
  }
  if (redacted.unaffected?.length) {
    lines.push(`${paint('cyan', 'left out:')} ${plainLine(describeUnaffected(redacted.unaffected))}`, '');
  }
  lines.push(summaryLine(redacted, paint));
  return `${lines.join('\n')}\n`;
}

function environmentLines(
  env: EnvironmentResult,
  paint: (style: Style, text: string) => string,
  vocabulary: Vocabulary,
): string[] {
  const lines = [
    paint(
      'bold',
      `${plainLine(env.environment)} (${env.mode}, compared with ${plainLine(describeComparedWith(env.comparedWith))})`,
    ),
  ];
  if (env.notice) {
    const notice = describeNotice(env.environment, env.notice, vocabulary);
    lines.push(`  ${paint('cyan', 'notice:')} ${indentRest(plain(notice), '  ')}`);
  }
  for (const sentence of describeRendered(env.rendered)) {
    lines.push(`  ${paint('cyan', 'rendered:')} ${plainLine(sentence)}`);
  }
  if (env.error !== undefined) {
    const error = describeProblem(env.error, vocabulary);
    lines.push(`  ${paint('red', 'error: could not be compared:')} ${indentRest(plain(error), '  ')}`);
    return lines;
  }
  for (const change of listedChanges(env)) lines.push(...objectLines(change, paint));
  lines.push(`  ${describeCounts(env.counts)}`);
  return lines;
}

function objectLines(change: ObjectChange, paint: (style: Style, text: string) => string): string[] {
  const color: Style = change.change === 'added' ? 'green' : change.change === 'deleted' ? 'red' : 'yellow';
  const lines = [
    `  ${paint(color, CHANGE_SYMBOLS[change.change])} ${paint('bold', plainLine(displayName(change.id)))}`,
  ];
  const indent = '      ';
  for (const risk of change.risks) {
    lines.push(
      `${indent}${paint('red', `! ${RISK_LABELS[risk.kind].one}:`)} ${indentRest(plain(risk.message), indent)}`,
    );
  }
  for (const note of change.notes)
    lines.push(`${indent}${paint('dim', `note: ${indentRest(plain(note), indent)}`)}`);
  for (const key of secretValueChanges(change))
    lines.push(`${indent}${plainLine(key)}: (secret value changed)`);
  const body = diffBody(change.diff);
  if (body.trim() !== '') {
    for (const line of body.split('\n')) lines.push(indent + diffLine(plain(line), paint));
  }
  return lines;
}

function diffLine(line: string, paint: (style: Style, text: string) => string): string {
  if (line.startsWith('@@')) return paint('cyan', line);
  if (line.startsWith('+')) return paint('green', line);
  if (line.startsWith('-')) return paint('red', line);
  return line;
}

function summaryLine(result: PlanResult, paint: (style: Style, text: string) => string): string {
  const failed = result.environments.filter((env) => env.error !== undefined).length;
  const failure = failed > 0 ? paint('red', ` ${plural(failed, 'environment')} could not be compared.`) : '';
  if (!hasChanges(result) && result.missingShards?.length) {
    return `${paint('bold', 'No changes')} in the shards that were planned.${failure}`;
  }
  if (!hasChanges(result)) {
    return `${paint('bold', 'No changes.')}${failed > 0 ? ' (in the environments that could be compared)' : ' Every environment matches what it was compared with.'}${failure}`;
  }
  const totals = { added: 0, changed: 0, deleted: 0 };
  const headline = headlineResults(result);
  for (const env of headline) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
  }
  const risks = riskCount(result);
  const riskText = risks > 0 ? paint('red', ` ${plural(risks, 'risk')} to review.`) : '';
  const counted = headline.filter((env) => env.error === undefined).length;
  return (
    `${paint('bold', 'Plan:')} ${totals.added} to add, ${totals.changed} to change, ${totals.deleted} to delete ` +
    `across ${plural(counted, 'environment')}.${riskText}${failure}`
  );
}

/**
 * Text from manifests, clusters and errors with control characters made visible, so it
 * cannot move the cursor, recolour the terminal or forge a line of output.
 */
function plain(text: string): string {
  let out = '';
  for (const char of text) {
    const point = char.codePointAt(0)!;
    out +=
      (point < 0x20 && char !== '\n' && char !== '\t') || point === 0x7f
        ? `\\x${point.toString(16).padStart(2, '0')}`
        : char;
  }
  return out;
}

/** A name on the line it labels: a line break in it is shown as `\n`, never starting a line of its own. */
function plainLine(text: string): string {
  return plain(text).replaceAll('\n', '\\n');
}

/** Text of several lines, each after the first indented under the object or environment it belongs to. */
function indentRest(text: string, indent: string): string {
  return text.replaceAll('\n', `\n${indent}`);
}
