/**
 * The jq of Argo CD's `ignoreDifferences[].jqPathExpressions`: Argo CD compiles each
 * expression E with gojq as `del(E)` and runs it on the live and the desired object before
 * comparing them; when the run raises an error, that object is left as it is. Node has no
 * jq, and an expression comes from the repository, which on a pull request is data: this is
 * a small jq of its own, for the paths these expressions select, that no expression can keep
 * busy for long (compiling is linear in the expression, a run spends a budget of steps) and
 * that treats every key, `__proto__` too, as data.
 *
 * Supported: `.`, `.foo`, `."foo.bar"`, `.["key"]`, `.[0]`, `.[-1]`, `.[]`, each step
 * optionally followed by `?`; `|`, `,` and parentheses; `select(…)`; in conditions,
 * string, number, true, false and null literals, `== != < <= > >=`, `and`, `or`, `not`,
 * `startswith`, `endswith`, `contains` (strings) and `has`, each with a literal argument.
 * Anything else (`..`, variables, regular expressions, `//`, arithmetic, assignment,
 * construction, slices, string interpolation, other functions) is refused when compiling,
 * naming the construct. Where jq 1.6 and gojq differ, gojq wins: `.a.["b"]` is read.
 */

export class JqPathError extends Error {
  override readonly name = 'JqPathError';
}

export interface JqPath {
  readonly expression: string;
  /**
   * Deletes in place every path the expression selects, as jq's del(E) would; returns false
   * (object untouched) when jq would raise an error at run time, when the run takes more
   * than its budget of steps, or when the expression selects the object itself (where jq
   * would leave null). `budget`, when given, is spent and shared by every run given it:
   * many expressions over many objects cannot add up to more (see `jqBudget`).
   */
  remove(object: Record<string, unknown>, budget?: JqBudget): boolean;
}

const MAX_LENGTH = 4096;
const MAX_NESTING = 64;
/** The steps one run may take (items produced, values compared): far beyond any real object. */
const MAX_STEPS = 1_000_000;
/** How deep a comparison descends into a value before it gives up, instead of the stack. */
const MAX_VALUE_DEPTH = 1000;

/** Compiles `expression`; throws JqPathError, saying what and at which column, for what it does not read. */
export function compileJqPath(expression: string): JqPath {
  if (expression.length > MAX_LENGTH) {
    throw new JqPathError(`the expression is longer than ${MAX_LENGTH} characters`);
  }
  const node = new Parser(tokenize(expression)).parse();
  return { expression, remove: (object, budget) => remove(node, object, budget ?? jqBudget(MAX_STEPS)) };
}

// ---- Reading the expression ----

type Key = string | number;
type Literal = string | number | boolean | null;
type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
type Call = 'startswith' | 'endswith' | 'contains' | 'has';

type Node =
  | { t: 'identity' }
  /** `.foo`, `.[0]`, or `.[]` when key is undefined. */
  | { t: 'step'; key: Key | undefined; optional: boolean }
  | { t: 'pipe'; stages: Node[] }
  | { t: 'comma'; branches: Node[] }
  | { t: 'select'; condition: Node }
  | { t: 'literal'; value: Literal }
  | { t: 'compare'; op: CompareOp; left: Node; right: Node }
  | { t: 'logic'; op: 'and' | 'or'; operands: Node[] }
  | { t: 'not' }
  | { t: 'call'; name: Call; argument: Key };

type Token =
  | { kind: 'field' | 'name'; text: string; column: number }
  | { kind: 'string'; text: string; value: string; column: number }
  | { kind: 'number'; text: string; value: number; column: number }
  | { kind: 'punct'; text: string; column: number }
  /** What the lexer cannot read; the parser throws when it gets there, so errors come in order. */
  | { kind: 'refused'; text: string; column: number }
  | { kind: 'end'; text: string; column: number };

