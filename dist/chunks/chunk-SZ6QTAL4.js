import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  RISK_LABELS,
  code,
  comparisonTitle,
  configChangeNotice,
  describeComparedWith,
  describeNotice,
  describeRef,
  describeRendered,
  describeRisks,
  diffBody,
  displayName,
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
} from "./chunk-EGUAXQIU.js";
import {
  NO_OPTIONS,
  describeProblem
} from "./chunk-JRIHJ5V4.js";

// src/report/markdown.ts
var DEFAULT_TITLE = "plumbline plan";
var RISKS_LISTED = 20;
var CHANGE_WORDS = {
  added: "\u2795 added",
  changed: "\u270F\uFE0F changed",
  deleted: "\u2796 deleted",
  unchanged: "unchanged"
};
function renderMarkdown(result, options = {}) {
  const redacted = redactResult(result);
  const sections = environmentSections(redacted).map((section) => section.text);
  return `${[markdownSummary(redacted, options), ...sections].join("\n\n")}
`;
}
function renderMarkdownParts(result, options) {
  const redacted = redactResult(result);
  const title = options.title ?? DEFAULT_TITLE;
  const { parts, sectionsLeftOut } = packSections(
    markdownSummary(redacted, options),
    environmentSections(redacted),
    options.limit,
    {
      reserve: options.reserve ?? 0,
      continuation: `## ${escapeInline(title)} (continued)`,
      ...options.fullReportHint ? { fullReportHint: options.fullReportHint } : {},
      ...options.maxParts ? { maxParts: options.maxParts } : {}
    }
  );
  return { parts, objectsLeftOut: sectionsLeftOut };
}
function markdownSummary(result, options = {}) {
  const redacted = redactResult(result);
  const blocks = [`## ${escapeInline(options.title ?? DEFAULT_TITLE)}`];
  if (redacted.head && redacted.base) {
    blocks.push(`Comparing ${code(describeRef(redacted.head))} with ${code(describeRef(redacted.base))}.`);
  }
  const configNotice = configChangeNotice(redacted.config);
  if (configNotice) blocks.push(`\u26A0\uFE0F ${escapeInline(configNotice)}`);
  blocks.push(verdict(redacted));
  if (redacted.environments.length > 0) blocks.push(summaryTable(redacted, options.vocabulary));
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
function summaryTable(result, vocabulary = NO_OPTIONS) {
  const redacted = redactResult(result);
  const rows = [
    "| environment | mode | compared with | added | changed | deleted | unchanged | risks |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |"
  ];
  const after = [];
  for (const env of redacted.environments) {
    const name = escapeInline(env.environment);
    const mode = `${env.mode}${env.notice ? " \u2139\uFE0F" : ""}`;
    const comparedWith = escapeInline(describeComparedWith(env.comparedWith));
    if (env.error !== void 0) {
      rows.push(`| \u274C ${name} | ${mode} | ${comparedWith} | \u2014 | \u2014 | \u2014 | \u2014 | could not be compared |`);
      after.push(
        `\u274C **${name}** could not be compared: ${escapeInline(describeProblem(env.error, vocabulary))}`
      );
    } else {
      const { added, changed, deleted, unchanged } = env.counts;
      const risks = describeRisks(env.changes);
      rows.push(
        `| ${name} | ${mode} | ${comparedWith} | ${added} | ${changed} | ${deleted} | ${unchanged} | ${risks ? `\u26A0\uFE0F ${risks}` : "\u2014"} |`
      );
    }
    if (env.notice)
      after.push(`\u2139\uFE0F **${name}**: ${escapeInline(describeNotice(env.environment, env.notice, vocabulary))}`);
    const rendered = describeRendered(env.rendered);
    if (rendered.length > 0) after.push(`\u{1F4E6} **${name}** (${env.mode}): ${escapeInline(rendered.join("; "))}`);
  }
  return [rows.join("\n"), ...after].join("\n\n");
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
  const sections = [];
  for (const env of redactResult(result).environments) {
    const objects = objectSections(env);
    const heading = `### ${escapeInline(comparisonTitle(env, result))}`;
    objects.forEach((text, index) => {
      sections.push(
        index === 0 ? { text: `${heading}

${text}` } : { text, resumeWith: `${heading} (continued)` }
      );
    });
  }
  return sections;
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
