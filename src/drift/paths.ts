/**
 * Field pointers as drift reads and shows them: the value a pointer reaches in a live
 * object (named list items `[name]` included), and the dotted form people know from
 * kubectl, `spec.template.spec.containers[app].image`.
 */
import { parsePointer } from '../diff/pointer.js';

/** The value at `pointer`, or undefined when the object has nothing there. */
export function valueAt(object: unknown, pointer: string): unknown {
  let value = object;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(value)) {
      const named = /^\[(.*)\]$/s.exec(segment);
      value = named
        ? value.find(
            (item) =>
              item !== null && typeof item === 'object' && (item as { name?: unknown }).name === named[1],
          )
        : value[Number(segment)];
    } else if (value !== null && typeof value === 'object') {
      value = (value as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return value;
}

/** `spec.template.spec.containers[app].image`; indexes as `args[0]`. */
export function dottedPath(pointer: string): string {
  let text = '';
  for (const segment of parsePointer(pointer)) {
    if (/^\[.*\]$/s.test(segment)) text += segment;
    else if (/^\d+$/.test(segment)) text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    // Keys such as annotation names hold dots and slashes: quote them as kubectl's jsonpath does.
    else text += `['${segment}']`;
  }
  return text;
}
