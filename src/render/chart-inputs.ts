/**
 * A chart folder as helm reads it: every file in it (helm follows symbolic links while it
 * loads a chart, and `.Files.Get` hands any of them to a template), and the JSON schemas
 * helm validates values against, whose `$ref`s helm would resolve over the network or
 * from the runner's files. Both must stay inside the repository.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { PlumblineError } from '../errors.js';
import { type Boundary, realPathInside, requireLinksInside } from './containment.js';

const SCHEMA_FILE = 'values.schema.json';

export async function requireChartInside(boundary: Boundary, chart: string): Promise<void> {
  await requireLinksInside(boundary, chart);
  for (const schema of await schemaFiles(boundary, chart)) {
    const text = await readFile(join(boundary.root, schema), 'utf8');
    if (hasOutsideReference(text)) {
      throw new PlumblineError(
        `${schema} refers to a schema outside the chart ("$ref" to a URL or file), which helm would fetch while rendering`,
        'Inline the referenced schema, or use "$ref": "#/…" references within the file.',
      );
    }
  }
}

/** Every values.schema.json of the chart and its subcharts, repository-relative. */
async function schemaFiles(boundary: Boundary, chart: string): Promise<string[]> {
  const real = await realPathInside(boundary, chart);
  if (real === undefined) return [];
  const entries = await readdir(real, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.name === SCHEMA_FILE)
    .map((entry) =>
      posix.join(chart, posix.relative(real, entry.parentPath.split('\\').join('/')), entry.name),
    );
}

/**
 * A `$ref` that is not a fragment of the same document, or an `$id`, which rebases every
 * reference below it. `$schema` names the draft and is not fetched.
 */
function hasOutsideReference(text: string): boolean {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return false; // helm reports a schema that does not parse, in its own words
  }
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
      if (key === '$id' && typeof value === 'string' && !value.startsWith('#')) return true;
      pending.push(value);
    }
  }
  return false;
}
