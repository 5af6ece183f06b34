/**
 * docs/fleet.md shows complete workflows: each YAML block parses, and every plumbline
 * command in them uses only flags that command has.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { driftCommand } from '../../../src/entry/cli/drift.js';
import { mergeCommand } from '../../../src/entry/cli/merge.js';
import { planCommand } from '../../../src/entry/cli/plan.js';

const text = readFileSync(new URL('../../../docs/fleet.md', import.meta.url), 'utf8');
const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const commands: Record<string, Command> = {
  plan: planCommand(),
  merge: mergeCommand(),
  drift: driftCommand(),
};

describe('docs/fleet.md', () => {
  it('has workflows for GitHub and GitLab, plans and drift', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    expect(text).toContain('actions/upload-artifact@v4');
    expect(text).toContain('actions/download-artifact@v4');
    expect(text).toContain('parallel:');
    expect(text).toContain('needs:');
  });

  it('shows YAML that parses, and plumbline commands with flags they have', () => {
    const used = new Set<string>();
    const flagsSeen = new Set<string>();
    for (const block of blocks) {
      const documents = parseAllDocuments(block);
      for (const document of documents) expect(document.errors).toEqual([]);
      const lines = documents.flatMap((document) => strings(document.toJS())).join('\n');
      for (const match of lines.matchAll(/plumbline@[\d.]+ (plan|merge|drift)((?:\\\n|.)*)/g)) {
        const command = commands[match[1]!]!;
        used.add(match[1]!);
        const known = new Set(command.options.map((option) => option.long));
        const flags = [...match[2]!.matchAll(/(?<=\s)--[a-z-]+/g)].map((flag) => flag[0]);
        expect(
          flags.filter((flag) => !known.has(flag)),
          `${match[1]}: ${match[2]}`,
        ).toEqual([]);
        for (const flag of flags) flagsSeen.add(`${match[1]} ${flag}`);
      }
    }
    // Drift shards through the drift action's and component's shard inputs (below).
    expect([...used].sort()).toEqual(['merge', 'plan']);
    for (const flag of ['plan --shard', 'plan --result', 'plan --base', 'merge --partial', 'merge --comment'])
      expect([...flagsSeen]).toContain(flag);
    expect(text).toMatch(
      /component: \S+\/plumbline\/drift@[\d.]+\n\s+inputs:\n(?:\s+[\w-]+: .*\n)*?\s+shards: 4\n/,
    );
    expect(text).toMatch(/uses: \S+\/plumbline\/actions\/drift@v1\n\s+with:\n\s+shard: /);
  });
});
