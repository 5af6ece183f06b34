import { describe, expect, it } from 'vitest';
import { PlumblineError } from '../../../src/errors.js';
import { composeValues, type ValuesSource } from '../../../src/flux/values.js';

function document(text: string, describe = 'ConfigMap shop/web-values, key values.yaml'): ValuesSource {
  return { kind: 'document', text, describe };
}

function target(targetPath: string, value: string, literal = false): ValuesSource {
  return { kind: 'targetPath', targetPath, value, literal, describe: 'Secret shop/web, key token' };
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

describe('composeValues', () => {
  it('merges documents in order, maps key by key, anything else replaced, then spec.values on top', () => {
    const values = composeValues(
      [
        document('image: {repository: shop/web, tag: "1.0"}\nhosts: [a, b]\nreplicas: 1\n'),
        document('image: {tag: "1.1"}\nhosts: [c]\nresources: {limits: {cpu: 1}}\n'),
      ],
      { replicas: 3, resources: 'none', image: { pullPolicy: 'Always' } },
    );
    expect(values).toEqual({
      image: { repository: 'shop/web', tag: '1.1', pullPolicy: 'Always' },
      hosts: ['c'],
      replicas: 3,
      resources: 'none',
    });
  });

  it('reads a document as go-yaml v2 does: YAML 1.1, the first document only, nothing for an empty one', () => {
    expect(
      composeValues([document('enabled: yes\nmode: 0755\nwhen: 2024-01-02\nlegacy: on\n')], undefined),
    ).toEqual({
      enabled: true,
      mode: 493,
      when: '2024-01-02',
      legacy: true,
    });
    expect(composeValues([document('---\na: 1\n---\nb: 2\n')], undefined)).toEqual({ a: 1 });
    expect(composeValues([document(''), document('# only a comment\n'), document('~')], undefined)).toEqual(
      {},
    );
  });

  it('sets a targetPath value typed, as helm --set does, unless it is quoted', () => {
    const set = (value: string) => composeValues([target('a.b', value)], undefined);
    expect(set('42')).toEqual({ a: { b: 42 } });
    expect(set('-7')).toEqual({ a: { b: -7 } });
    expect(set('TRUE')).toEqual({ a: { b: true } });
    expect(set('null')).toEqual({ a: { b: null } });
    expect(set('007')).toEqual({ a: { b: '007' } });
    expect(set('1.5')).toEqual({ a: { b: '1.5' } });
    expect(set('12345678901234567890')).toEqual({ a: { b: '12345678901234567890' } });
    expect(set('')).toEqual({ a: { b: '' } });
    expect(set('"42"')).toEqual({ a: { b: '42' } });
    expect(set("'true'")).toEqual({ a: { b: 'true' } });
  });

  it('reads a targetPath with lists and escaped dots', () => {
    expect(composeValues([target('list[1].name', 'web')], undefined)).toEqual({
      list: [null, { name: 'web' }],
    });
    expect(composeValues([target('nested[0][1]', 'x')], undefined)).toEqual({ nested: [[null, 'x']] });
    expect(composeValues([target('annotations.example\\.com/team', 'blue')], undefined)).toEqual({
      annotations: { 'example.com/team': 'blue' },
    });
    expect(
      composeValues(
        [document('servers: [{name: a, port: 80}, {name: b}]'), target('servers[1].port', '81')],
        undefined,
      ),
    ).toEqual({
      servers: [
        { name: 'a', port: 80 },
        { name: 'b', port: 81 },
      ],
    });
  });

  it('reads the value with the set syntax, and takes it as it is with literal', () => {
    expect(composeValues([target('hosts', '{a.example.com,b.example.com}')], undefined)).toEqual({
      hosts: ['a.example.com', 'b.example.com'],
    });
    // A comma starts another assignment, at the root.
    expect(composeValues([target('a', 'one,b.c=two')], undefined)).toEqual({ a: 'one', b: { c: 'two' } });
    expect(composeValues([target('a', 'one\\,two')], undefined)).toEqual({ a: 'one,two' });
    const config = 'kafka {\n  bootstrap = "b-1:9098,b-2:9098"\n}\n[x]\\y';
    expect(composeValues([target('config\\.conf', config, true)], undefined)).toEqual({
      'config.conf': config,
    });
    expect(composeValues([target('n', '42', true)], undefined)).toEqual({ n: '42' });
  });

  it('lets spec.values win over a targetPath value, as the last merge does', () => {
    expect(composeValues([document('a: {c: 1}'), target('a.b', 'set')], { a: { b: 'inline' } })).toEqual({
      a: { b: 'inline', c: 1 },
    });
    // A list index past the end of the list spec.values holds makes a new list, which loses.
    expect(composeValues([target('list[3]', 'set')], { list: ['inline'] })).toEqual({ list: ['inline'] });
  });

  it('lets a targetPath value win where the controller sets it into a map or list spec.values holds', () => {
    // fluxcd/pkg chartutil's "target path precedence over all".
    const values = composeValues(
      [
        target('nested.configuration[0]', 'value'),
        document('flat: value\nnested:\n  configuration: [one, two, three]\n'),
      ],
      { nested: { configuration: ['list', 'item', 'option'] } },
    );
    expect(values).toEqual({ flat: 'value', nested: { configuration: ['value', 'item', 'option'] } });
    expect(composeValues([target('a.b', 'set')], { a: { b: 'inline' } })).toEqual({ a: { b: 'set' } });
  });

  it('does not change the spec.values it is given', () => {
    const inline = { nested: { configuration: ['list'] } };
    composeValues([target('nested.configuration[0]', 'value')], inline);
    expect(inline).toEqual({ nested: { configuration: ['list'] } });
  });

  it('fails on bad YAML naming the source and line, never the text', () => {
    const error = failure(() =>
      composeValues(
        [document('password: "hunter2-secret\nother: [x', 'Secret shop/db, key values.yaml')],
        undefined,
      ),
    );
    expect(error.message).toMatch(/^Secret shop\/db, key values\.yaml, line \d+, column \d+: YAML syntax: /);
    expect(`${error.message} ${error.hint}`).not.toContain('hunter2');
    const duplicate = failure(() => composeValues([document('a: 1\na: 2\n')], undefined));
    expect(duplicate.message).toContain('line 2, column 1');
  });

  it('fails on a document that is not a mapping, without its text', () => {
    const error = failure(() => composeValues([document('\n- hunter2\n- other\n')], undefined));
    expect(error.message).toBe(
      'ConfigMap shop/web-values, key values.yaml, line 2, column 1: the values are a list, not a mapping',
    );
    expect(failure(() => composeValues([document('hunter2')], undefined)).message).toContain('a string');
  });

  it('fails on a targetPath value the set syntax cannot read, without the value', () => {
    for (const value of ['{hunter2,x', 'hunter2,dangling']) {
      const error = failure(() => composeValues([target('a', value)], undefined));
      expect(error.message).toMatch(/^Secret shop\/web, key token, targetPath "a": /);
      expect(`${error.message} ${error.hint}`).not.toContain('hunter2');
    }
    expect(failure(() => composeValues([target('a.b', 'x')], { a: 'text' })).message).toContain(
      'holds something other than a map',
    );
    expect(failure(() => composeValues([target('a[70000]', 'x')], undefined)).message).toContain(
      'above 65536',
    );
  });

  it('refuses a targetPath the HelmRelease API refuses', () => {
    for (const path of ['a=b', 'a,b', 'a b', '', 'a'.repeat(251)]) {
      expect(failure(() => composeValues([target(path, 'x')], undefined)).message).toContain(
        'not a targetPath the HelmRelease API accepts',
      );
    }
  });

  it('refuses keys that would reach a prototype, wherever they come from', () => {
    const hostile: [ValuesSource[], Record<string, unknown> | undefined][] = [
      [[document('a:\n  __proto__:\n    polluted: true\n')], undefined],
      [[document('constructor: {prototype: {polluted: true}}')], undefined],
      [[target('__proto__.polluted', 'true')], undefined],
      [[target('a.constructor.prototype.polluted', 'true')], undefined],
      [[target('a', 'x,__proto__.polluted=true')], undefined],
      [[], JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as Record<string, unknown>],
    ];
    for (const [sources, inline] of hostile) {
      expect(failure(() => composeValues(sources, inline)).message).toMatch(
        /__proto__|constructor|prototype/,
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
