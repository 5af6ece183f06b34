/**
 * A pure evaluator of the part of Go's text/template (with the Sprig functions of
 * src/argocd/go-template-functions.ts) that Argo CD ApplicationSets with `goTemplate: true`
 * use, so that plumbline can render their Applications without running Go.
 *
 * The template comes from the repository, which on a pull request is hostile: there is no
 * `eval`, data is read through own properties only (`.constructor` is a missing key), and
 * evaluation steps, output size and nesting depth are capped. Anything outside the
 * documented subset is refused with a GoTemplateError saying it is not supported, rather
 * than rendered differently from Argo CD. Errors name the template's line:column and what is
 * wrong, never the data's values.
 */
import {
  type Arg,
  argAs,
  compareBytes,
  FunctionError,
  formatValue,
  type GoFunction,
  GoInt,
  GoTemplateError,
  goInt,
  goQuote,
  isMap,
  isTrue,
  MAX_STRING,
  type MaybeValue,
  mapGet,
  NOT_SUPPORTED,
  REMOVED,
  SPRIG,
  sortedKeys,
  typeName,
  type Value,
} from './go-template-functions.js';

export { GoTemplateError } from './go-template-functions.js';

export interface GoTemplateOptions {
  /** Go's Option("missingkey=…"): `default` and `zero` print `<no value>`, `error` fails. */
  missingKey: 'default' | 'zero' | 'error';
  /**
   * Steps that the renders sharing it may take together (an ApplicationSet renders each
   * string of its template once per Application): spent, a render fails.
   */
  budget?: { steps: number };
  /** The caller checked `data` is plain JSON-like data once, for the renders that share it. */
  dataChecked?: boolean;
}

/**
 * Go's trim of trailing space, in linear time: a RegExp anchored at the end backtracks
 * over every run of spaces, which a template of spaces makes quadratic.
 */
function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Throws GoTemplateError unless `data` is plain JSON-like data (what renderGoTemplate checks). */
export function checkTemplateData(data: unknown): void {
  checkData(data, 0);
}

const MAX_STEPS = 1_000_000;
const MAX_OUTPUT = MAX_STRING;
const MAX_NESTING = 100;
const MAX_DATA_DEPTH = 1000;

// ---------------------------------------------------------------------------------------
// Lexing: the template as text and actions, trim markers applied.

type Token =
  | { t: 'field'; name: string }
  | { t: 'var'; name: string }
  | { t: 'dot' }
  | { t: 'ident'; name: string }
  | { t: 'string'; value: string }
  | { t: 'number'; text: string }
  | { t: 'punct'; text: '|' | '(' | ')' | ':=' | '=' | ',' };

/** A token with its offset in the template and whether a space came before it. */
type Located = Token & { at: number; spaced: boolean };

type Item = { t: 'text'; text: string } | { t: 'action'; tokens: Located[]; at: number };

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

class Lexer {
  readonly items: Item[] = [];
  #pos = 0;
  constructor(private readonly src: string) {}

