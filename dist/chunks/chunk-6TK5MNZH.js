import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  findMarker,
  markerReserve,
  readMarker,
  withMarker
} from "./chunk-L3PULLGS.js";
import {
  renderMarkdownParts
} from "./chunk-LDKLHGTU.js";
import {
  describeComparedWith,
  describeNotice,
  hasChanges,
  headlineResults,
  listedChanges,
  redactResult,
  riskCount,
  secretValueChanges
} from "./chunk-U6YIBRX6.js";
import {
  NO_OPTIONS,
  PlumblineError,
  describeProblem
} from "./chunk-HOINZ2KI.js";

// src/commands/plan-result-file.ts
import { createHash } from "node:crypto";
var PLAN_RESULT_FORMAT = 1;
function planResultFileText(result, version) {
  const compact = JSON.stringify(result);
  const file = {
    plumblinePlanResult: PLAN_RESULT_FORMAT,
    plumbline: version,
    sha256: digest(compact),
    result: JSON.parse(compact)
  };
  return `${JSON.stringify(file, null, 2)}
`;
}
function parsePlanResultFile(text, name) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw notJson(name, text, error);
  }
  if (!isRecord(data) || !("plumblinePlanResult" in data)) {
    const report = isRecord(data) && "schemaVersion" in data;
    throw new PlumblineError(
      report ? `${name} is a plan report, which holds words rather than the facts a merge needs` : `${name} is not a plan result file`,
      "Merge the plan result files the shards wrote, not their reports."
    );
  }
  const writer = typeof data.plumbline === "string" ? ` by plumbline ${data.plumbline}` : "";
  if (data.plumblinePlanResult !== PLAN_RESULT_FORMAT) {
    throw new PlumblineError(
      `${name} was written${writer} in plan result format ${String(data.plumblinePlanResult)}; this plumbline reads format ${PLAN_RESULT_FORMAT}`,
      "Run the plans and their merge with the same plumbline version."
    );
  }
  if (typeof data.sha256 !== "string" || !("result" in data)) {
    throw new PlumblineError(`${name} is not a complete plan result file: it lacks its digest or its result`);
  }
  if (digest(JSON.stringify(data.result)) !== data.sha256) {
    throw new PlumblineError(
      `${name} does not match its digest: it was changed or damaged after plumbline wrote it`,
      "Use the file as the plan wrote it (an artifact upload and download keeps it intact)."
    );
  }
  try {
    return planResult(data.result, "result");
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new PlumblineError(
      `${name} is not a plan result this plumbline can read: ${error.message}`,
      `Run the plans and their merge with the same plumbline version${writer ? ` (this file was written${writer})` : ""}.`
    );
  }
}
function digest(text) {
  return createHash("sha256").update(text).digest("hex");
}
function notJson(name, text, error) {
  const message = error instanceof Error ? error.message : "";
  const at = /position (\d+)/.exec(message)?.[1];
  const position = at === void 0 ? void 0 : Number(at);
  const truncated = /end of JSON|Unterminated/i.test(message) || position !== void 0 && position >= text.trimEnd().length;
  return new PlumblineError(
    truncated ? `${name} is cut short: its JSON ends before the plan result does` : `${name} is not valid JSON${position === void 0 ? "" : ` (at character ${position})`}`,
    "A shard that failed or an upload that was interrupted leaves such a file; run that shard again."
  );
}
var ShapeError = class extends Error {
};
function fail(path, expected) {
  throw new ShapeError(`${path} should be ${expected}`);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var string = (value, path) => typeof value === "string" ? value : fail(path, "a string");
var count = (value, path) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : fail(path, "a whole number");
var index = (value, path) => count(value, path) >= 1 ? value : fail(path, "\u2265 1");
var boolean = (value, path) => typeof value === "boolean" ? value : fail(path, "true or false");
function optional(check) {
  return { optional: check };
}
function oneOf(words) {
  const choices = Object.keys(words);
  return (value, path) => typeof value === "string" && Object.hasOwn(words, value) ? value : fail(path, `one of ${choices.join(", ")}`);
}
function array(check) {
  return (value, path) => Array.isArray(value) ? value.map((item, position) => check(item, `${path}[${position}]`)) : fail(path, "a list");
}
function object(fields) {
  const known = fields;
  return (value, path) => {
    if (!isRecord(value)) return fail(path, "an object");
    const read = {};
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(known, key)) throw new ShapeError(`${path}.${key} is not a field plumbline knows`);
    }
    for (const [key, field] of Object.entries(known)) {
      const inner = value[key];
      if (typeof field === "function") read[key] = field(inner, `${path}.${key}`);
      else if (inner !== void 0) read[key] = field.optional(inner, `${path}.${key}`);
    }
    return read;
  };
}
function byKind(shapes) {
  const known = shapes;
  return (value, path) => {
    const kind = isRecord(value) ? value.kind : void 0;
    if (typeof kind !== "string" || !Object.hasOwn(known, kind))
      return fail(`${path}.kind`, `one of ${Object.keys(known).join(", ")}`);
    return known[kind](value, path);
  };
}
var literal = (kind) => (value, path) => value === kind ? kind : fail(path, kind);
var counts = object({
  added: count,
  changed: count,
  deleted: count,
  unchanged: count
});
var change = object({
  key: string,
  id: object({
    group: string,
    version: string,
    kind: string,
    namespace: optional(string),
    name: string
  }),
  change: oneOf({ added: true, changed: true, deleted: true, unchanged: true }),
  diff: string,
  fields: array(string),
  risks: array(
    object({
      kind: oneOf({
        deletion: true,
        "namespace-deletion": true,
        "immutable-field": true,
        "pvc-shrink": true
      }),
      message: string
    })
  ),
  notes: array(string),
  images: optional(
    array(
      object({
        container: string,
        init: optional(boolean),
        from: optional(string),
        to: optional(string)
      })
    )
  )
});
var rendered = object({
  charts: array(
    object({
      repository: string,
      name: string,
      version: string,
      digest: string,
      manifestDigest: optional(string),
      dependencyOf: optional(string)
    })
  ),
  capabilities: optional(
    object({
      from: oneOf({ cluster: true, configuration: true, helm: true }),
      kubeVersion: optional(string),
      apiVersions: count
    })
  ),
  helmVersion: optional(string)
});
var environment = object({
  environment: string,
  mode: oneOf({ offline: true, live: true, reader: true }),
  comparedWith: byKind({
    base: object({ kind: literal("base"), ref: string, sha: string }),
    cluster: object({ kind: literal("cluster"), context: optional(string) }),
    "no-cluster": object({ kind: literal("no-cluster") })
  }),
  counts,
  changes: array(change),
  error: optional(
    object({
      message: string,
      hint: optional(string),
      remedy: optional(
        oneOf({
          offline: true,
          live: true,
          reader: true,
          context: true,
          base: true,
          from: true,
          image: true,
          "tag-or-digest": true,
          "via-commit": true,
          "allow-downgrade": true,
          "revision-from": true
        })
      )
    })
  ),
  notice: optional(
    byKind({
      "no-credentials": object({ kind: literal("no-credentials") }),
      fork: object({ kind: literal("fork") }),
      "no-cluster": object({ kind: literal("no-cluster") }),
      "deletions-unseen": object({ kind: literal("deletions-unseen"), kinds: array(string) })
    })
  ),
  rendered: optional(
    object({ head: optional(rendered), base: optional(rendered) })
  )
});
var revision = object({ ref: string, sha: string });
var shard = (value, path) => {
  const read = object({ index, count: index })(value, path);
  return read.index <= read.count ? read : fail(`${path}.index`, `at most its count, ${read.count}`);
};
var planResult = object({
  environments: array(environment),
  config: optional(
    object({
      from: oneOf({ base: true, head: true }),
      file: optional(string),
      headChange: optional(
        oneOf({ added: true, changed: true, removed: true })
      )
    })
  ),
  base: optional(revision),
  head: optional(revision),
  unaffected: optional(array(string)),
  shard: optional(shard),
  missingShards: optional(array(index))
});

