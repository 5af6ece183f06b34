import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  printLog
} from "./chunk-MYCWCEUN.js";
import {
  ForgeError,
  gitHubForge
} from "./chunk-U6YIBRX6.js";
import {
  node_http_default
} from "./chunk-6GOKWEBO.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";

// src/forge/gitlab.ts
import { readFileSync } from "node:fs";

// src/forge/gitlab-http.ts
import https from "node:https";
import tls from "node:tls";

// src/forge/gitlab-errors.ts
var TLS_CODES = /* @__PURE__ */ new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID"
]);
function isCertificateFailure(code) {
  return code !== void 0 && TLS_CODES.has(code);
}
function gitLabRequestError(failure) {
  const { action, status, apiUrl, token } = failure;
  const tokenHint = `Create a project or group access token with the api scope (Developer role or higher) and store it in the masked CI/CD variable ${token.variable}. CI_JOB_TOKEN cannot post notes, open merge requests or create issues.`;
  const message = gitLabMessage(failure.body);
  const said = message ? `: ${message}` : "";
  if (status === void 0) {
    const code = failure.networkCode ?? "unknown error";
    if (TLS_CODES.has(code)) {
      return new ForgeError(
        `could not ${action}: GitLab's TLS certificate at ${apiUrl} is not trusted (${code})`,
        void 0,
        "Point plumbline at the CA that signed it: on a runner CI_SERVER_TLS_CA_FILE is used when set; elsewhere set PLUMBLINE_GITLAB_CA_FILE to a PEM file."
      );
    }
    return new ForgeError(
      `could not ${action}: GitLab at ${apiUrl} did not answer (${code}, ${attempts(failure.attempts)})`,
      void 0,
      "Check that the API URL is right and that the runner can reach it, then rerun the job."
    );
  }
  if (status === 401) {
    return new ForgeError(
      `GitLab rejected the token while plumbline tried to ${action} (401 Unauthorized): it is missing, invalid, expired or revoked`,
      401,
      tokenHint
    );
  }
  if (status === 403) {
    const scope = insufficientScope(failure.body, failure.headers);
    if (scope !== void 0) {
      return new ForgeError(
        `the token cannot ${action}: it lacks the ${scope} scope (403 insufficient_scope)`,
        403,
        `${tokenHint} A token with only read_api, read_repository or write_repository is not enough.`
      );
    }
    return new ForgeError(
      `the token's user is not allowed to ${action} (403 Forbidden${said ? `, ${message}` : ""}): its role in the project is too low`,
      403,
      "Give the access token the Developer role (or higher) on the project; Reporter can comment but cannot open merge requests, and only the author can edit a note."
    );
  }
  if (status === 404) {
    return new ForgeError(
      `GitLab found nothing while plumbline tried to ${action} (404${said})`,
      404,
      "Check the project id and the issue or merge request number; GitLab also answers 404 for projects the token cannot see, so make sure the token is a member of the project."
    );
  }
  if (status === 429) {
    const wait = failure.waitMs === void 0 ? "" : ` and asked to wait ${Math.ceil(failure.waitMs / 1e3)} s`;
    return new ForgeError(
      `GitLab rate-limited plumbline while it tried to ${action} (429 Too Many Requests${wait}, ${attempts(failure.attempts)})`,
      429,
      "Rerun the job later; on a self-managed instance an administrator can raise the API or notes rate limits."
    );
  }
  if (status >= 500) {
    return new ForgeError(
      `GitLab failed while plumbline tried to ${action} (${status}${said}, ${attempts(failure.attempts)})`,
      status,
      "GitLab may be down or overloaded; check the instance status page and rerun the job."
    );
  }
  return new ForgeError(
    `GitLab refused to ${action} (${status}${said})`,
    status,
    "This is most likely a plumbline bug: please report it with this message."
  );
}
function insufficientScope(body, headers) {
  if (isRecord(body) && body.error === "insufficient_scope") {
    return typeof body.scope === "string" && body.scope !== "" ? body.scope.split(" ")[0] : "api";
  }
  const challenge = headers["www-authenticate"];
  if (challenge?.includes("insufficient_scope")) return /scope="([^" ]+)/.exec(challenge)?.[1] ?? "api";
  return void 0;
}
function gitLabMessage(body) {
  if (typeof body === "string") return body.trim().slice(0, 300);
  if (!isRecord(body)) return "";
  const value2 = body.message ?? body.error_description ?? body.error;
  return flatten(value2);
}
function flatten(value2) {
  if (typeof value2 === "string") return value2;
  if (Array.isArray(value2)) return value2.map(flatten).join("; ");
  if (isRecord(value2)) {
    return Object.entries(value2).map(([field, detail]) => `${field} ${flatten(detail)}`).join("; ");
  }
  return value2 === void 0 || value2 === null ? "" : String(value2);
}
function attempts(count) {
  return count === 1 ? "1 attempt" : `${count} attempts`;
}
function isRecord(value2) {
  return typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
}

