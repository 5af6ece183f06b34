/**
 * The merge base is written only as far as a plan needs: discovery reads the tree's listing,
 * and an environment rendered at the base gets what its render reads. Each environment of a
 * repository (overlays over a base, a component, generator files, a base two hops away, a
 * Helm chart with a file:// dependency, a plain folder, a remote base) renders the same from
 * that partial worktree as from a whole checkout, and what no environment reads stays out.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutForRenders, discoverAtBase } from '../../../src/commands/base-files.js';
import { discoverEnvironments } from '../../../src/config/discover.js';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { withBaseSide, withCheckout } from '../../../src/git/base-checkout.js';
import { renderEnvironment } from '../../../src/render/render.js';
import { toolPath } from '../../support/tools.js';

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { k: v }\n`;

const FILES: Record<string, string> = {
  'base/kustomization.yaml': 'resources: [app.yaml, ../shared/deeper]\n',
  'base/app.yaml': configMap('app'),
  'shared/deeper/kustomization.yaml': 'resources: [deep.yaml]\n',
  'shared/deeper/deep.yaml': configMap('deep'),
  'shared/unread.yaml': configMap('unread'),
  'components/extra/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml]\n',
  'components/extra/extra.yaml': configMap('extra'),
  'envs/a/kustomization.yaml':
    'resources: [../../base]\ncomponents: [../../components/extra]\nnamePrefix: a-\nconfigMapGenerator: [{ name: gen, files: [files/a.properties] }]\n',
  'envs/a/files/a.properties': 'x=1\ny=2\n',
  // Written with CRLF by a checkout that applies attributes: the partial one must too.
  '.gitattributes': '*.properties text eol=crlf\n',
  'envs/b/kustomization.yaml': 'resources: [../../base]\nnamePrefix: b-\npatches: [{ path: patch.yaml }]\n',
  'envs/b/patch.yaml': configMap('app'),
  'envs/c/one.yaml': configMap('one'),
  'envs/d/Chart.yaml':
    'apiVersion: v2\nname: d\nversion: 0.1.0\ndependencies: [{ name: lib, version: 0.1.0, repository: "file://../../charts/lib" }]\n',
  'envs/d/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: d }\ndata: { k: v }\n',
  'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 0.1.0\n',
  'charts/lib/templates/cm.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: lib }\ndata: { k: v }\n',
  'envs/e/kustomization.yaml': 'resources: [https://example.invalid/remote-base]\n',
  'docs/notes.md': 'unread\n',
  // A component below a discovery root: no environment on either side.
  'envs/parts/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
};

let scratch: string;
let repo: string;
let sha: string;

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args],
    {
      encoding: 'utf8',
    },
  ).trim();
}

function writeRepository(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
}

beforeAll(() => {
  process.env.PLUMBLINE_KUSTOMIZE = toolPath('kustomize');
  process.env.PLUMBLINE_HELM = toolPath('helm');
  scratch = mkdtempSync(join(tmpdir(), 'plumbline-base-files-'));
  repo = join(scratch, 'repo');
  writeRepository(repo, FILES);
  sha = git(repo, 'rev-parse', 'HEAD');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const renderedNames = async (root: string, env: EnvironmentConfig, top?: string) => {
  try {
    const { resources } = await renderEnvironment(root, env, top ? { top } : {});
    return resources.map((resource) => resource.key).sort();
  } catch (error) {
    return `failed: ${(error as Error).message.replaceAll(root, 'ROOT')}`;
  }
};

describe('the base side of a plan', () => {
  it('discovers the same environments from the listing as from a checkout', async () => {
    const fromCheckout = await discoverEnvironments(repo);
    const fromListing = await withBaseSide(repo, sha, async (base) => {
      const environments = await discoverAtBase(repo, sha, base);
      // Nothing was written to discover them.
      expect(existsSync(join(base.dir, 'envs'))).toBe(false);
      return environments;
    });
    expect(fromListing).toEqual(fromCheckout);
    // c is a plain folder: an environment only when the configuration lists it.
    expect(fromListing.map((env) => env.name)).toEqual(['a', 'b', 'd', 'e']);
  });

  it.each(['a', 'b', 'c', 'd'])(
    'renders %s from the files it reads alone, as from a whole checkout',
    async (name) => {
      const env: EnvironmentConfig = {
        name,
        path: `envs/${name}`,
        renderer: name === 'c' ? 'plain' : 'auto',
      };
      // A whole checkout of the same commit, as git writes it (attributes applied).
      const whole = await withCheckout(repo, sha, (dir, top) => renderedNames(dir, env, top));
      expect(Array.isArray(whole), String(whole)).toBe(true);
      await withBaseSide(repo, sha, async (base) => {
        await checkOutForRenders(base, [env]);
        expect(base.whole).toBe(false);
        expect(await renderedNames(base.dir, env, base.top)).toEqual(whole);
        // What no render reads is not written.
        for (const unread of ['shared/unread.yaml', 'docs/notes.md', 'envs/e/kustomization.yaml']) {
          expect(existsSync(join(base.dir, unread)), unread).toBe(false);
        }
      });
    },
  );

  it('writes the files a reads, two hops away too, and not those of b', async () => {
    await withBaseSide(repo, sha, async (base) => {
      await checkOutForRenders(base, [{ name: 'a', path: 'envs/a', renderer: 'auto' }]);
      expect(existsSync(join(base.dir, 'envs/a/files/a.properties'))).toBe(true);
      expect(existsSync(join(base.dir, 'components/extra/extra.yaml'))).toBe(true);
      expect(existsSync(join(base.dir, 'shared/deeper/deep.yaml'))).toBe(true);
      expect(existsSync(join(base.dir, 'envs/b/patch.yaml'))).toBe(false);
    });
  });

  it('writes the whole base for a render it cannot trace, or a tree with a link', async () => {
    await withBaseSide(repo, sha, async (base) => {
      await checkOutForRenders(base, [{ name: 'e', path: 'envs/e', renderer: 'auto' }]);
      expect(base.whole).toBe(true);
      expect(existsSync(join(base.dir, 'docs/notes.md'))).toBe(true);
    });
    const linked = join(scratch, 'linked');
    mkdirSync(join(linked, 'envs/c'), { recursive: true });
    symlinkSync('../../docs/notes.md', join(linked, 'envs/c/notes.md'));
    writeRepository(linked, { 'envs/c/one.yaml': configMap('one'), 'docs/notes.md': 'linked\n' });
    await withBaseSide(linked, git(linked, 'rev-parse', 'HEAD'), async (base) => {
      expect(base.whole).toBe(true);
      expect(existsSync(join(base.dir, 'docs/notes.md'))).toBe(true);
    });
  });
});