  run(): Item[] {
    let trimNext = false;
    while (this.#pos < this.src.length) {
      const open = this.src.indexOf('{{', this.#pos);
      let text = this.src.slice(this.#pos, open < 0 ? undefined : open);
      if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
      if (open < 0) {
        this.#text(text);
        break;
      }
      const trimLeft = this.src[open + 2] === '-' && isSpace(this.src[open + 3]);
      this.#text(trimLeft ? trimEnd(text) : text);
      this.#pos = open + 2 + (trimLeft ? 2 : 0);
      trimNext = this.src.startsWith('/*', this.#pos) ? this.#comment(open) : this.#action(open);
    }
    return this.items;
  }

  #text(text: string): void {
    if (text) this.items.push({ t: 'text', text });
  }

  /** Skips a comment; returns whether it ends with a right trim marker. */
  #comment(open: number): boolean {
    const end = this.src.indexOf('*/', this.#pos);
    if (end < 0) throw errorAt(this.src, open, 'unclosed comment');
    this.#pos = end + 2;
    const trim = this.#rightDelim();
    if (trim === undefined) throw errorAt(this.src, open, 'comment ends before closing delimiter');
    return trim;
  }

  /** At a right delimiter, moves past it and returns whether it trims; else undefined. */
  #rightDelim(): boolean | undefined {
    const s = this.src;
    if (isSpace(s[this.#pos]) && s.startsWith('-}}', this.#pos + 1)) {
      this.#pos += 4;
      return true;
    }
    if (s.startsWith('}}', this.#pos)) {
      this.#pos += 2;
      return false;
    }
    return undefined;
  }

  #action(open: number): boolean {
    const tokens: Located[] = [];
    let spaced = true;
    for (;;) {
      if (this.#pos >= this.src.length) throw errorAt(this.src, open, 'unclosed action');
      const trim = this.#rightDelim();
      if (trim !== undefined) {
        this.items.push({ t: 'action', tokens, at: open });
        return trim;
      }
      const c = this.src[this.#pos]!;
      if (isSpace(c)) {
        this.#pos++;
        spaced = true;
        continue;
      }
      const at = this.#pos;
      tokens.push({ ...this.#token(c), at, spaced });
      spaced = false;
    }
  }

  #token(c: string): Token {
    const s = this.src;
    const rest = s.slice(this.#pos, this.#pos + 256);
    if (c === '"' || c === '`') return { t: 'string', value: this.#string(c) };
    if (c === ':' && s[this.#pos + 1] === '=') return this.#punct(':=');
    if (c === '|' || c === '(' || c === ')' || c === '=' || c === ',') return this.#punct(c);
    const word = /^[\p{L}_][\p{L}\p{N}_]*/u;
    if (c === '.') {
      const name = word.exec(rest.slice(1))?.[0] ?? /^[0-9]+/.exec(rest.slice(1))?.[0];
      if (name === undefined || /^[0-9]/.test(name)) {
        if (/^\.[0-9]/.test(rest)) return this.#number();
        this.#pos++;
        return { t: 'dot' };
      }
      this.#pos += 1 + name.length;
      return { t: 'field', name };
    }
    if (c === '$') {
      const name = word.exec(rest.slice(1))?.[0] ?? '';
      this.#pos += 1 + name.length;
      return { t: 'var', name: `$${name}` };
    }
    if (/[0-9+-]/.test(c)) return this.#number();
    const ident = word.exec(rest)?.[0];
    if (ident) {
      this.#pos += ident.length;
      return { t: 'ident', name: ident };
    }
    if (c === "'") throw errorAt(s, this.#pos, 'character constants are not supported');
    throw errorAt(s, this.#pos, `unexpected ${JSON.stringify(c)} in action`);
  }

  #punct(text: '|' | '(' | ')' | ':=' | '=' | ','): Token {
    this.#pos += text.length;
    return { t: 'punct', text };
  }

  #number(): Token {
    const m = /^[+-]?[0-9a-zA-Z_.]*(?:[eEpP][+-][0-9_]*)?/.exec(this.src.slice(this.#pos, this.#pos + 256))!;
    const text = m[0];
    if (text === '+' || text === '-' || text === '') throw errorAt(this.src, this.#pos, 'bad number syntax');
    this.#pos += text.length;
    return { t: 'number', text };
  }

  #string(quote: string): string {
    const start = this.#pos;
    const end = quote === '`' ? this.src.indexOf('`', start + 1) : this.#quotedEnd(start);
    if (end < 0) throw errorAt(this.src, start, 'unterminated string');
    this.#pos = end + 1;
    const body = this.src.slice(start + 1, end);
    return quote === '`' ? body : unquote(body, (msg) => errorAt(this.src, start, msg));
  }

  #quotedEnd(start: number): number {
    for (let i = start + 1; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '\\') i++;
      else if (c === '"') return i;
      else if (c === '\n') return -1;
    }
    return -1;
  }
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

/** Go's escapes of an interpreted string; bytes above 0x7f by \x or octal are refused. */
function unquote(body: string, fail: (msg: string) => GoTemplateError): string {
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[\s\S])/g,
    (_, e: string) => {
      const simple = ESCAPES[e];
      if (simple) return simple;
      const code = /^[0-7]{3}$/.test(e) ? Number.parseInt(e, 8) : Number.parseInt(e.slice(1), 16);
      if (e.length === 1 || Number.isNaN(code)) throw fail(`invalid escape \\${e} in string`);
      if ((e[0] === 'x' || /^[0-7]/.test(e)) && code > 0x7f)
        throw fail('byte escapes above \\x7f are not supported');
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        throw fail('invalid Unicode escape in string');
      return String.fromCodePoint(code);
    },
  );
}

// ---------------------------------------------------------------------------------------
// Parsing, with Go's parse-time checks: defined functions and declared variables.

type NumberLiteral = { t: 'number'; text: string; int?: bigint; float: number; isFloat: boolean; at: number };

type Operand =
  | { t: 'field'; names: string[]; at: number }
  | { t: 'var'; name: string; names: string[]; at: number }
  | { t: 'dot'; at: number }
  | { t: 'nil'; at: number }
  | { t: 'bool'; value: boolean; at: number }
  | NumberLiteral
  | { t: 'string'; value: string; at: number }
  | { t: 'func'; name: string; at: number }
  | { t: 'pipe'; pipe: Pipe; names: string[]; at: number };

interface Command {
  args: Operand[];
  at: number;
}

interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Command[];
  at: number;
}

interface Control {
  t: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: Node[];
  elseList: Node[] | undefined;
  at: number;
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | Control
  | { t: 'break' | 'continue'; at: number };

const BUILTINS = new Set([
  'and',
  'or',
  'not',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'len',
  'index',
  'print',
  'printf',
  'println',
]);

class Parser {
  #item = 0;
  #tokens: Located[] = [];
  #tok = 0;
  #vars: string[] = ['$'];
  #depth = 0;
  #rangeDepth = 0;
  constructor(
    private readonly src: string,
    private readonly items: Item[],
  ) {}

  parse(): Node[] {
    const { list, end } = this.#list();
    if (end) throw errorAt(this.src, end.at, `unexpected {{${end.word}}}`);
    return list;
  }

  /** Nodes up to an `{{end}}` or `{{else …}}`, which is returned unconsumed in part. */
  #list(): { list: Node[]; end?: { word: 'end' | 'else'; at: number } } {
    const list: Node[] = [];
    while (this.#item < this.items.length) {
      const item = this.items[this.#item++]!;
      if (item.t === 'text') {
        list.push(item);
        continue;
      }
      this.#tokens = item.tokens;
      this.#tok = 0;
      const first = this.#peek();
      const word = first?.t === 'ident' ? first.name : undefined;
      if (word === 'end' || word === 'else') {
        this.#tok++;
        return { list, end: { word, at: item.at } };
      }
      list.push(this.#action(item.at, word));
    }
    return { list };
  }

  #action(at: number, word: string | undefined): Node {
    if (word === 'if' || word === 'with' || word === 'range') {
      this.#tok++;
      return this.#control(word, at);
    }
    if (word === 'break' || word === 'continue') {
      this.#tok++;
      if (this.#rangeDepth === 0) throw errorAt(this.src, at, `{{${word}}} outside {{range}}`);
      this.#expectEnd(at);
      return { t: word, at };
    }
    if (word === 'define' || word === 'template' || word === 'block') {
      throw errorAt(this.src, at, `{{${word}}} is not supported`);
    }
    const pipe = this.#pipeline(at, false);
    this.#expectEnd(at);
    return { t: 'action', pipe };
  }

  #control(kind: 'if' | 'with' | 'range', at: number): Node {
    if (++this.#depth > MAX_NESTING) throw errorAt(this.src, at, 'the template nests too deeply');
    const mark = this.#vars.length;
    const pipe = this.#pipeline(at, kind === 'range');
    this.#expectEnd(at);
    if (kind === 'range') this.#rangeDepth++;
    let { list, end } = this.#list();
    if (kind === 'range') this.#rangeDepth--;
    let elseList: Node[] | undefined;
    if (end?.word === 'else') {
      const next = this.#peek();
      if (kind !== 'range' && next?.t === 'ident' && next.name === kind) {
        // `{{else if …}}` and `{{else with …}}` are an if or with inside the else branch,
        // which takes the `{{end}}`.
        this.#tok++;
        elseList = [this.#control(kind, end.at)];
        end = { word: 'end', at: end.at };
      } else {
        this.#expectEnd(end.at);
        const rest = this.#list();
        elseList = rest.list;
        end = rest.end;
        if (end?.word !== 'end') throw errorAt(this.src, end?.at ?? at, `expected {{end}} for {{${kind}}}`);
        this.#expectEnd(end.at);
      }
    } else if (end?.word === 'end') {
      this.#expectEnd(end.at);
    } else {
      throw errorAt(this.src, at, `unexpected EOF: {{${kind}}} has no {{end}}`);
    }
    this.#vars.length = mark;
    this.#depth--;
    return { t: kind, pipe, list, elseList, at };
  }

  #peek(offset = 0): Located | undefined {
    return this.#tokens[this.#tok + offset];
  }

  #isPunct(token: Located | undefined, text: string): boolean {
    return token?.t === 'punct' && token.text === text;
  }

  #expectEnd(_at: number): void {
    const extra = this.#peek();
    if (extra) throw errorAt(this.src, extra.at, 'unexpected token in action');
  }

  #pipeline(at: number, range: boolean): Pipe {
    const decl: string[] = [];
    let assign = false;
    const first = this.#peek();
    if (first?.t === 'var') {
      const two = range && this.#isPunct(this.#peek(1), ',') && this.#peek(2)?.t === 'var';
      const op = this.#peek(two ? 3 : 1);
      if (this.#isPunct(op, ':=') || (!two && this.#isPunct(op, '='))) {
        assign = this.#isPunct(op, '=');
        if (assign && range) throw errorAt(this.src, at, 'assigning in {{range}} is not supported');
        decl.push((first as { name: string }).name);
        if (two) decl.push((this.#peek(2) as { name: string }).name);
        this.#tok += two ? 4 : 2;
      }
    }
    const cmds = this.#commands(at);
    for (const name of decl) {
      if (assign && !this.#vars.includes(name)) throw errorAt(this.src, at, `undefined variable "${name}"`);
      if (!assign) this.#vars.push(name);
    }
    return { decl, assign, cmds, at };
  }

  #commands(at: number): Command[] {
    const cmds: Command[] = [];
    for (;;) {
      const args: Operand[] = [];
      const cmdAt = this.#peek()?.at ?? at;
      for (let token = this.#peek(); token && !this.#isPunct(token, '|') && !this.#isPunct(token, ')'); ) {
        args.push(this.#operand());
        token = this.#peek();
      }
      if (args.length === 0) throw errorAt(this.src, cmdAt, 'missing value for command');
      cmds.push({ args, at: cmdAt });
      if (!this.#isPunct(this.#peek(), '|')) return cmds;
      this.#tok++;
    }
  }

  #operand(): Operand {
    const term = this.#term();
    const names: string[] = [];
    for (let next = this.#peek(); next?.t === 'field' && !next.spaced; next = this.#peek()) {
      names.push(next.name);
      this.#tok++;
    }
    if (names.length === 0) return term;
    if (term.t === 'field' || term.t === 'var' || term.t === 'pipe')
      return { ...term, names: [...term.names, ...names] };
    throw errorAt(
      this.src,
      term.at,
      'fields can only follow a field, a variable or a parenthesised pipeline',
    );
  }

  #term(): Operand {
    const token = this.#tokens[this.#tok++]!;
    const at = token.at;
    switch (token.t) {
      case 'field':
        return { t: 'field', names: [token.name], at };
      case 'dot':
        return { t: 'dot', at };
      case 'string':
        return { t: 'string', value: token.value, at };
      case 'number':
        return parseNumber(this.src, token.text, at);
      case 'var':
        if (!this.#vars.includes(token.name))
          throw errorAt(this.src, at, `undefined variable "${token.name}"`);
        return { t: 'var', name: token.name, names: [], at };
      case 'ident':
        return this.#identifier(token.name, at);
      case 'punct':
        if (token.text !== '(') throw errorAt(this.src, at, `unexpected "${token.text}" in command`);
        return this.#parenthesised(at);
    }
  }

  #identifier(name: string, at: number): Operand {
    if (name === 'true' || name === 'false') return { t: 'bool', value: name === 'true', at };
    if (name === 'nil') return { t: 'nil', at };
    if (REMOVED.has(name))
      throw errorAt(this.src, at, `function "${name}" is not supported (Argo CD removes it)`);
    if (NOT_SUPPORTED.has(name)) throw errorAt(this.src, at, `function "${name}" is not supported`);
    if (!BUILTINS.has(name) && !Object.hasOwn(SPRIG, name)) {
      throw errorAt(this.src, at, `function "${name}" not defined`);
    }
    return { t: 'func', name, at };
  }

  #parenthesised(at: number): Operand {
    if (++this.#depth > MAX_NESTING) throw errorAt(this.src, at, 'the template nests too deeply');
    const pipe: Pipe = { decl: [], assign: false, cmds: this.#commands(at), at };
    if (!this.#isPunct(this.#peek(), ')')) throw errorAt(this.src, at, 'unclosed left paren');
    this.#tok++;
    this.#depth--;
    return { t: 'pipe', pipe, names: [], at };
  }
}

/** A number literal as Go's parse.NumberNode reads it: int, float, or both when integral. */
function parseNumber(src: string, text: string, at: number): NumberLiteral {
  const fail = () => errorAt(src, at, `number ${text} is not supported`);
  if (/[_iI]/.test(text) || /^[+-]?0[xX].*[.pP]/.test(text)) throw fail();
  const intMatch = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (intMatch) {
    let body = intMatch[2]!;
    if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
    const n = BigInt(body) * (intMatch[1] === '-' ? -1n : 1n);
    if (n !== BigInt.asIntN(64, n)) throw fail();
    return { t: 'number', text, int: n, float: Number(n), isFloat: false, at };
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text))
    throw errorAt(src, at, `bad number syntax: ${text}`);
  const float = Number(text);
  if (!Number.isFinite(float)) throw fail();
  const int = Number.isInteger(float) && Math.abs(float) < 2 ** 63 ? BigInt(float) : undefined;
  return int === undefined
    ? { t: 'number', text, float, isFloat: true, at }
    : { t: 'number', text, int, float, isFloat: true, at };
}

// ---------------------------------------------------------------------------------------
// Evaluation.

class BreakSignal {}
class ContinueSignal {}

interface Variable {
  name: string;
  value: MaybeValue;
}

class Evaluator {
  #out: string[] = [];
  #size = 0;
  #steps = 0;
  #vars: Variable[];
  constructor(
    private readonly src: string,
    private readonly options: GoTemplateOptions,
    root: MaybeValue,
  ) {
    this.#vars = [{ name: '$', value: root }];
  }

  render(list: Node[], dot: MaybeValue): string {
    this.#walk(list, dot);
    return this.#out.join('');
  }

  #step(at: number, cost = 1): void {
    this.#steps += cost;
    if (this.#steps > MAX_STEPS)
      throw errorAt(this.src, at, `the template takes more than ${MAX_STEPS} steps`);
    const { budget } = this.options;
    if (budget) {
      budget.steps -= cost;
      if (budget.steps < 0) throw errorAt(this.src, at, 'the templates together take too many steps');
    }
  }

  #write(text: string, at: number): void {
    this.#size += text.length;
    if (this.#size > MAX_OUTPUT)
      throw errorAt(this.src, at, `the output is longer than ${MAX_OUTPUT} characters`);
    this.#out.push(text);
  }

  #walk(list: Node[], dot: MaybeValue): void {
    for (const node of list) {
      switch (node.t) {
        case 'text':
          this.#step(0, 1);
          this.#write(node.text, 0);
          break;
        case 'action': {
          const value = this.#pipeline(node.pipe, dot);
          if (node.pipe.decl.length === 0) this.#write(printed(value), node.pipe.at);
          break;
        }
        case 'if':
        case 'with':
          this.#ifOrWith(node, dot);
          break;
        case 'range':
          this.#range(node, dot);
          break;
        case 'break':
          throw new BreakSignal();
        case 'continue':
          throw new ContinueSignal();
      }
    }
  }

  #ifOrWith(node: Control, dot: MaybeValue): void {
    const mark = this.#vars.length;
    const value = this.#pipeline(node.pipe, dot);
    if (isTrue(value)) this.#walk(node.list, node.t === 'with' ? value : dot);
    else if (node.elseList) this.#walk(node.elseList, dot);
    this.#vars.length = mark;
  }

  #range(node: Control, dot: MaybeValue): void {
    const mark = this.#vars.length;
    const value = this.#pipeline(node.pipe, dot);
    const { size, entries } = this.#rangeEntries(value, node);
    const [first, second] = node.pipe.decl;
    // The pipeline's declaration holds the range value; each iteration rebinds it.
    this.#vars.length = mark;
    for (const [key, item] of entries) {
      this.#step(node.at);
      const iterationMark = this.#vars.length;
      if (second) this.#vars.push({ name: first!, value: key }, { name: second, value: item });
      else if (first) this.#vars.push({ name: first, value: item });
      try {
        this.#walk(node.list, item);
      } catch (signal) {
        if (signal instanceof BreakSignal) break;
        if (!(signal instanceof ContinueSignal)) throw signal;
      } finally {
        this.#vars.length = iterationMark;
      }
    }
    if (size === 0 && node.elseList) this.#walk(node.elseList, dot);
    this.#vars.length = mark;
  }

  /**
   * What `range` iterates, made one entry at a time: an iteration costs a step, so a range
   * over a large integer (or nested ranges) must not allocate its entries before the
   * budget has had its say.
   */
  #rangeEntries(value: MaybeValue, node: Control): { size: number; entries: Iterable<[Value, Value]> } {
    if (value === undefined || value === null) return { size: 0, entries: [] };
    if (Array.isArray(value)) {
      const list = value;
      return { size: list.length, entries: indexed(list.length, (i) => [goInt(i), list[i]!]) };
    }
    if (value instanceof GoInt) {
      if (node.pipe.decl.length > 1)
        throw errorAt(this.src, node.at, "can't use 2 variables to range over an integer");
      const count = value.value > BigInt(MAX_STEPS) ? MAX_STEPS + 1 : Number(value.value);
      if (count > MAX_STEPS)
        throw errorAt(this.src, node.at, `the template takes more than ${MAX_STEPS} steps`);
      const size = Math.max(count, 0);
      return { size, entries: indexed(size, (i) => [goInt(i), goInt(i)]) };
    }
    if (isMap(value)) {
      const map = value;
      const keys = sortedKeys(map);
      return { size: keys.length, entries: indexed(keys.length, (i) => [keys[i]!, map[keys[i]!]!]) };
    }
    throw errorAt(this.src, node.at, `range can't iterate over a ${typeName(value)}`);
  }

  #pipeline(pipe: Pipe, dot: MaybeValue): MaybeValue {
    let value: MaybeValue;
    let final: MaybeValue | typeof NO_FINAL = NO_FINAL;
    for (const cmd of pipe.cmds) {
      this.#step(cmd.at);
      value = this.#command(cmd, dot, final);
      // Go turns a nil interface result into "no value" after each command.
      if (value === null) value = undefined;
      final = value;
    }
    for (const name of pipe.decl) this.#declare(pipe, name, value);
    return value;
  }

  #declare(pipe: Pipe, name: string, value: MaybeValue): void {
    if (!pipe.assign) {
      this.#vars.push({ name, value });
      return;
    }
    for (let i = this.#vars.length - 1; i >= 0; i--) {
      if (this.#vars[i]!.name === name) {
        this.#vars[i]!.value = value;
        return;
      }
    }
    throw errorAt(this.src, pipe.at, `undefined variable: ${name}`);
  }

  #command(cmd: Command, dot: MaybeValue, final: MaybeValue | typeof NO_FINAL): MaybeValue {
    const [first, ...rest] = cmd.args;
    if (first!.t === 'func') return this.#call(first!.name, rest, final, dot, first!.at);
    if (rest.length > 0 || final !== NO_FINAL) {
      throw errorAt(this.src, first!.at, "can't give argument to non-function");
    }
    if (first!.t === 'nil') throw errorAt(this.src, first!.at, 'nil is not a command');
    return this.#operand(first!, dot);
  }

  #operand(op: Operand, dot: MaybeValue): MaybeValue {
    switch (op.t) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'bool':
      case 'string':
        return op.value;
      case 'number':
        return numberValue(op);
      case 'field':
        return this.#fields(dot, op.names, op.at);
      case 'var':
        return this.#fields(this.#variable(op.name), op.names, op.at);
      case 'pipe': {
        const value = this.#pipeline(op.pipe, dot);
        return op.names.length === 0 ? value : this.#fields(value, op.names, op.at);
      }
      case 'func':
        return this.#call(op.name, [], NO_FINAL, dot, op.at);
    }
  }

  #variable(name: string): MaybeValue {
    for (let i = this.#vars.length - 1; i >= 0; i--)
      if (this.#vars[i]!.name === name) return this.#vars[i]!.value;
    return undefined;
  }

  /** Go's evalField over map[string]any: own keys only, missing keys by the missingkey option. */
  #fields(receiver: MaybeValue, names: string[], at: number): MaybeValue {
    let value = receiver;
    for (const name of names) {
      this.#step(at);
      if (value === undefined) {
        if (this.options.missingKey === 'error')
          throw errorAt(this.src, at, `nil data; no entry for key "${name}"`);
        continue;
      }
      if (value === null) throw errorAt(this.src, at, `nil pointer evaluating interface {}.${name}`);
      if (!isMap(value))
        throw errorAt(this.src, at, `can't evaluate field ${name} in type ${typeName(value)}`);
      const next = mapGet(value, name);
      if (next !== undefined) value = next;
      else if (this.options.missingKey === 'error')
        throw errorAt(this.src, at, `map has no entry for key "${name}"`);
      else value = this.options.missingKey === 'zero' ? null : undefined;
    }
    return value;
  }

  #call(
    name: string,
    ops: Operand[],
    final: MaybeValue | typeof NO_FINAL,
    dot: MaybeValue,
    at: number,
  ): MaybeValue {
    this.#step(at);
    if (name === 'and' || name === 'or') return this.#andOr(name, ops, final, dot, at);
    const args: Arg[] = ops.map((op) => this.#arg(op, dot));
    if (final !== NO_FINAL) args.push({ value: final });
    try {
      const result = BUILTINS.has(name) ? builtin(name, args) : callSprig(name, SPRIG[name]!, args);
      if (typeof result === 'string') this.#step(at, Math.floor(result.length / 64));
      return result;
    } catch (error) {
      if (error instanceof FunctionError)
        throw errorAt(this.src, at, `error calling ${name}: ${error.message}`);
      throw error;
    }
  }

  #arg(op: Operand, dot: MaybeValue): Arg {
    if (op.t === 'number') {
      return {
        value: numberValue(op),
        literal: { int: op.int !== undefined, float: op.isFloat, text: op.text },
      };
    }
    const value = this.#operand(op, dot);
    if (typeof value === 'string') this.#step(op.at, Math.floor(value.length / 64));
    return { value };
  }

