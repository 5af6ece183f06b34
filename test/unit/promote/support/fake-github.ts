/**
 * The forge side of promote tests: the real GitHub adapter against the fake GitHub REST
 * server, whose repository is backed by the test's bare remote, so pull requests see the
 * branches promote really pushed and deleted.
 */
import type { Forge } from '../../../../src/forge/forge.js';
import { createGitHubForge } from '../../../../src/forge/github.js';
import { type FakeGitHub, startFakeGitHub, WORKFLOW_TOKEN } from '../../../fakes/github/server.js';
import type { FakeIssue } from '../../../fakes/github/state.js';

export const REPOSITORY = 'acme/app';

export interface GitHubForgeFixture {
  github: FakeGitHub;
  forge: Forge;
  /** Every pull request, oldest first, as the fake holds it now. */
  pulls(): FakeIssue[];
  close(): Promise<void>;
}

export async function fakeGitHubFor(remote: string): Promise<GitHubForgeFixture> {
  const github = await startFakeGitHub({ gitRemotes: { [REPOSITORY]: remote } });
  const [owner = '', repo = ''] = REPOSITORY.split('/');
  const forge = createGitHubForge({
    token: WORKFLOW_TOKEN,
    owner,
    repo,
    apiUrl: github.url,
    timeScale: 0.001,
  });
  return {
    github,
    forge,
    pulls: () =>
      [...github.state.mustRepo(REPOSITORY).issues.values()]
        .filter((issue) => issue.pull)
        .sort((a, b) => a.number - b.number),
    close: () => github.close(),
  };
}
