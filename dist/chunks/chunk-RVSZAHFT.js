import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/entry/github/vocabulary.ts
var INPUTS = {
  offline: "set the input `mode: offline`",
  live: "set the input `mode: live` and give a `kubeconfig`",
  reader: "set the input `mode: reader`",
  // No input names a context: cluster.context in plumbline.yaml does, as the notice says.
  context: void 0,
  base: "set the input `base-ref` (plan) or `base` (promote)",
  from: "set the input `from`",
  image: "set the input `image`",
  "tag-or-digest": "set the input `tag` or `digest`",
  "via-commit": "set the input `via: commit`",
  "allow-downgrade": "set the input `allow-downgrade: true`",
  "revision-from": "set the input `revision-from`"
};
var ACTION_VOCABULARY = { option: (option) => INPUTS[option] };

export {
  ACTION_VOCABULARY
};
