/** Parses a YAML file into Documents that remember their source tokens, so edits can be exact. */
import { type Document, LineCounter, parseAllDocuments } from 'yaml';
import { PlumblineError } from '../errors.js';

export interface YamlFile {
  /** Path relative to the repository root, as shown to users. */
  path: string;
  text: string;
  documents: Document.Parsed[];
  lines: LineCounter;
}

export function parseYamlFile(path: string, text: string): YamlFile {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { keepSourceTokens: true, lineCounter: lines, uniqueKeys: false });
  // parseAllDocuments returns an EmptyStream (not an array) for a file with no documents.
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw new PlumblineError(
        `${path}:${line}:${col}: not valid YAML: ${firstLine(error.message)}`,
        'Fix the YAML in this file; plumbline wrote nothing.',
      );
    }
  }
  return { path, text, documents, lines };
}

/** 1-based line of an offset in a parsed file. */
export function lineAt(file: YamlFile, offset: number): number {
  return file.lines.linePos(offset).line;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
