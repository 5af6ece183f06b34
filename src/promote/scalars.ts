/** Small readers over yaml nodes that follow aliases and keep a plain scalar's text as written. */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';

/** The node itself, or the anchored node an alias points to. */
export function resolve(document: Document.Parsed, node: unknown): Node | undefined {
  if (isAlias(node)) return node.resolve(document) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

export function mapAt(document: Document.Parsed, node: unknown): YAMLMap | undefined {
  const resolved = resolve(document, node);
  return isMap(resolved) ? resolved : undefined;
}

export function seqItems(document: Document.Parsed, node: unknown): unknown[] {
  const resolved = resolve(document, node);
  return isSeq(resolved) ? resolved.items : [];
}

/** A scalar child of a map, following an alias to its anchor (editing the anchor edits every alias). */
export function scalarIn(
  document: Document.Parsed,
  map: YAMLMap | undefined,
  key: string,
): Scalar | undefined {
  const resolved = resolve(document, map?.get(key, true));
  return isScalar(resolved) ? resolved : undefined;
}

/**
 * The text of a scalar. A plain `1.20` is the number 1.2 to YAML but the tag `1.20` to a person
 * and to Helm templates that quote it, so plain scalars read as written.
 */
export function scalarText(scalar: Scalar | undefined): string | undefined {
  if (!scalar || scalar.value === null || scalar.value === undefined) return undefined;
  if (scalar.type === 'PLAIN' && typeof scalar.source === 'string') return scalar.source;
  if (typeof scalar.value === 'string') return scalar.value;
  return String(scalar.value);
}

export function textIn(document: Document.Parsed, map: YAMLMap | undefined, key: string): string | undefined {
  return scalarText(scalarIn(document, map, key));
}
