/**
 * Manifest text -> Resource[]: multi-document YAML with the line each object starts on,
 * `kind: List` expanded, empty documents skipped. Secrets are masked here, before any
 * other code sees the object, so no later log, error or report can reveal a value.
 */
import { type Document, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { maskSecret } from '../diff/mask.js';
import { PlumblineError } from '../errors.js';
import { type KubeObject, type Resource, type SourceLocation, toResource } from '../resource.js';

export interface ManifestStream {
  text: string;
  /**
   * Where the document starting at `line` (1-based, in `text`) came from. `comment` is the
   * comment right above it, which is where helm names the template (`# Source: ...`).
   */
  locate(line: number, comment: string | undefined): SourceLocation;
  /** How an error names a place in `text`, e.g. `envs/dev/app.yaml:12:3`. */
  describe(line: number, column: number): string;
}

const OBJECT_HINT =
  'Every YAML document of an environment must be a Kubernetes object with apiVersion, kind and metadata.name.';

export function parseManifests(stream: ManifestStream): Resource[] {
  const lineCounter = new LineCounter();
  // prettyErrors adds a snippet of the source to messages; a snippet of a Secret must not.
  const documents = parseAllDocuments(stream.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => lineCounter.linePos(offset);
  const list = Array.isArray(documents) ? documents : [];

  const syntaxErrors = list.flatMap((document) => document.errors);
  if (syntaxErrors.length > 0) {
    const messages = syntaxErrors.map((error) => {
      const { line, col } = position(error.pos[0]);
      return `${stream.describe(line, col)}: YAML syntax: ${error.message}`;
    });
    throw new PlumblineError(
      messages.join('\n'),
      'Fix the YAML at that line; every manifest must parse as YAML.',
    );
  }

  const resources: Resource[] = [];
  for (const document of list) {
    const value: unknown = document.toJS({ maxAliasCount: 1000 });
    // `---` followed by nothing (or a comment only) is an empty document: helm and
    // kustomize output and hand-written files all have them.
    if (value === null || value === undefined) continue;
    const line = position(startOf(document.contents as Node)).line;
    // After a `---` line, yaml attaches the leading comment to the contents, not the document.
    const comment = document.commentBefore ?? (document.contents as Node).commentBefore ?? undefined;
    for (const item of expandLists(document, value, line, position)) {
      const object = asKubeObject(item.object, stream.describe(item.line, 1));
      resources.push(toResource(maskSecret(object), stream.locate(item.line, comment)));
    }
  }
  return resources;
}

function expandLists(
  document: Document.Parsed,
  value: unknown,
  line: number,
  position: (offset: number) => { line: number },
): Array<{ object: unknown; line: number }> {
  if (!isListObject(value)) return [{ object: value, line }];
  return value.items.map((item, index) => {
    const node = document.getIn(['items', index], true) as Node | undefined;
    return { object: item, line: node ? position(startOf(node)).line : line };
  });
}

function isListObject(value: unknown): value is { items: unknown[] } {
  const record = value as Record<string, unknown> | null;
  return (
    record !== null &&
    typeof record === 'object' &&
    record.kind === 'List' &&
    typeof record.apiVersion === 'string' &&
    Array.isArray(record.items)
  );
}

function startOf(node: Node): number {
  return node.range?.[0] ?? 0;
}

function asKubeObject(value: unknown, where: string): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlumblineError(
      // The value itself stays out of the message: it could be part of a Secret.
      `${where}: this document is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a Kubernetes object`,
      OBJECT_HINT,
    );
  }
  const record = value as Record<string, unknown>;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  const missing = [
    isText(record.apiVersion) ? undefined : 'apiVersion',
    isText(record.kind) ? undefined : 'kind',
    metadata !== null && typeof metadata === 'object' && isText(metadata.name) ? undefined : 'metadata.name',
  ].filter((field) => field !== undefined);
  if (missing.length > 0) {
    const generated = metadata !== null && typeof metadata === 'object' && isText(metadata.generateName);
    throw new PlumblineError(
      `${where}: not a Kubernetes object: missing ${missing.join(', ')}`,
      generated
        ? 'plumbline compares objects by name; metadata.generateName gives a new name on every apply, so set metadata.name.'
        : OBJECT_HINT,
    );
  }
  return value as KubeObject;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}
