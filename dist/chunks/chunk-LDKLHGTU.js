import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  RISK_LABELS,
  code,
  comparisonTitle,
  configChangeNotice,
  describeComparedWith,
  describeMissingShards,
  describeNotice,
  describeRef,
  describeRendered,
  describeRisks,
  describeUnaffected,
  diffBody,
  escapeHtml,
  escapeInline,
  fenced,
  hasChanges,
  headlineResults,
  listedChanges,
  packSections,
  plural,
  redactEnvironment,
  redactResult,
  riskCount,
  secretValueChanges
} from "./chunk-U6YIBRX6.js";
import {
  displayName
} from "./chunk-NN2UZPML.js";
import {
  NO_OPTIONS,
  describeProblem
} from "./chunk-HOINZ2KI.js";

// src/report/fleet.ts
function changeFingerprint(change) {
  const risks = change.risks.map((risk) => `${risk.kind}\0${risk.message}`).sort();
  const { group, kind, name, namespace } = change.id;
  return JSON.stringify([
    [group, kind, name, namespace === void 0],
    change.id.version,
    change.change,
    // Its own namespace in the diff's context lines is what differs between environments.
    namespace === void 0 ? change.diff : change.diff.replaceAll(`namespace: ${namespace}`, "namespace: \0"),
    change.fields,
    risks,
    change.notes,
    change.images ?? []
  ]);
}
function groupChanges(result) {
  const seen = /* @__PURE__ */ new Map();
  const fingerprints = result.environments.map(
    (env, environment) => env.changes.map((change, index) => {
      if (change.change === "unchanged") return "";
      const fingerprint = changeFingerprint(change);
      const entry = seen.get(fingerprint) ?? {
        first: { environment, change: index },
        environments: [],
        namespaces: /* @__PURE__ */ new Set()
      };
      entry.environments.push(environment);
      if (change.id.namespace !== void 0) entry.namespaces.add(change.id.namespace);
      seen.set(fingerprint, entry);
      return fingerprint;
    })
  );
  const byEnvironments = /* @__PURE__ */ new Map();
  for (const { first, environments, namespaces } of seen.values()) {
    if (environments.length < 2) continue;
    const key = environments.join(",");
    const group = byEnvironments.get(key) ?? { environments, changes: [] };
    group.changes.push(namespaces.size > 1 ? { ...first, namespaces: [...namespaces].sort() } : first);
    byEnvironments.set(key, group);
  }
  const shared = [...byEnvironments.values()].sort(
    (a, b) => b.environments.length - a.environments.length || a.changes[0].environment - b.changes[0].environment || a.changes[0].change - b.changes[0].change
  );
  const particular = fingerprints.map(
    (list, environment) => list.flatMap(
      (fingerprint, change) => fingerprint !== "" && seen.get(fingerprint).environments.length === 1 ? [{ environment, change }] : []
    )
  );
  const changeSets = fingerprints.map(
    (list) => JSON.stringify(list.filter((fingerprint) => fingerprint !== "").sort())
  );
  return { shared, particular, changeSets };
}
function imageMoveFacts(result) {
  const facts = /* @__PURE__ */ new Map();
  for (const env of headlineResults(result)) {
    for (const change of listedChanges(env)) {
      for (const move of change.images ?? []) {
        const key = JSON.stringify([move.from ?? null, move.to ?? null]);
        const fact = facts.get(key) ?? {
          ...move.from !== void 0 ? { from: move.from } : {},
          ...move.to !== void 0 ? { to: move.to } : {},
          workloads: [],
          environments: []
        };
        addOnce(fact.workloads, displayName(change.id));
        addOnce(fact.environments, env.environment);
        facts.set(key, fact);
      }
    }
  }
  return byEnvironmentCount([...facts.values()]);
}
function chartMoveFacts(result) {
  const facts = /* @__PURE__ */ new Map();
  for (const env of result.environments) {
    const base = env.rendered?.base;
    const head = env.rendered?.head;
    if (!base || !head) continue;
    for (const chart of head.charts) {
      const before = base.charts.find(
        (candidate) => candidate.repository === chart.repository && candidate.name === chart.name
      );
      if (!before || before.version === chart.version) continue;
      const key = JSON.stringify([chart.repository, chart.name, before.version, chart.version]);
      const fact = facts.get(key) ?? {
        repository: chart.repository,
        name: chart.name,
        from: before.version,
        to: chart.version,
        environments: []
      };
      addOnce(fact.environments, env.environment);
      facts.set(key, fact);
    }
  }
  return byEnvironmentCount([...facts.values()]);
}
function kindCounts(result) {
  const counts = { added: /* @__PURE__ */ new Map(), changed: /* @__PURE__ */ new Map(), deleted: /* @__PURE__ */ new Map() };
  for (const env of headlineResults(result)) {
    for (const change of listedChanges(env)) {
      if (change.change === "unchanged") continue;
      const map = counts[change.change];
      map.set(change.id.kind, (map.get(change.id.kind) ?? 0) + 1);
    }
  }
  return counts;
}
function isChanged(env) {
  return env.error === void 0 && env.counts.added + env.counts.changed + env.counts.deleted > 0;
}
function addOnce(list, item) {
  if (!list.includes(item)) list.push(item);
}
function byEnvironmentCount(facts) {
  return facts.sort((a, b) => b.environments.length - a.environments.length);
}

