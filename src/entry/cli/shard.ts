import { parseShard, type Shard } from '../../config/shard.js';
import { PlumblineError } from '../../errors.js';

/** `--shard I/N`, read when the command line is parsed: before anything else runs. */
export function shardFlag(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) {
    throw new PlumblineError(
      `--shard must be INDEX/COUNT, whole numbers with 1 ≤ INDEX ≤ COUNT (2/4 is the second of four shards); got '${value}'`,
    );
  }
  return shard;
}
