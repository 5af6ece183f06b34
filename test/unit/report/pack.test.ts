import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_PREFIX } from '../../../src/diff/mask.js';
import type { PlanResult } from '../../../src/diff/model.js';
import { diffBody, listedChanges } from '../../../src/report/describe.js';
import { markdownSummary, objectSection, renderMarkdownParts } from '../../../src/report/markdown.js';
import { MIN_PART_LENGTH, packSections, truncateSection } from '../../../src/report/pack.js';
import { redactResult } from '../../../src/report/redact.js';
import { planResult } from './arbitraries.js';
import { parseMarkdown } from './commonmark.js';
import { compare, environment, realisticResult } from './fixtures.js';
import { inertnessProblems } from './inert.js';

function section(name: string, lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `+line ${i} of ${name}`).join('\n');
  return `<details><summary>${name}</summary>\n\n\`\`\`diff\n${body}\n\`\`\`\n\n</details>`;
}

describe('packSections', () => {
  it('keeps everything in one part, without a part label, when it fits', () => {
    const { parts } = packSections('# header', [section('a', 3), section('b', 3)], 10_000);
    expect(parts).toEqual([`# header\n\n${section('a', 3)}\n\n${section('b', 3)}`]);
  });

  it('splits between sections, labels each part and opens later parts with the continuation', () => {
    const sections = ['a', 'b', 'c', 'd'].map((name) => section(name, 20));
    const { parts } = packSections('# header', sections, 900, { continuation: '# header (continued)' });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.startsWith('# header\n\n<details>')).toBe(true);
    parts.forEach((part, index) => {
      expect(part.length).toBeLessThanOrEqual(900);
      expect(part.endsWith(`<sub>Part ${index + 1} of ${parts.length}</sub>`)).toBe(true);
      if (index > 0) expect(part.startsWith('# header (continued)\n\n<details>')).toBe(true);
    });
    const all = parts.join('\n');
    for (const text of sections) expect(all).toContain(text);
  });

  it('leaves the reserve free in every part', () => {
    const sections = ['a', 'b', 'c', 'd', 'e'].map((name) => section(name, 20));
    for (const part of packSections('# h', sections, 1200, { reserve: 300 }).parts) {
      expect(part.length).toBeLessThanOrEqual(900);
    }
  });

  it('repeats a heading when a part starts in the middle of its group', () => {
    const { parts } = packSections(
      '# h',
      [
        { text: `### dev\n\n${section('a', 25)}` },
        { text: section('b', 25), resumeWith: '### dev (continued)' },
      ],
      MIN_PART_LENGTH + 300,
    );
    expect(parts).toHaveLength(2);
    expect(parts[1]!.startsWith('### dev (continued)\n\n<details><summary>b')).toBe(true);
  });

  it('cuts a header too big for any part at a line, still within the limit', () => {
    const header = Array.from(
      { length: 200 },
      (_, i) => `| env-${i} | live | cluster | 1 | 0 | 0 | 0 | — |`,
    ).join('\n');
    const { parts } = packSections(header, [section('a', 3)], 2000);
    expect(parts[0]!.length).toBeLessThanOrEqual(2000);
    expect(parts[0]!.startsWith('| env-0 | live |')).toBe(true);
    expect(parts[0]).toMatch(/✂️ \d+ lines left out here/);
    expect(parts.join('\n')).toContain(section('a', 3));
  });

  it('stops at maxParts, giving up room in the last part for a note counting what was left out', () => {
    const sections = Array.from({ length: 30 }, (_, i) => section(`s${i}`, 20));
    const packed = packSections('# h', sections, 900, {
      continuation: '# h (continued)',
      maxParts: 3,
      fullReportHint: 'the job summary',
    });
    expect(packed.parts).toHaveLength(3);
    const all = packed.parts.join('\n');
    const shown = sections.filter((text) => all.includes(text)).length;
    expect(shown).toBeGreaterThan(0);
    expect(sections.slice(0, shown).every((text) => all.includes(text))).toBe(true);
    expect(packed.sectionsLeftOut).toBe(30 - shown);
    packed.parts.forEach((part, index) => {
      expect(part.length).toBeLessThanOrEqual(900);
      expect(part.endsWith(`<sub>Part ${index + 1} of 3</sub>`)).toBe(true);
    });
    expect(packed.parts[2]).toContain(
      `✂️ ${30 - shown} more sections left out to keep this report to 3 parts; the full report is in the job summary.\n\n<sub>Part 3 of 3</sub>`,
    );
  });

  it('needs no note when the report fits within maxParts, and takes a cap of one part', () => {
    const sections = ['a', 'b'].map((name) => section(name, 3));
    expect(packSections('# h', sections, 10_000, { maxParts: 1 })).toEqual({
      parts: [`# h\n\n${sections[0]}\n\n${sections[1]}`],
      sectionsLeftOut: 0,
    });
    const capped = packSections('# h', [section('a', 30), section('b', 30)], 700, { maxParts: 1 });
    expect(capped.parts).toHaveLength(1);
    expect(capped.parts[0]!.length).toBeLessThanOrEqual(700);
    expect(capped.sectionsLeftOut).toBeGreaterThan(0);
    expect(capped.parts[0]).toMatch(
      /more sections? left out to keep this report to 1 part; the full report is in the log and artifacts of this CI job\.$/,
    );
    expect(() => packSections('# h', sections, 10_000, { maxParts: 0 })).toThrow(/at least one part/);
  });

  it('refuses a limit too small to hold a section, saying what it got', () => {
    expect(() => packSections('# h', [], 600, { reserve: 200 })).toThrow(
      /at least 500 characters.*leaves 400/,
    );
  });
});

