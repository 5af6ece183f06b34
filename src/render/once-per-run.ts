/**
 * What a run works out once per checkout (the Flux or Argo CD discovery of the base or the
 * head), however many environments ask: a run's ChartFetcher is made per run, so it
 * stands for the run, and the memo goes when the run does.
 */
import { realpath } from 'node:fs/promises';
import type { ChartFetcher } from '../charts/fetch.js';

const memos = new WeakMap<ChartFetcher, Map<string, Promise<unknown>>>();

/** `compute()` once per run, `kind` and checkout (by its real path). */
export async function oncePerRun<T>(
  run: ChartFetcher,
  kind: string,
  repoRoot: string,
  compute: () => T,
): Promise<T> {
  let memo = memos.get(run);
  if (!memo) {
    memo = new Map();
    memos.set(run, memo);
  }
  const key = `${kind}\0${await realpath(repoRoot)}`;
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = Promise.resolve().then(compute);
    memo.set(key, answer);
  }
  return answer;
}
