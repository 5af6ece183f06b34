import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  renderMarkdownParts
} from "./chunk-FAJYTC3R.js";
import {
  findMarker,
  markerReserve,
  withMarker
} from "./chunk-VXCRYIWM.js";
import {
  describeComparedWith,
  describeNotice,
  hasChanges,
  headlineResults,
  listedChanges,
  redactResult,
  riskCount,
  secretValueChanges
} from "./chunk-CQ7XBBFT.js";
import {
  NO_OPTIONS,
  describeProblem
} from "./chunk-JRIHJ5V4.js";

// src/forge/sticky-comment.ts
async function syncStickyComment(forge, thread, options) {
  const { kind, key, parts } = options;
  const room = maxPartLength(forge, { kind, key });
  parts.forEach((part, index) => {
    if (part.length > room) {
      throw new Error(
        `part ${index + 1} of the ${kind} comment is ${part.length} characters; the forge takes ${room} after the marker. Split it with maxPartLength().`
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
  for (const [index, text] of parts.entries()) {
    const part = index + 1;
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
    for (const comment of planComments(result, options)) {
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
  if (result.environments.some((env) => env.error !== void 0)) {
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
function objectReport(change) {
  return {
    key: change.key,
    group: change.id.group,
    version: change.id.version,
    kind: change.id.kind,
    namespace: change.id.namespace ?? null,
    name: change.id.name,
    change: change.change,
    fields: [...change.fields],
    risks: change.risks.map((risk) => ({ kind: risk.kind, message: risk.message })),
    notes: [...change.notes],
    secretValuesChanged: secretValueChanges(change),
    diff: change.diff
  };
}

export {
  PLAN_LABELS,
  publishPlan,
  renderJson,
  toPlanReport
};
