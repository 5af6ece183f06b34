/**
 * The fake GitLab's memory: users behind tokens, projects with their issues, merge requests
 * (each with its own iid sequence, as on GitLab), notes and labels. Tests seed and inspect
 * it directly; the server changes it through requests.
 *
 * A project may be backed by a real bare git repository (`gitRemote`): the server then
 * checks merge request branches against git's, and closes an open merge request whose
 * source branch git no longer has, as GitLab does when the branch is deleted.
 */
import { readGitBranches } from '../github/git-branches.js';

/** A member's role in the project; it decides what a token may do beside its scopes. */
export type Role = 'guest' | 'reporter' | 'developer' | 'maintainer';

export interface FakeGitLabUser {
  id: number;
  username: string;
  /** Project and group access tokens act as bot users, e.g. `project_7_bot_3f2a`. */
  bot: boolean;
}

export interface FakeGitLabToken {
  user: FakeGitLabUser;
  /** `api`, `read_api`, `read_repository`, `write_repository`, ... */
  scopes: string[];
  role: Role;
  /** A CI job token (CI_JOB_TOKEN): GitLab does not accept it on these routes. */
  job: boolean;
}

export interface FakeNote {
  id: number;
  body: string;
  authorId: number;
  /** GitLab's own records (`changed the description`, `added 1 commit`). */
  system: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  authorId: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  notes: FakeNote[];
}

export interface FakeMergeRequest {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed' | 'merged';
  sourceBranch: string;
  targetBranch: string;
  labels: string[];
  authorId: number;
  removeSourceBranch: boolean;
  createdAt: string;
  updatedAt: string;
  notes: FakeNote[];
}

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeProject {
  id: number;
  /** Full path, e.g. `acme/deploy`; requests may name the project by it, percent-encoded. */
  path: string;
  members: Map<number, Role>;
  issues: FakeIssue[];
  mergeRequests: FakeMergeRequest[];
  labels: FakeLabel[];
  /** A bare git repository whose branches are this project's branches. */
  gitRemote?: string;
}

/** The whole fake instance. Ids are global, iids per project, times from a logical clock. */
export class GitLabState {
  readonly users: FakeGitLabUser[] = [];
  readonly tokens = new Map<string, FakeGitLabToken>();
  readonly projects: FakeProject[] = [];
  private lastId = 1000;
  private tick = 0;

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** A timestamp one second after the previous one, so orderings are deterministic. */
  now(): string {
    this.tick += 1;
    return new Date(Date.UTC(2025, 0, 1) + this.tick * 1000).toISOString();
  }

  addUser(username: string, options: { bot?: boolean } = {}): FakeGitLabUser {
    const user = { id: this.nextId(), username, bot: options.bot ?? false };
    this.users.push(user);
    return user;
  }

  /** Registers `token` for `user`; `role` is granted on every project created later and now. */
  addToken(
    token: string,
    user: FakeGitLabUser,
    options: { scopes?: string[]; role?: Role; job?: boolean } = {},
  ): FakeGitLabToken {
    const entry: FakeGitLabToken = {
      user,
      scopes: options.scopes ?? ['api'],
      role: options.role ?? 'developer',
      job: options.job ?? false,
    };
    this.tokens.set(token, entry);
    for (const project of this.projects) project.members.set(user.id, entry.role);
    return entry;
  }

  addProject(path: string, options: { gitRemote?: string } = {}): FakeProject {
    const project: FakeProject = {
      id: this.nextId(),
      path,
      members: new Map(),
      issues: [],
      mergeRequests: [],
      labels: [],
      ...(options.gitRemote === undefined ? {} : { gitRemote: options.gitRemote }),
    };
    for (const token of this.tokens.values()) project.members.set(token.user.id, token.role);
    this.projects.push(project);
    return project;
  }

  /**
   * For a git-backed project: the branches git has now (undefined without a backing). Open
   * merge requests whose source branch is gone are closed first, as GitLab closes them when
   * the branch is deleted; evaluated on each request, so a branch deleted and pushed again
   * between two requests goes unnoticed.
   */
  syncWithGit(project: FakeProject): Set<string> | undefined {
    if (project.gitRemote === undefined) return undefined;
    const branches = new Set(readGitBranches(project.gitRemote).keys());
    for (const request of project.mergeRequests) {
      if (request.state === 'opened' && !branches.has(request.sourceBranch)) {
        request.state = 'closed';
        request.updatedAt = this.now();
        this.addNote(request, { body: 'closed', author: this.user(request.authorId), system: true });
      }
    }
    return branches;
  }

  /** The project `:id` names: a numeric id or a full path. */
  findProject(idOrPath: string): FakeProject | undefined {
    return this.projects.find((project) => String(project.id) === idOrPath || project.path === idOrPath);
  }

  user(id: number): FakeGitLabUser {
    const user = this.users.find((candidate) => candidate.id === id);
    if (!user) throw new Error(`fake GitLab: no user ${id}`);
    return user;
  }

  /** Makes sure every name is a project label, as GitLab does when a request sets labels. */
  ensureLabels(project: FakeProject, names: string[]): void {
    for (const name of names) {
      if (!project.labels.some((label) => label.name === name)) {
        project.labels.push({ id: this.nextId(), name, color: '#6699cc', description: null });
      }
    }
  }

  addIssue(
    project: FakeProject,
    fields: {
      title: string;
      description?: string | null;
      labels?: string[];
      author: FakeGitLabUser;
      state?: 'opened' | 'closed';
    },
  ): FakeIssue {
    const at = this.now();
    const labels = fields.labels ?? [];
    this.ensureLabels(project, labels);
    const issue: FakeIssue = {
      id: this.nextId(),
      iid: project.issues.length + 1,
      title: fields.title,
      description: fields.description ?? null,
      state: fields.state ?? 'opened',
      labels: [...labels],
      authorId: fields.author.id,
      createdAt: at,
      updatedAt: at,
      closedAt: fields.state === 'closed' ? at : null,
      notes: [],
    };
    project.issues.push(issue);
    return issue;
  }

  addMergeRequest(
    project: FakeProject,
    fields: {
      title: string;
      description?: string | null;
      sourceBranch: string;
      targetBranch: string;
      labels?: string[];
      author: FakeGitLabUser;
      state?: FakeMergeRequest['state'];
      removeSourceBranch?: boolean;
    },
  ): FakeMergeRequest {
    const at = this.now();
    const labels = fields.labels ?? [];
    this.ensureLabels(project, labels);
    const request: FakeMergeRequest = {
      id: this.nextId(),
      iid: project.mergeRequests.length + 1,
      title: fields.title,
      description: fields.description ?? null,
      state: fields.state ?? 'opened',
      sourceBranch: fields.sourceBranch,
      targetBranch: fields.targetBranch,
      labels: [...labels],
      authorId: fields.author.id,
      removeSourceBranch: fields.removeSourceBranch ?? false,
      createdAt: at,
      updatedAt: at,
      notes: [],
    };
    project.mergeRequests.push(request);
    return request;
  }

  addNote(
    noteable: { notes: FakeNote[] },
    fields: { body: string; author: FakeGitLabUser; system?: boolean },
  ): FakeNote {
    const at = this.now();
    const note: FakeNote = {
      id: this.nextId(),
      body: fields.body,
      authorId: fields.author.id,
      system: fields.system ?? false,
      createdAt: at,
      updatedAt: at,
    };
    noteable.notes.push(note);
    return note;
  }
}
