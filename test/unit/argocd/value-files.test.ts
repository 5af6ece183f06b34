import { describe, expect, it } from 'vitest';
import type { ArgoSource } from '../../../src/argocd/discover.js';
import { valueFileLocation } from '../../../src/argocd/value-files.js';

const source = (extra: Partial<ArgoSource>): ArgoSource => ({ repoURL: 'x', local: true, ...extra });
const application = {
  sources: [
    source({ path: 'charts/web' }),
    source({ ref: 'values' }),
    source({ ref: 'elsewhere', local: false }),
  ],
};

describe('valueFileLocation', () => {
  it('resolves value files as the repo-server does', () => {
    const at = (file: string) => valueFileLocation(application, file, 'charts/web');
    const fetched = (file: string) => valueFileLocation(application, file, undefined);
    expect(at('values-prod.yaml')).toEqual({ kind: 'repository', path: 'charts/web/values-prod.yaml' });
    expect(at('../shared/values.yaml')).toEqual({ kind: 'repository', path: 'charts/shared/values.yaml' });
    // From the repository's root, not the chart's folder (util/io/path/resolved.go).
    expect(at('/envs/prod.yaml')).toEqual({ kind: 'repository', path: 'envs/prod.yaml' });
    expect(at('$values/envs/prod.yaml')).toEqual({ kind: 'repository', path: 'envs/prod.yaml' });
    expect(fetched('$values/envs/prod.yaml')).toEqual({ kind: 'repository', path: 'envs/prod.yaml' });
    expect(fetched('values-prod.yaml')).toEqual({ kind: 'chart', file: 'values-prod.yaml' });
    expect(at('https://example.com/values.yaml')).toEqual({ kind: 'url' });
    expect(at('$elsewhere/values.yaml')).toEqual({ kind: 'other-repository' });
    expect(at('$nobody/values.yaml')).toEqual({ kind: 'other-repository' });
    expect(at('../../../etc/passwd')).toEqual({ kind: 'outside' });
    expect(at('$values/../../etc/passwd')).toEqual({ kind: 'outside' });
    expect(at('$values/')).toEqual({ kind: 'outside' });
  });
});
