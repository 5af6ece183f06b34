/**
 * Configuration problems: each one names the file, line and column it is about and says
 * what was expected, so a user can fix every problem of a file in one pass.
 */
import { PlumblineError } from '../errors.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface ConfigProblem extends Position {
  file: string;
  message: string;
  hint?: string;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.hint ? `${where}: ${problem.message}\n  ${problem.hint}` : `${where}: ${problem.message}`;
}

const REFERENCE_HINT =
  'The configuration reference is docs/configuration.md; editors validate the file with schema/plumbline.schema.json.';

/** All problems of one configuration file, reported together. */
export class ConfigError extends PlumblineError {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    const first = sorted[0];
    if (!first) throw new Error('ConfigError needs at least one problem');
    const message =
      sorted.length === 1
        ? `${first.file}:${first.line}:${first.column}: ${first.message}`
        : `${first.file} has ${sorted.length} problems:\n${sorted.map((problem) => formatProblem(problem)).join('\n')}`;
    super(message, sorted.length === 1 ? (first.hint ?? REFERENCE_HINT) : REFERENCE_HINT);
    this.problems = sorted;
  }
}
