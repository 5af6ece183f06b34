import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/forge/marker.ts
var KIND = /^[a-z][a-z0-9-]*$/;
var LEADING_MARKER = /^<!--[ \t]*plumbline:([a-z][a-z0-9-]*):(\S+?)(?:[ \t]+part=(\d+)\/(\d+))?(?:[ \t]+(\{[^\r\n]*?\}))?[ \t]*-->(?:\r?\n|$)/;
var KEY_SAFE = /[A-Za-z0-9._,/@+=:-]/;
var SEPARATOR = "\n";
function buildMarker(marker) {
  if (!KIND.test(marker.kind))
    throw new Error(`marker kind must match ${KIND}, got ${JSON.stringify(marker.kind)}`);
  if (marker.key === "") throw new Error("marker key must not be empty");
  const parts = marker.parts ?? 1;
  const part = marker.part ?? 1;
  if (!Number.isInteger(parts) || !Number.isInteger(part) || part < 1 || part > parts) {
    throw new Error(`marker part must be within 1..${parts}, got ${part}`);
  }
  let text = `<!-- plumbline:${marker.kind}:${encodeKey(marker.key)}`;
  if (parts > 1) text += ` part=${part}/${parts}`;
  if (marker.state !== void 0) text += ` ${encodeState(marker.state)}`;
  return `${text} -->`;
}
function readMarker(body) {
  const match = LEADING_MARKER.exec(body);
  if (!match) return void 0;
  const [, kind = "", rawKey = "", part, parts, state] = match;
  const key = decodeKey(rawKey);
  if (key === void 0) return void 0;
  const marker = { kind, key, part: Number(part ?? 1), parts: Number(parts ?? 1) };
  if (marker.part < 1 || marker.part > marker.parts) return void 0;
  if (state !== void 0) {
    try {
      marker.state = JSON.parse(state);
    } catch {
    }
  }
  return marker;
}
function findMarker(body, id) {
  const marker = readMarker(body);
  return marker?.kind === id.kind && marker.key === id.key ? marker : void 0;
}
function withMarker(marker, text) {
  return `${buildMarker(marker)}${SEPARATOR}${text}`;
}
function markerReserve(id) {
  return buildMarker({ ...id, part: 999, parts: 999 }).length + SEPARATOR.length;
}
function encodeKey(key) {
  let out = "";
  for (const char of key)
    out += KEY_SAFE.test(char) ? char : encodeURIComponent(char).replace(/[!'()*~]/g, hex);
  return out;
}
function hex(char) {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}
function decodeKey(raw) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return void 0;
  }
}
function encodeState(state) {
  const json = JSON.stringify(state);
  if (json === void 0 || !json.startsWith("{")) throw new Error("marker state must be a JSON object");
  return json.replaceAll("<", "\\u003c").replaceAll(">", "\\u003e").replaceAll("--", "-\\u002d");
}

export {
  buildMarker,
  readMarker,
  findMarker,
  withMarker,
  markerReserve
};