  /** Go 1.18+: and/or stop at the deciding argument and return it, not a bool. */
  #andOr(
    name: string,
    ops: Operand[],
    final: MaybeValue | typeof NO_FINAL,
    dot: MaybeValue,
    at: number,
  ): MaybeValue {
    const count = ops.length + (final === NO_FINAL ? 0 : 1);
    if (count === 0) throw errorAt(this.src, at, `wrong number of args for ${name}: want at least 1 got 0`);
    let value: MaybeValue;
    for (let i = 0; i < count; i++) {
      value = i < ops.length ? this.#operand(ops[i]!, dot) : (final as MaybeValue);
      if (isTrue(value) === (name === 'or')) return value;
    }
    return value;
  }
}

const NO_FINAL = Symbol('no final argument');

/** A number literal used as a value: float64 when written as a float, else int (Go's idealConstant). */
function numberValue(op: NumberLiteral): Value {
  if (op.isFloat && /[.eE]/.test(op.text)) return op.float;
  return goInt(op.int!);
}

/** How an action prints its value: Go's `<no value>` for nil. */
function printed(value: MaybeValue): string {
  return value === undefined || value === null ? '<no value>' : formatValue(value);
}

function callSprig(name: string, f: GoFunction, args: Arg[]): Value {
  const fixed = f.params.length;
  if (f.variadic ? args.length < fixed : args.length !== fixed) {
    throw new FunctionError(
      `wrong number of args for ${name}: want ${f.variadic ? 'at least ' : ''}${fixed} got ${args.length}`,
    );
  }
  const values = args.map((arg, i) => argAs(i < fixed ? f.params[i]! : f.variadic!, arg));
  return f.call(values);
}

