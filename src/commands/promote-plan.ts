/**
 * The plan of a promotion, for its pull request body: the target environment rendered at
 * the base commit and in the edited worktree, compared as `plumbline plan --offline` would,
 * and written as Markdown that fits the room the body leaves for it.
 */
import type { EnvironmentConfig, PlumblineConfig } from '../config/types.js';
import { compareSets } from '../diff/compare.js';
import {
  type ComparisonTarget,
  countChanges,
  type EnvironmentResult,
  type PlanResult,
} from '../diff/model.js';
import { problemOf } from '../errors.js';
import { withCheckout, workTreeTop } from '../git/base-checkout.js';
import { type RenderOptions, renderEnvironment } from '../render/render.js';
import { objectSections, summaryTable, verdict } from '../report/markdown.js';
import { escapeInline } from '../report/markdown-syntax.js';
import { truncateSection } from '../report/pack.js';
import type { Resource } from '../resource.js';

export interface TargetChangeContext {
  /** The commit the worktree's edit was made on: the "before" side. */
  baseCommit: string;
  /** The base branch's name, for the reader. */
  baseBranch: string;
  /** The most characters the Markdown may take. */
  budget: number;
}

export type DescribeTargetChange = (
  worktreeDir: string,
  env: EnvironmentConfig,
  context: TargetChangeContext,
) => Promise<string>;

const FULL_PLAN = 'an offline plan of the promotion branch';

/** Renders the target before (at the base commit) and after (the worktree) and describes the difference. */
export function planTargetChange(config: PlumblineConfig, options: RenderOptions = {}): DescribeTargetChange {
  return async (worktreeDir, env, { baseCommit, baseBranch, budget }) => {
    const comparedWith: ComparisonTarget = { kind: 'base', ref: baseBranch, sha: baseCommit };
    let environment: EnvironmentResult;
    try {
      const settings = { settings: config.render, ...options };
      const { resources: after } = await renderEnvironment(worktreeDir, env, {
        ...settings,
        top: await workTreeTop(worktreeDir),
      });
      const { resources: before } = await withCheckout(worktreeDir, baseCommit, (dir, top) =>
        renderEnvironment(dir, env, { ...settings, top }),
      );
      const changes = compareSets(byKey(before), byKey(after), config.diff.ignore);
      environment = {
        environment: env.name,
        mode: 'offline',
        comparedWith,
        counts: countChanges(changes),
        changes,
      };
    } catch (error) {
      // The plan explains the promotion; a render that fails must not stop it from landing.
      environment = {
        environment: env.name,
        mode: 'offline',
        comparedWith,
        counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
        changes: [],
        error: problemOf(error),
      };
    }
    return targetChangeMarkdown({ environments: [environment] }, budget);
  };
}

/**
 * The verdict, the summary table and one collapsed section per changed object, in that
 * order, within `budget` characters: the first object that does not fit is cut inside (if
 * it is the first one) and the rest are counted. Empty when not even the verdict, the table
 * and that count fit.
 */
export function targetChangeMarkdown(result: PlanResult, budget: number): string {
  const header = [verdict(result), summaryTable(result)].join('\n\n');
  const sections = result.environments.flatMap((environment) => objectSections(environment));
  const omitted = (count: number) =>
    `_${count} more ${count === 1 ? 'object is' : 'objects are'} not shown here to fit the size limit; run ${escapeInline(FULL_PLAN)} to see them._`;
  const longestNote = omitted(sections.length).length + 2;
  if (sections.length === 0) return header.length <= budget ? header : '';
  if (header.length + longestNote > budget) return '';

  const blocks = [header];
  let used = header.length;
  for (const [index, section] of sections.entries()) {
    const left = sections.length - index;
    const room = budget - used - 2 - (left > 1 ? longestNote : 0);
    if (section.length <= room) {
      blocks.push(section);
      used += section.length + 2;
      continue;
    }
    if (index === 0 && room > 200) {
      blocks.push(truncateSection(section, room, FULL_PLAN));
      if (left > 1) blocks.push(omitted(left - 1));
    } else {
      blocks.push(omitted(left));
    }
    break;
  }
  return blocks.join('\n\n');
}

function byKey(resources: readonly Resource[]) {
  return new Map(resources.map((resource) => [resource.key, resource]));
}
