/**
 * A chart folder as helm reads it: every file in it, through links (helm follows symbolic
 * links while it loads a chart, and `.Files.Get` hands any file to a template), the
 * subchart archives in it (`charts/*.tgz`, opened by helm, archives within archives too),
 * and the JSON schemas helm validates values against, whose `$ref`s helm would resolve
 * over the network or from the runner's files. Everything must stay inside the repository.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { PlumblineError } from '../errors.js';
import { type Boundary, walkInside } from './containment.js';

const SCHEMA_FILE = 'values.schema.json';
/** What plumbline unpacks of one chart's archives to read their schemas; helm reads far less. */
const ARCHIVE_BYTES_LIMIT = 64 * 1024 * 1024;

export async function requireChartInside(boundary: Boundary, chart: string): Promise<void> {
  const budget = { bytes: ARCHIVE_BYTES_LIMIT };
  for (const { real, shown } of await walkInside(boundary, chart)) {
    if (shown.endsWith(`/${SCHEMA_FILE}`)) {
      if (hasOutsideReference(await readFile(real, 'utf8'))) throw outsideSchema(shown);
    } else if (shown.endsWith('.tgz')) {
      await checkArchive(createReadStream(real), shown, budget);
    }
  }
}

/** A chart archive plumbline fetched: its schemas (and its subcharts') must not reach outside it. */
export async function checkChartArchive(file: string, shown: string): Promise<void> {
  await checkArchive(createReadStream(file), shown, { bytes: ARCHIVE_BYTES_LIMIT });
}

/** The schemas inside a chart archive (and the archives inside it), as helm would load them. */
async function checkArchive(archive: Readable, shown: string, budget: { bytes: number }): Promise<void> {
  const extract = tar.extract();
  const nested: Array<{ name: string; content: Buffer }> = [];
  extract.on('entry', (header, stream, next) => {
    const wanted = header.name.endsWith(SCHEMA_FILE) || header.name.endsWith('.tgz');
    const chunks: Buffer[] = [];
    stream.on('data', (data: unknown) => {
      const chunk = data as Buffer;
      budget.bytes -= chunk.length;
      if (budget.bytes < 0) stream.destroy(tooLarge(shown));
      else if (wanted) chunks.push(chunk);
    });
    stream.on('end', () => {
      if (wanted) nested.push({ name: header.name, content: Buffer.concat(chunks) });
      next();
    });
    stream.on('error', next);
  });
  try {
    await pipeline(archive, createGunzip(), extract);
  } catch (error) {
    if (error instanceof PlumblineError) throw error;
    // helm reports an archive it cannot read, in its own words.
    return;
  }
  for (const entry of nested) {
    const where = `${shown}:${entry.name}`;
    if (entry.name.endsWith('.tgz')) await checkArchive(Readable.from([entry.content]), where, budget);
    else if (hasOutsideReference(entry.content.toString('utf8'))) throw outsideSchema(where);
  }
}

function outsideSchema(shown: string): PlumblineError {
  return new PlumblineError(
    `${shown} refers to a schema outside the chart ("$ref" to a URL or file), which helm would fetch while rendering`,
    'Inline the referenced schema, or use "$ref": "#/…" references within the file.',
  );
}

function tooLarge(shown: string): PlumblineError {
  return new PlumblineError(
    `${shown} unpacks to more than ${ARCHIVE_BYTES_LIMIT} bytes`,
    'Vendor smaller subcharts, or unpack them into the chart folder.',
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
      if ((key === '$ref' || key === '$id') && typeof value === 'string' && !value.startsWith('#'))
        return true;
      pending.push(value);
    }
  }
  return false;
}
