/**
 * The Forge interface over GitLab's REST API (v4).
 *
 * Mapping: a change request is a merge request and a thread's number is its iid (the `!4`
 * or `#12` users see); comments are notes, without GitLab's system notes ("changed the
 * description"), oldest first; labels are edited with add_labels/remove_labels, which create
 * missing project labels as GitLab does; issue state goes through state_event close/reopen.
 */
import { readFileSync } from 'node:fs';
import {
  type ChangeRequest,
  type ChangeRequestDraft,
  type Forge,
  type ForgeComment,
  ForgeError,
  type ForgeIssue,
  type ThreadRef,
} from './forge.js';
import { createGitLabClient, type GitLabClient, type GitLabLogger } from './gitlab-http.js';
import type { RetryPolicy } from './gitlab-retry.js';

/** GitLab refuses notes longer than this (Note::MAX_NOTE_LENGTH); descriptions may be longer. */
export const GITLAB_NOTE_LIMIT = 1_000_000;

export interface GitLabForgeOptions {
  token: string;
  /** The API root: `$CI_API_V4_URL`, e.g. `https://gitlab.example.com/api/v4`. */
  apiUrl: string;
  /** A numeric id (`$CI_PROJECT_ID`) or a full path such as `acme/deploy`. */
  projectId: string | number;
  /** A PEM file with the CA of a self-managed instance (`$CI_SERVER_TLS_CA_FILE`). */
  caFile?: string;
  /** The CI/CD variable the token came from, named in error hints. */
  tokenVariable?: string;
  logger?: GitLabLogger;
  retry?: Partial<RetryPolicy>;
  timeoutSeconds?: number;
  /** Injected by tests to observe retry waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface GitLabUser {
  username: string;
}

interface GitLabNote {
  id: number;
  body: string;
  system: boolean;
  author: GitLabUser;
}

interface GitLabIssue {
  iid: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  web_url: string;
}

interface GitLabMergeRequest {
  iid: number;
  title: string;
  description: string | null;
  web_url: string;
  source_branch: string;
  target_branch: string;
}

export function createGitLabForge(options: GitLabForgeOptions): Forge {
  const client = createGitLabClient({
    token: options.token,
    apiUrl: options.apiUrl,
    ...(options.caFile === undefined ? {} : { ca: readCa(options.caFile) }),
    tokenSource: { variable: options.tokenVariable ?? 'PLUMBLINE_GITLAB_TOKEN' },
    logger: options.logger,
    retry: options.retry,
    timeoutSeconds: options.timeoutSeconds,
    sleep: options.sleep,
    now: options.now,
  });
  return new GitLabForge(
    client,
    encodeURIComponent(String(options.projectId)),
    options.apiUrl,
    options.logger,
  );
}

class GitLabForge implements Forge {
  readonly bodyLimit = GITLAB_NOTE_LIMIT;
  readonly words = { changeRequest: 'merge request', reference: (number: number) => `!${number}` };
  private author: Promise<string> | undefined;
  private readonly threadUrls = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly client: GitLabClient,
    private readonly project: string,
    private readonly apiUrl: string,
    private readonly logger: GitLabLogger | undefined,
  ) {}

  currentAuthor(): Promise<string> {
    this.author ??= this.client
      .request<GitLabUser>('GET', '/user', { action: "read the token's user" })
      .then(({ data }) => {
        if (typeof data?.username !== 'string') throw this.notGitLab("read the token's user");
        return data.username;
      })
      .catch((error: unknown) => {
        this.author = undefined;
        throw error;
      });
    return this.author;
  }

  async listComments(thread: ThreadRef): Promise<ForgeComment[]> {
    // Notes come newest first unless asked; plumbline's sticky comment keeps the oldest.
    const notes = await this.client.paginate<GitLabNote>(`${this.threadPath(thread)}/notes`, {
      action: `list the notes of ${describe(thread)}`,
      query: { sort: 'asc', order_by: 'created_at' },
    });
    const url = await this.threadUrl(thread);
    return notes.filter((note) => !note.system).map((note) => toComment(note, url));
  }

  async createComment(thread: ThreadRef, body: string): Promise<ForgeComment> {
    const action = `post a note on ${describe(thread)}`;
    this.checkLength(body, action);
    const { data } = await this.client.request<GitLabNote>('POST', `${this.threadPath(thread)}/notes`, {
      action,
      body: { body },
    });
    return toComment(data, await this.threadUrl(thread));
  }

  async updateComment(thread: ThreadRef, id: number, body: string): Promise<void> {
    const action = `update note ${id} on ${describe(thread)}`;
    this.checkLength(body, action);
    await this.client.request('PUT', `${this.threadPath(thread)}/notes/${id}`, { action, body: { body } });
  }

  async deleteComment(thread: ThreadRef, id: number): Promise<void> {
    await this.client.request('DELETE', `${this.threadPath(thread)}/notes/${id}`, {
      action: `delete note ${id} on ${describe(thread)}`,
    });
  }

  async addLabels(thread: ThreadRef, labels: string[]): Promise<void> {
    if (labels.length === 0) return;
    const action = `add labels ${labels.join(', ')} to ${describe(thread)}`;
    await this.client.request('PUT', this.threadPath(thread), {
      action,
      body: { add_labels: labelList(labels, action) },
    });
  }

  async removeLabel(thread: ThreadRef, label: string): Promise<void> {
    const action = `remove label ${label} from ${describe(thread)}`;
    await this.client.request('PUT', this.threadPath(thread), {
      action,
      body: { remove_labels: labelList([label], action) },
    });
  }

  async listIssues(labels: string[], state: 'open' | 'closed' | 'all'): Promise<ForgeIssue[]> {
    const action = `list ${state === 'all' ? '' : `${state} `}issues labelled ${labels.join(', ') || '(any)'}`;
    const issues = await this.client.paginate<GitLabIssue>(`/projects/${this.project}/issues`, {
      action,
      query: {
        labels: labels.length === 0 ? undefined : labelList(labels, action),
        state: state === 'open' ? 'opened' : state,
        order_by: 'created_at',
        sort: 'asc',
      },
    });
    return issues.map(toIssue);
  }

  async createIssue(issue: { title: string; body: string; labels: string[] }): Promise<ForgeIssue> {
    const action = `create issue "${issue.title}"`;
    this.checkLength(issue.body, action);
    const { data } = await this.client.request<GitLabIssue>('POST', `/projects/${this.project}/issues`, {
      action,
      body: {
        title: issue.title,
        description: issue.body,
        ...(issue.labels.length === 0 ? {} : { labels: labelList(issue.labels, action) }),
      },
    });
    return toIssue(data);
  }

  async updateIssue(
    number: number,
    patch: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void> {
    const action = `update issue #${number}`;
    const body: Record<string, unknown> = {};
    if (patch.title !== undefined) body.title = patch.title;
    if (patch.body !== undefined) {
      this.checkLength(patch.body, action);
      body.description = patch.body;
    }
    if (patch.state !== undefined) body.state_event = patch.state === 'open' ? 'reopen' : 'close';
    if (Object.keys(body).length === 0) return;
    await this.client.request('PUT', `/projects/${this.project}/issues/${number}`, { action, body });
  }

  async findChangeRequest(head: string, base: string): Promise<ChangeRequest | undefined> {
    const requests = await this.client.paginate<GitLabMergeRequest>(
      `/projects/${this.project}/merge_requests`,
      {
        action: `look for an open merge request from ${head} into ${base}`,
        query: { state: 'opened', source_branch: head, target_branch: base },
      },
    );
    const found = requests.find(
      (request) => request.source_branch === head && request.target_branch === base,
    );
    return found === undefined ? undefined : toChangeRequest(found);
  }

  async createChangeRequest(request: ChangeRequestDraft): Promise<ChangeRequest> {
    const action = `open a merge request from ${request.head} into ${request.base}`;
    this.checkLength(request.body, action);
    const { data } = await this.client.request<GitLabMergeRequest>(
      'POST',
      `/projects/${this.project}/merge_requests`,
      {
        action,
        body: {
          source_branch: request.head,
          target_branch: request.base,
          title: request.title,
          description: request.body,
          // The branch is plumbline's own; nobody needs it once the promotion is merged.
          remove_source_branch: true,
          ...(request.labels.length === 0 ? {} : { labels: labelList(request.labels, action) }),
        },
      },
    );
    return toChangeRequest(data);
  }

  async updateChangeRequest(number: number, patch: { title?: string; body?: string }): Promise<void> {
    const action = `update merge request !${number}`;
    const body: Record<string, unknown> = {};
    if (patch.title !== undefined) body.title = patch.title;
    if (patch.body !== undefined) {
      this.checkLength(patch.body, action);
      body.description = patch.body;
    }
    if (Object.keys(body).length === 0) return;
    await this.client.request('PUT', `/projects/${this.project}/merge_requests/${number}`, { action, body });
  }

  /**
   * The thread's web page, which note links hang off (`…/merge_requests/4#note_99`): notes
   * carry no URL of their own. Asked once per thread, and only for links: a failure leaves
   * the comments without one rather than failing the run.
   */
  private threadUrl(thread: ThreadRef): Promise<string | undefined> {
    const key = `${thread.kind}:${thread.number}`;
    let url = this.threadUrls.get(key);
    if (url === undefined) {
      url = this.client
        .request<{ web_url?: unknown }>('GET', this.threadPath(thread), {
          action: `read ${describe(thread)}`,
        })
        .then(({ data }) => (typeof data?.web_url === 'string' ? data.web_url : undefined))
        .catch((error: unknown) => {
          this.logger?.debug(`no link to the notes of ${describe(thread)}: ${(error as Error).message}`);
          return undefined;
        });
      this.threadUrls.set(key, url);
    }
    return url;
  }

