/**
 * Kubernetes label selectors in their text form (`app=web,tier in (a,b),!legacy`), as a
 * Flux selector's `labelSelector` and `annotationSelector` are written, parsed and matched
 * against a map as Kubernetes' labels.Parse does. Pure.
 */

export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}

type Requirement =
  | { op: 'exists' | 'absent'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'gt' | 'lt'; key: string; value: number };

export interface LabelSelector {
  matches(labels: Readonly<Record<string, string>>): boolean;
}

// A key: an optional DNS-subdomain prefix and `/`, then a name; a value: the name's
// characters, or empty.
const KEY = '(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const VALUE = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?';
const EXISTS = new RegExp(`^(${KEY})$`);
const ABSENT = new RegExp(`^!\\s*(${KEY})$`);
const EQUALS = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const COMPARE = new RegExp(`^(${KEY})\\s*(>|<)\\s*(-?\\d{1,18})$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Parses a selector; the empty selector matches everything. Throws SelectorError. */
export function parseLabelSelector(text: string): LabelSelector {
  if (text.length > 4096) throw new SelectorError('the selector is longer than 4096 characters');
  const requirements = splitRequirements(text)
    .map((part) => part.trim())
    .filter((part, _, all) => part !== '' || all.length > 1)
    .map(requirement);
  return { matches: (labels) => requirements.every((req) => satisfies(req, labels)) };
}

/** Splits at the commas outside parentheses. */
function splitRequirements(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.length === 1 && parts[0]!.trim() === '' ? [] : parts;
}

function requirement(part: string): Requirement {
  let match = ABSENT.exec(part);
  if (match) return { op: 'absent', key: match[1]! };
  match = EXISTS.exec(part);
  if (match) return { op: 'exists', key: match[1]! };
  match = EQUALS.exec(part);
  if (match) return { op: match[2] === '!=' ? 'notin' : 'in', key: match[1]!, values: [match[3]!] };
  match = SET.exec(part);
  if (match) {
    const values = match[3]!.split(',').map((value) => value.trim());
    if (!values.every((value) => VALUE_ONLY.test(value))) {
      throw new SelectorError('the selector has a value that is not a label value');
    }
    return { op: match[2] === 'in' ? 'in' : 'notin', key: match[1]!, values };
  }
  match = COMPARE.exec(part);
  if (match) return { op: match[2] === '>' ? 'gt' : 'lt', key: match[1]!, value: Number(match[3]) };
  throw new SelectorError(
    'the selector has a requirement that is not of the form key, !key, key=value, key!=value, key in (…), key notin (…), key>n or key<n',
  );
}

function satisfies(req: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, req.key);
  const value = has ? labels[req.key]! : undefined;
  switch (req.op) {
    case 'exists':
      return has;
    case 'absent':
      return !has;
    case 'in':
      return value !== undefined && req.values.includes(value);
    case 'notin':
      return value === undefined || !req.values.includes(value);
    case 'gt':
    case 'lt': {
      if (value === undefined || !/^-?\d+$/.test(value)) return false;
      return req.op === 'gt' ? Number(value) > req.value : Number(value) < req.value;
    }
  }
}
