/**
 * The one small interface the commands use to talk to a forge (GitHub, GitLab).
 * A "change request" is a pull request or a merge request; a "thread" is anything that
 * carries comments: a change request or an issue. Adapters page through every list,
 * retry what is safe to retry, and turn HTTP failures into ForgeError.
 */

export interface ThreadRef {
  kind: 'change-request' | 'issue';
  number: number;
}

export interface ForgeComment {
  id: number;
  body: string;
  author: string;
  /** A link to the comment for people, when the forge gives one. */
  url?: string;
}

export interface ForgeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  url: string;
}

export interface ChangeRequest {
  number: number;
  title: string;
  body: string;
  url: string;
  head: string;
  base: string;
}

/** How the forge's users speak of a change request: GitHub's pull request #1, GitLab's merge request !1. */
export interface ForgeWords {
  changeRequest: string;
  reference(number: number): string;
}

/** A change request to open: from branch `head` into `base`. */
export interface ChangeRequestDraft {
  head: string;
  base: string;
  title: string;
  body: string;
  labels: string[];
}

export interface Forge {
  /** The largest comment, issue or change request body the forge accepts, in characters. */
  readonly bodyLimit: number;
  readonly words: ForgeWords;
  /** The login whose comments plumbline created and may therefore edit or delete. */
  currentAuthor(): Promise<string>;

  listComments(thread: ThreadRef): Promise<ForgeComment[]>;
  createComment(thread: ThreadRef, body: string): Promise<ForgeComment>;
  updateComment(thread: ThreadRef, id: number, body: string): Promise<void>;
  deleteComment(thread: ThreadRef, id: number): Promise<void>;
  addLabels(thread: ThreadRef, labels: string[]): Promise<void>;
  removeLabel(thread: ThreadRef, label: string): Promise<void>;

  /** Issues carrying every one of `labels`, through the list API (never search). */
  listIssues(labels: string[], state: 'open' | 'closed' | 'all'): Promise<ForgeIssue[]>;
  createIssue(issue: { title: string; body: string; labels: string[] }): Promise<ForgeIssue>;
  updateIssue(
    number: number,
    patch: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void>;

  /** The open change request from `head` into `base`, if there is one. */
  findChangeRequest(head: string, base: string): Promise<ChangeRequest | undefined>;
  createChangeRequest(request: ChangeRequestDraft): Promise<ChangeRequest>;
  updateChangeRequest(number: number, patch: { title?: string; body?: string }): Promise<void>;
}

/** A forge call that failed, with what happened and what to do in terms a user acts on. */
export class ForgeError extends Error {
  override readonly name = 'ForgeError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