// ---------------------------------------------------------------------------------------
// Go's builtins.

function builtin(name: string, args: Arg[]): Value {
  const values = args.map((a) => a.value);
  switch (name) {
    case 'not':
      expectArgs(name, values, 1);
      return !isTrue(values[0]);
    case 'len':
      expectArgs(name, values, 1);
      return goInt(length(values[0]));
    case 'index':
      if (values.length < 1) throw new FunctionError('wrong number of args for index: want at least 1 got 0');
      return index(values[0], values.slice(1));
    case 'print':
      return sprint(values);
    case 'println':
      return `${values.map(argString).join(' ')}\n`;
    case 'printf':
      if (args.length < 1) throw new FunctionError('wrong number of args for printf: want at least 1 got 0');
      return printf(argAs('string', args[0]!) as string, values.slice(1));
    case 'eq':
      if (values.length < 2) throw new FunctionError('missing argument for comparison');
      return values.slice(1).some((other) => compare(values[0], other, 'eq') === 0);
    case 'ne':
      expectArgs(name, values, 2);
      return compare(values[0], values[1], 'eq') !== 0;
    default:
      expectArgs(name, values, 2);
      return ordered(name, compare(values[0], values[1], 'order'));
  }
}

function expectArgs(name: string, values: MaybeValue[], want: number): void {
  if (values.length !== want)
    throw new FunctionError(`wrong number of args for ${name}: want ${want} got ${values.length}`);
}