// src/forge/sticky-comment.ts
async function syncStickyComment(forge, thread, options) {
  const { kind, key, parts } = options;
  const room = maxPartLength(forge, { kind, key });
  parts.forEach((part, index2) => {
    if (part.length > room) {
      throw new Error(
        `part ${index2 + 1} of the ${kind} comment is ${part.length} characters; the forge takes ${room} after the marker. Split it with maxPartLength().`
      );
    }
  });
  const author = (await forge.currentAuthor()).toLowerCase();
  const existing = /* @__PURE__ */ new Map();
  const surplus = [];
  for (const comment of await forge.listComments(thread)) {
    if (comment.author.toLowerCase() !== author) continue;
    const marker = findMarker(comment.body, { kind, key });
    if (!marker) continue;
    if (marker.part <= parts.length && !existing.has(marker.part)) existing.set(marker.part, comment);
    else surplus.push(comment);
  }
  const result = { created: 0, updated: 0, deleted: 0, unchanged: 0, urls: [] };
  for (const [index2, text] of parts.entries()) {
    const part = index2 + 1;
    const body = withMarker({ kind, key, part, parts: parts.length }, text);
    const comment = existing.get(part);
    let url = comment?.url;
    if (!comment) {
      url = (await forge.createComment(thread, body)).url;
      result.created += 1;
    } else if (comment.body === body) {
      result.unchanged += 1;
    } else {
      await forge.updateComment(thread, comment.id, body);
      result.updated += 1;
    }
    if (url) result.urls.push(url);
  }
  for (const comment of surplus) {
    await forge.deleteComment(thread, comment.id);
    result.deleted += 1;
  }
  return result;
}
function maxPartLength(forge, id) {
  return forge.bodyLimit - markerReserve(id);
}

