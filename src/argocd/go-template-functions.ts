/**
 * The values and functions of src/argocd/go-template.ts: how Go's text/template sees the
 * JSON-like params of an ApplicationSet (map[string]any, []any, string, float64, bool, nil),
 * how Go's fmt prints them, and the builtins and Sprig functions ApplicationSet templates use,
 * each with the argument types Go checks. Kept apart from the parser and evaluator so each
 * file stays readable; pure.
 *
 * Go tells int from float64 (`eq .replicas 3` is an error when `.replicas` came from JSON),
 * so integers that Go would hold as int or int64 (literals, `len`, `add`, `atoi`) are GoInt
 * values, and plain JavaScript numbers are float64. Every expectation here was checked
 * against Go 1.26 with Sprig v3.3.0 (see test/unit/argocd/go-template.test.ts).
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { compilePattern, matchBudget, PatternError } from '../flux/pattern.js';

/** A template problem: the message names the template's line:column, never the data's values. */
export class GoTemplateError extends Error {
  override readonly name = 'GoTemplateError';
}

/** A function's own failure, given its position by the evaluator. */
export class FunctionError extends Error {}

/** An integer as Go holds it: `int` (literals, len, atoi, int) or `int64` (Sprig arithmetic). */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly type: 'int' | 'int64' = 'int',
  ) {}
}

export type GoMap = { [key: string]: Value };
export type Value = string | number | boolean | null | GoInt | Value[] | GoMap;

/** Go's invalid reflect.Value ("no value"): a missing map key, as opposed to a JSON null. */
export type MaybeValue = Value | undefined;

/** Lists and maps Sprig makes with a string element type ([]string, map[string]string). */
const stringTyped = new WeakSet<object>();

/** Nesting deeper than this in printing or encoding is refused (data or fromYaml output). */
const MAX_DEPTH = 200;
/** The longest string any function may build, as the output cap. */
export const MAX_STRING = 1024 * 1024;

export function isMap(v: MaybeValue): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt);
}

export function goInt(n: number | bigint, type: 'int' | 'int64' = 'int'): GoInt {
  return new GoInt(BigInt.asIntN(64, BigInt(n)), type);
}

/** Go's type name for messages and printf's `%!verb(type=value)`. */
export function typeName(v: MaybeValue): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return v.type;
  if (Array.isArray(v)) return stringTyped.has(v) ? '[]string' : '[]interface {}';
  return stringTyped.has(v) ? 'map[string]string' : 'map[string]interface {}';
}

export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m)
    .filter((k) => Object.hasOwn(m, k))
    .sort(compareBytes);
}

/** Go orders strings by their UTF-8 bytes, which is code point order, not UTF-16 order. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Looks a key up as Go's map index does: own properties only, so `__proto__` is just missing. */
export function mapGet(m: GoMap, key: string): MaybeValue {
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** strconv.FormatFloat(f, 'g', -1, 64), which Go's %v uses for float64. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(exponent);
  // Shortest formatting: %e when the exponent is below -4 or at least 6 (Go's eprec).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const abs = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** Go's fmt %v, with nil as `<nil>` (the evaluator prints a top-level nil as `<no value>`). */
export function formatValue(v: MaybeValue, depth = 0): string {
  if (depth > MAX_DEPTH) throw new FunctionError('the value is nested too deeply to print');
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoInt) return v.value.toString();
  if (Array.isArray(v)) return `[${v.map((item) => formatValue(item, depth + 1)).join(' ')}]`;
  const parts = sortedKeys(v).map((k) => `${k}:${formatValue(v[k], depth + 1)}`);
  return `map[${parts.join(' ')}]`;
}

/** Sprig's strval: strings as they are, anything else through %v. */
export function strval(v: MaybeValue): string {
  return typeof v === 'string' ? v : formatValue(v);
}

