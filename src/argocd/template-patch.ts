/**
 * An ApplicationSet's `templatePatch`, applied to each Application its template renders,
 * as Argo CD's controller applies it (applicationset/controllers/template/patch.go): the
 * patch is rendered with the Application's parameters, read as YAML, and applied as a
 * Kubernetes strategic merge patch over the Application type. That type names no merge
 * keys, so a list in the patch replaces the list, a map merges key by key, and null
 * removes a key; the directive `$patch: replace` in a map puts the map in place of the
 * one patched, `$patch: delete` removes it. `spec.project` is never changed by a patch,
 * which Argo CD keeps to stop a template from moving an Application to another project.
 */
import { isPlainMap, type PlainMap, setOwn } from '../yaml/merge-maps.js';

export class TemplatePatchError extends Error {}

const DIRECTIVE = '$patch';

/** The Application `rendered`, with `patch` applied; neither argument is changed. */
export function applyTemplatePatch(rendered: PlainMap, patch: unknown): PlainMap {
  if (!isPlainMap(patch)) throw new TemplatePatchError('spec.templatePatch renders no YAML map');
  const patched = mergePatch(rendered, patch, '');
  const result = patched === undefined ? {} : patched;
  const project = isPlainMap(rendered.spec) ? rendered.spec.project : undefined;
  const spec = isPlainMap(result.spec) ? { ...result.spec } : {};
  if (project === undefined) delete spec.project;
  else spec.project = project;
  if (Object.keys(spec).length > 0 || isPlainMap(result.spec)) result.spec = spec;
  return result;
}

/** `base` patched by the map `patch`; undefined when the patch deletes it. */
function mergePatch(base: unknown, patch: PlainMap, at: string): PlainMap | undefined {
  const directive = patch[DIRECTIVE];
  if (directive === 'delete') return undefined;
  const replace = directive === 'replace';
  if (directive !== undefined && !replace) {
    throw new TemplatePatchError(`spec.templatePatch${at}: $patch ${String(directive)} is not supported`);
  }
  const result: PlainMap = {};
  if (!replace && isPlainMap(base))
    for (const [key, value] of Object.entries(base)) setOwn(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE) continue;
    if (key.startsWith('$')) {
      throw new TemplatePatchError(`spec.templatePatch${at}: the directive ${key} is not supported`);
    }
    if (value === null) {
      delete result[key];
    } else if (isPlainMap(value)) {
      const merged = mergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value, `${at}.${key}`);
      if (merged === undefined) delete result[key];
      else setOwn(result, key, merged);
    } else {
      setOwn(result, key, value);
    }
  }
  return result;
}
