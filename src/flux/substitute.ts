/**
 * Flux's post-build variable substitution (kustomize-controller `spec.postBuild`) on one
 * object kustomize built, as the controller does it.
 *
 * The controller writes the object as YAML (through JSON, so the original quoting is gone
 * and go-yaml v2 decides it), runs its envsubst dialect, a fork of drone/envsubst, over
 * that text, and reads the text back. What follows from that:
 * - Only `${…}` is an expression; a bare `$var` is text. `$$` is `$` anywhere, so
 *   `$${var}` is the text `${var}`.
 * - Inside `${…}` the dialect has bash's functions (default, substring, length, case,
 *   replace, trim), with quirks of its own that are kept here: every default operator
 *   (`=`, `:=`, `:-`, `:?`, `:+`) means "the value, or the default when the value is
 *   empty"; `${var-d}`, `${var+d}` and `${var?d}` do not parse; and an expression that does
 *   not parse fails the whole object, which is an error here too.
 * - The text is substituted, so keys are too, and a string that go-yaml writes plain is
 *   read back as YAML: `replicas: ${n}` becomes the number 3, `${q}${id}${q}` with q = `"`
 *   the string "123" (the workaround the Flux documentation gives), and a value that holds
 *   YAML syntax (`a # b`, `[a, b]`) becomes what the syntax says. Each string is substituted
 *   on its own here, and one that go-yaml would write plain is read back the same way
 *   (YAML 1.1, as go-yaml v2 reads it); a string it would quote or write as a block stays a
 *   string, as it does in Flux.
 * - A variable that is not given fails the build (StrictPostBuildSubstitutions, on by
 *   default since kustomize-controller v1.9; older controllers substitute ''). Here its name
 *   is returned in `unresolved` and its expression is left as written, for the caller to
 *   report.
 * - Newlines in variable values are dropped, as the controller drops them when it loads
 *   the variables.
 *
 * Whether to substitute is the caller's: Flux substitutes only when the Kustomization has
 * `spec.postBuild`, and then, unless `substituteStrategy` is Always, only when at least one
 * variable is defined.
 */
