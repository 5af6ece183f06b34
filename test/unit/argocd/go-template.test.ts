/**
 * The Go text/template + Sprig evaluator of src/argocd/go-template.ts against what Go itself
 * does, and against hostile templates. Every expected output and every expected error below
 * was observed with Go 1.26.8, text/template and github.com/Masterminds/sprig/v3 v3.3.0 (with
 * Argo CD's function map: Sprig's GenericFuncMap minus env, expandenv and getHostByName, plus
 * normalize, toYaml and fromYaml), the data decoded by encoding/json into map[string]any as
 * Argo CD's params are. The Go error is kept beside each error case for reference.
 */
import { describe, expect, it } from 'vitest';
import {
  GoTemplateError,
  type GoTemplateOptions,
  renderGoTemplate,
} from '../../../src/argocd/go-template.js';

type Options = Partial<GoTemplateOptions>;

/** [template, data, options, Go's output] */
const outputs: [string, unknown, Options, string][] = [
  [
    '{{.a}} {{.n}} {{.m}} {{.big}} {{.x}}',
    { a: 's', n: 3, m: 1.5, big: 1000000 },
    {},
    's 3 1.5 1e+06 <no value>',
  ],
  [
    '{{.f1}} {{.f2}} {{.f3}} {{.f4}} {{.f5}} {{.f6}} {{.f7}}',
    { f1: 123456789, f2: 100000, f3: 0.0001, f4: 1e-5, f5: 1e21, f6: -2.5, f7: 123456 },
    {},
    '1.23456789e+08 100000 0.0001 1e-05 1e+21 -2.5 123456',
  ],
  [
    '{{.l}} {{.m}} {{.e}} {{.t}}',
    { l: ['a', 1, null, true], m: { b: 2, a: 'x', c: [1] }, e: {}, t: false },
    {},
    '[a 1 <nil> true] map[a:x b:2 c:[1]] map[] false',
  ],
  ['{{.missing}}|{{.missing.sub}}|{{.nul}}', { nul: null }, {}, '<no value>|<no value>|<no value>'],
  ['{{.missing}}|{{.nul}}', { nul: null }, { missingKey: 'zero' }, '<no value>|<no value>'],
  ['{{.constructor}}|{{.__proto__}}|{{.toString}}', {}, {}, '<no value>|<no value>|<no value>'],
  ['a  {{- .x -}}  b|{{- 3 }}|{{-3}}|{{ 3 -}}  x', { x: 'X' }, {}, 'aXb|3|-3|3x'],
  ['a {{/* c */}} b {{- /* c2 */ -}} c', {}, {}, 'a  bc'],
  ['{{ $ }}|{{ $.a }}|{{ $x := .a }}{{ $x }}|{{ $x = "z" }}{{ $x }}', { a: 'A' }, {}, 'map[a:A]|A|A|z'],
  ['{{ .a | upper | printf "%s-%s" "p" }}', { a: 'x' }, {}, 'p-X'],
  ['{{ printf "%s %d %v %q %t %%" "s" 3 1.5 "q\\"" true }}', {}, {}, 's 3 1.5 "q\\"" true %'],
  [
    '{{ printf "%d|%s|%s|%v" .n .n 3 .l }}',
    { n: 3, l: [1, 'a'] },
    {},
    '%!d(float64=3)|%!s(float64=3)|%!s(int=3)|[1 a]',
  ],
  ['{{ printf "%s" }}|{{ printf "x" 1 }}', {}, {}, '%!s(MISSING)|x%!(EXTRA int=1)'],
  [
    '{{ print 1 2 "a" 3 .m }}|{{ println 1 "a" }}|{{ print .missing }}',
    { m: null },
    {},
    '1 2a3 <nil>|1 a\n|<nil>',
  ],
  [
    '{{ "a\\tb\\n\\u00e9\\x41" }}|{{ `raw\\n` }}|{{ 0x1F }}|{{ 1e3 }}|{{ 3.0 }}|{{ -2 }}|{{ 0o17 }}|{{ 017 }}',
    {},
    {},
    'a\tb\néA|raw\\n|31|1000|3|-2|15|15',
  ],
  ['{{ if .a }}A{{ else if .b }}B{{ else }}C{{ end }}{{ if .c }}x{{ end }}', { a: '', b: 0, c: [] }, {}, 'C'],
  ['{{ if .b }}B{{ else if .c }}C{{ else }}D{{ end }}', { b: false, c: { k: 1 } }, {}, 'C'],
  [
    '{{ range .l }}[{{ . }}]{{ end }}|{{ range $i, $v := .l }}{{ $i }}={{ $v }} {{ end }}',
    { l: ['a', 'b'] },
    {},
    '[a][b]|0=a 1=b ',
  ],
  [
    '{{ range $k, $v := .m }}{{ $k }}:{{ $v }},{{ end }}|{{ range .m }}{{ . }}{{ end }}|{{ range $v := .m }}{{ $v }}{{ end }}',
    { m: { b: 2, a: 1, c: 3 } },
    {},
    'a:1,b:2,c:3,|123|123',
  ],
  [
    '{{ range .e }}x{{ else }}empty{{ end }}|{{ range .missing }}x{{ else }}none{{ end }}',
    { e: [] },
    {},
    'empty|none',
  ],
  [
    '{{ range .l }}{{ if eq . 2.0 }}{{ continue }}{{ end }}{{ if eq . 4.0 }}{{ break }}{{ end }}{{ . }}{{ end }}',
    { l: [1, 2, 3, 4, 5] },
    {},
    '13',
  ],
  ['{{ range 3 }}{{ . }}{{ end }}', {}, {}, '012'],
  [
    '{{ with .a }}{{ . }}{{ else }}no{{ end }}|{{ with .b }}{{ . }}{{ else with .c }}c={{ . }}{{ end }}',
    { a: 'A', b: '', c: 'C' },
    {},
    'A|c=C',
  ],
  ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}', {}, {}, '2'],
  [
    '{{ and 1 0 2 }}|{{ and 1 2 }}|{{ or 0 "" }}|{{ or 0 "x" 3 }}|{{ not 0 }}|{{ and .missing .x }}',
    {},
    {},
    '0|2||x|true|<no value>',
  ],
  [
    '{{ eq .n 3.0 }}|{{ eq .s "a" "b" }}|{{ eq .s "x" "b" }}|{{ ne 1 2 }}|{{ lt 1 2 }}|{{ le 2 2 }}|{{ gt "b" "a" }}|{{ ge 1.5 2.5 }}',
    { n: 3, s: 'b' },
    {},
    'true|true|true|true|true|true|true|false',
  ],
  [
    '{{ eq .missing "x" }}|{{ eq .nul .missing }}|{{ ne .nul "x" }}|{{ eq true true }}',
    { nul: null },
    {},
    'false|true|true|true',
  ],
  [
    '{{ len .s }}|{{ len .l }}|{{ len .m }}|{{ len "é" }}',
    { s: 'abc', l: [1, 2], m: { a: 1 } },
    {},
    '3|2|1|2',
  ],
  [
    '{{ index .l 1 }}|{{ index .m "a" "b" }}|{{ index .m "zz" }}|{{ index . "missing" }}',
    { l: ['x', 'y'], m: { a: { b: 'B' } } },
    { missingKey: 'error' },
    'y|B|<no value>|<no value>',
  ],
  [
    '{{ lower "ABC" }}|{{ upper "abcß" }}|{{ title "hello wORLD foo-bar x_y" }}|{{ trim "  a b \\n" }}|{{ trimAll "-$" "$-a-$" }}|{{ trimPrefix "a" "aab" }}|{{ trimSuffix "-" "x--" }}',
    {},
    {},
    'abc|ABCß|Hello WORLD Foo-Bar X_y|a b|a|ab|x-',
  ],
  [
    '{{ replace "a" "b" "banana" }}|{{ replace "" "-" "abc" }}|{{ repeat 3 "ab" }}|{{ nospace " a b\\tc " }}',
    {},
    {},
    'bbnbnb|-a-b-c-|ababab|abc',
  ],
  [
    '{{ default "d" .missing }}|{{ default "d" "" }}|{{ default "d" 0 }}|{{ default "d" .z }}|{{ default "d" "v" }}|{{ .missing | default "p" }}|{{ default "d" .e }}|{{ default "d" false }}',
    { z: 0, e: [] },
    {},
    'd|d|d|d|v|p|d|d',
  ],
  [
    '{{ empty "" }}|{{ empty .m }}|{{ empty 0 }}|{{ empty .x }}|{{ empty "a" }}|{{ coalesce .missing "" 0 "c" }}|{{ coalesce 0 "" }}',
    { m: {}, x: 1 },
    {},
    'true|true|true|false|false|c|<no value>',
  ],
  ['{{ ternary "y" "n" true }}|{{ ternary "y" "n" (eq 1 2) }}|{{ true | ternary 1 2 }}', {}, {}, 'y|n|1'],
  [
    '{{ quote "a\\"b" 3 .missing 1.5 }}|{{ squote "a" 3 }}|{{ quote "é\\t\\u00a0" }}',
    {},
    {},
    '"a\\"b" "3" "1.5"|\'a\' \'3\'|"é\\t\\u00a0"',
  ],
  [
    '{{ contains "an" "banana" }}|{{ hasPrefix "ba" "banana" }}|{{ hasSuffix "x" "banana" }}',
    {},
    {},
    'true|true|false',
  ],
  [
    '{{ split "," "a,b,c" }}|{{ (split "," "a,b")._1 }}|{{ splitList "," "a,b" }}|{{ join "-" (list "a" 1 .missing 1.5 true) }}|{{ join "," .l }}|{{ join "," "s" }}',
    { l: ['x', 'y'] },
    {},
    'map[_0:a _1:b _2:c]|b|[a b]|a-1-1.5-true|x,y|s',
  ],
  [
    '{{ list 1 "a" 1.5 }}|{{ dict "b" 1 "a" "x" "c" }}|{{ get .m "a" }}|{{ get .m "zz" }}|{{ hasKey .m "a" }}|{{ hasKey .m "zz" }}',
    { m: { a: 'A' } },
    {},
    '[1 a 1.5]|map[a:x b:1 c:]|A||true|false',
  ],
  [
    '{{ $d := dict "a" 1 }}{{ $e := set $d "b" 2 }}{{ $e }}|{{ keys .m | sortAlpha }}',
    { m: { b: 1, a: 2, c: 3 } },
    {},
    'map[a:1 b:2]|[a b c]',
  ],
  [
    '{{ toString 3 }}|{{ toString .n }}|{{ toString .l }}|{{ toString true }}',
    { n: 1.5, l: [1, 'a'] },
    {},
    '3|1.5|[1 a]|true',
  ],
  [
    '{{ toJson . }}',
    { b: [1, 2.5, 'x<y>&'], a: { z: null, y: true }, s: 'é \n\u0001', big: 1e21, small: 1e-7, n: 1000000 },
    {},
    '{"a":{"y":true,"z":null},"b":[1,2.5,"x\\u003cy\\u003e\\u0026"],"big":1e+21,"n":1000000,"s":"é\\u2028\\n\\u0001","small":1e-7}',
  ],
  [
    '{{ toPrettyJson . }}|{{ toPrettyJson .e }}|{{ toJson (list) }}',
    { b: [1, { c: 'd' }], a: 'x', e: {} },
    {},
    '{\n  "a": "x",\n  "b": [\n    1,\n    {\n      "c": "d"\n    }\n  ],\n  "e": {}\n}|{}|[]',
  ],
  [
    '{{ toYaml . }}',
    { b: [1, { c: 'd' }], a: 'x', num: 1.5, t: true, z: null, e: {}, l: [], big: 1000000 },
    {},
    'a: x\nb:\n- 1\n- c: d\nbig: 1000000\ne: {}\nl: []\nnum: 1.5\nt: true\nz: null',
  ],
  ['{{ toYaml .s }}|{{ toYaml .l }}|{{ toYaml .n }}', { s: 'a-b', l: ['x', 2], n: 3 }, {}, 'a-b|- x\n- 2|3'],
  [
    '{{ $m := fromYaml "a: 1\\nb: [x, 2.5]\\nc: {d: true}\\n" }}{{ $m.a }} {{ $m.b }} {{ $m.c.d }} {{ toJson $m }}',
    {},
    {},
    '1 [x 2.5] true {"a":1,"b":["x",2.5],"c":{"d":true}}',
  ],
  ['{{ fromYaml "" }}', {}, {}, 'map[]'],
  [
    '{{ int "42" }}|{{ int 3.9 }}|{{ int .n }}|{{ int64 "0x1f" }}|{{ int "abc" }}|{{ int "3.00" }}|{{ int true }}|{{ float64 "1.5" }}|{{ float64 3 }}|{{ atoi "12" }}|{{ atoi "x" }}|{{ atoi "0x10" }}',
    { n: 7.8 },
    {},
    '42|3|7|31|0|3|1|1.5|3|12|0|0',
  ],
  [
    '{{ add 1 2 .n }}|{{ sub 10 .n }}|{{ mul 2 3 4 }}|{{ div 7 2 }}|{{ mod 7 3 }}|{{ max 1 5 3 }}|{{ min 4 2 8 }}|{{ add }}|{{ div -7 2 }}|{{ mod -7 3 }}',
    { n: 2.9 },
    {},
    '5|8|24|3|1|5|2|0|-3|-1',
  ],
  ['{{ eq (add 1 2) 3 }}|{{ eq (len .l) 2 }}', { l: [1, 2] }, {}, 'true|true'],
  [
    '{{ b64enc "héllo" }}|{{ b64dec "aMOpbGxv" }}|{{ sha256sum "abc" }}',
    {},
    {},
    'aMOpbGxv|héllo|ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  ],
  [
    '{{ trunc 3 "abcdef" }}|{{ trunc -2 "abcdef" }}|{{ trunc 10 "ab" }}|{{ trunc -10 "ab" }}|{{ substr 1 3 "abcdef" }}|{{ substr 2 -1 "abcdef" }}|{{ substr 2 99 "abcdef" }}|{{ substr -1 2 "abcdef" }}',
    {},
    {},
    'abc|ef|ab|ab|bc|cdef|cdef|ab',
  ],
  [
    '{{ normalize "Hello_World/App.v2--" }}|{{ normalize "--a.." }}|{{ normalize "ÄB c" }}',
    {},
    {},
    'hello-world-app.v2|a|b-c',
  ],
  ['{{ indent 2 "a\\nb" }}|{{ nindent 4 "x" }}', {}, {}, '  a\n  b|\n    x'],
  [
    '{{ uniq (list 1 "a" 1 "a" 2.0 2) }}|{{ has 1 (list 1 2) }}|{{ has 1.0 (list 1 2) }}|{{ has "x" .missing }}|{{ first .l }}|{{ last .l }}|{{ rest .l }}|{{ initial .l }}|{{ first .e }}|{{ rest .e }}|{{ sortAlpha (list "b" "a" 10 "B") }}',
    { l: ['a', 'b', 'c'], e: [] },
    {},
    '[1 a 2 2]|true|false|false|a|c|[b c]|[a b]|<no value>|[]|[10 B a b]',
  ],
  [
    '{{ regexMatch "^a.c$" "abc" }}|{{ regexMatch "b" "abc" }}|{{ regexMatch "[0-9]+" "abc" }}|{{ regexMatch "^b" "abc" }}|{{ regexMatch "c$" "ab\\nc" }}',
    {},
    {},
    'true|true|false|false|true',
  ],
  [
    '{{ (.a).b }}|{{ (dict "k" "v").k }}|{{ $.a.b }}|{{ $m := .a }}{{ $m.b }}',
    { a: { b: 'B' } },
    {},
    'B|v|B|B',
  ],
  [
    '{{ printf "%s" .missing }}|{{ printf "%d" "x" }}|{{ printf "%t" 1 }}|{{ printf "%v" .m }}',
    { m: { k: [1, null] } },
    {},
    '%!s(<nil>)|%!d(string=x)|%!t(int=1)|map[k:[1 <nil>]]',
  ],
  ['{{ .a }}\n{{- range .l }}\n  - {{ . }}\n{{- end }}', { a: 'x', l: [1, 2] }, {}, 'x\n  - 1\n  - 2'],
  ['{{ "a" \n | \n upper }}', {}, {}, 'A'],
  ['{{ index .l 1 }}', { l: [1, 2] }, {}, '2'],
  ['{{ (1) }}|{{ (.a | upper) }}', { a: 'x' }, {}, '1|X'],
];