const COMPARE_OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
const PUNCTUATION = ['==', '!=', '<=', '>=', '.', '[', ']', '(', ')', '|', ',', '?', '<', '>', '-', ':', ';'];
/** Operators jq has and this subset refuses, longest first, with what they are. */
const REFUSED_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['?//', 'alternative destructuring (?//) is not supported'],
  ['//=', 'assignment (//=) is not supported'],
  ['|=', 'assignment (|=) is not supported'],
  ['+=', 'assignment (+=) is not supported'],
  ['-=', 'assignment (-=) is not supported'],
  ['*=', 'assignment (*=) is not supported'],
  ['/=', 'assignment (/=) is not supported'],
  ['%=', 'assignment (%=) is not supported'],
  ['//', 'the alternative operator (//) is not supported'],
  ['=', 'assignment (=) is not supported'],
  ['+', 'arithmetic (+) is not supported'],
  ['*', 'arithmetic (*) is not supported'],
  ['/', 'arithmetic (/) is not supported'],
  ['%', 'arithmetic (%) is not supported'],
  ['{', 'object construction ({…}) is not supported'],
  ['$', 'variables ($name) are not supported'],
  ['@', 'formats (@name) are not supported'],
  ['#', 'comments (#) are not supported'],
];
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const KEYWORDS = new Set(
  'if then elif else end as def reduce foreach try catch label import include and or __loc__'.split(' '),
);
const REGEX_FUNCTIONS = new Set(['test', 'match', 'capture', 'scan', 'split', 'splits', 'sub', 'gsub']);

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (token: Token, length: number) => {
    tokens.push(token);
    at += length;
  };
  while (at < expression.length) {
    const char = expression[at]!;
    const column = at + 1;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
      continue;
    }
    const word = sticky(IDENTIFIER, expression, at + (char === '.' ? 1 : 0));
    const number = sticky(NUMBER, expression, at);
    const refused = expression.startsWith('==', at)
      ? undefined
      : REFUSED_OPERATORS.find(([operator]) => expression.startsWith(operator, at));
    if (expression.startsWith('..', at)) {
      tokens.push({ kind: 'refused', text: 'recursive descent (..) is not supported', column });
      return tokens;
    } else if (char === '.' && word) {
      push({ kind: 'field', text: word, column }, word.length + 1);
    } else if (number) {
      push({ kind: 'number', text: number, value: Number(number), column }, number.length);
    } else if (word) {
      push({ kind: 'name', text: word, column }, word.length);
    } else if (char === '"') {
      const string = readString(expression, at);
      if (string.kind === 'refused') {
        tokens.push(string);
        return tokens;
      }
      push(string, string.text.length);
    } else if (refused) {
      tokens.push({ kind: 'refused', text: refused[1], column });
      return tokens;
    } else {
      const punct = PUNCTUATION.find((candidate) => expression.startsWith(candidate, at));
      if (!punct) {
        tokens.push({ kind: 'refused', text: `unexpected character ${quote(char)}`, column });
        return tokens;
      }
      push({ kind: 'punct', text: punct, column }, punct.length);
    }
  }
  tokens.push({ kind: 'end', text: '', column: expression.length + 1 });
  return tokens;
}

/** What a fixed sticky pattern matches at `at` (linear: neither pattern backtracks). */
function sticky(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** The string literal starting at `start` (its text is the literal as written), or why it is refused. */
function readString(expression: string, start: number): Token {
  const column = start + 1;
  let value = '';
  for (let at = start + 1; at < expression.length; at++) {
    const char = expression[at]!;
    if (char === '"') return { kind: 'string', text: expression.slice(start, at + 1), value, column };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = expression[++at];
    const hex = expression.slice(at + 1, at + 5);
    if (escaped === '(') {
      return { kind: 'refused', text: 'string interpolation (\\(…)) is not supported', column: at };
    } else if (escaped === 'u' && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      value += String.fromCharCode(Number.parseInt(hex, 16));
      at += 4;
    } else if (escaped !== undefined && Object.hasOwn(ESCAPES, escaped)) {
      value += ESCAPES[escaped];
    } else {
      return { kind: 'refused', text: 'the string has an invalid escape', column: at };
    }
  }
  return { kind: 'refused', text: 'the string is not closed', column };
}

/** A token as an error message may show it: itself, cut short if long. */
function quote(text: string): string {
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);
}