import { parseDocument } from 'yaml';
import { joinPointer } from '../diff/pointer.js';
import { PlumblineError } from '../errors.js';
import { displayName } from '../resource.js';
import { type AliasBudget, aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';
import { GO_YAML_V2 } from './values.js';

/** The label or annotation that, set to `disabled`, keeps Flux from substituting in an object. */
const DISABLE_KEY = 'kustomize.toolkit.fluxcd.io/substitute';

/** The variable names Flux accepts: any other name fails the build. */
const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** The operators that supply their own value for an unset variable. */
const DEFAULT_OPERATORS = new Set(['=', ':=', ':-', ':?', ':+', '-', '+', '?']);

const SYNTAX_HINT =
  'Flux reads a dollar sign and an opening brace as the start of an expression in every string: fix the expression, or double the dollar sign to keep it as text.';
const VALUE_HINT =
  'A variable value with YAML syntax in it (": ", " #", or a leading [, {, *, & or quote) changes the YAML Flux reads back; change the value, or annotate the object with kustomize.toolkit.fluxcd.io/substitute: disabled.';

export interface Substitution {
  /** The object with its expressions substituted. */
  value: unknown;
  /** Variables used without a default and not given, sorted, each once. */
  unresolved: string[];
}

/** Whether the object opts out of substitution, by label or by annotation. */
export function isSubstitutionDisabled(object: unknown): boolean {
  const metadata = field(object, 'metadata');
  return [field(metadata, 'labels'), field(metadata, 'annotations')].some(
    (map) => field(map, DISABLE_KEY) === 'disabled',
  );
}

/**
 * `object` as Flux substitutes it with `variables`, or unchanged when it opts out. Throws a
 * PlumblineError where Flux fails the build: a variable name it refuses, an expression it
 * cannot parse, or a substituted value that is not valid YAML.
 */
export function substituteVariables(object: unknown, variables: ReadonlyMap<string, string>): Substitution {
  if (isSubstitutionDisabled(object)) return { value: object, unresolved: [] };
  const values = new Map<string, string>();
  for (const [name, value] of variables) {
    if (!VARIABLE_NAME.test(name)) {
      throw new PlumblineError(
        `variable name ${JSON.stringify(name)} is not one Flux accepts: letters, digits and _, not starting with a digit`,
        'Rename the key in spec.postBuild.substitute, or in the ConfigMap or Secret that spec.postBuild.substituteFrom names.',
      );
    }
    values.set(name, value.replaceAll('\n', ''));
  }
  const substituter = new Substituter(values, describeObject(object));
  const value = substituter.value(object, []);
  return { value, unresolved: [...substituter.unresolved].sort() };
}

class Substituter {
  readonly unresolved = new Set<string>();
  /** Read-back values share one alias budget, as the documents of a stream do. */
  private readonly budget: AliasBudget = aliasBudget();

  constructor(
    private readonly variables: ReadonlyMap<string, string>,
    private readonly object: string,
  ) {}

  value(value: unknown, path: readonly string[]): unknown {
    if (typeof value === 'string') return this.scalar(value, path);
    if (Array.isArray(value)) return value.map((item, index) => this.value(item, [...path, String(index)]));
    if (!isRecord(value)) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const substituted = this.key(key, [...path, key]);
      if (Object.hasOwn(result, substituted)) {
        throw new PlumblineError(
          `${this.where([...path, key])}: once substituted, this key is the same as another key of its mapping`,
          'Give the keys values that keep them apart.',
        );
      }
      // defineProperty keeps a `__proto__` key a plain key.
      Object.defineProperty(result, substituted, {
        value: this.value(item, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }

  private scalar(text: string, path: readonly string[]): unknown {
    if (!text.includes('$')) return text;
    const { result, complete } = this.expand(text, path);
    // A string go-yaml writes plain and that did not change reads back as itself.
    if (!complete || result === text || !writtenPlain(text)) return result;
    return this.readBack(result, path);
  }

  /** A key reads back as a key: JSON makes a number or boolean key its text. */
  private key(key: string, path: readonly string[]): string {
    if (!key.includes('$')) return key;
    const { result, complete } = this.expand(key, path);
    if (!complete || result === key || !writtenPlain(key)) return result;
    const read = this.readBack(result, path);
    if (typeof read === 'string' || typeof read === 'number' || typeof read === 'boolean')
      return String(read);
    throw new PlumblineError(
      `${this.where(path)}: once substituted, this key reads as YAML ${read === null ? 'null' : 'collection'}, which is no key Flux can write`,
      VALUE_HINT,
    );
  }

  private expand(text: string, path: readonly string[]): { result: string; complete: boolean } {
    try {
      return this.evaluateAll(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      throw new PlumblineError(
        `${this.where(path)}: a \${…} expression Flux cannot read (${error.message}), so Flux fails to build the object`,
        SYNTAX_HINT,
      );
    }
  }

  private evaluateAll(text: string): { result: string; complete: boolean } {
    const nodes = new Parser(text).all();
    let result = '';
    let complete = true;
    for (const node of nodes) {
      if (node.kind === 'text') {
        result += node.text;
        continue;
      }
      const missing = new Set<string>();
      const value = evaluate(node.expression, this.variables, missing);
      if (missing.size === 0) {
        result += value;
        continue;
      }
      complete = false;
      result += text.slice(node.start, node.end);
      for (const name of missing) this.unresolved.add(name);
    }
    return { result, complete };
  }

  /** The value the substituted text of a plain scalar reads back as. */
  private readBack(text: string, path: readonly string[]): unknown {
    const document = parseDocument(`k: ${text}`, { ...GO_YAML_V2, prettyErrors: false, logLevel: 'error' });
    const [error] = document.errors;
    if (error) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, the value is not valid YAML (${syntaxReason(error)}), so Flux fails to build the object`,
        VALUE_HINT,
      );
    }
    const parsed = plainValue(document, this.budget);
    if (!parsed.ok) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, YAML aliases: ${parsed.reason}`,
        VALUE_HINT,
      );
    }
    // A line break in a value (a carriage return: newlines are dropped) can add keys.
    if (!isRecord(parsed.value) || Object.keys(parsed.value).length !== 1) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, the value adds YAML structure that plumbline does not reproduce`,
        VALUE_HINT,
      );
    }
    return parsed.value.k;
  }

  private where(path: readonly string[]): string {
    return `${this.object}, field ${joinPointer(path)}`;
  }
}

/**
 * Whether go-yaml v2 writes `text`, a string value in a block mapping or sequence, as a
 * plain scalar (its emitter's analysis): otherwise it quotes it or writes a block scalar,
 * and substitution inside that stays a string. Strings with a `$` never read as anything
 * but a string, so the emitter's check against that is not needed.
 */
function writtenPlain(text: string): boolean {
  if (text === '' || text.startsWith('---') || text.startsWith('...')) return false;
  if (text.startsWith(' ') || text.endsWith(' ')) return false;
  if (/^[#,[\]{}&*!|>'"%@`]|^[?:-](?:[ \t]|$)|:(?:[ \t]|$)|[ \t]#/.test(text)) return false;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    // go-yaml's printable characters, less line breaks (U+2028, U+2029) and tabs.
    const printable =
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xd7ff && code !== 0x2028 && code !== 0x2029) ||
      (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
    if (!printable) return false;
  }
  return true;
}

function describeObject(object: unknown): string {
  const kind = field(object, 'kind');
  const metadata = field(object, 'metadata');
  const name = field(metadata, 'name');
  const namespace = field(metadata, 'namespace');
  if (typeof kind !== 'string' || typeof name !== 'string') return 'an object';
  return displayName({ kind, name, namespace: typeof namespace === 'string' ? namespace : undefined });
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// The expression language: a port of the controller's envsubst fork (scanner, parser,
// functions), quirks included, so that what parses, and to what, is the same.

type Expression =
  | { kind: 'text'; text: string }
  | { kind: 'function'; name: string; operator: string; args: Expression[] };

/** A top-level expression keeps where it was written, to be left as written when unresolved. */
type TopLevel =
  | { kind: 'text'; text: string }
  | { kind: 'expression'; expression: Expression; start: number; end: number };

class ExpressionError extends Error {}

type Accept = (character: string, position: number) => boolean;

// What a scan may return; ESCAPE makes `$$` a `$`, and with BACKSLASH `\/` and `\\` too.
const TEXT = 1;
const OPEN = 2;
const CLOSE = 4;
const ESCAPE = 8;
const BACKSLASH = 16;

type Token = { token: 'end' | 'open' | 'close' | 'illegal' } | { token: 'text'; text: string };

const anything: Accept = () => true;
const identifier: Accept = (character) => /^[\p{L}\p{Nd}_]$/u.test(character);
const notClosing: Accept = (character) => character !== '}';
const isDefaultSign = (character: string) => character !== '' && '=-?+'.includes(character);

class Parser {
  private position = 0;

  constructor(private readonly source: string) {}

  all(): TopLevel[] {
    const nodes: TopLevel[] = [];
    for (;;) {
      const start = this.position;
      const scanned = this.scan(TEXT | OPEN | ESCAPE, anything);
      if (scanned.token === 'end') return nodes;
      if (scanned.token === 'text') nodes.push({ kind: 'text', text: scanned.text });
      else nodes.push({ kind: 'expression', expression: this.function(), start, end: this.position });
    }
  }

  /** After `${`. */
  private function(): Expression {
    if (this.peek() === '#') return this.length();
    const scanned = this.scan(TEXT, identifier);
    if (scanned.token !== 'text') throw new ExpressionError('unable to parse variable name');
    const name = scanned.text;
    switch (this.peek()) {
      case ':':
        return isDefaultSign(this.peekSecond()) ? this.withDefault(name) : this.substring(name);
      case '=':
        return this.withDefault(name);
      case ',':
      case '^':
        return this.closed(
          name,
          this.operator((c, i) => (c === ',' || c === '^') && i < 3),
        );
      case '/':
        return this.replace(name);
      case '#':
        return this.trim(name, (c, i) => c === '#' && i < 3);
      case '%':
        return this.trim(name, (c, i) => c === '%' && i < 3);
    }
    if (this.scan(CLOSE, identifier).token !== 'close') throw new ExpressionError('missing closing brace');
    return { kind: 'function', name, operator: '', args: [] };
  }

  /** `${#name}` */
  private length(): Expression {
    const operator = this.operator((c, i) => c === '#' && i === 1);
    const scanned = this.scan(TEXT, identifier);
    if (scanned.token !== 'text') throw new ExpressionError('bad substitution');
    return this.closed(scanned.text, operator);
  }

  /** `${name=word}`, `${name:=word}`, `${name:-word}`, `${name:?word}`, `${name:+word}` */
  private withDefault(name: string): Expression {
    const accept: Accept =
      this.peek() === '='
        ? (c, i) => i === 1 && c === '='
        : (c, i) => (i === 1 && c === ':') || (i === 2 && isDefaultSign(c));
    const scanned = this.scan(TEXT, accept);
    if (scanned.token !== 'text') throw new ExpressionError('unable to parse default function');
    const args: Expression[] = [];
    while (this.peek() !== '}') args.push(this.argument(notClosing, TEXT));
    this.closeBrace();
    return { kind: 'function', name, operator: scanned.text, args };
  }

  /** `${name:offset}`, `${name:offset:length}` */
  private substring(name: string): Expression {
    const operator = this.operator((c, i) => i === 1 && c === ':');
    const args = [this.argument((c) => c !== ':' && c !== '}', TEXT)];
    const separator = this.scan(TEXT | CLOSE, (c) => c === ':');
    if (separator.token === 'close') return { kind: 'function', name, operator, args };
    if (separator.token !== 'text') throw new ExpressionError('bad substitution');
    args.push(this.argument(notClosing, TEXT));
    this.closeBrace();
    return { kind: 'function', name, operator, args };
  }

  /** `${name/pattern/string}`, and with `//`, `/#` or `/%` */
  private replace(name: string): Expression {
    const operator = this.operator((c, i) => (i === 1 && c === '/') || (i === 2 && '/#%'.includes(c)));
    const args = [this.argument((c) => c !== '/', TEXT | ESCAPE | BACKSLASH)];
    if (this.scan(TEXT, (c) => c === '/').token !== 'text') throw new ExpressionError('bad substitution');
    if (this.peek() !== '}') args.push(this.argument(notClosing, TEXT | ESCAPE | BACKSLASH));
    this.closeBrace();
    return { kind: 'function', name, operator, args };
  }

  /** `${name#pattern}`, `${name##pattern}`, `${name%pattern}`, `${name%%pattern}` */
  private trim(name: string, accept: Accept): Expression {
    const operator = this.operator(accept);
    const args = [this.argument(notClosing, TEXT)];
    this.closeBrace();
    return { kind: 'function', name, operator, args };
  }

  private operator(accept: Accept): string {
    const scanned = this.scan(TEXT, accept);
    if (scanned.token !== 'text') throw new ExpressionError('bad substitution');
    return scanned.text;
  }

  private closed(name: string, operator: string): Expression {
    this.closeBrace();
    return { kind: 'function', name, operator, args: [] };
  }

  /** One argument: a run of text, or one nested expression. */
  private argument(accept: Accept, mode: number): Expression {
    const scanned = this.scan(mode | OPEN, accept);
    if (scanned.token === 'open') return this.function();
    if (scanned.token === 'text') return { kind: 'text', text: scanned.text };
    throw new ExpressionError('unable to parse substitution within function');
  }

  private closeBrace(): void {
    if (this.scan(CLOSE, anything).token !== 'close') throw new ExpressionError('bad substitution');
  }

  private scan(mode: number, accept: Accept): Token {
    const character = this.read();
    if (character === '') return { token: 'end' };
    if (mode & OPEN && character === '$' && this.peek() === '{') {
      this.position += 1;
      return { token: 'open' };
    }
    if (mode & CLOSE && character === '}') return { token: 'close' };
    if (!(mode & TEXT)) return { token: 'illegal' };
    // An escape drops its first character and keeps the second, unchecked.
    let text: string;
    if (this.escapes(character, mode)) text = this.read();
    else if (accept(character, 1)) text = character;
    else return { token: 'illegal' };
    let kept = 1;
    for (;;) {
      const next = this.read();
      if (next === '') break;
      if (mode & OPEN && next === '$' && this.peek() === '{') {
        this.position -= next.length;
        break;
      }
      if (this.escapes(next, mode)) text += this.read();
      else if (accept(next, kept + 1)) text += next;
      else {
        this.position -= next.length;
        break;
      }
      kept += 1;
    }
    return { token: 'text', text };
  }

  private escapes(character: string, mode: number): boolean {
    if (!(mode & ESCAPE)) return false;
    const next = this.peek();
    if (character === '$') return next === '$';
    return character === '\\' && (mode & BACKSLASH) !== 0 && (next === '/' || next === '\\');
  }

  /** The next character (a whole code point), or '' at the end. */
  private read(): string {
    const code = this.source.codePointAt(this.position);
    if (code === undefined) return '';
    const character = String.fromCodePoint(code);
    this.position += character.length;
    return character;
  }

  private peek(): string {
    const code = this.source.codePointAt(this.position);
    return code === undefined ? '' : String.fromCodePoint(code);
  }

  /** The character after the next one (the next one is ASCII where this is asked). */
  private peekSecond(): string {
    const code = this.source.codePointAt(this.position + 1);
    return code === undefined ? '' : String.fromCodePoint(code);
  }
}

/**
 * The value of an expression. As in the controller, arguments are evaluated first, and a
 * variable that is not given is missing unless its operator supplies a default.
 */
function evaluate(
  expression: Expression,
  variables: ReadonlyMap<string, string>,
  missing: Set<string>,
): string {
  if (expression.kind === 'text') return expression.text;
  const args = expression.args.map((arg) => evaluate(arg, variables, missing));
  const value = variables.get(expression.name);
  if (value === undefined && !DEFAULT_OPERATORS.has(expression.operator)) missing.add(expression.name);
  return apply(expression.operator, value ?? '', args);
}

function apply(operator: string, value: string, args: string[]): string {
  const [first = '', second = ''] = args;
  switch (operator) {
    case ',':
      return mapFirst(value, (c) => c.toLowerCase());
    case ',,':
      return value.toLowerCase();
    case '^':
      return mapFirst(value, (c) => c.toUpperCase());
    case '^^':
      return value.toUpperCase();
    case '#':
      return args.length === 0 ? String(Buffer.byteLength(value)) : trimPrefix(value, first, 'shortest');
    case '##':
      return trimPrefix(value, first, 'longest');
    case '%':
      return trimSuffix(value, first, 'shortest');
    case '%%':
      return trimSuffix(value, first, 'longest');
    case ':':
      return substring(value, args);
    case '/#':
      return args.length === 2 && value.startsWith(first) ? second + value.slice(first.length) : value;
    case '/%':
      return args.length === 2 && value.endsWith(first)
        ? value.slice(0, value.length - first.length) + second
        : value;
    case '/':
      return args.length === 0 ? value : value.replace(first, () => second);
    case '//':
      return args.length === 0 ? value : value.replaceAll(first, () => second);
    default:
      // The default operators, `${name}`, and any other run of `,` and `^`.
      return value === '' && args.length > 0 ? args.join('') : value;
  }
}

function mapFirst(value: string, map: (character: string) => string): string {
  const [first] = value;
  return first === undefined ? value : map(first) + value.slice(first.length);
}

/** `${name:offset:length}` counts bytes, as Go slices strings. */
function substring(value: string, args: string[]): string {
  const bytes = Buffer.from(value);
  let offset = goInteger(args[0]);
  if (offset === undefined) return value;
  if (offset < 0) offset = Math.max(0, bytes.length + offset);
  if (args.length === 1) return offset < bytes.length ? bytes.subarray(offset).toString() : '';
  const length = goInteger(args[1]);
  if (length === undefined) return value;
  if (offset + length >= bytes.length) return offset < bytes.length ? bytes.subarray(offset).toString() : '';
  // Go panics on a slice that ends before it starts; the controller fails the object.
  if (length < 0) throw new ExpressionError('a negative substring length');
  return bytes.subarray(offset, offset + length).toString();
}

/** strconv.Atoi, within the range a JavaScript number holds exactly. */
function goInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?[0-9]+$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : undefined;
}

/**
 * `${name#pattern}` and `${name##pattern}`: the shortest or longest matching prefix
 * removed. The fork tries every prefix but the empty one, and a bad pattern leaves the
 * value as it is.
 */
function trimPrefix(value: string, pattern: string, which: 'shortest' | 'longest'): string {
  const characters = [...value];
  const patternCharacters = [...pattern];
  let found: number | undefined;
  for (let length = characters.length; length > 0; length -= 1) {
    const matched = globMatch(patternCharacters, characters.slice(0, length));
    if (matched === 'bad') return value;
    if (!matched) continue;
    found = length;
    if (which === 'longest') break;
  }
  return found === undefined ? value : characters.slice(found).join('');
}

/** The suffix forms: the fork reverses the value and the pattern and trims a prefix. */
function trimSuffix(value: string, pattern: string, which: 'shortest' | 'longest'): string {
  const reverse = (text: string) => [...text].reverse().join('');
  return reverse(trimPrefix(reverse(value), reverse(pattern), which));
}

/**
 * The fork's path.Match: Go's, except that `*` and `?` match `/` too and a trailing `*`
 * matches the rest. 'bad' is a malformed pattern.
 */
function globMatch(pattern: string[], name: string[]): boolean | 'bad' {
  let rest = pattern;
  let remaining = name;
  outer: while (rest.length > 0) {
    const { star, chunk, after } = scanChunk(rest);
    rest = after;
    if (star && chunk.length === 0) return true;
    const direct = matchChunk(chunk, remaining);
    if (direct.ok && (direct.rest.length === 0 || rest.length > 0)) {
      remaining = direct.rest;
      continue;
    }
    if (direct.bad) return 'bad';
    if (star) {
      for (let skip = 0; skip < remaining.length; skip += 1) {
        const tried = matchChunk(chunk, remaining.slice(skip + 1));
        if (tried.ok) {
          if (rest.length === 0 && tried.rest.length > 0) continue;
          remaining = tried.rest;
          continue outer;
        }
        if (tried.bad) return 'bad';
      }
    }
    return false;
  }
  return remaining.length === 0;
}

function scanChunk(pattern: string[]): { star: boolean; chunk: string[]; after: string[] } {
  let start = 0;
  while (pattern[start] === '*') start += 1;
  let inRange = false;
  let end = start;
  for (; end < pattern.length; end += 1) {
    const character = pattern[end];
    if (character === '\\') {
      if (end + 1 < pattern.length) end += 1;
    } else if (character === '[') inRange = true;
    else if (character === ']') inRange = false;
    else if (character === '*' && !inRange) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, end), after: pattern.slice(end) };
}

type ChunkMatch = { ok: boolean; bad: boolean; rest: string[] };

function matchChunk(chunk: string[], name: string[]): ChunkMatch {
  const failed = (bad = false): ChunkMatch => ({ ok: false, bad, rest: [] });
  let c = 0;
  let n = 0;
  while (c < chunk.length) {
    if (n >= name.length) return failed();
    const character = chunk[c]!;
    if (character === '[') {
      const target = name[n]!;
      n += 1;
      c += 1;
      let negated = false;
      if (chunk[c] === '^') {
        negated = true;
        c += 1;
      }
      let matched = false;
      let ranges = 0;
      for (;;) {
        if (chunk[c] === ']' && ranges > 0) {
          c += 1;
          break;
        }
        const low = classCharacter(chunk, c);
        if (low === undefined) return failed(true);
        c = low.next;
        let high = low.character;
        if (chunk[c] === '-') {
          const upper = classCharacter(chunk, c + 1);
          if (upper === undefined) return failed(true);
          c = upper.next;
          high = upper.character;
        }
        if (codeOf(low.character) <= codeOf(target) && codeOf(target) <= codeOf(high)) matched = true;
        ranges += 1;
      }
      if (matched === negated) return failed();
    } else if (character === '?') {
      n += 1;
      c += 1;
    } else {
      if (character === '\\') {
        c += 1;
        if (c >= chunk.length) return failed(true);
      }
      if (chunk[c] !== name[n]) return failed();
      n += 1;
      c += 1;
    }
  }
  return { ok: true, bad: false, rest: name.slice(n) };
}

function codeOf(character: string): number {
  return character.codePointAt(0)!;
}

/** A character of a class, maybe escaped; undefined where Go's getEsc reports a bad pattern. */
function classCharacter(chunk: string[], at: number): { character: string; next: number } | undefined {
  let index = at;
  if (index >= chunk.length || chunk[index] === '-' || chunk[index] === ']') return undefined;
  if (chunk[index] === '\\') index += 1;
  const character = chunk[index];
  // Go also wants something after the character: a class must be closed.
  if (character === undefined || index + 1 >= chunk.length) return undefined;
  return { character, next: index + 1 };
}
