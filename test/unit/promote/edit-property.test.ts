/**
 * Property: over generated YAML (comments everywhere, anchors and aliases, quoted and plain
 * scalars, flow collections, CRLF, several documents) a promote changes only the bytes of the
 * intended values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findImages } from '../../../src/promote/find.js';
import { parseYamlFile } from '../../../src/promote/parse.js';
import { planPromotion } from '../../../src/promote/plan.js';
import { rewriteFiles } from '../../../src/promote/rewrite.js';

type Style = 'plain' | 'single' | 'double';
const render = (value: string, style: Style) =>
  style === 'single' ? `'${value}'` : style === 'double' ? `"${value}"` : value;
/** What plumbline writes: the same style, but a plain value YAML would not read as that string is quoted. */
const expectedRender = (value: string, style: Style) =>
  style === 'plain' && parse(value) !== value ? `"${value}"` : render(value, style);

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const tag = fc.oneof(
  fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => `v${a}.${b}`),
  fc.tuple(fc.nat(9), fc.nat(30)).map(([a, b]) => `${a}.${b}`),
  fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/),
);
const style = fc.constantFrom<Style>('plain', 'single', 'double');
const comment = fc.option(
  word.map((w) => `  # ${w}: note`),
  { nil: '' },
);

/** Lines of unrelated YAML at some indent: scalars, anchors, aliases, flow maps, comments, blanks. */
const junk = (indent: string, anchorPrefix: string) =>
  fc.array(fc.tuple(fc.nat(5), word, word, style, comment, fc.nat(1000)), { maxLength: 5 }).map((entries) => {
    const lines: string[] = [];
    entries.forEach(([kind, key, value, s, c, n], i) => {
      const k = `${key}${i}`;
      if (kind === 0) lines.push(`${indent}${k}: ${render(value, s)}${c}`);
      if (kind === 1)
        lines.push(
          `${indent}${k}: &${anchorPrefix}${i} ${render(value, s)}${c}`,
          `${indent}${k}copy: *${anchorPrefix}${i}`,
        );
      if (kind === 2) lines.push(`${indent}${k}: {a: ${n}, b: ${render(value, s)}, c: [x, 'y']}${c}`);
      if (kind === 3) lines.push(`${indent}# ${value} comment line`);
      if (kind === 4) lines.push('');
      if (kind === 5) lines.push(`${indent}${k}: ${n}.${n}${c}`);
    });
    return lines;
  });

const kustomization = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  head: junk('', 'h'),
  before: fc.array(fc.tuple(word, tag), { maxLength: 3 }),
  after: fc.array(fc.tuple(word, tag), { maxLength: 3 }),
  oldTag: tag,
  newTag: tag,
  tagStyle: style,
  tagComment: comment,
  tail: junk('', 't'),
  extraDocs: fc.array(junk('', 'd'), { maxLength: 2 }),
  leadingDocMarker: fc.boolean(),
});

describe('promote edits only the intended bytes', () => {
  it('in kustomizations with surrounding noise', () => {
    fc.assert(
      fc.property(kustomization, (g) => {
        const build = (tagText: string) => {
          const entry = (name: string, t: string) => [`  - name: other-${name}`, `    newTag: "${t}"`];
          const lines = [
            ...(g.leadingDocMarker ? ['---'] : []),
            ...g.head,
            'images:',
            ...g.before.flatMap(([n, t]) => entry(n, t)),
            '  - name: ghcr.io/acme/app # the app',
            `    newTag: ${tagText}${g.tagComment}`,
            ...g.after.flatMap(([n, t]) => entry(n, t)),
            ...g.tail,
            ...g.extraDocs.flatMap((doc) => ['---', '# another document', ...doc, 'newTag: untouched']),
            '',
          ];
          return lines.join(g.eol);
        };
        const input = build(render(g.oldTag, g.tagStyle));
        const file = parseYamlFile('kustomization.yaml', input);
        const plan = planPromotion(
          [
            {
              image: 'ghcr.io/acme/app',
              names: ['ghcr.io/acme/app'],
              version: { tag: g.newTag },
              origin: 'test',
            },
          ],
          findImages([file]),
          { targetEnv: 'staging', allowDowngrade: true, required: () => true },
        );
        const output = rewriteFiles(plan)[0]?.text ?? input;
        const oldText = String(parse(render(g.oldTag, g.tagStyle)) ?? '');
        const unchanged = (g.tagStyle === 'plain' ? g.oldTag : oldText) === g.newTag;
        expect(output).toBe(unchanged ? input : build(expectedRender(g.newTag, g.tagStyle)));
      }),
      { numRuns: 300 },
    );
  });

  it('in manifests with several documents', () => {
    fc.assert(
      fc.property(
        fc.record({
          eol: fc.constantFrom('\n', '\r\n'),
          docs: fc.array(junk('', 'a'), { minLength: 1, maxLength: 3 }),
          which: fc.nat(10),
          style,
          from: tag,
          to: tag,
          digest: fc.option(fc.stringMatching(/^[0-9a-f]{8}$/), { nil: undefined }),
        }),
        (g) => {
          const at = g.which % g.docs.length;
          const ref = (t: string) => `ghcr.io/acme/app:${t}${g.digest ? `@sha256:${g.digest}` : ''}`;
          const build = (image: string) =>
            g.docs
              .flatMap((doc, i) => [
                ...(i > 0 ? ['---'] : []),
                ...doc,
                ...(i === at
                  ? [
                      'kind: Deployment',
                      'spec:',
                      '  template:',
                      '    spec:',
                      '      containers:',
                      '      - name: app',
                      `        image: ${image}  # runs`,
                    ]
                  : []),
              ])
              .concat('')
              .join(g.eol);
          const input = build(render(ref(g.from), g.style));
          const file = parseYamlFile('deploy.yaml', input);
          const version = {
            tag: g.to,
            ...(g.digest && { digest: `sha256:${g.digest.split('').reverse().join('')}` }),
          };
          const plan = planPromotion(
            [{ image: 'ghcr.io/acme/app', names: ['ghcr.io/acme/app'], version, origin: 'test' }],
            findImages([file]),
            { targetEnv: 'staging', allowDowngrade: true, required: () => true },
          );
          const output = rewriteFiles(plan)[0]?.text ?? input;
          const next = `ghcr.io/acme/app:${g.to}${version.digest ? `@${version.digest}` : ''}`;
          expect(output).toBe(build(render(next, g.style)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
