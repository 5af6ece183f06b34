/** Argo CD's directory patterns (gobwas/glob without separators), matched in linear time. */
import { describe, expect, it } from 'vitest';
import { matchBudget } from '../../../src/flux/pattern.js';
import { globMatcher } from '../../../src/render/argocd-directory.js';

describe('globMatcher', () => {
  it('matches as Argo CD matches: `*` crosses folders, braces are alternatives', () => {
    const yaml = globMatcher('*.yaml');
    expect(yaml('a.yaml')).toBe(true);
    expect(yaml('a/b/c.yaml')).toBe(true);
    expect(yaml('a.yml')).toBe(false);
    const either = globMatcher('{config.json,env-*.yaml}');
    expect(either('config.json')).toBe(true);
    expect(either('env-prod.yaml')).toBe(true);
    expect(either('other.yaml')).toBe(false);
    expect(globMatcher('some-dir/*')('some-dir/deep/x.yaml')).toBe(true);
    expect(globMatcher('?.yaml')('a.yaml')).toBe(true);
    expect(globMatcher('[!a]*.yaml')('a.yaml')).toBe(false);
    expect(globMatcher('[!a]*.yaml')('b.yaml')).toBe(true);
    expect(globMatcher('a.b(c)+d.yaml')('a.b(c)+d.yaml')).toBe(true);
    expect(globMatcher('a.b(c)+d.yaml')('aXb(c)+d.yaml')).toBe(false);
  });

  it('matches nothing with a pattern that does not compile', () => {
    expect(globMatcher('{unclosed')('unclosed')).toBe(false);
    expect(globMatcher('[unclosed')('u')).toBe(false);
  });

  it('fails, rather than hangs, on a pattern made to backtrack', () => {
    const matcher = globMatcher(`${'*a'.repeat(40)}b`, matchBudget(100_000));
    expect(() => {
      for (let index = 0; index < 100; index++) matcher('a'.repeat(200));
    }).toThrow(/takes too long to match/);
  });
});
