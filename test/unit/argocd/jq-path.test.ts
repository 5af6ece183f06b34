/**
 * compileJqPath reads the jq of Argo CD's ignoreDifferences[].jqPathExpressions and deletes
 * what `del(E)` deletes: the expected objects below were observed with jq 1.6
 * (`echo '<input>' | jq -c 'del(<expression>)'`), not computed here (the unit project starts
 * no processes). An expression is hostile: what the subset does not read is refused when
 * compiling, naming the construct and its column and quoting no more than one token, and a
 * run is bounded, failing (false, object untouched) rather than running on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJqPath, JqPathError } from '../../../src/argocd/jq-path.js';

const DEPLOYMENT = JSON.stringify({
  spec: {
    replicas: 3,
    template: {
      spec: {
        initContainers: [
          { name: 'injected-init-container', image: 'istio' },
          { name: 'setup' },
          { name: 'injected-init-container', image: 'istio:2' },
        ],
        containers: [
          {
            name: 'app',
            image: 'app:1',
            env: [{ name: 'FOO', value: '1' }, { name: 'BAR' }, { name: 'FOO', value: '2' }],
          },
          { name: 'sidecar', env: [{ name: 'FOO' }] },
        ],
      },
    },
  },
});

/** A Deployment as JSON text, with its spec.template.spec replaced by `spec`. */
function deployment(spec: Record<string, unknown>): string {
  const object = JSON.parse(DEPLOYMENT);
  object.spec.template.spec = { ...object.spec.template.spec, ...spec };
  return JSON.stringify(object);
}

const WEBHOOKS =
  '{"webhooks":[{"name":"a","clientConfig":{"caBundle":"Q0E=","service":{"name":"s"}}},{"name":"b","clientConfig":{}},{"name":"c"}]}';
const ANNOTATED =
  '{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2024-01-01","keep":"me"}}}';

/**
 * [what, expression, input, what jq 1.6's del(expression) printed]: JSON text, or 'error'
 * when jq raised an error (remove then returns false and leaves the object untouched).
 * Inputs are JSON text, parsed as Argo CD and jq read them, so `__proto__` is a plain key.
 */
