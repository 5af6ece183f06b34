import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  ClusterClients,
  clusterObjectFilesInCheckout,
  clusterObjectLookup,
  compareEnvironmentLive,
  inShard,
  selectEnvironments
} from "./chunk-M7YAZSTY.js";
import {
  buildMarker,
  findMarker
} from "./chunk-L3PULLGS.js";
import {
  silentLog
} from "./chunk-E7ACZTBR.js";
import {
  commitExists,
  headRevision,
  withCheckout,
  workTreeTop
} from "./chunk-JRAQUMV5.js";
import {
  code,
  describeComparedWith,
  diffBody,
  escapeHtml,
  escapeInline,
  fenced,
  htmlText,
  plural,
  redactMaskTokens,
  truncateSection
} from "./chunk-U6YIBRX6.js";
import {
  RunDiscoveries,
  appOfAppsFollower,
  listItemNames,
  loadCheckoutConfig,
  parsePointer,
  renderEnvironment,
  runChartFetcher
} from "./chunk-I3R6E5OK.js";
import {
  displayName,
  resourceId,
  resourceKey,
  toResource
} from "./chunk-NN2UZPML.js";
import {
  NO_OPTIONS,
  PlumblineError,
  describeError,
  describeProblem
} from "./chunk-HOINZ2KI.js";

