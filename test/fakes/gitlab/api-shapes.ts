/**
 * The request shapes of the GitLab REST API (v4) that plumbline uses, pinned in one place.
 *
 * GitLab publishes an OpenAPI description only for part of its API (doc/api/openapi), and
 * no npm package ships it, so the fake GitLab checks every request against this table
 * instead: method, path template, the query parameters GitLab documents for the route and
 * the body fields with their types. Anything else is recorded as a violation, so a client
 * that sends `state=open` (a GitHub word) or `labels[]=` fails a test instead of silently
 * passing against a lenient fake. Each shape names the documentation page it was copied from.
 */

/** How GitLab's Grape API reads a parameter. */
export type ParamType =
  | 'string'
  | 'integer'
  | 'boolean'
  /** Comma-separated names, e.g. `labels=drift,prod` (GitLab also takes arrays in JSON bodies; plumbline sends the documented string form). */
  | 'comma-list'
  | { enum: readonly string[] };

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestShape {
  method: Method;
  /** Relative to `/api/v4`, with `:name` segments, e.g. `/projects/:id/issues/:issue_iid`. */
  path: string;
  /** Every query parameter GitLab documents for the route that a client may send. */
  query: Record<string, ParamType>;
  /** JSON body fields; `undefined` means the route takes no body. */
  body?: Record<string, ParamType>;
  /** Body fields GitLab answers 400 without. */
  required?: readonly string[];
  /** The documentation the shape follows. */
  source: string;
}

const DOCS = 'https://docs.gitlab.com/api';

/** Offset pagination, accepted by every list route (`per_page` at most 100). */
const pagination: Record<string, ParamType> = { page: 'integer', per_page: 'integer' };

const sort = { enum: ['asc', 'desc'] } as const;

const noteList: Record<string, ParamType> = {
  ...pagination,
  sort,
  order_by: { enum: ['created_at', 'updated_at'] },
  activity_filter: { enum: ['all_notes', 'only_comments', 'only_activity'] },
};

const noteCreate: Record<string, ParamType> = {
  body: 'string',
  internal: 'boolean',
  confidential: 'boolean',
  created_at: 'string',
};

const labelEdits: Record<string, ParamType> = {
  labels: 'comma-list',
  add_labels: 'comma-list',
  remove_labels: 'comma-list',
};

