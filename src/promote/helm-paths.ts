/**
 * Helm values paths that hold an image: `image`, `sidecar.image`, `containers[name=app].image`,
 * `jobs[0].image`. A list item is selected by index or by the value of one of its keys.
 */
import type { Document, Node } from 'yaml';
import { PlumblineError } from '../errors.js';
import { mapAt, resolve, seqItems, textIn } from './scalars.js';

type Selector = { index: number } | { key: string; value: string };
interface Segment {
  key: string;
  selectors: Selector[];
}

export type HelmPath = Segment[];

const segmentPattern = /^([^.[\]]+)((?:\[[^\]]+\])*)$/;

export function parseHelmPath(path: string): HelmPath {
  return path.split('.').map((part) => {
    const match = segmentPattern.exec(part);
    if (!match) throw invalid(path);
    const selectors = [...(match[2] ?? '').matchAll(/\[([^\]]+)\]/g)].map(([, inner = '']): Selector => {
      if (/^\d+$/.test(inner)) return { index: Number(inner) };
      const eq = inner.indexOf('=');
      if (eq <= 0) throw invalid(path);
      return { key: inner.slice(0, eq).trim(), value: inner.slice(eq + 1).trim() };
    });
    return { key: match[1] ?? '', selectors };
  });
}

function invalid(path: string): PlumblineError {
  return new PlumblineError(
    `helm image path '${path}' is not valid`,
    'Write paths like `image`, `sidecar.image`, `containers[name=app].image` or `jobs[0].image`.',
  );
}

/**
 * The node at a path, or undefined when the values do not have it. `root`: where the values
 * start (default: the document; a HelmRelease's spec.values).
 */
export function nodeAtHelmPath(
  document: Document.Parsed,
  path: HelmPath,
  root: unknown = document.contents,
): Node | undefined {
  let node: Node | undefined = resolve(document, root);
  for (const segment of path) {
    const map = mapAt(document, node);
    if (!map) return undefined;
    node = resolve(document, map.get(segment.key, true));
    for (const selector of segment.selectors) {
      const items = seqItems(document, node);
      if ('index' in selector) {
        node = resolve(document, items[selector.index]);
      } else {
        node = resolve(
          document,
          items.find((item) => {
            return textIn(document, mapAt(document, item), selector.key) === selector.value;
          }),
        );
      }
    }
  }
  return node;
}
