/**
 * Hidden markers that let plumbline find its own comments and issues again:
 *
 *   <!-- plumbline:plan:dev,staging part=2/3 -->
 *   <!-- plumbline:drift:dev {"count":2} -->
 *
 * A marker names a kind (plan, drift, promote), a key within that kind (an environment
 * set, `all`) and optionally the part of a body split across several comments and a small
 * JSON state carried from one run to the next. Markers render invisibly in Markdown.
 *
 * A marker counts only as the first line of a body, where {@link withMarker} puts it. The
 * rest of a body holds text from pull requests (diffs, object names, errors), which can
 * spell out a marker of its own; read there, it would make plumbline edit or delete the
 * comment of another environment. People may edit the text under the marker freely.
 */

export interface MarkerId {
  /** What plumbline wrote: `plan`, `drift`, ... (lowercase letters, digits, dashes). */
  kind: string;
  /** Which one of that kind: an environment, a set of environments, `all`. Any text. */
  key: string;
}

export interface Marker extends MarkerId {
  /** 1-based part number, 1 when the body is not split. */
  part: number;
  /** How many parts the body was split into, 1 when it is not split. */
  parts: number;
  /** The JSON state, when the marker carries one and it still parses. */
  state?: unknown;
}

const KIND = /^[a-z][a-z0-9-]*$/;
/** A marker on the first line of a body, as {@link buildMarker} writes it, and nothing after it on that line. */
const LEADING_MARKER =
  /^<!--[ \t]*plumbline:([a-z][a-z0-9-]*):(\S+?)(?:[ \t]+part=(\d+)\/(\d+))?(?:[ \t]+(\{[^\r\n]*?\}))?[ \t]*-->(?:\r?\n|$)/;
/** Key characters kept as they are; everything else is percent-encoded (as UTF-8). */
const KEY_SAFE = /[A-Za-z0-9._,/@+=:-]/;
/** What separates the marker from the text it labels. */
const SEPARATOR = '\n';

export function buildMarker(marker: MarkerId & { part?: number; parts?: number; state?: unknown }): string {
  if (!KIND.test(marker.kind))
    throw new Error(`marker kind must match ${KIND}, got ${JSON.stringify(marker.kind)}`);
  if (marker.key === '') throw new Error('marker key must not be empty');
  const parts = marker.parts ?? 1;
  const part = marker.part ?? 1;
  if (!Number.isInteger(parts) || !Number.isInteger(part) || part < 1 || part > parts) {
    throw new Error(`marker part must be within 1..${parts}, got ${part}`);
  }
  let text = `<!-- plumbline:${marker.kind}:${encodeKey(marker.key)}`;
  if (parts > 1) text += ` part=${part}/${parts}`;
  if (marker.state !== undefined) text += ` ${encodeState(marker.state)}`;
  return `${text} -->`;
}

/** The marker that labels `body`: its first line, when that is a marker. */
export function readMarker(body: string): Marker | undefined {
  const match = LEADING_MARKER.exec(body);
  if (!match) return undefined;
  const [, kind = '', rawKey = '', part, parts, state] = match;
  const key = decodeKey(rawKey);
  if (key === undefined) return undefined;
  const marker: Marker = { kind, key, part: Number(part ?? 1), parts: Number(parts ?? 1) };
  if (marker.part < 1 || marker.part > marker.parts) return undefined;
  if (state !== undefined) {
    try {
      marker.state = JSON.parse(state);
    } catch {
      // A user edited the state by hand; the marker still identifies the comment.
    }
  }
  return marker;
}

/** The marker of `body` when it has this kind and key. */
export function findMarker(body: string, id: MarkerId): Marker | undefined {
  const marker = readMarker(body);
  return marker?.kind === id.kind && marker.key === id.key ? marker : undefined;
}

/** `text` labelled with its marker, ready to post. */
export function withMarker(
  marker: MarkerId & { part?: number; parts?: number; state?: unknown },
  text: string,
) {
  return `${buildMarker(marker)}${SEPARATOR}${text}`;
}

/**
 * Characters a body must leave free for its marker (with part numbers up to 999/999 and
 * the given state), so that the caller can split text into parts that fit the forge.
 */
export function markerReserve(id: MarkerId & { state?: unknown }): number {
  return buildMarker({ ...id, part: 999, parts: 999 }).length + SEPARATOR.length;
}

function encodeKey(key: string): string {
  let out = '';
  for (const char of key)
    out += KEY_SAFE.test(char) ? char : encodeURIComponent(char).replace(/[!'()*~]/g, hex);
  return out;
}

function hex(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function decodeKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * JSON that cannot end the HTML comment it sits in: `--`, `<` and `>` only occur inside
 * JSON strings, where their \u escapes parse back to the same text.
 */
function encodeState(state: unknown): string {
  const json = JSON.stringify(state);
  if (json === undefined || !json.startsWith('{')) throw new Error('marker state must be a JSON object');
  return json.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('--', '-\\u002d');
}
