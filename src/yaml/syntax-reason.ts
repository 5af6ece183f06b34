/**
 * The reason of a YAML syntax error, told without a fragment of the text it is about.
 *
 * Some of the yaml package's messages quote the source (a tag, a directive, a block
 * scalar header, an unreadable token, a duplicate !!omap key), and in a manifest that text
 * can be part of a Secret; in a configuration file that turned out to be something else
 * (a symlink to /proc/self/environ) it can be anything. So yaml's message is kept only when
 * it is one of the package's fixed sentences, or a template filled with a token type; any
 * other message is replaced by a sentence for its error code. Keys are never quoted either:
 * a value that a slip of indentation turned into a key is still a value. The file, line and
 * column that every caller adds say where to look.
 */
import type { ErrorCode, YAMLError } from 'yaml';

const FIXED_MESSAGES = new Set([
  'A block sequence may not be used as an implicit map key',
  'A node can have at most one anchor',
  'A node can have at most one tag',
  'Alias cannot be an empty string',
  'Alias ending in : is ambiguous',
  'All mapping items must start at the same column',
  'All sequence items must start at the same column',
  'An alias node must not specify any properties',
  'Anchor cannot be an empty string',
  'Anchor ending in : is ambiguous',
  'Block collection cannot start on same line with directives-end marker',
  'Block collections are not allowed within flow collections',
  'Block scalar lines must not be less indented than their explicit indentation indicator',
  'Block scalar lines must not be less indented than their first line',
  'Block scalar values in collections must be indented',
  'Block scalars with more-indented leading empty lines must use an explicit indentation indicator',
  'Comments must be separated from other tokens by white space characters',
  'Flow end indicator should be more indented than parent',
  'Implicit keys need to be on a single line',
  'Implicit keys of flow sequence pairs need to be on a single line',
  'Implicit map keys need to be followed by map values',
  'Map keys must be unique',
  'Missing closing "quote',
  "Missing closing 'quote",
  'Missing directives-end indicator line',
  'Missing directives-end/doc-start indicator line',
  'Missing newline after block sequence props',
  'Nested mappings are not allowed in compact mappings',
  'Sequence item without - indicator',
  'Tabs are not allowed as indentation',
  'Tags and anchors must be separated from the next token by white space',
  'The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
  'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key',
  'Unexpected block-seq-ind on same line with key',
  'Unexpected doc-end without preceding document',
  ...['a tab character', 'flow indicator character ,', 'directive indicator character %']
    .concat(['|', '>'].map((indicator) => `block scalar indicator ${indicator}`))
    .concat(['@', '`'].map((character) => `reserved character ${character}`))
    .map((what) => `Plain value cannot start with ${what}`),
  ...['flow map', 'flow sequence'].flatMap((collection) => {
    const Collection = collection[0]!.toUpperCase() + collection.slice(1);
    return [
      `Unexpected , in ${collection}`,
      `Unexpected empty item in ${collection}`,
      `Missing , between ${collection} items`,
      `Missing , or : between ${collection} items`,
      `Missing space after : in ${collection}`,
      ...['}', ']'].flatMap((end) => [
        `${Collection} must end with a ${end}`,
        `${Collection} in block collection must be sufficiently indented and end with a ${end}`,
      ]),
    ];
  }),
]);

/** Messages whose only variable part is the type of a token, never its text. */
const TOKEN_TYPE_TEMPLATES = [
  /^Unexpected ([a-z-]+) at node end$/,
  /^Unexpected ([a-z-]+) token(?: in YAML (?:stream|document))?$/,
  /^Expected a flow scalar value, but found: ([a-z-]+)$/,
  /^Unexpected token in block scalar header: ([a-z-]+)$/,
  /^Unsupported token \(type: ([a-z-]+)\)$/,
];

const TOKEN_TYPES = new Set([
  ...['byte-order-mark', 'doc-mode', 'doc-start', 'doc-end', 'space', 'comment', 'newline'],
  ...['directive-line', 'directive', 'document', 'anchor', 'tag', 'comma', 'error'],
  ...['seq-item-ind', 'explicit-key-ind', 'map-value-ind', 'block-scalar-header'],
  ...['flow-map-start', 'flow-map-end', 'flow-seq-start', 'flow-seq-end', 'flow-error-end'],
  ...['alias', 'scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar'],
  ...['block-map', 'block-seq', 'flow-collection'],
]);

const REASON_BY_CODE: Record<ErrorCode, string> = {
  ALIAS_PROPS: 'an alias must not have a tag or an anchor',
  BAD_ALIAS: 'an alias or anchor name is not valid',
  BAD_COLLECTION_TYPE: 'a tag does not fit the collection it is on',
  BAD_DIRECTIVE: 'a % directive is not valid',
  BAD_DQ_ESCAPE: 'a double-quoted string has an invalid escape sequence',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchors and tags must come after the -, ? or : indicator',
  BAD_SCALAR_START: 'a plain value starts with a character YAML reserves',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection cannot be a key',
  BLOCK_IN_FLOW: 'block collections are not allowed within flow collections',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  IMPOSSIBLE: 'the text cannot be read as YAML',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR: 'a character is missing (a closing quote or bracket, a space, a ":" or a "-")',
  MULTILINE_IMPLICIT_KEY: 'implicit keys need to be on a single line',
  MULTIPLE_ANCHORS: 'a node can have at most one anchor',
  MULTIPLE_DOCS: 'more than one document where one is expected',
  MULTIPLE_TAGS: 'a node can have at most one tag',
  NON_STRING_KEY: 'keys must be strings',
  RESOURCE_EXHAUSTION: 'the document is nested too deeply to read',
  TAB_AS_INDENT: 'tabs are not allowed as indentation',
  TAG_RESOLVE_FAILED: 'a tag cannot be resolved, or the value does not fit it',
  UNEXPECTED_TOKEN: 'unexpected text at this position',
};

export function syntaxReason(error: Pick<YAMLError, 'code' | 'message'>): string {
  if (FIXED_MESSAGES.has(error.message)) return error.message;
  for (const template of TOKEN_TYPE_TEMPLATES) {
    const type = template.exec(error.message)?.[1];
    if (type !== undefined && TOKEN_TYPES.has(type)) return error.message;
  }
  return REASON_BY_CODE[error.code] ?? 'the text cannot be read as YAML';
}