const OBSERVED: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    'the Argo CD docs: a named init container',
    '.spec.template.spec.initContainers[] | select(.name == "injected-init-container")',
    DEPLOYMENT,
    deployment({ initContainers: [{ name: 'setup' }] }),
  ],
  [
    'the Argo CD docs: webhook CA bundles',
    '.webhooks[]?.clientConfig.caBundle',
    WEBHOOKS,
    '{"webhooks":[{"name":"a","clientConfig":{"service":{"name":"s"}}},{"name":"b","clientConfig":{}},{"name":"c"}]}',
  ],
  [
    'webhooks missing: ? makes null iterable',
    '.webhooks[]?.clientConfig.caBundle',
    '{"kind":"MutatingWebhookConfiguration"}',
    '{"kind":"MutatingWebhookConfiguration"}',
  ],
  ['webhooks not a list', '.webhooks[]?.clientConfig.caBundle', '{"webhooks":"x"}', '{"webhooks":"x"}'],
  [
    'without ?, null cannot be iterated',
    '.webhooks[].clientConfig.caBundle',
    '{"kind":"MutatingWebhookConfiguration"}',
    'error',
  ],
  [
    'a bracketed key with dots and slashes',
    '.metadata.annotations["kubectl.kubernetes.io/restartedAt"]',
    ANNOTATED,
    '{"metadata":{"annotations":{"keep":"me"}}}',
  ],
  [
    'a quoted key with dots and slashes',
    '.metadata.annotations."kubectl.kubernetes.io/restartedAt"',
    ANNOTATED,
    '{"metadata":{"annotations":{"keep":"me"}}}',
  ],
  [
    'several items of several arrays',
    '.spec.template.spec.containers[].env[] | select(.name == "FOO")',
    DEPLOYMENT,
    deployment({
      containers: [
        { name: 'app', image: 'app:1', env: [{ name: 'BAR' }] },
        { name: 'sidecar', env: [] },
      ],
    }),
  ],
  [
    'a field of a named item',
    '.spec.template.spec.containers[] | select(.name == "app") | .image',
    DEPLOYMENT,
    deployment({
      containers: [
        { name: 'app', env: [{ name: 'FOO', value: '1' }, { name: 'BAR' }, { name: 'FOO', value: '2' }] },
        { name: 'sidecar', env: [{ name: 'FOO' }] },
      ],
    }),
  ],
  [
    'two paths',
    '.data["tls.crt"], .data["tls.key"]',
    '{"data":{"tls.crt":"c","tls.key":"k","ca.crt":"a"}}',
    '{"data":{"ca.crt":"a"}}',
  ],
  [
    'indexes, negative and out of range',
    '.a[0], .a[2], .a[-1], .a[-5]',
    '{"a":[0,1,2,3,4,5]}',
    '{"a":[3,4]}',
  ],
  ['one item named twice', '.a[1], .a[-2]', '{"a":[0,1,2]}', '{"a":[0,2]}'],
  ['an index past the end', '.a[7]', '{"a":[0,1,2]}', '{"a":[0,1,2]}'],
  ['missing parents', '.a.b.c', '{}', '{}'],
  ['a null parent', '.a.b[0]', '{"a":null}', '{"a":null}'],
  ['a missing key', '.a["x"]', '{"a":{}}', '{"a":{}}'],
  ['a field of a string', '.a.b', '{"a":"s"}', 'error'],
  ['a field of an array', '.a.b', '{"a":[1]}', 'error'],
  ['an index of an object', '.a[0]', '{"a":{"b":1}}', 'error'],
  ['an index of a number', '.a[0]', '{"a":5}', 'error'],
  ['? after the failing step', '.a.b?', '{"a":"s"}', '{"a":"s"}'],
  ['? before the failing step', '.a?.b', '{"a":"s"}', 'error'],
  ['? on each item', '.a[].b?', '{"a":[{"b":1},"s",{"b":2}]}', '{"a":[{},"s",{}]}'],
  ['a condition failing on one item', '.a[] | select(.n == "x")', '{"a":[{"n":"x"},"s",{"n":"y"}]}', 'error'],
  [
    'a condition with ?',
    '.a[] | select(.n? == "x")',
    '{"a":[{"n":"x"},"s",{"n":"y"}]}',
    '{"a":["s",{"n":"y"}]}',
  ],
  ['iterating an object', '.a[] | select(. == 1)', '{"a":{"x":1,"y":2,"z":1}}', '{"a":{"y":2}}'],
  [
    "jq's order of types",
    '.a[] | select(. < "")',
    '{"a":["a","",0,-1,true,false,null,[],{}]}',
    '{"a":["a","",[],{}]}',
  ],
  [
    "jq's order of arrays",
    '.a[] | select(.[0] >= 2 or .[1] > .[0])',
    '{"a":[[1,2],[1,1],[2],[3,0]]}',
    '{"a":[[1,1]]}',
  ],
  [
    'strings in code point order, not UTF-16 order',
    '.a[] | select(. > "\\uffff")',
    '{"a":["\\uffff","\\ud83d\\ude00","\\ue000","z"]}',
    '{"a":["\\uffff","\\ue000","z"]}',
  ],
  [
    'and, or, not',
    '.a[] | select((.v > 1 and .n == "x") or (.v == 1 | not))',
    '{"a":[{"n":"x","v":1},{"n":"x","v":2},{"n":"y","v":1},{"n":"y","v":3}]}',
    '{"a":[{"n":"x","v":1},{"n":"y","v":1}]}',
  ],
  [
    'string functions',
    '.a[] | select(.n | startswith("ab") or endswith("z") or contains("q"))',
    '{"a":[{"n":"abc"},{"n":"xyz"},{"n":"aqb"},{"n":"b"}]}',
    '{"a":[{"n":"b"}]}',
  ],
  ['startswith on a number', '.a[] | select(.n | startswith("a"))', '{"a":[{"n":"abc"},{"n":1}]}', 'error'],
  ['contains on an object', '.a[] | select(contains("a"))', '{"a":["abc",{"a":1}]}', 'error'],
  ['has', '.a[] | select(has("n"))', '{"a":[{"n":1},{"m":2},{"n":null}]}', '{"a":[{"m":2}]}'],
  ['has on null and arrays', '.a[] | select(has(1))', '{"a":[null,[1],[1,2]]}', '{"a":[null,[1]]}'],
  ['has on a string', '.a[] | select(has("n"))', '{"a":["n"]}', 'error'],
  [
    'a path compared with a path',
    '.a[] | select(.x == .y)',
    '{"a":[{"x":1,"y":1},{"x":1,"y":2},{"x":{"k":[1]},"y":{"k":[1]}},{}]}',
    '{"a":[{"x":1,"y":2}]}',
  ],
  [
    'an empty right side leaves the left side unread',
    '.a[] | select(.s.t == .e[])',
    '{"a":[{"s":"x","e":[]}]}',
    '{"a":[{"s":"x","e":[]}]}',
  ],
  ['a failing right side', '.a[] | select(.e[] == .s.t)', '{"a":[{"s":"x","e":[]}]}', 'error'],
  [
    '__proto__ is a key like any other',
    '.__proto__.polluted',
    '{"__proto__":{"polluted":true,"kept":1},"a":1}',
    '{"__proto__":{"kept":1},"a":1}',
  ],
  ['__proto__ in brackets', '.["__proto__"]', '{"__proto__":{"polluted":true},"a":1}', '{"a":1}'],
  ['inherited names are missing keys', '.constructor.name, .toString', '{"a":1}', '{"a":1}'],
  ['keywords as field names', '.and, .if', '{"and":1,"if":2,"or":3}', '{"or":3}'],
  ['a comparison is not a path', '.a == 1', '{"a":1}', 'error'],
  ['a comparison never reached', '.e[] | (.a == 1)', '{"e":[]}', '{"e":[]}'],
];