/** Go's strconv.Quote: printable runes kept, the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (CONTROL_QUOTES[ch]) out += CONTROL_QUOTES[ch];
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const CONTROL_QUOTES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go's truth: false, 0, nil and empty strings, lists and maps are false. */
export function isTrue(v: MaybeValue): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof GoInt) return v.value !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  return sortedKeys(v).length > 0;
}

// ---------------------------------------------------------------------------------------
// Argument types, checked as Go's reflection checks a call's arguments.

/** What a parameter accepts: `any` is interface{}; the rest must be that exact Go type. */
export type Param = 'any' | 'string' | 'int' | 'bool' | 'map';

/** An argument: its value, and whether it was written as a number literal (Go's ideal constant). */
export interface Arg {
  value: MaybeValue;
  literal?: { int: boolean; float: boolean; text: string };
}

export function argAs(param: Param, arg: Arg): Value {
  const v = arg.value;
  if (param === 'any') return v === undefined ? null : v;
  if (arg.literal && param !== 'int')
    throw new FunctionError(`expected ${goType(param)}; found ${arg.literal.text}`);
  if (arg.literal && !arg.literal.int) throw new FunctionError(`expected integer; found ${arg.literal.text}`);
  if (v === undefined || v === null) throw new FunctionError(`invalid value; expected ${goType(param)}`);
  const ok =
    (param === 'string' && typeof v === 'string') ||
    (param === 'bool' && typeof v === 'boolean') ||
    (param === 'int' && v instanceof GoInt && v.type === 'int') ||
    (param === 'map' && isMap(v) && !stringTyped.has(v));
  if (!ok) throw new FunctionError(`wrong type for value; expected ${goType(param)}; got ${typeName(v)}`);
  return v;
}

function goType(param: Param): string {
  return param === 'map' ? 'map[string]interface {}' : param;
}

/** A function: its fixed parameters, an optional variadic one, and its body. */
export interface GoFunction {
  params: Param[];
  variadic?: Param;
  call: (args: Value[]) => Value;
}

const fn = (params: Param[], call: (args: Value[]) => Value, variadic?: Param): GoFunction =>
  variadic ? { params, call, variadic } : { params, call };

const str = (v: Value | undefined): string => v as string;
const int = (v: Value | undefined): number => {
  const n = (v as GoInt).value;
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new FunctionError('the integer argument is out of range');
  }
  return Number(n);
};

function stringList(items: string[]): Value[] {
  const list: Value[] = items;
  stringTyped.add(list);
  return list;
}

function capString(s: string): string {
  if (s.length > MAX_STRING) throw new FunctionError(`the result is longer than ${MAX_STRING} characters`);
  return s;
}

/** Go's `for i, r := range s` per-rune case mapping: no multi-rune results (ß stays ß). */
function mapRunes(s: string, map: (ch: string) => string): string {
  let out = '';
  for (const ch of s) {
    const mapped = map(ch);
    out += Array.from(mapped).length === 1 ? mapped : ch;
  }
  return out;
}

