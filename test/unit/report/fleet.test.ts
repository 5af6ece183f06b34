/**
 * A plan of hundreds of environments: changes found identically in several are shown once,
 * unchanged environments are named on one line, what moves opens the report, and the
 * comment stays within a few parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_PREFIX } from '../../../src/diff/mask.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { changeFingerprint, groupChanges } from '../../../src/report/fleet.js';
import {
  environmentSections,
  markdownSummary,
  renderMarkdown,
  renderMarkdownParts,
  riskList,
  summaryTable,
  whatChanges,
} from '../../../src/report/markdown.js';
import { MIN_PART_LENGTH } from '../../../src/report/pack.js';
import { planResult } from './arbitraries.js';
import { parseMarkdown } from './commonmark.js';
import {
  claimDeletion,
  compare,
  deployment,
  environment,
  imageChange,
  PASSWORD_AFTER,
  PASSWORD_BEFORE,
  secret,
  serviceUnchanged,
  settingsAdded,
} from './fixtures.js';
import { fleetChanges, fleetName, fleetResult } from './fleet-fixtures.js';
import { FOREIGN_MARKER, inertnessProblems } from './inert.js';

/** A GitHub comment, less a marker's room, in at most 10 parts: what a plan comment gets. */
const COMMENT = { limit: 65_536, reserve: 100, maxParts: 10 };

function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| environment') && !line.startsWith('| ---'),
    );
}

describe('a base change that moves all 500 environments the same way', () => {
  const result = fleetResult(500, () => true);
  const markdown = renderMarkdown(result);
  const { parts, objectsLeftOut } = renderMarkdownParts(result, COMMENT);

  it('fits in at most 3 comment parts, nothing left out', () => {
    // Measured: 9,033 characters, one part (one row and one section per environment made 634,304 and 9 parts).
    expect(parts.length).toBeLessThanOrEqual(3);
    expect(objectsLeftOut).toBe(0);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(COMMENT.limit - COMMENT.reserve);
    expect(markdown.length).toBeLessThan(15_000);
  });

  it('shows each diff once, under the names of every environment it applies to', () => {
    const parsed = parseMarkdown(markdown);
    expect(parsed.fences).toHaveLength(3);
    expect(parsed.openDetails).toBe(0);
    expect(markdown).toContain('### The same 3 changes in 500 environments');
    expect(markdown).toContain('<details><summary>The 500 environments</summary>');
    const names = markdown.slice(markdown.indexOf('<summary>The 500 environments</summary>'));
    for (let index = 0; index < 500; index += 1) expect(names).toContain(fleetName(index));
    expect(markdown).not.toContain(`### ${fleetName(0)}`); // nothing particular to any one
  });

  it('gives the 500 identical rows one row, naming a few', () => {
    expect(tableRows(markdown)).toEqual([
      `| ${fleetName(0)}, ${fleetName(1)}, ${fleetName(2)}, … and 497 more (500 with the same changes) | offline | base main (a1b2c3d) | 0 | 3 | 0 | 7 | — |`,
    ]);
  });

  it('opens with what moves: the images, from and to, and the chart, in every environment', () => {
    const header = whatChanges(result);
    expect(markdown.indexOf('**What changes**')).toBeLessThan(markdown.indexOf('| environment |'));
    expect(header).toContain(
      '- 🖼️ <code>registry.example.com/shop/web</code> <code>1.4.2</code> → <code>1.5.0</code> (<code>Deployment shop/web</code>) in all 500 changed environments',
    );
    expect(header).toContain(
      '- 🖼️ <code>registry.example.com/shop/reindex</code> <code>1.4.2</code> → <code>1.5.0</code> (<code>CronJob shop/reindex</code>) in all 500 changed environments',
    );
    expect(header).toContain(
      '- 📦 chart <code>shop</code> <code>1.2.0</code> → <code>1.3.0</code> from oci://registry.example.com/charts in all 500 changed environments',
    );
    expect(header).toContain('- ✏️ changed: ConfigMap (500), CronJob (500), Deployment (500)');
  });

  it('says what rendered them on one line', () => {
    expect(markdown.match(/^📦 /gm)).toHaveLength(1);
    expect(markdown).toContain(`, … and 480 more** (offline): chart shop 1.2.0 → 1.3.0`);
  });
});

