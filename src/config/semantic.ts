/**
 * Checks the schema cannot express: unique names, promotion sources that exist, no
 * promotion cycles, environment paths that stay inside the repository. Pure: works on the
 * schema-valid data and returns problems with the field they are about.
 */
import { posix } from 'node:path';
import type { Segment } from './locate.js';

export interface RawEnvironment {
  name: string;
  path: string;
  promote?: { from: string };
}

export interface SemanticProblem {
  segments: Segment[];
  message: string;
  hint?: string;
}

export function checkEnvironments(environments: RawEnvironment[]): SemanticProblem[] {
  return [...duplicateNames(environments), ...outsidePaths(environments), ...promotionSources(environments)];
}

function duplicateNames(environments: RawEnvironment[]): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const firstIndex = new Map<string, number>();
  environments.forEach((environment, index) => {
    const first = firstIndex.get(environment.name);
    if (first === undefined) {
      firstIndex.set(environment.name, index);
      return;
    }
    problems.push({
      segments: ['environments', index, 'name'],
      message: `environment name "${environment.name}" is already used by environments[${first}]`,
      hint: 'Each environment needs its own name; it identifies the environment in comments, issues and branches.',
    });
  });
  return problems;
}

function outsidePaths(environments: RawEnvironment[]): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  environments.forEach((environment, index) => {
    if (normalizeEnvironmentPath(environment.path) !== undefined) return;
    problems.push({
      segments: ['environments', index, 'path'],
      message: `path "${environment.path}" is outside the repository`,
      hint: 'Write the folder relative to the repository root, e.g. envs/dev.',
    });
  });
  return problems;
}

/** `./envs/dev/` -> `envs/dev`; undefined when the path is absolute or leaves the repository. */
export function normalizeEnvironmentPath(path: string): string | undefined {
  if (posix.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return undefined;
  const normalized = posix.normalize(path.replaceAll('\\', '/')).replace(/\/+$/, '');
  if (normalized === '..' || normalized.startsWith('../')) return undefined;
  return normalized === '' ? '.' : normalized;
}

function promotionSources(environments: RawEnvironment[]): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const names = new Set(environments.map((environment) => environment.name));
  const fromOf = new Map<string, string>();
  environments.forEach((environment, index) => {
    const from = environment.promote?.from;
    if (from === undefined) return;
    const segments = ['environments', index, 'promote', 'from'];
    if (from === environment.name) {
      problems.push({
        segments,
        message: `environment "${from}" cannot promote from itself`,
        hint: 'Name the environment whose image tags should be copied into this one.',
      });
    } else if (!names.has(from)) {
      problems.push({
        segments,
        message: `promote.from names "${from}", which is not an environment; known: ${[...names].join(', ')}`,
      });
    } else if (!fromOf.has(environment.name)) {
      fromOf.set(environment.name, from);
    }
  });
  for (const cycle of promotionCycles(fromOf)) {
    const start = environments.findIndex((environment) => environment.name === cycle[0]);
    problems.push({
      segments: ['environments', start, 'promote', 'from'],
      message: `promotion cycle: ${[cycle[0], ...cycle.slice(1).reverse(), cycle[0]].join(' -> ')}`,
      hint: 'Promotion must flow one way (e.g. dev -> staging -> prod); remove this promote.from or another one of the cycle.',
    });
  }
  return problems;
}

/** Each cycle once, as the names reached by following `from` from its first member. */
function promotionCycles(fromOf: Map<string, string>): string[][] {
  const cycles: string[][] = [];
  const settled = new Set<string>();
  for (const start of fromOf.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current) && !path.includes(current)) {
      path.push(current);
      current = fromOf.get(current);
    }
    if (current !== undefined && path.includes(current)) cycles.push(path.slice(path.indexOf(current)));
    for (const name of path) settled.add(name);
  }
  return cycles;
}