// src/forge/gitlab-retry.ts
var defaultRetryPolicy = { maxAttempts: 4, maxWaitSeconds: 120 };
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "DELETE"]);
var RETRIED_SERVER_ERRORS = /* @__PURE__ */ new Set([500, 502, 503, 504]);
function decideRetry(outcome, policy) {
  const { method, status, headers, attempt, now } = outcome;
  const retryable = status === 429 || IDEMPOTENT.has(method) && (status === void 0 || RETRIED_SERVER_ERRORS.has(status));
  if (!retryable) return { retry: false, reason: "not-retryable" };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: "attempts-exhausted" };
  const asked = status === void 0 ? void 0 : serverWaitMs(headers, now, status === 429);
  const waitMs = asked ?? backoffMs(attempt);
  if (waitMs > policy.maxWaitSeconds * 1e3) return { retry: false, reason: "wait-too-long", waitMs };
  return { retry: true, waitMs };
}
function serverWaitMs(headers, now, rateLimited) {
  const retryAfter = headers["retry-after"]?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1e3;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(at - now, 0);
  }
  if (!rateLimited) return void 0;
  return rateLimitResetMs(headers, now);
}
function rateLimitResetMs(headers, now) {
  const reset = headers["ratelimit-reset"]?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(Number(reset) * 1e3 - now, 0);
  const resetTime = headers["ratelimit-resettime"];
  if (resetTime) {
    const at = Date.parse(resetTime);
    if (!Number.isNaN(at)) return Math.max(at - now, 0);
  }
  return void 0;
}
function backoffMs(attempt) {
  return Math.min(1e3 * 2 ** (attempt - 1), 3e4);
}

