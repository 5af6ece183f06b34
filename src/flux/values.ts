/**
 * The values Flux's helm-controller gives a chart: a HelmRelease's `spec.valuesFrom` in
 * order, then `spec.values`, composed as fluxcd/pkg chartutil.ChartValuesFromReferences
 * composes them.
 *
 * - A document (a ConfigMap or Secret key without `targetPath`) is read as Helm reads
 *   values (sigs.k8s.io/yaml, go-yaml v2: YAML 1.1, only the first document of the text)
 *   and merged at the root: maps merge key by key, anything else replaces, later wins. A
 *   key twice in one mapping is refused, as in manifests, where go-yaml v2 keeps the last.
 * - A `targetPath` value is set as `helm --set path=value` sets it (Helm's strvals): typed
 *   (true, false, null and integers are not strings) unless the value is quoted, and read
 *   as set syntax, so a comma starts another assignment and `{a,b}` is a list. With
 *   `literal` it is set as the string it is, as `helm --set-literal` does.
 * - The order is the controller's to the letter: before it sets a targetPath value it
 *   merges `spec.values` into what it has so far, sets the value into that, in place, and
 *   merges `spec.values` again at the end, so `spec.values` wins over a targetPath value.
 *   Except that a map or list the merge took over unchanged from `spec.values` is the very
 *   one `spec.values` holds, and a value set into it changes `spec.values` too and so
 *   survives the last merge (a map an earlier source also had is a new, merged map; a list
 *   index past the end makes a new, longer list).
 *
 * Values can be secret: errors name the source and the line, never the text. Keys that
 * would reach an object's prototype are refused.
 */
import { type DocumentOptions, LineCounter, parseAllDocuments, type SchemaOptions, type Tags } from 'yaml';
import { PlumblineError } from '../errors.js';
import { mergeMaps } from '../yaml/merge-maps.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';

export type Values = Record<string, unknown>;

export type ValuesSource =
  | {
      kind: 'document';
      text: string;
      /** How errors name the source, e.g. `ConfigMap shop/web-values, key values.yaml`. */
      describe: string;
    }
  | {
      kind: 'targetPath';
      targetPath: string;
      value: string;
      /** The valuesFrom entry's `literal`: set the value verbatim, as a string. */
      literal?: boolean;
      describe: string;
    };

/**
 * Options that make the yaml package read YAML as go-yaml v2 does, which is how Flux's
 * controllers read it: YAML 1.1, so yes, no, on and off are booleans and 0777 is octal,
 * but go-yaml v2 has no sexagesimal numbers (1:30) and hands a timestamp on as its text.
 */
export const GO_YAML_V2: DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags: Tags) =>
    tags.filter(
      (tag) =>
        typeof tag === 'string' || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME'),
    ),
};

/** Keys that would reach the prototype of a values object, or replace its constructor. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The pattern and length the HelmRelease API allows for `targetPath`. */
const TARGET_PATH = /^(?:[a-zA-Z0-9_\-.\\/]|\[[0-9]{1,5}\])+$/;
const TARGET_PATH_MAX = 250;

/** Helm strvals' limits. */
const MAX_INDEX = 65536;
const MAX_NESTING = 30;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const SET_HINT =
  'The value is read as helm --set reads one: a comma starts another assignment, {a,b} is a list and a backslash escapes the next character. Set literal: true on the valuesFrom entry to take the value as it is.';

/** `sources` in order, then `inline` (`spec.values`) on top, as chartutil.MergeMaps merges. */
export function composeValues(sources: readonly ValuesSource[], inline: Values | undefined): Values {
  // A copy: the controller changes spec.values in place (see above).
  const values: Values =
    inline === undefined ? {} : structuredClone(refuseHostileKeys(inline, 'spec.values'));
  let result: Values = {};
  for (const source of sources) {
    if (source.kind === 'document') {
      result = mergeMaps(result, readDocument(source.text, source.describe));
      continue;
    }
    result = mergeMaps(result, values);
    setAtPath(result, source.targetPath, source.value, source.literal === true, source.describe);
  }
  return mergeMaps(result, values);
}

