/**
 * Which chart hosts a plan of a Flux repository trusts: those the merge base's clusters
 * apply that the base branch's tip still names. A change branched off before the base
 * branch dropped a HelmRepository does not get its host trusted again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trustedSourceHosts } from '../../../src/commands/plan-config.js';
import { withBaseSide } from '../../../src/git/base-checkout.js';
import {
  fluxBootstrap,
  fluxHelmRepository,
  fluxKustomization,
  writeRepository,
} from '../../support/flux-repository.js';

const scratch = mkdtempSync(join(tmpdir(), 'plumbline-source-hosts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@plumbline.invalid', ...args], {
    encoding: 'utf8',
  }).trim();

/** main: a cluster applying sources from two hosts; then `tipSources` replaces them on main. */
async function repository(tipSources: string) {
  const root = await writeRepository(scratch, {
    ...fluxBootstrap('prod'),
    'clusters/prod/sources.yaml': fluxKustomization('sources', './sources'),
    'sources/repositories.yaml': [
      fluxHelmRepository('old', 'https://charts.old.example/'),
      fluxHelmRepository('kept', 'https://charts.kept.example/'),
    ].join('---\n'),
  });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'sources');
  const mergeBase = git(root, 'rev-parse', 'HEAD');
  writeFileSync(join(root, 'sources/repositories.yaml'), tipSources);
  git(root, 'commit', '-qam', 'the base branch moves on');
  return { root, mergeBase, tip: git(root, 'rev-parse', 'HEAD') };
}

describe('the chart hosts a Flux plan trusts', () => {
  it('drops a host the base branch no longer names', async () => {
    const { root, mergeBase, tip } = await repository(
      fluxHelmRepository('kept', 'https://charts.kept.example/'),
    );
    const hosts = await withBaseSide(root, mergeBase, (base) =>
      trustedSourceHosts(root, { sha: mergeBase, tip }, base),
    );
    expect(hosts).toEqual(['charts.kept.example']);
  });

  it('trusts no host the merge base does not apply, whatever the tip names', async () => {
    const { root, mergeBase, tip } = await repository(
      [
        fluxHelmRepository('old', 'https://charts.old.example/'),
        fluxHelmRepository('kept', 'https://charts.kept.example/'),
        fluxHelmRepository('new', 'https://charts.new.example/'),
      ].join('---\n'),
    );
    const hosts = await withBaseSide(root, mergeBase, (base) =>
      trustedSourceHosts(root, { sha: mergeBase, tip }, base),
    );
    expect(hosts).toEqual(['charts.kept.example', 'charts.old.example']);
  });
});
