import { describe, expect, it } from 'vitest';
import { MASK_PREFIX } from '../../../src/diff/mask.js';
import {
  comparisonTitle,
  type EnvironmentResult,
  type ObjectChange,
  type PlanResult,
} from '../../../src/diff/model.js';
import {
  markdownSummary,
  objectSection,
  objectSections,
  renderMarkdown,
  summaryTable,
  verdict,
} from '../../../src/report/markdown.js';
import { parseMarkdown } from './commonmark.js';
import {
  compare,
  environment,
  imageChange,
  noChangeResult,
  PASSWORD_AFTER,
  PASSWORD_BEFORE,
  realisticResult,
  secretChange,
  settingsAdded,
} from './fixtures.js';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(realisticResult(), { runUrl: 'https://ci.example/runs/7?a=1&b=2' });
  const parsed = parseMarkdown(markdown);

  it('opens with the title and the verdict, then the summary table before any object', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## plumbline plan');
    expect(markdown).toContain('Comparing <code>bump-web (f0e1d2c)</code> with <code>main (a1b2c3d)</code>.');
    expect(markdown).toContain(
      '**1 to add, 2 to change, 1 to delete** in 1 environment. ⚠️ 1 risk to review.',
    );
    expect(markdown.indexOf('| environment | mode | compared with |')).toBeLessThan(
      markdown.indexOf('<details>'),
    );
  });

  it('says what changes between the verdict and the table: the image that moves, kinds and risks', () => {
    const header = markdown.slice(markdown.indexOf('**What changes**'), markdown.indexOf('| environment |'));
    expect(markdown.indexOf('**1 to add, 2 to change')).toBeLessThan(markdown.indexOf('**What changes**'));
    expect(header).toContain(
      '- 🖼️ <code>registry.example.com/shop/web</code> <code>1.4.2</code> → <code>1.5.0</code> (<code>Deployment shop/web</code>) in dev\n',
    );
    expect(header).toContain('- ➕ added: ConfigMap (1)\n- ✏️ changed: Deployment (1), Secret (1)\n');
    expect(header).toContain('- ➖ deleted: PersistentVolumeClaim (1)\n');
    expect(header).toContain('- ⚠️ 1 risk to review (1 deletion) in dev, listed below');
  });

  it('shows per environment its mode, what it was compared with, its counts and risk flags', () => {
    expect(markdown).toContain('| dev | live | cluster dev | 1 | 2 | 1 | 1 | ⚠️ 1 deletion |');
    expect(markdown).toContain('| prod | offline ℹ️ | base main (a1b2c3d) | 0 | 0 | 0 | 1 | — |');
    const table = /<table>[\s\S]*?<\/table>/.exec(parsed.html)?.[0] ?? '';
    expect(table.match(/<tr>/g)).toHaveLength(4); // header and three environments: a real table
  });

  it('marks a failed environment in the table and gives its error right under it', () => {
    expect(markdown).toContain(
      '| ❌ staging | live | cluster staging | — | — | — | — | could not be compared |',
    );
    const tableStart = markdown.indexOf('| environment |');
    const afterTable = markdown.slice(markdown.indexOf('\n\n', tableStart));
    expect(afterTable).toMatch(
      /^\n\n❌ \*\*staging\*\* could not be compared: kustomize build envs\/staging failed: accumulating resources: missing file base\/web.yaml/,
    );
    expect(markdown).toContain('❌ 1 environment could not be compared.');
  });

  it('shows a notice', () => {
    expect(markdown).toContain(
      'ℹ️ **prod**: no cluster credentials were given, so prod is compared with the base branch only',
    );
  });

  it('lists each risk in the summary with its environment and object', () => {
    expect(markdown).toContain(
      '- **dev** <code>PersistentVolumeClaim shop/data</code>: deletion: PersistentVolumeClaim data will be deleted',
    );
  });

  it('lists at most 20 risks in the summary and counts the rest', () => {
    const namespaces = Array.from({ length: 25 }, (_, i) =>
      compare({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${i}` } }, undefined),
    );
    const summary = markdownSummary({ environments: [environment('prod', namespaces)] });
    expect(
      summary.match(/^- \*\*prod\*\* <code>Namespace team-\d+<\/code>: namespace deletion: /gm),
    ).toHaveLength(20);
    expect(summary).toContain('- …and 5 more, shown in the sections below.');
    expect(summary).toContain('| ⚠️ 25 namespace deletions |');
  });

  it('gives one collapsed section per added, changed or deleted object, under its environment', () => {
    const summaries = [...markdown.matchAll(/<summary>(.*)<\/summary>/g)].map((match) => match[1]);
    expect(summaries).toEqual([
      '➕ added <code>ConfigMap shop/settings</code>',
      '➖ deleted <code>PersistentVolumeClaim shop/data</code> · ⚠️ 1 deletion',
      '✏️ changed <code>Secret shop/db</code>',
      '✏️ changed <code>Deployment shop/web</code>',
    ]);
    expect(markdown).not.toContain('Service shop/web'); // unchanged: counted, not listed
    expect(markdown.indexOf('### dev')).toBeLessThan(markdown.indexOf('<details>'));
    expect(markdown).not.toContain('### prod'); // nothing to list there
    expect(parsed.openDetails).toBe(0);
    expect(parsed.detailsUnderflow).toBe(false);
  });

  it('puts each diff in a closed diff fence with the exact hunk text', () => {
    expect(parsed.fences).toHaveLength(4);
    for (const fence of parsed.fences) {
      expect(fence.info).toBe('diff');
      expect(fence.closed).toBe(true);
    }
    const deploymentFence = parsed.fences.find((fence) => fence.content.includes('image:'))!;
    expect(deploymentFence.content).toBe(`${imageChange.diff}\n`);
    expect(deploymentFence.content).toContain('-          image: registry.example.com/shop/web:1.4.2\n');
    expect(deploymentFence.content).toContain('+          image: registry.example.com/shop/web:1.5.0\n');
  });

  it('shows notes inside the object section', () => {
    const section = objectSection(settingsAdded);
    expect(section).toContain('- ℹ️ namespace shop does not exist yet');
  });

  it('shows a Secret change as changed without any value or token', () => {
    expect(markdown).toContain('- 🔒 <code>data.password</code>: (secret value changed)');
    expect(markdown).toContain('-  password: *** (masked)\n+  password: *** (masked)');
    expect(markdown).not.toContain(MASK_PREFIX);
    for (const value of [PASSWORD_BEFORE, PASSWORD_AFTER]) {
      expect(markdown).not.toContain(value);
      expect(markdown).not.toContain(Buffer.from(value).toString('base64'));
    }
  });

  it('links the run, escaping the address', () => {
    expect(markdown).toContain('<a href="https://ci.example/runs/7?a=1&amp;b=2">Details of this run</a>');
  });

  it('takes a title', () => {
    expect(renderMarkdown(realisticResult(), { title: 'Drift in <prod>' }).split('\n')[0]).toBe(
      '## Drift in &lt;prod&gt;',
    );
  });
});

describe('a result without changes', () => {
  it('says so plainly, and still shows the table', () => {
    const markdown = renderMarkdown(noChangeResult());
    expect(markdown).toContain('**No changes.** Every environment matches what it was compared with.');
    expect(markdown).toContain('| dev | live | cluster dev | 0 | 0 | 0 | 1 | — |');
    expect(markdown).not.toContain('<details>');
  });

  it('does not claim everything matches when an environment failed', () => {
    const result = noChangeResult();
    result.environments[1]!.error = { message: 'helm template failed' };
    const markdown = renderMarkdown(result);
    expect(markdown).toContain(
      '**No changes** in the environments that could be compared. ❌ 1 environment could not be compared.',
    );
    expect(markdown).not.toContain('Every environment matches');
  });

  it('says no environment was affected when there is none', () => {
    expect(renderMarkdown({ environments: [] })).toContain('**No changes.** No environment was affected.');
  });
});

describe('hostile content', () => {
  const script = `apiVersion: v1
kind: ConfigMap
data:
  README.md: |
    \`\`\`bash
    echo hi
    \`\`\`\`\`
    <details><summary>oops</summary>
    </details>
    ~~~
`;
  const withFences = compare(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'docs', namespace: 'shop' },
      data: { 'README.md': 'x' },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'docs', namespace: 'shop' },
      data: { 'README.md': script },
    },
    ['<img src=x onerror=alert(1)> and a | pipe'],
  );
  const env = environment('dev|<b>x</b>', [withFences], {
    error: undefined,
    notice: { kind: 'deletions-unseen', kinds: ['line one\nline two <script>'] },
  });
  const markdown = renderMarkdown({ environments: [env] });
  const parsed = parseMarkdown(markdown);

  it('uses a fence longer than any backtick run in the diff, so the whole diff stays code', () => {
    expect(markdown).toContain('``````diff\n');
    expect(parsed.fences).toHaveLength(1);
    expect(parsed.fences[0]!.content).toBe(`${withFences.diff}\n`);
    expect(parsed.fences[0]!.closed).toBe(true);
  });

  it('lets no HTML from names, notes or diffs through, and balances <details>', () => {
    expect(parsed.foreignTags).toEqual([]);
    expect(parsed.openDetails).toBe(0);
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt; and a \\| pipe');
  });

  it('keeps a table cell intact around a pipe and a line break', () => {
    expect(markdown).toContain('| dev\\|&lt;b&gt;x&lt;/b&gt; | offline ℹ️ |');
    expect(markdown).toContain('line one<br>line two &lt;script&gt;');
    const table = /<table>[\s\S]*?<\/table>/.exec(parsed.html)?.[0] ?? '';
    const row = table.split('<tr>')[2] ?? '';
    expect(row.match(/<td/g)).toHaveLength(8);
  });
});

