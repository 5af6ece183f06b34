import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  parseShard
} from "./chunk-M7YAZSTY.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";

// src/entry/cli/shard.ts
function shardFlag(value) {
  const shard = parseShard(value);
  if (!shard) {
    throw new PlumblineError(
      `--shard must be INDEX/COUNT, whole numbers with 1 \u2264 INDEX \u2264 COUNT (2/4 is the second of four shards); got '${value}'`
    );
  }
  return shard;
}

export {
  shardFlag
};