export const requestShapes: readonly RequestShape[] = [
  { method: 'GET', path: '/user', query: {}, source: `${DOCS}/users/#retrieve-the-current-user` },

  // Issues
  {
    method: 'GET',
    path: '/projects/:id/issues',
    query: {
      ...pagination,
      labels: 'comma-list',
      not: 'string',
      state: { enum: ['opened', 'closed', 'all'] },
      order_by: {
        enum: [
          'created_at',
          'updated_at',
          'priority',
          'due_date',
          'relative_position',
          'label_priority',
          'milestone_due',
          'popularity',
          'weight',
          'title',
        ],
      },
      sort,
      search: 'string',
      in: 'string',
      iids: 'string',
      author_username: 'string',
      assignee_username: 'string',
      milestone: 'string',
      scope: { enum: ['created_by_me', 'assigned_to_me', 'all'] },
      issue_type: { enum: ['issue', 'incident', 'test_case', 'task'] },
      confidential: 'boolean',
      with_labels_details: 'boolean',
      created_after: 'string',
      created_before: 'string',
      updated_after: 'string',
      updated_before: 'string',
    },
    source: `${DOCS}/issues/#list-project-issues`,
  },
  {
    method: 'POST',
    path: '/projects/:id/issues',
    query: {},
    body: {
      title: 'string',
      description: 'string',
      labels: 'comma-list',
      confidential: 'boolean',
      assignee_ids: 'string',
      milestone_id: 'integer',
      due_date: 'string',
      issue_type: { enum: ['issue', 'incident', 'test_case', 'task'] },
    },
    required: ['title'],
    source: `${DOCS}/issues/#new-issue`,
  },
  {
    method: 'GET',
    path: '/projects/:id/issues/:issue_iid',
    query: {},
    source: `${DOCS}/issues/#single-project-issue`,
  },
  {
    method: 'PUT',
    path: '/projects/:id/issues/:issue_iid',
    query: {},
    body: {
      ...labelEdits,
      title: 'string',
      description: 'string',
      state_event: { enum: ['close', 'reopen'] },
      confidential: 'boolean',
      discussion_locked: 'boolean',
      assignee_ids: 'string',
      milestone_id: 'integer',
      due_date: 'string',
    },
    source: `${DOCS}/issues/#edit-an-issue`,
  },

  // Merge requests
  {
    method: 'GET',
    path: '/projects/:id/merge_requests',
    query: {
      ...pagination,
      state: { enum: ['opened', 'closed', 'locked', 'merged', 'all'] },
      source_branch: 'string',
      target_branch: 'string',
      labels: 'comma-list',
      order_by: { enum: ['created_at', 'updated_at', 'merged_at', 'title'] },
      sort,
      scope: { enum: ['created_by_me', 'assigned_to_me', 'all'] },
      author_username: 'string',
      search: 'string',
      view: { enum: ['simple'] },
      wip: { enum: ['yes', 'no'] },
      iids: 'string',
    },
    source: `${DOCS}/merge_requests/#list-project-merge-requests`,
  },
  {
    method: 'POST',
    path: '/projects/:id/merge_requests',
    query: {},
    body: {
      source_branch: 'string',
      target_branch: 'string',
      title: 'string',
      description: 'string',
      labels: 'comma-list',
      remove_source_branch: 'boolean',
      squash: 'boolean',
      target_project_id: 'integer',
      assignee_id: 'integer',
      milestone_id: 'integer',
      allow_collaboration: 'boolean',
    },
    required: ['source_branch', 'target_branch', 'title'],
    source: `${DOCS}/merge_requests/#create-mr`,
  },
  {
    method: 'GET',
    path: '/projects/:id/merge_requests/:merge_request_iid',
    query: {
      render_html: 'boolean',
      include_diverged_commits_count: 'boolean',
      include_rebase_in_progress: 'boolean',
    },
    source: `${DOCS}/merge_requests/#get-single-mr`,
  },
  {
    method: 'PUT',
    path: '/projects/:id/merge_requests/:merge_request_iid',
    query: {},
    body: {
      ...labelEdits,
      title: 'string',
      description: 'string',
      state_event: { enum: ['close', 'reopen'] },
      target_branch: 'string',
      remove_source_branch: 'boolean',
      squash: 'boolean',
      discussion_locked: 'boolean',
      assignee_id: 'integer',
      milestone_id: 'integer',
    },
    source: `${DOCS}/merge_requests/#update-mr`,
  },

  // Notes on issues and merge requests
  {
    method: 'GET',
    path: '/projects/:id/issues/:issue_iid/notes',
    query: noteList,
    source: `${DOCS}/notes/#list-project-issue-notes`,
  },
  {
    method: 'POST',
    path: '/projects/:id/issues/:issue_iid/notes',
    query: {},
    body: noteCreate,
    required: ['body'],
    source: `${DOCS}/notes/#create-new-issue-note`,
  },
  {
    method: 'PUT',
    path: '/projects/:id/issues/:issue_iid/notes/:note_id',
    query: {},
    body: { body: 'string', confidential: 'boolean' },
    required: ['body'],
    source: `${DOCS}/notes/#modify-existing-issue-note`,
  },
  {
    method: 'DELETE',
    path: '/projects/:id/issues/:issue_iid/notes/:note_id',
    query: {},
    source: `${DOCS}/notes/#delete-an-issue-note`,
  },
  {
    method: 'GET',
    path: '/projects/:id/merge_requests/:merge_request_iid/notes',
    query: noteList,
    source: `${DOCS}/notes/#list-all-merge-request-notes`,
  },
  {
    method: 'POST',
    path: '/projects/:id/merge_requests/:merge_request_iid/notes',
    query: {},
    body: { ...noteCreate, merge_request_diff_head_sha: 'string' },
    required: ['body'],
    source: `${DOCS}/notes/#create-new-merge-request-note`,
  },
  {
    method: 'PUT',
    path: '/projects/:id/merge_requests/:merge_request_iid/notes/:note_id',
    query: {},
    body: { body: 'string', confidential: 'boolean' },
    required: ['body'],
    source: `${DOCS}/notes/#modify-existing-merge-request-note`,
  },
  {
    method: 'DELETE',
    path: '/projects/:id/merge_requests/:merge_request_iid/notes/:note_id',
    query: {},
    source: `${DOCS}/notes/#delete-a-merge-request-note`,
  },

  // Labels
  {
    method: 'GET',
    path: '/projects/:id/labels',
    query: { ...pagination, with_counts: 'boolean', include_ancestor_groups: 'boolean', search: 'string' },
    source: `${DOCS}/labels/#list-labels`,
  },
  {
    method: 'POST',
    path: '/projects/:id/labels',
    query: {},
    body: { name: 'string', color: 'string', description: 'string', priority: 'integer' },
    required: ['name', 'color'],
    source: `${DOCS}/labels/#create-a-new-label`,
  },
];

