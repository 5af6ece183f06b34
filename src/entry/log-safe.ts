/**
 * Text for the GitHub Actions log. The runner reads every line a step prints as a possible
 * workflow command: a line that starts with `::` after its leading whitespace
 * (`::add-mask::`, `::error::`, `::stop-commands::`) or that holds `##[` anywhere (the
 * older form). core.info prints as it is given, so text from a pull request (folder and
 * object names, tool errors) could issue commands; core.error, warning, notice and
 * setFailed escape their message themselves and need nothing from here.
 */

/** U+2060 WORD JOINER: invisible in the log, and not whitespace the runner would skip. */
const WORD_JOINER = '\u2060';

/**
 * `message` with an invisible character inside every `::` and `##[`, so no line of it,
 * however it is split (`\n`, `\r`), can be read as a workflow command.
 */
export function logSafe(message: string): string {
  return message.replace(/:(?=:)/g, `:${WORD_JOINER}`).replace(/#(?=#\[)/g, `#${WORD_JOINER}`);
}

/**
 * JSON for the Actions log, unchanged as data: `:` and `#` occur in JSON text only inside
 * strings (a key's colon is followed by a space), where `\u003a` and `\u0023` parse back
 * to the same characters.
 */
export function jsonLogSafe(json: string): string {
  return json.replace(/:(?=:)/g, '\\u003a').replace(/#(?=#\[)/g, '\\u0023');
}

/**
 * Every control character but line breaks and tabs, as `?`: a carriage return or an escape
 * sequence from a name would redraw a line, colour the log or open a GitLab log section.
 */
export function withoutControls(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = (code < 0x20 && char !== '\n' && char !== '\t') || code === 0x7f;
    out += control ? '?' : char;
  }
  return out;
}
