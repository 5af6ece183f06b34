import { describe, expect, it } from 'vitest';
import { ownedFields, removeOwnedFields } from '../../../src/argocd/managed-fields.js';
import type { KubeObject } from '../../../src/resource.js';

describe('removeOwnedFields', () => {
  it('removes owned map fields, keeps a named item’s keys, and drops items by index and by value together', () => {
    const object = {
      spec: {
        replicas: 3,
        paused: false,
        containers: [
          { name: 'app', image: 'web:1' },
          { name: 'sidecar', image: 'proxy:1', args: ['--x'] },
        ],
        args: ['a', 'b', 'c', 'd'],
        finalizers: ['x', 'y', 'x'],
      },
    };
    removeOwnedFields(object, {
      'f:spec': {
        'f:replicas': {},
        'f:containers': { 'k:{"name":"sidecar"}': { '.': {}, 'f:name': {}, 'f:image': {}, 'f:args': {} } },
        // Two positions of one list: each the index it had before either was removed.
        'f:args': { 'i:1': {}, 'i:3': {} },
        'f:finalizers': { 'v:"x"': {} },
        'f:missing': {},
      },
    });
    expect(object.spec).toEqual({
      paused: false,
      containers: [{ name: 'app', image: 'web:1' }, { name: 'sidecar' }],
      args: ['a', 'c'],
      finalizers: ['y'],
    });
  });

  it('takes the trees of the named managers only, and never the status subresource’s', () => {
    const live = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        managedFields: [
          { manager: 'hpa', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
          { manager: 'hpa', subresource: 'status', fieldsV1: { 'f:status': {} } },
          { manager: 'someone', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
        ],
      },
    } as KubeObject;
    expect(ownedFields(live, ['hpa'])).toEqual([{ 'f:spec': { 'f:replicas': {} } }]);
  });
});
