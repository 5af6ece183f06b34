/**
 * A renderer's error, made fit for a pull request comment: the tool's own error line with
 * the file, the line and the reason it names, paths made relative to the repository, and
 * nothing that could be a value. Template and YAML errors can quote values (`cannot
 * unmarshal !!str `…``, `invalid value '…'`, kustomize's `node contents:` dumps), and a
 * value may be a Secret's; names of files and the tool's own wording are kept.
 */

/** Long enough for kustomize's nested "accumulating resources from …" chains. */
const EXCERPT_LIMIT = 1000;

export interface ToolErrorContext {
  /** Absolute folders to show relative to the repository (the checkout, a base worktree). */
  roots: readonly string[];
}

export function toolErrorExcerpt(stderr: string, context: ToolErrorContext): string {
  const line = errorLine(stderr);
  if (line === undefined) return '(no output on stderr)';
  const relative = context.roots.reduce((text, root) => relativise(text, root), line);
  const unquoted = relative.replace(QUOTED, (quoted: string) =>
    keepsQuoted(quoted) ? quoted : elided(quoted),
  );
  return unquoted.length > EXCERPT_LIMIT ? `…${unquoted.slice(-EXCERPT_LIMIT)}` : unquoted;
}

/**
 * The line that says what went wrong: the last one starting `Error:` (helm and kustomize
 * both print one), else the last line. What follows it is a dump of the input.
 */
function errorLine(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.findLast((candidate) => /^error:/i.test(candidate)) ?? lines.at(-1);
  // kustomize ends some messages with `node contents:` and the node itself, sometimes on the
  // same line.
  return line?.replace(/\s*node contents:.*$/i, '');
}

function relativise(text: string, root: string): string {
  const trimmed = root.replace(/\/+$/, '');
  if (trimmed === '') return text;
  return text.replaceAll(`${trimmed}/`, '').replaceAll(trimmed, '.');
}

// Double quotes (with escapes), backticks and single quotes without a newline.
const QUOTED = /"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|'[^'\n]*'/g;

/**
 * Quoted text is kept when it names a file or a template (`'envs/dev/app.yaml'`,
 * `"chart/templates/x.yaml"`), and single-quoted text when it is prose (kustomize quotes
 * whole nested error chains that way). A lone token in quotes could be a value and is left
 * out, and so is anything in backticks, which is how Go's YAML errors quote values.
 */
function keepsQuoted(quoted: string): boolean {
  const inner = quoted.slice(1, -1);
  if (quoted.startsWith('`')) return false;
  if (PATH_LIKE.test(inner)) return true;
  return quoted.startsWith("'") && /\s/.test(inner.trim());
}

const PATH_LIKE =
  /^[\w.@+-]*(?:\/[\w.@+-]+)*\.(?:ya?ml|json|tpl|txt|env|properties)(?::\d+(?::\d+)?)?$|^(?:[\w.@+-]+\/)+[\w.@+-]*$/;

function elided(quoted: string): string {
  const mark = quoted[0] === '`' ? '`' : quoted[0];
  return `${mark}…${mark}`;
}