// src/commands/publish-plan.ts
var PLAN_COMMENT_KIND = "plan";
var MAX_COMMENT_PARTS = 10;
var PLAN_LABELS = { changes: "plumbline:changes", noChanges: "plumbline:no-changes" };
async function publishPlan(forge, thread, result, options) {
  const published = { comments: [], labelsAdded: [], labelsRemoved: [] };
  if (options.comment) {
    const comments = planComments(result, options);
    if (options.perEnvironment && result.unaffected?.length) {
      const written = await commentedKeys(forge, thread, new Set(result.unaffected));
      for (const name of written) {
        comments.push({ key: name, result: { ...result, environments: [], unaffected: [name] } });
      }
    }
    for (const comment of comments) {
      const { parts, objectsLeftOut } = planCommentParts(forge, comment.key, comment.result, options);
      const sync = await syncStickyComment(forge, thread, {
        kind: PLAN_COMMENT_KIND,
        key: comment.key,
        parts
      });
      published.comments.push({ key: comment.key, parts: parts.length, objectsLeftOut, sync });
    }
  }
  if (options.labels) {
    const { add, remove } = planLabels(result);
    if (add.length > 0) await forge.addLabels(thread, add);
    for (const label of remove) await forge.removeLabel(thread, label);
    published.labelsAdded = add;
    published.labelsRemoved = remove;
  }
  return published;
}
async function commentedKeys(forge, thread, keys) {
  const author = (await forge.currentAuthor()).toLowerCase();
  const found = /* @__PURE__ */ new Set();
  for (const comment of await forge.listComments(thread)) {
    if (comment.author.toLowerCase() !== author) continue;
    const marker = readMarker(comment.body);
    if (marker?.kind === PLAN_COMMENT_KIND && keys.has(marker.key)) found.add(marker.key);
  }
  return [...found].sort();
}
function planComments(result, options) {
  if (!options.perEnvironment) {
    const selected = [...options.selected ?? []].sort();
    return [{ key: selected.length > 0 ? selected.join(",") : "all", result }];
  }
  const byEnvironment = /* @__PURE__ */ new Map();
  for (const env of result.environments) {
    byEnvironment.set(env.environment, [...byEnvironment.get(env.environment) ?? [], env]);
  }
  return [...byEnvironment].map(([name, environments]) => ({
    key: name,
    result: { ...result, environments }
  }));
}
function planCommentParts(forge, key, result, options) {
  return renderMarkdownParts(result, {
    limit: forge.bodyLimit,
    reserve: markerReserve({ kind: PLAN_COMMENT_KIND, key }),
    maxParts: MAX_COMMENT_PARTS,
    runUrl: options.runUrl,
    fullReportHint: options.fullReportHint,
    vocabulary: options.vocabulary
  });
}
function planLabels(result) {
  if (hasChanges(result)) return { add: [PLAN_LABELS.changes], remove: [PLAN_LABELS.noChanges] };
  if (result.environments.some((env) => env.error !== void 0) || result.missingShards?.length) {
    return { add: [], remove: [PLAN_LABELS.changes, PLAN_LABELS.noChanges] };
  }
  return { add: [PLAN_LABELS.noChanges], remove: [PLAN_LABELS.changes] };
}

