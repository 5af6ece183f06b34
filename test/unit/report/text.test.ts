import { describe, expect, it } from 'vitest';
import { MASK_PREFIX } from '../../../src/diff/mask.js';
import { renderText } from '../../../src/report/text.js';
import { compare, environment, noChangeResult, realisticResult, settingsAdded } from './fixtures.js';

const ESC = '\u001b';
const green = (text: string) => `${ESC}[32m${text}${ESC}[0m`;
const red = (text: string) => `${ESC}[31m${text}${ESC}[0m`;
const cyan = (text: string) => `${ESC}[36m${text}${ESC}[0m`;

describe('renderText without colour', () => {
  const text = renderText(realisticResult(), { color: false });
  const lines = text.split('\n');

  it('has no escape codes', () => {
    expect(text).not.toContain(ESC);
  });

  it('gives each environment a header, then one line per listed object with its sign', () => {
    expect(lines[0]).toBe('plumbline plan: bump-web (f0e1d2c) against main (a1b2c3d)');
    const dev = lines.indexOf('dev (live, compared with cluster dev)');
    expect(dev).toBeGreaterThan(0);
    const objectLines = lines.filter((line) => /^ {2}[+~-] /.test(line));
    expect(objectLines).toEqual([
      '  + ConfigMap shop/settings',
      '  - PersistentVolumeClaim shop/data',
      '  ~ Secret shop/db',
      '  ~ Deployment shop/web',
    ]);
    expect(text).not.toContain('Service shop/web');
  });

  it('indents the diff, risks and notes under their object', () => {
    expect(text).toContain(
      `  ~ Deployment shop/web\n      @@ -16,7 +16,7 @@\n${' '.repeat(6 + 1 + 8)}app: web\n`,
    );
    expect(text).toContain('      -          image: registry.example.com/shop/web:1.4.2\n');
    expect(text).toContain('      +          image: registry.example.com/shop/web:1.5.0\n');
    expect(text).toContain(
      '  - PersistentVolumeClaim shop/data\n      ! deletion: PersistentVolumeClaim data will be deleted\n',
    );
    expect(text).toContain('      note: namespace shop does not exist yet\n');
  });

  it('shows a Secret change without values', () => {
    expect(text).toContain('  ~ Secret shop/db\n      data.password: (secret value changed)\n');
    expect(text).toContain('      -  password: *** (masked)\n      +  password: *** (masked)\n');
    expect(text).not.toContain(MASK_PREFIX);
  });

  it('counts per environment, reports errors and notices, and ends with the plan line', () => {
    expect(text).toContain('  1 to add, 2 to change, 1 to delete, 1 unchanged\n');
    expect(text).toContain(
      'staging (live, compared with cluster staging)\n  error: could not be compared: kustomize build envs/staging failed',
    );
    expect(text).toContain(
      'prod (offline, compared with base main (a1b2c3d))\n  notice: no cluster credentials were given, so prod is compared with the base branch only\n',
    );
    expect(lines.at(-2)).toBe(
      'Plan: 1 to add, 2 to change, 1 to delete across 2 environments. 1 risk to review. 1 environment could not be compared.',
    );
  });

  it('says when nothing changes', () => {
    expect(renderText(noChangeResult(), { color: false }).trimEnd().split('\n').at(-1)).toBe(
      'No changes. Every environment matches what it was compared with.',
    );
  });

  it('shows control characters from outside as text, so they cannot drive the terminal', () => {
    const env = environment('dev', [], { error: { message: `bad\u001b[2Jthing\u0007` } });
    const output = renderText({ environments: [env] }, { color: false });
    expect(output).not.toContain(ESC);
    expect(output).toContain('bad\\x1b[2Jthing\\x07');
  });

  it('keeps a name on its line and indents every line of a message under what it belongs to', () => {
    const change = {
      ...compare(undefined, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'a', namespace: 'shop' },
      }),
      notes: ['first\n::warning::second'],
    };
    const env = environment('dev\n::add-mask::x', [change], {
      notice: { kind: 'deletions-unseen', kinds: ['one\ntwo'] },
    });
    const output = renderText({ environments: [env] }, { color: false });
    expect(output).toContain('dev\\n::add-mask::x (offline, compared with');
    expect(output).toContain('      note: first\n      ::warning::second');
    expect(output).toContain('  notice: deletions of one\n  two cannot be seen');
  });
});

describe('renderText with colour', () => {
  const text = renderText(realisticResult(), { color: true });

  it('colours added lines green, removed lines red and hunk headers cyan', () => {
    expect(text).toContain(`      ${green('+          image: registry.example.com/shop/web:1.5.0')}\n`);
    expect(text).toContain(`      ${red('-          image: registry.example.com/shop/web:1.4.2')}\n`);
    expect(text).toContain(`      ${cyan('@@ -16,7 +16,7 @@')}\n`);
    expect(text).toContain(`\n${' '.repeat(6 + 1 + 8)}app: web\n`); // context lines stay plain
  });

  it('colours the signs of added and deleted objects', () => {
    const added = renderText({ environments: [environment('dev', [settingsAdded])] }, { color: true });
    expect(added).toContain(`  ${green('+')} `);
    expect(text).toContain(`  ${red('-')} `);
  });
});