// src/forge/gitlab-http.ts
var MAX_PAGES = 1e3;
function createGitLabClient(options) {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const logger = options.logger;
  const base = options.apiUrl.replace(/\/+$/, "");
  const agent = createAgent(base, options.ca);
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1e3;
  let pausedUntil = 0;
  async function request(method, path, { action, query, body }) {
    const url = new URL(base + path);
    for (const [name, value2] of Object.entries(query ?? {})) {
      if (value2 !== void 0) url.searchParams.set(name, String(value2));
    }
    const payload = body === void 0 ? void 0 : JSON.stringify(body);
    const failure = (partial) => gitLabRequestError({ action, apiUrl: base, token: options.tokenSource, ...partial });
    for (let attempt = 1; ; attempt++) {
      const pause = pausedUntil - now();
      if (pause > 0) {
        logger?.debug(`GitLab's rate-limit window is spent; waiting ${Math.ceil(pause / 1e3)} s`);
        await sleep(pause);
      }
      let answer;
      let networkCode;
      try {
        answer = await send(url, method, options.token, payload, agent, timeoutMs);
      } catch (error) {
        networkCode = error.code ?? error.message;
      }
      const headers = answer?.headers ?? {};
      if (answer) notePause(headers);
      if (answer && answer.status < 400) {
        return { status: answer.status, data: parseBody(answer), headers };
      }
      const decision = isCertificateFailure(networkCode) ? { retry: false, reason: "not-retryable" } : decideRetry({ method, status: answer?.status, headers, attempt, now: now() }, policy);
      if (decision.retry) {
        const what = answer ? `answered ${answer.status}` : `did not answer (${networkCode})`;
        logger?.warning(
          `GitLab ${what} while plumbline tried to ${action}; retrying in ${Math.ceil(decision.waitMs / 1e3)} s (attempt ${attempt + 1} of ${policy.maxAttempts})`
        );
        await sleep(decision.waitMs);
        continue;
      }
      throw failure({
        status: answer?.status,
        body: answer ? parseBody(answer) : void 0,
        headers,
        attempts: attempt,
        networkCode,
        ...decision.reason === "wait-too-long" ? { waitMs: decision.waitMs } : {}
      });
    }
  }
  function notePause(headers) {
    if (headers["ratelimit-remaining"]?.trim() !== "0") return;
    const wait = rateLimitResetMs(headers, now());
    if (wait !== void 0) pausedUntil = now() + Math.min(wait, policy.maxWaitSeconds * 1e3);
  }
  async function paginate(path, { action, query }) {
    const items = [];
    let pageQuery = { ...query, per_page: 100 };
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await request("GET", path, { action, query: pageQuery });
      if (!Array.isArray(response.data)) {
        throw gitLabRequestError({
          action,
          apiUrl: base,
          token: options.tokenSource,
          status: response.status,
          body: "GitLab answered a list route with something that is not a list",
          headers: response.headers,
          attempts: 1
        });
      }
      items.push(...response.data);
      const next = nextPageQuery(response.headers, pageQuery);
      if (next === void 0) return items;
      pageQuery = next;
    }
    logger?.warning(`stopped after ${MAX_PAGES} pages while plumbline tried to ${action}`);
    return items;
  }
  return { request, paginate };
}
function nextPageQuery(headers, current) {
  const nextPage = headers["x-next-page"];
  if (nextPage !== void 0) {
    return nextPage.trim() === "" ? void 0 : { ...current, page: nextPage.trim() };
  }
  const link = headers.link;
  if (!link) return void 0;
  for (const part of link.split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return Object.fromEntries(new URL(match[1]).searchParams);
  }
  return void 0;
}
function createAgent(base, ca) {
  if (!base.startsWith("https:")) return new node_http_default.Agent({ keepAlive: true });
  if (ca === void 0) return new https.Agent({ keepAlive: true });
  const defaults = tls.getCACertificates?.(
    "default"
  ) ?? [...tls.rootCertificates];
  return new https.Agent({ keepAlive: true, ca: [...defaults, ca] });
}
function send(url, method, token, payload, agent, timeoutMs) {
  const headers = {
    accept: "application/json",
    authorization: `Bearer ${token}`,
    "user-agent": "plumbline"
  };
  if (payload !== void 0) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(payload));
  }
  const transport = url.protocol === "https:" ? https : node_http_default;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, { method, headers, agent }, (incoming) => {
      const chunks = [];
      incoming.on("data", (chunk) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        const flat = {};
        for (const [name, value2] of Object.entries(incoming.headers)) {
          flat[name] = Array.isArray(value2) ? value2.join(", ") : value2;
        }
        resolve({
          status: incoming.statusCode ?? 0,
          headers: flat,
          text: Buffer.concat(chunks).toString("utf8")
        });
      });
    });
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy(
        Object.assign(new Error(`no answer within ${timeoutMs / 1e3} s`), { code: "ETIMEDOUT" })
      );
    });
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}
function parseBody(answer) {
  if (answer.text === "") return void 0;
  if (answer.headers["content-type"]?.includes("json")) {
    try {
      return JSON.parse(answer.text);
    } catch {
      return answer.text;
    }
  }
  return answer.text;
}