function ordered(name: string, c: number): boolean {
  if (name === 'lt') return c < 0;
  if (name === 'le') return c <= 0;
  if (name === 'gt') return c > 0;
  return c >= 0;
}

/** Go's comparison of basic kinds: -1, 0 or 1, or 2 for "not equal" (nil against a value). */
function compare(a: MaybeValue, b: MaybeValue, mode: 'eq' | 'order'): number {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if (mode === 'eq' && (ka === 'nil' || kb === 'nil')) return 2;
    throw new FunctionError('incompatible types for comparison');
  }
  if (ka === 'nil') {
    if (mode === 'eq') return 0;
    throw new FunctionError('invalid type for comparison');
  }
  if (ka === 'other')
    throw new FunctionError(mode === 'eq' ? 'non-comparable types' : 'invalid type for comparison');
  if (ka === 'bool') {
    if (mode === 'order') throw new FunctionError('invalid type for comparison');
    return a === b ? 0 : 2;
  }
  const x = ka === 'int' ? (a as GoInt).value : (a as number | string);
  const y = ka === 'int' ? (b as GoInt).value : (b as number | string);
  if (ka === 'string') return Math.sign(compareBytes(x as string, y as string));
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : 2;
}

function basicKind(v: MaybeValue): 'nil' | 'bool' | 'int' | 'float' | 'string' | 'other' {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoInt) return 'int';
  return 'other';
}

