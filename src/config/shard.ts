/**
 * Which shard of a fleet an environment belongs to: a stable hash of its name, so the same
 * environment lands in the same shard for the same count whatever else the fleet holds
 * (adding an environment moves no other).
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** From 1. */
  index: number;
  count: number;
}

export function shardOf(environment: string, count: number): number {
  const hash = createHash('sha256').update(environment).digest();
  return (hash.readUInt32BE(0) % count) + 1;
}

export function inShard(environment: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(environment, shard.count) === shard.index;
}

/**
 * `INDEX/COUNT` (`2/4`: the second of four shards) as a Shard; undefined unless both are
 * whole numbers with 1 ≤ INDEX ≤ COUNT. Entries word the error in their own terms.
 */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*([1-9]\d{0,5})\s*\/\s*([1-9]\d{0,5})\s*$/.exec(text);
  if (!match) return undefined;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.index <= shard.count ? shard : undefined;
}
