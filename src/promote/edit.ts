/**
 * Rewrites scalars in a file's source text through yaml's CST, so the only bytes that change
 * are the values being replaced: comments, blank lines, key order, quoting, anchors, line
 * endings and every other document stay exactly as they were.
 */
import { CST, parse, type Scalar } from 'yaml';
import { PlumblineError } from '../errors.js';
import type { YamlFile } from './parse.js';
import type { ScalarEdit } from './plan.js';

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The file's new text with every edit applied; the edits must all belong to this file. */
export function applyEdits(file: YamlFile, edits: readonly ScalarEdit[]): string {
  const splices = edits.map((edit) => spliceFor(file, edit)).sort((a, b) => b.start - a.start);
  let text = file.text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const splice of splices) {
    if (splice.end > previousStart) throw failure(file, 'two edits overlap');
    text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    previousStart = splice.start;
  }
  return text;
}

function spliceFor(file: YamlFile, edit: ScalarEdit): Splice {
  const token = edit.scalar.srcToken;
  if (!token || !CST.isScalar(token))
    throw failure(file, `line ${edit.line}: the value is not a scalar in the source`);
  const before = CST.stringify(token);
  if (file.text.slice(token.offset, token.offset + before.length) !== before) {
    throw failure(file, `line ${edit.line}: the parsed source does not match the file`);
  }
  // Work on a copy: the parsed file stays as read, for verification and for a retry.
  const copy = structuredClone(token);
  CST.setScalarValue(copy, edit.to, { type: styleFor(edit.scalar, edit.to) });
  return { start: token.offset, end: token.offset + before.length, text: CST.stringify(copy) };
}

/**
 * Keep the scalar's style, except that a plain value YAML would read as something other than
 * the same string (`1.10` is the number 1.1, `true` a boolean) is double-quoted.
 */
function styleFor(scalar: Scalar, value: string): Scalar.Type {
  const type = scalar.type ?? 'PLAIN';
  if (type !== 'PLAIN') return type;
  let reads: unknown;
  try {
    reads = parse(value);
  } catch {
    return 'QUOTE_DOUBLE';
  }
  return reads === value ? 'PLAIN' : 'QUOTE_DOUBLE';
}

function failure(file: YamlFile, detail: string): PlumblineError {
  return new PlumblineError(
    `${file.path}: cannot edit safely: ${detail}`,
    'plumbline wrote nothing. Please report this file shape to the plumbline maintainers.',
  );
}
