/** promote.group in plumbline.yaml: validated with file and line, and the default of --group. */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse.js';

const config = (group: string) =>
  `environments:\n  - name: dev\n    path: envs/dev\n  - name: staging\n    path: envs/staging\n    promote: { from: dev, group: ${group} }\n`;

describe('promote.group', () => {
  it('is read as written and absent when not set', () => {
    const parsed = parseConfigText(config('image'), 'plumbline.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.config?.environments?.[1]?.promote?.group).toBe('image');
    const without = parseConfigText(config('image').replace(', group: image', ''), 'plumbline.yaml');
    expect(without.config?.environments?.[1]?.promote).not.toHaveProperty('group');
  });

  it('refuses anything but environment or image, naming the file and line', () => {
    const parsed = parseConfigText(config('team'), 'plumbline.yaml');
    expect(parsed.config).toBeUndefined();
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        file: 'plumbline.yaml',
        line: 6,
        message: expect.stringMatching(/promote\.group must be one of: environment, image$/),
      }),
    ]);
  });
});
