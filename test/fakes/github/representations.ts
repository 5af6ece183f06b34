/**
 * The JSON GitHub sends for each stored object, complete enough that every response the
 * fake sends validates against the OpenAPI description's response schema.
 */
import type { FakeComment, FakeIssue, FakeLabel, FakeRepo, FakeUser } from './state.js';

export interface Urls {
  /** The API root the client used, e.g. http://127.0.0.1:43123 */
  api: string;
  /** The web root links point to. */
  web: string;
}

export function userJson(user: FakeUser, urls: Urls) {
  const url = `${urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.example.test/u/${user.id}`,
    gravatar_id: '',
    url,
    html_url: `${urls.web}/${user.type === 'Bot' ? `apps/${user.login.replace('[bot]', '')}` : user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
    user_view_type: 'public',
  };
}

/** GET /user for a personal token: the public profile fields. */
export function authenticatedUserJson(user: FakeUser, urls: Urls) {
  return {
    ...userJson(user, urls),
    name: user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
  };
}

export function labelJson(repo: FakeRepo, label: FakeLabel, urls: Urls) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoApi(repo, urls)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

function issueLabels(repo: FakeRepo, issue: FakeIssue, urls: Urls) {
  return issue.labels.map((name) => {
    const label = repo.labels.get(name.toLowerCase());
    if (!label) throw new Error(`label ${name} of #${issue.number} is not in ${repo.owner}/${repo.name}`);
    return labelJson(repo, label, urls);
  });
}

export function issueJson(repo: FakeRepo, issue: FakeIssue, users: Map<string, FakeUser>, urls: Urls) {
  const api = `${repoApi(repo, urls)}/issues/${issue.number}`;
  const web = `${repoWeb(repo, urls)}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  return {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    url: api,
    repository_url: repoApi(repo, urls),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(knownUser(users, issue.author), urls),
    labels: issueLabels(repo, issue, urls),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(repo, issue.author),
    ...(issue.pull
      ? {
          pull_request: {
            url: `${repoApi(repo, urls)}/pulls/${issue.number}`,
            html_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            merged_at: null,
          },
          draft: issue.pull.draft,
        }
      : {}),
  };
}

export function commentJson(repo: FakeRepo, comment: FakeComment, users: Map<string, FakeUser>, urls: Urls) {
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pull ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: `${repoApi(repo, urls)}/issues/comments/${comment.id}`,
    html_url: `${repoWeb(repo, urls)}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoApi(repo, urls)}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(knownUser(users, comment.author), urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(repo, comment.author),
  };
}

function pullBase(repo: FakeRepo, issue: FakeIssue, users: Map<string, FakeUser>, urls: Urls) {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const api = `${repoApi(repo, urls)}/pulls/${issue.number}`;
  const web = `${repoWeb(repo, urls)}/pull/${issue.number}`;
  const issueApi = `${repoApi(repo, urls)}/issues/${issue.number}`;
  const owner = userJson(knownUser(users, repo.owner), urls);
  const branch = (ref: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    repo: repositoryJson(repo, users, urls),
    sha: repo.branchHeads?.get(ref) ?? fakeSha(`${repo.owner}/${repo.name}@${ref}`),
    user: owner,
  });
  return {
    url: api,
    id: issue.id,
    node_id: nodeId('PR', issue.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(repo, urls)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${repoApi(repo, urls)}/statuses/${fakeSha(`${repo.owner}/${repo.name}@${pull.head}`)}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(knownUser(users, issue.author), urls),
    body: issue.body,
    labels: issueLabels(repo, issue, urls).map((label) => ({
      ...label,
      description: label.description ?? '',
    })),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branch(pull.head),
    base: branch(pull.base),
    _links: {
      self: { href: api },
      html: { href: web },
      issue: { href: issueApi },
      comments: { href: `${issueApi}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(repo, urls)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi(repo, urls)}/statuses/${fakeSha(pull.head)}` },
    },
    author_association: authorAssociation(repo, issue.author),
    auto_merge: null,
    draft: pull.draft,
  };
}

/** One pull request as the list endpoint returns it. */
export function pullSimpleJson(repo: FakeRepo, issue: FakeIssue, users: Map<string, FakeUser>, urls: Urls) {
  return pullBase(repo, issue, users, urls);
}

/** One pull request as the get, create and update endpoints return it. */
export function pullJson(repo: FakeRepo, issue: FakeIssue, users: Map<string, FakeUser>, urls: Urls) {
  return {
    ...pullBase(repo, issue, users, urls),
    merged: issue.pull?.merged ?? false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 1,
    changed_files: 1,
  };
}

export function repositoryJson(repo: FakeRepo, users: Map<string, FakeUser>, urls: Urls) {
  const api = repoApi(repo, urls);
  const web = repoWeb(repo, urls);
  const openIssues = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: userJson(knownUser(users, repo.owner), urls),
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    html_url: web,
    description: null,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://example.test/${repo.owner}/${repo.name}.git`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@example.test:${repo.owner}/${repo.name}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${web}.git`,
    mirror_url: null,
    svn_url: web,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues: openIssues,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: '2025-01-01T00:00:00Z',
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

/** GET /repos/{owner}/{repo}: the repository plus the counts only that endpoint carries. */
export function fullRepositoryJson(repo: FakeRepo, users: Map<string, FakeUser>, urls: Urls) {
  return { ...repositoryJson(repo, users, urls), network_count: 0, subscribers_count: 0 };
}

function repoApi(repo: FakeRepo, urls: Urls): string {
  return `${urls.api}/repos/${repo.owner}/${repo.name}`;
}

function repoWeb(repo: FakeRepo, urls: Urls): string {
  return `${urls.web}/${repo.owner}/${repo.name}`;
}

function knownUser(users: Map<string, FakeUser>, login: string): FakeUser {
  const user = users.get(login);
  if (!user) throw new Error(`the fake GitHub has no user ${login}`);
  return user;
}

function authorAssociation(repo: FakeRepo, login: string): string {
  return login.toLowerCase() === repo.owner.toLowerCase()
    ? 'OWNER'
    : login.endsWith('[bot]')
      ? 'NONE'
      : 'MEMBER';
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`;
}

/** A stable 40-hex string standing in for a commit; the fake keeps no git objects. */
function fakeSha(seed: string): string {
  let hash = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (const char of `${seed}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}