describe('reusable pieces', () => {
  it('summaryTable gives the table alone for other reports, such as drift issues', () => {
    const table = summaryTable(realisticResult());
    expect(table.startsWith('| environment |')).toBe(true);
    expect(table).not.toContain('## ');
  });

  it('objectSections gives one section per listed object of one environment', () => {
    const env = realisticResult().environments[0]!;
    const sections = objectSections(env);
    expect(sections).toHaveLength(4);
    for (const section of sections) {
      expect(section.startsWith('<details><summary>')).toBe(true);
      expect(section.endsWith('</details>')).toBe(true);
    }
    expect(sections.join('\n')).not.toContain(MASK_PREFIX);
  });

  it('objectSection redacts tokens even when called on its own', () => {
    expect(objectSection(secretChange)).not.toContain(MASK_PREFIX);
  });

  it('markdownSummary is exactly what opens the full report', () => {
    const result = realisticResult();
    expect(renderMarkdown(result).startsWith(markdownSummary(result))).toBe(true);
  });

  it('names an object without a namespace by kind and name', () => {
    const namespace: ObjectChange = compare(undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
    expect(objectSection(namespace)).toContain('<summary>➕ added <code>Namespace shop</code></summary>');
  });
});

describe('an environment compared both with the base and with its cluster', () => {
  const env = (mode: 'offline' | 'live', changed: number): EnvironmentResult => ({
    environment: 'dev',
    mode,
    comparedWith:
      mode === 'offline'
        ? { kind: 'base', ref: 'main', sha: 'abc1234abc1234abc1234abc1234abc1234abc12' }
        : { kind: 'cluster', context: 'dev' },
    counts: { added: 0, changed, deleted: 0, unchanged: 1 },
    changes: [],
  });

  it('is counted once, by the cluster comparison, and its two sections are told apart', () => {
    const result: PlanResult = { environments: [env('offline', 2), env('live', 1)] };
    expect(verdict(result)).toContain('0 to add, 1 to change, 0 to delete** in 1 environment');
    expect(comparisonTitle(result.environments[0]!, result)).toBe('dev: what this change does');
    expect(comparisonTitle(result.environments[1]!, result)).toBe('dev: against the cluster (live)');
  });

  it('falls back to the base comparison when the cluster one failed', () => {
    const failed = { ...env('live', 0), error: { message: 'Cannot reach the cluster' } };
    const result: PlanResult = { environments: [env('offline', 2), failed] };
    expect(verdict(result)).toContain('2 to change');
    expect(verdict(result)).toContain('1 environment could not be compared');
  });
});