/** common.ReadValues: the first document of the text, a mapping; none at all is no values. */
function readDocument(text: string, describe: string): Values {
  const lineCounter = new LineCounter();
  const [document] = parseAllDocuments(text, {
    ...GO_YAML_V2,
    lineCounter,
    // prettyErrors adds a snippet of the source to messages; a snippet of a Secret must not.
    prettyErrors: false,
    uniqueKeys: true,
    // Warnings would print the text of a collection used as a key on stderr.
    logLevel: 'error',
  });
  if (!document) return {};
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${describe}, line ${line}, column ${col}`;
  };
  const [error] = document.errors;
  if (error) {
    throw new PlumblineError(
      `${at(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`,
      'Fix the YAML at that line; helm-controller reads the values as YAML.',
    );
  }
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) {
    throw new PlumblineError(
      `${at(parsed.offset)}: YAML aliases: ${parsed.reason}`,
      'Write the aliased part out in full, or make each alias (*name) name an anchor (&name) defined before it.',
    );
  }
  const { value } = parsed;
  if (value === null || value === undefined) return {};
  if (!isRecord(value)) {
    throw new PlumblineError(
      `${at(document.contents?.range[0] ?? 0)}: the values are ${kindOf(value)}, not a mapping`,
      'A values document is a YAML mapping, as a values.yaml file is; to set one value, give the valuesFrom entry a targetPath.',
    );
  }
  return refuseHostileKeys(value, describe);
}

/** chartutil.ReplacePathValue, or ReplacePathLiteralValue with `literal`. */
function setAtPath(values: Values, path: string, value: string, literal: boolean, describe: string): void {
  const where = `${describe}, targetPath ${JSON.stringify(path)}`;
  if (path.length > TARGET_PATH_MAX || !TARGET_PATH.test(path)) {
    throw new PlumblineError(
      `${where}: not a targetPath the HelmRelease API accepts`,
      `A targetPath is at most ${TARGET_PATH_MAX} characters of letters, digits, _ - . / \\ and list indexes such as [0].`,
    );
  }
  let text = value;
  let asString = literal;
  if (literal) {
    // Escapes every character the set syntax reads in a value, so that it reads none.
    text = value.replace(/[\\,[\]{}]/g, (character) => `\\${character}`);
  } else if (
    (value.startsWith("'") && value.endsWith("'")) ||
    (value.startsWith('"') && value.endsWith('"'))
  ) {
    // Quoted: every leading and trailing quote of either kind goes, and the rest is a string.
    text = value.replace(/^['"]+|['"]+$/g, '');
    asString = true;
  }
  try {
    new SetParser(`${path}=${text}`, asString).parse(values);
  } catch (error) {
    if (error instanceof SetError) throw new PlumblineError(`${where}: ${error.message}`, SET_HINT);
    throw error;
  }
}

class SetError extends Error {}

type Step = 'more' | 'end';

/**
 * Helm's strvals parser (pkg/strvals/parser.go) for `path=value[,path=value…]`, setting
 * into `data` in place. Its Go panics (a key that holds the wrong kind of value) are errors
 * here, as Helm recovers them into errors.
 */
class SetParser {
  private readonly characters: string[];
  private position = 0;

  constructor(
    text: string,
    private readonly asString: boolean,
  ) {
    this.characters = [...text];
  }

  parse(data: Values): void {
    let step: Step;
    do step = this.key(data, 0);
    while (step === 'more');
  }

  private key(data: Values, nesting: number): Step {
    const { text: key, stop } = this.until('=[,.');
    if (HOSTILE_KEYS.has(key))
      throw new SetError(`a key of the path or value is ${key}, which plumbline refuses`);
    switch (stop) {
      case undefined:
        if (key === '') return 'end';
        throw new SetError('a key has no value');
      case '[': {
        const index = this.index();
        const item = this.listItem(Object.hasOwn(data, key) ? listOf(data[key]) : [], index, nesting);
        set(data, key, item.list);
        return item.end ? 'end' : 'more';
      }
      case '=': {
        const list = this.list();
        if (list === 'end') {
          set(data, key, '');
          return 'end';
        }
        set(data, key, list === 'not a list' ? this.typed(this.until(',').text) : list);
        return 'more';
      }
      case ',':
        throw new SetError('a key has no value (a comma follows it)');
      default: {
        if (nesting + 1 > MAX_NESTING) throw new SetError(`the path nests deeper than ${MAX_NESTING} levels`);
        const inner = Object.hasOwn(data, key) ? mapOf(data[key]) : {};
        const step = this.key(inner, nesting + 1);
        const empty = Object.keys(inner).length === 0;
        if (step === 'more' && empty) throw new SetError('a map on the path gets no value');
        if (!empty) set(data, key, inner);
        return step;
      }
    }
  }

  private listItem(list: unknown[], index: number, nesting: number): { list: unknown[]; end: boolean } {
    if (index < 0) throw new SetError('a negative list index');
    const { text, stop } = this.until('[.=');
    if (text.length > 0) throw new SetError('unexpected text after a list index');
    switch (stop) {
      case undefined:
        return { list, end: true };
      case '=': {
        const value = this.list();
        if (value === 'end') return { list: setIndex(list, index, ''), end: false };
        const item = value === 'not a list' ? this.typed(this.until(',').text) : value;
        return { list: setIndex(list, index, item), end: false };
      }
      case '[': {
        const next = this.index();
        const existing = list.length > index ? list[index] : null;
        const nested = existing === null || existing === undefined ? [] : listOf(existing);
        const inner = this.listItem(nested, next, nesting);
        return inner.end ? { list, end: true } : { list: setIndex(list, index, inner.list), end: false };
      }
      default: {
        let inner: Values = {};
        if (list.length > index) {
          const existing = list[index];
          // Go replaces an item that is not a map in place.
          if (isRecord(existing)) inner = existing;
          else list[index] = inner;
        }
        const step = this.key(inner, nesting);
        return step === 'end' ? { list, end: true } : { list: setIndex(list, index, inner), end: false };
      }
    }
  }

  /** After `[`: the index up to `]`, as strconv.Atoi reads it. */
  private index(): number {
    const { text, stop } = this.until(']');
    if (stop === undefined) throw new SetError('a list index has no closing ]');
    if (!/^[+-]?[0-9]+$/.test(text)) throw new SetError('a list index is not a number');
    return Number(text);
  }

  /** A `{a,b}` list, 'not a list' (nothing consumed), or 'end' at the end of the text. */
  private list(): unknown[] | 'not a list' | 'end' {
    const first = this.characters[this.position];
    if (first === undefined) return 'end';
    if (first !== '{') return 'not a list';
    this.position += 1;
    const list: unknown[] = [];
    for (;;) {
      const { text, stop } = this.until(',}');
      if (stop === undefined) throw new SetError("a list must end with '}'");
      list.push(this.typed(text));
      if (stop === '}') {
        if (this.characters[this.position] === ',') this.position += 1;
        return list;
      }
    }
  }

  /** The text up to one of `stops` (consumed; undefined at the end), `\x` being x. */
  private until(stops: string): { text: string; stop: string | undefined } {
    let text = '';
    for (;;) {
      const character = this.characters[this.position];
      if (character === undefined) return { text, stop: undefined };
      this.position += 1;
      if (stops.includes(character)) return { text, stop: character };
      if (character !== '\\') {
        text += character;
        continue;
      }
      const escaped = this.characters[this.position];
      if (escaped === undefined) return { text, stop: undefined };
      this.position += 1;
      text += escaped;
    }
  }

  /**
   * strvals' typedVal. An integer is Go's int64; one a JavaScript number cannot hold
   * exactly stays its text, which a template prints the same.
   */
  private typed(text: string): unknown {
    if (this.asString) return text;
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (text === '0') return 0;
    // Go tries an integer only when the text does not start with 0: 007 stays text, -007 is -7.
    if (text.startsWith('0') || !/^[+-]?[0-9]+$/.test(text)) return text;
    const integer = BigInt(text);
    if (integer < INT64_MIN || integer > INT64_MAX) return text;
    return Number.isSafeInteger(Number(integer)) ? Number(integer) : text;
  }
}

function set(data: Values, key: string, value: unknown): void {
  if (key !== '') data[key] = value;
}

function setIndex(list: unknown[], index: number, value: unknown): unknown[] {
  if (index < 0) throw new SetError('a negative list index');
  if (index > MAX_INDEX) throw new SetError(`a list index above ${MAX_INDEX}`);
  // Go writes into the list it has, or into a longer copy.
  const target =
    index < list.length ? list : [...list, ...new Array<null>(index + 1 - list.length).fill(null)];
  target[index] = value;
  return target;
}

function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new SetError('a key on the path holds something other than a list');
  return value;
}

function mapOf(value: unknown): Values {
  if (!isRecord(value)) throw new SetError('a key on the path holds something other than a map');
  return value;
}

function refuseHostileKeys(value: Values, describe: string): Values {
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(visit);
    if (!isRecord(item)) return;
    for (const [key, inner] of Object.entries(item)) {
      if (HOSTILE_KEYS.has(key)) {
        throw new PlumblineError(
          `${describe}: a key named ${key}, which plumbline refuses`,
          'Rename the key: a key by that name reaches the prototype of the values object.',
        );
      }
      visit(inner);
    }
  };
  visit(value);
  return value;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Values {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
