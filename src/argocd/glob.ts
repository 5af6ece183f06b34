/**
 * The glob patterns Argo CD reads (a directory source's include and exclude, gobwas/glob;
 * a git generator's directories, Go's path.Match; its files, git pathspecs) as patterns of
 * flux/pattern.ts, matched in linear time: a pattern comes from the repository, and a
 * backtracking RegExp could be kept busy for ever by `*a*a*a…`.
 *
 * The dialects differ in what `*` and `?` cross, in braces (`{a,b}`), in a backslash
 * escaping the next character and in how a class is negated; the rest is one syntax.
 */
import { compilePattern, type MatchBudget, type Pattern } from '../flux/pattern.js';

export interface GlobDialect {
  /** What `*` and `?` stand for, as patterns: `.*` crosses folders, `[^/]*` does not. */
  star: string;
  one: string;
  braces: boolean;
  backslashEscapes: boolean;
  /** The characters that negate a class when they open it (`[!a]`, `[^a]`). */
  negations: string;
}

/**
 * gobwas/glob compiled without separators, as Argo CD compiles a directory source's
 * include and exclude and matches ignoreDifferences' group and kind.
 */
export const GOBWAS_GLOBS: GlobDialect = {
  star: '.*',
  one: '.',
  braces: true,
  backslashEscapes: true,
  negations: '!',
};

/** The pattern, compiled; undefined when it does not compile (it then matches nothing, as in Argo CD). */
export function compileGlob(pattern: string, dialect: GlobDialect, budget: MatchBudget): Pattern | undefined {
  let source = '';
  let depth = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') {
      source += dialect.star;
      while (pattern[index + 1] === '*') index++;
    } else if (char === '?') {
      source += dialect.one;
    } else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end < 0) return undefined;
      let body = pattern.slice(index + 1, end);
      if (dialect.backslashEscapes) body = body.replace(/\\/g, '\\\\');
      source += dialect.negations.includes(body[0]!) ? `[^${body.slice(1)}]` : `[${body}]`;
      index = end;
    } else if (dialect.braces && char === '{') {
      source += '(?:';
      depth++;
    } else if (dialect.braces && char === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (dialect.braces && char === ',' && depth > 0) {
      source += '|';
    } else if (dialect.backslashEscapes && char === '\\' && index + 1 < pattern.length) {
      source += escaped(pattern[++index]!);
    } else {
      source += escaped(char);
    }
  }
  if (depth > 0) return undefined;
  try {
    return compilePattern(source, budget);
  } catch {
    return undefined;
  }
}

function escaped(char: string): string {
  return /[.+*?^$()|[\]{}\\/-]/.test(char) ? `\\${char}` : char;
}
