import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_PREFIX, maskValue } from '../../../src/diff/mask.js';
import { MASKED_TEXT, redactMaskTokens, redactResult } from '../../../src/report/redact.js';
import { realisticResult } from './fixtures.js';

describe('redactMaskTokens', () => {
  it('replaces a masked token with the masked marker and keeps the rest of the line', () => {
    const token = maskValue('aHVudGVyMg==');
    expect(redactMaskTokens(`+  password: ${token}`)).toBe(`+  password: ${MASKED_TEXT}`);
  });

  it('replaces every token on every line', () => {
    const text = `-  a: ${maskValue('one')}\n+  a: ${maskValue('two')} ${maskValue('three')}`;
    expect(redactMaskTokens(text)).toBe(`-  a: ${MASKED_TEXT}\n+  a: ${MASKED_TEXT} ${MASKED_TEXT}`);
  });

  it('stops at the end of the token so following text survives', () => {
    expect(redactMaskTokens(`"${maskValue('x')}", next`)).toBe(`"${MASKED_TEXT}", next`);
  });

  it('leaves text without tokens as it is', () => {
    const text = 'image: registry.example.com/shop/web:1.5.0 # plumbline-masked is only a word here';
    expect(redactMaskTokens(text)).toBe(text);
  });

  it('never leaves the mask prefix in its output, whatever surrounds it', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constant(MASK_PREFIX),
      fc.constant('plumbline-'),
      fc.constant('masked:'),
    );
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        expect(redactMaskTokens(pieces.join(''))).not.toContain(MASK_PREFIX);
      }),
    );
  });
});

describe('redactResult', () => {
  it('redacts every string of a plan result without touching the original', () => {
    const original = realisticResult();
    original.environments[0]!.notice = { kind: 'deletions-unseen', kinds: [`odd notice ${maskValue('n')}`] };
    const before = JSON.stringify(original);
    expect(before).toContain(MASK_PREFIX);

    const redacted = redactResult(original);

    expect(JSON.stringify(redacted)).not.toContain(MASK_PREFIX);
    expect(redacted.environments[0]!.notice).toEqual({
      kind: 'deletions-unseen',
      kinds: [`odd notice ${MASKED_TEXT}`],
    });
    expect(JSON.stringify(original)).toBe(before);
  });
});
