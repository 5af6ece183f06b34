import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pinnedVersion, toolPath } from '../../support/tools.js';

describe('toolPath', () => {
  it('gives the cached binaries at the versions pinned in scripts/versions.env', () => {
    expect(execFileSync(toolPath('helm'), ['version', '--short'], { encoding: 'utf8' })).toContain(
      pinnedVersion('helm'),
    );
    expect(execFileSync(toolPath('kustomize'), ['version'], { encoding: 'utf8' })).toContain(
      pinnedVersion('kustomize'),
    );
    expect(execFileSync(toolPath('etcd'), ['--version'], { encoding: 'utf8' })).toContain(
      pinnedVersion('etcd').slice(1),
    );
    expect(execFileSync(toolPath('kube-apiserver'), ['--version'], { encoding: 'utf8' })).toContain(
      pinnedVersion('kube-apiserver'),
    );
  });
});
