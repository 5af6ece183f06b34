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

export {
  logSafe,
  jsonLogSafe
};
