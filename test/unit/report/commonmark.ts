/**
 * Reads rendered Markdown back with a real CommonMark parser (markdown-it, GFM tables on),
 * so tests check what a forge would show rather than the strings that were written.
 */
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: true });

export interface ParsedMarkdown {
  /** Every fenced code block: its info string, its content, and whether a closing fence ended it. */
  fences: { info: string; content: string; closed: boolean }[];
  /** `<details>` opened minus closed in HTML blocks, at the end of the document. */
  openDetails: number;
  /** Whether `<details>` were ever closed before being opened. */
  detailsUnderflow: boolean;
  /** Raw HTML tags that reached the output outside code, other than the report's own. */
  foreignTags: string[];
  html: string;
}

const OWN_TAGS = /^<\/?(details|summary|code|sub|a|br)\b/i;

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const tokens = parser.parse(markdown, {});
  const lines = markdown.split('\n');
  const fences: ParsedMarkdown['fences'] = [];
  let openDetails = 0;
  let detailsUnderflow = false;
  const foreignTags: string[] = [];
  const visitHtml = (content: string) => {
    for (const tag of content.match(/<\/?[a-z][^>]*>/gi) ?? []) {
      if (/^<details\b/i.test(tag)) openDetails += 1;
      if (/^<\/details>/i.test(tag)) openDetails -= 1;
      if (openDetails < 0) detailsUnderflow = true;
      if (!OWN_TAGS.test(tag)) foreignTags.push(tag);
    }
  };
  for (const token of tokens) {
    if (token.type === 'fence') {
      const last = lines[token.map![1] - 1] ?? '';
      const closed =
        token.map![1] - token.map![0] >= 2 &&
        last.trim().startsWith(token.markup) &&
        /^(`+|~+)$/.test(last.trim());
      fences.push({ info: token.info, content: token.content, closed });
    }
    if (token.type === 'html_block') visitHtml(token.content);
    if (token.type === 'inline') {
      for (const child of token.children ?? []) if (child.type === 'html_inline') visitHtml(child.content);
    }
  }
  return { fences, openDetails, detailsUnderflow, foreignTags, html: parser.render(markdown) };
}
