import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../../src/diff/model.js';
import { toPlanReport } from '../../../src/report/json.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderText } from '../../../src/report/text.js';

const plan = (config: PlanResult['config']): PlanResult => ({
  environments: [],
  ...(config ? { config } : {}),
});

describe('a change to the configuration', () => {
  it.each([
    [
      'changed',
      'plumbline.yaml',
      "This change edits plumbline.yaml. The plan follows the base's plumbline.yaml;",
    ],
    ['added', 'plumbline.yml', 'This change adds plumbline.yml. The plan follows the base, which has none;'],
    [
      'removed',
      'plumbline.yaml',
      "This change removes plumbline.yaml. The plan follows the base's plumbline.yaml;",
    ],
  ] as const)('is said in every form when the change %s the file', (headChange, file, sentence) => {
    const result = plan({ from: 'base', file, headChange });
    expect(renderMarkdown(result)).toContain(`⚠️ ${sentence}`);
    expect(renderText(result, { color: false })).toContain(`config: ${sentence}`);
    expect(toPlanReport(result).config).toEqual({ from: 'base', file, headChange });
  });

  it('is not mentioned when the change leaves it alone', () => {
    const result = plan({ from: 'base', file: 'plumbline.yaml' });
    expect(renderMarkdown(result)).not.toContain('This change');
    expect(renderText(result, { color: false })).not.toContain('config:');
    expect(toPlanReport(result).config).toEqual({ from: 'base', file: 'plumbline.yaml', headChange: null });
    expect(toPlanReport(plan(undefined)).config).toBeNull();
  });
});