/** strings.Title: the first letter of each word upper-cased. */
function title(s: string): string {
  let out = '';
  let previous = ' ';
  for (const ch of s) {
    out += isSeparator(previous) ? mapRunes(ch, (c) => c.toUpperCase()) : ch;
    previous = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  if (ch <= '\x7f') return !/^[A-Za-z0-9_]$/.test(ch);
  if (/^[\p{L}\p{N}]$/u.test(ch)) return false;
  return /^\s$/u.test(ch);
}

/** Go's strings.Trim(s, cutset): every rune of the cutset, from both ends. */
function trimCutset(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const runes = Array.from(s);
  let start = 0;
  let end = runes.length;
  while (start < end && cut.has(runes[start]!)) start++;
  while (end > start && cut.has(runes[end - 1]!)) end--;
  return runes.slice(start, end).join('');
}

/** Go slices strings by UTF-8 bytes; a cut through a character would make invalid UTF-8. */
function byteSlice(s: string, start: number, end: number): string {
  const bytes = Buffer.from(s);
  if (start < 0 || end > bytes.length || start > end) {
    throw new FunctionError('runtime error: slice bounds out of range');
  }
  const isBoundary = (i: number) => i === bytes.length || ((bytes[i] ?? 0) & 0xc0) !== 0x80;
  if (!isBoundary(start) || !isBoundary(end)) {
    throw new FunctionError('cutting a multi-byte character is not supported');
  }
  return bytes.subarray(start, end).toString('utf8');
}

function byteLength(s: string): number {
  return Buffer.byteLength(s);
}

function trunc(c: number, s: string): string {
  const n = byteLength(s);
  if (c < 0 && n + c > 0) return byteSlice(s, n + c, n);
  if (c >= 0 && n > c) return byteSlice(s, 0, c);
  return s;
}

function substr(start: number, end: number, s: string): string {
  const n = byteLength(s);
  if (start < 0) return byteSlice(s, 0, end);
  if (end < 0 || end > n) return byteSlice(s, start, n);
  return byteSlice(s, start, end);
}

/** Sprig's strslice: the non-nil items of a list as strings, or the value alone. */
function strslice(v: Value): string[] {
  if (Array.isArray(v)) return v.filter((item) => item !== null).map((item) => strval(item));
  if (v === null) return [];
  return [strval(v)];
}

/** spf13/cast's ToInt64 as Sprig uses it: unconvertible values become 0. */
export function toInt64(v: Value): bigint {
  if (v === null) return 0n;
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'string') return parseIntBase0(trimZeroDecimal(v)) ?? 0n;
  return 0n;
}

/** Go's int64(f) on amd64: truncation, and the minimum int64 for NaN and out-of-range values. */
function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(f));
}

function trimZeroDecimal(s: string): string {
  const match = /^(.*)\.0+$/s.exec(s);
  return match ? match[1]! : s;
}

/** strconv.ParseInt(s, 0, 64): sign, 0x/0o/0b/0 prefixes, underscores between digits. */
function parseIntBase0(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2]!;
  if (body.includes('_')) {
    if (!/^(0[xXoObB]?)?(_?[0-9a-fA-F]+)+$/.test(body) || /_$/.test(body)) return undefined;
    body = body.replaceAll('_', '');
  }
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const n = BigInt(body) * (m[1] === '-' ? -1n : 1n);
  return n === BigInt.asIntN(64, n) ? n : undefined;
}

/** spf13/cast's ToFloat64; strings it cannot read become 0, forms it might read are refused. */
function toFloat64(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return Number(v.value);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string') return 0;
  const asInt = parseIntBase0(trimZeroDecimal(v));
  if (asInt !== undefined) return Number(asInt);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return Number(v);
  if (/[_xXpP]|inf|nan/i.test(v)) throw new FunctionError('float64 of this string form is not supported');
  return 0;
}

/** Go's strconv.Atoi: decimal only, 0 on any error (Sprig ignores it). */
function atoi(s: string): Value {
  if (!/^[+-]?\d+$/.test(s)) return goInt(0);
  const n = BigInt(s);
  return goInt(n === BigInt.asIntN(64, n) ? n : 0n);
}

/** Sprig's empty: nil, false, 0 and empty strings, lists and maps. */
export function isEmpty(v: MaybeValue): boolean {
  return !isTrue(v);
}

/** reflect.DeepEqual for JSON-like values (int and float64 are different types). */
function deepEqual(a: Value, b: Value): boolean {
  if (a instanceof GoInt || b instanceof GoInt) {
    return a instanceof GoInt && b instanceof GoInt && a.type === b.type && a.value === b.value;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!))
    );
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const ka = sortedKeys(a);
    const kb = sortedKeys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k]!, b[k]!));
  }
  return a === b;
}

function listOf(name: string, v: Value): Value[] | undefined {
  if (Array.isArray(v)) return v;
  throw new FunctionError(`Cannot find ${name} on type ${v === null ? 'nil' : kindName(v)}`);
}

function kindName(v: Value): string {
  if (v instanceof GoInt) return v.type;
  if (isMap(v)) return 'map';
  return typeName(v);
}