// src/forge/gitlab.ts
var GITLAB_NOTE_LIMIT = 1e6;
function createGitLabForge(options) {
  const client = createGitLabClient({
    token: options.token,
    apiUrl: options.apiUrl,
    ...options.caFile === void 0 ? {} : { ca: readCa(options.caFile) },
    tokenSource: { variable: options.tokenVariable ?? "PLUMBLINE_GITLAB_TOKEN" },
    logger: options.logger,
    retry: options.retry,
    timeoutSeconds: options.timeoutSeconds,
    sleep: options.sleep,
    now: options.now
  });
  return new GitLabForge(
    client,
    encodeURIComponent(String(options.projectId)),
    options.apiUrl,
    options.logger
  );
}
var GitLabForge = class {
  constructor(client, project, apiUrl, logger) {
    this.client = client;
    this.project = project;
    this.apiUrl = apiUrl;
    this.logger = logger;
  }
  client;
  project;
  apiUrl;
  logger;
  bodyLimit = GITLAB_NOTE_LIMIT;
  words = { changeRequest: "merge request", reference: (number) => `!${number}` };
  author;
  threadUrls = /* @__PURE__ */ new Map();
  currentAuthor() {
    this.author ??= this.client.request("GET", "/user", { action: "read the token's user" }).then(({ data }) => {
      if (typeof data?.username !== "string") throw this.notGitLab("read the token's user");
      return data.username;
    }).catch((error) => {
      this.author = void 0;
      throw error;
    });
    return this.author;
  }
  async listComments(thread) {
    const notes = await this.client.paginate(`${this.threadPath(thread)}/notes`, {
      action: `list the notes of ${describe(thread)}`,
      query: { sort: "asc", order_by: "created_at" }
    });
    const url = await this.threadUrl(thread);
    return notes.filter((note) => !note.system).map((note) => toComment(note, url));
  }
  async createComment(thread, body) {
    const action = `post a note on ${describe(thread)}`;
    this.checkLength(body, action);
    const { data } = await this.client.request("POST", `${this.threadPath(thread)}/notes`, {
      action,
      body: { body }
    });
    return toComment(data, await this.threadUrl(thread));
  }
  async updateComment(thread, id, body) {
    const action = `update note ${id} on ${describe(thread)}`;
    this.checkLength(body, action);
    await this.client.request("PUT", `${this.threadPath(thread)}/notes/${id}`, { action, body: { body } });
  }
  async deleteComment(thread, id) {
    await this.client.request("DELETE", `${this.threadPath(thread)}/notes/${id}`, {
      action: `delete note ${id} on ${describe(thread)}`
    });
  }
  async addLabels(thread, labels) {
    if (labels.length === 0) return;
    const action = `add labels ${labels.join(", ")} to ${describe(thread)}`;
    await this.client.request("PUT", this.threadPath(thread), {
      action,
      body: { add_labels: labelList(labels, action) }
    });
  }
  async removeLabel(thread, label) {
    const action = `remove label ${label} from ${describe(thread)}`;
    await this.client.request("PUT", this.threadPath(thread), {
      action,
      body: { remove_labels: labelList([label], action) }
    });
  }
  async listIssues(labels, state) {
    const action = `list ${state === "all" ? "" : `${state} `}issues labelled ${labels.join(", ") || "(any)"}`;
    const issues = await this.client.paginate(`/projects/${this.project}/issues`, {
      action,
      query: {
        labels: labels.length === 0 ? void 0 : labelList(labels, action),
        state: state === "open" ? "opened" : state,
        order_by: "created_at",
        sort: "asc"
      }
    });
    return issues.map(toIssue);
  }
  async createIssue(issue) {
    const action = `create issue "${issue.title}"`;
    this.checkLength(issue.body, action);
    const { data } = await this.client.request("POST", `/projects/${this.project}/issues`, {
      action,
      body: {
        title: issue.title,
        description: issue.body,
        ...issue.labels.length === 0 ? {} : { labels: labelList(issue.labels, action) }
      }
    });
    return toIssue(data);
  }
  async updateIssue(number, patch) {
    const action = `update issue #${number}`;
    const body = {};
    if (patch.title !== void 0) body.title = patch.title;
    if (patch.body !== void 0) {
      this.checkLength(patch.body, action);
      body.description = patch.body;
    }
    if (patch.state !== void 0) body.state_event = patch.state === "open" ? "reopen" : "close";
    if (Object.keys(body).length === 0) return;
    await this.client.request("PUT", `/projects/${this.project}/issues/${number}`, { action, body });
  }
  async findChangeRequest(head, base) {
    const requests = await this.client.paginate(
      `/projects/${this.project}/merge_requests`,
      {
        action: `look for an open merge request from ${head} into ${base}`,
        query: { state: "opened", source_branch: head, target_branch: base }
      }
    );
    const found = requests.find(
      (request) => request.source_branch === head && request.target_branch === base
    );
    return found === void 0 ? void 0 : toChangeRequest(found);
  }
  async createChangeRequest(request) {
    const action = `open a merge request from ${request.head} into ${request.base}`;
    this.checkLength(request.body, action);
    const { data } = await this.client.request(
      "POST",
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
          ...request.labels.length === 0 ? {} : { labels: labelList(request.labels, action) }
        }
      }
    );
    return toChangeRequest(data);
  }
  async updateChangeRequest(number, patch) {
    const action = `update merge request !${number}`;
    const body = {};
    if (patch.title !== void 0) body.title = patch.title;
    if (patch.body !== void 0) {
      this.checkLength(patch.body, action);
      body.description = patch.body;
    }
    if (Object.keys(body).length === 0) return;
    await this.client.request("PUT", `/projects/${this.project}/merge_requests/${number}`, { action, body });
  }
  /**
   * The thread's web page, which note links hang off (`…/merge_requests/4#note_99`): notes
   * carry no URL of their own. Asked once per thread, and only for links: a failure leaves
   * the comments without one rather than failing the run.
   */
  threadUrl(thread) {
    const key = `${thread.kind}:${thread.number}`;
    let url = this.threadUrls.get(key);
    if (url === void 0) {
      url = this.client.request("GET", this.threadPath(thread), {
        action: `read ${describe(thread)}`
      }).then(({ data }) => typeof data?.web_url === "string" ? data.web_url : void 0).catch((error) => {
        this.logger?.debug(`no link to the notes of ${describe(thread)}: ${error.message}`);
        return void 0;
      });
      this.threadUrls.set(key, url);
    }
    return url;
  }
  threadPath(thread) {
    const kind = thread.kind === "change-request" ? "merge_requests" : "issues";
    return `/projects/${this.project}/${kind}/${thread.number}`;
  }
  checkLength(body, action) {
    if (body.length <= this.bodyLimit) return;
    throw new ForgeError(
      `could not ${action}: the text has ${body.length} characters and GitLab accepts at most ${this.bodyLimit}`,
      void 0,
      "This is a plumbline bug (long reports are split before posting): please report it."
    );
  }
  notGitLab(action) {
    return new ForgeError(
      `could not ${action}: ${this.apiUrl} did not answer like GitLab's REST API`,
      void 0,
      "Set the API URL to the instance root followed by /api/v4, as $CI_API_V4_URL is on a runner."
    );
  }
};
function describe(thread) {
  return thread.kind === "change-request" ? `merge request !${thread.number}` : `issue #${thread.number}`;
}
function labelList(labels, action) {
  const bad = labels.find((label) => label.includes(","));
  if (bad !== void 0) {
    throw new ForgeError(
      `could not ${action}: GitLab label names cannot contain a comma ('${bad}')`,
      void 0,
      "Rename the label in plumbline.yaml (drift.labels) so it has no comma."
    );
  }
  return labels.join(",");
}
function readCa(file) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new ForgeError(
      `could not read the GitLab CA file ${file}: ${error.message}`,
      void 0,
      "Point CI_SERVER_TLS_CA_FILE or PLUMBLINE_GITLAB_CA_FILE at a readable PEM file, or unset it to use the system roots.",
      { cause: error }
    );
  }
}
function toComment(note, threadUrl) {
  const comment = { id: note.id, body: note.body, author: note.author.username };
  if (threadUrl !== void 0) comment.url = `${threadUrl}#note_${note.id}`;
  return comment;
}
function toIssue(issue) {
  return {
    number: issue.iid,
    title: issue.title,
    body: issue.description ?? "",
    state: issue.state === "opened" ? "open" : "closed",
    labels: issue.labels,
    url: issue.web_url
  };
}
function toChangeRequest(request) {
  return {
    number: request.iid,
    title: request.title,
    body: request.description ?? "",
    url: request.web_url,
    head: request.source_branch,
    base: request.target_branch
  };
}

