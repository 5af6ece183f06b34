/**
 * Safe building blocks for Markdown that forges render. Text from manifests, clusters and
 * error messages is written by whoever wrote the pull request, so it must never open an
 * HTML tag, break a table, close a code fence early, look like plumbline's hidden marker
 * (`<!--`), notify anyone (`@user`, `@org/team`) or start a line with `/` (which GitLab
 * runs as a quick action, `/merge`, `/close`, when its author may).
 */

/**
 * U+2060 WORD JOINER: invisible, and never a place to wrap a line. Put between two
 * characters, it stops a forge reading them as syntax while a reader sees the same text.
 */
const WORD_JOINER = '\u2060';

/**
 * An `@` that can open a mention: GitHub and GitLab both need it at the start or after a
 * character other than an ASCII letter, digit or underscore. `image@sha256:…` stays as it is.
 */
const MENTION_AT = /(?<![A-Za-z0-9_])@/g;

/** Every line ending CommonMark knows; a lone `\r` ends a line (and a table row) too. */
const LINE_BREAK = /\r\n?|\n/g;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * Text inside an HTML element such as `<summary>`: HTML-escaped (so it cannot open a tag
 * or an HTML comment), unable to mention anyone, and on one line: a blank line would end
 * the HTML block and let the rest be read as Markdown.
 */
export function htmlText(text: string): string {
  return breakMentions(escapeHtml(text)).replace(LINE_BREAK, ' ');
}

/**
 * Text shown as Markdown prose or in a table cell: HTML-escaped, unable to mention anyone,
 * Markdown punctuation backslash-escaped so it renders literally, a leading `/` escaped so
 * the text cannot be a quick action wherever it is placed, and line breaks kept as `<br>`
 * so a multi-line error stays in its cell and never starts a line of its own.
 */
export function escapeInline(text: string): string {
  return breakMentions(escapeHtml(text))
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/^\//, '\\/')
    .replace(LINE_BREAK, '<br>');
}

/**
 * `<code>…</code>` rather than backticks: it is safe for any content and works inside
 * `<summary>`. `|` is written as an entity because a table splits its row at every `|`,
 * even inside HTML.
 */
export function code(text: string): string {
  return `<code>${htmlText(text).replaceAll('|', '&#124;')}</code>`;
}

/**
 * A fenced code block whose fence is longer than any run of backticks in `content`, so
 * nothing inside can close it. Forges neither mention nor run quick actions in a code
 * block, but HTML comment delimiters are broken up even here: a search for plumbline's
 * markers reads the text, not the rendered page.
 */
export function fenced(content: string, language = ''): string {
  const fence = fenceFor(content);
  return `${fence}${language}\n${breakCommentDelimiters(content)}\n${fence}`;
}

export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

function breakMentions(text: string): string {
  return text.replace(MENTION_AT, `@${WORD_JOINER}`);
}

/** `<!--` and `-->` with an invisible character inside, read as before but no longer HTML. */
function breakCommentDelimiters(text: string): string {
  return text.replaceAll('<!--', `<${WORD_JOINER}!--`).replaceAll('-->', `--${WORD_JOINER}>`);
}
