import { describe, expect, it } from 'vitest';
import { compilePattern, matchBudget, PatternError } from '../../../src/flux/pattern.js';

const matches = (pattern: string, text: string) => compilePattern(pattern).matches(text);

describe('compilePattern (RE2 syntax, anchored, linear time)', () => {
  it.each([
    ['Deployment', 'Deployment', true],
    ['Deployment', 'Deployments', false],
    ['Deployment', 'MyDeployment', false],
    ['Deployment|StatefulSet', 'StatefulSet', true],
    ['Deployment|StatefulSet', 'DaemonSet', false],
    ['web-.*', 'web-frontend', true],
    ['web-.*', 'api-web-frontend', false],
    ['(?:web|api)-[0-9]+', 'api-42', true],
    ['(?P<app>web)-\\d{2,3}', 'web-123', true],
    ['(?P<app>web)-\\d{2,3}', 'web-1234', false],
    ['[^.]+\\.example\\.com', 'shop.example.com', true],
    ['[^.]+\\.example\\.com', 'a.b.example.com', false],
    ['a{2}b?', 'aab', true],
    ['a{2,}', 'aaaaa', true],
    ['a{2,}', 'a', false],
    ['^apps$', 'apps', true],
    ['', '', true],
    ['x*', '', true],
    ['[]a]+', ']a]', true],
    ['[a-c-]+', 'a-c', true],
    ['\\w+\\s\\W', 'ab !', true],
    ['.+?', 'lazy', true],
    ['{', '{', true],
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it('matches a pattern that backtracking engines take exponential time on, in steps linear in the text', () => {
    // A budget a backtracking engine would blow through many times over: the count of NFA
    // states visited per character is bounded by the pattern, whatever the text.
    const linear = (pattern: string, text: string) =>
      compilePattern(pattern, matchBudget(100 * text.length)).matches(text);
    expect(linear('(a+)+$', `${'a'.repeat(5000)}b`)).toBe(false);
    expect(linear('(a|aa)*(a|aa)*(a|aa)*c', 'a'.repeat(2000))).toBe(false);
    expect(linear('.*.*.*.*.*.*.*.*.*.*x', 'y'.repeat(253))).toBe(false);
  });

  it('stops a large pattern once the budget its comparison shares is spent', () => {
    const budget = matchBudget(1_000_000);
    const heavy = compilePattern('((.?){999}){6}', budget);
    const name = 'a'.repeat(253);
    expect(() => {
      for (let object = 0; object < 1000; object++) heavy.matches(name);
    }).toThrow(/takes too long/);
    expect(budget.steps).toBeLessThan(0);
    // Another pattern of the same comparison finds the budget spent too.
    expect(() => compilePattern('web', budget).matches('web')).toThrow(PatternError);
  });

  it.each([
    ['(?i)web', 'flags'],
    ['\\bweb', 'escape'],
    ['\\pL', 'escape'],
    ['[[:alpha:]]', 'POSIX'],
    ['(web', 'unclosed'],
    ['web)', 'unmatched'],
    ['*web', 'nothing to repeat'],
    ['a**', 'repeats a repetition'],
    ['a{1001}', 'repetition count'],
    ['[z-a]', 'backwards'],
  ])('refuses %s (%s)', (pattern, reason) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(reason);
  });
});
