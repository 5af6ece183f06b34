import { chmod, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderEnvironment } from '../../../src/render/render.js';
import { findOnPath, helmCommand, kustomizeCommand } from '../../../src/render/tools.js';
import { toolPath } from '../../support/tools.js';
import { lines, tempRepo } from '../config/temp-repo.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A PATH holding only the given binaries, linked from where they really are. */
async function pathWith(binaries: Record<string, string>): Promise<string> {
  const folder = join(await tempRepo({ 'bin/': '' }), 'bin');
  for (const [name, target] of Object.entries(binaries)) await symlink(target, join(folder, name));
  return folder;
}

const overlay = {
  'base/kustomization.yaml': lines('resources: [cm.yaml]'),
  'base/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: settings }'),
  'envs/dev/kustomization.yaml': lines('namespace: dev', 'resources: [../../base]'),
};

describe('which binaries render', () => {
  it('uses PLUMBLINE_KUSTOMIZE and PLUMBLINE_HELM before PATH', async () => {
    vi.stubEnv('PATH', await pathWith({}));
    vi.stubEnv('PLUMBLINE_KUSTOMIZE', toolPath('kustomize'));
    vi.stubEnv('PLUMBLINE_HELM', toolPath('helm'));
    expect(await kustomizeCommand()).toEqual({
      executable: toolPath('kustomize'),
      leadingArgs: ['build'],
      label: 'kustomize build',
    });
    expect((await helmCommand()).executable).toBe(toolPath('helm'));
    const root = await tempRepo(overlay);
    const { resources } = await renderEnvironment(root, { name: 'dev', path: 'envs/dev', renderer: 'auto' });
    expect(resources.map((resource) => resource.key)).toEqual(['/ConfigMap/dev/settings']);
  });

  it('falls back to `kubectl kustomize` when no kustomize is on PATH', async () => {
    const kubectl = await findOnPath('kubectl');
    if (!kubectl) throw new Error('these tests need kubectl on PATH');
    vi.stubEnv('PATH', await pathWith({ kubectl }));
    vi.stubEnv('PLUMBLINE_KUSTOMIZE', '');
    expect(await kustomizeCommand()).toMatchObject({
      leadingArgs: ['kustomize'],
      label: 'kubectl kustomize',
    });
    const root = await tempRepo(overlay);
    const { resources } = await renderEnvironment(root, {
      name: 'dev',
      path: 'envs/dev',
      renderer: 'kustomize',
    });
    expect(resources.map((resource) => resource.key)).toEqual(['/ConfigMap/dev/settings']);
  });

  it('prefers kustomize on PATH, and says what to install when nothing is there', async () => {
    const folder = await pathWith({ kustomize: toolPath('kustomize') });
    vi.stubEnv('PATH', folder);
    vi.stubEnv('PLUMBLINE_KUSTOMIZE', '');
    vi.stubEnv('PLUMBLINE_HELM', '');
    expect((await kustomizeCommand()).executable).toBe(join(folder, 'kustomize'));
    vi.stubEnv('PATH', await pathWith({}));
    await expect(kustomizeCommand()).rejects.toThrow('Neither kustomize nor kubectl was found on PATH');
    await expect(helmCommand()).rejects.toMatchObject({ hint: expect.stringContaining('PLUMBLINE_HELM') });
  });

  it('skips a file on PATH that is not executable', async () => {
    const folder = await pathWith({});
    await writeFile(join(folder, 'helm'), '#!/bin/sh\n');
    await chmod(join(folder, 'helm'), 0o644);
    vi.stubEnv('PATH', folder);
    expect(await findOnPath('helm')).toBeUndefined();
  });
});
