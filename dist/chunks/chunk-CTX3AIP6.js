import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  CONFIG_FILES
} from "./chunk-I3R6E5OK.js";
import {
  getInput
} from "./chunk-YGM3RFQ2.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";

// src/entry/github/inputs.ts
import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
function list(text) {
  return text.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}
function listInput(name) {
  return list(getInput(name));
}
function choiceInput(name, allowed) {
  const value = getInput(name);
  if (!value) return void 0;
  if (!allowed.includes(value)) {
    throw new PlumblineError(`input \`${name}\` must be one of ${allowed.join(", ")}; got '${value}'`);
  }
  return value;
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function booleanInput(name, fallback, expected) {
  const value = getInput(name);
  if (!value) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new PlumblineError(
    `${expected ?? `input \`${name}\` must be true or false`}; got '${value}'`,
    `Set ${name} to true or false, or leave it out for the default (${fallback}).`
  );
}
function repositoryRoot(workspace, config) {
  if (!config) return workspace;
  const path = resolve(workspace, config);
  if (!CONFIG_FILES.includes(basename(path))) {
    throw new PlumblineError(
      `input \`config\` must name a ${CONFIG_FILES.join(" or ")} file; got '${config}'`,
      "plumbline reads its configuration from a file of that name; environment paths in it are relative to its folder."
    );
  }
  if (!existsSync(path)) {
    throw new PlumblineError(
      `input \`config\`: ${config} does not exist in ${workspace}`,
      "Check the path, and that actions/checkout ran before plumbline."
    );
  }
  return dirname(path);
}

export {
  listInput,
  choiceInput,
  booleanInput,
  repositoryRoot
};
