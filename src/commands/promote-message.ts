/**
 * The closing message of a promote run: what was promoted, where each change went (in the
 * forge's own words for its change requests), the notes and the warnings.
 */
import type { ForgeWords } from '../forge/forge.js';
import type { PromoteChange, PromoteResult } from './promote.js';

/** `words`: the forge's, needed once a change landed in a change request. */
export function promoteMessage(
  result: Omit<PromoteResult, 'message'>,
  target: string,
  words: ForgeWords | undefined,
): string {
  const warnings = result.warnings.map((warning) => `Warning: ${warning}`);
  if (result.promoted.length === 0 && result.changes.length === 0) {
    const notes = result.notes.length ? `\n  ${result.notes.join('\n  ')}` : '';
    return [
      `Nothing to promote to ${target}: it already runs the wanted versions.${notes}`,
      ...warnings,
    ].join('\n');
  }
  const dryRun = result.status === 'dry-run';
  const lines = result.promoted.map((p) => `  ${p.image}: ${p.from.join(', ')} -> ${p.to}`);
  const where = result.changes.map((change) => `  ${whereItWent(change, dryRun, words)}`);
  return [`${dryRun ? 'Would promote' : 'Promoted'} to ${target}:`, ...lines, ...where, ...warnings].join(
    '\n',
  );
}

function whereItWent(change: PromoteChange, dryRun: boolean, words: ForgeWords | undefined): string {
  if (dryRun) return `would push to ${change.branch}`;
  const request = change.changeRequest;
  if (request && words) {
    const done = request.created ? 'opened' : change.upToDate ? 'already up to date' : 'updated';
    return `${words.changeRequest} ${words.reference(request.number)} ${done}: ${request.url}`;
  }
  return `committed ${change.commit?.slice(0, 12)} to ${change.branch}`;
}
