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

describe('projectOnto where the manifest and the cluster disagree on a type', () => {
  const CANARY = 'another-controllers-setting';
  const live = {
    spec: {
      config: { managedBy: 'operator', token: CANARY },
      ports: [{ port: 80, note: CANARY }],
      selector: { app: 'web' },
    },
  };

  it('shows a live map or list where the manifest has a scalar as an empty one, not its content', () => {
    const manifest = { spec: { config: 'inline', ports: 'none', selector: { app: 'web' } } };
    const projected = projectOnto(live, manifest);
    expect(projected).toEqual({ spec: { config: {}, ports: [], selector: { app: 'web' } } });
    expect(JSON.stringify(projected)).not.toContain(CANARY);
    expect(changedFields(projected, manifest)).toEqual(['/spec/config', '/spec/ports']);
  });

  it('shows a live map where the manifest has a list, and a live list where it has a map, by type only', () => {
    const manifest = { spec: { config: ['a'], ports: { http: 80 } } };
    const projected = projectOnto(live, manifest);
    expect(projected).toEqual({ spec: { config: {}, ports: [] } });
    expect(changedFields(projected, manifest)).toEqual(['/spec/config', '/spec/ports']);
  });

  it('keeps a live scalar where the manifest has a collection: it is the value the manifest replaces', () => {
    const manifest = { spec: { selector: 'web' } };
    expect(projectOnto({ spec: { selector: 'web-2' } }, { spec: { selector: { app: 'web' } } })).toEqual({
      spec: { selector: 'web-2' },
    });
    expect(projectOnto(live, manifest)).toEqual({ spec: { selector: {} } });
  });
});
