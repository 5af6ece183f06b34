import { describe, expect, it } from 'vitest';
import { renderSettings } from '../../../src/config/parse.js';
import { selectEnvironments } from '../../../src/config/select.js';
import type { PlumblineConfig } from '../../../src/config/types.js';

const config: PlumblineConfig = {
  environments: ['dev', 'staging', 'prod'].map((name) => ({ name, path: `envs/${name}`, renderer: 'auto' })),
  render: renderSettings(),
  diff: { ignore: [] },
  drift: { after: 1, labels: ['drift'] },
};

describe('selectEnvironments', () => {
  it('returns every environment when no name is given', () => {
    expect(selectEnvironments(config, [])).toBe(config.environments);
  });

  it('keeps the configuration order whatever order the names come in', () => {
    expect(selectEnvironments(config, ['prod', 'dev']).map((environment) => environment.name)).toEqual([
      'dev',
      'prod',
    ]);
  });

  it('names the unknown environments and lists the known ones', () => {
    expect(() => selectEnvironments(config, ['dev', 'qa', 'uat'])).toThrow(
      expect.objectContaining({
        message: 'Unknown environments: qa, uat',
        hint: 'Known environments: dev, staging, prod.',
      }),
    );
  });
});
