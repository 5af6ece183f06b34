// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Flux's ${var} expressions, not templates
import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { isSubstitutionDisabled, substituteVariables } from '../../../src/flux/substitute.js';

function configMap(data: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app', namespace: 'shop', ...metadata },
    data,
  };
}

/** The substituted `data.value` of a ConfigMap holding `text`. */
function substituted(text: string, variables: Record<string, string> = {}): unknown {
  const { value } = substituteVariables(configMap({ value: text }), new Map(Object.entries(variables)));
  return (value as { data: { value: unknown } }).data.value;
}

function failure(run: () => unknown): PlumblineError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlumblineError) return error;
    throw error;
  }
  throw new Error('expected a PlumblineError');
}

describe('substituteVariables', () => {
  it('substitutes ${var} in every string of the object, keys included', () => {
    const object = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: '${app}-web', labels: { 'team.example.com/${team}': 'yes-${team}' } },
      spec: { template: { spec: { containers: [{ name: 'web', image: 'shop/web:${tag}' }] } } },
    };
    const { value, unresolved } = substituteVariables(
      object,
      new Map([
        ['app', 'shop'],
        ['team', 'blue'],
        ['tag', '1.2.0'],
      ]),
    );
    expect(unresolved).toEqual([]);
    expect(value).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'shop-web', labels: { 'team.example.com/blue': 'yes-blue' } },
      spec: { template: { spec: { containers: [{ name: 'web', image: 'shop/web:1.2.0' }] } } },
    });
    expect(object.metadata.name).toBe('${app}-web');
  });

  it.each([
    ['${a:=fallback}', {}, 'fallback'],
    ['${a:-fallback}', {}, 'fallback'],
    ['${a=fallback}', {}, 'fallback'],
    ['${a:=fallback}', { a: 'set' }, 'set'],
    // Every default operator of the dialect takes the default for an empty value too.
    ['${a=fallback}', { a: '' }, 'fallback'],
    ['${a:+other}', { a: 'set' }, 'set'],
    ['${a:=}', {}, null],
    ['${a:=${b}-suffix}', { b: 'from-b' }, 'from-b-suffix'],
    ['${a:=pre${b}post}', { b: '-' }, 'pre-post'],
    ['${a:=x}y}', {}, 'xy}'],
  ])('%s with %j is %j', (text, variables, expected) => {
    expect(substituted(text, variables)).toEqual(expected);
  });

  it('keeps a bare $var, and reads $$ as $ so that $${var} is the text ${var}', () => {
    const variables = { var: 'value' };
    expect(substituted('$var and ${var}', variables)).toBe('$var and value');
    expect(substituted('$${var}', variables)).toBe('${var}');
    expect(substituted('cost: $$5', variables)).toBe('cost: $5');
    expect(substituted('$$${var}', variables)).toBe('$value');
    expect(substituted('some text ${var}$${var$${var}$var${var}', variables)).toBe(
      'some text value${var${var}$varvalue',
    );
  });

  it('returns unresolved variables sorted and once, leaving their expressions as written', () => {
    const object = configMap({ a: '${zeta}-${alpha}', b: '${alpha} ${known}', c: '${#missing}' });
    const { value, unresolved } = substituteVariables(object, new Map([['known', 'k']]));
    expect(unresolved).toEqual(['alpha', 'missing', 'zeta']);
    expect((value as { data: unknown }).data).toEqual({
      a: '${zeta}-${alpha}',
      b: '${alpha} k',
      c: '${#missing}',
    });
  });

  it('reports a variable in a default even when the outer variable is set, as Flux evaluates it first', () => {
    const { unresolved } = substituteVariables(configMap({ a: '${set:=${unset}}' }), new Map([['set', 'x']]));
    expect(unresolved).toEqual(['unset']);
  });

  it('reads a plain scalar back as YAML 1.1, as the controller does with its text', () => {
    const variables = {
      n: '3',
      on: 'true',
      yes: 'yes',
      ratio: '1.5',
      octal: '0777',
      empty: '',
      q: '"',
      id: '123',
    };
    expect(substituted('${n}', variables)).toBe(3);
    expect(substituted('${on}', variables)).toBe(true);
    expect(substituted('${yes}', variables)).toBe(true);
    expect(substituted('${ratio}', variables)).toBe(1.5);
    expect(substituted('${octal}', variables)).toBe(511);
    expect(substituted('${empty}', variables)).toBeNull();
    expect(substituted('${n}${n}', variables)).toBe(33);
    // The Flux documentation's way to keep a number a string.
    expect(substituted('${q}${id}${q}', variables)).toBe('123');
    expect(substituted('v${n}', variables)).toBe('v3');
    expect(substituted('2024-01-0${n}', variables)).toBe('2024-01-03');
  });

  it('keeps a string go-yaml would quote or write as a block a string', () => {
    const variables = { n: '3' };
    expect(substituted('count: ${n}', variables)).toBe('count: 3');
    expect(substituted(' ${n}', variables)).toBe(' 3');
    expect(substituted('line one\n${n}', variables)).toBe('line one\n3');
    expect(substituted('[${n}]', variables)).toBe('[3]');
  });

  it('turns a value that holds YAML syntax into what the syntax says', () => {
    expect(substituted('${list}', { list: '[a, 1]' })).toEqual(['a', 1]);
    expect(substituted('${map}', { map: '{a: yes}' })).toEqual({ a: true });
    expect(substituted('${text}', { text: 'team #1' })).toBe('team');
  });

  it('fails, without quoting the value, where the substituted text is not YAML', () => {
    const error = failure(() => substituted('${v}', { v: 'secret-token: leaked' }));
    expect(error.message).toContain('ConfigMap shop/app, field /data/value');
    expect(error.message).toContain('not valid YAML');
    expect(`${error.message} ${error.hint}`).not.toContain('secret-token');
  });

  it('fails, naming the field, on an expression Flux cannot parse', () => {
    for (const text of ['${var-default}', '${unclosed', '${}', '${a.b}', '${a/b}', 'pass${word']) {
      const error = failure(() => substituted(text, { a: 'x' }));
      expect(error.message).toMatch(
        /^ConfigMap shop\/app, field \/data\/value: a \$\{…\} expression Flux cannot read/,
      );
      expect(error.message).not.toContain('word');
    }
  });

  it.each([
    ['${#v}', { v: 'abcdEFGH28ij' }, 12],
    ['${v^}', { v: 'abcdEFGH28ij' }, 'AbcdEFGH28ij'],
    ['${v^^}', { v: 'abcdEFGH28ij' }, 'ABCDEFGH28IJ'],
    ['${v,}', { v: 'ABCDEFGH28IJ' }, 'aBCDEFGH28IJ'],
    ['${v,,}', { v: 'ABCDEFGH28IJ' }, 'abcdefgh28ij'],
    ['${p:11}', { p: '/home/bozo/ideas/thoughts.for.today' }, 'ideas/thoughts.for.today'],
    ['${p:11:5}', { p: '/home/bozo/ideas/thoughts.for.today' }, 'ideas'],
    ['${p:-5}', { p: 'ab' }, 'ab'],
    ['${z/%abc/XYZ}', { z: 'abcABC123ABCabc' }, 'abcABC123ABCXYZ'],
    ['${z/#abc/XYZ}', { z: 'abcABC123ABCabc' }, 'XYZABC123ABCabc'],
    ['${z//abc/xyz}', { z: 'abcABC123ABCabc' }, 'xyzABC123ABCxyz'],
    ['${z/abc/xyz}', { z: 'abcABC123ABCabc' }, 'xyzABC123ABCabc'],
    ['${z/abc/$&}', { z: 'abc' }, '$&'],
    ['${f#*.}', { f: 'bash.string.txt' }, 'string.txt'],
    ['${f##*.}', { f: 'bash.string.txt' }, 'txt'],
    ['${f#*/}', { f: '/path/to/file' }, 'path/to/file'],
    ['${f##*/}', { f: '/path/to/file' }, 'file'],
    ['${f%.*}', { f: 'bash.string.txt' }, 'bash.string'],
    ['${f%%.*}', { f: 'bash.string.txt' }, 'bash'],
    ['${f#[a-c]}', { f: 'bash' }, 'ash'],
    // Go's path.Match negates a class with ^; ! is a member.
    ['${f#[^a-c]}', { f: 'bash' }, 'bash'],
    ['${f#[!a-c]}', { f: 'bash' }, 'ash'],
    ['${s/\\//-}', { s: 'foo/bar' }, 'foo-bar'],
    ['${s//\\//-}', { s: 'foo/bar/baz' }, 'foo-bar-baz'],
    ['${s/./}', { s: 'foo.bar' }, 'foobar'],
    ['${x=${v^^}}', { v: 'abc' }, 'ABC'],
  ])('%s with %j is %j', (text, variables, expected) => {
    expect(substituted(text, variables)).toEqual(expected);
  });

  it('drops newlines from variable values, as the controller does when it loads them', () => {
    expect(substituted('${v}', { v: 'one\ntwo\n' })).toBe('onetwo');
  });

  it('refuses a variable name Flux refuses', () => {
    for (const name of ['app.name', '1st', 'with-dash', '']) {
      const error = failure(() => substituted('${x:=y}', { [name]: 'v' }));
      expect(error.message).toContain(JSON.stringify(name));
    }
  });

  it('refuses keys that substitute to the same key', () => {
    const object = configMap({ '${a}': 1, '${b}': 2 });
    const error = failure(() =>
      substituteVariables(
        object,
        new Map([
          ['a', 'same'],
          ['b', 'same'],
        ]),
      ),
    );
    expect(error.message).toContain('the same as another key');
  });

  it('keeps a __proto__ key a plain key', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "${v}"}}') as Record<string, unknown>;
    const { value } = substituteVariables(configMap(data), new Map([['v', 'yes']]));
    const result = (value as { data: Record<string, unknown> }).data;
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves an object that opts out as it is', () => {
    for (const metadata of [
      { annotations: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } },
      { labels: { 'kustomize.toolkit.fluxcd.io/substitute': 'disabled' } },
    ]) {
      const object = configMap({ script: 'echo $${HOME} ${unset}' }, metadata);
      expect(substituteVariables(object, new Map([['bad-name', 'x']]))).toEqual({
        value: object,
        unresolved: [],
      });
    }
  });
});

describe('isSubstitutionDisabled', () => {
  it('is true for the annotation or the label set to disabled, and only for that', () => {
    const key = 'kustomize.toolkit.fluxcd.io/substitute';
    expect(isSubstitutionDisabled(configMap({}, { annotations: { [key]: 'disabled' } }))).toBe(true);
    expect(isSubstitutionDisabled(configMap({}, { labels: { [key]: 'disabled' } }))).toBe(true);
    expect(isSubstitutionDisabled(configMap({}, { annotations: { [key]: 'Disabled' } }))).toBe(false);
    expect(isSubstitutionDisabled(configMap({}, { annotations: { other: 'disabled' } }))).toBe(false);
    expect(isSubstitutionDisabled(configMap({}))).toBe(false);
    expect(isSubstitutionDisabled('not an object')).toBe(false);
  });
});