describe('truncateSection', () => {
  const big = section('big', 1000);

  it('cuts inside the fence, closes the fence and <details>, and says how many lines were left out', () => {
    const cut = truncateSection(big, 2000, 'the job summary');
    expect(cut.length).toBeLessThanOrEqual(2000);
    const parsed = parseMarkdown(cut);
    expect(parsed.fences).toHaveLength(1);
    expect(parsed.fences[0]!.closed).toBe(true);
    expect(parsed.openDetails).toBe(0);
    const kept = parsed.fences[0]!.content.trimEnd().split('\n');
    expect(kept[0]).toBe('+line 0 of big');
    expect(cut).toContain(`✂️ ${1000 - kept.length} lines left out here to fit the size limit`);
    expect(cut).toContain('the full report is in the job summary.');
    // The note sits inside the collapsed section, after the closed fence.
    expect(cut.indexOf('✂️')).toBeGreaterThan(cut.lastIndexOf('```'));
    expect(cut.endsWith('</details>')).toBe(true);
  });

  it('returns a section that fits unchanged', () => {
    expect(truncateSection(big, big.length)).toBe(big);
  });

  it('cuts a huge object section inside its part when the whole report is split', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `key${i}: ${'v'.repeat(20)}`).join('\n');
    const huge = compare(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'huge', namespace: 'shop' },
        data: { a: 'x' },
      },
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'huge', namespace: 'shop' },
        data: { a: lines },
      },
    );
    const result: PlanResult = { environments: [environment('dev', [huge])] };
    const { parts } = renderMarkdownParts(result, { limit: 65_536, reserve: 100 });
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(65_436);
    expect(parts[1]).toMatch(/✂️ \d+ lines left out here/);
    expect(parseMarkdown(parts[1]!).fences[0]!.closed).toBe(true);
  });
});

