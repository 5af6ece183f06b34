/**
 * The regular expressions of Flux selectors (`target.kind: Deployment|StatefulSet`,
 * `target.name: podinfo-.*`), matched as Flux matches them: RE2 syntax, anchored at both
 * ends. A pattern comes from the repository, which on a pull request is data: it is
 * matched in time linear in the text (a Thompson NFA run breadth first, as RE2 does), so
 * no pattern can make a plan backtrack for ever, as one run through JavaScript's RegExp
 * could. Pure.
 *
 * Supported: literals and escapes, `.`, classes (`[a-z]`, `[^.]`, `\d \w \s` and their
 * negations), groups (`(…)`, `(?:…)`, `(?P<name>…)`), `|`, `* + ?`, `{n}`, `{n,}`, `{n,m}`
 * (lazy forms too: only whether a name matches counts), and `^ $ \A \z`. Flags, word
 * boundaries, Unicode classes and POSIX classes are refused, naming the pattern's problem.
 */

/** The largest count of `{n,m}` (RE2's own limit), and of states one pattern may compile to. */
const MAX_REPEAT = 1000;
const MAX_STATES = 20_000;

export class PatternError extends Error {
  override readonly name = 'PatternError';
}

type CharTest = (c: string) => boolean;

type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'assert'; at: 'start' | 'end' };

type State =
  | { t: 'char'; test: CharTest; out: number }
  | { t: 'eps'; outs: number[] }
  | { t: 'assert'; at: 'start' | 'end'; out: number }
  | { t: 'accept' };

export interface Pattern {
  /** Whether the whole of `text` matches; throws PatternError once the budget is spent. */
  matches(text: string): boolean;
}

/**
 * The steps (NFA states visited) the patterns sharing it may take together. One match is
 * linear, but a large pattern against many names adds up: the patterns of one comparison
 * share one budget, and spending it fails that comparison instead of holding up the plan.
 */
export interface MatchBudget {
  steps: number;
}

/** A budget of about a second of matching. */
export function matchBudget(steps = 20_000_000): MatchBudget {
  return { steps };
}

/** Compiles `source` as an anchored RE2 pattern; throws PatternError for what it cannot read. */
export function compilePattern(source: string, budget: MatchBudget = matchBudget()): Pattern {
  if (source.length > 1000) throw new PatternError('the pattern is longer than 1000 characters');
  const node = new Parser(Array.from(source)).parse();
  const states: State[] = [{ t: 'accept' }];
  const start = compile(node, 0, states);
  return { matches: (text) => run(states, start, Array.from(text), budget) };
}

function add(states: State[], state: State): number {
  if (states.length >= MAX_STATES) throw new PatternError('the pattern is too large');
  states.push(state);
  return states.length - 1;
}

/** The NFA of `node` followed by state `next`; returns its start state. */
function compile(node: Node, next: number, states: State[]): number {
  switch (node.t) {
    case 'char':
      return add(states, { t: 'char', test: node.test, out: next });
    case 'assert':
      return add(states, { t: 'assert', at: node.at, out: next });
    case 'cat': {
      let start = next;
      for (const item of [...node.items].reverse()) start = compile(item, start, states);
      return start;
    }
    case 'alt':
      return add(states, { t: 'eps', outs: node.options.map((option) => compile(option, next, states)) });
    case 'rep': {
      let start = next;
      if (node.max === Number.POSITIVE_INFINITY) {
        const loop = add(states, { t: 'eps', outs: [] });
        (states[loop] as { outs: number[] }).outs = [compile(node.node, loop, states), next];
        start = loop;
      } else {
        for (let i = node.min; i < node.max; i++) {
          start = add(states, { t: 'eps', outs: [compile(node.node, start, states), next] });
        }
      }
      for (let i = 0; i < node.min; i++) start = compile(node.node, start, states);
      return start;
    }
  }
}

function run(states: State[], start: number, text: string[], budget: MatchBudget): boolean {
  let current = closure(states, [start], 0, text.length);
  for (let position = 0; position < text.length; position++) {
    budget.steps -= current.length;
    if (budget.steps < 0) throw new PatternError('matching the patterns takes too long');
    const c = text[position]!;
    const next: number[] = [];
    for (const index of current) {
      const state = states[index]!;
      if (state.t === 'char' && state.test(c)) next.push(state.out);
    }
    if (next.length === 0) return false;
    current = closure(states, next, position + 1, text.length);
  }
  return current.some((index) => states[index]!.t === 'accept');
}

/** The states reachable without reading a character, at `position` of a text of `length`. */
function closure(states: State[], from: number[], position: number, length: number): number[] {
  const seen = new Set<number>();
  const result: number[] = [];
  const stack = [...from];
  while (stack.length > 0) {
    const index = stack.pop()!;
    if (seen.has(index)) continue;
    seen.add(index);
    const state = states[index]!;
    if (state.t === 'eps') stack.push(...state.outs);
    else if (state.t === 'assert') {
      if (state.at === 'start' ? position === 0 : position === length) stack.push(state.out);
    } else result.push(index);
  }
  return result;
}

const isDigit: CharTest = (c) => c >= '0' && c <= '9';
const isWord: CharTest = (c) => isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isSpace: CharTest = (c) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r' || c === '\v';
const not =
  (test: CharTest): CharTest =>
  (c) =>
    !test(c);

