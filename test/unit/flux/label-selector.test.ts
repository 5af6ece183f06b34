import { describe, expect, it } from 'vitest';
import { parseLabelSelector, SelectorError } from '../../../src/flux/label-selector.js';

const labels = { app: 'web', tier: 'gold', 'example.com/team': 'shop', replicas: '3' };
const matches = (selector: string) => parseLabelSelector(selector).matches(labels);

describe('parseLabelSelector (Kubernetes labels.Parse)', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app = web', true],
    ['app=api', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['tier in (gold, silver)', true],
    ['tier notin (gold)', false],
    ['missing notin (gold)', true],
    ['app=web,tier in (bronze)', false],
    ['example.com/team=shop,app', true],
    ['replicas>2', true],
    ['replicas<3', false],
    ['app>2', false],
  ])('%s: %s', (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it.each(['app=web,', 'app===web', 'tier in gold', 'app=(web)', 'replicas>two', 'a b'])(
    'refuses %s',
    (selector) => {
      expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
    },
  );
});