/** Go's encoding/json: sorted keys, HTML-safe escapes, float64 as Go writes it. */
export function toJson(v: MaybeValue, indent: string, depth = 0): string {
  if (depth > MAX_DEPTH) throw new FunctionError('the value is nested too deeply to encode');
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new FunctionError('json: unsupported value');
    return JSON.stringify(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoInt) return v.value.toString();
  const pad = indent ? `\n${indent.repeat(depth + 1)}` : '';
  const end = indent ? `\n${indent.repeat(depth)}` : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((item) => pad + toJson(item, indent, depth + 1)).join(',')}${end}]`;
  }
  const keys = sortedKeys(v);
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => pad + jsonString(k) + sep + toJson(v[k], indent, depth + 1)).join(',')}${end}}`;
}

function jsonString(s: string): string {
  return JSON.stringify(s.replace(/[\uD800-\uDFFF]/gu, (c) => (c.length === 1 ? '\ufffd' : c))).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Argo CD's toYaml: sigs.k8s.io/yaml (sorted keys), without the final newline. */
function toYaml(v: Value): string {
  const plain = JSON.parse(toJson(v, '')) as unknown;
  checkPlainStrings(plain, 0);
  return stringifyYaml(plain, {
    version: '1.1',
    sortMapEntries: true,
    lineWidth: 0,
    indentSeq: false,
  }).replace(/\n$/, '');
}

/**
 * go-yaml and the yaml package quote strings differently (`"yes"` against `'yes'`), so toYaml
 * is refused for any string, key or value, that YAML 1.1 cannot write plain.
 */
function checkPlainStrings(v: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new FunctionError('the value is nested too deeply to encode');
  const check = (s: string) => {
    if (s === '' || stringifyYaml(s, { version: '1.1', lineWidth: 0 }) !== `${s}\n`) {
      throw new FunctionError('toYaml of a string YAML must quote is not supported');
    }
  };
  if (typeof v === 'string') check(v);
  else if (Array.isArray(v)) for (const item of v) checkPlainStrings(item, depth + 1);
  else if (typeof v === 'object' && v !== null) {
    for (const [k, item] of Object.entries(v)) {
      check(k);
      checkPlainStrings(item, depth + 1);
    }
  }
}

/** Argo CD's fromYaml: a YAML map as map[string]any, numbers as float64. */
function fromYaml(s: string): Value {
  let parsed: unknown;
  try {
    parsed = parseYaml(s, { maxAliasCount: 100 });
  } catch {
    throw new FunctionError('the YAML could not be read');
  }
  if (parsed === null || parsed === undefined) return newMap();
  const value = fromPlain(parsed, 0);
  if (!isMap(value)) throw new FunctionError('fromYaml needs a YAML map');
  return value;
}

function fromPlain(v: unknown, depth: number): Value {
  if (depth > MAX_DEPTH) throw new FunctionError('the YAML is nested too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((item) => fromPlain(item, depth + 1));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out = newMap();
    for (const [k, item] of Object.entries(v)) out[k] = fromPlain(item, depth + 1);
    return out;
  }
  throw new FunctionError('fromYaml of this YAML type is not supported');
}

/** Argo CD's normalize: a DNS-safe name of at most 253 bytes. */
function normalize(s: string): string {
  const lowered = mapRunes(s, (c) => c.toLowerCase());
  // Go replaces each rune outside [-a-z0-9.] with one '-'.
  let out = Array.from(lowered, (c) => (/^[-a-z0-9.]$/.test(c) ? c : '-')).join('');
  if (out.length > 253) out = out.slice(0, 253);
  return out.replace(/^[-.]+|[-.]+$/g, '');
}

/** Sprig's regexMatch as a search, run by the linear-time matcher of src/flux/pattern.ts. */
function regexMatch(re: string, s: string): boolean {
  try {
    return compilePattern(`[\\s\\S]*(?:${re})[\\s\\S]*`, matchBudget(5_000_000)).matches(s);
  } catch (error) {
    if (error instanceof PatternError)
      throw new FunctionError(`regexMatch: ${error.message} (not supported)`);
    throw error;
  }
}

function nospace(s: string): string {
  // goutils walks bytes: a UTF-8 byte 0x85 or 0xA0 counts as a space there, mangling text.
  if (/[^\p{ASCII}]/u.test(s) && Buffer.from(s).some((b) => b === 0x85 || b === 0xa0)) {
    throw new FunctionError('nospace of this text is not supported');
  }
  return s.replace(/[\t\n\v\f\r ]/g, '');
}

function b64dec(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    throw new FunctionError('b64dec of text that is not padded base64 is not supported');
  }
  const bytes = Buffer.from(s, 'base64');
  const text = bytes.toString('utf8');
  if (!Buffer.from(text).equals(bytes))
    throw new FunctionError('b64dec to bytes that are not UTF-8 is not supported');
  return text;
}

