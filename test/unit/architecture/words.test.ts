/**
 * Results carry facts; entries speak their own words. Below src/entry/ and src/forge/ no
 * string a user could read names a CLI flag (an Action or GitLab component user has
 * inputs, not flags: remedies are RunOptions that each entry words, see src/remedy.ts) or
 * a forge's words (GitHub, GitLab, pull request, merge request: forge.ts has each forge's
 * nouns). Comments may say anything; only string and template literals are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');
const SPEAKERS = ['entry', 'forge'];

/**
 * A flag inside prose (`Pass --base REF`). A lone `--force-with-lease=…` is an argument
 * for a tool, and `kubectl --context x version` or `git push origin --delete b` is advice
 * to run another tool, in that tool's words.
 */
const FLAG_IN_PROSE = /\s--[a-z][a-z-]*|--[a-z][a-z-]*\s/;
const OTHER_TOOL = /\b(kubectl|git|helm|kustomize) (--)?[a-z]/;
const FORGE_WORDS = /\bGitHub\b|\bGitLab\b|\bpull request|\bmerge request/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SPEAKERS.includes(relative(SRC, path)) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // The whole template, its expressions as `…`, so a sentence is judged whole.
      found.push([node.head.text, ...node.templateSpans.map((span) => `…${span.literal.text}`)].join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('words below the entries', () => {
  const strings = sourceFiles(SRC).flatMap((file) =>
    literals(file).map((text) => ({ where: relative(SRC, file), text })),
  );

  it('reads the sources it judges', () => {
    expect(strings.length).toBeGreaterThan(500);
  });

  it('name no CLI flag', () => {
    expect(strings.filter(({ text }) => FLAG_IN_PROSE.test(text) && !OTHER_TOOL.test(text))).toEqual([]);
  });

  it("use no forge's words", () => {
    expect(strings.filter(({ text }) => FORGE_WORDS.test(text))).toEqual([]);
  });
});