// src/forge/gitlab-env.ts
var DEFAULT_TOKEN_VARIABLE = "PLUMBLINE_GITLAB_TOKEN";
function gitLabCiContext(env) {
  const iid = value(env, "CI_MERGE_REQUEST_IID");
  return {
    forge: gitLabForgeOptionsFromEnvironment(env),
    mergeRequest: iid === void 0 ? void 0 : {
      iid: Number(iid),
      sourceBranch: value(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") ?? "",
      targetBranch: value(env, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME") ?? "",
      diffBaseSha: value(env, "CI_MERGE_REQUEST_DIFF_BASE_SHA")
    },
    defaultBranch: value(env, "CI_DEFAULT_BRANCH")
  };
}
function gitLabForgeOptionsFromEnvironment(env) {
  const tokenVariable = value(env, "PLUMBLINE_GITLAB_TOKEN_VARIABLE") ?? DEFAULT_TOKEN_VARIABLE;
  const setUp = `Create a project or group access token with the api scope and the Developer role (add write_repository for promote), then add it under Settings > CI/CD > Variables as ${tokenVariable}, masked. A protected variable is only visible to pipelines on protected branches, so leave it unprotected for merge request pipelines or protect the branches.`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenVariable)) {
    throw new PlumblineError(
      `token-variable must name a CI/CD variable, like ${DEFAULT_TOKEN_VARIABLE}; got '${tokenVariable}'`,
      "Give the name of the variable, not its value or $NAME."
    );
  }
  const token = value(env, tokenVariable);
  if (token === void 0) {
    throw new PlumblineError(
      `the CI/CD variable ${tokenVariable} is not set or empty, so plumbline has no GitLab token`,
      setUp
    );
  }
  const jobToken = value(env, "CI_JOB_TOKEN");
  if (tokenVariable === "CI_JOB_TOKEN" || token === jobToken || token.startsWith("glcbt-")) {
    throw new PlumblineError(
      `${tokenVariable} holds the CI job token, which GitLab does not let post notes, create issues or open merge requests`,
      setUp
    );
  }
  const apiUrl = value(env, "PLUMBLINE_GITLAB_API_URL") ?? value(env, "CI_API_V4_URL");
  if (apiUrl === void 0) {
    throw new PlumblineError(
      "no GitLab API URL: CI_API_V4_URL is not set",
      "Outside GitLab CI, set PLUMBLINE_GITLAB_API_URL to the instance root followed by /api/v4, e.g. https://gitlab.com/api/v4."
    );
  }
  const projectId = value(env, "PLUMBLINE_GITLAB_PROJECT") ?? value(env, "CI_MERGE_REQUEST_PROJECT_ID") ?? value(env, "CI_PROJECT_ID");
  if (projectId === void 0) {
    throw new PlumblineError(
      "no GitLab project: CI_PROJECT_ID is not set",
      "Outside GitLab CI, set PLUMBLINE_GITLAB_PROJECT to the project id or its full path, e.g. acme/deploy."
    );
  }
  const caFile = value(env, "PLUMBLINE_GITLAB_CA_FILE") ?? value(env, "CI_SERVER_TLS_CA_FILE");
  return { token, tokenVariable, apiUrl, projectId, caFile };
}
function value(env, name) {
  const found = env[name]?.trim();
  return found === void 0 || found === "" ? void 0 : found;
}

