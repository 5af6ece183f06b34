/**
 * The Forge on GitHub's REST API. Pull requests are change requests; their conversation
 * comments and labels go through the issues endpoints, as GitHub models them. Every list
 * is paged to the end, and every failure becomes a ForgeError naming what to fix.
 */
import type {
  ChangeRequest,
  ChangeRequestDraft,
  Forge,
  ForgeComment,
  ForgeIssue,
  ThreadRef,
} from './forge.js';
import { createGitHubClient, type ForgeLogger, type GitHubClient } from './github-client.js';
import { type GitHubOperation, gitHubMessage, httpStatus, toForgeError } from './github-errors.js';

export type { ForgeLogger } from './github-client.js';

export interface GitHubForgeOptions {
  token: string;
  owner: string;
  repo: string;
  /** Default https://api.github.com; on GitHub Enterprise Server, https://HOST/api/v3. */
  apiUrl?: string;
  userAgent?: string;
  /**
   * The login plumbline's comments appear under. Needed only for a GitHub App token other
   * than the workflow's (`my-app[bot]`): such tokens cannot ask GitHub who they are.
   */
  commentAuthor?: string;
  /** Where rate-limit waits and retries are reported; silent by default. */
  logger?: ForgeLogger;
  /** Retries after server errors and secondary rate limits; default 3. */
  retries?: number;
  /** Multiplies every wait; 1 in production, small in tests. */
  timeScale?: number;
}

