/**
 * After an edit, re-parses the new text and checks that exactly the intended scalars changed
 * and nothing else did: same documents, same structure, same keys, same values, same anchors.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { PlumblineError } from '../errors.js';
import { parseYamlFile, type YamlFile } from './parse.js';
import type { ScalarEdit } from './plan.js';
import { scalarText } from './scalars.js';

export function verifyEdits(original: YamlFile, newText: string, edits: readonly ScalarEdit[]): void {
  let edited: YamlFile;
  try {
    edited = parseYamlFile(original.path, newText);
  } catch (error) {
    throw mismatch(original, `the edited file no longer parses (${(error as Error).message})`);
  }
  const wanted = new Map<Scalar, string>(edits.map((edit) => [edit.scalar, edit.to]));
  const seen = new Set<Scalar>();
  if (edited.documents.length !== original.documents.length) {
    throw mismatch(original, 'the number of documents changed');
  }
  original.documents.forEach((document, index) => {
    const other = edited.documents[index] as Document.Parsed;
    compare(document.contents, other.contents, wanted, seen, original, `document ${index + 1}`);
  });
  for (const edit of edits) {
    if (!seen.has(edit.scalar))
      throw mismatch(original, `line ${edit.line}: the edited value was not found again`);
  }
}

function compare(
  a: unknown,
  b: unknown,
  wanted: Map<Scalar, string>,
  seen: Set<Scalar>,
  file: YamlFile,
  where: string,
): void {
  const node = a as Node | null;
  const other = b as Node | null;
  if (node === null || other === null) {
    if (node !== other) throw mismatch(file, `${where} changed`);
    return;
  }
  if (node.anchor !== other.anchor || node.tag !== other.tag)
    throw mismatch(file, `${where}: an anchor or tag changed`);
  if (isAlias(node)) {
    if (!isAlias(other) || node.source !== other.source) throw mismatch(file, `${where}: an alias changed`);
    return;
  }
  if (isScalar(node)) {
    if (!isScalar(other)) throw mismatch(file, `${where} changed kind`);
    const intended = wanted.get(node);
    if (intended !== undefined) {
      seen.add(node);
      if (other.value !== intended) {
        throw mismatch(file, `${where} reads '${scalarText(other)}' instead of '${intended}'`);
      }
    } else if (node.value !== other.value && !(Number.isNaN(node.value) && Number.isNaN(other.value))) {
      throw mismatch(file, `${where} changed although it was not meant to`);
    }
    return;
  }
  if (isMap(node) || isSeq(node)) {
    if (node.constructor !== other.constructor || !('items' in other))
      throw mismatch(file, `${where} changed kind`);
    const items = other.items as unknown[];
    if (items.length !== node.items.length) throw mismatch(file, `${where}: items were added or removed`);
    node.items.forEach((item, index) => {
      const otherItem = items[index];
      if (isPair(item)) {
        if (!isPair(otherItem)) throw mismatch(file, `${where} changed kind`);
        const key = isScalar(item.key) ? String(item.key.value) : `#${index}`;
        compare(item.key, otherItem.key, wanted, seen, file, `${where}.${key} (key)`);
        compare(item.value, otherItem.value, wanted, seen, file, `${where}.${key}`);
      } else {
        compare(item, otherItem, wanted, seen, file, `${where}[${index}]`);
      }
    });
    return;
  }
  throw mismatch(file, `${where}: unexpected node`);
}

function mismatch(file: YamlFile, detail: string): PlumblineError {
  return new PlumblineError(
    `${file.path}: the edit did not verify: ${detail}`,
    'plumbline wrote nothing. Please report this file shape to the plumbline maintainers.',
  );
}
