import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../src/diff/fields.js';
import { projectOnto } from '../../../src/diff/project.js';

describe('projectOnto (reader mode)', () => {
  const live = {
    spec: {
      replicas: 3,
      revisionHistoryLimit: 10,
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'web:2', terminationMessagePath: '/dev/termination-log' },
            { name: 'injected', image: 'proxy:1' },
          ],
        },
      },
    },
  };

  it('keeps only the fields the manifest sets, so server defaults are not changes', () => {
    const manifest = {
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'web:2' }] } } },
    };
    const projected = projectOnto(live, manifest);
    // The sidecar added live is not in the manifest: it stays, and shows as a change.
    expect(changedFields(projected, manifest)).toEqual(['/spec/template/spec/containers/[injected]']);
  });

  it('shows a value the manifest sets differently', () => {
    const manifest = { spec: { replicas: 1 } };
    expect(changedFields(projectOnto(live, manifest), manifest)).toEqual(['/spec/replicas']);
  });
});