const CLASS_ESCAPES: Record<string, CharTest> = {
  d: isDigit,
  D: not(isDigit),
  w: isWord,
  W: not(isWord),
  s: isSpace,
  S: not(isSpace),
};

const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', a: '\x07' };

class Parser {
  #at = 0;
  constructor(private readonly chars: string[]) {}

  parse(): Node {
    const node = this.#alternation();
    if (this.#at < this.chars.length) throw new PatternError('the pattern has an unmatched )');
    return node;
  }

  #peek(offset = 0): string | undefined {
    return this.chars[this.#at + offset];
  }

  #alternation(): Node {
    const options = [this.#concatenation()];
    while (this.#peek() === '|') {
      this.#at++;
      options.push(this.#concatenation());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  #concatenation(): Node {
    const items: Node[] = [];
    for (let c = this.#peek(); c !== undefined && c !== '|' && c !== ')'; c = this.#peek()) {
      items.push(this.#repetition());
    }
    return { t: 'cat', items };
  }

  #repetition(): Node {
    const atom = this.#atom();
    const bounds = this.#quantifier();
    if (!bounds) return atom;
    if (this.#peek() === '?') this.#at++; // lazy: the same set of matches
    if (this.#quantifier()) throw new PatternError('the pattern repeats a repetition');
    if (atom.t === 'assert') throw new PatternError('the pattern repeats an anchor');
    return { t: 'rep', node: atom, ...bounds };
  }

  #quantifier(): { min: number; max: number } | undefined {
    const c = this.#peek();
    if (c === '*' || c === '+' || c === '?') {
      this.#at++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Number.POSITIVE_INFINITY };
    }
    if (c !== '{') return undefined;
    const rest = this.chars.slice(this.#at, this.#at + 16).join('');
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!braces) return undefined; // a literal {, as in RE2
    const min = Number(braces[1]);
    const max =
      braces[2] === undefined ? min : braces[3] === '' ? Number.POSITIVE_INFINITY : Number(braces[3]);
    if (min > MAX_REPEAT || (max !== Number.POSITIVE_INFINITY && max > MAX_REPEAT) || max < min) {
      throw new PatternError('the pattern has a repetition count RE2 refuses');
    }
    this.#at += Array.from(braces[0]).length;
    return { min, max };
  }

  #atom(): Node {
    const c = this.chars[this.#at++]!;
    switch (c) {
      case '(':
        return this.#group();
      case '[':
        return { t: 'char', test: this.#class() };
      case '.':
        return { t: 'char', test: (x) => x !== '\n' };
      case '^':
        return { t: 'assert', at: 'start' };
      case '$':
        return { t: 'assert', at: 'end' };
      case '*':
      case '+':
      case '?':
        throw new PatternError('the pattern has a repetition with nothing to repeat');
      case '\\':
        return this.#escape();
      default:
        return literal(c);
    }
  }

  #group(): Node {
    if (this.#peek() === '?') {
      const rest = this.chars.slice(this.#at, this.#at + 200).join('');
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
      if (this.#peek(1) === ':') this.#at += 2;
      else if (named) this.#at += named[0].length;
      else throw new PatternError('the pattern sets flags, which plumbline does not read');
    }
    const node = this.#alternation();
    if (this.#peek() !== ')') throw new PatternError('the pattern has an unclosed (');
    this.#at++;
    return node;
  }

  #escape(): Node {
    const c = this.chars[this.#at++];
    if (c === undefined) throw new PatternError('the pattern ends with a lone \\');
    if (c === 'A') return { t: 'assert', at: 'start' };
    if (c === 'z') return { t: 'assert', at: 'end' };
    const test = CLASS_ESCAPES[c];
    if (test) return { t: 'char', test };
    return literal(this.#escapedCharacter(c));
  }

  /** The character an escape other than a class stands for. */
  #escapedCharacter(c: string): string {
    const control = CONTROL_ESCAPES[c];
    if (control) return control;
    if (/^[A-Za-z0-9]$/.test(c)) {
      throw new PatternError(`the pattern has the escape \\${c}, which plumbline does not read`);
    }
    return c;
  }

  #class(): CharTest {
    const negated = this.#peek() === '^';
    if (negated) this.#at++;
    const tests: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.chars[this.#at++];
      if (c === undefined) throw new PatternError('the pattern has an unclosed [');
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.#peek() === ':') {
        throw new PatternError('the pattern has a POSIX class, which plumbline does not read');
      }
      let low = c;
      if (c === '\\') {
        const escaped = this.chars[this.#at++];
        if (escaped === undefined) throw new PatternError('the pattern has an unclosed [');
        const test = CLASS_ESCAPES[escaped];
        if (test) {
          tests.push(test);
          continue;
        }
        low = this.#escapedCharacter(escaped);
      }
      if (this.#peek() === '-' && this.#peek(1) !== undefined && this.#peek(1) !== ']') {
        this.#at++;
        let high = this.chars[this.#at++]!;
        if (high === '\\') high = this.#escapedCharacter(this.chars[this.#at++] ?? '\\');
        if (high < low) throw new PatternError('the pattern has a class range that runs backwards');
        tests.push((x) => x >= low && x <= high);
      } else {
        tests.push((x) => x === low);
      }
    }
    const inClass: CharTest = (x) => tests.some((test) => test(x));
    return negated ? not(inClass) : inClass;
  }
}

function literal(c: string): Node {
  return { t: 'char', test: (x) => x === c };
}
