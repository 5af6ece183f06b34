/**
 * A fake GitLab seeded the way plumbline meets a real one in CI: one project, plumbline's
 * project access token (a bot user with the api scope and the Developer role) and a
 * human developer whose notes plumbline must never touch.
 */
import { type FakeGitLab, startFakeGitLab } from './server.js';
import type { FakeGitLabUser, FakeProject } from './state.js';

export const BOT_TOKEN = 'glpat-plumbline-bot-token';
export const HUMAN_TOKEN = 'glpat-human-token';

export interface SeededGitLab {
  gitlab: FakeGitLab;
  project: FakeProject;
  bot: FakeGitLabUser;
  human: FakeGitLabUser;
}

export async function startSeededGitLab(
  options: {
    projectPath?: string;
    tls?: { key: string; cert: string };
    /** A bare git repository backing the project: merge requests then see its real branches. */
    gitRemote?: string;
  } = {},
): Promise<SeededGitLab> {
  const gitlab = await startFakeGitLab(options.tls ? { tls: options.tls } : {});
  const bot = gitlab.state.addUser('project_7_bot_plumbline', { bot: true });
  const human = gitlab.state.addUser('ada');
  gitlab.state.addToken(BOT_TOKEN, bot, { scopes: ['api'], role: 'developer' });
  gitlab.state.addToken(HUMAN_TOKEN, human, { scopes: ['api'], role: 'maintainer' });
  const project = gitlab.state.addProject(
    options.projectPath ?? 'acme/deploy',
    options.gitRemote === undefined ? {} : { gitRemote: options.gitRemote },
  );
  return { gitlab, project, bot, human };
}
