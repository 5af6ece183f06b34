/**
 * An error a user can act on: what happened, where, and what to do about it.
 * Entries print `message` (and `hint` on its own line) without a stack trace.
 */
export class PlumblineError extends Error {
  override readonly name = 'PlumblineError';
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The message to show a user for any thrown value, with the hint when there is one
 * (PlumblineError and the forges' ForgeError both carry one).
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const hint = (error as { hint?: unknown }).hint;
    return typeof hint === 'string' && hint !== '' ? `${error.message}\n${hint}` : error.message;
  }
  return String(error);
}
