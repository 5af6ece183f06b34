/**
 * Maps a JSON instance path (as ajv reports it, e.g. `/environments/1/renderer`) back to
 * the line and column of the YAML node it came from.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Position } from './problems.js';

export type Segment = string | number;

/** `/environments/1/name` -> ['environments', 1, 'name'] (RFC 6901 unescaping). */
export function parseInstancePath(instancePath: string): Segment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      return /^\d+$/.test(segment) ? Number(segment) : segment;
    });
}

/** `['environments', 1, 'name']` -> `environments[1].name`, the way the docs name fields. */
export function fieldName(segments: Segment[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

export interface NodeLocator {
  /** Position of the value at `segments`, or of the deepest node that exists on the way. */
  valueAt(segments: Segment[]): Position;
  /** Position of the key of the last segment (for unknown or duplicate fields). */
  keyAt(segments: Segment[]): Position;
}

export function nodeLocator(document: Document, lineCounter: LineCounter): NodeLocator {
  const position = (node: Node | null | undefined): Position => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // Walks as far as the document goes; returns the last node found and, for a map entry,
  // its key node.
  const walk = (segments: Segment[]): { node: Node | null; key: Node | null } => {
    let node = document.contents as Node | null;
    let key: Node | null = null;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
        );
        if (!pair) break;
        key = pair.key as Node;
        // `promote:` with nothing after it has no value node; the key is the best place.
        node = (pair.value as Node | null) ?? key;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        key = null;
        node = item;
      } else {
        break;
      }
    }
    return { node, key };
  };

  return {
    valueAt: (segments) => position(walk(segments).node),
    keyAt: (segments) => {
      const { node, key } = walk(segments);
      return position(key ?? node);
    },
  };
}