  private threadPath(thread: ThreadRef): string {
    const kind = thread.kind === 'change-request' ? 'merge_requests' : 'issues';
    return `/projects/${this.project}/${kind}/${thread.number}`;
  }

  private checkLength(body: string, action: string): void {
    if (body.length <= this.bodyLimit) return;
    throw new ForgeError(
      `could not ${action}: the text has ${body.length} characters and GitLab accepts at most ${this.bodyLimit}`,
      undefined,
      'This is a plumbline bug (long reports are split before posting): please report it.',
    );
  }

  private notGitLab(action: string): ForgeError {
    return new ForgeError(
      `could not ${action}: ${this.apiUrl} did not answer like GitLab's REST API`,
      undefined,
      'Set the API URL to the instance root followed by /api/v4, as $CI_API_V4_URL is on a runner.',
    );
  }
}

function describe(thread: ThreadRef): string {
  return thread.kind === 'change-request' ? `merge request !${thread.number}` : `issue #${thread.number}`;
}

/** GitLab takes label names comma-separated, so a name with a comma cannot be sent. */
function labelList(labels: string[], action: string): string {
  const bad = labels.find((label) => label.includes(','));
  if (bad !== undefined) {
    throw new ForgeError(
      `could not ${action}: GitLab label names cannot contain a comma ('${bad}')`,
      undefined,
      'Rename the label in plumbline.yaml (drift.labels) so it has no comma.',
    );
  }
  return labels.join(',');
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ForgeError(
      `could not read the GitLab CA file ${file}: ${(error as Error).message}`,
      undefined,
      'Point CI_SERVER_TLS_CA_FILE or PLUMBLINE_GITLAB_CA_FILE at a readable PEM file, or unset it to use the system roots.',
      { cause: error },
    );
  }
}

function toComment(note: GitLabNote, threadUrl: string | undefined): ForgeComment {
  const comment: ForgeComment = { id: note.id, body: note.body, author: note.author.username };
  if (threadUrl !== undefined) comment.url = `${threadUrl}#note_${note.id}`;
  return comment;
}

function toIssue(issue: GitLabIssue): ForgeIssue {
  return {
    number: issue.iid,
    title: issue.title,
    body: issue.description ?? '',
    state: issue.state === 'opened' ? 'open' : 'closed',
    labels: issue.labels,
    url: issue.web_url,
  };
}

function toChangeRequest(request: GitLabMergeRequest): ChangeRequest {
  return {
    number: request.iid,
    title: request.title,
    body: request.description ?? '',
    url: request.web_url,
    head: request.source_branch,
    base: request.target_branch,
  };
}