function dict(args: Value[]): Value {
  const out = newMap();
  for (let i = 0; i < args.length; i += 2) out[strval(args[i])] = i + 1 < args.length ? args[i + 1]! : '';
  return out;
}

function copyMap(m: GoMap): GoMap {
  const out = newMap();
  for (const k of sortedKeys(m)) out[k] = m[k]!;
  return out;
}

function split(sep: string, s: string): Value {
  const out = newMap();
  goSplit(s, sep).forEach((part, i) => {
    out[`_${i}`] = part;
  });
  stringTyped.add(out);
  return out;
}

/** strings.Split: an empty separator splits into runes. */
function goSplit(s: string, sep: string): string[] {
  return sep === '' ? Array.from(s) : s.split(sep);
}

function uniq(list: Value[]): Value {
  const out: Value[] = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}

function has(needle: Value, haystack: Value): boolean {
  if (haystack === null) return false;
  if (!Array.isArray(haystack)) throw new FunctionError(`Cannot find has on type ${kindName(haystack)}`);
  return haystack.some((item) => deepEqual(needle, item));
}

function arith(op: (a: bigint, b: bigint) => bigint): (args: Value[]) => Value {
  return (args) => goInt(args.map(toInt64).reduce(op), 'int64');
}

/** Math.max and Math.min take no bigint. */
function bigMax(a: bigint, b: bigint): bigint {
  if (b > a) return b;
  return a;
}

function bigMin(a: bigint, b: bigint): bigint {
  if (b < a) return b;
  return a;
}

const divide = (a: bigint, b: bigint): bigint => {
  if (b === 0n) throw new FunctionError('runtime error: integer divide by zero');
  return a / b;
};

const modulo = (a: bigint, b: bigint): bigint => {
  if (b === 0n) throw new FunctionError('runtime error: integer divide by zero');
  return a % b;
};

