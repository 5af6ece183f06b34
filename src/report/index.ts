/** Every report format made from a PlanResult: Markdown, JSON and terminal text. No I/O. */
export { PLAN_REPORT_SCHEMA_VERSION, type PlanReport, renderJson, toPlanReport } from './json.js';
export {
  environmentSections,
  type MarkdownOptions,
  type MarkdownParts,
  type MarkdownPartsOptions,
  markdownSummary,
  objectSection,
  objectSections,
  renderMarkdown,
  renderMarkdownParts,
  riskList,
  summaryTable,
  verdict,
} from './markdown.js';
export { code, escapeHtml, escapeInline, fenced, htmlText } from './markdown-syntax.js';
export {
  MIN_PART_LENGTH,
  type PackedSections,
  type PackOptions,
  packSections,
  type Section,
  truncateSection,
} from './pack.js';
export { MASKED_TEXT, redactMaskTokens, redactResult } from './redact.js';
export { renderText, type TextOptions } from './text.js';