/** A request matched to its shape, with the path parameters it carried. */
export interface ShapeMatch {
  shape: RequestShape;
  params: Record<string, string>;
}

/** The shape for `method path` (path relative to `/api/v4`, still percent-encoded), if any. */
export function matchShape(method: string, path: string): ShapeMatch | undefined {
  const segments = path.split('/');
  for (const shape of requestShapes) {
    if (shape.method !== method) continue;
    const template = shape.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const actual = segments[index]!;
      if (part.startsWith(':')) {
        if (actual === '') return false;
        params[part.slice(1)] = decodeURIComponent(actual);
        return true;
      }
      return part === actual;
    });
    if (matches) return { shape, params };
  }
  return undefined;
}

/** What is wrong with a query parameter or body field value, or undefined when it fits. */
export function checkValue(
  name: string,
  type: ParamType,
  value: unknown,
  inQuery: boolean,
): string | undefined {
  if (typeof type === 'object') {
    return typeof value === 'string' && type.enum.includes(value)
      ? undefined
      : `${name} must be one of ${type.enum.join(', ')}; got ${JSON.stringify(value)}`;
  }
  switch (type) {
    case 'string':
    case 'comma-list':
      return typeof value === 'string' ? undefined : `${name} must be a string; got ${JSON.stringify(value)}`;
    case 'integer':
      if (inQuery)
        return /^\d+$/.test(String(value))
          ? undefined
          : `${name} must be an integer; got ${JSON.stringify(value)}`;
      return Number.isInteger(value) ? undefined : `${name} must be an integer; got ${JSON.stringify(value)}`;
    case 'boolean':
      if (inQuery) return value === 'true' || value === 'false' ? undefined : `${name} must be true or false`;
      return typeof value === 'boolean'
        ? undefined
        : `${name} must be a boolean; got ${JSON.stringify(value)}`;
  }
}

/**
 * Every way a request departs from its shape: unknown or repeated query parameters, values
 * of the wrong type, unknown or missing body fields, a body where none belongs.
 */
export function shapeViolations(
  shape: RequestShape,
  query: URLSearchParams,
  body: Record<string, unknown> | undefined,
): string[] {
  const problems: string[] = [];
  for (const name of new Set(query.keys())) {
    const type = shape.query[name];
    const values = query.getAll(name);
    if (type === undefined) problems.push(`query parameter ${name} is not accepted`);
    else if (values.length > 1) problems.push(`query parameter ${name} is repeated`);
    else {
      const problem = checkValue(name, type, values[0], true);
      if (problem) problems.push(problem);
    }
  }
  const perPage = query.get('per_page');
  if (perPage !== null && Number(perPage) > 100) problems.push('per_page above 100 is capped by GitLab');

  if (shape.body === undefined) {
    if (body !== undefined && Object.keys(body).length > 0) problems.push('this route takes no body');
    return problems;
  }
  const fields = body ?? {};
  for (const [name, value] of Object.entries(fields)) {
    const type = shape.body[name];
    if (type === undefined) problems.push(`body field ${name} is not accepted`);
    else {
      const problem = checkValue(name, type, value, false);
      if (problem) problems.push(problem);
    }
  }
  for (const name of shape.required ?? []) {
    if (!(name in fields)) problems.push(`body field ${name} is required`);
  }
  return problems;
}