/** Sprig's functions that plumbline evaluates, by name, with Go's parameter types. */
export const SPRIG: Record<string, GoFunction> = {
  lower: fn(['string'], ([s]) => mapRunes(str(s), (c) => c.toLowerCase())),
  upper: fn(['string'], ([s]) => mapRunes(str(s), (c) => c.toUpperCase())),
  title: fn(['string'], ([s]) => title(str(s))),
  trim: fn(['string'], ([s]) => str(s).replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '')),
  trimAll: fn(['string', 'string'], ([a, b]) => trimCutset(str(b), str(a))),
  trimPrefix: fn(['string', 'string'], ([a, b]) =>
    str(b).startsWith(str(a)) ? str(b).slice(str(a).length) : str(b),
  ),
  trimSuffix: fn(['string', 'string'], ([a, b]) =>
    str(b).endsWith(str(a)) ? str(b).slice(0, str(b).length - str(a).length) : str(b),
  ),
  replace: fn(['string', 'string', 'string'], ([o, n, s]) => capString(goReplace(str(s), str(o), str(n)))),
  repeat: fn(['int', 'string'], ([c, s]) => {
    const count = int(c);
    if (count < 0) throw new FunctionError('strings: negative Repeat count');
    if (count * str(s).length > MAX_STRING)
      throw new FunctionError(`repeat makes more than ${MAX_STRING} characters`);
    return str(s).repeat(count);
  }),
  default: fn(['any'], ([d, ...given]) => (given.length === 0 || isEmpty(given[0]) ? d! : given[0]!), 'any'),
  empty: fn(['any'], ([v]) => isEmpty(v)),
  coalesce: fn([], (args) => args.find((v) => !isEmpty(v)) ?? null, 'any'),
  ternary: fn(['any', 'any', 'bool'], ([t, f, c]) => (c ? t! : f!)),
  quote: fn(
    [],
    (args) =>
      args
        .filter((v) => v !== null)
        .map((v) => goQuote(strval(v)))
        .join(' '),
    'any',
  ),
  squote: fn(
    [],
    (args) =>
      args
        .filter((v) => v !== null)
        .map((v) => `'${formatValue(v)}'`)
        .join(' '),
    'any',
  ),
  contains: fn(['string', 'string'], ([sub, s]) => str(s).includes(str(sub))),
  hasPrefix: fn(['string', 'string'], ([p, s]) => str(s).startsWith(str(p))),
  hasSuffix: fn(['string', 'string'], ([p, s]) => str(s).endsWith(str(p))),
  split: fn(['string', 'string'], ([sep, s]) => split(str(sep), str(s))),
  splitList: fn(['string', 'string'], ([sep, s]) => stringList(goSplit(str(s), str(sep)))),
  join: fn(['string', 'any'], ([sep, v]) => capString(strslice(v!).join(str(sep)))),
  list: fn([], (args) => args, 'any'),
  dict: fn([], dict, 'any'),
  get: fn(['map', 'string'], ([m, k]) => mapGet(m as GoMap, str(k)) ?? ''),
  // Sprig's set changes the map in place; the data here is shared, so set works on a copy.
  set: fn(['map', 'string', 'any'], ([m, k, v]) => Object.assign(copyMap(m as GoMap), { [str(k)]: v })),
  hasKey: fn(['map', 'string'], ([m, k]) => Object.hasOwn(m as GoMap, str(k))),
  // Sprig's keys come in Go's random map order; sorted here, which is one of those orders.
  keys: fn([], (maps) => stringList(maps.flatMap((m) => sortedKeys(m as GoMap))), 'map'),
  toString: fn(['any'], ([v]) => strval(v)),
  toJson: fn(['any'], ([v]) => capString(toJson(v, ''))),
  toPrettyJson: fn(['any'], ([v]) => capString(toJson(v, '  '))),
  toYaml: fn(['any'], ([v]) => capString(toYaml(v!))),
  fromYaml: fn(['string'], ([s]) => fromYaml(str(s))),
  int: fn(['any'], ([v]) => goInt(toInt64(v!), 'int')),
  int64: fn(['any'], ([v]) => goInt(toInt64(v!), 'int64')),
  float64: fn(['any'], ([v]) => toFloat64(v!)),
  atoi: fn(['string'], ([s]) => atoi(str(s))),
  add: fn(
    [],
    (args) =>
      goInt(
        args.map(toInt64).reduce((a, b) => a + b, 0n),
        'int64',
      ),
    'any',
  ),
  sub: fn(
    ['any', 'any'],
    arith((a, b) => a - b),
  ),
  mul: fn(
    ['any'],
    arith((a, b) => a * b),
    'any',
  ),
  div: fn(['any', 'any'], arith(divide)),
  mod: fn(['any', 'any'], arith(modulo)),
  max: fn(['any'], arith(bigMax), 'any'),
  min: fn(['any'], arith(bigMin), 'any'),
  b64enc: fn(['string'], ([s]) => Buffer.from(str(s)).toString('base64')),
  b64dec: fn(['string'], ([s]) => b64dec(str(s))),
  sha256sum: fn(['string'], ([s]) => createHash('sha256').update(str(s)).digest('hex')),
  trunc: fn(['int', 'string'], ([c, s]) => trunc(int(c), str(s))),
  substr: fn(['int', 'int', 'string'], ([a, b, s]) => substr(int(a), int(b), str(s))),
  nospace: fn(['string'], ([s]) => nospace(str(s))),
  normalize: fn(['string'], ([s]) => normalize(str(s))),
  indent: fn(['int', 'string'], ([n, s]) => capString(indent(int(n), str(s)))),
  nindent: fn(['int', 'string'], ([n, s]) => capString(`\n${indent(int(n), str(s))}`)),
  uniq: fn(['any'], ([l]) => uniq(listOf('uniq', l!)!)),
  has: fn(['any', 'any'], ([needle, haystack]) => has(needle!, haystack!)),
  first: fn(['any'], ([l]) => listOf('first', l!)![0] ?? null),
  last: fn(['any'], ([l]) => listOf('last', l!)!.at(-1) ?? null),
  // Sprig returns a nil []interface{} for an empty list, which prints as [].
  rest: fn(['any'], ([l]) => listOf('rest', l!)!.slice(1)),
  initial: fn(['any'], ([l]) => listOf('initial', l!)!.slice(0, -1)),
  sortAlpha: fn(['any'], ([l]) =>
    stringList(Array.isArray(l) ? strslice(l).sort(compareBytes) : [strval(l)]),
  ),
  regexMatch: fn(['string', 'string'], ([re, s]) => regexMatch(str(re), str(s))),
};

