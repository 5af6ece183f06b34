/** How users of the plumbline actions set what a remedy points at: the actions' inputs. */
import type { RunOption, Vocabulary } from '../../remedy.js';

const INPUTS: Record<RunOption, string | undefined> = {
  offline: 'set the input `mode: offline`',
  live: 'set the input `mode: live` and give a `kubeconfig`',
  reader: 'set the input `mode: reader`',
  // No input names a context: cluster.context in plumbline.yaml does, as the notice says.
  context: undefined,
  base: 'set the input `base-ref` (plan) or `base` (promote)',
  from: 'set the input `from`',
  image: 'set the input `image`',
  'tag-or-digest': 'set the input `tag` or `digest`',
  'via-commit': 'set the input `via: commit`',
  'allow-downgrade': 'set the input `allow-downgrade: true`',
  'revision-from': 'set the input `revision-from`',
};

export const ACTION_VOCABULARY: Vocabulary = { option: (option) => INPUTS[option] };