// src/report/json.ts
var PLAN_REPORT_SCHEMA_VERSION = 1;
function renderJson(result, vocabulary = NO_OPTIONS) {
  return `${JSON.stringify(toPlanReport(result, vocabulary), null, 2)}
`;
}
function toPlanReport(result, vocabulary = NO_OPTIONS) {
  const redacted = redactResult(result);
  const totals = {
    added: 0,
    changed: 0,
    deleted: 0,
    unchanged: 0,
    risks: riskCount(redacted),
    failedEnvironments: 0
  };
  for (const env of headlineResults(redacted)) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
    totals.unchanged += env.counts.unchanged;
  }
  totals.failedEnvironments = redacted.environments.filter((env) => env.error !== void 0).length;
  return {
    schemaVersion: PLAN_REPORT_SCHEMA_VERSION,
    changed: hasChanges(redacted),
    base: redacted.base ? { ref: redacted.base.ref, sha: redacted.base.sha } : null,
    head: redacted.head ? { ref: redacted.head.ref, sha: redacted.head.sha } : null,
    config: redacted.config ? {
      from: redacted.config.from,
      file: redacted.config.file ?? null,
      headChange: redacted.config.headChange ?? null
    } : null,
    totals,
    environments: redacted.environments.map((env) => environmentReport(env, vocabulary)),
    ...redacted.unaffected?.length ? { unaffected: [...redacted.unaffected] } : {},
    ...redacted.missingShards?.length ? { missingShards: [...redacted.missingShards] } : {}
  };
}
function environmentReport(env, vocabulary) {
  return {
    name: env.environment,
    status: env.error === void 0 ? "compared" : "failed",
    mode: env.mode,
    comparedWith: describeComparedWith(env.comparedWith),
    notice: env.notice ? describeNotice(env.environment, env.notice, vocabulary) : null,
    error: env.error ? describeProblem(env.error, vocabulary) : null,
    counts: {
      added: env.counts.added,
      changed: env.counts.changed,
      deleted: env.counts.deleted,
      unchanged: env.counts.unchanged
    },
    objects: listedChanges(env).map(objectReport),
    ...env.rendered ? { rendered: env.rendered } : {}
  };
}
function objectReport(change2) {
  return {
    key: change2.key,
    group: change2.id.group,
    version: change2.id.version,
    kind: change2.id.kind,
    namespace: change2.id.namespace ?? null,
    name: change2.id.name,
    change: change2.change,
    fields: [...change2.fields],
    risks: change2.risks.map((risk) => ({ kind: risk.kind, message: risk.message })),
    notes: [...change2.notes],
    secretValuesChanged: secretValueChanges(change2),
    diff: change2.diff
  };
}

export {
  planResultFileText,
  parsePlanResultFile,
  publishPlan,
  renderJson,
  toPlanReport
};
