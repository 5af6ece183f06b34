import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/entry/log-safe.ts
var WORD_JOINER = "\u2060";
function logSafe(message) {
  return message.replace(/:(?=:)/g, `:${WORD_JOINER}`).replace(/#(?=#\[)/g, `#${WORD_JOINER}`);
}
function jsonLogSafe(json) {
  return json.replace(/:(?=:)/g, "\\u003a").replace(/#(?=#\[)/g, "\\u0023");
}
function withoutControls(text) {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = code < 32 && char !== "\n" && char !== "	" || code === 127;
    out += control ? "?" : char;
  }
  return out;
}

export {
  logSafe,
  jsonLogSafe,
  withoutControls
};
