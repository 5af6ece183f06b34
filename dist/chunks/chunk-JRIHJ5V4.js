import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/remedy.ts
var PURPOSE = {
  offline: "To compare without a cluster",
  live: "To compare with a cluster instead",
  reader: "To compare with get and list rights only",
  context: "To name the kubeconfig context for every environment",
  base: "To name the branch to compare with or promote on",
  from: "To promote what another environment runs",
  image: "To name the image to promote",
  "tag-or-digest": "To name the version to promote",
  "via-commit": "To push to the branch where the environment allows it, without a change request",
  "allow-downgrade": "If the older version is intended",
  "revision-from": "To name the object that records the deployed revision"
};
function remedySentence(option, vocabulary) {
  const words = vocabulary.option(option);
  return words === void 0 ? void 0 : `${PURPOSE[option]}: ${words}.`;
}
function describeProblem(problem, vocabulary) {
  const remedy = problem.remedy ? remedySentence(problem.remedy, vocabulary) : void 0;
  return [problem.message, problem.hint, remedy].filter((line) => line !== void 0 && line !== "").join("\n");
}
var NO_OPTIONS = { option: () => void 0 };

// src/errors.ts
var PlumblineError = class extends Error {
  constructor(message, hint, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.hint = hint;
    if (options?.remedy) this.remedy = options.remedy;
  }
  hint;
  name = "PlumblineError";
  remedy;
};
function problemOf(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { hint, remedy } = error;
  const problem = { message: error.message };
  if (typeof hint === "string" && hint !== "") problem.hint = hint;
  if (typeof remedy === "string") problem.remedy = remedy;
  return problem;
}
function describeError(error, vocabulary = NO_OPTIONS) {
  return describeProblem(problemOf(error), vocabulary);
}

export {
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  remedySentence,
  describeProblem,
  NO_OPTIONS,
  PlumblineError,
  problemOf,
  describeError
};
