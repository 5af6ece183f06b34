import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse.js';

const docs = new URL('../../../docs/configuration.md', import.meta.url);

describe('docs/configuration.md', () => {
  it('shows an example that plumbline accepts as written', async () => {
    const text = await readFile(docs, 'utf8');
    const example = text.match(/## Example\n\n```yaml\n([\s\S]*?)```/)?.[1];
    expect(example).toBeDefined();
    const parsed = parseConfigText(example ?? '', 'plumbline.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.config?.environments?.map((environment) => environment.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });
});
