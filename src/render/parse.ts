/**
 * Manifest text -> Resource[]: multi-document YAML with the line each object starts on,
 * list kinds expanded into their items, empty documents skipped. Secrets are masked here,
 * before any other code sees the object, so no later log, error or report can reveal a
 * value; for the same reason an error names file, line, column and reason, never a
 * fragment of the text.
 */
import { type Document, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { maskSecret } from '../diff/mask.js';
import { PlumblineError } from '../errors.js';
import { type KubeObject, type Resource, type SourceLocation, toResource } from '../resource.js';
import { aliasBudget, plainValue } from '../yaml/plain-value.js';
import { syntaxReason } from '../yaml/syntax-reason.js';

export interface ManifestStream {
  text: string;
  /**
   * Where the document starting at `line` (1-based, in `text`) came from. `comment` is the
   * comment right above it, which is where helm names the template (`# Source: ...`).
   */
  locate(line: number, comment: string | undefined): SourceLocation;
  /** How an error names a place in `text`, e.g. `envs/dev/app.yaml:12:3`. */
  describe(line: number, column: number): string;
  /**
   * `later`: Secrets are left unmasked for a caller that still changes the objects and
   * masks every one of them before anything else sees them (render/flux.ts substitutes
   * variables first, and a substituted object may only then be a Secret). Default `now`.
   */
  masking?: 'now' | 'later';
}

const OBJECT_HINT =
  'Every YAML document of an environment must be a Kubernetes object with apiVersion, kind and metadata.name.';

/**
 * A backstop against a stream that would build millions of objects. The configurable
 * per-environment limit (render.limits.objects, 10,000 by default) is enforced by the
 * renderer; this one sits well above any value it is sensibly given.
 */
const MAX_OBJECTS = 100_000;

export function parseManifests(stream: ManifestStream): Resource[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(stream.text, {
    lineCounter,
    // prettyErrors adds a snippet of the source to messages; a snippet of a Secret must not.
    prettyErrors: false,
    uniqueKeys: true,
    // Warnings would print the text of a collection used as a key on stderr.
    logLevel: 'error',
  });
  const position = (offset: number) => lineCounter.linePos(offset);
  const describeOffset = (offset: number) => {
    const { line, col } = position(offset);
    return stream.describe(line, col);
  };
  const list = Array.isArray(documents) ? documents : [];

  const syntaxErrors = list.flatMap((document) => document.errors);
  if (syntaxErrors.length > 0) {
    const messages = syntaxErrors.map(
      (error) => `${describeOffset(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`,
    );
    throw new PlumblineError(
      messages.join('\n'),
      'Fix the YAML at that line; every manifest must parse as YAML.',
    );
  }

  const budget = aliasBudget();
  const resources: Resource[] = [];
  for (const document of list) {
    const parsed = plainValue(document, budget);
    if (!parsed.ok) {
      throw new PlumblineError(
        `${describeOffset(parsed.offset)}: YAML aliases: ${parsed.reason}`,
        'Write the aliased part out in full, or make each alias (*name) name an anchor (&name) defined before it.',
      );
    }
    // `---` followed by nothing (or a comment only) is an empty document: helm and
    // kustomize output and hand-written files all have them.
    if (parsed.value === null || parsed.value === undefined) continue;
    const line = position(startOf(document.contents as Node)).line;
    // After a `---` line, yaml attaches the leading comment to the contents, not the document.
    const comment = document.commentBefore ?? (document.contents as Node).commentBefore ?? undefined;
    const place: Place = { document, path: [], line, position, describe: stream.describe };
    for (const item of objectsIn(parsed.value, place)) {
      const where = stream.describe(item.line, 1);
      if (resources.length === MAX_OBJECTS) {
        throw new PlumblineError(
          `${where}: more than ${MAX_OBJECTS.toLocaleString('en-US')} objects in one manifest stream`,
          'Split the environment into smaller ones.',
        );
      }
      const object = asKubeObject(item.object, where);
      const read = stream.masking === 'later' ? object : maskSecret(object);
      resources.push(toResource(read, stream.locate(item.line, comment)));
    }
  }
  return resources;
}

interface Place {
  document: Document.Parsed;
  /** Where the value sits in the document, for the line of a list item. */
  path: Array<string | number>;
  line: number;
  position: (offset: number) => { line: number };
  describe: ManifestStream['describe'];
}

/**
 * The objects a value stands for: the items of a list kind (`List`, `SecretList`, any
 * `FooList` with `items`), at any depth, as kubectl applies them; anything else is itself.
 * Each item is an object of its own, so a Secret in a list is masked like any other.
 */
function* objectsIn(value: unknown, place: Place): Generator<{ object: unknown; line: number }> {
  if (!isListKind(value)) {
    yield { object: value, line: place.line };
    return;
  }
  if (!Array.isArray(value.items)) {
    throw new PlumblineError(
      `${place.describe(place.line, 1)}: the items of a list kind must be a sequence`,
      OBJECT_HINT,
    );
  }
  for (const [index, item] of value.items.entries()) {
    const path = [...place.path, 'items', index];
    // An item that came through an alias has no node of its own: it takes the list's line.
    const node = place.document.getIn(path, true) as Node | undefined;
    const line = node?.range ? place.position(startOf(node)).line : place.line;
    yield* objectsIn(item, { ...place, path, line });
  }
}

function isListKind(value: unknown): value is { items: unknown } {
  const record = value as Record<string, unknown> | null;
  return (
    record !== null &&
    typeof record === 'object' &&
    typeof record.kind === 'string' &&
    record.kind.endsWith('List') &&
    'items' in record
  );
}

function startOf(node: Node): number {
  return node.range?.[0] ?? 0;
}

function asKubeObject(value: unknown, where: string): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PlumblineError(
      // The value itself stays out of the message: it could be part of a Secret.
      `${where}: this document is ${value === null ? 'empty' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a Kubernetes object`,
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