/** [template, data, options]: Go fails these (at parse or execution time), and so must plumbline. */
const errors: [string, unknown, Options][] = [
  // Go: template: t:1:6: executing "t" at <.nul.sub>: nil pointer evaluating interface {}.sub
  ['{{.nul.sub}}', { nul: null }, {}],
  // Go: template: t:1:4: executing "t" at <.s.sub>: can't evaluate field sub in type interface {}
  ['{{.s.sub}}', { s: 'str' }, {}],
  // Go: template: t:1:2: executing "t" at <.missing>: map has no entry for key "missing"
  ['{{.missing}}', {}, { missingKey: 'error' }],
  // Go: template: t:1:4: executing "t" at <.a.missing>: map has no entry for key "missing"
  ['{{.a.missing}}', { a: {} }, { missingKey: 'error' }],
  // Go: template: t:1:10: executing "t" at <.missing.sub>: nil pointer evaluating interface {}.sub
  ['{{.missing.sub}}', {}, { missingKey: 'zero' }],
  // Go: template: t:1:2: executing "t" at <.constructor>: map has no entry for key "constructor"
  ['{{.constructor}}', {}, { missingKey: 'error' }],
  // Go: template: t:1:9: executing "t" at <.n>: range can't iterate over 3
  ['{{ range .n }}{{ . }}{{ end }}', { n: 3 }, {}],
  // Go: template: t:1:9: executing "t" at <.s>: range can't iterate over ab
  ['{{ range .s }}{{ . }}{{ end }}', { s: 'ab' }, {}],
  // Go: template: t:1: undefined variable "$y"
  ['{{ if true }}{{ $y := 3 }}{{ end }}{{ $y }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <eq .n 3>: error calling eq: incompatible types for comparison: float64 and int
  ['{{ eq .n 3 }}', { n: 3 }, {}],
  // Go: template: t:1:3: executing "t" at <eq .l .l>: error calling eq: non-comparable type [%!s(float64=1)]: []interface {}
  ['{{ eq .l .l }}', { l: [1] }, {}],
  // Go: template: t:1:3: executing "t" at <eq .m .m>: error calling eq: non-comparable type map[]: map[string]interface {}
  ['{{ eq .m .m }}', { m: {} }, {}],
  // Go: template: t:1:3: executing "t" at <lt true false>: error calling lt: invalid type for comparison
  ['{{ lt true false }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <lt 1 1.5>: error calling lt: incompatible types for comparison: int and float64
  ['{{ lt 1 1.5 }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value
  ['{{ len .missing }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <len 3>: error calling len: len of type int
  ['{{ len 3 }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <index .l 5>: error calling index: index out of range: 5
  ['{{ index .l 5 }}', { l: ['x'] }, {}],
  // Go: template: t:1:3: executing "t" at <index .l 1.0>: error calling index: cannot index slice/array with type float64
  ['{{ index .l 1.0 }}', { l: ['x', 'y'] }, {}],
  // Go: template: t:1:3: executing "t" at <index .m "zz" "y">: error calling index: index of nil pointer
  ['{{ index .m "zz" "y" }}', { m: {} }, {}],
  // Go: template: t:1:3: executing "t" at <index .missing 1>: error calling index: index of untyped nil
  ['{{ index .missing 1 }}', {}, {}],
  // Go: template: t:1: function "nope" not defined
  ['{{ nope }}', {}, {}],
  // Go: template: t:1: function "nope" not defined
  ['{{ if false }}{{ nope }}{{ end }}', {}, {}],
  // Go: template: t:1: undefined variable "$undefined"
  ['{{ $undefined }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <.>: can't give argument to non-function .
  ['{{ . 1 }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <.a>: a is not a method but has arguments
  ['{{ .a 1 }}', { a: 'x' }, {}],
  // Go: template: t:1:9: executing "t" at <.a>: a is not a method but has arguments
  ['{{ "x" | .a }}', { a: 'x' }, {}],
  // Go: template: t:1:3: executing "t" at <nil>: nil is not a command
  ['{{ nil }}', {}, {}],
  // Go: template: t:1: unexpected {{end}}
  ['{{ end }}', {}, {}],
  // Go: template: t:1: unexpected EOF
  ['{{ if true }}x', {}, {}],
  // Go: template: t:1: {{break}} outside {{range}}
  ['{{ break }}', {}, {}],
  // Go: template: t:1:9: executing "t" at <.missing>: invalid value; expected string
  ['{{ upper .missing }}', {}, {}],
  // Go: template: t:1:9: executing "t" at <.n>: wrong type for value; expected string; got float64
  ['{{ upper .n }}', { n: 3 }, {}],
  // Go: template: t:1:9: executing "t" at <3>: expected string; found 3
  ['{{ upper 3 }}', {}, {}],
  // Go: template: t:1:10: executing "t" at <.n>: wrong type for value; expected int; got float64
  ['{{ repeat .n "x" }}', { n: 3 }, {}],
  // Go: template: t:1:17: executing "t" at <2>: wrong type for value; expected int; got int64
  ['{{ repeat (add 1 2) "x" }}', {}, {}],
  // Go: template: t:1:19: executing "t" at <1>: expected bool; found 1
  ['{{ ternary "y" "n" 1 }}', {}, {}],
  // Go: template: t:1:18: executing "t" at <"a,b">: wrong type for value; expected map[string]interface {}; got map[string]string
  ['{{ get (split "," "a,b") "_0" }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <div 1 0>: error calling div: runtime error: integer divide by zero
  ['{{ div 1 0 }}', {}, {}],
  // Go: template: t:1:3: executing "t" at <substr -1 99 "abc">: error calling substr: runtime error: slice bounds out of range [:99] with length 3
  ['{{ substr -1 99 "abc" }}', {}, {}],
  // Go: template: t:1:9: executing "t" at <.n>: wrong type for value; expected int; got float64
  ['{{ trunc .n "abc" }}', { n: 2 }, {}],
  // Go: template: t:1:3: executing "t" at <first "abc">: error calling first: Cannot find first on type string
  ['{{ first "abc" }}', {}, {}],
  // Go: template: t:1: function "env" not defined
  ['{{ env "HOME" }}', {}, {}],
];

describe('renderGoTemplate against Go', () => {
  it.each(outputs)('%j', (template, data, options, expected) => {
    expect(renderGoTemplate(template, data, options)).toBe(expected);
  });

  it.each(errors)('%j fails', (template, data, options) => {
    expect(() => renderGoTemplate(template, data, options)).toThrow(GoTemplateError);
    expect(() => renderGoTemplate(template, data, options)).toThrow(/^template:\d+:\d+: /);
  });
});

describe('error messages', () => {
  const message = (template: string, data: unknown, options: Options = {}) => {
    try {
      renderGoTemplate(template, data, options);
    } catch (error) {
      expect(error).toBeInstanceOf(GoTemplateError);
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  it('names the line and column and the key, never the data', () => {
    expect(message('a\n  {{ .missing }}', { secret: 'hunter2' }, { missingKey: 'error' })).toBe(
      'template:2:6: map has no entry for key "missing"',
    );
    expect(message('{{ upper .secret }}', { secret: 1.5 })).not.toContain('1.5');
    expect(message('{{ eq .n 3 }}', { n: 3 })).toContain('incompatible types for comparison');
    expect(message('{{ nope }}', {})).toContain('function "nope" not defined');
    expect(message('{{ index .l 5 }}', { l: ['x'] })).toContain('index out of range: 5');
    expect(message('{{ repeat .n "x" }}', { n: 3 })).toContain('expected int; got float64');
  });
});

describe('what plumbline does not evaluate', () => {
  it.each([
    ['{{ env "HOME" }}', 'Argo CD removes it'],
    ['{{ expandenv "$HOME" }}', 'Argo CD removes it'],
    ['{{ getHostByName "example.com" }}', 'Argo CD removes it'],
    ['{{ regexReplaceAll "a" "b" "c" }}', 'not supported'],
    ['{{ semverCompare ">1" "2" }}', 'not supported'],
    ['{{ kebabcase "aB" }}', 'not supported'],
    ['{{ html "<" }}', 'not supported'],
    ['{{ now }}', 'not supported'],
    ['{{ if false }}{{ slugify "x" }}{{ end }}', 'not supported'],
    ['{{ define "x" }}{{ end }}', 'not supported'],
    ["{{ 'a' }}", 'not supported'],
    ['{{ printf "%05d" 3 }}', 'not supported'],
    ['{{ printf "%s" .l }}', 'not supported'],
    ['{{ toYaml "yes" }}', 'not supported'],
    ['{{ toYaml "a: b" }}', 'not supported'],
    ['{{ regexMatch "(?i)a" "A" }}', 'not supported'],
    ['{{ trunc 1 "é" }}', 'not supported'],
    ['{{ "\\xff" }}', 'not supported'],
    ['{{ 1_000 }}', 'not supported'],
  ])('%s', (template, problem) => {
    expect(() => renderGoTemplate(template, { l: ['a'] })).toThrow(GoTemplateError);
    expect(() => renderGoTemplate(template, { l: ['a'] })).toThrow(problem);
  });

  it('works on a copy in set, where Sprig changes the map in place', () => {
    // Go prints map[a:1 b:2] for $d too; plumbline keeps the (shared) params unchanged.
    const data = { m: { a: 1 } };
    expect(renderGoTemplate('{{ $e := set .m "b" 2 }}{{ $e }}|{{ .m }}', data)).toBe('map[a:1 b:2]|map[a:1]');
    expect(data.m).toEqual({ a: 1 });
  });
});

describe('hostile templates', () => {
  it('caps the evaluation steps', () => {
    expect(() => renderGoTemplate('{{ range 2000000 }}{{ end }}', {})).toThrow(/steps/);
    const nested = '{{ range $.l }}{{ range $.l }}{{ range $.l }}x{{ end }}{{ end }}{{ end }}';
    const l = Array.from({ length: 200 }, (_, i) => i);
    expect(() => renderGoTemplate(nested, { l })).toThrow(/steps/);
  });

  it('makes a range one entry at a time: nested ranges over a million hold no million entries each', () => {
    // Each level once allocated its million entries before the first step was counted:
    // 24 levels took the process past 4 GB. The heap now grows by the steps taken only.
    const depth = 24;
    const bomb = `${'{{ range 1000000 }}'.repeat(depth)}x${'{{ end }}'.repeat(depth)}`;
    const before = process.memoryUsage().heapUsed;
    expect(() => renderGoTemplate(bomb, {})).toThrow(/steps/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('caps the output and the strings functions build', () => {
    expect(() => renderGoTemplate('{{ range 100000 }}{{ $.s }}{{ end }}', { s: 'x'.repeat(100) })).toThrow(
      /output is longer/,
    );
    expect(() => renderGoTemplate('{{ repeat 100000000 "ab" }}', {})).toThrow(GoTemplateError);
    const doubling = '{{ $x := "ab" }}{{ range 40 }}{{ $x = printf "%s%s" $x $x }}{{ end }}';
    expect(() => renderGoTemplate(doubling, {})).toThrow(GoTemplateError);
  });

  it('reads own keys only: prototype names are missing keys', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype']) {
      expect(renderGoTemplate(`{{ .${key} }}|{{ index . "${key}" }}|{{ hasKey . "${key}" }}`, {})).toBe(
        '<no value>|<no value>|false',
      );
      expect(() => renderGoTemplate(`{{ .${key} }}`, {}, { missingKey: 'error' })).toThrow(
        /no entry for key/,
      );
    }
    expect(renderGoTemplate('{{ .constructor.name }}', { a: 1 })).toBe('<no value>');
    expect(renderGoTemplate('{{ (dict "__proto__" "x").__proto__ }}', {})).toBe('x');
  });

  it('caps the nesting depth of parentheses, blocks and data', () => {
    expect(() => renderGoTemplate(`{{ ${'('.repeat(500)}1${')'.repeat(500)} }}`, {})).toThrow(
      /nests too deeply/,
    );
    expect(() => renderGoTemplate(`${'{{ if true }}'.repeat(500)}${'{{ end }}'.repeat(500)}`, {})).toThrow(
      /nests too deeply/,
    );
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => renderGoTemplate('{{ . }}', deep)).toThrow(GoTemplateError);
    expect(() => renderGoTemplate(`{{ fromYaml "a: ${'['.repeat(3000)}${']'.repeat(3000)}" }}`, {})).toThrow(
      GoTemplateError,
    );
  });

  it('runs regexMatch in linear time (a backtracking match of this would outlast the test timeout)', () => {
    expect(renderGoTemplate('{{ regexMatch "(a+)+$" .s }}', { s: `${'a'.repeat(5000)}!` })).toBe('false');
  });

  it('refuses data that is not JSON-like', () => {
    expect(() => renderGoTemplate('{{ . }}', { f: () => 1 })).toThrow(GoTemplateError);
    expect(() => renderGoTemplate('{{ . }}', { d: new Date(0) })).toThrow(GoTemplateError);
  });
});

describe('trim markers over long runs of space', () => {
  it('trims them in one pass (a RegExp anchored at the end would backtrack quadratically)', () => {
    const spaces = ' '.repeat(200_000);
    expect(renderGoTemplate(`a${spaces}b${spaces}{{- "c" }}`, {})).toBe(`a${spaces}bc`);
  });
});
