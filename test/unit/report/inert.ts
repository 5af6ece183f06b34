/**
 * Text a pull request can write, and a check that Markdown made from it does nothing on a
 * forge but show it: no hidden marker, no mention, no GitLab quick action.
 */
import MarkdownIt from 'markdown-it';

/** A plan comment's marker for another key, as plumbline writes it. */
export const FOREIGN_MARKER = '<!-- plumbline:plan:prod -->';

/** Pieces of hostile text, to put in names, messages and diffs. */
export const HOSTILE = [
  FOREIGN_MARKER,
  '@octocat',
  '@acme/admins',
  '/close',
  'x\n/merge',
  'y\r/approve',
  'z\r\n/assign @octocat',
  '-->',
] as const;

/** One string holding every hostile piece, each at the start of a line and mid-line. */
export const HOSTILE_TEXT = HOSTILE.map((piece) => `${piece} (mid-line ${piece})`).join('\n');

const parser = new MarkdownIt({ html: true });

/** What in `markdown` would act on a forge, as readable problems; empty when nothing does. */
export function inertnessProblems(markdown: string): string[] {
  const problems: string[] = [];
  // The marker search reads the text, so even in code an HTML comment must not start or end.
  if (markdown.includes('<!--')) problems.push('an HTML comment opens');
  if (markdown.includes('-->')) problems.push('an HTML comment closes');
  for (const line of linesOutsideCode(markdown)) {
    // GitLab runs a quick action from a line of a paragraph.
    if (line.startsWith('/')) problems.push(`a line starts with '/': ${line}`);
  }
  const html = parser.render(markdown).replace(/<pre>[\s\S]*?<\/pre>/g, '');
  for (const mention of html.match(/(?<![A-Za-z0-9_])@[A-Za-z0-9_][\w/-]*/g) ?? []) {
    problems.push(`a mention outside a code block: ${mention}`);
  }
  return problems;
}

/**
 * The source lines of `markdown` that are not inside a fenced code block. A lone `\r` ends
 * a line here as it does for CommonMark, which is stricter than GitLab (it deletes them).
 */
function linesOutsideCode(markdown: string): string[] {
  const lines = markdown.split(/\r\n?|\n/);
  const inCode = new Set<number>();
  for (const token of parser.parse(markdown, {})) {
    if (token.type !== 'fence' || !token.map) continue;
    for (let line = token.map[0]; line < token.map[1]; line += 1) inCode.add(line);
  }
  return lines.filter((_, index) => !inCode.has(index));
}