class Parser {
  #at = 0;
  #depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    if (this.#peek().kind === 'end') this.#fail('the expression is empty', this.#peek());
    const node = this.#pipe();
    const rest = this.#peek();
    if (rest.kind !== 'end') this.#unexpected(rest);
    return node;
  }

  #peek(offset = 0): Token {
    const token = this.tokens[Math.min(this.#at + offset, this.tokens.length - 1)]!;
    if (token.kind === 'refused' && offset === 0) this.#fail(token.text, token);
    return token;
  }

  #next(): Token {
    const token = this.#peek();
    this.#at++;
    return token;
  }

  #isPunct(text: string, offset = 0): boolean {
    const token = this.tokens[this.#at + offset];
    return token?.kind === 'punct' && token.text === text;
  }

  #expect(text: string, what: string): void {
    if (!this.#isPunct(text)) {
      const token = this.#peek();
      if (token.kind === 'punct' && (token.text === '-' || token.text === ';')) this.#unexpected(token);
      this.#fail(`expected ${what}`, token);
    }
    this.#at++;
  }

  #fail(message: string, token: Token): never {
    throw new JqPathError(`${message} (column ${token.column})`);
  }

  #unexpected(token: Token): never {
    if (token.kind === 'punct' && token.text === '-') this.#fail('arithmetic (-) is not supported', token);
    if (token.kind === 'punct' && token.text === ';') {
      this.#fail('functions of several arguments (;) are not supported', token);
    }
    if (token.kind === 'end') this.#fail('the expression ends too early', token);
    this.#fail(`unexpected ${quote(token.text)}`, token);
  }

  /** `a | b`, the loosest. */
  #pipe(): Node {
    const stages = [this.#comma()];
    while (this.#isPunct('|')) {
      this.#at++;
      stages.push(this.#comma());
    }
    return stages.length === 1 ? stages[0]! : { t: 'pipe', stages };
  }

  /** The expression inside parentheses or select(…), `)` and all: the one way to nest, so counted here. */
  #nested(what: string): Node {
    if (++this.#depth > MAX_NESTING) {
      this.#fail(`the expression is nested deeper than ${MAX_NESTING} levels`, this.#peek());
    }
    const node = this.#pipe();
    this.#expect(')', what);
    this.#depth--;
    return node;
  }

  #comma(): Node {
    const branches = [this.#logic('or')];
    while (this.#isPunct(',')) {
      this.#at++;
      branches.push(this.#logic('or'));
    }
    return branches.length === 1 ? branches[0]! : { t: 'comma', branches };
  }

  /** `a or b` over `a and b`, both binding to the left, as in jq. */
  #logic(op: 'and' | 'or'): Node {
    const operand = () => (op === 'or' ? this.#logic('and') : this.#compare());
    const operands = [operand()];
    for (let token = this.#peek(); token.kind === 'name' && token.text === op; token = this.#peek()) {
      this.#at++;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0]! : { t: 'logic', op, operands };
  }

  #compare(): Node {
    const left = this.#postfix();
    const token = this.#peek();
    if (token.kind !== 'punct' || !COMPARE_OPS.includes(token.text)) return left;
    this.#at++;
    const right = this.#postfix();
    const after = this.#peek();
    if (after.kind === 'punct' && COMPARE_OPS.includes(after.text)) {
      this.#fail('comparisons cannot be chained (jq does not read a == b == c)', after);
    }
    return { t: 'compare', op: token.text as CompareOp, left, right };
  }

  /** A term and its steps: `.a.b[0][]?."c.d"`. */
  #postfix(): Node {
    const stages = [this.#primary()];
    for (;;) {
      const token = this.#peek();
      if (token.kind === 'field') {
        this.#at++;
        stages.push({ t: 'step', key: token.text, optional: false });
      } else if (this.#isPunct('.') && this.tokens[this.#at + 1]?.kind === 'string') {
        this.#at++;
        stages.push(this.#quotedField());
      } else if (this.#isPunct('.') && this.#isPunct('[', 1)) {
        this.#at++; // gojq reads `.a.["b"]` and `.a.[]` as `.a["b"]` and `.a[]`
      } else if (this.#isPunct('[')) {
        stages.push(this.#bracket());
      } else if (this.#isPunct('?')) {
        const last = stages[stages.length - 1]!;
        if (last.t !== 'step') this.#fail('? is supported only after a step (.foo?, .[]?)', token);
        this.#at++;
        last.optional = true;
      } else {
        return stages.length === 1 ? stages[0]! : { t: 'pipe', stages };
      }
    }
  }

  #primary(): Node {
    const token = this.#peek();
    if (token.kind === 'field') {
      this.#at++;
      return { t: 'step', key: token.text, optional: false };
    }
    if (token.kind === 'string' || token.kind === 'number') {
      this.#at++;
      return { t: 'literal', value: token.value };
    }
    if (token.kind === 'name') return this.#named();
    if (token.kind !== 'punct') this.#unexpected(token);
    switch (token.text) {
      case '.':
        this.#at++;
        if (this.#peek().kind === 'string') return this.#quotedField();
        return this.#isPunct('[') ? this.#bracket() : { t: 'identity' };
      case '-':
        return { t: 'literal', value: this.#negative() };
      case '(':
        this.#at++;
        return this.#nested(')');
      case '[':
        return this.#fail('array construction ([…]) is not supported', token);
      default:
        return this.#unexpected(token);
    }
  }

  #quotedField(): Node {
    const token = this.#next() as Extract<Token, { kind: 'string' }>;
    return { t: 'step', key: token.value, optional: false };
  }

  /** `[]`, `["key"]`, `[0]` or `[-1]`; a slice or a computed index is refused. */
  #bracket(): Node {
    const open = this.#next();
    if (this.#isPunct(']')) {
      this.#at++;
      return { t: 'step', key: undefined, optional: false };
    }
    const token = this.#peek();
    let key: Key | undefined;
    if (token.kind === 'string') {
      this.#at++;
      key = token.value;
    } else if (token.kind === 'number' || this.#isPunct('-')) {
      key = this.#number();
      if (!Number.isInteger(key)) this.#fail('an array index must be an integer', token);
    }
    if (this.#isPunct(':')) this.#fail('array slices (.[a:b]) are not supported', this.#peek());
    if (key === undefined || !this.#isPunct(']')) {
      this.#fail('computed indexes (.[expression]) are not supported; write a literal key or integer', open);
    }
    this.#at++;
    return { t: 'step', key, optional: false };
  }

  /** A number literal, perhaps negative (jq reads `-1` as minus applied to 1). */
  #number(): number {
    const token = this.#peek();
    if (token.kind !== 'number') return this.#negative();
    this.#at++;
    return token.value;
  }

  #negative(): number {
    const minus = this.#next();
    const token = this.#peek();
    if (token.kind !== 'number') return this.#fail('arithmetic (-) is not supported', minus);
    this.#at++;
    return -token.value;
  }

  #named(): Node {
    const token = this.#next();
    const name = token.text;
    if (name === 'true' || name === 'false') return { t: 'literal', value: name === 'true' };
    if (name === 'null') return { t: 'literal', value: null };
    if (name === 'not') {
      if (this.#isPunct('(')) this.#fail('not takes no argument: write … | not', token);
      return { t: 'not' };
    }
    if (name === 'select') {
      if (!this.#isPunct('(')) this.#fail('select needs a condition: select(…)', token);
      this.#at++;
      return { t: 'select', condition: this.#nested(') after the condition of select') };
    }
    if (name === 'startswith' || name === 'endswith' || name === 'contains' || name === 'has') {
      return { t: 'call', name, argument: this.#literalArgument(name, token) };
    }
    if (REGEX_FUNCTIONS.has(name)) this.#fail(`regular expressions (${name}) are not supported`, token);
    if (KEYWORDS.has(name)) this.#fail(`${quote(name)} is not supported`, token);
    return this.#fail(`the function ${quote(name)} is not supported`, token);
  }

  /** The one literal argument of a call: a string, or for has also an integer. */
  #literalArgument(name: Call, call: Token): Key {
    this.#expect('(', `( after ${name}`);
    const token = this.#peek();
    let argument: Key | undefined;
    if (token.kind === 'string') {
      this.#at++;
      argument = token.value;
    } else if (name === 'has' && (token.kind === 'number' || this.#isPunct('-'))) {
      argument = this.#number();
      if (!Number.isInteger(argument)) argument = undefined;
    }
    if (argument === undefined || !this.#isPunct(')')) {
      const what = name === 'has' ? 'a literal string or integer' : 'a literal string';
      this.#fail(`${name} takes ${what} here`, call);
    }
    this.#at++;
    return argument;
  }
}

// ---- Running it ----

type Container = unknown[] | Record<string, unknown>;
/**
 * Where an item sits, for del: in a container under a key, the object itself, or nowhere
 * (under null or a missing key, where deleting does nothing).
 */
type Place = { parent: Container; key: Key } | typeof ROOT | typeof NOWHERE;
/** A value with its place; values made by the expression (literals, comparisons) have none. */
interface Item {
  readonly value: unknown;
  readonly place?: Place;
}
interface Budget {
  steps: number;
}

/** Steps runs may take in all; spent when `steps` is below zero. */
export type JqBudget = Budget;

export function jqBudget(steps: number): JqBudget {
  return { steps };
}

const ROOT = Symbol('root');
const NOWHERE = Symbol('nowhere');
const MISSING: Item = { value: null, place: NOWHERE };

/** A run that raises an error, or runs out of budget: del leaves the object as it is. */
class Raised extends Error {}

function remove(node: Node, object: Record<string, unknown>, budget: Budget): boolean {
  let selected: Item[];
  try {
    selected = run(node, { value: object, place: ROOT }, 'path', budget);
  } catch (error) {
    if (error instanceof Raised) return false;
    throw error;
  }
  return deleteAll(selected);
}

/**
 * Deletes the places of `items` together, each index meaning what it meant before any
 * deletion (gojq marks, then sweeps; jq deletes from the last path). Deleting the object
 * itself would leave null, which cannot be done in place: false, and nothing deleted.
 * Containers are told apart by identity: the object is a tree, as JSON.parse makes it (a
 * container shared by two places, as YAML anchors may make, loses its items in both).
 */
function deleteAll(items: Item[]): boolean {
  const marks = new Map<Container, Set<Key>>();
  for (const { place } of items) {
    if (place === ROOT) return false;
    if (place === undefined || place === NOWHERE) continue;
    const keys = marks.get(place.parent) ?? new Set<Key>();
    keys.add(place.key);
    marks.set(place.parent, keys);
  }
  for (const [container, keys] of marks) {
    if (Array.isArray(container)) {
      let kept = 0;
      for (let index = 0; index < container.length; index++) {
        if (!keys.has(index)) container[kept++] = container[index];
      }
      container.length = kept;
    } else {
      for (const key of keys) delete container[key as string];
    }
  }
  return true;
}

/**
 * The items `node` yields on `input`, each once. Every output of a subset expression is a
 * function of its place (or, for made values, of the value), so keeping one of each changes
 * neither what is deleted nor whether the run raises, and keeps every list within the
 * object's size. In 'path' mode (del's argument) a made value raises, as in jq.
 */
function run(node: Node, input: Item, mode: 'path' | 'value', budget: Budget): Item[] {
  switch (node.t) {
    case 'identity':
      return [input];
    case 'step': {
      const outputs = step(node.key, input.value, budget);
      if (outputs) return outputs;
      if (node.optional) return [];
      throw new Raised('jq cannot take this step on this value');
    }
    case 'pipe': {
      let items = [input];
      for (const stage of node.stages) {
        const next = new Items(budget);
        for (const item of items) next.addAll(run(stage, item, mode, budget));
        items = next.list;
      }
      return items;
    }
    case 'comma': {
      const all = new Items(budget);
      for (const branch of node.branches) all.addAll(run(branch, input, mode, budget));
      return all.list;
    }
    case 'select':
      return run(node.condition, input, 'value', budget).some(({ value }) => truthy(value)) ? [input] : [];
    default:
      if (mode === 'path') throw new Raised('jq: invalid path expression');
      return made(node, input, budget).map((value) => ({ value }));
  }
}

type MadeNode = Extract<Node, { t: 'literal' | 'not' | 'call' | 'compare' | 'logic' }>;

/** The values the value-only nodes make: literals, comparisons, logic and calls. */
function made(node: MadeNode, input: Item, budget: Budget): Literal[] {
  switch (node.t) {
    case 'literal':
      return [node.value];
    case 'not':
      return [!truthy(input.value)];
    case 'call':
      return [call(node.name, node.argument, input.value, budget)];
    case 'compare':
      return compared(node.op, node.left, node.right, input, budget);
    case 'logic':
      return logic(node.op, node.operands, input, budget);
  }
}

/**
 * `.foo`, `.[n]` and `.[]` on one value; undefined where jq raises an error. Indexing null
 * yields null, and a missing key or index yields null from nowhere.
 */
function step(key: Key | undefined, value: unknown, budget: Budget): Item[] | undefined {
  if (key === undefined) {
    if (Array.isArray(value)) {
      spend(budget, value.length);
      return value.map((child, index) => ({ value: child, place: { parent: value, key: index } }));
    }
    if (!isObject(value)) return undefined;
    const keys = Object.keys(value);
    spend(budget, keys.length);
    return keys.map((name) => ({ value: value[name], place: { parent: value, key: name } }));
  }
  if (value === null || value === undefined) return [MISSING];
  if (typeof key === 'string') {
    if (!isObject(value)) return undefined;
    return Object.hasOwn(value, key) ? [{ value: value[key], place: { parent: value, key } }] : [MISSING];
  }
  if (!Array.isArray(value)) return undefined;
  const index = key < 0 ? key + value.length : key;
  return index >= 0 && index < value.length
    ? [{ value: value[index], place: { parent: value, key: index } }]
    : [MISSING];
}

/** `left op right`: for each output of the right side (first, as jq does), each of the left. */
function compared(op: CompareOp, left: Node, right: Node, input: Item, budget: Budget): boolean[] {
  const rights = run(right, input, 'value', budget);
  if (rights.length === 0) return [];
  const lefts = run(left, input, 'value', budget);
  const results = new Set<boolean>();
  for (const r of rights) {
    for (const l of lefts) {
      results.add(holds(op, compare(l.value, r.value, budget, 0)));
      if (results.size === 2) return [...results];
    }
  }
  return [...results];
}

function holds(op: CompareOp, order: number): boolean {
  switch (op) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** `a and b` (or): b runs only when some output of a does not decide alone, as in jq. */
function logic(op: 'and' | 'or', operands: Node[], input: Item, budget: Budget): boolean[] {
  const decides = op === 'or';
  let values = run(operands[0]!, input, 'value', budget).map(({ value }) => truthy(value));
  for (const operand of operands.slice(1)) {
    const results = new Set<boolean>();
    if (values.includes(decides)) results.add(decides);
    if (values.includes(!decides)) {
      for (const { value } of run(operand, input, 'value', budget)) results.add(truthy(value));
    }
    values = [...results];
  }
  return values;
}

function call(name: Call, argument: Key, value: unknown, budget: Budget): boolean {
  if (name === 'has') {
    if (value === null || value === undefined) return false; // gojq and jq 1.6 agree
    if (typeof argument === 'string' && isObject(value)) return Object.hasOwn(value, argument);
    if (typeof argument === 'number' && Array.isArray(value)) return argument >= 0 && argument < value.length;
    throw new Raised('jq: has cannot check this key on this value');
  }
  if (typeof value !== 'string') throw new Raised(`jq: ${name} needs a string`);
  spend(budget, 1 + (value.length >> 8));
  const text = argument as string;
  if (name === 'startswith') return value.startsWith(text);
  if (name === 'endswith') return value.endsWith(text);
  return value.includes(text);
}

/** jq's order: null < false < true < numbers < strings < arrays < objects, then by content. */
function compare(a: unknown, b: unknown, budget: Budget, depth: number): number {
  spend(budget, 1);
  if (depth > MAX_VALUE_DEPTH) throw new Raised('the values are nested too deeply to compare');
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number') return compareNumbers(a, b as number);
  if (typeof a === 'string') return compareStrings(a, b as string, budget);
  if (Array.isArray(a)) return compareArrays(a, b as unknown[], budget, depth);
  if (isObject(a)) {
    const objectB = b as Record<string, unknown>;
    const keysA = sortedKeys(a, budget);
    const keysB = sortedKeys(objectB, budget);
    const order = compareArrays(keysA, keysB, budget, depth);
    if (order !== 0) return order;
    for (const key of keysA) {
      const valueOrder = compare(a[key], objectB[key], budget, depth + 1);
      if (valueOrder !== 0) return valueOrder;
    }
  }
  return 0;
}

/** As gojq: NaN (YAML's .nan) sorts below every number. */
function compareNumbers(a: number, b: number): number {
  if (a < b || Number.isNaN(a)) return -1;
  return a === b ? 0 : 1;
}

function compareArrays(a: unknown[], b: unknown[], budget: Budget, depth: number): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compare(a[index], b[index], budget, depth + 1);
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}

function sortedKeys(object: Record<string, unknown>, budget: Budget): string[] {
  const keys = Object.keys(object);
  spend(budget, keys.length);
  return keys.sort((x, y) => compareStrings(x, y, budget));
}

/**
 * Strings in code point order, as jq and gojq compare their UTF-8 bytes. UTF-16 code units
 * agree with it except that surrogates (U+D800–DFFF, halves of code points above U+FFFF)
 * must sort after U+E000–FFFF: the first differing unit is weighed accordingly.
 */
function compareStrings(a: string, b: string, budget: Budget): number {
  const length = Math.min(a.length, b.length);
  spend(budget, length >> 8);
  for (let index = 0; index < length; index++) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x !== y) return Math.sign(weight(x) - weight(y));
  }
  return Math.sign(a.length - b.length);
}

function weight(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}

function rank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'boolean') return value ? 2 : 1;
  if (typeof value === 'number') return 3;
  if (typeof value === 'string') return 4;
  return Array.isArray(value) ? 5 : 6;
}

function truthy(value: unknown): boolean {
  return value !== false && value !== null && value !== undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function spend(budget: Budget, steps: number): void {
  budget.steps -= steps;
  if (budget.steps < 0) throw new Raised('the expression takes too many steps on this object');
}

/** A list of items keeping the first of each place (or, for made values, of each value). */
class Items {
  readonly list: Item[] = [];
  readonly #places = new Map<Container, Set<Key>>();
  readonly #others = new Set<unknown>();
  constructor(private readonly budget: Budget) {}

  addAll(items: Item[]): void {
    spend(this.budget, items.length);
    for (const item of items) this.#add(item);
  }

  #add(item: Item): void {
    const { place } = item;
    if (place === undefined || place === ROOT || place === NOWHERE) {
      const identity = place ?? item.value;
      if (this.#others.has(identity)) return;
      this.#others.add(identity);
    } else {
      const keys = this.#places.get(place.parent) ?? new Set<Key>();
      if (keys.has(place.key)) return;
      keys.add(place.key);
      this.#places.set(place.parent, keys);
    }
    this.list.push(item);
  }
}