/** Runs `expression` on the parsed `input`: the object afterwards as JSON text, or 'error'. */
function del(expression: string, input: string): string {
  const object = JSON.parse(input);
  if (compileJqPath(expression).remove(object)) return JSON.stringify(object);
  expect(JSON.stringify(object)).toBe(JSON.stringify(JSON.parse(input))); // untouched
  return 'error';
}

function refusal(expression: string): string {
  try {
    compileJqPath(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(JqPathError);
    return (error as Error).message;
  }
  throw new Error(`${expression} compiled`);
}

describe('compileJqPath: what jq 1.6 does', () => {
  it.each(OBSERVED)('%s: del(%s)', (_what, expression, input, output) => {
    expect(del(expression, input)).toBe(output === 'error' ? output : JSON.stringify(JSON.parse(output)));
  });

  it('keeps the expression', () => {
    expect(compileJqPath('.spec.replicas').expression).toBe('.spec.replicas');
  });

  it('does not delete the object itself, which jq would turn into null', () => {
    // jq 1.6: echo '{"kind":"Secret"}' | jq -c 'del(select(.kind == "Secret"))' printed null.
    const object = { kind: 'Secret', data: { a: '1' } };
    expect(compileJqPath('select(.kind == "Secret")').remove(object)).toBe(false);
    expect(compileJqPath('., .data').remove(object)).toBe(false);
    expect(object).toEqual({ kind: 'Secret', data: { a: '1' } });
    expect(compileJqPath('select(.kind == "ConfigMap")').remove(object)).toBe(true);
  });

  it('reads gojq forms that jq 1.6 does not: .a.["b"] and .a.[]', () => {
    expect(del('.a.["b"], .c.[] | select(. == 1)', '{"a":{"b":1,"x":2},"c":[1,2,1]}')).toBe(
      '{"a":{"x":2},"c":[2]}',
    );
  });

  it('deletes a __proto__ key without touching any prototype', () => {
    const object = JSON.parse('{"__proto__":{"polluted":"yes"},"spec":{"__proto__":{"x":1}}}');
    expect(compileJqPath('.__proto__.polluted, .spec.__proto__').remove(object)).toBe(true);
    expect(JSON.stringify(object)).toBe('{"__proto__":{},"spec":{}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
  });
});

describe('compileJqPath: refusals', () => {
  it.each([
    ['.. | select(.nullable?)', 'recursive descent (..) is not supported (column 1)'],
    ['.a[] | select(.name | test("^x"))', 'regular expressions (test) are not supported (column 23)'],
    ['.a[] | select(.name | match("x"))', 'regular expressions (match) are not supported (column 23)'],
    ['.a[] | select(.name == $name)', 'variables ($name) are not supported (column 24)'],
    ['.a // .b', 'the alternative operator (//) is not supported (column 4)'],
    ['.a + 1', 'arithmetic (+) is not supported (column 4)'],
    ['.a - 1', 'arithmetic (-) is not supported (column 4)'],
    ['.a[] | select(.n == 1 - 1)', 'arithmetic (-) is not supported (column 23)'],
    ['.a = 1', 'assignment (=) is not supported (column 4)'],
    ['.a |= 1', 'assignment (|=) is not supported (column 4)'],
    ['{a: .b}', 'object construction ({…}) is not supported (column 1)'],
    ['[.a]', 'array construction ([…]) is not supported (column 1)'],
    ['.a[] | select(.n == "\\(.m)")', 'string interpolation (\\(…)) is not supported (column 22)'],
    ['reduce .a[] as $x (0; .)', '"reduce" is not supported (column 1)'],
    ['if .a then .b else .c end', '"if" is not supported (column 1)'],
    ['.a[1:2]', 'array slices (.[a:b]) are not supported (column 5)'],
    [
      '.a[.b]',
      'computed indexes (.[expression]) are not supported; write a literal key or integer (column 3)',
    ],
    ['.a[1.5]', 'an array index must be an integer (column 4)'],
    ['.a | @base64', 'formats (@name) are not supported (column 6)'],
    ['.a[] | select(length > 1)', 'the function "length" is not supported (column 15)'],
    ['.a[] | select(not(.b))', 'not takes no argument: write … | not (column 15)'],
    ['select', 'select needs a condition: select(…) (column 1)'],
    ['.a[] | select(startswith(.b))', 'startswith takes a literal string here (column 15)'],
    ['.a[] | select(has(1.5))', 'has takes a literal string or integer here (column 15)'],
    [
      '.a[] | select(.b == .c == .d)',
      'comparisons cannot be chained (jq does not read a == b == c) (column 24)',
    ],
    ['.a[] | select(.b)?', '? is supported only after a step (.foo?, .[]?) (column 18)'],
    ['.a # why', 'comments (#) are not supported (column 4)'],
    ['', 'the expression is empty (column 1)'],
    ['.a)', 'unexpected ")" (column 3)'],
    ['(.a', 'expected ) (column 4)'],
    ['.a | ', 'the expression ends too early (column 6)'],
    ['.a["b', 'the string is not closed (column 4)'],
    ['.a["\\q"]', 'the string has an invalid escape (column 5)'],
    ['.a ! .b', 'unexpected character "!" (column 4)'],
  ])('%s', (expression, message) => {
    expect(refusal(expression)).toBe(message);
  });

  it('quotes no more than the offending token', () => {
    const message = refusal(`.a | ${'x'.repeat(100)}("c4n4ry5ecret")`);
    expect(message).toBe(`the function "${'x'.repeat(32)}…" is not supported (column 6)`);
    expect(refusal('.a | match("c4n4ry5ecret")')).not.toContain('c4n4ry5ecret');
  });

  it('refuses expressions longer than 4096 characters', () => {
    const chain = (length: number) => `.${'a'.repeat(length - 1)}`;
    expect(compileJqPath(chain(4096)).remove({})).toBe(true);
    expect(refusal(chain(4097))).toBe('the expression is longer than 4096 characters');
  });

  it('refuses nesting deeper than 64 levels', () => {
    const nested = (depth: number) => `${'select('.repeat(depth)}.a${')'.repeat(depth)}`;
    expect(compileJqPath(`.b | ${nested(64)}`).remove({ b: { a: 1 } })).toBe(true);
    expect(refusal(nested(65))).toBe('the expression is nested deeper than 64 levels (column 456)');
    expect(refusal(`${'('.repeat(65)}.a${')'.repeat(65)}`)).toMatch(
      /^the expression is nested deeper than 64/,
    );
  });

  it('compiles the longest expressions in time linear in their length', () => {
    const pipes = Array.from({ length: 1000 }, () => '.a').join('|');
    const conditions = `.[] | select(${Array.from({ length: 300 }, (_, i) => `.k == ${i}`).join(' or ')})`;
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      compileJqPath(pipes);
      compileJqPath(conditions);
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(compileJqPath(conditions).remove({ x: { k: 299 }, y: { k: 300 } })).toBe(true);
  });
});

describe('compileJqPath: bounded runs', () => {
  it('fails, leaving the object untouched, past a million steps', () => {
    const wide = (size: number) => ({
      a: [
        { x: Array.from({ length: size }, (_, i) => i), y: Array.from({ length: size }, (_, i) => -i - 1) },
      ],
      keep: true,
    });
    const path = compileJqPath('.a[] | select(.x[] == .y[])');
    const small = wide(100); // 10,000 comparisons
    expect(path.remove(small)).toBe(true);
    expect(small).toEqual(wide(100));
    const large = wide(1001); // about 1,000,000 comparisons
    expect(path.remove(large)).toBe(false);
    expect(large).toEqual(wide(1001));
  });

  it('iterates no array longer than the budget', () => {
    const object = { a: new Array(1_000_001).fill(0) };
    expect(compileJqPath('.a[] | select(. == 1)').remove(object)).toBe(false);
    expect(object.a).toHaveLength(1_000_001);
  });

  it('keeps one of each path, so repeated branches do not multiply (jq would yield 2^39 paths)', () => {
    let object: Record<string, unknown> = { a: 1, b: 2 };
    for (let depth = 0; depth < 40; depth++) object = { a: object };
    expect(compileJqPath(`.a${' | (.a, .a)'.repeat(39)} | .b`).remove(object)).toBe(true);
    let inner = object;
    for (let depth = 0; depth < 40; depth++) inner = inner.a as Record<string, unknown>;
    expect(inner).toEqual({ a: 1 });
  });

  it('gives up comparing values nested too deeply, instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let depth = 0; depth < 5000; depth++) deep = [deep];
    const object = { a: [deep], b: 1 };
    expect(compileJqPath('.a[] | select(. == .), .b').remove(object)).toBe(false);
    expect(object.b).toBe(1);
  });
});

describe('compileJqPath: properties', () => {
  const key = fc.constantFrom('a', 'b', '__proto__', 'constructor', 'x.y');
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, false, 0, 1, 'a', ''),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  const object = fc
    .dictionary(key, json, { maxKeys: 4 })
    .map((value) => JSON.stringify(value))
    .filter((text) => text.startsWith('{'));

  /**
   * jq's del of a field path, as the table above shows it: a missing key or null on the
   * way deletes nothing; any other non-object on the way is an error.
   */
  function delFields(keys: string[], input: string): string {
    const root = JSON.parse(input);
    let parent: unknown = root;
    for (const [index, name] of keys.entries()) {
      if (parent === null) return input;
      if (typeof parent !== 'object' || Array.isArray(parent)) return 'error';
      const record = parent as Record<string, unknown>;
      if (!Object.hasOwn(record, name)) return input;
      if (index === keys.length - 1) delete record[name];
      else parent = record[name];
    }
    return JSON.stringify(root);
  }

  it('deletes field paths as jq does', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 4 }), object, (keys, input) => {
        const expression = keys.map((name) => `[${JSON.stringify(name)}]`).join('');
        const expected = delFields(keys, input);
        expect(del(`.${expression}`, input)).toBe(
          expected === 'error' ? 'error' : JSON.stringify(JSON.parse(expected)),
        );
      }),
    );
  });

  it('never throws, and leaves the object untouched when it fails', () => {
    const step = fc.oneof(
      key.map((name) => `[${JSON.stringify(name)}]`),
      fc.integer({ min: -3, max: 3 }).map((index) => `[${index}]`),
      fc.constantFrom('[]', '[]?', '.a?'),
    );
    const path = fc
      .array(step, { minLength: 1, maxLength: 3 })
      .map((steps) =>
        steps.map((text, index) => (index === 0 && text.startsWith('[') ? `.${text}` : text)).join(''),
      );
    const condition = fc
      .tuple(path, fc.constantFrom('==', '!=', '<', '>=', '| has("a") and', '| startswith("a") or'), path)
      .map(([left, op, right]) => `${left} ${op} ${right}`);
    const expression = fc
      .tuple(path, fc.option(condition), fc.option(path))
      .map(([head, test, tail]) => [head, test && `select(${test})`, tail].filter(Boolean).join(' | '));
    fc.assert(
      fc.property(expression, object, (text, input) => {
        const result = del(text, input); // checks the object is untouched on failure
        expect(typeof result).toBe('string');
      }),
    );
  });
});
