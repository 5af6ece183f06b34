import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/entry/cli/vocabulary.ts
var FLAGS = {
  offline: "pass --offline",
  live: "pass --live",
  reader: "pass --reader",
  context: "pass --context NAME",
  base: "pass --base REF",
  from: "pass --from ENV",
  image: "pass --image NAME",
  "tag-or-digest": "pass --tag TAG or --digest DIGEST",
  "via-commit": "pass --via commit",
  "allow-downgrade": "pass --allow-downgrade",
  "revision-from": "pass --revision-from SOURCE"
};
var COMPONENT_INPUTS = {
  offline: "set the plan component's input `mode: offline`",
  live: "set the plan component's input `mode: live` and `kubeconfig-variable`",
  reader: "set the input `mode: reader` (plan) or `reader: true` (drift)",
  // The components take no context: cluster.context in plumbline.yaml names it.
  context: void 0,
  // The plan component compares with the merge request's target branch; promote with the default branch.
  base: void 0,
  from: "set the promote component's input `from`",
  image: "set the promote component's input `image-name`",
  "tag-or-digest": "set the promote component's input `tag`",
  "via-commit": "set the promote component's input `via: commit`",
  "allow-downgrade": void 0,
  "revision-from": void 0
};
var CLI_VOCABULARY = { option: (option) => FLAGS[option] };
var GITLAB_COMPONENT_VOCABULARY = { option: (option) => COMPONENT_INPUTS[option] };
function cliVocabulary(env = process.env) {
  return env.GITLAB_CI === "true" ? GITLAB_COMPONENT_VOCABULARY : CLI_VOCABULARY;
}

export {
  cliVocabulary
};