function indent(n: number, s: string): string {
  if (n < 0) throw new FunctionError('strings: negative Repeat count');
  if (n > MAX_STRING) throw new FunctionError('indent is too wide');
  const pad = ' '.repeat(n);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

/** strings.Replace(s, old, new, -1): an empty old inserts new around every rune. */
function goReplace(s: string, old: string, replacement: string): string {
  if (old !== '') return s.replaceAll(old, replacement);
  const runes = Array.from(s);
  if ((runes.length + 1) * replacement.length > MAX_STRING)
    throw new FunctionError('replace makes too much text');
  return replacement + runes.map((r) => r + replacement).join('');
}

/**
 * Names Go or Sprig defines that plumbline does not evaluate: a template that uses one is
 * refused rather than rendered differently from Argo CD.
 */
export const NOT_SUPPORTED = new Set(
  `html js urlquery call kebabcase snakecase camelcase semverCompare semver regexReplaceAll
regexReplaceAllLiteral regexFind regexFindAll regexSplit regexQuoteMeta mustRegexMatch
mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexFind mustRegexFindAll slugify fromYamlArray
fromJson mustFromJson toRawJson mustToJson mustToPrettyJson mustToRawJson tpl now date dateInZone
date_in_zone dateModify date_modify mustDateModify must_date_modify toDate mustToDate unixEpoch ago
duration durationRound htmlDate htmlDateInZone randAlphaNum randAlpha randAscii randNumeric randInt
randBytes uuidv4 shuffle bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA
genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey
encryptAES decryptAES abbrev abbrevboth untitle initials swapcase wrap wrapWith cat plural sha1sum
sha512sum adler32sum seq toDecimal splitn toStrings until untilStep add1 add1f addf subf divf mulf
biggest maxf minf ceil floor round all any compact mustCompact deepCopy mustDeepCopy typeOf typeIs
typeIsLike kindOf kindIs deepEqual base dir clean ext isAbs osBase osClean osDir osExt osIsAbs
b32enc b32dec tuple unset pluck pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values
append push mustAppend mustPush prepend mustPrepend mustFirst mustRest mustLast mustInitial reverse
mustReverse mustUniq without mustWithout mustHas slice mustSlice concat dig chunk mustChunk fail
trimall hello urlParse urlJoin`.split(/\s+/),
);

/** Removed by Argo CD: reading the controller's environment or resolving names. */
export const REMOVED = new Set(['env', 'expandenv', 'getHostByName']);
