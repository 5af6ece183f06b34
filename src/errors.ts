/**
 * An error a user can act on: what happened, where, what to check, and the option of the
 * run that would help (a fact each entry words its own way, see remedy.ts). Entries print
 * it without a stack trace.
 */
import { describeProblem, NO_OPTIONS, type Problem, type RunOption, type Vocabulary } from './remedy.js';

export class PlumblineError extends Error {
  override readonly name = 'PlumblineError';
  readonly remedy?: RunOption;
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown; remedy?: RunOption },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    if (options?.remedy) this.remedy = options.remedy;
  }
}

/** Any thrown value as a Problem (PlumblineError and the forges' ForgeError carry a hint). */
export function problemOf(error: unknown): Problem {
  if (!(error instanceof Error)) return { message: String(error) };
  const { hint, remedy } = error as { hint?: unknown; remedy?: unknown };
  const problem: Problem = { message: error.message };
  if (typeof hint === 'string' && hint !== '') problem.hint = hint;
  if (typeof remedy === 'string') problem.remedy = remedy as RunOption;
  return problem;
}

/**
 * The message to show a user for any thrown value, with its hint and, in `vocabulary`'s
 * words, its remedy.
 */
export function describeError(error: unknown, vocabulary: Vocabulary = NO_OPTIONS): string {
  return describeProblem(problemOf(error), vocabulary);
}
