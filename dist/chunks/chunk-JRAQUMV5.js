import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  addWorktree,
  checkOutAll,
  checkOutPaths,
  joinPointer,
  listItemNames,
  namedItemSegment,
  parsePointer,
  require_dist,
  runGit
} from "./chunk-I3R6E5OK.js";
import {
  PlumblineError,
  describeError
} from "./chunk-HOINZ2KI.js";
import {
  __toESM
} from "./chunk-4PGWNIJS.js";

// src/diff/fields.ts
function changedFields(before, after) {
  const paths = [];
  walk(before, after, [], paths);
  return paths;
}
function walk(before, after, path, out) {
  if (Object.is(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    walkLists(before, after, path, out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = /* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) walk(before[key], after[key], [...path, key], out);
    return;
  }
  out.push(joinPointer(path));
}
function walkLists(before, after, path, out) {
  const beforeNames = listItemNames(before);
  const afterNames = listItemNames(after);
  if (beforeNames && afterNames) {
    const beforeByName = new Map(beforeNames.map((name, index) => [name, before[index]]));
    const afterByName = new Map(afterNames.map((name, index) => [name, after[index]]));
    for (const name of /* @__PURE__ */ new Set([...beforeNames, ...afterNames])) {
      walk(beforeByName.get(name), afterByName.get(name), [...path, namedItemSegment(name)], out);
    }
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index++)
    walk(before[index], after[index], [...path, String(index)], out);
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/diff/ignore.ts
function rulesFor(rules, id) {
  return rules.filter(
    (rule) => (rule.group === void 0 || rule.group === id.group) && (rule.kind === void 0 || rule.kind === id.kind) && (rule.name === void 0 || rule.name === id.name) && (rule.namespace === void 0 || rule.namespace === (id.namespace ?? ""))
  );
}
function removeIgnoredFields(object, rules) {
  for (const rule of rules) removePath(object, parsePointer(rule.path));
}
function removePath(node, segments) {
  const [head, ...rest] = segments;
  if (head === void 0 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    const indexes = matchingIndexes(node, head);
    if (rest.length === 0) {
      for (const index of indexes.sort((a, b) => b - a)) node.splice(index, 1);
    } else {
      for (const index of indexes) removePath(node[index], rest);
    }
    return;
  }
  const record = node;
  const keys = head === "*" ? Object.keys(record) : head in record ? [head] : [];
  for (const key of keys) {
    if (rest.length === 0) delete record[key];
    else removePath(record[key], rest);
  }
}
function matchingIndexes(list, segment) {
  if (segment === "*") return list.map((_, index) => index);
  if (/^\d+$/.test(segment)) return Number(segment) < list.length ? [Number(segment)] : [];
  return list.flatMap(
    (item, index) => item !== null && typeof item === "object" && item.name === segment ? [index] : []
  );
}

// src/diff/images.ts
var POD_SPEC_PATHS = {
  "/Pod": ["spec"],
  "apps/Deployment": ["spec", "template", "spec"],
  "apps/StatefulSet": ["spec", "template", "spec"],
  "apps/DaemonSet": ["spec", "template", "spec"],
  "apps/ReplicaSet": ["spec", "template", "spec"],
  "batch/Job": ["spec", "template", "spec"],
  "batch/CronJob": ["spec", "jobTemplate", "spec", "template", "spec"]
};
function imageMoves(id, before, after) {
  const path = POD_SPEC_PATHS[`${id.group}/${id.kind}`];
  if (!path) return [];
  const moves = [];
  for (const list of ["initContainers", "containers"]) {
    const old = containerImages(before, path, list);
    const now = containerImages(after, path, list);
    const names = [...now.keys(), ...[...old.keys()].filter((name) => !now.has(name))];
    for (const name of names) {
      const from = old.get(name);
      const to = now.get(name);
      if (from === to) continue;
      moves.push({
        container: name,
        ...list === "initContainers" ? { init: true } : {},
        ...from !== void 0 ? { from } : {},
        ...to !== void 0 ? { to } : {}
      });
    }
  }
  return moves;
}
function containerImages(object, path, list) {
  const images = /* @__PURE__ */ new Map();
  let spec = object;
  for (const step of path) spec = isRecord2(spec) ? spec[step] : void 0;
  const containers = isRecord2(spec) ? spec[list] : void 0;
  if (!Array.isArray(containers)) return images;
  containers.forEach((container, index) => {
    if (!isRecord2(container) || typeof container.image !== "string") return;
    const name = typeof container.name === "string" ? container.name : `#${index + 1}`;
    if (!images.has(name)) images.set(name, container.image);
  });
  return images;
}
function isRecord2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/diff/normalize.ts
var SERVER_METADATA = [
  "managedFields",
  "resourceVersion",
  "uid",
  "generation",
  "creationTimestamp",
  "selfLink"
];
var SERVER_ANNOTATIONS = [
  "kubectl.kubernetes.io/last-applied-configuration",
  // Set by the deployment controller on every rollout; not part of the desired state.
  "deployment.kubernetes.io/revision"
];
function normalizeObject(object) {
  const copy = structuredClone(object);
  delete copy.status;
  const metadata = copy.metadata;
  for (const field of SERVER_METADATA) delete metadata[field];
  const annotations = copy.metadata.annotations;
  if (annotations) {
    for (const name of SERVER_ANNOTATIONS) delete annotations[name];
    if (Object.keys(annotations).length === 0) delete copy.metadata.annotations;
  }
  if (copy.metadata.labels && Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  return copy;
}

// src/diff/risks.ts
var IMMUTABLE_FIELDS = [
  {
    kinds: ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"],
    prefix: "/spec/selector",
    why: "the selector cannot be changed in place; the object must be deleted and recreated"
  },
  {
    kinds: ["Service"],
    prefix: "/spec/clusterIP",
    why: "a Service keeps its clusterIP for life; the apply will be rejected"
  },
  {
    kinds: ["StatefulSet"],
    prefix: "/spec/volumeClaimTemplates",
    why: "volumeClaimTemplates cannot be changed on an existing StatefulSet"
  },
  { kinds: ["Job"], prefix: "/spec/template", why: "a Job's pod template is immutable" },
  {
    kinds: ["PersistentVolumeClaim"],
    prefix: "/spec/storageClassName",
    why: "the storage class of a bound claim cannot change"
  }
];
function assessRisks(id, change, fields, before, after) {
  if (change === "deleted") {
    return id.kind === "Namespace" ? [{ kind: "namespace-deletion", message: `deleting namespace ${id.name} deletes everything in it` }] : [{ kind: "deletion", message: `${id.kind} ${id.name} will be deleted` }];
  }
  if (change !== "changed") return [];
  const risks = [];
  for (const rule of IMMUTABLE_FIELDS) {
    if (!rule.kinds.includes(id.kind)) continue;
    const hit = fields.find((field) => field === rule.prefix || field.startsWith(`${rule.prefix}/`));
    if (hit) risks.push({ kind: "immutable-field", message: `${hit}: ${rule.why}` });
  }
  if (id.kind === "PersistentVolumeClaim") {
    const from = storageRequest(before);
    const to = storageRequest(after);
    if (from !== void 0 && to !== void 0 && to < from) {
      risks.push({ kind: "pvc-shrink", message: "the storage request shrinks; volumes cannot be shrunk" });
    }
  }
  return risks;
}
function storageRequest(object) {
  const spec = object?.spec;
  const value = spec?.resources?.requests?.storage;
  return value === void 0 ? void 0 : parseQuantity(String(value));
}
var SUFFIXES = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  m: 1e-3
};
function parseQuantity(quantity) {
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  if (!match) return void 0;
  const factor = SUFFIXES[match[2] ?? ""];
  return factor === void 0 ? void 0 : Number(match[1]) * factor;
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath2 = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath2) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath2 && removePath2.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath2.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath2, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path, added, removed, oldPosInc, options) {
    const last = path.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/diff/unified.ts
var import_yaml = __toESM(require_dist(), 1);
var CONTEXT_LINES = 4;
var LEADING_KEYS = ["apiVersion", "kind", "metadata"];
function toYaml(object) {
  if (object === void 0) return "";
  return (0, import_yaml.stringify)(canonicalTopLevel(object), { lineWidth: 0, aliasDuplicateObjects: false });
}
function canonicalTopLevel(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return object;
  const record = object;
  const ordered = {};
  for (const key of LEADING_KEYS) if (key in record) ordered[key] = record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}
function unifiedDiff(before, after) {
  const patch = structuredPatch("live", "desired", toYaml(before), toYaml(after), "", "", {
    context: CONTEXT_LINES
  });
  return patch.hunks.map(
    (hunk) => [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines].join(
      "\n"
    )
  ).join("\n");
}

// src/diff/compare.ts
function compareObject(pair, rules) {
  const applicable = pair.before && pair.after ? rulesFor(rules, pair.id) : [];
  const before = pair.before && prepare(pair.before, applicable);
  const after = pair.after && prepare(pair.after, applicable);
  const fields = before && after ? changedFields(before, after) : [];
  const change = !before ? "added" : !after ? "deleted" : fields.length > 0 ? "changed" : "unchanged";
  const images = change === "unchanged" ? [] : imageMoves(pair.id, before, after);
  return {
    key: pair.key,
    id: pair.id,
    change,
    diff: change === "unchanged" ? "" : unifiedDiff(before, after),
    fields,
    risks: assessRisks(pair.id, change, fields, before, after),
    notes: pair.notes ?? [],
    ...images.length > 0 ? { images } : {}
  };
}
function compareSets(before, after, rules) {
  const keys = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  return keys.map((key) => {
    const b = before.get(key);
    const a = after.get(key);
    const id = (a ?? b).id;
    return compareObject({ key, id, before: b?.object, after: a?.object }, rules);
  });
}
function prepare(object, rules) {
  const normalized = normalizeObject(object);
  removeIgnoredFields(normalized, rules);
  return normalized;
}

// src/git/base-checkout.ts
import { join } from "node:path";

// src/git/tree-listing.ts
var REGULAR_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
var LINK_MODE = "120000";
var TreeListing = class _TreeListing {
  /** Every entry that is not a tree: files, links and submodules, by path. */
  #entries = /* @__PURE__ */ new Map();
  /** The same paths, sorted: what is below a folder is one range of them. */
  #sorted;
  #folders = /* @__PURE__ */ new Map([["", { files: [], folders: [] }]]);
  #hasLinks = false;
  constructor(lines) {
    for (const line of lines) {
      const tab = line.indexOf("	");
      const [mode = "", type = ""] = line.slice(0, tab).split(" ");
      const path = line.slice(tab + 1);
      this.#entries.set(path, { mode, type });
      if (mode === LINK_MODE) this.#hasLinks = true;
      const slash = path.lastIndexOf("/");
      const folder = this.#folder(slash === -1 ? "" : path.slice(0, slash));
      if (REGULAR_MODES.has(mode)) folder.files.push(path.slice(slash + 1));
    }
    for (const folder of this.#folders.values()) folder.folders.sort();
    this.#sorted = [...this.#entries.keys()].sort();
  }
  static async of(repo, sha) {
    const listed = await runGit(repo, ["ls-tree", "-r", "-z", "--full-tree", sha]);
    return new _TreeListing(listed.stdout.split("\0").filter(Boolean));
  }
  /** Any symbolic link: what it leads to cannot be told from the listing alone. */
  get hasLinks() {
    return this.#hasLinks;
  }
  /** The regular files (names) and subfolders (paths) of a folder; undefined when it is none. */
  list(path) {
    return this.#folders.get(trimmed(path));
  }
  /** Every file, link or submodule at `path` or below it. */
  below(path) {
    const at = trimmed(path);
    if (this.#entries.has(at)) return [at];
    return this.#startingWith(at === "" ? "" : `${at}/`);
  }
  /** The files, links and submodules directly in a folder. */
  directlyIn(path) {
    const at = trimmed(path);
    const prefix = at === "" ? "" : `${at}/`;
    return this.#startingWith(prefix).filter((entry) => !entry.slice(prefix.length).includes("/"));
  }
  #startingWith(prefix) {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = low + high >> 1;
      if (this.#sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const found = [];
    for (let i = low; i < this.#sorted.length && this.#sorted[i].startsWith(prefix); i++) {
      found.push(this.#sorted[i]);
    }
    return found;
  }
  #folder(path) {
    let folder = this.#folders.get(path);
    if (!folder) {
      folder = { files: [], folders: [] };
      this.#folders.set(path, folder);
      const slash = path.lastIndexOf("/");
      this.#folder(slash === -1 ? "" : path.slice(0, slash)).folders.push(path);
    }
    return folder;
  }
};
function trimmed(path) {
  return path === "." ? "" : path.replace(/\/+$/, "");
}
async function filesContaining(repo, sha, text, folder) {
  const found = await runGit(
    repo,
    // `:(top)` alone is the whole tree; a literal `.` would match no path at all.
    ["grep", "-l", "-z", "-F", "--full-name", "-e", text, sha, "--", `:(top,literal)${folder}`],
    { allowFailure: true }
  );
  if (found.code > 1) {
    throw new PlumblineError(`git grep failed at ${sha.slice(0, 7)}: ${found.stderr.trim()}`);
  }
  return new Set(
    found.stdout.split("\0").filter(Boolean).map((entry) => entry.slice(sha.length + 1))
  );
}

// src/git/base-checkout.ts
async function git(cwd, args) {
  const result = await runGit(cwd, args, { allowFailure: true });
  return { ok: result.code === 0, stdout: result.stdout.replace(/\r?\n$/, "") };
}
var DEFAULT_BASES = ["origin/HEAD", "origin/main", "origin/master", "main", "master"];
async function resolveBase(repoRoot, ref) {
  const inside = await git(repoRoot, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok) {
    throw new PlumblineError(
      `${repoRoot} is not a git repository, so there is no base to compare with`,
      "Run plumbline inside a clone.",
      { remedy: "live" }
    );
  }
  const candidates = ref ? [ref] : DEFAULT_BASES;
  for (const candidate of candidates) {
    const resolved = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]);
    if (!resolved.ok) continue;
    await requireUnambiguous(repoRoot, candidate);
    const mergeBase = await git(repoRoot, ["merge-base", resolved.stdout, "HEAD"]);
    if (!mergeBase.ok) {
      throw new PlumblineError(
        `${candidate} and HEAD have no common history`,
        "In CI, fetch enough history for a merge base (a full clone, not a shallow one)."
      );
    }
    return { ref: candidate, sha: mergeBase.stdout, tip: resolved.stdout };
  }
  throw new PlumblineError(
    ref ? `the base ref '${ref}' does not exist in ${repoRoot}` : `found no base branch (tried ${DEFAULT_BASES.join(", ")})`,
    "In CI, fetch it first (a full clone, not a shallow one).",
    { remedy: "base" }
  );
}
var REF_RULES = ["refs/%s", "refs/tags/%s", "refs/heads/%s", "refs/remotes/%s", "refs/remotes/%s/HEAD"];
async function requireUnambiguous(repoRoot, ref) {
  if (ref.startsWith("refs/") || /^[0-9a-f]{7,64}$/i.test(ref)) return;
  const meant = [];
  for (const rule of REF_RULES) {
    const full = rule.replace("%s", ref);
    if ((await git(repoRoot, ["rev-parse", "--verify", "--quiet", "--end-of-options", full])).ok)
      meant.push(full);
  }
  if (meant.length > 1) {
    throw new PlumblineError(
      `the base ref '${ref}' is ambiguous: it names ${meant.join(" and ")}`,
      "Name the base in full (refs/remotes/origin/main), or delete the ref that should not be there."
    );
  }
}
async function withCheckout(repoRoot, sha, use) {
  const adding = addWorktree(repoRoot, sha).catch((error) => {
    throw new PlumblineError(`could not check out ${sha} for the base side: ${describeError(error)}`);
  });
  const [worktree, prefix] = await Promise.all([adding, git(repoRoot, ["rev-parse", "--show-prefix"])]);
  try {
    return await use(join(worktree.dir, prefix.ok ? prefix.stdout : ""), worktree.dir);
  } finally {
    await worktree.remove();
  }
}
async function withBaseSide(repoRoot, sha, use) {
  const adding = addWorktree(repoRoot, sha, { checkout: false }).catch((error) => {
    throw new PlumblineError(`could not check out ${sha} for the base side: ${describeError(error)}`);
  });
  const [worktree, prefix, listing] = await Promise.all([
    adding,
    git(repoRoot, ["rev-parse", "--show-prefix"]),
    TreeListing.of(repoRoot, sha)
  ]);
  try {
    const written = /* @__PURE__ */ new Set();
    let whole = false;
    let queue = Promise.resolve();
    const inTurn = (run) => {
      const next = queue.then(run);
      queue = next.catch(() => void 0);
      return next;
    };
    const side = {
      dir: join(worktree.dir, prefix.ok ? prefix.stdout : ""),
      top: worktree.dir,
      prefix: prefix.ok ? prefix.stdout : "",
      listing,
      checkOut(paths) {
        const fresh = [...new Set(paths)].filter((path) => !written.has(path));
        for (const path of fresh) written.add(path);
        if (whole || fresh.length === 0) return queue.then(() => void 0);
        return inTurn(() => checkOutPaths(worktree.dir, sha, fresh.sort()));
      },
      checkOutAll() {
        if (whole) return queue.then(() => void 0);
        whole = true;
        return inTurn(() => checkOutAll(worktree.dir));
      },
      get whole() {
        return whole;
      },
      get written() {
        return written.size;
      }
    };
    if (listing.hasLinks) await side.checkOutAll();
    return await use(side);
  } finally {
    await worktree.remove();
  }
}
async function workTreeTop(repoRoot) {
  const top = await git(repoRoot, ["rev-parse", "--show-toplevel"]);
  return top.ok && top.stdout !== "" ? top.stdout : repoRoot;
}
async function headRevision(repoRoot) {
  const sha = await git(repoRoot, ["rev-parse", "HEAD"]);
  if (!sha.ok) return void 0;
  const branch = await git(repoRoot, ["rev-parse", "--abbrev-ref", "HEAD"]);
  return { ref: branch.ok ? branch.stdout : "HEAD", sha: sha.stdout };
}
async function commitExists(repoRoot, sha) {
  const resolved = await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${sha}^{commit}`]);
  return resolved.ok ? resolved.stdout : void 0;
}

export {
  changedFields,
  compareObject,
  compareSets,
  filesContaining,
  resolveBase,
  withCheckout,
  withBaseSide,
  workTreeTop,
  headRevision,
  commitExists
};