function length(v: MaybeValue): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return sortedKeys(v).length;
  if (v === undefined || v === null) throw new FunctionError('len of nil pointer');
  throw new FunctionError(`len of type ${typeName(v)}`);
}

/** Go's index over maps (a missing key is nil, whatever missingkey says) and lists. */
function index(item: MaybeValue, keys: MaybeValue[]): Value {
  let value: MaybeValue = item;
  if (value === undefined || value === null) throw new FunctionError('index of untyped nil');
  for (const key of keys) {
    if (value === null) throw new FunctionError('index of nil pointer');
    if (Array.isArray(value)) {
      if (!(key instanceof GoInt))
        throw new FunctionError(`cannot index slice/array with type ${typeName(key)}`);
      if (key.value < 0n || key.value >= BigInt(value.length)) {
        throw new FunctionError(`index out of range: ${key.value}`);
      }
      value = value[Number(key.value)]!;
    } else if (isMap(value)) {
      if (typeof key !== 'string')
        throw new FunctionError(`value has type ${typeName(key)}; should be string`);
      value = mapGet(value, key) ?? null;
    } else if (typeof value === 'string') {
      throw new FunctionError('index of a string is not supported');
    } else {
      throw new FunctionError(`can't index item of type ${typeName(value)}`);
    }
  }
  return value ?? null;
}

