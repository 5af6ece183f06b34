/**
 * A parsed YAML document -> the plain value that later stages walk, copy and print, with
 * its aliases made harmless.
 *
 * yaml's toJS makes an alias the very object of its anchor. An alias inside its own anchor
 * is then a cycle, and one large string or a few nested anchors aliased over and over
 * ("billion laughs") make a value that is small in memory but enormous once printed: the
 * diff of such a document ran out of string length and took the whole run down with it.
 * Here every alias is checked in one pass over the document, and the value of a document
 * with aliases is copied out into a plain tree whose growth over the written text is
 * counted against a budget that all documents of a stream share. The yaml package also
 * resolves each alias by a scan of the document's anchors, so the number of aliases per
 * document is capped too.
 */
import { type Document, isAlias, type Node, visit } from 'yaml';

/** Aliases in one document: plenty for shared blocks, few enough for yaml's alias scan. */
const MAX_ALIASES = 100;

/** Characters that aliases may add to a stream in all: no real manifest comes near it. */
const MAX_ALIAS_GROWTH = 4 * 1024 * 1024;

/**
 * Nesting of a value with aliases. yaml stops an alias-free document at about 800 levels;
 * aliases stack levels beyond that, and every later stage recurses per level.
 */
const MAX_ALIASED_DEPTH = 256;

/** What aliases may still add to the stream being read, in characters. */
export interface AliasBudget {
  remaining: number;
}

export function aliasBudget(): AliasBudget {
  return { remaining: MAX_ALIAS_GROWTH };
}

/** The value, or why it cannot be read and the offset of the alias at fault. */
export type PlainValue = { ok: true; value: unknown } | { ok: false; offset: number; reason: string };

/**
 * Callers parse with `logLevel: 'error'`: toJS otherwise warns on stderr with the text of
 * a collection used as a key.
 */
export function plainValue(document: Document.Parsed, budget: AliasBudget): PlainValue {
  const aliases = checkAliases(document);
  if ('reason' in aliases) return { ok: false, ...aliases };
  // Without aliases the value is a tree no larger than its text.
  if (aliases.first === undefined) return { ok: true, value: document.toJS() };

  const problem = (reason: string): PlainValue => ({ ok: false, offset: aliases.first!, reason });
  let shared: unknown;
  try {
    shared = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // Every alias resolves (checked above), so this is maxAliasCount: yaml weighs an alias
    // of an anchor that holds aliases by the aliases it holds.
    return problem(`the aliases repeat nested anchors more than ${MAX_ALIASES} times`);
  }
  const written = document.range[2] - document.range[0];
  const tree = copyAsTree(shared, written + budget.remaining);
  if (tree === 'too deep') {
    return problem(`the aliases nest the document more than ${MAX_ALIASED_DEPTH} levels deep`);
  }
  if (tree === 'too large') {
    return problem(
      `the aliases add more than ${MAX_ALIAS_GROWTH.toLocaleString('en-US')} characters to what is written`,
    );
  }
  budget.remaining -= Math.max(0, tree.size - written);
  return { ok: true, value: tree.value };
}

/** The offset of the first alias, or the first alias that cannot be expanded and why. */
function checkAliases(document: Document.Parsed): { first?: number } | { offset: number; reason: string } {
  // The anchors seen so far in document order: an alias means the last one of its name.
  const anchors = new Map<string, Node>();
  let count = 0;
  let first: number | undefined;
  let fault: { offset: number; reason: string } | undefined;
  visit(document, {
    Node: (_key, node) => {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return undefined;
      }
      const offset = node.range?.[0] ?? 0;
      first ??= offset;
      count += 1;
      const reason = aliasFault(count, anchors.get(node.source), offset);
      if (reason) fault = { offset, reason };
      return fault ? visit.BREAK : undefined;
    },
  });
  return fault ?? (first === undefined ? {} : { first });
}

/** Why the `count`th alias of a document, at `offset`, naming `anchored`, cannot be expanded. */
function aliasFault(count: number, anchored: Node | undefined, offset: number): string | undefined {
  if (count > MAX_ALIASES) return `a document may hold at most ${MAX_ALIASES} aliases`;
  if (!anchored) return 'an alias names no anchor defined before it';
  const [start, end] = anchored.range ?? [0, 0];
  if (start <= offset && offset < end) return 'an alias inside its own anchor makes the value endless';
  return undefined;
}

/**
 * `value` with every shared object copied out, so that no later change to one place
 * shows up in another, and its size: string lengths, plus one for any other value.
 */
function copyAsTree(
  value: unknown,
  limit: number,
): { value: unknown; size: number } | 'too large' | 'too deep' {
  let size = 0;
  let failure: 'too large' | 'too deep' | undefined;
  const copy = (item: unknown, depth: number): unknown => {
    size += typeof item === 'string' ? item.length : 1;
    if (size > limit) failure = 'too large';
    if (depth > MAX_ALIASED_DEPTH) failure = 'too deep';
    if (failure || item === null || typeof item !== 'object') return item;
    if (Array.isArray(item)) return item.map((entry) => copy(entry, depth + 1));
    const record: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) {
      size += key.length;
      // defineProperty keeps a `__proto__` key a plain key, as yaml's toJS does.
      Object.defineProperty(record, key, {
        value: copy(entry, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return record;
  };
  const tree = copy(value, 0);
  return failure ?? { value: tree, size };
}