describe('a change to one environment of 500', () => {
  const result = fleetResult(500, (index) => index === 123);
  const markdown = renderMarkdown(result);

  it('has one row, and names the 499 others on one line', () => {
    // Measured: 2,796 characters, one part (one row per environment made 123,821 and 2 parts).
    expect(renderMarkdownParts(result, COMMENT).parts).toHaveLength(1);
    expect(markdown.length).toBeLessThan(5_000);
    expect(tableRows(markdown)).toEqual([
      `| ${fleetName(123)} | offline | base main (a1b2c3d) | 0 | 3 | 0 | 7 | — |`,
    ]);
    const names = Array.from({ length: 20 }, (_, index) => fleetName(index)).join(', ');
    expect(markdown).toContain(`**499 environments unchanged**: ${names}, … and 479 more`);
    expect(markdown).toContain(`### ${fleetName(123)}`);
    expect(markdown).not.toContain('The same');
  });

  it('names the environments the plan left out, on a line of their own', () => {
    const skipped = { ...result, unaffected: Array.from({ length: 30 }, (_, index) => `other-${index}`) };
    expect(summaryTable(skipped)).toMatch(
      /^⏭️ 30 environments not planned: no file the change touches is one they read \(other-0, .*, other-19 and 10 more\)$/m,
    );
  });
});

describe('changes in common and changes of their own', () => {
  const tweaked = compare(deployment('registry.example.com/shop/web:1.4.2'), {
    ...deployment('registry.example.com/shop/web:1.5.0'),
    spec: { ...(deployment('x').spec as object), replicas: 5 },
  });
  const result: PlanResult = {
    environments: [
      environment('dev', [imageChange, settingsAdded, serviceUnchanged]),
      environment('staging', [imageChange, settingsAdded]),
      environment('prod', [tweaked, settingsAdded]),
      environment('qa', [serviceUnchanged]),
    ],
  };
  const markdown = renderMarkdown(result);

  it('groups by the environments a change applies to, the widest group first', () => {
    const groups = groupChanges(result);
    expect(groups.shared.map((group) => group.environments)).toEqual([
      [0, 1, 2],
      [0, 1],
    ]);
    expect(groups.particular.map((refs) => refs.length)).toEqual([0, 0, 1, 0]);
    expect(groups.changeSets[0]).toBe(groups.changeSets[1]);
    expect(groups.changeSets[0]).not.toBe(groups.changeSets[2]);
  });

  it("shows a shared change once, naming its environments, and each environment's own under its name", () => {
    expect(markdown).toContain('### The same change in 3 environments\n\nIn dev, staging, prod.');
    expect(markdown).toContain('### The same change in 2 environments\n\nIn dev, staging.');
    expect(markdown).toContain('### prod\n\nBesides the changes it shares with others, above:\n\n<details>');
    expect(markdown.match(/<summary>✏️ changed <code>Deployment shop\/web<\/code><\/summary>/g)).toHaveLength(
      2,
    );
    expect(
      markdown.match(/<summary>➕ added <code>ConfigMap shop\/settings<\/code><\/summary>/g),
    ).toHaveLength(1);
    expect(markdown).not.toContain('### dev');
    expect(markdown).not.toContain('### qa');
  });

  it('looks as before for a few environments: a row each, the unchanged one too', () => {
    expect(tableRows(markdown)).toEqual([
      '| dev | offline | base main (a1b2c3d) | 1 | 1 | 0 | 1 | — |',
      '| staging | offline | base main (a1b2c3d) | 1 | 1 | 0 | 0 | — |',
      '| prod | offline | base main (a1b2c3d) | 1 | 1 | 0 | 0 | — |',
      '| qa | offline | base main (a1b2c3d) | 0 | 0 | 0 | 1 | — |',
    ]);
  });

  it('counts, per environment, the objects of a shared section left out', () => {
    const sections = environmentSections(result);
    expect(sections.map((section) => section.objects)).toEqual([3, 2, 1]);
    const limit = markdownSummary(result).length + MIN_PART_LENGTH;
    const capped = renderMarkdownParts(result, { limit, maxParts: 1 });
    expect(capped.objectsLeftOut).toBeGreaterThan(0);
    expect(capped.parts[0]).toMatch(/more sections? left out/);
  });
});

