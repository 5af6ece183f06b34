import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

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
  remedySentence,
  describeProblem,
  NO_OPTIONS,
  PlumblineError,
  problemOf,
  describeError
};
