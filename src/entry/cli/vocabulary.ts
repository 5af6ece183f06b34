/**
 * How a CLI user sets what a remedy points at: flags; and, inside a GitLab CI job run by
 * the plumbline components, the components' inputs, which is what their users have.
 */
import type { RunOption, Vocabulary } from '../../remedy.js';

const FLAGS: Record<RunOption, string> = {
  offline: 'pass --offline',
  live: 'pass --live',
  reader: 'pass --reader',
  context: 'pass --context NAME',
  base: 'pass --base REF',
  from: 'pass --from ENV',
  image: 'pass --image NAME',
  'tag-or-digest': 'pass --tag TAG or --digest DIGEST',
  'via-commit': 'pass --via commit',
  'allow-downgrade': 'pass --allow-downgrade',
  'revision-from': 'pass --revision-from SOURCE',
};

const COMPONENT_INPUTS: Record<RunOption, string | undefined> = {
  offline: "set the plan component's input `mode: offline`",
  live: "set the plan component's input `mode: live` and `kubeconfig-variable`",
  reader: 'set the input `mode: reader` (plan) or `reader: true` (drift)',
  // The components take no context: cluster.context in plumbline.yaml names it.
  context: undefined,
  // The plan component compares with the merge request's target branch; promote with the default branch.
  base: undefined,
  from: "set the promote component's input `from`",
  image: "set the promote component's input `image-name`",
  'tag-or-digest': "set the promote component's input `tag`",
  'via-commit': "set the promote component's input `via: commit`",
  'allow-downgrade': undefined,
  'revision-from': undefined,
};

export const CLI_VOCABULARY: Vocabulary = { option: (option) => FLAGS[option] };
export const GITLAB_COMPONENT_VOCABULARY: Vocabulary = { option: (option) => COMPONENT_INPUTS[option] };

/** The words of the run the CLI is in: a GitLab CI job (the components), else the command line. */
export function cliVocabulary(env: Record<string, string | undefined> = process.env): Vocabulary {
  return env.GITLAB_CI === 'true' ? GITLAB_COMPONENT_VOCABULARY : CLI_VOCABULARY;
}