/** An operand as fmt prints it in print and println: nil as `<nil>`. */
function argString(v: MaybeValue): string {
  return formatValue(v);
}

/** fmt.Sprint: a space between operands when neither side is a string. */
function sprint(values: MaybeValue[]): string {
  let out = '';
  values.forEach((v, i) => {
    if (i > 0 && typeof v !== 'string' && typeof values[i - 1] !== 'string') out += ' ';
    out += argString(v);
  });
  return out;
}

/** fmt.Sprintf for the verbs %s %d %v %q %t %%, without flags, width or precision. */
function printf(format: string, args: MaybeValue[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const verb = format[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (!'sdvqt'.includes(verb)) throw new FunctionError(`printf verb or flag %${verb} is not supported`);
    out += next < args.length ? formatVerb(verb, args[next++]) : `%!${verb}(MISSING)`;
  }
  if (next < args.length) {
    const extra = args
      .slice(next)
      .map((v) => (v === undefined || v === null ? '<nil>' : `${typeName(v)}=${argString(v)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

function formatVerb(verb: string, v: MaybeValue): string {
  if (verb === 'v') return argString(v);
  const bad = () =>
    v === undefined || v === null ? `%!${verb}(<nil>)` : `%!${verb}(${typeName(v)}=${argString(v)})`;
  if (Array.isArray(v) || isMap(v))
    throw new FunctionError(`printf %${verb} of a list or map is not supported`);
  switch (verb) {
    case 's':
      return typeof v === 'string' ? v : bad();
    case 'q':
      if (v instanceof GoInt) throw new FunctionError('printf %q of an integer is not supported');
      return typeof v === 'string' ? goQuote(v) : bad();
    case 'd':
      return v instanceof GoInt ? v.value.toString() : bad();
    default:
      return typeof v === 'boolean' ? String(v) : bad();
  }
}

// ---------------------------------------------------------------------------------------

function errorAt(src: string, at: number, message: string): GoTemplateError {
  const before = src.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return new GoTemplateError(`template:${line}:${column}: ${message}`);
}

/** Checks that data is JSON-like (no functions, class instances or cycles) and not too deep. */
function checkData(v: unknown, depth: number): void {
  if (depth > MAX_DATA_DEPTH) throw new GoTemplateError('the template data is nested too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new GoTemplateError('the template data holds a number JSON cannot');
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) checkData(item, depth + 1);
    return;
  }
  if (typeof v === 'object' && !(v instanceof GoInt)) {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      for (const key of Object.keys(v)) checkData((v as Record<string, unknown>)[key], depth + 1);
      return;
    }
  }
  throw new GoTemplateError('the template data is not JSON-like');
}

/**
 * Renders `template` with `data` as Argo CD's ApplicationSet controller would with
 * `goTemplate: true`; throws GoTemplateError for a template error, an unsupported feature or
 * a spent budget.
 */
export function renderGoTemplate(
  template: string,
  data: unknown,
  options?: Partial<GoTemplateOptions>,
): string {
  const full: GoTemplateOptions = { missingKey: options?.missingKey ?? 'default' };
  if (options?.budget) full.budget = options.budget;
  if (template.length > MAX_OUTPUT)
    throw new GoTemplateError(`the template is longer than ${MAX_OUTPUT} characters`);
  if (!options?.dataChecked) checkData(data, 0);
  const root = data === undefined ? undefined : (data as Value);
  return new Evaluator(template, full, root).render(parsed(template), root);
}

/**
 * Parsed templates, for the whole process: an ApplicationSet renders each string of its
 * template once per Application. A tree is only read by evaluation. Bounded.
 */
const parsedTemplates = new Map<string, Node[]>();
const MAX_PARSED_TEMPLATES = 10_000;

function parsed(template: string): Node[] {
  let tree = parsedTemplates.get(template);
  if (!tree) {
    tree = new Parser(template, new Lexer(template).run()).parse();
    if (parsedTemplates.size >= MAX_PARSED_TEMPLATES) parsedTemplates.clear();
    parsedTemplates.set(template, tree);
  }
  return tree;
}

/** `size` entries, each made when the iteration reaches it. */
function* indexed(size: number, entry: (index: number) => [Value, Value]): Generator<[Value, Value]> {
  for (let index = 0; index < size; index++) yield entry(index);
}
