import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError } from '../../../src/flux/pattern.js';

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

  it('matches a pattern that backtracking engines take exponential time on, at once', () => {
    const started = Date.now();
    expect(matches('(a+)+$', `${'a'.repeat(5000)}b`)).toBe(false);
    expect(matches('(a|aa)*(a|aa)*(a|aa)*c', 'a'.repeat(2000))).toBe(false);
    expect(matches('.*.*.*.*.*.*.*.*.*.*x', 'y'.repeat(253))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
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
