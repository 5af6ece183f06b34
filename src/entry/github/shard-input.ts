/** The `shard` input of the plan and drift actions: one shard of a fleet, INDEX/COUNT. */
import * as core from '@actions/core';
import { parseShard, type Shard } from '../../config/shard.js';
import { PlumblineError } from '../../errors.js';

/** The `shard` input (`I/N`), or undefined when it is empty. */
export function shardInput(): Shard | undefined {
  const text = core.getInput('shard');
  if (!text) return undefined;
  const shard = parseShard(text);
  if (!shard) {
    throw new PlumblineError(
      `input \`shard\` must be INDEX/COUNT, whole numbers with 1 ≤ INDEX ≤ COUNT (2/4 is the second of four shards); got '${text}'`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
      'In a matrix job: shard: ${{ matrix.shard }}/${{ strategy.job-total }}, with matrix.shard counting from 1.',
    );
  }
  return shard;
}