describe('what is identical', () => {
  it('keeps two Secret changes apart when their values differ, though both read as masked', () => {
    const first = compare(secret(PASSWORD_BEFORE), secret(PASSWORD_AFTER));
    const second = compare(secret(PASSWORD_BEFORE), secret('another-value'));
    expect(changeFingerprint(first)).not.toBe(changeFingerprint(second));
    expect(changeFingerprint(first)).toBe(
      changeFingerprint(compare(secret(PASSWORD_BEFORE), secret(PASSWORD_AFTER))),
    );
    const result = { environments: [environment('a', [first]), environment('b', [second])] };
    expect(groupChanges(result).shared).toEqual([]);
    expect(renderMarkdown(result)).not.toContain(MASK_PREFIX);
  });

  it("groups the same change in each environment's own namespace, and says so", () => {
    const inNamespace = (namespace: string, image: string) => {
      const object = deployment(image);
      return { ...object, metadata: { ...object.metadata, namespace } };
    };
    const result = {
      environments: ['a', 'b', 'c'].map((name) =>
        environment(name, [
          compare(inNamespace(`team-${name}`, 'web:1.0'), inNamespace(`team-${name}`, 'web:1.1')),
        ]),
      ),
    };
    const [shared] = groupChanges(result).shared;
    expect(shared?.environments).toEqual([0, 1, 2]);
    expect(shared?.changes[0]?.namespaces).toEqual(['team-a', 'team-b', 'team-c']);
    const sections = environmentSections(result).map((section) => section.text);
    expect(sections).toHaveLength(1);
    expect(sections[0]).toContain("in each environment's own namespace (3 namespaces)");
    expect(sections[0]).toContain('<code>Deployment web</code>');
    // The same change in one namespace stays one namespace's.
    const same = {
      environments: ['a', 'b'].map((name) =>
        environment(name, [compare(inNamespace('shop', 'web:1.0'), inNamespace('shop', 'web:1.1'))]),
      ),
    };
    expect(groupChanges(same).shared[0]?.changes[0]?.namespaces).toBeUndefined();
  });

  it('keeps changes with other risks or notes apart, and sees a set of risks in any order as the same', () => {
    const risky = { ...imageChange, risks: [{ kind: 'immutable-field' as const, message: 'm' }] };
    const noted = { ...imageChange, notes: ['namespace shop does not exist yet'] };
    const fingerprints = new Set([imageChange, risky, noted].map(changeFingerprint));
    expect(fingerprints.size).toBe(3);
    const two = [
      { kind: 'deletion' as const, message: 'a' },
      { kind: 'pvc-shrink' as const, message: 'b' },
    ];
    expect(changeFingerprint({ ...imageChange, risks: two })).toBe(
      changeFingerprint({ ...imageChange, risks: [...two].reverse() }),
    );
  });
});

describe('risks and failures in a fleet', () => {
  const environments: EnvironmentResult[] = Array.from({ length: 30 }, (_, index) =>
    environment(`site-${index}`, [claimDeletion]),
  );
  environments.push(
    environment('broken', [], { error: { message: 'helm template failed' } }),
    environment('broken-too', [], { error: { message: 'kustomize build failed' } }),
  );
  const result: PlanResult = { environments };
  const markdown = renderMarkdown(result);

  it('still names each environment with a risk, and counts them per row', () => {
    expect(riskList(result).match(/^- \*\*site-\d+\*\* /gm)).toHaveLength(20);
    expect(riskList(result)).toContain('- …and 10 more, shown in the sections below.');
    expect(markdown).toContain('| ⚠️ 1 deletion |');
    expect(whatChanges(result)).toContain(
      '- ⚠️ 30 risks to review (30 deletions) in all 30 changed environments',
    );
    expect(whatChanges(result)).toContain('- ➖ deleted: PersistentVolumeClaim (30)');
  });

  it('keeps a row and a reason for every failed environment', () => {
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(
      '| ❌ broken | offline | base main (a1b2c3d) | — | — | — | — | could not be compared |',
    );
    expect(rows[2]).toMatch(/^\| ❌ broken-too \|/);
    expect(markdown).toContain('❌ **broken** could not be compared: helm template failed');
    expect(markdown).toContain('❌ **broken-too** could not be compared: kustomize build failed');
  });
});

describe('the notices of many environments', () => {
  it('are said once, naming each environment', () => {
    const result: PlanResult = {
      environments: Array.from({ length: 6 }, (_, index) =>
        environment(`edge-${index}`, [serviceUnchanged], { notice: { kind: 'no-credentials' } }),
      ),
    };
    const table = summaryTable(result);
    expect(table).toContain(
      'ℹ️ **edge-0, edge-1, edge-2, edge-3, edge-4, edge-5**: no cluster credentials were given, so each of them is compared with the base branch only',
    );
    expect(table).toContain('**6 environments unchanged**: edge-0, edge-1, edge-2, edge-3, edge-4, edge-5');
    expect(table).not.toContain('| environment |');
  });
});