// src/entry/forge-from-env.ts
var FORGE_KINDS = ["github", "gitlab"];
var set = (env, name) => (env[name]?.trim() ?? "") !== "";
function detectForge(env = process.env) {
  if (set(env, "GITLAB_CI")) return "gitlab";
  return "github";
}
function forgeFromEnvironment(kind, env = process.env, options = {}) {
  const logger = options.logger ?? {
    warning: (message) => printLog(message)
  };
  if (kind === "gitlab") {
    return createGitLabForge({
      ...gitLabForgeOptionsFromEnvironment(env),
      logger: { warning: logger.warning, debug: logger.debug ?? (() => {
      }) }
    });
  }
  const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
  if (!token) {
    throw new PlumblineError(
      "GITHUB_TOKEN is not set, so plumbline cannot reach GitHub",
      "Set GITHUB_TOKEN (or GH_TOKEN) to a token with the permissions the command needs (plan: pull-requests: write; promote: contents and pull-requests: write; drift: issues: write); in a workflow, github.token works. On GitLab, pass --forge gitlab."
    );
  }
  const repository = env.GITHUB_REPOSITORY?.trim() || options.repository || "";
  return gitHubForge({
    token,
    repository,
    apiUrl: env.GITHUB_API_URL,
    logger
  });
}
function gitHubRepositoryOfRemote(url) {
  return /github\.com[:/]([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url.trim())?.[1];
}
function branchFromEnvironment(kind, env = process.env) {
  if (kind === "gitlab") return env.CI_COMMIT_BRANCH?.trim() || void 0;
  return env.GITHUB_REF?.startsWith("refs/heads/") ? env.GITHUB_REF_NAME?.trim() || void 0 : void 0;
}

export {
  gitLabCiContext,
  FORGE_KINDS,
  detectForge,
  forgeFromEnvironment,
  gitHubRepositoryOfRemote,
  branchFromEnvironment
};
