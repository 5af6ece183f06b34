/**
 * Safe building blocks for Markdown that forges render: text from manifests, clusters and
 * error messages must never open an HTML tag, break a table or close a code fence early.
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * Text shown as Markdown prose or in a table cell: HTML-escaped, Markdown punctuation
 * backslash-escaped so it renders literally, and line breaks kept as `<br>` so a
 * multi-line error stays in its cell.
 */
export function escapeInline(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/\r?\n/g, '<br>');
}

/** `<code>…</code>` rather than backticks: it is safe for any content and works inside `<summary>`. */
export function code(text: string): string {
  return `<code>${escapeHtml(text).replace(/\r?\n/g, ' ')}</code>`;
}

/**
 * A fenced code block whose fence is longer than any run of backticks in `content`, so
 * nothing inside can close it.
 */
export function fenced(content: string, language = ''): string {
  const fence = fenceFor(content);
  return `${fence}${language}\n${content}\n${fence}`;
}

export function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}
