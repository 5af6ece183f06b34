/**
 * The data of simple YAML, read fast: a fleet's plan traces hundreds of small
 * kustomizations before it renders anything, and js-yaml reads such text about three
 * times faster than `yaml`'s Document API when the process is cold (bench:fleet).
 *
 * Simple is the YAML kustomizations are written in, line by line: block mappings and
 * sequences of plain or quoted scalars without escapes, one-level flow sequences and
 * mappings, comments, and `---` between documents. No anchor, alias, tag, merge key,
 * directive, block scalar or multi-line scalar, so no alias can multiply what a caller
 * walks, and js-yaml reads the same data as the careful path (`yaml`, YAML 1.2 core
 * schema) as JSON sees it (test/unit/yaml/simple-data.test.ts fuzzes both). Anything
 * else, and anything js-yaml refuses, is left to the careful path, with its alias budget
 * and its errors by line and column: this returns undefined.
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';

/** A plain scalar: no leading indicator, no `: ` or ` #`, no flow punctuation. */
const PLAIN = String.raw`[\w./~@$+=()](?:[\w./~@$+=() -]|:(?=[\w./~@$+=()-]))*`;
const QUOTED = String.raw`(?:"[^"\\\n]*"|'(?:[^'\n]|'')*')`;
const SCALAR = `(?:${PLAIN}|${QUOTED})`;
const FLOW_SEQUENCE = String.raw`\[ *(?:${SCALAR} *(?:, *${SCALAR} *)*)?\]`;
/** A key that is a string to both (a null key is "" to one and "null" to the other). */
const KEY = `(?!(?:~|null|Null|NULL) *:)${SCALAR}`;
const FLOW_MAPPING = String.raw`\{ *(?:${KEY} *: +${SCALAR} *(?:, *${KEY} *: +${SCALAR} *)*)?\}`;
const VALUE = `(?:${SCALAR}|${FLOW_SEQUENCE}|${FLOW_MAPPING})`;
const ENTRY = `(?:- +)*(?:${KEY} *:(?: +${VALUE})?|${VALUE})`;
/** `...` at the start of a line ends a document, whatever follows. */
const SIMPLE_LINE = new RegExp(String.raw`^(?!\.\.\.)(?: *${ENTRY})?(?: +#.*| *)$|^ *#.*$|^---$`);

export function simpleYamlDocuments(text: string): unknown[] | undefined {
  if (!text.split('\n').every((line) => SIMPLE_LINE.test(line))) return undefined;
  let documents: unknown[];
  try {
    documents = loadAll(text, undefined, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  // Text of comments alone is one null document to js-yaml and none to `yaml`.
  return documents.some((document) => document !== null) ? documents : undefined;
}
