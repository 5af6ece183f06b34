import { describe, expect, it } from 'vitest';
import { promotionBranch } from '../../../src/promote/branch.js';

describe('promotionBranch', () => {
  it('gives every environment and image a branch that no other branch sits below or above', () => {
    const branches = [
      promotionBranch('eu'),
      promotionBranch('eu/prod'),
      promotionBranch('eu', 'ghcr.io/acme/web'),
      promotionBranch('eu/prod', 'ghcr.io/acme/web'),
    ];
    expect(branches).toEqual([
      'plumbline/promote/eu',
      'plumbline/promote/eu--prod',
      'plumbline/promote-image/eu/ghcr.io-acme-web',
      'plumbline/promote-image/eu--prod/ghcr.io-acme-web',
    ]);
    for (const a of branches) {
      for (const b of branches) if (a !== b) expect(b.startsWith(`${a}/`), `${b} below ${a}`).toBe(false);
    }
  });
});