/** GitHub refuses comment, issue and pull request bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65536;

/** Whose comments a workflow token (an installation token of GitHub Actions) writes. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

const PAGE = 100;

export function createGitHubForge(options: GitHubForgeOptions): Forge {
  const apiUrl = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const client = createGitHubClient({
    token: options.token,
    apiUrl,
    userAgent: options.userAgent ?? 'plumbline',
    logger: options.logger ?? { warning: () => {} },
    retries: options.retries,
    timeScale: options.timeScale,
  });
  return new GitHubForge(client, options.owner, options.repo, apiUrl, options.commentAuthor);
}

type IssueData = Awaited<ReturnType<GitHubClient['rest']['issues']['get']>>['data'];
type CommentData = Awaited<ReturnType<GitHubClient['rest']['issues']['getComment']>>['data'];
type PullData = Awaited<ReturnType<GitHubClient['rest']['pulls']['list']>>['data'][number];

class GitHubForge implements Forge {
  readonly bodyLimit = GITHUB_BODY_LIMIT;
  readonly words = { changeRequest: 'pull request', reference: (number: number) => `#${number}` };
  private author: Promise<string> | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    private readonly apiUrl: string,
    private readonly commentAuthor: string | undefined,
  ) {}

  currentAuthor(): Promise<string> {
    if (this.commentAuthor) return Promise.resolve(this.commentAuthor);
    this.author ??= this.lookUpAuthor();
    return this.author;
  }

  private async lookUpAuthor(): Promise<string> {
    try {
      const { data } = await this.client.rest.users.getAuthenticated();
      return data.login;
    } catch (error) {
      // Installation tokens (the workflow's GITHUB_TOKEN) may not read /user; what they
      // write appears under the GitHub Actions bot.
      if (httpStatus(error) === 403) return GITHUB_ACTIONS_LOGIN;
      this.author = undefined;
      throw toForgeError(
        error,
        { action: 'find out which user the token belongs to', permission: 'none' },
        this.apiUrl,
      );
    }
  }

  listComments(thread: ThreadRef): Promise<ForgeComment[]> {
    return this.call(this.onThread(thread, 'read the comments of', 'read'), async () => {
      const comments = await this.client.paginate(this.client.rest.issues.listComments, {
        ...this.repoParams(),
        issue_number: thread.number,
        per_page: PAGE,
      });
      return comments.map(toComment);
    });
  }

  createComment(thread: ThreadRef, body: string): Promise<ForgeComment> {
    return this.call(this.onThread(thread, 'comment on', 'write'), async () => {
      const { data } = await this.client.rest.issues.createComment({
        ...this.repoParams(),
        issue_number: thread.number,
        body,
      });
      return toComment(data);
    });
  }

  updateComment(thread: ThreadRef, id: number, body: string): Promise<void> {
    return this.call(this.onThread(thread, `edit comment ${id} on`, 'write'), async () => {
      await this.client.rest.issues.updateComment({ ...this.repoParams(), comment_id: id, body });
    });
  }

  deleteComment(thread: ThreadRef, id: number): Promise<void> {
    return this.call(this.onThread(thread, `delete comment ${id} on`, 'write'), async () => {
      try {
        await this.client.rest.issues.deleteComment({ ...this.repoParams(), comment_id: id });
      } catch (error) {
        // Someone deleted it first: the outcome is the one wanted.
        if (httpStatus(error) !== 404) throw error;
      }
    });
  }

  addLabels(thread: ThreadRef, labels: string[]): Promise<void> {
    if (labels.length === 0) return Promise.resolve();
    return this.call(this.onThread(thread, `add labels ${labels.join(', ')} to`, 'write'), async () => {
      await this.client.rest.issues.addLabels({ ...this.repoParams(), issue_number: thread.number, labels });
    });
  }

  removeLabel(thread: ThreadRef, label: string): Promise<void> {
    return this.call(this.onThread(thread, `remove label ${label} from`, 'write'), async () => {
      try {
        await this.client.rest.issues.removeLabel({
          ...this.repoParams(),
          issue_number: thread.number,
          name: label,
        });
      } catch (error) {
        // GitHub answers 404 "Label does not exist" when the thread does not carry it.
        if (httpStatus(error) !== 404 || !/label does not exist/i.test(gitHubMessage(error))) throw error;
      }
    });
  }

  listIssues(labels: string[], state: 'open' | 'closed' | 'all'): Promise<ForgeIssue[]> {
    const which = `${state === 'all' ? '' : `${state} `}issues${labels.length > 0 ? ` labelled ${labels.join(', ')}` : ''}`;
    const action = `list ${which} in ${this.slug()}`;
    return this.call({ action, permission: 'issues: read' }, async () => {
      const issues = await this.client.paginate(this.client.rest.issues.listForRepo, {
        ...this.repoParams(),
        state,
        ...(labels.length > 0 ? { labels: labels.join(',') } : {}),
        per_page: PAGE,
      });
      // The issues list carries pull requests too; they are not issues here.
      return issues.filter((issue) => !issue.pull_request).map(toIssue);
    });
  }

  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<ForgeIssue> {
    return this.call({ action: `open an issue in ${this.slug()}`, permission: 'issues: write' }, async () => {
      const { data } = await this.client.rest.issues.create({
        ...this.repoParams(),
        title: issue.title,
        body: issue.body,
        labels: issue.labels,
      });
      return toIssue(data);
    });
  }

  updateIssue(
    number: number,
    patch: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void> {
    return this.call(
      { action: `update issue #${number} in ${this.slug()}`, permission: 'issues: write' },
      async () => {
        await this.client.rest.issues.update({
          ...this.repoParams(),
          issue_number: number,
          ...definedOnly(patch),
        });
      },
    );
  }

  findChangeRequest(head: string, base: string): Promise<ChangeRequest | undefined> {
    const action = `look for an open pull request from ${head} into ${base} in ${this.slug()}`;
    return this.call({ action, permission: 'pull-requests: read' }, async () => {
      const pulls = await this.client.paginate(this.client.rest.pulls.list, {
        ...this.repoParams(),
        // Without the owner prefix GitHub ignores the head filter and lists every pull request.
        head: `${this.owner}:${head}`,
        base,
        state: 'open',
        per_page: PAGE,
      });
      const found = pulls.find((pull) => pull.head.ref === head && pull.base.ref === base);
      return found ? toChangeRequest(found) : undefined;
    });
  }

  async createChangeRequest(request: ChangeRequestDraft): Promise<ChangeRequest> {
    const action = `open a pull request from ${request.head} into ${request.base} in ${this.slug()}`;
    const created = await this.call({ action, permission: 'pull-requests: write' }, async () => {
      const { data } = await this.client.rest.pulls.create({
        ...this.repoParams(),
        head: request.head,
        base: request.base,
        title: request.title,
        body: request.body,
      });
      return toChangeRequest(data);
    });
    await this.addLabels({ kind: 'change-request', number: created.number }, request.labels);
    return created;
  }

  updateChangeRequest(number: number, patch: { title?: string; body?: string }): Promise<void> {
    const action = `update pull request #${number} in ${this.slug()}`;
    return this.call({ action, permission: 'pull-requests: write' }, async () => {
      await this.client.rest.pulls.update({
        ...this.repoParams(),
        pull_number: number,
        ...definedOnly(patch),
      });
    });
  }

  private async call<T>(operation: GitHubOperation, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toForgeError(error, operation, this.apiUrl);
    }
  }

  private onThread(thread: ThreadRef, verb: string, access: 'read' | 'write'): GitHubOperation {
    const isPull = thread.kind === 'change-request';
    return {
      action: `${verb} ${isPull ? 'pull request' : 'issue'} #${thread.number} in ${this.slug()}`,
      permission: `${isPull ? 'pull-requests' : 'issues'}: ${access}`,
    };
  }

  private repoParams() {
    return { owner: this.owner, repo: this.repo };
  }

  private slug(): string {
    return `${this.owner}/${this.repo}`;
  }
}

function toComment(data: CommentData): ForgeComment {
  return { id: data.id, body: data.body ?? '', author: data.user?.login ?? '', url: data.html_url };
}

function toIssue(data: IssueData): ForgeIssue {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    state: data.state === 'closed' ? 'closed' : 'open',
    labels: data.labels
      .map((label) => (typeof label === 'string' ? label : (label.name ?? '')))
      .filter(Boolean),
    url: data.html_url,
  };
}

function toChangeRequest(
  data: Pick<PullData, 'number' | 'title' | 'body' | 'html_url' | 'head' | 'base'>,
): ChangeRequest {
  return {
    number: data.number,
    title: data.title,
    body: data.body ?? '',
    url: data.html_url,
    head: data.head.ref,
    base: data.base.ref,
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
