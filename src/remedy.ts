/**
 * Remedies as facts, words at the edge. Below the entries an error or a notice names the
 * option that would help (`offline`, `context`, …) instead of a CLI flag; each entry gives
 * a Vocabulary that says how its own users set that option: `--offline` on the command
 * line, `mode: offline` for the GitHub Action, `inputs: mode: offline` for the GitLab
 * component. An entry without such an option says nothing rather than something wrong.
 */

/** Options of a run that a remedy can point at. */
export type RunOption =
  | 'offline'
  | 'live'
  | 'reader'
  | 'context'
  | 'base'
  | 'from'
  | 'image'
  | 'tag-or-digest'
  | 'via-commit'
  | 'allow-downgrade'
  | 'revision-from';

export interface Vocabulary {
  /** How this entry's users set `option`; undefined where they cannot. */
  option(option: RunOption): string | undefined;
}

/** What each option is for, in words that fit every entry. */
const PURPOSE: Record<RunOption, string> = {
  offline: 'To compare without a cluster',
  live: 'To compare with a cluster instead',
  reader: 'To compare with get and list rights only',
  context: 'To name the kubeconfig context for every environment',
  base: 'To name the branch to compare with or promote on',
  from: 'To promote what another environment runs',
  image: 'To name the image to promote',
  'tag-or-digest': 'To name the version to promote',
  'via-commit': 'To push to the branch where the environment allows it, without a change request',
  'allow-downgrade': 'If the older version is intended',
  'revision-from': 'To name the object that records the deployed revision',
};

/** The sentence a remedy adds to a message, in `vocabulary`'s words; undefined when it has none. */
export function remedySentence(option: RunOption, vocabulary: Vocabulary): string | undefined {
  const words = vocabulary.option(option);
  return words === undefined ? undefined : `${PURPOSE[option]}: ${words}.`;
}

/** Something that went wrong, as data: what happened, what to check, and the option that helps. */
export interface Problem {
  message: string;
  hint?: string;
  remedy?: RunOption;
}

/** The whole text of a problem in `vocabulary`'s words: message, hint, remedy, a line each. */
export function describeProblem(problem: Problem, vocabulary: Vocabulary): string {
  const remedy = problem.remedy ? remedySentence(problem.remedy, vocabulary) : undefined;
  return [problem.message, problem.hint, remedy]
    .filter((line) => line !== undefined && line !== '')
    .join('\n');
}

/** No words for any option: what a report says where no entry has spoken (tests, libraries). */
export const NO_OPTIONS: Vocabulary = { option: () => undefined };