// src/drift/revision.ts
var DEFAULT_REVISION_ANNOTATION = "plumbline.dev/revision";
function parseRevisionSource(text) {
  const match = /^(annotation|argocd|flux):(.+)$/.exec(text);
  if (!match) return { from: "annotation", name: text };
  const [, from, rest] = match;
  if (from === "annotation") return { from, name: rest };
  const slash = rest.indexOf("/");
  if (slash <= 0 || slash === rest.length - 1) {
    throw new Error(`'${text}' must name the object as ${from}:NAMESPACE/NAME`);
  }
  return { from, namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}
function revisionObject(source) {
  return source.from === "argocd" ? {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Application",
    metadata: { name: source.name, namespace: source.namespace }
  } : {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name: source.name, namespace: source.namespace }
  };
}
function revisionFromStatus(source, object) {
  const status = object.status ?? {};
  const raw = source.from === "argocd" ? status.sync?.revision : status.lastAppliedRevision;
  const sha = typeof raw === "string" ? commitOf(raw) : void 0;
  const field = source.from === "argocd" ? "status.sync.revision" : "status.lastAppliedRevision";
  return sha ? { sha, from: `${object.kind} ${source.namespace}/${source.name} ${field}` } : void 0;
}
function revisionFromAnnotations(name, live) {
  const counts = /* @__PURE__ */ new Map();
  for (const object of live) {
    const value = object.metadata.annotations?.[name];
    const sha = value === void 0 ? void 0 : commitOf(value);
    if (sha) counts.set(sha, (counts.get(sha) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [first] = ranked;
  if (!first) return void 0;
  const recorded = { sha: first[0], from: `annotation ${name}` };
  if (ranked.length > 1) {
    recorded.note = `objects record ${ranked.length} revisions (${ranked.map(([sha, count]) => `${sha.slice(0, 7)} on ${count}`).join(", ")}); compared with the most common`;
  }
  return recorded;
}
function commitOf(text) {
  return /(?:^|[@:/])([0-9a-f]{7,64})$/i.exec(text.trim())?.[1]?.toLowerCase();
}

// src/drift/decide.ts
function decide({ issue, detection, after, now }) {
  if (!Number.isInteger(after) || after < 1)
    throw new RangeError(`after must be a whole number \u2265 1, got ${after}`);
  const previous = issue?.state;
  if (detection.fingerprint === void 0) return decideInSync(issue, previous, now);
  const continuing = previous !== void 0 && previous.consecutive > 0;
  const consecutive = Math.min((continuing ? previous.consecutive : 0) + 1, after);
  const state = {
    consecutive,
    fingerprint: detection.fingerprint,
    objects: detection.objects,
    firstSeen: continuing && previous.firstSeen ? previous.firstSeen : now,
    lastChecked: now
  };
  const confirmed = consecutive >= after;
  if (!issue) {
    return { status: confirmed ? "drifting" : "pending", state, steps: [{ do: "create", open: confirmed }] };
  }
  const announced = issue.open && (previous === void 0 || previous.consecutive >= after);
  if (announced) {
    const drifting = { ...state, consecutive: after };
    if (previous === void 0) return { status: "drifting", state: drifting, steps: [{ do: "write" }] };
    if (previous.fingerprint !== detection.fingerprint) {
      return {
        status: "drifting",
        state: drifting,
        steps: [{ do: "comment", event: "changed", fingerprint: detection.fingerprint }, { do: "write" }]
      };
    }
    return { status: "drifting", state: drifting, steps: [{ do: "write", onlyIfChanged: true }] };
  }
  if (!confirmed) return { status: "pending", state, steps: [{ do: "write", open: false }] };
  return {
    status: "drifting",
    state,
    steps: [
      { do: "comment", event: "drifted", fingerprint: detection.fingerprint },
      { do: "write", open: true }
    ]
  };
}
function decideInSync(issue, previous, now) {
  const state = { consecutive: 0, lastChecked: now };
  if (!issue) return { status: "in-sync", state, steps: [] };
  if (issue.open) {
    return {
      status: "converged",
      state,
      steps: [
        { do: "comment", event: "converged", fingerprint: previous?.fingerprint ?? "unknown" },
        { do: "write", open: false }
      ]
    };
  }
  if (previous && previous.consecutive === 0) return { status: "in-sync", state: previous, steps: [] };
  return { status: "in-sync", state, steps: [{ do: "write" }] };
}
function afterFromText(text) {
  const after = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(after) && after >= 1 ? after : void 0;
}

// src/drift/fingerprint.ts
import { createHash } from "node:crypto";
var LENGTH = 16;
function objectFingerprint(input) {
  if (input.kind !== "differs") return hash([input.kind, input.key]);
  return hash([input.kind, input.key, [...input.fields].sort(), changedLines(input.diff)]);
}
function environmentFingerprint(objectFingerprints) {
  return objectFingerprints.length === 0 ? void 0 : hash([...objectFingerprints].sort());
}
function changedLines(diff) {
  return diff.split("\n").filter((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line)).map(redactMaskTokens);
}
function hash(value) {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, LENGTH);
}

// src/drift/managed-fields.ts
function attributeField(live, pointer) {
  const segments = parsePointer(pointer);
  const matches = [];
  for (const entry of managedFields(live)) {
    if (entry.subresource === "status") continue;
    const match = follow(entry.fieldsV1, live, segments);
    if (match.exact || match.depth >= 2 && match.depth >= segments.length - 1)
      matches.push({ entry, ...match });
  }
  const best = pick(matches);
  return best && toAttribution(best.entry, best.exact);
}
function attributeObject(live) {
  let best;
  for (const entry of managedFields(live)) {
    if (entry.subresource === "status") continue;
    const size = countLeaves(entry.fieldsV1);
    if (!best || size > best.size || size === best.size && newer(best.entry, entry)) best = { entry, size };
  }
  return best && toAttribution(best.entry, true);
}
function managedFields(live) {
  const entries = live.metadata.managedFields;
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (entry) => entry !== null && typeof entry === "object" && typeof entry.manager === "string"
  );
}
function follow(tree, live, segments) {
  const root = asTree(tree);
  if (!root) return { depth: 0, exact: false };
  let node = root;
  let value = live;
  for (let depth = 0; depth < segments.length; depth++) {
    const segment = segments[depth];
    const step = Array.isArray(value) ? listStep(node, value, segment) : mapStep(node, value, segment);
    if (!step) return { depth, exact: false };
    node = step.node;
    value = step.value;
    if (Object.keys(node).length === 0) return { depth: depth + 1, exact: true };
  }
  return { depth: segments.length, exact: true };
}
function mapStep(node, value, segment) {
  const child = asTree(node[`f:${segment}`]);
  if (!child) return void 0;
  const next = value !== null && typeof value === "object" ? value[segment] : void 0;
  return { node: child, value: next };
}
function listStep(node, list, segment) {
  const named = /^\[(.*)\]$/s.exec(segment);
  const index = named ? list.findIndex((item2) => isTree(item2) && item2.name === named[1]) : Number(segment);
  const item = Number.isInteger(index) && index >= 0 ? list[index] : void 0;
  if (item === void 0) {
    if (!named) return void 0;
    const key = Object.keys(node).find((k) => keyMatches(k, { name: named[1] }));
    const child = key ? asTree(node[key]) : void 0;
    return child && { node: child, value: void 0 };
  }
  for (const key of Object.keys(node)) {
    const matches = key.startsWith("k:") ? keyMatches(key, item) : key.startsWith("v:") ? jsonEquals(key.slice(2), item) : key === `i:${index}`;
    if (matches) {
      const child = asTree(node[key]);
      if (child) return { node: child, value: item };
    }
  }
  return void 0;
}
function keyMatches(key, item) {
  if (!key.startsWith("k:") || !isTree(item)) return false;
  const fields = parseJson(key.slice(2));
  if (!isTree(fields)) return false;
  return Object.entries(fields).every(([name, expected]) => sameValue(item[name], expected));
}
function jsonEquals(text, value) {
  const parsed = parseJson(text);
  return parsed !== void 0 && JSON.stringify(parsed) === JSON.stringify(value);
}
function sameValue(actual, expected) {
  return actual === expected || actual !== void 0 && String(actual) === String(expected);
}
function pick(matches) {
  let best;
  for (const match of matches) {
    if (!best || match.exact && !best.exact || match.exact === best.exact && match.depth > best.depth || match.exact === best.exact && match.depth === best.depth && newer(match.entry, best.entry)) {
      best = match;
    }
  }
  return best;
}
function newer(a, b) {
  return (a.time ?? "") > (b.time ?? "");
}
function toAttribution(entry, exact) {
  const attribution = { manager: entry.manager, exact };
  if (entry.time) attribution.time = entry.time;
  if (entry.operation) attribution.operation = entry.operation;
  if (entry.subresource) attribution.subresource = entry.subresource;
  return attribution;
}
function countLeaves(tree) {
  const node = asTree(tree);
  if (!node) return 0;
  const keys = Object.keys(node).filter((key) => key !== ".");
  if (keys.length === 0) return 1;
  return keys.reduce((sum, key) => sum + countLeaves(node[key]), 0);
}
function asTree(value) {
  return isTree(value) ? value : void 0;
}
function isTree(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// src/drift/describe.ts
var KINDS = {
  added: "missing",
  changed: "differs",
  deleted: "extra"
};
function describeDrift({ comparison, live, revision }) {
  const drift = {
    environment: comparison.environment,
    mode: comparison.mode,
    comparedWith: describeComparedWith(comparison.comparedWith),
    revision,
    objects: [],
    inSync: 0
  };
  if (comparison.error !== void 0)
    return { ...drift, error: describeProblem(comparison.error, NO_OPTIONS) };
  for (const change of comparison.changes) {
    if (change.change === "unchanged") {
      drift.inSync += 1;
      continue;
    }
    drift.objects.push(driftedObject(change, KINDS[change.change], live.get(change.key)));
  }
  drift.objects.sort((a, b) => a.key.localeCompare(b.key));
  const fingerprint = environmentFingerprint(drift.objects.map((object) => object.fingerprint));
  return fingerprint ? { ...drift, fingerprint } : drift;
}
function driftedObject(change, kind, live) {
  const fields = kind === "differs" ? change.fields.map((pointer) => {
    const changedBy = live && attributeField(live, pointer);
    return changedBy ? { pointer, changedBy } : { pointer };
  }) : [];
  const object = {
    key: change.key,
    id: change.id,
    kind,
    fields,
    diff: change.diff,
    notes: change.notes,
    fingerprint: objectFingerprint({ key: change.key, kind, fields: change.fields, diff: change.diff })
  };
  const writtenBy = kind === "extra" && live ? attributeObject(live) : void 0;
  return writtenBy ? { ...object, writtenBy } : object;
}
var OBJECTS_KEPT = 100;
function toDetection(drift) {
  const objects = {};
  if (drift.objects.length <= OBJECTS_KEPT) {
    for (const object of drift.objects) objects[object.key] = object.fingerprint;
  }
  return drift.fingerprint === void 0 ? { objects } : { fingerprint: drift.fingerprint, objects };
}

// src/drift/unnamed-items.ts
function withoutUnlistedItems(dryRun, manifest) {
  return prune(dryRun, manifest);
}
function prune(value, manifest) {
  if (Array.isArray(value) && Array.isArray(manifest)) {
    const manifestNames = listItemNames(manifest);
    const valueNames = listItemNames(value);
    if (!manifestNames || !valueNames) return value;
    const byName = new Map(manifest.map((item, index) => [manifestNames[index], item]));
    return value.flatMap((item, index) => {
      const name = valueNames[index];
      return byName.has(name) ? [prune(item, byName.get(name))] : [];
    });
  }
  if (isRecord(value) && isRecord(manifest)) {
    const copy = { ...value };
    for (const key of Object.keys(manifest)) if (key in copy) copy[key] = prune(copy[key], manifest[key]);
    return copy;
  }
  return value;
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/drift/paths.ts
function dottedPath(pointer) {
  let text = "";
  for (const segment of parsePointer(pointer)) {
    if (/^\[.*\]$/s.test(segment)) text += segment;
    else if (/^\d+$/.test(segment)) text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `['${segment}']`;
  }
  return text;
}

// src/drift/state.ts
var STATE_KIND = "drift";
var EVENT_KIND = "drift-event";
function stateMarker(environment, state) {
  return buildMarker({ kind: STATE_KIND, key: environment, state });
}
function eventMarker(environment, mark) {
  return buildMarker({ kind: EVENT_KIND, key: environment, state: mark });
}
function hasStateMarker(body, environment) {
  return findMarker(body, { kind: STATE_KIND, key: environment }) !== void 0;
}
function readState(body, environment) {
  const value = findMarker(body, { kind: STATE_KIND, key: environment })?.state;
  if (!isRecord2(value)) return void 0;
  const { consecutive, fingerprint, objects, firstSeen, lastChecked } = value;
  if (!Number.isInteger(consecutive) || consecutive < 0 || typeof lastChecked !== "string")
    return void 0;
  const state = { consecutive, lastChecked };
  if (typeof fingerprint === "string") state.fingerprint = fingerprint;
  if (typeof firstSeen === "string") state.firstSeen = firstSeen;
  if (isRecord2(objects) && Object.values(objects).every((v) => typeof v === "string")) {
    state.objects = objects;
  }
  return state;
}
function readEventMark(body, environment) {
  const value = findMarker(body, { kind: EVENT_KIND, key: environment })?.state;
  if (!isRecord2(value)) return void 0;
  const { event, fingerprint } = value;
  if ((event === "drifted" || event === "changed" || event === "converged") && typeof fingerprint === "string") {
    return { event, fingerprint };
  }
  return void 0;
}
function removeStateMarker(body, environment) {
  return body.split("\n").filter((line) => findMarker(line, { kind: STATE_KIND, key: environment }) === void 0).join("\n");
}
function isRecord2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/drift/issue.ts
var KIND_WORDS = {
  differs: "differs from Git",
  missing: "missing from the cluster",
  extra: "in the cluster, not in Git"
};
var LAST_CHECKED = "**Last checked**";
var FOOTER = "<sub>plumbline edits this issue while the drift lasts, comments when the drift changes, closes it when the cluster matches Git again and reopens it if the cluster drifts again.</sub>";
var TABLE_ROWS = 100;
function issueTitle(environment) {
  return `Drift: ${environment} differs from Git`;
}
function issueBody(input) {
  const { drift, status, state } = input;
  const marker = stateMarker(drift.environment, state);
  const name = code(drift.environment);
  const blocks = [];
  if (status === "in-sync" || status === "converged") {
    blocks.push(`## \u2705 ${name} matches Git`);
    const since = input.previous?.firstSeen;
    blocks.push(
      `The cluster matched Git again at ${time(state.lastChecked)}` + (since ? `, after drifting since ${time(since)}.` : ".") + " plumbline reopens this issue if the cluster drifts again."
    );
    blocks.push(facts(input));
    return [marker, ...blocks, FOOTER].join("\n\n");
  }
  if (status === "pending") {
    blocks.push(`## \u23F3 ${name} may have drifted from Git`);
    blocks.push(
      `plumbline saw drift in ${plural(state.consecutive, "consecutive check")}; it opens this issue after ${input.after}, so that a change caught mid-rollout does not raise an alert.`
    );
  } else {
    blocks.push(`## \u26A0\uFE0F ${name} has drifted from Git`);
  }
  blocks.push(countsLine(drift));
  blocks.push(changeTable(drift.objects));
  blocks.push(facts(input));
  const head = [marker, ...blocks].join("\n\n");
  const details = drift.objects.map(objectDetails);
  return `${fitDetails(head, details, input.limit - FOOTER.length - 2)}

${FOOTER}`;
}
function visibleContent(body) {
  return body.split("\n").filter((line) => !line.startsWith("<!-- plumbline:drift:") && !line.startsWith(LAST_CHECKED)).join("\n");
}
function eventComment({ event, fingerprint, drift, state, previous }) {
  const marker = eventMarker(drift.environment, { event, fingerprint });
  const name = code(drift.environment);
  switch (event) {
    case "drifted":
      return [
        marker,
        `\u26A0\uFE0F ${name} has drifted from Git: ${countsLine(drift)}` + (state.consecutive > 1 ? ` Seen in ${state.consecutive} consecutive checks.` : ""),
        objectList(drift.objects),
        "The issue body says which fields differ and who changed them."
      ].join("\n\n");
    case "changed":
      return [
        marker,
        `\u270F\uFE0F The drift in ${name} changed. ${countsLine(drift)}`,
        changeList(drift, previous)
      ].join("\n\n");
    case "converged":
      return [
        marker,
        `\u2705 ${name} matches Git again (checked ${time(state.lastChecked)}). Closing; plumbline reopens this issue if the cluster drifts again.`
      ].join("\n\n");
  }
}
function countsLine(drift) {
  const count = (kind) => drift.objects.filter((object) => object.kind === kind).length;
  const parts = [
    count("differs") > 0 ? `${count("differs")} changed` : "",
    count("missing") > 0 ? `${count("missing")} missing from the cluster` : "",
    count("extra") > 0 ? `${count("extra")} not in Git` : ""
  ].filter(Boolean);
  const verb = drift.objects.length === 1 ? "differs" : "differ";
  return `**${plural(drift.objects.length, "object")} ${verb} from Git**: ${parts.join(", ")}. ${drift.inSync} in sync.`;
}
function changeTable(objects) {
  const rows = ["| object | drift | field | changed by |", "| --- | --- | --- | --- |"];
  let listed = 0;
  let total = 0;
  for (const object of objects) {
    const name = code(displayName(object.id));
    const lines = object.kind === "differs" ? object.fields.map((field) => [fieldText(object, field), attributionText(field.changedBy)]) : [
      [
        "\u2014",
        object.kind === "extra" ? attributionText(object.writtenBy) : "deleted (the cluster does not record by whom)"
      ]
    ];
    lines.forEach(([field, by], index) => {
      total += 1;
      if (listed >= TABLE_ROWS) return;
      listed += 1;
      rows.push(
        `| ${index === 0 ? name : ""} | ${index === 0 ? KIND_WORDS[object.kind] : ""} | ${field} | ${by} |`
      );
    });
  }
  if (total > listed) rows.push(`| \u2026 | | ${total - listed} more fields, in the details below | |`);
  return rows.join("\n");
}
function fieldText(object, field) {
  const secretKey = secretField(object, field.pointer);
  return secretKey ? `${code(secretKey)} \u{1F512} value changed, not shown` : code(dottedPath(field.pointer));
}
function secretField(object, pointer) {
  if (object.id.kind !== "Secret" || object.id.group !== "") return void 0;
  return /^\/(data|stringData)(\/|$)/.test(pointer) ? dottedPath(pointer) : void 0;
}
function attributionText(by) {
  if (!by) return "unknown (no field manager owns it)";
  const via = by.subresource ? ` via ${escapeInline(by.subresource)}` : "";
  const when = by.time ? `, ${time(by.time)}` : "";
  const who = `${code(by.manager)}${via}${when}`;
  return by.exact ? who : `no owner now (removed?); last write nearby: ${who}`;
}
function facts(input) {
  const { drift, state } = input;
  const lines = [
    `- **Cluster**: ${escapeInline(drift.comparedWith)} (${drift.mode} mode)`,
    `- **Git**: ${revisionText(drift)}`
  ];
  if (state.firstSeen) lines.push(`- **First seen**: ${time(state.firstSeen)}`);
  const run = input.runUrl ? ` \xB7 <a href="${escapeHtml(input.runUrl)}">run</a>` : "";
  return `${lines.join("\n")}

${LAST_CHECKED}: ${time(state.lastChecked)}${run}`;
}
function revisionText(drift) {
  const { revision } = drift;
  const sha = code(revision.sha.slice(0, 12));
  if (revision.source === "head") {
    const why = revision.note ?? "the environment records no deployed revision, so a commit not yet deployed shows as drift";
    return `${sha}, the checked-out commit: ${escapeInline(why)}`;
  }
  const from = revision.from ? ` (${escapeInline(revision.from)})` : "";
  const behind = revision.head && revision.head !== revision.sha ? `; the branch is at ${code(revision.head.slice(0, 12))}, not yet deployed` : "";
  const note = revision.note ? ` (${escapeInline(revision.note)})` : "";
  return `${sha}, the revision the environment runs${from}${behind}${note}`;
}
function objectDetails(object) {
  const facts2 = object.notes.map((note) => `- \u2139\uFE0F ${escapeInline(redactMaskTokens(note))}`);
  const blocks = [
    `<details><summary>${code(displayName(object.id))}: ${escapeHtml(KIND_WORDS[object.kind])}</summary>`
  ];
  if (facts2.length > 0) blocks.push(facts2.join("\n"));
  const diff = diffBody(redactMaskTokens(object.diff));
  if (diff.trim() !== "") blocks.push(`\`-\` the cluster, \`+\` Git

${fenced(diff, "diff")}`);
  blocks.push("</details>");
  return blocks.join("\n\n");
}
function fitDetails(head, details, limit) {
  const hint = "the job summary of the run";
  const note = (left) => `\u2702\uFE0F ${plural(left, "more object")} left out to fit the size limit; see ${hint}.`;
  let text = truncateSection(head, Math.max(0, limit - 200), hint);
  for (const [index, section] of details.entries()) {
    const room = limit - text.length - 2 - note(details.length).length - 2;
    if (section.length <= room) {
      text += `

${section}`;
      continue;
    }
    if (index === 0 && room > 500) {
      text += `

${truncateSection(section, room, hint)}`;
      if (details.length > 1) text += `

${note(details.length - 1)}`;
      return text;
    }
    return `${text}

${note(details.length - index)}`;
  }
  return text;
}
function objectList(objects) {
  const shown = objects.slice(0, 20).map((object) => `- ${code(displayName(object.id))}: ${KIND_WORDS[object.kind]}`);
  if (objects.length > shown.length) shown.push(`- \u2026and ${objects.length - shown.length} more`);
  return shown.join("\n");
}
function changeList(drift, previous) {
  const before = previous?.objects;
  if (!before) return objectList(drift.objects);
  const lines = [];
  const now = /* @__PURE__ */ new Set();
  for (const object of drift.objects) {
    now.add(object.key);
    const old = before[object.key];
    if (old === void 0) lines.push(`- new: ${code(displayName(object.id))} ${KIND_WORDS[object.kind]}`);
    else if (old !== object.fingerprint) lines.push(`- changed again: ${code(displayName(object.id))}`);
  }
  for (const key of Object.keys(before)) {
    if (!now.has(key)) lines.push(`- back in sync: ${code(keyName(key))}`);
  }
  return lines.slice(0, 30).join("\n") + (lines.length > 30 ? `
- \u2026and ${lines.length - 30} more` : "");
}
function keyName(key) {
  const [, kind = "", namespace = "", ...name] = key.split("/");
  return displayName({ kind, name: name.join("/"), namespace });
}
function time(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeInline(iso);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// src/commands/drift-issue.ts
async function reconcileIssue(forge, drift, options) {
  const env = drift.environment;
  const found = await findIssues(forge, options.labels, env);
  if (found.duplicates.length > 0) {
    options.log(
      `${env}: issues ${[found.issue, ...found.duplicates].map((i) => `#${i.number}`).join(", ")} all carry this environment's marker; using #${found.issue.number}`
    );
  }
  let issue = found.issue;
  const previous = issue ? readState(issue.body, env) : void 0;
  const decision = decide({
    ...issue ? { issue: snapshot(issue, previous) } : {},
    detection: toDetection(drift),
    after: options.after,
    now: options.now
  });
  const outcome = {
    status: decision.status,
    actions: [],
    duplicates: found.duplicates.map((i) => i.number)
  };
  const body = () => issueBody({
    drift,
    status: decision.status,
    state: decision.state,
    previous,
    after: options.after,
    runUrl: options.runUrl,
    limit: forge.bodyLimit
  });
  for (const step of decision.steps) {
    issue = await perform(step, issue);
  }
  if (issue) Object.assign(outcome, { number: issue.number, url: issue.url, open: issue.state === "open" });
  return outcome;
  async function perform(step, current) {
    switch (step.do) {
      case "create": {
        const again = await findIssues(forge, options.labels, env);
        if (again.issue) {
          options.log(
            `${env}: issue #${again.issue.number} appeared meanwhile; the next run takes it from here`
          );
          outcome.actions.push(`found #${again.issue.number}`);
          return again.issue;
        }
        let created = await forge.createIssue({
          title: issueTitle(env),
          body: body(),
          labels: options.labels
        });
        outcome.actions.push("created");
        const missing = options.labels.filter((label) => !created.labels.includes(label));
        if (missing.length > 0) await forge.addLabels({ kind: "issue", number: created.number }, missing);
        if (!step.open) {
          await forge.updateIssue(created.number, { state: "closed" });
          created = { ...created, state: "closed" };
          outcome.actions.push("closed");
        }
        return await keepOldest(created);
      }
      case "comment": {
        const thread = { kind: "issue", number: current.number };
        const comments = await forge.listComments(thread);
        const last = comments.map((c) => readEventMark(c.body, env)).filter((mark) => mark !== void 0).at(-1);
        if (last?.event === step.event && last.fingerprint === step.fingerprint) return current;
        await forge.createComment(
          thread,
          eventComment({
            event: step.event,
            fingerprint: step.fingerprint,
            drift,
            state: decision.state,
            previous
          })
        );
        outcome.actions.push("commented");
        return current;
      }
      case "write": {
        const text = body();
        const state = step.open === void 0 ? void 0 : step.open ? "open" : "closed";
        const sameState = state === void 0 || state === current.state;
        if (step.onlyIfChanged && sameState && visibleContent(text) === visibleContent(current.body))
          return current;
        await forge.updateIssue(current.number, { body: text, ...state && !sameState ? { state } : {} });
        outcome.actions.push(sameState ? "updated" : state === "open" ? "reopened" : "closed");
        return { ...current, body: text, state: state ?? current.state };
      }
    }
  }
  async function keepOldest(created) {
    const after = await findIssues(forge, options.labels, env);
    const oldest = after.issue;
    if (!oldest || oldest.number >= created.number) return created;
    const note = `Another plumbline run opened #${oldest.number} for ${code(env)} at the same time; follow that issue.`;
    await forge.updateIssue(created.number, {
      body: `${note}

${removeStateMarker(created.body, env)}`,
      state: "closed"
    });
    outcome.actions.push(`retired #${created.number}`);
    options.log(`${env}: a concurrent run created #${oldest.number} first; #${created.number} was closed`);
    return oldest;
  }
}
async function findIssues(forge, labels, env) {
  const issues = (await forge.listIssues(labels.slice(0, 1), "all")).filter((issue2) => hasStateMarker(issue2.body, env)).sort((a, b) => a.number - b.number);
  const [issue, ...duplicates] = issues;
  return issue ? { issue, duplicates } : { duplicates };
}
function snapshot(issue, state) {
  return state ? { number: issue.number, open: issue.state === "open", state } : { number: issue.number, open: issue.state === "open" };
}

// src/commands/drift.ts
async function runDrift(options) {
  const log = options.log ?? silentLog;
  const discoveries = new RunDiscoveries(appOfAppsFollower());
  const config = await loadCheckoutConfig(options.repoRoot, discoveries);
  const environments = pickEnvironments(config, options);
  const clusterObjectFiles = await clusterObjectFilesInCheckout(options.repoRoot, config);
  const head = await headRevision(options.repoRoot);
  if (!head) {
    throw new PlumblineError(
      `${options.repoRoot} is not a git repository with a commit`,
      "Run plumbline drift in a clone of the repository (in CI: actions/checkout)."
    );
  }
  const after = options.after ?? config.drift.after;
  const labels = options.labels ?? config.drift.labels;
  const now = options.now ?? (() => (/* @__PURE__ */ new Date()).toISOString());
  const clients = new ClusterClients(options.kubeconfigPath);
  const charts = runChartFetcher(config.render, options.chartCache);
  const clusterObjects = clusterObjectLookup(
    clusterObjectFiles,
    (env) => clients.for(options.context ?? env.cluster?.context)
  );
  const outcomes = [];
  try {
    for (const env of environments) {
      const outcome = await log.group(env.name, async (group) => {
        const say = (message) => group.info(message);
        say(`checking for drift (${options.mode})`);
        const drift = await checkEnvironment(
          env,
          config,
          head.sha,
          options,
          { clients, charts, discoveries, clusterObjects },
          say
        );
        const outcome2 = { drift };
        say(drift.error === void 0 ? `${drift.objects.length} objects drifted` : `failed: ${drift.error}`);
        if (options.forge && drift.error === void 0) {
          try {
            outcome2.issue = await reconcileIssue(options.forge, drift, {
              after,
              labels,
              now: now(),
              log: say,
              runUrl: options.runUrl
            });
          } catch (error) {
            outcome2.issueError = describeError(error);
            say(`the issue could not be updated: ${outcome2.issueError}`);
          }
        }
        return outcome2;
      });
      outcomes.push(outcome);
    }
  } finally {
    await clients.close();
  }
  return { environments: outcomes, after };
}
function pickEnvironments(config, options) {
  const inThisShard = (env) => inShard(env.name, options.shard);
  const selected = selectEnvironments(config, options.environments ?? []);
  if (options.context !== void 0) return selected.filter(inThisShard);
  const withCluster = selected.filter((env) => env.cluster);
  const named = options.environments ?? [];
  const without = selected.filter((env) => !env.cluster && named.includes(env.name));
  if (without.length > 0) {
    throw new PlumblineError(
      `${without.map((env) => env.name).join(", ")} ${without.length === 1 ? "has" : "have"} no cluster, so drift cannot be checked`,
      "Give the environment a cluster in plumbline.yaml (cluster: { context: NAME }).",
      { remedy: "context" }
    );
  }
  if (withCluster.length === 0) {
    throw new PlumblineError(
      "No environment has a cluster, so there is nothing to check for drift",
      "Give environments a cluster in plumbline.yaml (cluster: { context: NAME }).",
      { remedy: "context" }
    );
  }
  return withCluster.filter(inThisShard);
}
async function checkEnvironment(env, config, headSha, options, run, log) {
  const context = options.context ?? env.cluster?.context;
  const comparedWith = context ? { kind: "cluster", context } : { kind: "cluster" };
  const headOnly = { sha: headSha, source: "head" };
  try {
    const client = await run.clients.for(context);
    const renderOptions = {
      settings: config.render,
      charts: run.charts,
      discoveries: run.discoveries,
      clusterCapabilities: /* @__PURE__ */ new Map([[env.name, await client.capabilities()]]),
      ...run.clusterObjects ? { clusterObjects: run.clusterObjects } : {}
    };
    const rendered = await renderEnvironment(options.repoRoot, env, {
      ...renderOptions,
      top: await workTreeTop(options.repoRoot)
    });
    let detection = await compareEnvironmentLive(env, rendered, client, config, options.mode, comparedWith, {
      adjustAfter: withoutUnlistedItems
    });
    const source = options.revisionSource ?? { from: "annotation", name: DEFAULT_REVISION_ANNOTATION };
    const recorded = await recordedRevision(source, detection.live, client);
    let revision = headOnly;
    if (recorded && recorded.sha !== headSha && !headSha.startsWith(recorded.sha)) {
      const sha = await commitExists(options.repoRoot, recorded.sha);
      if (sha) {
        log(
          `${env.name}: the environment runs ${sha.slice(0, 7)} (${recorded.from}); comparing with that commit`
        );
        const deployed = await withCheckout(
          options.repoRoot,
          sha,
          (dir, top) => renderEnvironment(dir, env, { ...renderOptions, top })
        );
        detection = await compareEnvironmentLive(env, deployed, client, config, options.mode, comparedWith, {
          adjustAfter: withoutUnlistedItems
        });
        revision = { sha, source: "deployed", from: recorded.from, head: headSha };
      } else {
        revision = {
          ...headOnly,
          note: `the environment runs ${recorded.sha.slice(0, 12)} (${recorded.from}), which is not in this clone; fetch its history (actions/checkout with fetch-depth: 0) to compare with it`
        };
      }
    } else if (recorded) {
      revision = { sha: headSha, source: "deployed", from: recorded.from };
    }
    if (recorded?.note) revision.note = recorded.note;
    const live = new Map(detection.live.objects);
    for (const owned of detection.live.owned) live.set(owned.key, owned.object);
    return describeDrift({ comparison: detection.comparison, live, revision });
  } catch (error) {
    return {
      environment: env.name,
      mode: options.mode,
      comparedWith: describeComparedWith(comparedWith),
      revision: headOnly,
      objects: [],
      inSync: 0,
      error: describeError(error)
    };
  }
}
async function recordedRevision(source, live, client) {
  if (source.from === "annotation") return revisionFromAnnotations(source.name, live.objects.values());
  const object = toResource(revisionObject(source), { file: `revision source ${source.from}` });
  const found = await client.readLive([object]);
  const status = found.objects.get(resourceKey(resourceId(object.object)));
  if (!status) {
    throw new PlumblineError(
      `${object.object.kind} ${source.namespace}/${source.name} was not found in the cluster, so the deployed revision is unknown`,
      "Name the object that deploys this environment, or leave the option out to compare with the checked-out commit.",
      { remedy: "revision-from" }
    );
  }
  return revisionFromStatus(source, status);
}

// src/drift/summary.ts
function hasDrift(entry) {
  return entry.drift.error === void 0 && entry.drift.objects.length > 0;
}
function driftedEnvironments(entries) {
  return entries.filter(hasDrift).map((entry) => entry.drift.environment);
}
function issueNumbers(entries) {
  return entries.flatMap(
    (entry) => hasDrift(entry) && entry.issue?.number !== void 0 ? [entry.issue.number] : []
  );
}
function summaryMarkdown(entries) {
  const drifted = entries.filter(hasDrift).length;
  const failed = entries.filter((entry) => entry.drift.error !== void 0).length;
  const blocks = ["## plumbline drift"];
  blocks.push(
    drifted === 0 && failed === 0 ? `**No drift.** ${plural(entries.length, "environment")} ${entries.length === 1 ? "matches" : "match"} Git.` : `**${plural(drifted, "environment")} drifted** of ${entries.length} checked.` + (failed > 0 ? ` \u274C ${plural(failed, "environment")} could not be checked.` : "")
  );
  const rows = ["| environment | drift | Git commit | issue |", "| --- | --- | --- | --- |"];
  const after = [];
  for (const entry of entries) {
    const { drift } = entry;
    const name = escapeInline(drift.environment);
    const commit = code(drift.revision.sha.slice(0, 7)) + (drift.revision.source === "deployed" ? " (deployed)" : " (HEAD)");
    if (drift.error !== void 0) {
      rows.push(`| \u274C ${name} | could not be checked | ${commit} | \u2014 |`);
      after.push(`\u274C **${name}**: ${escapeInline(redactMaskTokens(drift.error))}`);
      continue;
    }
    const what = drift.objects.length === 0 ? "\u2705 in sync" : `\u26A0\uFE0F ${plural(drift.objects.length, "object")}`;
    rows.push(`| ${name} | ${what} | ${commit} | ${issueCell(entry)} |`);
    if (entry.issueError)
      after.push(
        `\u274C **${name}**: the issue could not be updated: ${escapeInline(redactMaskTokens(entry.issueError))}`
      );
    if (drift.objects.length > 0) after.push(objectLines(drift));
  }
  blocks.push(rows.join("\n"), ...after);
  return `${blocks.join("\n\n")}
`;
}
function issueCell(entry) {
  const issue = entry.issue;
  if (!issue?.number) return issue?.status === "pending" ? "pending" : "\u2014";
  const link = issue.url ? `<a href="${escapeHtml(issue.url)}">#${issue.number}</a>` : `#${issue.number}`;
  const note = issue.status === "pending" ? " (pending, closed)" : issue.status === "converged" ? " (closed)" : "";
  return `${link}${note}`;
}
function objectLines(drift) {
  const lines = drift.objects.slice(0, 50).map((object) => {
    const fields = object.fields.map((field) => {
      const by = field.changedBy ? ` (${code(field.changedBy.manager)})` : "";
      return `${code(dottedPath(field.pointer))}${by}`;
    });
    const what = object.kind === "differs" ? fields.join(", ") : object.kind === "missing" ? "missing from the cluster" : "not in Git";
    return `- ${code(displayName(object.id))}: ${what}`;
  });
  if (drift.objects.length > 50) lines.push(`- \u2026and ${drift.objects.length - 50} more`);
  return `<details><summary>${htmlText(drift.environment)}</summary>

${lines.join("\n")}

</details>`;
}
function summaryText(entries) {
  const lines = [];
  for (const { drift, issue, issueError } of entries) {
    const commit = `${drift.revision.sha.slice(0, 7)} (${drift.revision.source === "deployed" ? "deployed" : "HEAD"})`;
    if (drift.error !== void 0) {
      lines.push(`\u2717 ${drift.environment}: could not be checked: ${redactMaskTokens(drift.error)}`);
      continue;
    }
    const issueText = issue?.number ? `, issue #${issue.number}${issue.open ? "" : " (closed)"}` : "";
    if (drift.objects.length === 0) {
      lines.push(`\u2713 ${drift.environment}: in sync with ${commit}${issueText}`);
    } else {
      lines.push(
        `! ${drift.environment}: ${plural(drift.objects.length, "object")} drifted from ${commit}${issueText}`
      );
      for (const object of drift.objects) {
        lines.push(
          `    ${displayName(object.id)}: ${object.kind === "differs" ? "differs" : object.kind === "missing" ? "missing from the cluster" : "not in Git"}`
        );
        for (const field of object.fields) {
          const by = field.changedBy ? ` \u2190 ${field.changedBy.manager}${field.changedBy.subresource ? ` via ${field.changedBy.subresource}` : ""}${field.changedBy.time ? ` ${field.changedBy.time}` : ""}${field.changedBy.exact ? "" : " (nearby)"}` : "";
          lines.push(`      ${dottedPath(field.pointer)}${by}`);
        }
      }
    }
    if (issueError) lines.push(`  the issue could not be updated: ${redactMaskTokens(issueError)}`);
  }
  return `${lines.join("\n")}
`;
}
function summaryJson(entries) {
  return `${JSON.stringify(
    {
      drifted: driftedEnvironments(entries),
      issues: issueNumbers(entries),
      environments: entries.map(({ drift, issue, issueError }) => ({
        environment: drift.environment,
        mode: drift.mode,
        comparedWith: drift.comparedWith,
        revision: drift.revision,
        inSync: drift.inSync,
        ...drift.error === void 0 ? {} : { error: redactMaskTokens(drift.error) },
        objects: drift.objects.map(({ key, id, kind, fields, writtenBy, notes }) => ({
          key,
          id,
          kind,
          fields,
          writtenBy,
          notes: notes.map(redactMaskTokens)
        })),
        issue,
        ...issueError ? { issueError: redactMaskTokens(issueError) } : {}
      }))
    },
    null,
    2
  )}
`;
}

export {
  parseRevisionSource,
  afterFromText,
  runDrift,
  driftedEnvironments,
  issueNumbers,
  summaryMarkdown,
  summaryText,
  summaryJson
};