describe('renderMarkdownParts', () => {
  it('keeps a realistic report in one part under the GitHub limit', () => {
    const { parts } = renderMarkdownParts(realisticResult(), { limit: 65_536 });
    expect(parts).toHaveLength(1);
    expect(parts[0]).not.toContain('Part 1 of');
  });

  it('holds, for any result and limit: parts fit, fences and <details> balance, each object once, summary first', () => {
    const property = fc.property(
      planResult,
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 60, max: 6000 }),
      (result, reserve, extra) => {
        const summary = markdownSummary(result);
        const limit = Math.max(MIN_PART_LENGTH, summary.length + extra) + reserve;
        const { parts } = renderMarkdownParts(result, { limit, reserve });

        expect(parts[0]!.startsWith(summary)).toBe(true);
        const redacted = redactResult(result);
        const expected = redacted.environments.flatMap((env) => listedChanges(env));
        const summaryLines = expected.map((change) => objectSection(change).split('\n')[0]!);
        for (const [index, part] of parts.entries()) {
          expect(part.length).toBeLessThanOrEqual(limit - reserve);
          expect(part).not.toContain(MASK_PREFIX);
          const parsed = parseMarkdown(part);
          expect(parsed.fences.every((fence) => fence.closed)).toBe(true);
          expect(parsed.openDetails).toBe(0);
          expect(parsed.detailsUnderflow).toBe(false);
          expect(parsed.foreignTags).toEqual([]);
          expect(inertnessProblems(part)).toEqual([]);
          if (parts.length > 1)
            expect(part.endsWith(`<sub>Part ${index + 1} of ${parts.length}</sub>`)).toBe(true);
        }
        const all = parts.join('\n');
        for (const line of summaryLines) expect(all.split(line).length - 1).toBe(1);
        expect(all.match(/<details><summary>/g)?.length ?? 0).toBe(expected.length);
        // Each diff is shown whole, or cut to a leading run of its lines (possibly none,
        // when even its fence does not fit) with a note. Sections never span parts.
        const sections = all.split('<details><summary>').slice(1);
        expect(sections).toHaveLength(expected.length);
        let cut = 0;
        expected.forEach((change, index) => {
          if (diffBody(change.diff).trim() === '') return;
          const body = `${diffBody(change.diff)}\n`;
          const fence = parseMarkdown(`<details><summary>${sections[index]}`).fences[0];
          // Shown as it was, but for the invisible joiners that break `<!--` and `-->`.
          const shown = fence?.content.replaceAll('\u2060', '');
          if (shown === body) return;
          cut += 1;
          if (shown !== undefined) expect(body.startsWith(shown)).toBe(true);
        });
        expect(all.match(/✂️ \d+ lines? left out here/g)?.length ?? 0).toBe(cut);
      },
    );
    fc.assert(property, { numRuns: 150 });
    // The case a CI run found: a section cut before its fence opens.
    fc.assert(property, { seed: -1125417168, numRuns: 3 });
  });
  it('holds, for any result, limit and cap: at most maxParts parts, each fitting, the first objects shown once and the rest counted', () => {
    fc.assert(
      fc.property(
        planResult,
        fc.integer({ min: 60, max: 3000 }),
        fc.integer({ min: 1, max: 4 }),
        (result, extra, maxParts) => {
          const limit = Math.max(MIN_PART_LENGTH, markdownSummary(result).length + extra);
          const { parts, objectsLeftOut } = renderMarkdownParts(result, { limit, maxParts });
          expect(parts.length).toBeLessThanOrEqual(maxParts);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(limit);
            const parsed = parseMarkdown(part);
            expect(parsed.fences.every((fence) => fence.closed)).toBe(true);
            expect(parsed.openDetails).toBe(0);
          }
          const expected = redactResult(result).environments.flatMap((env) => listedChanges(env));
          const all = parts.join('\n');
          const shown = expected.length - objectsLeftOut;
          expect(all.match(/<details><summary>/g)?.length ?? 0).toBe(shown);
          expected.forEach((change, index) => {
            const summaryLine = objectSection(change).split('\n')[0]!;
            expect(all.split(summaryLine).length - 1).toBe(index < shown ? 1 : 0);
          });
          const note = /✂️ (\d+) more sections? left out to keep this report to/.exec(parts.at(-1)!);
          expect(note ? Number(note[1]) : 0).toBe(objectsLeftOut);
        },
      ),
      { numRuns: 100 },
    );
  });
});