// src/report/markdown.ts
var DEFAULT_TITLE = "plumbline plan";
var RISKS_LISTED = 20;
var UNCHANGED_ROWS = 3;
var SAME_ROWS = 4;
var NAMES_LISTED = 20;
var HEADER_NAMES_LISTED = 10;
var ROW_NAMES_LISTED = 3;
var SHARED_NAMES_LISTED = 1e3;
var SHARED_NAMES_OPEN = 20;
var IMAGE_LINES = 20;
var CHART_LINES = 10;
var KINDS_LISTED = 10;
var RENDERED_LINES = 50;
var CHANGE_WORDS = {
  added: "\u2795 added",
  changed: "\u270F\uFE0F changed",
  deleted: "\u2796 deleted",
  unchanged: "unchanged"
};
function renderMarkdown(result, options = {}) {
  const sections = environmentSections(result).map((section) => section.text);
  return `${[markdownSummary(result, options), ...sections].join("\n\n")}
`;
}
function renderMarkdownParts(result, options) {
  const title = options.title ?? DEFAULT_TITLE;
  const sections = environmentSections(result);
  const { parts, sectionsLeftOut } = packSections(markdownSummary(result, options), sections, options.limit, {
    reserve: options.reserve ?? 0,
    continuation: `## ${escapeInline(title)} (continued)`,
    ...options.fullReportHint ? { fullReportHint: options.fullReportHint } : {},
    ...options.maxParts ? { maxParts: options.maxParts } : {}
  });
  const leftOut = sections.slice(sections.length - sectionsLeftOut);
  return { parts, objectsLeftOut: leftOut.reduce((sum, section) => sum + section.objects, 0) };
}
function markdownSummary(result, options = {}) {
  const redacted = redactResult(result);
  const blocks = [`## ${escapeInline(options.title ?? DEFAULT_TITLE)}`];
  if (redacted.head && redacted.base) {
    blocks.push(`Comparing ${code(describeRef(redacted.head))} with ${code(describeRef(redacted.base))}.`);
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) blocks.push(`\u26A0\uFE0F ${escapeInline(configNotice)}`);
  if (redacted.missingShards?.length)
    blocks.push(`\u26A0\uFE0F **${escapeInline(describeMissingShards(redacted.missingShards))}**`);
  blocks.push(verdict(redacted));
  const changes = whatChanges(redacted);
  if (changes) blocks.push(changes);
  const table = summaryTable(result, options.vocabulary);
  if (table) blocks.push(table);
  const risks = riskList(redacted);
  if (risks) blocks.push(risks);
  if (options.runUrl)
    blocks.push(`<sub><a href="${escapeHtml(options.runUrl)}">Details of this run</a></sub>`);
  return blocks.join("\n\n");
}
function verdict(result) {
  const failed = result.environments.filter((env) => env.error !== void 0).length;
  const failure = failed > 0 ? ` \u274C ${plural(failed, "environment")} could not be compared.` : "";
  if (!hasChanges(result)) {
    if (result.missingShards?.length) return `**No changes** in the shards that were planned.${failure}`;
    if (result.environments.length === 0) return "**No changes.** No environment was affected.";
    return failed > 0 ? `**No changes** in the environments that could be compared.${failure}` : "**No changes.** Every environment matches what it was compared with.";
  }
  const totals = { added: 0, changed: 0, deleted: 0 };
  let changedEnvironments = 0;
  for (const env of headlineResults(result)) {
    totals.added += env.counts.added;
    totals.changed += env.counts.changed;
    totals.deleted += env.counts.deleted;
    if (env.counts.added + env.counts.changed + env.counts.deleted > 0) changedEnvironments += 1;
  }
  const risks = riskCount(result);
  const riskText = risks > 0 ? ` \u26A0\uFE0F ${plural(risks, "risk")} to review.` : "";
  return `**${totals.added} to add, ${totals.changed} to change, ${totals.deleted} to delete** in ${plural(changedEnvironments, "environment")}.${riskText}${failure}`;
}
function whatChanges(result) {
  const redacted = redactResult(result);
  const changed = new Set(
    headlineResults(redacted).filter((env) => env.counts.added + env.counts.changed + env.counts.deleted > 0).map((env) => env.environment)
  );
  const where = (names) => environmentsPhrase(names, changed);
  const lines = [];
  const images = imageMoveFacts(redacted);
  for (const fact of images.slice(0, IMAGE_LINES)) {
    lines.push(`- \u{1F5BC}\uFE0F ${describeImageMove(fact)} ${where(fact.environments)}`);
  }
  if (images.length > IMAGE_LINES)
    lines.push(`- \u{1F5BC}\uFE0F \u2026and ${plural(images.length - IMAGE_LINES, "more image move")}`);
  const charts = chartMoveFacts(redacted);
  for (const fact of charts.slice(0, CHART_LINES)) {
    lines.push(
      `- \u{1F4E6} chart ${code(fact.name)} ${code(fact.from)} \u2192 ${code(fact.to)} from ${escapeInline(fact.repository)} ${where(fact.environments)}`
    );
  }
  if (charts.length > CHART_LINES)
    lines.push(`- \u{1F4E6} \u2026and ${plural(charts.length - CHART_LINES, "more chart move")}`);
  const kinds = kindCounts(redacted);
  for (const change of ["added", "changed", "deleted"]) {
    const counts = [...kinds[change]].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (counts.length === 0) continue;
    const listed = counts.slice(0, KINDS_LISTED).map(([kind, count]) => `${escapeInline(kind)} (${count})`);
    if (counts.length > KINDS_LISTED) listed.push(`${plural(counts.length - KINDS_LISTED, "more kind")}`);
    lines.push(`- ${CHANGE_WORDS[change]}: ${listed.join(", ")}`);
  }
  const risks = riskCount(redacted);
  if (risks > 0) {
    const risky = redacted.environments.filter((env) => env.changes.some((change) => change.risks.length > 0)).map((env) => env.environment);
    const kindsOfRisk = describeRisks(redacted.environments.flatMap((env) => env.changes));
    lines.push(
      `- \u26A0\uFE0F ${plural(risks, "risk")} to review (${kindsOfRisk}) ${where([...new Set(risky)])}, listed below`
    );
  }
  return lines.length > 0 ? `**What changes**

${lines.join("\n")}` : "";
}
function describeImageMove(fact) {
  const workloads = fact.workloads.length <= 2 ? fact.workloads.map((workload) => code(workload)).join(", ") : plural(fact.workloads.length, "workload");
  const on = ` (${workloads})`;
  if (fact.from === void 0) return `${code(fact.to ?? "")} (new)${on}`;
  if (fact.to === void 0) return `${code(fact.from)} (removed)${on}`;
  const from = splitImage(fact.from);
  const to = splitImage(fact.to);
  if (from.repository === to.repository && from.version !== "" && to.version !== "") {
    return `${code(from.repository)} ${code(from.version)} \u2192 ${code(to.version)}${on}`;
  }
  return `${code(fact.from)} \u2192 ${code(fact.to)}${on}`;
}
function splitImage(image) {
  const at = image.indexOf("@");
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? "" : image.slice(at);
  const colon = name.lastIndexOf(":");
  const tagged = colon > name.lastIndexOf("/");
  return {
    repository: tagged ? name.slice(0, colon) : name,
    version: (tagged ? name.slice(colon + 1) : "") + digest
  };
}
function environmentsPhrase(names, changed) {
  if (names.length <= HEADER_NAMES_LISTED) return `in ${nameList(names, HEADER_NAMES_LISTED)}`;
  if (names.length === changed.size && names.every((name) => changed.has(name))) {
    return `in all ${changed.size} changed environments`;
  }
  return `in ${names.length} environments: ${nameList(names, HEADER_NAMES_LISTED)}`;
}
function nameList(names, cap) {
  const shown = names.slice(0, cap).map((name) => escapeInline(name));
  return names.length <= cap ? shown.join(", ") : `${shown.join(", ")}, \u2026 and ${names.length - cap} more`;
}
function summaryTable(result, vocabulary = NO_OPTIONS) {
  const redacted = redactResult(result);
  const environments = redacted.environments;
  const groups = groupChanges(result);
  const rows = [];
  const errors = [];
  const rowKeys = environments.map(
    (env, index) => isChanged(env) ? JSON.stringify([
      env.mode,
      env.notice !== void 0,
      describeComparedWith(env.comparedWith),
      env.counts,
      describeRisks(env.changes),
      groups.changeSets[index]
    ]) : ""
  );
  const members = /* @__PURE__ */ new Map();
  environments.forEach((env, index) => {
    const key = rowKeys[index];
    if (key === "") return;
    const same = members.get(key);
    if (same) same.push(env);
    else members.set(key, [env]);
  });
  const rowsDone = /* @__PURE__ */ new Set();
  environments.forEach((env, index) => {
    const key = rowKeys[index];
    if (key === "" || rowsDone.has(key)) return;
    const same = members.get(key);
    if (same.length < SAME_ROWS) {
      rows.push(countsRow(escapeInline(env.environment), env));
      return;
    }
    rowsDone.add(key);
    const names = same.map((member) => member.environment);
    rows.push(countsRow(`${nameList(names, ROW_NAMES_LISTED)} (${same.length} with the same changes)`, env));
  });
  for (const env of environments) {
    if (env.error === void 0) continue;
    const name = escapeInline(env.environment);
    rows.push(
      `| \u274C ${name} | ${modeCell(env)} | ${escapeInline(describeComparedWith(env.comparedWith))} | \u2014 | \u2014 | \u2014 | \u2014 | could not be compared |`
    );
    errors.push(
      `\u274C **${name}** could not be compared: ${escapeInline(describeProblem(env.error, vocabulary))}`
    );
  }
  const unchanged = environments.filter((env) => env.error === void 0 && !isChanged(env));
  const lines = [];
  if (unchanged.length <= UNCHANGED_ROWS) {
    for (const env of unchanged) rows.push(countsRow(escapeInline(env.environment), env));
  } else {
    const twice = comparedTwice(redacted);
    const names = unchanged.map(
      (env) => twice.has(env.environment) ? `${env.environment} (${env.mode})` : env.environment
    );
    lines.push(`**${plural(names.length, "environment")} unchanged**: ${nameList(names, NAMES_LISTED)}`);
  }
  const unaffected = redacted.unaffected ?? [];
  if (unaffected.length > 0) lines.push(`\u23ED\uFE0F ${escapeInline(describeUnaffected(unaffected, NAMES_LISTED))}`);
  const blocks = [];
  if (rows.length > 0) {
    blocks.push(
      [
        "| environment | mode | compared with | added | changed | deleted | unchanged | risks |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
        ...rows
      ].join("\n")
    );
  }
  return [
    ...blocks,
    ...errors,
    ...lines,
    ...noticeLines(environments, vocabulary),
    ...renderedLines(environments)
  ].join("\n\n");
}
function countsRow(label, env) {
  const { added, changed, deleted, unchanged } = env.counts;
  const risks = describeRisks(env.changes);
  return `| ${label} | ${modeCell(env)} | ${escapeInline(describeComparedWith(env.comparedWith))} | ${added} | ${changed} | ${deleted} | ${unchanged} | ${risks ? `\u26A0\uFE0F ${risks}` : "\u2014"} |`;
}
function modeCell(env) {
  return `${env.mode}${env.notice ? " \u2139\uFE0F" : ""}`;
}
function comparedTwice(result) {
  const seen = /* @__PURE__ */ new Set();
  const twice = /* @__PURE__ */ new Set();
  for (const env of result.environments) {
    if (seen.has(env.environment)) twice.add(env.environment);
    seen.add(env.environment);
  }
  return twice;
}
function noticeLines(environments, vocabulary) {
  const byNotice = /* @__PURE__ */ new Map();
  for (const env of environments) {
    if (!env.notice) continue;
    const key = JSON.stringify(env.notice);
    const entry = byNotice.get(key) ?? { notice: env.notice, names: [] };
    if (!entry.names.includes(env.environment)) entry.names.push(env.environment);
    byNotice.set(key, entry);
  }
  return [...byNotice.values()].map(
    ({ notice, names }) => names.length === 1 ? `\u2139\uFE0F **${escapeInline(names[0])}**: ${escapeInline(describeNotice(names[0], notice, vocabulary))}` : `\u2139\uFE0F **${nameList(names, NAMES_LISTED)}**: ${escapeInline(describeNotice("each of them", notice, vocabulary))}`
  );
}
function renderedLines(environments) {
  const byText = /* @__PURE__ */ new Map();
  for (const env of environments) {
    const rendered = describeRendered(env.rendered);
    if (rendered.length === 0) continue;
    const text = rendered.join("; ");
    const key = JSON.stringify([env.mode, text]);
    const entry = byText.get(key) ?? { mode: env.mode, text, names: [] };
    entry.names.push(env.environment);
    byText.set(key, entry);
  }
  const entries = [...byText.values()];
  const lines = entries.slice(0, RENDERED_LINES).map(
    ({ mode, text, names }) => `\u{1F4E6} **${nameList(names, NAMES_LISTED)}** (${mode}): ${escapeInline(text)}`
  );
  if (entries.length > RENDERED_LINES) {
    const more = entries.slice(RENDERED_LINES).reduce((sum, entry) => sum + entry.names.length, 0);
    lines.push(`\u{1F4E6} \u2026and what rendered ${plural(more, "more environment")}, in the JSON report.`);
  }
  return lines;
}
function riskList(result) {
  const redacted = redactResult(result);
  const lines = [];
  let total = 0;
  for (const env of redacted.environments) {
    for (const change of env.changes) {
      for (const risk of change.risks) {
        total += 1;
        if (lines.length < RISKS_LISTED) {
          lines.push(
            `- **${escapeInline(env.environment)}** ${code(displayName(change.id))}: ${RISK_LABELS[risk.kind].one}: ${escapeInline(risk.message)}`
          );
        }
      }
    }
  }
  if (total === 0) return "";
  if (total > lines.length) lines.push(`- \u2026and ${total - lines.length} more, shown in the sections below.`);
  return `**\u26A0\uFE0F Risks**

${lines.join("\n")}`;
}
function environmentSections(result) {
  const redacted = redactResult(result);
  const groups = groupChanges(result);
  const sections = [];
  const twice = comparedTwice(result);
  const titles = result.environments.map(
    (env) => twice.has(env.environment) ? comparisonTitle(env, result) : env.environment
  );
  const sharing = new Set(groups.shared.flatMap((group) => group.environments));
  const push = (heading, intro, texts, objects) => {
    texts.forEach((text, index) => {
      sections.push(
        index === 0 ? { text: [heading, intro, text].filter((piece) => piece !== "").join("\n\n"), objects } : { text, resumeWith: `${heading} (continued)`, objects }
      );
    });
  };
  for (const group of groups.shared) {
    const labels = group.environments.map((index) => titles[index]);
    const distinct = new Set(group.environments.map((index) => result.environments[index].environment));
    const noun = distinct.size === labels.length ? "environment" : "comparison";
    const what = group.changes.length === 1 ? "change" : `${group.changes.length} changes`;
    push(
      `### The same ${what} in ${plural(labels.length, noun)}`,
      sharedNames(labels, noun),
      group.changes.map((ref) => {
        const change = redacted.environments[ref.environment].changes[ref.change];
        return ref.namespaces ? renderObjectSection(inEachNamespace(change, ref.namespaces.length)) : renderObjectSection(change);
      }),
      labels.length
    );
  }
  redacted.environments.forEach((env, index) => {
    const texts = groups.particular[index].map((ref) => renderObjectSection(env.changes[ref.change]));
    const heading = `### ${escapeInline(titles[index])}`;
    const intro = texts.length > 0 && sharing.has(index) ? "Besides the changes it shares with others, above:" : "";
    push(heading, intro, texts, 1);
  });
  return sections;
}
function inEachNamespace(change, namespaces) {
  const { namespace: _, ...id } = change.id;
  return {
    ...change,
    id,
    notes: [`in each environment's own namespace (${namespaces} namespaces)`, ...change.notes]
  };
}
function sharedNames(labels, noun) {
  const list = nameList(labels, SHARED_NAMES_LISTED);
  if (labels.length <= SHARED_NAMES_OPEN) return `In ${list}.`;
  return `<details><summary>The ${labels.length} ${noun}s</summary>

${list}

</details>`;
}
function objectSections(environment) {
  return listedChanges(redactEnvironment(environment)).map(renderObjectSection);
}
function renderObjectSection(change) {
  const risks = describeRisks([change]);
  const summary = `${CHANGE_WORDS[change.change]} ${code(displayName(change.id))}` + (risks ? ` \xB7 \u26A0\uFE0F ${escapeHtml(risks)}` : "");
  const facts = [
    ...change.risks.map((risk) => `- \u26A0\uFE0F **${RISK_LABELS[risk.kind].one}**: ${escapeInline(risk.message)}`),
    ...change.notes.map((note) => `- \u2139\uFE0F ${escapeInline(note)}`),
    ...secretValueChanges(change).map((key) => `- \u{1F512} ${code(key)}: (secret value changed)`)
  ];
  const blocks = [`<details><summary>${summary}</summary>`];
  if (facts.length > 0) blocks.push(facts.join("\n"));
  const body = diffBody(change.diff);
  if (body.trim() !== "") blocks.push(fenced(body, "diff"));
  blocks.push("</details>");
  return blocks.join("\n\n");
}

export {
  renderMarkdown,
  renderMarkdownParts,
  verdict,
  summaryTable,
  objectSections
};
