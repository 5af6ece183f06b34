/**
 * The fake GitHub's memory: users behind tokens, repositories with their issues, pull
 * requests (which are issues too, sharing one number sequence, as on GitHub), comments
 * and labels. Tests seed and inspect it directly; handlers change it through requests.
 *
 * A repository may be backed by a real bare git repository (`gitRemote`): its branches are
 * then read from git whenever the repository is looked up, and an open pull request whose
 * head branch git no longer has is closed, as GitHub closes it when the branch is deleted.
 */
import { readGitBranches, readGitDefaultBranch } from './git-branches.js';

export type Permission = 'none' | 'read' | 'write';

/** Repository permissions a token carries, named as in a workflow's `permissions:` block. */
export interface TokenPermissions {
  issues: Permission;
  'pull-requests': Permission;
  contents: Permission;
}

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface FakeToken {
  user: FakeUser;
  /** An installation token (GITHUB_TOKEN, a GitHub App): GET /user is not accessible. */
  installation: boolean;
  permissions: TokenPermissions;
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakePullRequestPart {
  head: string;
  base: string;
  merged: boolean;
  draft: boolean;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Present when this issue is a pull request. */
  pull?: FakePullRequestPart;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  branches: Set<string>;
  labels: Map<string, FakeLabel>;
  issues: Map<number, FakeIssue>;
  comments: Map<number, FakeComment>;
  /** The setting "Allow GitHub Actions to create and approve pull requests". */
  actionsMayCreatePullRequests: boolean;
  /** A bare git repository whose branches are this repository's branches. */
  gitRemote?: string;
  /** With `gitRemote`: each branch's head commit, as git had it at the last look-up. */
  branchHeads?: Map<string, string>;
}

export const GITHUB_ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export const WORKFLOW_PERMISSIONS: TokenPermissions = {
  issues: 'write',
  'pull-requests': 'write',
  contents: 'write',
};

export class FakeGitHubState {
  readonly tokens = new Map<string, FakeToken>();
  readonly users = new Map<string, FakeUser>();
  private readonly repos = new Map<string, FakeRepo>();
  private nextId = 1000;
  /** A clock that only moves forward, so created/updated times order like GitHub's. */
  private clock = Date.parse('2025-01-01T00:00:00Z');

  constructor() {
    this.users.set(GITHUB_ACTIONS_BOT.login, GITHUB_ACTIONS_BOT);
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('.000Z', 'Z');
  }

  user(login: string, type: FakeUser['type'] = 'User'): FakeUser {
    let user = this.users.get(login);
    if (!user) {
      user = { login, id: this.id(), type };
      this.users.set(login, user);
    }
    return user;
  }

  /** Register a token; by default the workflow token of a job with write permissions. */
  addToken(
    token: string,
    options: {
      login?: string;
      type?: FakeUser['type'];
      installation?: boolean;
      permissions?: Partial<TokenPermissions>;
    } = {},
  ): FakeToken {
    const login = options.login ?? GITHUB_ACTIONS_BOT.login;
    const entry: FakeToken = {
      user: this.user(login, options.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User')),
      installation: options.installation ?? login.endsWith('[bot]'),
      permissions: { ...WORKFLOW_PERMISSIONS, ...options.permissions },
    };
    this.tokens.set(token, entry);
    return entry;
  }

  addRepo(
    fullName: string,
    options: { private?: boolean; defaultBranch?: string; gitRemote?: string } = {},
  ): FakeRepo {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`repository must be owner/name, got ${fullName}`);
    const defaultBranch =
      options.defaultBranch ?? (options.gitRemote ? readGitDefaultBranch(options.gitRemote) : 'main');
    const repo: FakeRepo = {
      id: this.id(),
      owner,
      name,
      private: options.private ?? false,
      defaultBranch,
      branches: new Set([defaultBranch]),
      labels: new Map(),
      issues: new Map(),
      comments: new Map(),
      actionsMayCreatePullRequests: true,
      ...(options.gitRemote ? { gitRemote: options.gitRemote } : {}),
    };
    this.user(owner);
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo | undefined {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (repo?.gitRemote) this.syncWithGit(repo, repo.gitRemote);
    return repo;
  }

  /**
   * Evaluated on every look-up rather than watched: the branches git has now, and every
   * open pull request whose head branch is gone closed, as GitHub does on deletion. (A
   * branch deleted and pushed again between two requests goes unnoticed.)
   */
  private syncWithGit(repo: FakeRepo, gitRemote: string): void {
    const heads = readGitBranches(gitRemote);
    repo.branches = new Set(heads.keys());
    repo.branchHeads = heads;
    for (const issue of repo.issues.values()) {
      if (issue.pull && issue.state === 'open' && !heads.has(issue.pull.head)) {
        const now = this.now();
        issue.state = 'closed';
        issue.closedAt = now;
        issue.updatedAt = now;
      }
    }
  }

  /** The repository, for seeding in tests; throws when it was never added. */
  mustRepo(fullName: string): FakeRepo {
    const [owner = '', name = ''] = fullName.split('/');
    const repo = this.repo(owner, name);
    if (!repo) throw new Error(`the fake GitHub has no repository ${fullName}`);
    return repo;
  }

  ensureLabel(repo: FakeRepo, name: string): FakeLabel {
    const key = name.toLowerCase();
    let label = repo.labels.get(key);
    if (!label) {
      label = { id: this.id(), name, color: 'ededed', description: null };
      repo.labels.set(key, label);
    }
    return label;
  }

  createIssue(
    repo: FakeRepo,
    fields: {
      title: string;
      body?: string | null;
      author: string;
      labels?: string[];
      pull?: FakePullRequestPart;
    },
  ): FakeIssue {
    this.user(fields.author);
    const now = this.now();
    const issue: FakeIssue = {
      id: this.id(),
      number: repo.issues.size + 1,
      title: fields.title,
      body: fields.body ?? null,
      state: 'open',
      stateReason: null,
      labels: [],
      author: fields.author,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...(fields.pull ? { pull: fields.pull } : {}),
    };
    for (const name of fields.labels ?? []) addLabelName(issue, this.ensureLabel(repo, name).name);
    repo.issues.set(issue.number, issue);
    return issue;
  }

  /**
   * A pull request from `head` into `base`; both branches come into existence if needed,
   * except in a git-backed repository, where only git makes branches.
   */
  createPullRequest(
    repo: FakeRepo,
    fields: { title: string; body?: string | null; author: string; head: string; base: string },
  ): FakeIssue {
    if (!repo.gitRemote) {
      repo.branches.add(fields.head);
      repo.branches.add(fields.base);
    }
    return this.createIssue(repo, {
      ...fields,
      pull: { head: fields.head, base: fields.base, merged: false, draft: false },
    });
  }

  addComment(repo: FakeRepo, issueNumber: number, body: string, author: string): FakeComment {
    this.user(author);
    const now = this.now();
    const comment: FakeComment = { id: this.id(), issueNumber, body, author, createdAt: now, updatedAt: now };
    repo.comments.set(comment.id, comment);
    return comment;
  }

  commentsOn(repo: FakeRepo, issueNumber: number): FakeComment[] {
    return [...repo.comments.values()]
      .filter((c) => c.issueNumber === issueNumber)
      .sort((a, b) => a.id - b.id);
  }
}

export function addLabelName(issue: FakeIssue, name: string): void {
  if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
}