describe('what changes', () => {
  const move = (from: string | undefined, to: string | undefined, name = 'dev') =>
    environment(name, [
      { ...imageChange, images: [{ container: 'web', ...(from ? { from } : {}), ...(to ? { to } : {}) }] },
    ]);

  it('shows the tag and digest that move after a repository they share, and whole references otherwise', () => {
    const result = {
      environments: [
        move('reg:5000/web:1.0@sha256:aa', 'reg:5000/web:1.1@sha256:bb', 'a'),
        move('reg:5000/web', 'mirror/web:2', 'b'),
        move(undefined, 'new/image:1', 'c'),
        move('old/image:1', undefined, 'd'),
      ],
    };
    const header = whatChanges(result);
    expect(header).toContain(
      '<code>reg:5000/web</code> <code>1.0@sha256:aa</code> → <code>1.1@sha256:bb</code> (<code>Deployment shop/web</code>) in a',
    );
    expect(header).toContain(
      '<code>reg:5000/web</code> → <code>mirror/web:2</code> (<code>Deployment shop/web</code>) in b',
    );
    expect(header).toContain('<code>new/image:1</code> (new) (<code>Deployment shop/web</code>) in c');
    expect(header).toContain('<code>old/image:1</code> (removed) (<code>Deployment shop/web</code>) in d');
  });

  it('groups environments that share a move, and lists a few names of a group that is not all of them', () => {
    const environments = [
      ...Array.from({ length: 12 }, (_, index) => move('web:1', 'web:2', `a-${index}`)),
      ...Array.from({ length: 3 }, (_, index) => move('web:1', 'web:3', `b-${index}`)),
    ];
    const header = whatChanges({ environments });
    expect(header.match(/^- 🖼️ /gm)).toHaveLength(2);
    expect(header).toContain(
      '<code>web</code> <code>1</code> → <code>2</code> (<code>Deployment shop/web</code>) in 12 environments: a-0, a-1, a-2, a-3, a-4, a-5, a-6, a-7, a-8, a-9, … and 2 more',
    );
    expect(header).toContain('→ <code>3</code> (<code>Deployment shop/web</code>) in b-0, b-1, b-2');
  });

  it('is left out when nothing changes', () => {
    expect(whatChanges({ environments: [environment('dev', [serviceUnchanged])] })).toBe('');
  });
});

describe('hostile environment names in a fleet', () => {
  const hostile = [
    '@octocat',
    `x ${FOREIGN_MARKER}`,
    '`tick` @acme/admins',
    '/close',
    'a\n/merge',
    'b|<img src=x>',
  ];
  const names = Array.from({ length: 60 }, (_, index) => `${hostile[index % hostile.length]} ${index}`);
  const result: PlanResult = {
    environments: names.map((name, index) =>
      environment(name, index % 3 === 0 ? [serviceUnchanged] : [...fleetChanges], {
        ...(index % 5 === 0 ? { notice: { kind: 'deletions-unseen', kinds: [name] } } : {}),
        ...(index === 7 ? { error: { message: `${name} failed` } } : {}),
      }),
    ),
    unaffected: names.slice(0, 25),
  };

  it('shows them on every line that names many, and they do nothing', () => {
    const markdown = renderMarkdown(result);
    expect(inertnessProblems(markdown)).toEqual([]);
    const parsed = parseMarkdown(markdown);
    expect(parsed.foreignTags).toEqual([]);
    expect(parsed.openDetails).toBe(0);
    for (const part of renderMarkdownParts(result, { limit: 4000 }).parts) {
      expect(inertnessProblems(part)).toEqual([]);
    }
    expect(markdown).toContain('The same 3 changes in');
    expect(markdown).toMatch(/environments unchanged\*\*: /);
  });
});

describe('any result, repeated across environments', () => {
  it('keeps every part within its limit, balanced and inert, and shows each distinct change once', () => {
    fc.assert(
      fc.property(
        planResult,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 200, max: 8000 }),
        (result, copies, extra) => {
          // The same environments again under other names: every change is then shared.
          const fleet: PlanResult = {
            ...result,
            environments: Array.from({ length: copies }, (_, copy) =>
              result.environments.map((env) => ({ ...env, environment: `${env.environment}~${copy}` })),
            ).flat(),
          };
          const limit = Math.max(MIN_PART_LENGTH, markdownSummary(fleet).length + extra);
          const { parts } = renderMarkdownParts(fleet, { limit });
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(limit);
            const parsed = parseMarkdown(part);
            expect(parsed.fences.every((fence) => fence.closed)).toBe(true);
            expect(parsed.openDetails).toBe(0);
            expect(parsed.foreignTags).toEqual([]);
            expect(inertnessProblems(part)).toEqual([]);
            expect(part).not.toContain(MASK_PREFIX);
          }
          const groups = groupChanges(fleet);
          const distinct =
            groups.shared.reduce((sum, group) => sum + group.changes.length, 0) +
            groups.particular.reduce((sum, refs) => sum + refs.length, 0);
          expect(environmentSections(fleet)).toHaveLength(distinct);
          if (copies > 1) expect(groups.particular.every((refs) => refs.length === 0)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
