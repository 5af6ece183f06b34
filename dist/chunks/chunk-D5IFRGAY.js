import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  isLabelKey,
  isLabelValue,
  maskSecret,
  splitApiVersion,
  toResource
} from "./chunk-NN2UZPML.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4PGWNIJS.js";

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent2) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent2 ? comment.replace(/^(?! *$)/gm, indent2) : comment;
    }
    var lineComment = (str2, indent2, comment) => str2.endsWith("\n") ? indentComment(comment, indent2) : comment.includes("\n") ? "\n" + indentComment(comment, indent2) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent2.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent2.length);
          end = i + indent2.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent2}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent2}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent2) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent2) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent2;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent2}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent2}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent2}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent2}${line}` : "\n";
          return `${str2}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent2);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int2 = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int2;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int2 = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int2.intBin,
      int2.intOct,
      int2.int,
      int2.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int2 = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int2.int,
      intHex: int2.intHex,
      intOct: int2.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep4, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep4) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep4 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep4, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep4 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep4 + cb;
              sep4 = "";
              break;
            }
            case "newline":
              if (comment)
                sep4 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep4, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep4?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep4 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep4 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep4, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep4 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep4)
                for (const st of sep4) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep4, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent2, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent2.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep4 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent2, content] = lines[i];
        offset += indent2.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent2.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep4 + indent2.slice(trimIndent) + content;
          sep4 = "\n";
        } else if (indent2.length > trimIndent || content[0] === "	") {
          if (sep4 === " ")
            sep4 = "\n";
          else if (!prevMoreIndented && sep4 === "\n")
            sep4 = "\n\n";
          value += sep4 + indent2.slice(trimIndent) + content;
          sep4 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep4 === "\n")
            value += "\n";
          else
            sep4 = "\n";
        } else {
          value += sep4 + content;
          sep4 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent2 && n)
            indent2 = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length2 = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length2 += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length2 += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length2 += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length2 += ts.length;
          }
        }
      }
      return { mode, indent: indent2, chomp, comment, length: length2 };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines.push([split2[i], split2[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue2(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue2(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd2, trimBoth;
      try {
        trimEnd2 = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd2 = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd2, "");
      let sep4 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep4 === "\n")
            res += sep4;
          else
            sep4 = "\n";
        } else {
          res += sep4 + lm;
          sep4 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep4 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length2 = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length2, onError);
            i += length2;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length2, onError) {
      const cc = source.substr(offset, length2);
      const ok = cc.length === length2 && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length2 + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep4, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep4)
        for (const st of sep4)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index2] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index2];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path) => {
      const parent = visit2.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty2(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer2 = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty2(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty2(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty2(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty2(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty2(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty2(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty2(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent2 = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i2;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent2 > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty2(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty2(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty2(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty2(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer2;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter4 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter4;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser4 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep4;
          if (scalar.end) {
            sep4 = scalar.end;
            sep4.push(this.sourceToken);
            delete scalar.end;
          } else
            sep4 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep4 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep4 = it.sep;
                  sep4.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep4 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep4 = fc.end.splice(1, fc.end.length);
            sep4.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep4 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser4;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse2(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse2;
    exports.parseAllDocuments = parseAllDocuments3;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length2 = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length2++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length2;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// src/config/load.ts
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import { join as join6, posix as posix6, sep as sep3 } from "node:path";

// src/yaml/plain-data.ts
function recordOf(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function listOf(value) {
  return Array.isArray(value) ? value : [];
}
function stringRecord(value) {
  const record = {};
  for (const [key, item] of Object.entries(recordOf(value))) if (typeof item === "string") record[key] = item;
  return record;
}
function textOf(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

// src/argocd/objects.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync2, realpathSync } from "node:fs";
import { join as join2 } from "node:path";

// src/config/discover.ts
var import_yaml = __toESM(require_dist(), 1);
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
var DISCOVERY_ROOTS = ["envs", "environments", "clusters", "overlays"];
var KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var SHARED_FOLDERS = /* @__PURE__ */ new Set(["base", "bases", "components"]);
function discoverEnvironments(repoRoot) {
  return discoverEnvironmentsIn(checkoutTree(repoRoot));
}
async function discoverEnvironmentsIn(tree) {
  const found = [];
  for (const root of DISCOVERY_ROOTS) {
    const folders = tree.list(root)?.folders ?? [];
    await Promise.all(folders.map((child) => collect(tree, root, child, found)));
  }
  const nameOf = (item) => posix.relative(item.root, item.path);
  const counts = /* @__PURE__ */ new Map();
  for (const item of found) counts.set(nameOf(item), (counts.get(nameOf(item)) ?? 0) + 1);
  return found.map((item) => {
    const name = counts.get(nameOf(item)) > 1 ? item.path : nameOf(item);
    return { name, path: item.path, renderer: "auto" };
  }).sort((a, b) => a.name.localeCompare(b.name));
}
async function collect(tree, root, folder, found) {
  const name = posix.basename(folder);
  if (SHARED_FOLDERS.has(name) || name.startsWith(".") || name === "node_modules") return;
  const listing = tree.list(folder);
  if (!listing) return;
  const files = new Set(listing.files);
  const kustomization = KUSTOMIZATION_FILES.find((file) => files.has(file));
  if (kustomization) {
    if (!await isComponent(tree, posix.join(folder, kustomization))) found.push({ root, path: folder });
    return;
  }
  if (files.has("Chart.yaml")) {
    found.push({ root, path: folder });
    return;
  }
  await Promise.all(listing.folders.map((child) => collect(tree, root, child, found)));
}
async function isComponent(tree, file) {
  if (!tree.mentionsComponent(file)) return false;
  return (0, import_yaml.parseDocument)(await tree.read(file)).get("kind") === "Component";
}
function checkoutTree(repoRoot) {
  const texts = /* @__PURE__ */ new Map();
  const text = (file) => {
    let value = texts.get(file);
    if (value === void 0) {
      value = readFileSync(join(repoRoot, file), "utf8");
      texts.set(file, value);
    }
    return value;
  };
  return {
    list(folder) {
      let entries;
      try {
        entries = readdirSync(join(repoRoot, folder), { withFileTypes: true });
      } catch (error) {
        const code = error.code;
        if (code === "ENOENT" || code === "ENOTDIR") return void 0;
        throw error;
      }
      return {
        files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
        folders: entries.filter((entry) => entry.isDirectory()).map((entry) => posix.join(folder, entry.name)).sort()
      };
    },
    mentionsComponent: (file) => text(file).includes("Component"),
    read: async (file) => text(file)
  };
}

// src/render/parse.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/yaml/plain-value.ts
var import_yaml2 = __toESM(require_dist(), 1);
var MAX_ALIASES = 100;
var MAX_ALIAS_GROWTH = 4 * 1024 * 1024;
var MAX_ALIASED_DEPTH = 256;
function aliasBudget() {
  return { remaining: MAX_ALIAS_GROWTH };
}
function plainValue(document, budget) {
  const aliases = checkAliases(document);
  if ("reason" in aliases) return { ok: false, ...aliases };
  if (aliases.first === void 0) return { ok: true, value: document.toJS() };
  const problem = (reason) => ({ ok: false, offset: aliases.first, reason });
  let shared;
  try {
    shared = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return problem(`the aliases repeat nested anchors more than ${MAX_ALIASES} times`);
  }
  const written = document.range[2] - document.range[0];
  const tree = copyAsTree(shared, written + budget.remaining);
  if (tree === "too deep") {
    return problem(`the aliases nest the document more than ${MAX_ALIASED_DEPTH} levels deep`);
  }
  if (tree === "too large") {
    return problem(
      `the aliases add more than ${MAX_ALIAS_GROWTH.toLocaleString("en-US")} characters to what is written`
    );
  }
  budget.remaining -= Math.max(0, tree.size - written);
  return { ok: true, value: tree.value };
}
function checkAliases(document) {
  const anchors = /* @__PURE__ */ new Map();
  let count = 0;
  let first;
  let fault;
  (0, import_yaml2.visit)(document, {
    Node: (_key, node) => {
      if (!(0, import_yaml2.isAlias)(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return void 0;
      }
      const offset = node.range?.[0] ?? 0;
      first ??= offset;
      count += 1;
      const reason = aliasFault(count, anchors.get(node.source), offset);
      if (reason) fault = { offset, reason };
      return fault ? import_yaml2.visit.BREAK : void 0;
    }
  });
  return fault ?? (first === void 0 ? {} : { first });
}
function aliasFault(count, anchored, offset) {
  if (count > MAX_ALIASES) return `a document may hold at most ${MAX_ALIASES} aliases`;
  if (!anchored) return "an alias names no anchor defined before it";
  const [start, end] = anchored.range ?? [0, 0];
  if (start <= offset && offset < end) return "an alias inside its own anchor makes the value endless";
  return void 0;
}
function copyAsTree(value, limit) {
  let size = 0;
  let failure;
  const copy = (item, depth) => {
    size += typeof item === "string" ? item.length : 1;
    if (size > limit) failure = "too large";
    if (depth > MAX_ALIASED_DEPTH) failure = "too deep";
    if (failure || item === null || typeof item !== "object") return item;
    if (Array.isArray(item)) return item.map((entry) => copy(entry, depth + 1));
    const record = {};
    for (const [key, entry] of Object.entries(item)) {
      size += key.length;
      Object.defineProperty(record, key, {
        value: copy(entry, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return record;
  };
  const tree = copy(value, 0);
  return failure ?? { value: tree, size };
}

// src/yaml/syntax-reason.ts
var FIXED_MESSAGES = /* @__PURE__ */ new Set([
  "A block sequence may not be used as an implicit map key",
  "A node can have at most one anchor",
  "A node can have at most one tag",
  "Alias cannot be an empty string",
  "Alias ending in : is ambiguous",
  "All mapping items must start at the same column",
  "All sequence items must start at the same column",
  "An alias node must not specify any properties",
  "Anchor cannot be an empty string",
  "Anchor ending in : is ambiguous",
  "Block collection cannot start on same line with directives-end marker",
  "Block collections are not allowed within flow collections",
  "Block scalar lines must not be less indented than their explicit indentation indicator",
  "Block scalar lines must not be less indented than their first line",
  "Block scalar values in collections must be indented",
  "Block scalars with more-indented leading empty lines must use an explicit indentation indicator",
  "Comments must be separated from other tokens by white space characters",
  "Flow end indicator should be more indented than parent",
  "Implicit keys need to be on a single line",
  "Implicit keys of flow sequence pairs need to be on a single line",
  "Implicit map keys need to be followed by map values",
  "Map keys must be unique",
  'Missing closing "quote',
  "Missing closing 'quote",
  "Missing directives-end indicator line",
  "Missing directives-end/doc-start indicator line",
  "Missing newline after block sequence props",
  "Nested mappings are not allowed in compact mappings",
  "Sequence item without - indicator",
  "Tabs are not allowed as indentation",
  "Tags and anchors must be separated from the next token by white space",
  "The : indicator must be at most 1024 chars after the start of an implicit block mapping key",
  "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key",
  "Unexpected block-seq-ind on same line with key",
  "Unexpected doc-end without preceding document",
  ...["a tab character", "flow indicator character ,", "directive indicator character %"].concat(["|", ">"].map((indicator) => `block scalar indicator ${indicator}`)).concat(["@", "`"].map((character) => `reserved character ${character}`)).map((what) => `Plain value cannot start with ${what}`),
  ...["flow map", "flow sequence"].flatMap((collection) => {
    const Collection = collection[0].toUpperCase() + collection.slice(1);
    return [
      `Unexpected , in ${collection}`,
      `Unexpected empty item in ${collection}`,
      `Missing , between ${collection} items`,
      `Missing , or : between ${collection} items`,
      `Missing space after : in ${collection}`,
      ...["}", "]"].flatMap((end) => [
        `${Collection} must end with a ${end}`,
        `${Collection} in block collection must be sufficiently indented and end with a ${end}`
      ])
    ];
  })
]);
var TOKEN_TYPE_TEMPLATES = [
  /^Unexpected ([a-z-]+) at node end$/,
  /^Unexpected ([a-z-]+) token(?: in YAML (?:stream|document))?$/,
  /^Expected a flow scalar value, but found: ([a-z-]+)$/,
  /^Unexpected token in block scalar header: ([a-z-]+)$/,
  /^Unsupported token \(type: ([a-z-]+)\)$/
];
var TOKEN_TYPES = /* @__PURE__ */ new Set([
  ...["byte-order-mark", "doc-mode", "doc-start", "doc-end", "space", "comment", "newline"],
  ...["directive-line", "directive", "document", "anchor", "tag", "comma", "error"],
  ...["seq-item-ind", "explicit-key-ind", "map-value-ind", "block-scalar-header"],
  ...["flow-map-start", "flow-map-end", "flow-seq-start", "flow-seq-end", "flow-error-end"],
  ...["alias", "scalar", "single-quoted-scalar", "double-quoted-scalar", "block-scalar"],
  ...["block-map", "block-seq", "flow-collection"]
]);
var REASON_BY_CODE = {
  ALIAS_PROPS: "an alias must not have a tag or an anchor",
  BAD_ALIAS: "an alias or anchor name is not valid",
  BAD_COLLECTION_TYPE: "a tag does not fit the collection it is on",
  BAD_DIRECTIVE: "a % directive is not valid",
  BAD_DQ_ESCAPE: "a double-quoted string has an invalid escape sequence",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "anchors and tags must come after the -, ? or : indicator",
  BAD_SCALAR_START: "a plain value starts with a character YAML reserves",
  BLOCK_AS_IMPLICIT_KEY: "a block collection cannot be a key",
  BLOCK_IN_FLOW: "block collections are not allowed within flow collections",
  DUPLICATE_KEY: "a key appears twice in the same mapping",
  IMPOSSIBLE: "the text cannot be read as YAML",
  KEY_OVER_1024_CHARS: "an implicit key is longer than 1024 characters",
  MISSING_CHAR: 'a character is missing (a closing quote or bracket, a space, a ":" or a "-")',
  MULTILINE_IMPLICIT_KEY: "implicit keys need to be on a single line",
  MULTIPLE_ANCHORS: "a node can have at most one anchor",
  MULTIPLE_DOCS: "more than one document where one is expected",
  MULTIPLE_TAGS: "a node can have at most one tag",
  NON_STRING_KEY: "keys must be strings",
  RESOURCE_EXHAUSTION: "the document is nested too deeply to read",
  TAB_AS_INDENT: "tabs are not allowed as indentation",
  TAG_RESOLVE_FAILED: "a tag cannot be resolved, or the value does not fit it",
  UNEXPECTED_TOKEN: "unexpected text at this position"
};
function syntaxReason(error) {
  if (FIXED_MESSAGES.has(error.message)) return error.message;
  for (const template of TOKEN_TYPE_TEMPLATES) {
    const type = template.exec(error.message)?.[1];
    if (type !== void 0 && TOKEN_TYPES.has(type)) return error.message;
  }
  return REASON_BY_CODE[error.code] ?? "the text cannot be read as YAML";
}

// src/render/parse.ts
var OBJECT_HINT = "Every YAML document of an environment must be a Kubernetes object with apiVersion, kind and metadata.name.";
var MAX_OBJECTS = 1e5;
function parseManifests(stream) {
  const lineCounter = new import_yaml3.LineCounter();
  const documents = (0, import_yaml3.parseAllDocuments)(stream.text, {
    lineCounter,
    // prettyErrors adds a snippet of the source to messages; a snippet of a Secret must not.
    prettyErrors: false,
    uniqueKeys: true,
    // Warnings would print the text of a collection used as a key on stderr.
    logLevel: "error"
  });
  const position = (offset) => lineCounter.linePos(offset);
  const describeOffset = (offset) => {
    const { line, col } = position(offset);
    return stream.describe(line, col);
  };
  const list = Array.isArray(documents) ? documents : [];
  const syntaxErrors = list.flatMap((document) => document.errors);
  if (syntaxErrors.length > 0) {
    const messages = syntaxErrors.map(
      (error) => `${describeOffset(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`
    );
    throw new PlumblineError(
      messages.join("\n"),
      "Fix the YAML at that line; every manifest must parse as YAML."
    );
  }
  const budget = aliasBudget();
  const resources = [];
  for (const document of list) {
    const parsed2 = plainValue(document, budget);
    if (!parsed2.ok) {
      throw new PlumblineError(
        `${describeOffset(parsed2.offset)}: YAML aliases: ${parsed2.reason}`,
        "Write the aliased part out in full, or make each alias (*name) name an anchor (&name) defined before it."
      );
    }
    if (parsed2.value === null || parsed2.value === void 0) continue;
    const line = position(startOf(document.contents)).line;
    const comment = document.commentBefore ?? document.contents.commentBefore ?? void 0;
    const place = { document, path: [], line, position, describe: stream.describe };
    for (const item of objectsIn(parsed2.value, place)) {
      const where = stream.describe(item.line, 1);
      if (resources.length === MAX_OBJECTS) {
        throw new PlumblineError(
          `${where}: more than ${MAX_OBJECTS.toLocaleString("en-US")} objects in one manifest stream`,
          "Split the environment into smaller ones."
        );
      }
      const object = asKubeObject(item.object, where);
      const read = stream.masking === "later" ? object : maskSecret(object);
      resources.push(toResource(read, stream.locate(item.line, comment)));
    }
  }
  return resources;
}
function* objectsIn(value, place) {
  if (!isListKind(value)) {
    yield { object: value, line: place.line };
    return;
  }
  if (!Array.isArray(value.items)) {
    throw new PlumblineError(
      `${place.describe(place.line, 1)}: the items of a list kind must be a sequence`,
      OBJECT_HINT
    );
  }
  for (const [index2, item] of value.items.entries()) {
    const path = [...place.path, "items", index2];
    const node = place.document.getIn(path, true);
    const line = node?.range ? place.position(startOf(node)).line : place.line;
    yield* objectsIn(item, { ...place, path, line });
  }
}
function isListKind(value) {
  const record = value;
  return record !== null && typeof record === "object" && typeof record.kind === "string" && record.kind.endsWith("List") && "items" in record;
}
function startOf(node) {
  return node.range?.[0] ?? 0;
}
function asKubeObject(value, where) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new PlumblineError(
      // The value itself stays out of the message: it could be part of a Secret.
      `${where}: this document is ${value === null ? "empty" : Array.isArray(value) ? "a list" : `a ${typeof value}`}, not a Kubernetes object`,
      OBJECT_HINT
    );
  }
  const record = value;
  const metadata = record.metadata;
  const missing = [
    isText(record.apiVersion) ? void 0 : "apiVersion",
    isText(record.kind) ? void 0 : "kind",
    metadata !== null && typeof metadata === "object" && isText(metadata.name) ? void 0 : "metadata.name"
  ].filter((field) => field !== void 0);
  if (missing.length > 0) {
    const generated = metadata !== null && typeof metadata === "object" && isText(metadata.generateName);
    throw new PlumblineError(
      `${where}: not a Kubernetes object: missing ${missing.join(", ")}`,
      generated ? "plumbline compares objects by name; metadata.generateName gives a new name on every apply, so set metadata.name." : OBJECT_HINT
    );
  }
  return value;
}
function isText(value) {
  return typeof value === "string" && value !== "";
}

// src/argocd/objects.ts
var ARGO_API_VERSION = "argoproj.io/v1alpha1";
var SKIPPED_FOLDERS = /* @__PURE__ */ new Set([".git", "node_modules"]);
var MANIFEST_FILE = /\.(ya?ml|json)$/;
var ARGO_GROUP_TEXT = "argoproj.io";
var ARGO_KIND_TEXT = /["']?kind["']?\s*:\s*["']?Application(Set)?["']?\s*(,|}|#|$)/m;
function findArgoObjects(repoRoot) {
  const realRoot = realpathSync.native(repoRoot);
  const found = { objects: [], problems: [] };
  for (const file of manifestFiles(realRoot)) {
    const text = readText(join2(realRoot, file));
    if (text === void 0 || !text.includes(ARGO_GROUP_TEXT)) continue;
    try {
      found.objects.push(...argoObjectsIn(text, file));
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      if (ARGO_KIND_TEXT.test(text)) found.problems.push(fileProblem(error, file));
    }
  }
  return found;
}
function argoObjectsIn(text, file) {
  const key = `${file}\0${text}`;
  const known = parsedFiles.get(key);
  if (known) return known;
  if (parsedFiles.size > MAX_PARSED_FILES) parsedFiles.clear();
  const objects = parsedObjects(text, file);
  parsedFiles.set(key, objects);
  return objects;
}
var parsedFiles = /* @__PURE__ */ new Map();
var MAX_PARSED_FILES = 2e4;
function parsedObjects(text, file) {
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line, column) => `${file}:${line}:${column}`
  });
  const objects = [];
  for (const { object, source } of resources) {
    const kind = argoKindOf(object);
    if (kind !== void 0) objects.push({ kind, object, file, line: source.line ?? 1 });
  }
  return objects;
}
function argoKindOf(object) {
  if (object.apiVersion !== ARGO_API_VERSION) return void 0;
  return object.kind === "Application" || object.kind === "ApplicationSet" ? object.kind : void 0;
}
function fileProblem(error, file) {
  const place = error.message.startsWith(`${file}:`) ? /^(\d+):/.exec(error.message.slice(file.length + 1)) : null;
  return { file, line: place ? Number(place[1]) : 1, message: error.message };
}
function manifestFiles(realRoot) {
  const files = [];
  const walk2 = (folder) => {
    const entries = entriesOf(join2(realRoot, folder));
    const isChart = entries.some((entry) => entry.name === "Chart.yaml" && entry.isFile());
    for (const entry of entries) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || isChart && entry.name === "templates") continue;
        walk2(path);
      } else if (entry.isFile() && MANIFEST_FILE.test(entry.name) && !isKustomizationFile(entry.name)) {
        files.push(path);
      }
    }
  };
  walk2("");
  return files;
}
function entriesOf(folder) {
  try {
    return readdirSync2(folder, { withFileTypes: true }).sort(byName);
  } catch {
    return [];
  }
}
function readText(file) {
  try {
    return readFileSync2(file, "utf8");
  } catch {
    return void 0;
  }
}
function isKustomizationFile(name) {
  return KUSTOMIZATION_FILES.includes(name);
}
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// src/argocd/chart-source.ts
function argoChartSource(source, where) {
  const { chart, targetRevision } = source;
  if (!chart) throw new PlumblineError(`${where} names no chart`);
  if (!targetRevision) {
    throw new PlumblineError(
      `${where}: a chart source needs targetRevision, the chart's version or range`,
      "Set targetRevision to a version (1.2.3) or a range (1.x)."
    );
  }
  return { repository: chartRepository(source.repoURL), name: chart, version: targetRevision };
}
function chartRepository(repoURL) {
  const url = repoURL.trim().replace(/\/+$/, "");
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `oci://${url}`;
}
function argoChartHosts(objects) {
  const hosts = /* @__PURE__ */ new Set();
  for (const object of objects) {
    if (argoKindOf(object) !== "Application") continue;
    const spec = recordOf(object.spec);
    for (const source of [spec.source, ...listOf(spec.sources)]) {
      const { repoURL, chart } = recordOf(source);
      const url = textOf(repoURL);
      if (url === void 0 || textOf(chart) === void 0) continue;
      try {
        hosts.add(new URL(chartRepository(url).replace(/^oci:/, "https:")).host);
      } catch {
      }
    }
  }
  return [...hosts].sort();
}

// src/flux/discover.ts
import { readdirSync as readdirSync4, readFileSync as readFileSync4, realpathSync as realpathSync3 } from "node:fs";
import { join as join4, posix as posix2, relative as relative2, sep as sep2 } from "node:path";

// src/git/repository-url.ts
function repositoryIdentity(url) {
  const withoutScheme = url.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  const withoutUser = withoutScheme.replace(/^[^@/]*@/, "");
  const hostAndPath = withoutUser.replace(/^([^/:]+):(\d+\/)?/, "$1/");
  return hostAndPath.replace(/\/+$/, "").replace(/\.git$/, "");
}
function withoutCredentials(url) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme) {
    const rest = url.slice(scheme[0].length);
    return scheme[0] + rest.slice(rest.lastIndexOf("@") + 1);
  }
  const at = url.lastIndexOf("@");
  return at >= 0 && url.slice(0, at).includes(":") ? url.slice(at + 1) : url;
}

// src/flux/objects.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { readdirSync as readdirSync3, readFileSync as readFileSync3, realpathSync as realpathSync2, statSync } from "node:fs";
import { dirname, isAbsolute, join as join3, relative, resolve, sep } from "node:path";

// src/config/allow-hosts.ts
function isAllowedHost(host, allowHosts) {
  const lower = host.toLowerCase();
  const hostname = lower.replace(/:\d+$/, "");
  return allowHosts.some((allowed) => allowed === lower || allowed === hostname);
}

// src/render/remote-reference.ts
function isRemoteReference(reference) {
  return hostOf(reference) !== void 0 || /^[a-z][a-z0-9+.-]*:/i.test(reference);
}
function hostOf(reference) {
  const withoutGetter = reference.replace(/^git::/i, "").replace(/^gh:/i, "https://github.com/");
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(withoutGetter);
  if (url) {
    const authority = (url[1] ?? "").replace(/^[^@]*@/, "");
    return authority === "" ? void 0 : authority.toLowerCase();
  }
  const scp = /^[\w.-]+@([\w.-]+):/.exec(withoutGetter);
  if (scp) return scp[1]?.toLowerCase();
  const shorthand = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)\/[^/]+\/[^/]/i.exec(withoutGetter);
  return shorthand?.[1]?.toLowerCase();
}
function isAllowedReference(reference, allowHosts) {
  const host = hostOf(reference);
  return host !== void 0 && isAllowedHost(host, allowHosts);
}

// src/flux/objects.ts
var GROUPS = {
  Kustomization: "kustomize.toolkit.fluxcd.io",
  HelmRelease: "helm.toolkit.fluxcd.io",
  HelmRepository: "source.toolkit.fluxcd.io",
  OCIRepository: "source.toolkit.fluxcd.io",
  GitRepository: "source.toolkit.fluxcd.io",
  HelmChart: "source.toolkit.fluxcd.io",
  Bucket: "source.toolkit.fluxcd.io",
  ConfigMap: "",
  Secret: ""
};
var parsedTexts = /* @__PURE__ */ new Map();
var MAX_PARSED_TEXTS = 2e4;
function fluxReads() {
  if (parsedTexts.size > MAX_PARSED_TEXTS) parsedTexts.clear();
  return { files: /* @__PURE__ */ new Map(), texts: parsedTexts };
}
function fluxObjectKey(kind, namespace, name) {
  return `${kind}/${namespace ?? ""}/${name}`;
}
function fluxKindOf(object) {
  if (!Object.hasOwn(GROUPS, object.kind)) return void 0;
  const kind = object.kind;
  const { group, version } = splitApiVersion(object.apiVersion);
  if (group !== GROUPS[kind]) return void 0;
  return group === "" && version !== "v1" ? void 0 : kind;
}
var OUTSIDE_HINT = "Flux reads only its source: replace the link with the file or folder it points to, or name a path inside the repository.";
var YAML_HINT = "Fix the YAML at that line; kustomize-controller reads it as YAML.";
function readFluxObjects(repoRoot, path, reads = fluxReads()) {
  const realRoot = realpathSync2.native(repoRoot);
  const absolute = resolve(realRoot, path);
  if (!isInsideRepository(realRoot, absolute)) {
    throw new PlumblineError(`${path} leads outside the repository`, OUTSIDE_HINT);
  }
  const start = realPathIn(
    realRoot,
    absolute,
    () => `${path} leads outside the repository through a symbolic link`
  );
  if (start === void 0 || !isFolder(start)) {
    throw new PlumblineError(
      `${path || "."}: no such folder in the repository`,
      "Point spec.path at a folder of the repository."
    );
  }
  const shown = (real) => relative(realRoot, real).split(sep).join("/");
  const folders = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  const objects = [];
  const readFile2 = (real, namespace) => {
    if (files.has(real)) return;
    files.add(real);
    for (const found of parsedFile(real, shown(real), reads)) {
      objects.push(namespace === void 0 ? found : { ...found, namespace });
    }
  };
  const readFolder = (real, namespace) => {
    if (folders.has(real)) return;
    folders.add(real);
    const kustomization = KUSTOMIZATION_FILES.map((name) => join3(real, name)).find(isFile);
    if (kustomization) readKustomization(kustomization, namespace);
    else readGenerated(real, namespace);
  };
  const readKustomization = (file, outer) => {
    const real = realPathIn(realRoot, file, () => `${shown(file)} leads outside the repository`);
    if (real === void 0 || files.has(real)) return;
    files.add(real);
    const { entries, namespace } = kustomizationOf(readFileSync3(real, "utf8"), shown(real));
    const inner = outer ?? namespace;
    for (const entry of entries) {
      const target = resolve(dirname(real), entry.value);
      const leads = () => `${entry.where}: this entry leads outside the repository`;
      if (!isInsideRepository(realRoot, target)) throw new PlumblineError(leads(), OUTSIDE_HINT);
      const found = realPathIn(realRoot, target, leads);
      if (found === void 0) {
        if (isRemoteReference(entry.value)) continue;
        throw new PlumblineError(
          `${entry.where}: this entry names nothing in the repository`,
          "Name a file or folder that exists, relative to the kustomization."
        );
      }
      if (isFolder(found)) readFolder(found, inner);
      else readFile2(found, inner);
    }
  };
  const readGenerated = (real, namespace) => {
    const entries = readdirSync3(real, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      const at = join3(real, entry.name);
      const yaml = /\.ya?ml$/.test(entry.name);
      if (entry.isSymbolicLink()) {
        const folder = isFolder(at);
        if (!(yaml || folder) || folder && entry.name.startsWith(".")) continue;
        const target = realPathIn(
          realRoot,
          at,
          () => `${shown(at)} is a symbolic link that leads outside the repository`
        );
        if (target === void 0) continue;
        if (folder) readFolder(target, namespace);
        else if (isFile(target)) readFile2(target, namespace);
      } else if (entry.isDirectory()) {
        if (!entry.name.startsWith(".")) readFolder(at, namespace);
      } else if (entry.isFile() && yaml) {
        readFile2(at, namespace);
      }
    }
  };
  readFolder(start, void 0);
  return { objects, files: [...files].map(shown).sort() };
}
function isInsideRepository(realRoot, path) {
  const rel = relative(realRoot, path);
  if (rel === "") return true;
  if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  return rel !== ".git" && !rel.startsWith(`.git${sep}`);
}
function readFluxFile(repoRoot, file, reads = fluxReads()) {
  const realRoot = realpathSync2.native(repoRoot);
  const absolute = resolve(realRoot, file);
  const outside = () => `${file} leads outside the repository`;
  if (!isInsideRepository(realRoot, absolute)) throw new PlumblineError(outside(), OUTSIDE_HINT);
  const real = realPathIn(realRoot, absolute, outside);
  if (real === void 0) throw new PlumblineError(`${file}: no such file in the repository`);
  return parsedFile(real, relative(realRoot, real).split(sep).join("/"), reads);
}
function realPathIn(realRoot, path, outside) {
  let real;
  try {
    real = realpathSync2.native(path);
  } catch {
    return void 0;
  }
  if (!isInsideRepository(realRoot, real)) throw new PlumblineError(outside(), OUTSIDE_HINT);
  return real;
}
function parsedFile(real, file, reads) {
  let found = reads.files.get(real);
  if (found === void 0) {
    try {
      const text = readFileSync3(real, "utf8");
      const same = reads.texts.get(text);
      if (same) {
        found = same.map((object) => ({ ...object, file }));
      } else {
        found = fluxObjectsIn(text, file);
        reads.texts.set(text, found);
      }
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      found = error;
    }
    reads.files.set(real, found);
  }
  if (found instanceof PlumblineError) throw found;
  return found;
}
function fluxObjectsIn(text, file) {
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line, column) => `${file}:${line}:${column}`
  });
  const objects = [];
  for (const { object, source } of resources) {
    const kind = fluxKindOf(object);
    if (kind === void 0) continue;
    const found = { kind, object, file, line: source.line ?? 1 };
    if (object.metadata.namespace) found.namespace = object.metadata.namespace;
    objects.push(found);
  }
  return objects;
}
var kustomizationsRead = /* @__PURE__ */ new Map();
function kustomizationOf(text, file) {
  const key = `${file}\0${text}`;
  let entries = kustomizationsRead.get(key);
  if (!entries) {
    if (kustomizationsRead.size > MAX_PARSED_TEXTS) kustomizationsRead.clear();
    entries = readKustomizationEntries(text, file);
    kustomizationsRead.set(key, entries);
  }
  return entries;
}
function readKustomizationEntries(text, file) {
  const lineCounter = new import_yaml4.LineCounter();
  const document = (0, import_yaml4.parseDocument)(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: "error"
  });
  const where = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const [error] = document.errors;
  if (error)
    throw new PlumblineError(`${where(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`, YAML_HINT);
  const parsed2 = plainValue(document, aliasBudget());
  if (!parsed2.ok)
    throw new PlumblineError(`${where(parsed2.offset)}: YAML aliases: ${parsed2.reason}`, YAML_HINT);
  const value = parsed2.value;
  if (value === null || value === void 0) return { entries: [] };
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new PlumblineError(`${file}:1:1: a kustomization must be a mapping`, YAML_HINT);
  }
  if (hasMergeKey(value)) {
    throw new PlumblineError(
      `${file} uses a YAML merge key (<<), which kustomize applies and plumbline does not follow`,
      "Write the merged fields out in full."
    );
  }
  const record = value;
  const entries = [];
  for (const field of ["resources", "bases", "components"]) {
    const list = record[field];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index2) => {
      const node = document.getIn([field, index2], true);
      const at = where(node?.range?.[0] ?? 0);
      if (typeof item !== "string") throw new PlumblineError(`${at}: a ${field} entry must be a path`);
      entries.push({ value: item, where: at });
    });
  }
  const namespace = record.namespace;
  return typeof namespace === "string" && namespace !== "" ? { entries, namespace } : { entries };
}
function hasMergeKey(value) {
  if (Array.isArray(value)) return value.some(hasMergeKey);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, inner]) => key === "<<" || hasMergeKey(inner));
}
function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// src/flux/discover.ts
var CLUSTERS_FOLDER = "clusters";
var DEFAULT_CLUSTER = "default";
var BOOTSTRAP_NAMESPACE = "flux-system";
var BOOTSTRAP_SOURCE = fluxObjectKey("GitRepository", BOOTSTRAP_NAMESPACE, "flux-system");
function isThisRepository(discovery, cluster, namespace, name) {
  return discovery.repositories.get(cluster)?.has(fluxObjectKey("GitRepository", namespace, name)) ?? false;
}
function fluxSourcesOf(discovery, cluster) {
  const sources = /* @__PURE__ */ new Map();
  for (const found of discovery.clusters.get(cluster)?.objects ?? []) {
    if (found.kind === "Kustomization" || found.kind === "HelmRelease") continue;
    const key = fluxObjectKey(found.kind, found.namespace, found.object.metadata.name);
    if (!sources.has(key)) sources.set(key, found);
  }
  return sources;
}
function fluxSourceHosts(discovery) {
  return sourceHostsOf(
    [...discovery.clusters.values()].flatMap((set) => set.objects.map((found) => found.object))
  );
}
function sourceHostsOf(objects) {
  const hosts = /* @__PURE__ */ new Set();
  for (const object of objects) {
    const kind = fluxKindOf(object);
    if (kind !== "HelmRepository" && kind !== "OCIRepository") continue;
    const url = object.spec?.url;
    if (typeof url !== "string") continue;
    try {
      hosts.add(new URL(url.replace(/^oci:/, "https:")).host);
    } catch {
    }
  }
  return [...hosts].sort();
}
function normaliseFluxPath(path) {
  const text = typeof path === "string" ? path.replace(/^\/+/, "") : "";
  const normal = posix2.normalize(text === "" ? "." : text).replace(/\/+$/, "");
  if (normal === ".." || normal.startsWith("../")) return void 0;
  return normal === "." ? "" : normal;
}
function discoverFluxEnvironments(repoRoot, repositoryUrls = []) {
  const realRoot = realpathSync3.native(repoRoot);
  const discovery = {
    environments: [],
    external: [],
    problems: [],
    clusters: /* @__PURE__ */ new Map(),
    repositories: /* @__PURE__ */ new Map()
  };
  const context = {
    repoRoot,
    realRoot,
    reads: fluxReads(),
    discovery,
    scanProblems: [],
    aliases: new Set(repositoryUrls.map(repositoryIdentity))
  };
  let rooted = false;
  for (const cluster of clusterFolders(context)) {
    rooted = followCluster(context, cluster, `${CLUSTERS_FOLDER}/${cluster}`) || rooted;
  }
  if (!rooted) followCluster(context, DEFAULT_CLUSTER, "");
  const reported = new Set(discovery.problems.map((problem) => problem.message));
  const unread = /* @__PURE__ */ new Map();
  for (const problem of context.scanProblems) {
    if (![...reported].some((message) => message.includes(problem.message))) {
      unread.set(problem.message, problem);
    }
  }
  discovery.problems.push(...unread.values());
  discovery.environments.sort((a, b) => compare(a.name, b.name));
  discovery.external.sort((a, b) => compare(a.name, b.name));
  discovery.problems.sort((a, b) => compare(a.file, b.file) || a.line - b.line);
  return discovery;
}
function followCluster(context, cluster, folder) {
  const scanned = scanForRoots(context, folder);
  const kustomizations = scanned.filter((found) => found.kind === "Kustomization");
  const rootNamespace = (found) => found.namespace ?? BOOTSTRAP_NAMESPACE;
  const bootstraps = kustomizations.filter((found) => {
    const path = normaliseFluxPath(specOf(found.object).path);
    return sourceOf(found.object, rootNamespace(found))?.kind === "GitRepository" && path !== void 0 && (path === "" || found.file.startsWith(`${path}/`));
  });
  const ours = new Set(
    bootstraps.length > 0 ? bootstraps.map((found) => sourceKey(sourceOf(found.object, rootNamespace(found)))) : [BOOTSTRAP_SOURCE]
  );
  const urls = /* @__PURE__ */ new Map();
  const learnUrls = (objects2, namespaceOf) => {
    for (const found of objects2) {
      const url = specOf(found.object).url;
      if (found.kind !== "GitRepository" || typeof url !== "string") continue;
      urls.set(
        fluxObjectKey("GitRepository", namespaceOf(found), found.object.metadata.name),
        repositoryIdentity(url)
      );
    }
  };
  learnUrls(scanned, rootNamespace);
  const isOurs = (source) => {
    if (source.kind !== "GitRepository") return false;
    const key = sourceKey(source);
    const url = urls.get(key);
    if (ours.has(key)) return true;
    if (url === void 0) return false;
    if (!context.aliases.has(url) && ![...ours].some((known) => urls.get(known) === url)) return false;
    ours.add(key);
    return true;
  };
  const roots = bootstraps.length > 0 ? bootstraps : kustomizations.filter((found) => {
    const source = sourceOf(found.object, rootNamespace(found));
    return source !== void 0 && isOurs(source);
  });
  if (roots.length === 0) return false;
  const { discovery } = context;
  const seen = /* @__PURE__ */ new Map();
  const failed = /* @__PURE__ */ new Set();
  const holds2 = /* @__PURE__ */ new Map();
  const queue = [];
  const objects = [];
  const placed = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  const told = /* @__PURE__ */ new Set();
  const fail = (found, message) => {
    failed.add(found.name);
    const key = `${found.definition.file}:${found.definition.line}:${message}`;
    if (told.has(key)) return;
    told.add(key);
    discovery.problems.push({
      environment: found.name,
      file: found.definition.file,
      line: found.definition.line,
      message
    });
  };
  const meet = (definition, namespace, parent) => {
    if (parent && sameDefinition(parent.definition, definition)) return;
    const name = `${cluster}/${namespace}/${definition.object.metadata.name}`;
    if (parent) holds2.set(parent.name, (holds2.get(parent.name) ?? /* @__PURE__ */ new Set()).add(name));
    const earlier = seen.get(name);
    if (earlier) {
      if (!sameDefinition(earlier.definition, definition)) {
        const found2 = { name, namespace, definition };
        fail(
          found2,
          `${name} is defined twice in the cluster: here and at ${earlier.definition.file}:${earlier.definition.line}`
        );
      }
      return;
    }
    const found = parent ? { name, namespace, definition, parent } : { name, namespace, definition };
    seen.set(name, found);
    const source = sourceOf(definition.object, namespace);
    if (source === void 0) {
      fail(found, "spec.sourceRef names no source kind and name");
      return;
    }
    if (!isOurs(source)) {
      const reason = externalReason(source, urls);
      discovery.external.push({ name, file: definition.file, line: definition.line, reason });
      return;
    }
    const path = normaliseFluxPath(specOf(definition.object).path);
    if (path === void 0) {
      fail(found, "spec.path leads outside the repository");
      return;
    }
    found.path = path;
    queue.push(found);
  };
  for (const root of roots.sort(byPlace)) meet(root, rootNamespace(root));
  for (let index2 = 0; index2 < queue.length; index2 += 1) {
    const found = queue[index2];
    let set;
    try {
      set = readFluxObjects(context.repoRoot, found.path, context.reads);
    } catch (error) {
      fail(found, `cannot read spec.path: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const target = textOf(specOf(found.definition.object).targetNamespace);
    const applied = set.objects.map((object) => ({
      ...object,
      namespace: target ?? object.namespace ?? found.namespace
    }));
    for (const object of applied) {
      const key = `${object.file}:${object.line}:${object.namespace}`;
      if (placed.has(key)) continue;
      placed.add(key);
      objects.push(object);
    }
    for (const file of set.files) files.add(file);
    learnUrls(applied, (object) => object.namespace);
    for (const object of applied) {
      if (object.kind === "Kustomization") meet(object, object.namespace, found);
    }
  }
  for (const cycle of cycles(holds2)) {
    const members = [...cycle].sort();
    for (const name of members) {
      fail(seen.get(name), `Kustomizations whose paths hold each other: ${members.join(", ")}`);
    }
  }
  for (const found of queue) {
    if (failed.has(found.name)) continue;
    const { definition } = found;
    const environment = {
      name: found.name,
      cluster,
      namespace: found.namespace,
      kustomizationName: definition.object.metadata.name,
      path: found.path,
      file: definition.file,
      line: definition.line,
      object: definition.object
    };
    if (found.parent) environment.parent = found.parent.name;
    discovery.environments.push(environment);
  }
  discovery.clusters.set(cluster, { objects, files: [...files].sort() });
  for (const key of urls.keys()) {
    const [, namespace = "", name = ""] = key.split("/");
    isOurs({ kind: "GitRepository", namespace, name });
  }
  discovery.repositories.set(cluster, ours);
  return true;
}
function externalReason(source, urls) {
  const named = `${source.kind} ${source.namespace}/${source.name}`;
  if (source.kind !== "GitRepository") return `its source is the ${named}, not this repository`;
  return urls.has(sourceKey(source)) ? `its source is the ${named}, which fetches another repository (if it is this one by another URL, list that URL in repositoryUrls)` : `its source is the ${named}, which this repository does not define`;
}
function scanForRoots(context, folder) {
  const found = [];
  const walk2 = (relativeFolder) => {
    let entries;
    try {
      entries = readdirSync4(join4(context.realRoot, relativeFolder), { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((entry) => entry.name === "Chart.yaml")) return;
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      const path = relativeFolder === "" ? entry.name : `${relativeFolder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") walk2(path);
        continue;
      }
      const kustomization = KUSTOMIZATION_FILES.includes(entry.name);
      if (!entry.isFile() || kustomization || !/\.ya?ml$/.test(entry.name)) continue;
      if (!readFileSync4(join4(context.realRoot, path), "utf8").includes("toolkit.fluxcd.io")) continue;
      try {
        const objects = readFluxFile(context.repoRoot, path, context.reads);
        found.push(
          ...objects.filter((object) => object.kind === "Kustomization" || object.kind === "GitRepository")
        );
      } catch (error) {
        context.scanProblems.push({
          file: path,
          line: 1,
          message: error instanceof Error ? error.message : String(error)
        });
      }
    }
  };
  let real;
  try {
    real = realpathSync3.native(join4(context.realRoot, folder));
  } catch {
    return [];
  }
  if (!isInsideRepository(context.realRoot, real)) {
    context.scanProblems.push(leadsOutside(folder));
    return [];
  }
  walk2(relative2(context.realRoot, real).split(sep2).join("/"));
  return found;
}
function clusterFolders(context) {
  let entries;
  try {
    const real = realpathSync3.native(join4(context.realRoot, CLUSTERS_FOLDER));
    if (!isInsideRepository(context.realRoot, real)) {
      context.scanProblems.push(leadsOutside(CLUSTERS_FOLDER));
      return [];
    }
    entries = readdirSync4(real, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => !entry.name.startsWith(".") && (entry.isDirectory() || entry.isSymbolicLink())).map((entry) => entry.name).sort(compare);
}
function leadsOutside(folder) {
  return { file: folder, line: 1, message: `${folder} leads outside the repository` };
}
function cycles(holds2) {
  const index2 = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const stack = [];
  const onStack = /* @__PURE__ */ new Set();
  const found = [];
  const visit2 = (name) => {
    index2.set(name, index2.size);
    low.set(name, index2.get(name));
    stack.push(name);
    onStack.add(name);
    for (const next of holds2.get(name) ?? []) {
      if (!index2.has(next)) {
        visit2(next);
        low.set(name, Math.min(low.get(name), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(name, Math.min(low.get(name), index2.get(next)));
      }
    }
    if (low.get(name) !== index2.get(name)) return;
    const component = /* @__PURE__ */ new Set();
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.add(member);
    } while (member !== name);
    if (component.size > 1) found.push(component);
  };
  for (const name of [...holds2.keys()].sort()) if (!index2.has(name)) visit2(name);
  return found;
}
function specOf(object) {
  const spec = object.spec;
  return spec !== null && typeof spec === "object" && !Array.isArray(spec) ? spec : {};
}
function sourceOf(object, namespace) {
  const ref = specOf(object).sourceRef;
  if (ref === null || typeof ref !== "object") return void 0;
  const kind = textOf(ref.kind);
  const name = textOf(ref.name);
  if (kind === void 0 || name === void 0) return void 0;
  return { kind, name, namespace: textOf(ref.namespace) ?? namespace };
}
function sourceKey(source) {
  return fluxObjectKey(source.kind, source.namespace, source.name);
}
function sameDefinition(a, b) {
  return a.file === b.file && a.line === b.line;
}
function byPlace(a, b) {
  return compare(a.file, b.file) || a.line - b.line;
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/config/parse.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/argocd/jq-path.ts
var JqPathError = class extends Error {
  name = "JqPathError";
};
var MAX_LENGTH = 4096;
var MAX_NESTING = 64;
var MAX_STEPS = 1e6;
var MAX_VALUE_DEPTH = 1e3;
function compileJqPath(expression) {
  if (expression.length > MAX_LENGTH) {
    throw new JqPathError(`the expression is longer than ${MAX_LENGTH} characters`);
  }
  const node = new Parser(tokenize(expression)).parse();
  return { expression, remove: (object, budget) => remove(node, object, budget ?? jqBudget(MAX_STEPS)) };
}
var COMPARE_OPS = ["==", "!=", "<", "<=", ">", ">="];
var PUNCTUATION = ["==", "!=", "<=", ">=", ".", "[", "]", "(", ")", "|", ",", "?", "<", ">", "-", ":", ";"];
var REFUSED_OPERATORS = [
  ["?//", "alternative destructuring (?//) is not supported"],
  ["//=", "assignment (//=) is not supported"],
  ["|=", "assignment (|=) is not supported"],
  ["+=", "assignment (+=) is not supported"],
  ["-=", "assignment (-=) is not supported"],
  ["*=", "assignment (*=) is not supported"],
  ["/=", "assignment (/=) is not supported"],
  ["%=", "assignment (%=) is not supported"],
  ["//", "the alternative operator (//) is not supported"],
  ["=", "assignment (=) is not supported"],
  ["+", "arithmetic (+) is not supported"],
  ["*", "arithmetic (*) is not supported"],
  ["/", "arithmetic (/) is not supported"],
  ["%", "arithmetic (%) is not supported"],
  ["{", "object construction ({\u2026}) is not supported"],
  ["$", "variables ($name) are not supported"],
  ["@", "formats (@name) are not supported"],
  ["#", "comments (#) are not supported"]
];
var IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
var NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
var ESCAPES = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	"
};
var KEYWORDS = new Set(
  "if then elif else end as def reduce foreach try catch label import include and or __loc__".split(" ")
);
var REGEX_FUNCTIONS = /* @__PURE__ */ new Set(["test", "match", "capture", "scan", "split", "splits", "sub", "gsub"]);
function tokenize(expression) {
  const tokens = [];
  let at = 0;
  const push = (token, length2) => {
    tokens.push(token);
    at += length2;
  };
  while (at < expression.length) {
    const char = expression[at];
    const column = at + 1;
    if (char === " " || char === "	" || char === "\n" || char === "\r") {
      at++;
      continue;
    }
    const word = sticky(IDENTIFIER, expression, at + (char === "." ? 1 : 0));
    const number = sticky(NUMBER, expression, at);
    const refused = expression.startsWith("==", at) ? void 0 : REFUSED_OPERATORS.find(([operator]) => expression.startsWith(operator, at));
    if (expression.startsWith("..", at)) {
      tokens.push({ kind: "refused", text: "recursive descent (..) is not supported", column });
      return tokens;
    } else if (char === "." && word) {
      push({ kind: "field", text: word, column }, word.length + 1);
    } else if (number) {
      push({ kind: "number", text: number, value: Number(number), column }, number.length);
    } else if (word) {
      push({ kind: "name", text: word, column }, word.length);
    } else if (char === '"') {
      const string = readString(expression, at);
      if (string.kind === "refused") {
        tokens.push(string);
        return tokens;
      }
      push(string, string.text.length);
    } else if (refused) {
      tokens.push({ kind: "refused", text: refused[1], column });
      return tokens;
    } else {
      const punct = PUNCTUATION.find((candidate) => expression.startsWith(candidate, at));
      if (!punct) {
        tokens.push({ kind: "refused", text: `unexpected character ${quote(char)}`, column });
        return tokens;
      }
      push({ kind: "punct", text: punct, column }, punct.length);
    }
  }
  tokens.push({ kind: "end", text: "", column: expression.length + 1 });
  return tokens;
}
function sticky(pattern, text, at) {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}
function readString(expression, start) {
  const column = start + 1;
  let value = "";
  for (let at = start + 1; at < expression.length; at++) {
    const char = expression[at];
    if (char === '"') return { kind: "string", text: expression.slice(start, at + 1), value, column };
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escaped2 = expression[++at];
    const hex = expression.slice(at + 1, at + 5);
    if (escaped2 === "(") {
      return { kind: "refused", text: "string interpolation (\\(\u2026)) is not supported", column: at };
    } else if (escaped2 === "u" && /^[0-9A-Fa-f]{4}$/.test(hex)) {
      value += String.fromCharCode(Number.parseInt(hex, 16));
      at += 4;
    } else if (escaped2 !== void 0 && Object.hasOwn(ESCAPES, escaped2)) {
      value += ESCAPES[escaped2];
    } else {
      return { kind: "refused", text: "the string has an invalid escape", column: at };
    }
  }
  return { kind: "refused", text: "the string is not closed", column };
}
function quote(text) {
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}\u2026` : text);
}
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  #at = 0;
  #depth = 0;
  parse() {
    if (this.#peek().kind === "end") this.#fail("the expression is empty", this.#peek());
    const node = this.#pipe();
    const rest = this.#peek();
    if (rest.kind !== "end") this.#unexpected(rest);
    return node;
  }
  #peek(offset = 0) {
    const token = this.tokens[Math.min(this.#at + offset, this.tokens.length - 1)];
    if (token.kind === "refused" && offset === 0) this.#fail(token.text, token);
    return token;
  }
  #next() {
    const token = this.#peek();
    this.#at++;
    return token;
  }
  #isPunct(text, offset = 0) {
    const token = this.tokens[this.#at + offset];
    return token?.kind === "punct" && token.text === text;
  }
  #expect(text, what) {
    if (!this.#isPunct(text)) {
      const token = this.#peek();
      if (token.kind === "punct" && (token.text === "-" || token.text === ";")) this.#unexpected(token);
      this.#fail(`expected ${what}`, token);
    }
    this.#at++;
  }
  #fail(message, token) {
    throw new JqPathError(`${message} (column ${token.column})`);
  }
  #unexpected(token) {
    if (token.kind === "punct" && token.text === "-") this.#fail("arithmetic (-) is not supported", token);
    if (token.kind === "punct" && token.text === ";") {
      this.#fail("functions of several arguments (;) are not supported", token);
    }
    if (token.kind === "end") this.#fail("the expression ends too early", token);
    this.#fail(`unexpected ${quote(token.text)}`, token);
  }
  /** `a | b`, the loosest. */
  #pipe() {
    const stages = [this.#comma()];
    while (this.#isPunct("|")) {
      this.#at++;
      stages.push(this.#comma());
    }
    return stages.length === 1 ? stages[0] : { t: "pipe", stages };
  }
  /** The expression inside parentheses or select(…), `)` and all: the one way to nest, so counted here. */
  #nested(what) {
    if (++this.#depth > MAX_NESTING) {
      this.#fail(`the expression is nested deeper than ${MAX_NESTING} levels`, this.#peek());
    }
    const node = this.#pipe();
    this.#expect(")", what);
    this.#depth--;
    return node;
  }
  #comma() {
    const branches = [this.#logic("or")];
    while (this.#isPunct(",")) {
      this.#at++;
      branches.push(this.#logic("or"));
    }
    return branches.length === 1 ? branches[0] : { t: "comma", branches };
  }
  /** `a or b` over `a and b`, both binding to the left, as in jq. */
  #logic(op) {
    const operand = () => op === "or" ? this.#logic("and") : this.#compare();
    const operands = [operand()];
    for (let token = this.#peek(); token.kind === "name" && token.text === op; token = this.#peek()) {
      this.#at++;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0] : { t: "logic", op, operands };
  }
  #compare() {
    const left = this.#postfix();
    const token = this.#peek();
    if (token.kind !== "punct" || !COMPARE_OPS.includes(token.text)) return left;
    this.#at++;
    const right = this.#postfix();
    const after = this.#peek();
    if (after.kind === "punct" && COMPARE_OPS.includes(after.text)) {
      this.#fail("comparisons cannot be chained (jq does not read a == b == c)", after);
    }
    return { t: "compare", op: token.text, left, right };
  }
  /** A term and its steps: `.a.b[0][]?."c.d"`. */
  #postfix() {
    const stages = [this.#primary()];
    for (; ; ) {
      const token = this.#peek();
      if (token.kind === "field") {
        this.#at++;
        stages.push({ t: "step", key: token.text, optional: false });
      } else if (this.#isPunct(".") && this.tokens[this.#at + 1]?.kind === "string") {
        this.#at++;
        stages.push(this.#quotedField());
      } else if (this.#isPunct(".") && this.#isPunct("[", 1)) {
        this.#at++;
      } else if (this.#isPunct("[")) {
        stages.push(this.#bracket());
      } else if (this.#isPunct("?")) {
        const last = stages[stages.length - 1];
        if (last.t !== "step") this.#fail("? is supported only after a step (.foo?, .[]?)", token);
        this.#at++;
        last.optional = true;
      } else {
        return stages.length === 1 ? stages[0] : { t: "pipe", stages };
      }
    }
  }
  #primary() {
    const token = this.#peek();
    if (token.kind === "field") {
      this.#at++;
      return { t: "step", key: token.text, optional: false };
    }
    if (token.kind === "string" || token.kind === "number") {
      this.#at++;
      return { t: "literal", value: token.value };
    }
    if (token.kind === "name") return this.#named();
    if (token.kind !== "punct") this.#unexpected(token);
    switch (token.text) {
      case ".":
        this.#at++;
        if (this.#peek().kind === "string") return this.#quotedField();
        return this.#isPunct("[") ? this.#bracket() : { t: "identity" };
      case "-":
        return { t: "literal", value: this.#negative() };
      case "(":
        this.#at++;
        return this.#nested(")");
      case "[":
        return this.#fail("array construction ([\u2026]) is not supported", token);
      default:
        return this.#unexpected(token);
    }
  }
  #quotedField() {
    const token = this.#next();
    return { t: "step", key: token.value, optional: false };
  }
  /** `[]`, `["key"]`, `[0]` or `[-1]`; a slice or a computed index is refused. */
  #bracket() {
    const open = this.#next();
    if (this.#isPunct("]")) {
      this.#at++;
      return { t: "step", key: void 0, optional: false };
    }
    const token = this.#peek();
    let key;
    if (token.kind === "string") {
      this.#at++;
      key = token.value;
    } else if (token.kind === "number" || this.#isPunct("-")) {
      key = this.#number();
      if (!Number.isInteger(key)) this.#fail("an array index must be an integer", token);
    }
    if (this.#isPunct(":")) this.#fail("array slices (.[a:b]) are not supported", this.#peek());
    if (key === void 0 || !this.#isPunct("]")) {
      this.#fail("computed indexes (.[expression]) are not supported; write a literal key or integer", open);
    }
    this.#at++;
    return { t: "step", key, optional: false };
  }
  /** A number literal, perhaps negative (jq reads `-1` as minus applied to 1). */
  #number() {
    const token = this.#peek();
    if (token.kind !== "number") return this.#negative();
    this.#at++;
    return token.value;
  }
  #negative() {
    const minus = this.#next();
    const token = this.#peek();
    if (token.kind !== "number") return this.#fail("arithmetic (-) is not supported", minus);
    this.#at++;
    return -token.value;
  }
  #named() {
    const token = this.#next();
    const name = token.text;
    if (name === "true" || name === "false") return { t: "literal", value: name === "true" };
    if (name === "null") return { t: "literal", value: null };
    if (name === "not") {
      if (this.#isPunct("(")) this.#fail("not takes no argument: write \u2026 | not", token);
      return { t: "not" };
    }
    if (name === "select") {
      if (!this.#isPunct("(")) this.#fail("select needs a condition: select(\u2026)", token);
      this.#at++;
      return { t: "select", condition: this.#nested(") after the condition of select") };
    }
    if (name === "startswith" || name === "endswith" || name === "contains" || name === "has") {
      return { t: "call", name, argument: this.#literalArgument(name, token) };
    }
    if (REGEX_FUNCTIONS.has(name)) this.#fail(`regular expressions (${name}) are not supported`, token);
    if (KEYWORDS.has(name)) this.#fail(`${quote(name)} is not supported`, token);
    return this.#fail(`the function ${quote(name)} is not supported`, token);
  }
  /** The one literal argument of a call: a string, or for has also an integer. */
  #literalArgument(name, call2) {
    this.#expect("(", `( after ${name}`);
    const token = this.#peek();
    let argument;
    if (token.kind === "string") {
      this.#at++;
      argument = token.value;
    } else if (name === "has" && (token.kind === "number" || this.#isPunct("-"))) {
      argument = this.#number();
      if (!Number.isInteger(argument)) argument = void 0;
    }
    if (argument === void 0 || !this.#isPunct(")")) {
      const what = name === "has" ? "a literal string or integer" : "a literal string";
      this.#fail(`${name} takes ${what} here`, call2);
    }
    this.#at++;
    return argument;
  }
};
function jqBudget(steps) {
  return { steps };
}
var ROOT = /* @__PURE__ */ Symbol("root");
var NOWHERE = /* @__PURE__ */ Symbol("nowhere");
var MISSING = { value: null, place: NOWHERE };
var Raised = class extends Error {
};
function remove(node, object, budget) {
  let selected;
  try {
    selected = run(node, { value: object, place: ROOT }, "path", budget);
  } catch (error) {
    if (error instanceof Raised) return false;
    throw error;
  }
  return deleteAll(selected);
}
function deleteAll(items) {
  const marks = /* @__PURE__ */ new Map();
  for (const { place } of items) {
    if (place === ROOT) return false;
    if (place === void 0 || place === NOWHERE) continue;
    const keys = marks.get(place.parent) ?? /* @__PURE__ */ new Set();
    keys.add(place.key);
    marks.set(place.parent, keys);
  }
  for (const [container, keys] of marks) {
    if (Array.isArray(container)) {
      let kept = 0;
      for (let index2 = 0; index2 < container.length; index2++) {
        if (!keys.has(index2)) container[kept++] = container[index2];
      }
      container.length = kept;
    } else {
      for (const key of keys) delete container[key];
    }
  }
  return true;
}
function run(node, input, mode, budget) {
  switch (node.t) {
    case "identity":
      return [input];
    case "step": {
      const outputs = step(node.key, input.value, budget);
      if (outputs) return outputs;
      if (node.optional) return [];
      throw new Raised("jq cannot take this step on this value");
    }
    case "pipe": {
      let items = [input];
      for (const stage of node.stages) {
        const next = new Items(budget);
        for (const item of items) next.addAll(run(stage, item, mode, budget));
        items = next.list;
      }
      return items;
    }
    case "comma": {
      const all = new Items(budget);
      for (const branch of node.branches) all.addAll(run(branch, input, mode, budget));
      return all.list;
    }
    case "select":
      return run(node.condition, input, "value", budget).some(({ value }) => truthy(value)) ? [input] : [];
    default:
      if (mode === "path") throw new Raised("jq: invalid path expression");
      return made(node, input, budget).map((value) => ({ value }));
  }
}
function made(node, input, budget) {
  switch (node.t) {
    case "literal":
      return [node.value];
    case "not":
      return [!truthy(input.value)];
    case "call":
      return [call(node.name, node.argument, input.value, budget)];
    case "compare":
      return compared(node.op, node.left, node.right, input, budget);
    case "logic":
      return logic(node.op, node.operands, input, budget);
  }
}
function step(key, value, budget) {
  if (key === void 0) {
    if (Array.isArray(value)) {
      spend(budget, value.length);
      return value.map((child, index3) => ({ value: child, place: { parent: value, key: index3 } }));
    }
    if (!isObject(value)) return void 0;
    const keys = Object.keys(value);
    spend(budget, keys.length);
    return keys.map((name) => ({ value: value[name], place: { parent: value, key: name } }));
  }
  if (value === null || value === void 0) return [MISSING];
  if (typeof key === "string") {
    if (!isObject(value)) return void 0;
    return Object.hasOwn(value, key) ? [{ value: value[key], place: { parent: value, key } }] : [MISSING];
  }
  if (!Array.isArray(value)) return void 0;
  const index2 = key < 0 ? key + value.length : key;
  return index2 >= 0 && index2 < value.length ? [{ value: value[index2], place: { parent: value, key: index2 } }] : [MISSING];
}
function compared(op, left, right, input, budget) {
  const rights = run(right, input, "value", budget);
  if (rights.length === 0) return [];
  const lefts = run(left, input, "value", budget);
  const results = /* @__PURE__ */ new Set();
  for (const r of rights) {
    for (const l of lefts) {
      results.add(holds(op, compare2(l.value, r.value, budget, 0)));
      if (results.size === 2) return [...results];
    }
  }
  return [...results];
}
function holds(op, order) {
  switch (op) {
    case "==":
      return order === 0;
    case "!=":
      return order !== 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}
function logic(op, operands, input, budget) {
  const decides = op === "or";
  let values = run(operands[0], input, "value", budget).map(({ value }) => truthy(value));
  for (const operand of operands.slice(1)) {
    const results = /* @__PURE__ */ new Set();
    if (values.includes(decides)) results.add(decides);
    if (values.includes(!decides)) {
      for (const { value } of run(operand, input, "value", budget)) results.add(truthy(value));
    }
    values = [...results];
  }
  return values;
}
function call(name, argument, value, budget) {
  if (name === "has") {
    if (value === null || value === void 0) return false;
    if (typeof argument === "string" && isObject(value)) return Object.hasOwn(value, argument);
    if (typeof argument === "number" && Array.isArray(value)) return argument >= 0 && argument < value.length;
    throw new Raised("jq: has cannot check this key on this value");
  }
  if (typeof value !== "string") throw new Raised(`jq: ${name} needs a string`);
  spend(budget, 1 + (value.length >> 8));
  const text = argument;
  if (name === "startswith") return value.startsWith(text);
  if (name === "endswith") return value.endsWith(text);
  return value.includes(text);
}
function compare2(a, b, budget, depth) {
  spend(budget, 1);
  if (depth > MAX_VALUE_DEPTH) throw new Raised("the values are nested too deeply to compare");
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === "number") return compareNumbers(a, b);
  if (typeof a === "string") return compareStrings(a, b, budget);
  if (Array.isArray(a)) return compareArrays(a, b, budget, depth);
  if (isObject(a)) {
    const objectB = b;
    const keysA = sortedKeys(a, budget);
    const keysB = sortedKeys(objectB, budget);
    const order = compareArrays(keysA, keysB, budget, depth);
    if (order !== 0) return order;
    for (const key of keysA) {
      const valueOrder = compare2(a[key], objectB[key], budget, depth + 1);
      if (valueOrder !== 0) return valueOrder;
    }
  }
  return 0;
}
function compareNumbers(a, b) {
  if (a < b || Number.isNaN(a)) return -1;
  return a === b ? 0 : 1;
}
function compareArrays(a, b, budget, depth) {
  for (let index2 = 0; index2 < Math.min(a.length, b.length); index2++) {
    const order = compare2(a[index2], b[index2], budget, depth + 1);
    if (order !== 0) return order;
  }
  return Math.sign(a.length - b.length);
}
function sortedKeys(object, budget) {
  const keys = Object.keys(object);
  spend(budget, keys.length);
  return keys.sort((x, y) => compareStrings(x, y, budget));
}
function compareStrings(a, b, budget) {
  const length2 = Math.min(a.length, b.length);
  spend(budget, length2 >> 8);
  for (let index2 = 0; index2 < length2; index2++) {
    const x = a.charCodeAt(index2);
    const y = b.charCodeAt(index2);
    if (x !== y) return Math.sign(weight(x) - weight(y));
  }
  return Math.sign(a.length - b.length);
}
function weight(unit) {
  if (unit >= 55296 && unit <= 57343) return unit + 8192;
  return unit >= 57344 ? unit - 2048 : unit;
}
function rank(value) {
  if (value === null || value === void 0) return 0;
  if (typeof value === "boolean") return value ? 2 : 1;
  if (typeof value === "number") return 3;
  if (typeof value === "string") return 4;
  return Array.isArray(value) ? 5 : 6;
}
function truthy(value) {
  return value !== false && value !== null && value !== void 0;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function spend(budget, steps) {
  budget.steps -= steps;
  if (budget.steps < 0) throw new Raised("the expression takes too many steps on this object");
}
var Items = class {
  constructor(budget) {
    this.budget = budget;
  }
  budget;
  list = [];
  #places = /* @__PURE__ */ new Map();
  #others = /* @__PURE__ */ new Set();
  addAll(items) {
    spend(this.budget, items.length);
    for (const item of items) this.#add(item);
  }
  #add(item) {
    const { place } = item;
    if (place === void 0 || place === ROOT || place === NOWHERE) {
      const identity = place ?? item.value;
      if (this.#others.has(identity)) return;
      this.#others.add(identity);
    } else {
      const keys = this.#places.get(place.parent) ?? /* @__PURE__ */ new Set();
      if (keys.has(place.key)) return;
      keys.add(place.key);
      this.#places.set(place.parent, keys);
    }
    this.list.push(item);
  }
};

// src/config/locate.ts
var import_yaml5 = __toESM(require_dist(), 1);
function parseInstancePath(instancePath) {
  if (instancePath === "") return [];
  return instancePath.slice(1).split("/").map((raw) => {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}
function fieldName(segments) {
  return segments.map(
    (segment, index2) => typeof segment === "number" ? `[${segment}]` : index2 === 0 ? segment : `.${segment}`
  ).join("");
}
function nodeLocator(document, lineCounter) {
  const position = (node) => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const walk2 = (segments) => {
    let node = document.contents;
    let key = null;
    for (const segment of segments) {
      if ((0, import_yaml5.isMap)(node)) {
        const pair = node.items.find(
          (item) => (0, import_yaml5.isPair)(item) && (0, import_yaml5.isScalar)(item.key) && item.key.value === segment
        );
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? key;
      } else if ((0, import_yaml5.isSeq)(node) && typeof segment === "number") {
        const item = node.items[segment];
        if (!item) break;
        key = null;
        node = item;
      } else {
        break;
      }
    }
    return { node, key };
  };
  return {
    valueAt: (segments) => position(walk2(segments).node),
    keyAt: (segments) => {
      const { node, key } = walk2(segments);
      return position(key ?? node);
    }
  };
}

// src/config/schema-validator.ts
var validate = validate10;
var schema11 = { "$schema": "http://json-schema.org/draft-07/schema#", "title": "plumbline configuration", "description": "plumbline.yaml at the repository root: the environments plumbline plans, promotes and watches for drift, and how it compares them.", "type": "object", "additionalProperties": false, "properties": { "$schema": { "description": "The JSON Schema this file follows; ignored by plumbline.", "type": "string" }, "environments": { "description": "Every environment, in promotion order. Absent: plumbline discovers them under envs/, environments/, clusters/ and overlays/.", "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/environment" } }, "render": { "description": "What renderers may do. Read from the base revision of a change, never from its head (see docs/security.md).", "type": "object", "additionalProperties": false, "properties": { "allowHosts": { "description": "Hosts that kustomize remote resources and helmCharts repositories may be fetched from. Empty (the default): renderers get no network, and an environment that names a remote reference fails with an error naming it.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9.-]+(:[0-9]+)?$" }, "default": [], "examples": [["github.com"]] }, "limits": { "description": "Per environment: a render beyond either limit fails that environment alone.", "type": "object", "additionalProperties": false, "properties": { "bytes": { "description": "Rendered manifest bytes.", "type": "integer", "minimum": 1, "default": 52428800 }, "objects": { "description": "Rendered objects.", "type": "integer", "minimum": 1, "default": 1e4 } } }, "repositories": { "description": "How plumbline reaches Helm chart repositories and OCI registries that need a password or a private CA. Secrets are named, never written here: their values come from the runner's environment.", "type": "array", "items": { "$ref": "#/definitions/repositoryAccess" } }, "dockerConfig": { "description": "A Docker config file on the runner (as written by `docker login` or docker/login-action) whose `auths` give OCI registry credentials. `~` and `$VARIABLE` are expanded.", "type": "string", "minLength": 1, "examples": ["~/.docker/config.json"] } } }, "capabilities": { "$ref": "#/definitions/capabilities", "description": "What charts see as .Capabilities when no cluster is asked, for every environment (an environment's or its cluster's own setting wins)." }, "clusters": { "description": "Settings per kubeconfig context, applied to every environment whose cluster.context names it.", "type": "object", "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "capabilities": { "$ref": "#/definitions/capabilities" }, "fluxCluster": { "description": "The Flux cluster this context reaches: a folder under clusters/ (or `default` when there is none). The Flux environments discovered in it get this context as their cluster.context, so live plans and drift compare them with it.", "type": "string", "minLength": 1, "pattern": "^[^/]+$", "examples": ["production"] }, "argocdCluster": { "description": "The Argo CD cluster this context reaches: the first part of its Applications' names (`destination.name`, `in-cluster` for https://kubernetes.default.svc, or the server's host). The Argo CD environments discovered for it get this context as their cluster.context, so live plans and drift compare them with it.", "type": "string", "minLength": 1, "pattern": "^[^/]+$", "examples": ["in-cluster", "production"] } } } }, "repositoryUrls": { "description": "Git URLs of this repository besides its `origin` remote and the one a Flux bootstrap names (a mirror, another host, HTTPS where the bootstrap has SSH). A Flux GitRepository or an Argo CD source with one of them is this repository's, planned from the checkout rather than listed as external. Any form of a URL counts (https://, ssh://, git@host:, with or without .git).", "type": "array", "items": { "type": "string", "minLength": 1, "examples": ["https://git.example.com/platform/fleet.git"] } }, "flux": { "description": "Settings of the Flux repositories plumbline discovers (docs/flux.md).", "type": "object", "additionalProperties": false, "properties": { "clusterObjects": { "description": "By Flux cluster (a folder under clusters/, or `default`): a YAML file of the ConfigMaps and Secrets that cluster holds outside Git, relative to the configuration's folder and inside the repository. postBuild.substituteFrom and HelmRelease valuesFrom find them when the repository lacks them. Read from the configuration's revision (the base branch in a plan); Secrets are masked when read.", "type": "object", "propertyNames": { "pattern": "^[^/]+$" }, "additionalProperties": { "type": "string", "minLength": 1, "examples": ["flux/production-cluster.yaml"] } }, "promote": { "$ref": "#/definitions/fluxPromote" } } }, "argocd": { "description": "Settings of the Argo CD repositories plumbline discovers (docs/argocd.md): what Argo CD's own configuration (argocd-cm) says, copied here, since the repository does not hold it.", "type": "object", "additionalProperties": false, "properties": { "trackingMethod": { "description": "How Argo CD tracks the objects of an Application (argocd-cm application.resourceTrackingMethod): which live objects are an Application's, so that those it no longer renders show as deletions. Argo CD 3 defaults to annotation.", "enum": ["annotation", "label", "annotation+label"], "default": "annotation" }, "instanceLabelKey": { "description": "The label of label tracking (argocd-cm application.instanceLabelKey).", "type": "string", "minLength": 1, "default": "app.kubernetes.io/instance" }, "namespace": { "description": "The namespace Argo CD runs in. An Application elsewhere (apps in any namespace) is tracked as <namespace>_<name>.", "type": "string", "minLength": 1, "default": "argocd" }, "ignoreDifferences": { "description": "System-level ignore rules (argocd-cm resource.customizations.ignoreDifferences): applied to every Argo CD Application's objects of the group and kind, with the Application's own ignoreDifferences.", "type": "array", "items": { "$ref": "#/definitions/argocdIgnoreDifference" } }, "clusters": { "description": "The clusters Argo CD knows (its cluster Secrets), which the ApplicationSet cluster generator lists. Without it, an ApplicationSet with a cluster generator fails.", "type": "array", "items": { "$ref": "#/definitions/argocdCluster" } }, "promote": { "$ref": "#/definitions/argocdPromote" } } }, "diff": { "description": "How desired and live objects are compared.", "type": "object", "additionalProperties": false, "properties": { "ignore": { "description": "Fields owned by something else (an HPA, a webhook, an operator) that never show as a change.", "type": "array", "items": { "$ref": "#/definitions/ignoreRule" } }, "ownershipLabel": { "description": "Label whose value names the environment that owns a live object. Live objects carrying it that are no longer rendered show as deletions.", "type": "string", "minLength": 1, "examples": ["app.kubernetes.io/part-of"] } } }, "drift": { "description": "Drift detection on a schedule.", "type": "object", "additionalProperties": false, "properties": { "after": { "description": "Open an issue only after this many consecutive runs found drift.", "type": "integer", "minimum": 1, "default": 1 }, "labels": { "description": "Labels put on drift issues; the first one also finds the open issue again.", "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 }, "default": ["drift"] } } } }, "definitions": { "fluxPromote": { "description": "Where discovered Flux environments are promoted from. A key is a Flux cluster (a folder under clusters/, or `default`): each of its environments promotes from the Kustomization of the same namespace and name in the cluster `from` names. Or a key is one environment, `<cluster>/<namespace>/<name>`, whose `from` is another environment's name; it wins over its cluster's entry.", "type": "object", "propertyNames": { "pattern": "^[^/]+(/[^/]+/[^/]+)?$" }, "additionalProperties": { "$ref": "#/definitions/promote" }, "examples": [{ "production": { "from": "staging" } }, { "production/flux-system/apps": { "from": "staging/flux-system/apps", "via": "commit" } }] }, "promote": { "description": "Image tags (and, in a Flux repository, chart versions) promoted into this environment after they land in another one.", "type": "object", "additionalProperties": false, "required": ["from"], "properties": { "from": { "description": "Name of the environment whose image tags are copied here.", "type": "string", "minLength": 1 }, "via": { "description": "pull-request: open or update a pull/merge request; commit: push straight to the default branch.", "enum": ["pull-request", "commit"], "default": "pull-request" }, "images": { "description": "Only these image names are promoted; absent means all.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "allowDowngrade": { "description": "Allow a promotion that moves a semver tag backwards.", "type": "boolean", "default": false }, "group": { "description": "environment: one pull/merge request for all images of this environment; image: one per image.", "enum": ["environment", "image"], "default": "environment" }, "helmImagePaths": { "description": "Extra Helm values paths holding images, e.g. `containers[name=app].image`.", "type": "array", "items": { "type": "string", "minLength": 1 } } } }, "environment": { "description": "One environment: a folder that renders to Kubernetes objects, optionally a cluster to compare with, optionally where its image tags come from.", "type": "object", "additionalProperties": false, "required": ["name", "path"], "properties": { "name": { "description": "Unique name, used in comments, issues and branch names: letters, digits, '.', '_', '-' and '/'.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]*$", "examples": ["dev", "eu/prod"] }, "path": { "description": "Folder relative to the repository root holding a kustomization, a Helm chart or plain manifests.", "type": "string", "minLength": 1, "examples": ["envs/dev"] }, "renderer": { "description": "How the folder becomes objects. auto: kustomize when it holds a kustomization, helm when it holds Chart.yaml, plain otherwise.", "enum": ["auto", "plain", "kustomize", "helm"], "default": "auto" }, "namespace": { "description": "The namespace of this environment's namespaced objects that name none, as Argo CD's destination.namespace and a Helm release namespace set it. Cluster-scoped objects are left alone (known from the cluster's discovery, or offline from the built-in kinds and the CRDs in the render). Helm renders with it as the release namespace.", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 }, "capabilities": { "$ref": "#/definitions/capabilities" }, "helm": { "description": "Settings for `helm template` when the folder is a Helm chart.", "type": "object", "additionalProperties": false, "properties": { "releaseName": { "description": "Release name; defaults to the environment name with '/' replaced by '-'.", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, "namespace": { "description": "Release namespace (helm --namespace). Same as the environment's namespace, which it overrides for Helm.", "type": "string", "minLength": 1 }, "valuesFiles": { "description": "Values files relative to the environment path, applied in order (helm -f).", "type": "array", "items": { "type": "string", "minLength": 1 }, "default": [] }, "chart": { "description": "Render a chart from a Helm repository or an OCI registry instead of a chart in the folder; the folder then holds the values files. The repository is reached because this (trusted) configuration names it.", "type": "object", "additionalProperties": false, "required": ["repository", "name", "version"], "properties": { "repository": { "description": "An HTTP(S) Helm repository (the URL that holds index.yaml) or an OCI registry path (oci://host/path).", "type": "string", "pattern": "^(https?|oci)://[^\\s]+$", "examples": ["https://stefanprodan.github.io/podinfo", "oci://ghcr.io/stefanprodan/charts"] }, "name": { "description": "The chart's name in the repository.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$" }, "version": { "description": "An exact version, or a range (`6.x`, `^6.5.0`, `>=1.2 <2`) resolved against the repository's index or the registry's tags on every run.", "type": "string", "minLength": 1 } } } } }, "cluster": { "description": "The cluster this environment runs on. Absent: plumbline compares renders only (offline).", "type": "object", "additionalProperties": false, "properties": { "context": { "description": "kubeconfig context; absent means the kubeconfig's current context.", "type": "string", "minLength": 1 } } }, "promote": { "$ref": "#/definitions/promote" } } }, "ignoreRule": { "description": "A field never shown as a change, on every object matching group, kind, namespace and name (each optional).", "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "group": { "description": "API group; '' is the core group.", "type": "string" }, "kind": { "description": "Object kind, e.g. Deployment.", "type": "string", "minLength": 1 }, "namespace": { "description": "Object namespace.", "type": "string", "minLength": 1 }, "name": { "description": "Object name.", "type": "string", "minLength": 1 }, "path": { "description": "RFC 6901 JSON pointer to the field, e.g. /spec/replicas or /metadata/annotations/example.com~1hash.", "type": "string", "examples": ["/spec/replicas"], "pattern": "^(/([^~/]|~[01])*)+$" } } }, "capabilities": { "description": "The Kubernetes version and API versions Helm reports to charts (.Capabilities) when plumbline does not ask a cluster.", "type": "object", "additionalProperties": false, "properties": { "kubeVersion": { "description": "Kubernetes version, e.g. 1.34.2 or v1.34.2.", "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, "apiVersions": { "description": "API versions beyond Helm's built-in ones, as group/version or group/version/Kind.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$" } } } }, "repositoryAccess": { "description": "Credentials and trust for one host.", "type": "object", "additionalProperties": false, "required": ["host"], "properties": { "host": { "description": "Host (and port) of the repository or registry.", "type": "string", "pattern": "^[A-Za-z0-9.-]+(:[0-9]+)?$" }, "usernameEnv": { "description": "Variable of the runner's environment holding the user name.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "passwordEnv": { "description": "Variable of the runner's environment holding the password or token.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "caFile": { "description": "PEM file on the runner with the CA that signs the host's certificate. `~` and `$VARIABLE` are expanded.", "type": "string", "minLength": 1 } } }, "argocdIgnoreDifference": { "description": "One system-level rule of ignoreDifferences: the objects it applies to (group and kind are glob patterns, any group or kind when left out, as argocd-cm's `all`; name and namespace exact) and the fields never compared.", "type": "object", "additionalProperties": false, "properties": { "group": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "namespace": { "type": "string" }, "jsonPointers": { "type": "array", "items": { "type": "string" } }, "jqPathExpressions": { "type": "array", "items": { "type": "string" }, "description": "jq path expressions, in the subset docs/argocd.md lists." }, "managedFieldsManagers": { "type": "array", "items": { "type": "string" }, "description": "Fields these field managers own in the live object are not compared." } }, "examples": [{ "group": "apps", "kind": "Deployment", "jsonPointers": ["/spec/replicas"] }, { "kind": "*", "managedFieldsManagers": ["kube-controller-manager"] }] }, "argocdCluster": { "description": "One cluster of Argo CD: its name, API server URL, and its cluster Secret's labels and annotations.", "type": "object", "additionalProperties": false, "required": ["name", "server"], "properties": { "name": { "type": "string", "minLength": 1 }, "server": { "type": "string", "minLength": 1 }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object", "additionalProperties": { "type": "string" } }, "project": { "type": "string" } }, "examples": [{ "name": "production", "server": "https://prod.example.com", "labels": { "env": "production" } }] }, "argocdPromote": { "description": "Where discovered Argo CD environments are promoted from. A key is an Argo CD cluster (the first part of its Applications' names): each of its Applications promotes from the Application of the same name in the cluster `from` names. Or a key is one environment, `<cluster>/<name>`, whose `from` is another environment's name; it wins over its cluster's entry.", "type": "object", "propertyNames": { "pattern": "^[^/]+(/[^/]+)?$" }, "additionalProperties": { "$ref": "#/definitions/promote" }, "examples": [{ "production": { "from": "staging" } }, { "prod/web": { "from": "staging/web-staging" } }] } } };
var schema15 = { "description": "Credentials and trust for one host.", "type": "object", "additionalProperties": false, "required": ["host"], "properties": { "host": { "description": "Host (and port) of the repository or registry.", "type": "string", "pattern": "^[A-Za-z0-9.-]+(:[0-9]+)?$" }, "usernameEnv": { "description": "Variable of the runner's environment holding the user name.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "passwordEnv": { "description": "Variable of the runner's environment holding the password or token.", "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "caFile": { "description": "PEM file on the runner with the CA that signs the host's certificate. `~` and `$VARIABLE` are expanded.", "type": "string", "minLength": 1 } } };
var schema13 = { "description": "The Kubernetes version and API versions Helm reports to charts (.Capabilities) when plumbline does not ask a cluster.", "type": "object", "additionalProperties": false, "properties": { "kubeVersion": { "description": "Kubernetes version, e.g. 1.34.2 or v1.34.2.", "type": "string", "pattern": "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, "apiVersions": { "description": "API versions beyond Helm's built-in ones, as group/version or group/version/Kind.", "type": "array", "items": { "type": "string", "pattern": "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$" } } } };
var schema20 = { "description": "One system-level rule of ignoreDifferences: the objects it applies to (group and kind are glob patterns, any group or kind when left out, as argocd-cm's `all`; name and namespace exact) and the fields never compared.", "type": "object", "additionalProperties": false, "properties": { "group": { "type": "string" }, "kind": { "type": "string" }, "name": { "type": "string" }, "namespace": { "type": "string" }, "jsonPointers": { "type": "array", "items": { "type": "string" } }, "jqPathExpressions": { "type": "array", "items": { "type": "string" }, "description": "jq path expressions, in the subset docs/argocd.md lists." }, "managedFieldsManagers": { "type": "array", "items": { "type": "string" }, "description": "Fields these field managers own in the live object are not compared." } }, "examples": [{ "group": "apps", "kind": "Deployment", "jsonPointers": ["/spec/replicas"] }, { "kind": "*", "managedFieldsManagers": ["kube-controller-manager"] }] };
var schema21 = { "description": "One cluster of Argo CD: its name, API server URL, and its cluster Secret's labels and annotations.", "type": "object", "additionalProperties": false, "required": ["name", "server"], "properties": { "name": { "type": "string", "minLength": 1 }, "server": { "type": "string", "minLength": 1 }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object", "additionalProperties": { "type": "string" } }, "project": { "type": "string" } }, "examples": [{ "name": "production", "server": "https://prod.example.com", "labels": { "env": "production" } }] };
var schema24 = { "description": "A field never shown as a change, on every object matching group, kind, namespace and name (each optional).", "type": "object", "additionalProperties": false, "required": ["path"], "properties": { "group": { "description": "API group; '' is the core group.", "type": "string" }, "kind": { "description": "Object kind, e.g. Deployment.", "type": "string", "minLength": 1 }, "namespace": { "description": "Object namespace.", "type": "string", "minLength": 1 }, "name": { "description": "Object name.", "type": "string", "minLength": 1 }, "path": { "description": "RFC 6901 JSON pointer to the field, e.g. /spec/replicas or /metadata/annotations/example.com~1hash.", "type": "string", "examples": ["/spec/replicas"], "pattern": "^(/([^~/]|~[01])*)+$" } } };
var func2 = Object.prototype.hasOwnProperty;
var func3 = require_ucs2length().default;
var schema12 = { "description": "One environment: a folder that renders to Kubernetes objects, optionally a cluster to compare with, optionally where its image tags come from.", "type": "object", "additionalProperties": false, "required": ["name", "path"], "properties": { "name": { "description": "Unique name, used in comments, issues and branch names: letters, digits, '.', '_', '-' and '/'.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._/-]*$", "examples": ["dev", "eu/prod"] }, "path": { "description": "Folder relative to the repository root holding a kustomization, a Helm chart or plain manifests.", "type": "string", "minLength": 1, "examples": ["envs/dev"] }, "renderer": { "description": "How the folder becomes objects. auto: kustomize when it holds a kustomization, helm when it holds Chart.yaml, plain otherwise.", "enum": ["auto", "plain", "kustomize", "helm"], "default": "auto" }, "namespace": { "description": "The namespace of this environment's namespaced objects that name none, as Argo CD's destination.namespace and a Helm release namespace set it. Cluster-scoped objects are left alone (known from the cluster's discovery, or offline from the built-in kinds and the CRDs in the render). Helm renders with it as the release namespace.", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 }, "capabilities": { "$ref": "#/definitions/capabilities" }, "helm": { "description": "Settings for `helm template` when the folder is a Helm chart.", "type": "object", "additionalProperties": false, "properties": { "releaseName": { "description": "Release name; defaults to the environment name with '/' replaced by '-'.", "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, "namespace": { "description": "Release namespace (helm --namespace). Same as the environment's namespace, which it overrides for Helm.", "type": "string", "minLength": 1 }, "valuesFiles": { "description": "Values files relative to the environment path, applied in order (helm -f).", "type": "array", "items": { "type": "string", "minLength": 1 }, "default": [] }, "chart": { "description": "Render a chart from a Helm repository or an OCI registry instead of a chart in the folder; the folder then holds the values files. The repository is reached because this (trusted) configuration names it.", "type": "object", "additionalProperties": false, "required": ["repository", "name", "version"], "properties": { "repository": { "description": "An HTTP(S) Helm repository (the URL that holds index.yaml) or an OCI registry path (oci://host/path).", "type": "string", "pattern": "^(https?|oci)://[^\\s]+$", "examples": ["https://stefanprodan.github.io/podinfo", "oci://ghcr.io/stefanprodan/charts"] }, "name": { "description": "The chart's name in the repository.", "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$" }, "version": { "description": "An exact version, or a range (`6.x`, `^6.5.0`, `>=1.2 <2`) resolved against the repository's index or the registry's tags on every run.", "type": "string", "minLength": 1 } } } } }, "cluster": { "description": "The cluster this environment runs on. Absent: plumbline compares renders only (offline).", "type": "object", "additionalProperties": false, "properties": { "context": { "description": "kubeconfig context; absent means the kubeconfig's current context.", "type": "string", "minLength": 1 } } }, "promote": { "$ref": "#/definitions/promote" } } };
var schema14 = { "description": "Image tags (and, in a Flux repository, chart versions) promoted into this environment after they land in another one.", "type": "object", "additionalProperties": false, "required": ["from"], "properties": { "from": { "description": "Name of the environment whose image tags are copied here.", "type": "string", "minLength": 1 }, "via": { "description": "pull-request: open or update a pull/merge request; commit: push straight to the default branch.", "enum": ["pull-request", "commit"], "default": "pull-request" }, "images": { "description": "Only these image names are promoted; absent means all.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "allowDowngrade": { "description": "Allow a promotion that moves a semver tag backwards.", "type": "boolean", "default": false }, "group": { "description": "environment: one pull/merge request for all images of this environment; image: one per image.", "enum": ["environment", "image"], "default": "environment" }, "helmImagePaths": { "description": "Extra Helm values paths holding images, e.g. `containers[name=app].image`.", "type": "array", "items": { "type": "string", "minLength": 1 } } } };
var pattern0 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._/-]*$", "u");
var pattern1 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
var pattern2 = new RegExp("^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", "u");
var pattern3 = new RegExp("^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$", "u");
var pattern5 = new RegExp("^(https?|oci)://[^\\s]+$", "u");
var pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "path" || key0 === "renderer" || key0 === "namespace" || key0 === "capabilities" || key0 === "helm" || key0 === "cluster" || key0 === "promote")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 === "string") {
        if (!pattern0.test(data0)) {
          const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._/-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._/-]*$"', schema: "^[A-Za-z0-9][A-Za-z0-9._/-]*$", parentSchema: schema12.properties.name, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.name.type, parentSchema: schema12.properties.name, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data1 = data.path;
      if (typeof data1 === "string") {
        if (func3(data1) < 1) {
          const err5 = { instancePath: instancePath + "/path", schemaPath: "#/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/path", schemaPath: "#/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.path.type, parentSchema: schema12.properties.path, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.renderer !== void 0) {
      let data2 = data.renderer;
      if (!(data2 === "auto" || data2 === "plain" || data2 === "kustomize" || data2 === "helm")) {
        const err7 = { instancePath: instancePath + "/renderer", schemaPath: "#/properties/renderer/enum", keyword: "enum", params: { allowedValues: schema12.properties.renderer.enum }, message: "must be equal to one of the allowed values", schema: schema12.properties.renderer.enum, parentSchema: schema12.properties.renderer, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.namespace !== void 0) {
      let data3 = data.namespace;
      if (typeof data3 === "string") {
        if (func3(data3) > 63) {
          const err8 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema12.properties.namespace, data: data3 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        if (!pattern1.test(data3)) {
          const err9 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema12.properties.namespace, data: data3 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.namespace.type, parentSchema: schema12.properties.namespace, data: data3 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.capabilities !== void 0) {
      let data4 = data.capabilities;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key1 in data4) {
          if (!(key1 === "kubeVersion" || key1 === "apiVersions")) {
            const err11 = { instancePath: instancePath + "/capabilities", schemaPath: "#/definitions/capabilities/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data: data4 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data4.kubeVersion !== void 0) {
          let data5 = data4.kubeVersion;
          if (typeof data5 === "string") {
            if (!pattern2.test(data5)) {
              const err12 = { instancePath: instancePath + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema13.properties.kubeVersion, data: data5 };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          } else {
            const err13 = { instancePath: instancePath + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.kubeVersion.type, parentSchema: schema13.properties.kubeVersion, data: data5 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data4.apiVersions !== void 0) {
          let data6 = data4.apiVersions;
          if (Array.isArray(data6)) {
            const len0 = data6.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data7 = data6[i0];
              if (typeof data7 === "string") {
                if (!pattern3.test(data7)) {
                  const err14 = { instancePath: instancePath + "/capabilities/apiVersions/" + i0, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$" }, message: 'must match pattern "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$"', schema: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$", parentSchema: schema13.properties.apiVersions.items, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
              } else {
                const err15 = { instancePath: instancePath + "/capabilities/apiVersions/" + i0, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.apiVersions.items.type, parentSchema: schema13.properties.apiVersions.items, data: data7 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/capabilities/apiVersions", schemaPath: "#/definitions/capabilities/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.apiVersions.type, parentSchema: schema13.properties.apiVersions, data: data6 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/capabilities", schemaPath: "#/definitions/capabilities/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data4 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.helm !== void 0) {
      let data8 = data.helm;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key2 in data8) {
          if (!(key2 === "releaseName" || key2 === "namespace" || key2 === "valuesFiles" || key2 === "chart")) {
            const err18 = { instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.helm, data: data8 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data8.releaseName !== void 0) {
          let data9 = data8.releaseName;
          if (typeof data9 === "string") {
            if (!pattern1.test(data9)) {
              const err19 = { instancePath: instancePath + "/helm/releaseName", schemaPath: "#/properties/helm/properties/releaseName/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", parentSchema: schema12.properties.helm.properties.releaseName, data: data9 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/helm/releaseName", schemaPath: "#/properties/helm/properties/releaseName/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.releaseName.type, parentSchema: schema12.properties.helm.properties.releaseName, data: data9 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data8.namespace !== void 0) {
          let data10 = data8.namespace;
          if (typeof data10 === "string") {
            if (func3(data10) < 1) {
              const err21 = { instancePath: instancePath + "/helm/namespace", schemaPath: "#/properties/helm/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.helm.properties.namespace, data: data10 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/helm/namespace", schemaPath: "#/properties/helm/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.namespace.type, parentSchema: schema12.properties.helm.properties.namespace, data: data10 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data8.valuesFiles !== void 0) {
          let data11 = data8.valuesFiles;
          if (Array.isArray(data11)) {
            const len1 = data11.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data12 = data11[i1];
              if (typeof data12 === "string") {
                if (func3(data12) < 1) {
                  const err23 = { instancePath: instancePath + "/helm/valuesFiles/" + i1, schemaPath: "#/properties/helm/properties/valuesFiles/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.helm.properties.valuesFiles.items, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/helm/valuesFiles/" + i1, schemaPath: "#/properties/helm/properties/valuesFiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.valuesFiles.items.type, parentSchema: schema12.properties.helm.properties.valuesFiles.items, data: data12 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          } else {
            const err25 = { instancePath: instancePath + "/helm/valuesFiles", schemaPath: "#/properties/helm/properties/valuesFiles/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.helm.properties.valuesFiles.type, parentSchema: schema12.properties.helm.properties.valuesFiles, data: data11 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data8.chart !== void 0) {
          let data13 = data8.chart;
          if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
            if (data13.repository === void 0) {
              const err26 = { instancePath: instancePath + "/helm/chart", schemaPath: "#/properties/helm/properties/chart/required", keyword: "required", params: { missingProperty: "repository" }, message: "must have required property 'repository'", schema: schema12.properties.helm.properties.chart.required, parentSchema: schema12.properties.helm.properties.chart, data: data13 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            if (data13.name === void 0) {
              const err27 = { instancePath: instancePath + "/helm/chart", schemaPath: "#/properties/helm/properties/chart/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema12.properties.helm.properties.chart.required, parentSchema: schema12.properties.helm.properties.chart, data: data13 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data13.version === void 0) {
              const err28 = { instancePath: instancePath + "/helm/chart", schemaPath: "#/properties/helm/properties/chart/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'", schema: schema12.properties.helm.properties.chart.required, parentSchema: schema12.properties.helm.properties.chart, data: data13 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            for (const key3 in data13) {
              if (!(key3 === "repository" || key3 === "name" || key3 === "version")) {
                const err29 = { instancePath: instancePath + "/helm/chart", schemaPath: "#/properties/helm/properties/chart/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.helm.properties.chart, data: data13 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data13.repository !== void 0) {
              let data14 = data13.repository;
              if (typeof data14 === "string") {
                if (!pattern5.test(data14)) {
                  const err30 = { instancePath: instancePath + "/helm/chart/repository", schemaPath: "#/properties/helm/properties/chart/properties/repository/pattern", keyword: "pattern", params: { pattern: "^(https?|oci)://[^\\s]+$" }, message: 'must match pattern "^(https?|oci)://[^\\s]+$"', schema: "^(https?|oci)://[^\\s]+$", parentSchema: schema12.properties.helm.properties.chart.properties.repository, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/helm/chart/repository", schemaPath: "#/properties/helm/properties/chart/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.chart.properties.repository.type, parentSchema: schema12.properties.helm.properties.chart.properties.repository, data: data14 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data13.name !== void 0) {
              let data15 = data13.name;
              if (typeof data15 === "string") {
                if (!pattern6.test(data15)) {
                  const err32 = { instancePath: instancePath + "/helm/chart/name", schemaPath: "#/properties/helm/properties/chart/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]*$", parentSchema: schema12.properties.helm.properties.chart.properties.name, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/helm/chart/name", schemaPath: "#/properties/helm/properties/chart/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.chart.properties.name.type, parentSchema: schema12.properties.helm.properties.chart.properties.name, data: data15 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data13.version !== void 0) {
              let data16 = data13.version;
              if (typeof data16 === "string") {
                if (func3(data16) < 1) {
                  const err34 = { instancePath: instancePath + "/helm/chart/version", schemaPath: "#/properties/helm/properties/chart/properties/version/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.helm.properties.chart.properties.version, data: data16 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/helm/chart/version", schemaPath: "#/properties/helm/properties/chart/properties/version/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.helm.properties.chart.properties.version.type, parentSchema: schema12.properties.helm.properties.chart.properties.version, data: data16 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/helm/chart", schemaPath: "#/properties/helm/properties/chart/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.helm.properties.chart.type, parentSchema: schema12.properties.helm.properties.chart, data: data13 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/helm", schemaPath: "#/properties/helm/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.helm.type, parentSchema: schema12.properties.helm, data: data8 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.cluster !== void 0) {
      let data17 = data.cluster;
      if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
        for (const key4 in data17) {
          if (!(key4 === "context")) {
            const err38 = { instancePath: instancePath + "/cluster", schemaPath: "#/properties/cluster/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.cluster, data: data17 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data17.context !== void 0) {
          let data18 = data17.context;
          if (typeof data18 === "string") {
            if (func3(data18) < 1) {
              const err39 = { instancePath: instancePath + "/cluster/context", schemaPath: "#/properties/cluster/properties/context/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.cluster.properties.context, data: data18 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/cluster/context", schemaPath: "#/properties/cluster/properties/context/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.cluster.properties.context.type, parentSchema: schema12.properties.cluster.properties.context, data: data18 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
      } else {
        const err41 = { instancePath: instancePath + "/cluster", schemaPath: "#/properties/cluster/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.cluster.type, parentSchema: schema12.properties.cluster, data: data17 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.promote !== void 0) {
      let data19 = data.promote;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        if (data19.from === void 0) {
          const err42 = { instancePath: instancePath + "/promote", schemaPath: "#/definitions/promote/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema14.required, parentSchema: schema14, data: data19 };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
        for (const key5 in data19) {
          if (!(key5 === "from" || key5 === "via" || key5 === "images" || key5 === "allowDowngrade" || key5 === "group" || key5 === "helmImagePaths")) {
            const err43 = { instancePath: instancePath + "/promote", schemaPath: "#/definitions/promote/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14, data: data19 };
            if (vErrors === null) {
              vErrors = [err43];
            } else {
              vErrors.push(err43);
            }
            errors++;
          }
        }
        if (data19.from !== void 0) {
          let data20 = data19.from;
          if (typeof data20 === "string") {
            if (func3(data20) < 1) {
              const err44 = { instancePath: instancePath + "/promote/from", schemaPath: "#/definitions/promote/properties/from/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.from, data: data20 };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = { instancePath: instancePath + "/promote/from", schemaPath: "#/definitions/promote/properties/from/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.from.type, parentSchema: schema14.properties.from, data: data20 };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
        }
        if (data19.via !== void 0) {
          let data21 = data19.via;
          if (!(data21 === "pull-request" || data21 === "commit")) {
            const err46 = { instancePath: instancePath + "/promote/via", schemaPath: "#/definitions/promote/properties/via/enum", keyword: "enum", params: { allowedValues: schema14.properties.via.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.via.enum, parentSchema: schema14.properties.via, data: data21 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data19.images !== void 0) {
          let data22 = data19.images;
          if (Array.isArray(data22)) {
            const len2 = data22.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data23 = data22[i2];
              if (typeof data23 === "string") {
                if (func3(data23) < 1) {
                  const err47 = { instancePath: instancePath + "/promote/images/" + i2, schemaPath: "#/definitions/promote/properties/images/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.images.items, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              } else {
                const err48 = { instancePath: instancePath + "/promote/images/" + i2, schemaPath: "#/definitions/promote/properties/images/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.images.items.type, parentSchema: schema14.properties.images.items, data: data23 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
          } else {
            const err49 = { instancePath: instancePath + "/promote/images", schemaPath: "#/definitions/promote/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.images.type, parentSchema: schema14.properties.images, data: data22 };
            if (vErrors === null) {
              vErrors = [err49];
            } else {
              vErrors.push(err49);
            }
            errors++;
          }
        }
        if (data19.allowDowngrade !== void 0) {
          let data24 = data19.allowDowngrade;
          if (typeof data24 !== "boolean") {
            const err50 = { instancePath: instancePath + "/promote/allowDowngrade", schemaPath: "#/definitions/promote/properties/allowDowngrade/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema14.properties.allowDowngrade.type, parentSchema: schema14.properties.allowDowngrade, data: data24 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data19.group !== void 0) {
          let data25 = data19.group;
          if (!(data25 === "environment" || data25 === "image")) {
            const err51 = { instancePath: instancePath + "/promote/group", schemaPath: "#/definitions/promote/properties/group/enum", keyword: "enum", params: { allowedValues: schema14.properties.group.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.group.enum, parentSchema: schema14.properties.group, data: data25 };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          }
        }
        if (data19.helmImagePaths !== void 0) {
          let data26 = data19.helmImagePaths;
          if (Array.isArray(data26)) {
            const len3 = data26.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data27 = data26[i3];
              if (typeof data27 === "string") {
                if (func3(data27) < 1) {
                  const err52 = { instancePath: instancePath + "/promote/helmImagePaths/" + i3, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.helmImagePaths.items, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
              } else {
                const err53 = { instancePath: instancePath + "/promote/helmImagePaths/" + i3, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.helmImagePaths.items.type, parentSchema: schema14.properties.helmImagePaths.items, data: data27 };
                if (vErrors === null) {
                  vErrors = [err53];
                } else {
                  vErrors.push(err53);
                }
                errors++;
              }
            }
          } else {
            const err54 = { instancePath: instancePath + "/promote/helmImagePaths", schemaPath: "#/definitions/promote/properties/helmImagePaths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.helmImagePaths.type, parentSchema: schema14.properties.helmImagePaths, data: data26 };
            if (vErrors === null) {
              vErrors = [err54];
            } else {
              vErrors.push(err54);
            }
            errors++;
          }
        }
      } else {
        const err55 = { instancePath: instancePath + "/promote", schemaPath: "#/definitions/promote/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data: data19 };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
    }
  } else {
    const err56 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err56];
    } else {
      vErrors.push(err56);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var schema18 = { "description": "Where discovered Flux environments are promoted from. A key is a Flux cluster (a folder under clusters/, or `default`): each of its environments promotes from the Kustomization of the same namespace and name in the cluster `from` names. Or a key is one environment, `<cluster>/<namespace>/<name>`, whose `from` is another environment's name; it wins over its cluster's entry.", "type": "object", "propertyNames": { "pattern": "^[^/]+(/[^/]+/[^/]+)?$" }, "additionalProperties": { "$ref": "#/definitions/promote" }, "examples": [{ "production": { "from": "staging" } }, { "production/flux-system/apps": { "from": "staging/flux-system/apps", "via": "commit" } }] };
var pattern18 = new RegExp("^[^/]+(/[^/]+/[^/]+)?$", "u");
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern18.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[^/]+(/[^/]+/[^/]+)?$" }, message: 'must match pattern "^[^/]+(/[^/]+/[^/]+)?$"', schema: "^[^/]+(/[^/]+/[^/]+)?$", parentSchema: schema18.propertyNames, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema18.propertyNames, parentSchema: schema18, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.from === void 0) {
          const err2 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema14.required, parentSchema: schema14, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key2 in data0) {
          if (!(key2 === "from" || key2 === "via" || key2 === "images" || key2 === "allowDowngrade" || key2 === "group" || key2 === "helmImagePaths")) {
            const err3 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14, data: data0 };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.from !== void 0) {
          let data1 = data0.from;
          if (typeof data1 === "string") {
            if (func3(data1) < 1) {
              const err4 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/from", schemaPath: "#/definitions/promote/properties/from/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.from, data: data1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/from", schemaPath: "#/definitions/promote/properties/from/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.from.type, parentSchema: schema14.properties.from, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.via !== void 0) {
          let data2 = data0.via;
          if (!(data2 === "pull-request" || data2 === "commit")) {
            const err6 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/via", schemaPath: "#/definitions/promote/properties/via/enum", keyword: "enum", params: { allowedValues: schema14.properties.via.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.via.enum, parentSchema: schema14.properties.via, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.images !== void 0) {
          let data3 = data0.images;
          if (Array.isArray(data3)) {
            const len0 = data3.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data4 = data3[i0];
              if (typeof data4 === "string") {
                if (func3(data4) < 1) {
                  const err7 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images/" + i0, schemaPath: "#/definitions/promote/properties/images/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.images.items, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images/" + i0, schemaPath: "#/definitions/promote/properties/images/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.images.items.type, parentSchema: schema14.properties.images.items, data: data4 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
          } else {
            const err9 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images", schemaPath: "#/definitions/promote/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.images.type, parentSchema: schema14.properties.images, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.allowDowngrade !== void 0) {
          let data5 = data0.allowDowngrade;
          if (typeof data5 !== "boolean") {
            const err10 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/allowDowngrade", schemaPath: "#/definitions/promote/properties/allowDowngrade/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema14.properties.allowDowngrade.type, parentSchema: schema14.properties.allowDowngrade, data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.group !== void 0) {
          let data6 = data0.group;
          if (!(data6 === "environment" || data6 === "image")) {
            const err11 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/group", schemaPath: "#/definitions/promote/properties/group/enum", keyword: "enum", params: { allowedValues: schema14.properties.group.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.group.enum, parentSchema: schema14.properties.group, data: data6 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.helmImagePaths !== void 0) {
          let data7 = data0.helmImagePaths;
          if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data8 = data7[i1];
              if (typeof data8 === "string") {
                if (func3(data8) < 1) {
                  const err12 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths/" + i1, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.helmImagePaths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              } else {
                const err13 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths/" + i1, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.helmImagePaths.items.type, parentSchema: schema14.properties.helmImagePaths.items, data: data8 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths", schemaPath: "#/definitions/promote/properties/helmImagePaths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.helmImagePaths.type, parentSchema: schema14.properties.helmImagePaths, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data: data0 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
var schema22 = { "description": "Where discovered Argo CD environments are promoted from. A key is an Argo CD cluster (the first part of its Applications' names): each of its Applications promotes from the Application of the same name in the cluster `from` names. Or a key is one environment, `<cluster>/<name>`, whose `from` is another environment's name; it wins over its cluster's entry.", "type": "object", "propertyNames": { "pattern": "^[^/]+(/[^/]+)?$" }, "additionalProperties": { "$ref": "#/definitions/promote" }, "examples": [{ "production": { "from": "staging" } }, { "prod/web": { "from": "staging/web-staging" } }] };
var pattern19 = new RegExp("^[^/]+(/[^/]+)?$", "u");
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      const _errs1 = errors;
      if (typeof key0 === "string") {
        if (!pattern19.test(key0)) {
          const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[^/]+(/[^/]+)?$" }, message: 'must match pattern "^[^/]+(/[^/]+)?$"', schema: "^[^/]+(/[^/]+)?$", parentSchema: schema22.propertyNames, data: key0, propertyName: key0 };
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
      }
      var valid0 = _errs1 === errors;
      if (!valid0) {
        const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema22.propertyNames, parentSchema: schema22, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      let data0 = data[key1];
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        if (data0.from === void 0) {
          const err2 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/required", keyword: "required", params: { missingProperty: "from" }, message: "must have required property 'from'", schema: schema14.required, parentSchema: schema14, data: data0 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key2 in data0) {
          if (!(key2 === "from" || key2 === "via" || key2 === "images" || key2 === "allowDowngrade" || key2 === "group" || key2 === "helmImagePaths")) {
            const err3 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14, data: data0 };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.from !== void 0) {
          let data1 = data0.from;
          if (typeof data1 === "string") {
            if (func3(data1) < 1) {
              const err4 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/from", schemaPath: "#/definitions/promote/properties/from/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.from, data: data1 };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
          } else {
            const err5 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/from", schemaPath: "#/definitions/promote/properties/from/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.from.type, parentSchema: schema14.properties.from, data: data1 };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
        if (data0.via !== void 0) {
          let data2 = data0.via;
          if (!(data2 === "pull-request" || data2 === "commit")) {
            const err6 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/via", schemaPath: "#/definitions/promote/properties/via/enum", keyword: "enum", params: { allowedValues: schema14.properties.via.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.via.enum, parentSchema: schema14.properties.via, data: data2 };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.images !== void 0) {
          let data3 = data0.images;
          if (Array.isArray(data3)) {
            const len0 = data3.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data4 = data3[i0];
              if (typeof data4 === "string") {
                if (func3(data4) < 1) {
                  const err7 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images/" + i0, schemaPath: "#/definitions/promote/properties/images/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.images.items, data: data4 };
                  if (vErrors === null) {
                    vErrors = [err7];
                  } else {
                    vErrors.push(err7);
                  }
                  errors++;
                }
              } else {
                const err8 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images/" + i0, schemaPath: "#/definitions/promote/properties/images/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.images.items.type, parentSchema: schema14.properties.images.items, data: data4 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
          } else {
            const err9 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/images", schemaPath: "#/definitions/promote/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.images.type, parentSchema: schema14.properties.images, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data0.allowDowngrade !== void 0) {
          let data5 = data0.allowDowngrade;
          if (typeof data5 !== "boolean") {
            const err10 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/allowDowngrade", schemaPath: "#/definitions/promote/properties/allowDowngrade/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema14.properties.allowDowngrade.type, parentSchema: schema14.properties.allowDowngrade, data: data5 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data0.group !== void 0) {
          let data6 = data0.group;
          if (!(data6 === "environment" || data6 === "image")) {
            const err11 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/group", schemaPath: "#/definitions/promote/properties/group/enum", keyword: "enum", params: { allowedValues: schema14.properties.group.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.group.enum, parentSchema: schema14.properties.group, data: data6 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data0.helmImagePaths !== void 0) {
          let data7 = data0.helmImagePaths;
          if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data8 = data7[i1];
              if (typeof data8 === "string") {
                if (func3(data8) < 1) {
                  const err12 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths/" + i1, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.helmImagePaths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              } else {
                const err13 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths/" + i1, schemaPath: "#/definitions/promote/properties/helmImagePaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.helmImagePaths.items.type, parentSchema: schema14.properties.helmImagePaths.items, data: data8 };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
            }
          } else {
            const err14 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/helmImagePaths", schemaPath: "#/definitions/promote/properties/helmImagePaths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.helmImagePaths.type, parentSchema: schema14.properties.helmImagePaths, data: data7 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/promote/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data: data0 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema22.type, parentSchema: schema22, data };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var pattern7 = new RegExp("^[A-Za-z0-9.-]+(:[0-9]+)?$", "u");
var pattern9 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
var pattern15 = new RegExp("^[^/]+$", "u");
var pattern20 = new RegExp("^(/([^~/]|~[01])*)+$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!func2.call(schema11.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      let data0 = data.$schema;
      if (typeof data0 !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.$schema.type, parentSchema: schema11.properties.$schema, data: data0 };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.environments !== void 0) {
      let data1 = data.environments;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err2 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.environments, data: data1 };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data1[i0], { instancePath: instancePath + "/environments/" + i0, parentData: data1, parentDataProperty: i0, rootData })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.environments.type, parentSchema: schema11.properties.environments, data: data1 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.render !== void 0) {
      let data3 = data.render;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          if (!(key1 === "allowHosts" || key1 === "limits" || key1 === "repositories" || key1 === "dockerConfig")) {
            const err4 = { instancePath: instancePath + "/render", schemaPath: "#/properties/render/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.render, data: data3 };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data3.allowHosts !== void 0) {
          let data4 = data3.allowHosts;
          if (Array.isArray(data4)) {
            const len1 = data4.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data5 = data4[i1];
              if (typeof data5 === "string") {
                if (!pattern7.test(data5)) {
                  const err5 = { instancePath: instancePath + "/render/allowHosts/" + i1, schemaPath: "#/properties/render/properties/allowHosts/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.-]+(:[0-9]+)?$" }, message: 'must match pattern "^[A-Za-z0-9.-]+(:[0-9]+)?$"', schema: "^[A-Za-z0-9.-]+(:[0-9]+)?$", parentSchema: schema11.properties.render.properties.allowHosts.items, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err5];
                  } else {
                    vErrors.push(err5);
                  }
                  errors++;
                }
              } else {
                const err6 = { instancePath: instancePath + "/render/allowHosts/" + i1, schemaPath: "#/properties/render/properties/allowHosts/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.render.properties.allowHosts.items.type, parentSchema: schema11.properties.render.properties.allowHosts.items, data: data5 };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
          } else {
            const err7 = { instancePath: instancePath + "/render/allowHosts", schemaPath: "#/properties/render/properties/allowHosts/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.render.properties.allowHosts.type, parentSchema: schema11.properties.render.properties.allowHosts, data: data4 };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data3.limits !== void 0) {
          let data6 = data3.limits;
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            for (const key2 in data6) {
              if (!(key2 === "bytes" || key2 === "objects")) {
                const err8 = { instancePath: instancePath + "/render/limits", schemaPath: "#/properties/render/properties/limits/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.render.properties.limits, data: data6 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data6.bytes !== void 0) {
              let data7 = data6.bytes;
              if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
                const err9 = { instancePath: instancePath + "/render/limits/bytes", schemaPath: "#/properties/render/properties/limits/properties/bytes/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.render.properties.limits.properties.bytes.type, parentSchema: schema11.properties.render.properties.limits.properties.bytes, data: data7 };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
              if (typeof data7 == "number" && isFinite(data7)) {
                if (data7 < 1 || isNaN(data7)) {
                  const err10 = { instancePath: instancePath + "/render/limits/bytes", schemaPath: "#/properties/render/properties/limits/properties/bytes/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.render.properties.limits.properties.bytes, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err10];
                  } else {
                    vErrors.push(err10);
                  }
                  errors++;
                }
              }
            }
            if (data6.objects !== void 0) {
              let data8 = data6.objects;
              if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
                const err11 = { instancePath: instancePath + "/render/limits/objects", schemaPath: "#/properties/render/properties/limits/properties/objects/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.render.properties.limits.properties.objects.type, parentSchema: schema11.properties.render.properties.limits.properties.objects, data: data8 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
              if (typeof data8 == "number" && isFinite(data8)) {
                if (data8 < 1 || isNaN(data8)) {
                  const err12 = { instancePath: instancePath + "/render/limits/objects", schemaPath: "#/properties/render/properties/limits/properties/objects/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.render.properties.limits.properties.objects, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err13 = { instancePath: instancePath + "/render/limits", schemaPath: "#/properties/render/properties/limits/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.render.properties.limits.type, parentSchema: schema11.properties.render.properties.limits, data: data6 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data3.repositories !== void 0) {
          let data9 = data3.repositories;
          if (Array.isArray(data9)) {
            const len2 = data9.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data10 = data9[i2];
              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                if (data10.host === void 0) {
                  const err14 = { instancePath: instancePath + "/render/repositories/" + i2, schemaPath: "#/definitions/repositoryAccess/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'", schema: schema15.required, parentSchema: schema15, data: data10 };
                  if (vErrors === null) {
                    vErrors = [err14];
                  } else {
                    vErrors.push(err14);
                  }
                  errors++;
                }
                for (const key3 in data10) {
                  if (!(key3 === "host" || key3 === "usernameEnv" || key3 === "passwordEnv" || key3 === "caFile")) {
                    const err15 = { instancePath: instancePath + "/render/repositories/" + i2, schemaPath: "#/definitions/repositoryAccess/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err15];
                    } else {
                      vErrors.push(err15);
                    }
                    errors++;
                  }
                }
                if (data10.host !== void 0) {
                  let data11 = data10.host;
                  if (typeof data11 === "string") {
                    if (!pattern7.test(data11)) {
                      const err16 = { instancePath: instancePath + "/render/repositories/" + i2 + "/host", schemaPath: "#/definitions/repositoryAccess/properties/host/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.-]+(:[0-9]+)?$" }, message: 'must match pattern "^[A-Za-z0-9.-]+(:[0-9]+)?$"', schema: "^[A-Za-z0-9.-]+(:[0-9]+)?$", parentSchema: schema15.properties.host, data: data11 };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                  } else {
                    const err17 = { instancePath: instancePath + "/render/repositories/" + i2 + "/host", schemaPath: "#/definitions/repositoryAccess/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.host.type, parentSchema: schema15.properties.host, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
                if (data10.usernameEnv !== void 0) {
                  let data12 = data10.usernameEnv;
                  if (typeof data12 === "string") {
                    if (!pattern9.test(data12)) {
                      const err18 = { instancePath: instancePath + "/render/repositories/" + i2 + "/usernameEnv", schemaPath: "#/definitions/repositoryAccess/properties/usernameEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema15.properties.usernameEnv, data: data12 };
                      if (vErrors === null) {
                        vErrors = [err18];
                      } else {
                        vErrors.push(err18);
                      }
                      errors++;
                    }
                  } else {
                    const err19 = { instancePath: instancePath + "/render/repositories/" + i2 + "/usernameEnv", schemaPath: "#/definitions/repositoryAccess/properties/usernameEnv/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.usernameEnv.type, parentSchema: schema15.properties.usernameEnv, data: data12 };
                    if (vErrors === null) {
                      vErrors = [err19];
                    } else {
                      vErrors.push(err19);
                    }
                    errors++;
                  }
                }
                if (data10.passwordEnv !== void 0) {
                  let data13 = data10.passwordEnv;
                  if (typeof data13 === "string") {
                    if (!pattern9.test(data13)) {
                      const err20 = { instancePath: instancePath + "/render/repositories/" + i2 + "/passwordEnv", schemaPath: "#/definitions/repositoryAccess/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"', schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema15.properties.passwordEnv, data: data13 };
                      if (vErrors === null) {
                        vErrors = [err20];
                      } else {
                        vErrors.push(err20);
                      }
                      errors++;
                    }
                  } else {
                    const err21 = { instancePath: instancePath + "/render/repositories/" + i2 + "/passwordEnv", schemaPath: "#/definitions/repositoryAccess/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.passwordEnv.type, parentSchema: schema15.properties.passwordEnv, data: data13 };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
                if (data10.caFile !== void 0) {
                  let data14 = data10.caFile;
                  if (typeof data14 === "string") {
                    if (func3(data14) < 1) {
                      const err22 = { instancePath: instancePath + "/render/repositories/" + i2 + "/caFile", schemaPath: "#/definitions/repositoryAccess/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema15.properties.caFile, data: data14 };
                      if (vErrors === null) {
                        vErrors = [err22];
                      } else {
                        vErrors.push(err22);
                      }
                      errors++;
                    }
                  } else {
                    const err23 = { instancePath: instancePath + "/render/repositories/" + i2 + "/caFile", schemaPath: "#/definitions/repositoryAccess/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.caFile.type, parentSchema: schema15.properties.caFile, data: data14 };
                    if (vErrors === null) {
                      vErrors = [err23];
                    } else {
                      vErrors.push(err23);
                    }
                    errors++;
                  }
                }
              } else {
                const err24 = { instancePath: instancePath + "/render/repositories/" + i2, schemaPath: "#/definitions/repositoryAccess/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data: data10 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
          } else {
            const err25 = { instancePath: instancePath + "/render/repositories", schemaPath: "#/properties/render/properties/repositories/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.render.properties.repositories.type, parentSchema: schema11.properties.render.properties.repositories, data: data9 };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data3.dockerConfig !== void 0) {
          let data15 = data3.dockerConfig;
          if (typeof data15 === "string") {
            if (func3(data15) < 1) {
              const err26 = { instancePath: instancePath + "/render/dockerConfig", schemaPath: "#/properties/render/properties/dockerConfig/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.render.properties.dockerConfig, data: data15 };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/render/dockerConfig", schemaPath: "#/properties/render/properties/dockerConfig/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.render.properties.dockerConfig.type, parentSchema: schema11.properties.render.properties.dockerConfig, data: data15 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/render", schemaPath: "#/properties/render/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.render.type, parentSchema: schema11.properties.render, data: data3 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.capabilities !== void 0) {
      let data16 = data.capabilities;
      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
        for (const key4 in data16) {
          if (!(key4 === "kubeVersion" || key4 === "apiVersions")) {
            const err29 = { instancePath: instancePath + "/capabilities", schemaPath: "#/definitions/capabilities/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data: data16 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data16.kubeVersion !== void 0) {
          let data17 = data16.kubeVersion;
          if (typeof data17 === "string") {
            if (!pattern2.test(data17)) {
              const err30 = { instancePath: instancePath + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema13.properties.kubeVersion, data: data17 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          } else {
            const err31 = { instancePath: instancePath + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.kubeVersion.type, parentSchema: schema13.properties.kubeVersion, data: data17 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data16.apiVersions !== void 0) {
          let data18 = data16.apiVersions;
          if (Array.isArray(data18)) {
            const len3 = data18.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data19 = data18[i3];
              if (typeof data19 === "string") {
                if (!pattern3.test(data19)) {
                  const err32 = { instancePath: instancePath + "/capabilities/apiVersions/" + i3, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$" }, message: 'must match pattern "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$"', schema: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$", parentSchema: schema13.properties.apiVersions.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/capabilities/apiVersions/" + i3, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.apiVersions.items.type, parentSchema: schema13.properties.apiVersions.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
          } else {
            const err34 = { instancePath: instancePath + "/capabilities/apiVersions", schemaPath: "#/definitions/capabilities/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.apiVersions.type, parentSchema: schema13.properties.apiVersions, data: data18 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/capabilities", schemaPath: "#/definitions/capabilities/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data16 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.clusters !== void 0) {
      let data20 = data.clusters;
      if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
        for (const key5 in data20) {
          let data21 = data20[key5];
          if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
            for (const key6 in data21) {
              if (!(key6 === "capabilities" || key6 === "fluxCluster" || key6 === "argocdCluster")) {
                const err36 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/clusters/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.clusters.additionalProperties, data: data21 };
                if (vErrors === null) {
                  vErrors = [err36];
                } else {
                  vErrors.push(err36);
                }
                errors++;
              }
            }
            if (data21.capabilities !== void 0) {
              let data22 = data21.capabilities;
              if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                for (const key7 in data22) {
                  if (!(key7 === "kubeVersion" || key7 === "apiVersions")) {
                    const err37 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities", schemaPath: "#/definitions/capabilities/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data: data22 };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
                if (data22.kubeVersion !== void 0) {
                  let data23 = data22.kubeVersion;
                  if (typeof data23 === "string") {
                    if (!pattern2.test(data23)) {
                      const err38 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/pattern", keyword: "pattern", params: { pattern: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$" }, message: 'must match pattern "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$"', schema: "^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$", parentSchema: schema13.properties.kubeVersion, data: data23 };
                      if (vErrors === null) {
                        vErrors = [err38];
                      } else {
                        vErrors.push(err38);
                      }
                      errors++;
                    }
                  } else {
                    const err39 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities/kubeVersion", schemaPath: "#/definitions/capabilities/properties/kubeVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.kubeVersion.type, parentSchema: schema13.properties.kubeVersion, data: data23 };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                  }
                }
                if (data22.apiVersions !== void 0) {
                  let data24 = data22.apiVersions;
                  if (Array.isArray(data24)) {
                    const len4 = data24.length;
                    for (let i4 = 0; i4 < len4; i4++) {
                      let data25 = data24[i4];
                      if (typeof data25 === "string") {
                        if (!pattern3.test(data25)) {
                          const err40 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities/apiVersions/" + i4, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$" }, message: 'must match pattern "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$"', schema: "^[A-Za-z0-9.-]+(/[A-Za-z0-9.-]+){0,2}$", parentSchema: schema13.properties.apiVersions.items, data: data25 };
                          if (vErrors === null) {
                            vErrors = [err40];
                          } else {
                            vErrors.push(err40);
                          }
                          errors++;
                        }
                      } else {
                        const err41 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities/apiVersions/" + i4, schemaPath: "#/definitions/capabilities/properties/apiVersions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.apiVersions.items.type, parentSchema: schema13.properties.apiVersions.items, data: data25 };
                        if (vErrors === null) {
                          vErrors = [err41];
                        } else {
                          vErrors.push(err41);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err42 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities/apiVersions", schemaPath: "#/definitions/capabilities/properties/apiVersions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.apiVersions.type, parentSchema: schema13.properties.apiVersions, data: data24 };
                    if (vErrors === null) {
                      vErrors = [err42];
                    } else {
                      vErrors.push(err42);
                    }
                    errors++;
                  }
                }
              } else {
                const err43 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/capabilities", schemaPath: "#/definitions/capabilities/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data: data22 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data21.fluxCluster !== void 0) {
              let data26 = data21.fluxCluster;
              if (typeof data26 === "string") {
                if (func3(data26) < 1) {
                  const err44 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/fluxCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/fluxCluster/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.clusters.additionalProperties.properties.fluxCluster, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
                if (!pattern15.test(data26)) {
                  const err45 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/fluxCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/fluxCluster/pattern", keyword: "pattern", params: { pattern: "^[^/]+$" }, message: 'must match pattern "^[^/]+$"', schema: "^[^/]+$", parentSchema: schema11.properties.clusters.additionalProperties.properties.fluxCluster, data: data26 };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              } else {
                const err46 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/fluxCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/fluxCluster/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.clusters.additionalProperties.properties.fluxCluster.type, parentSchema: schema11.properties.clusters.additionalProperties.properties.fluxCluster, data: data26 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
            }
            if (data21.argocdCluster !== void 0) {
              let data27 = data21.argocdCluster;
              if (typeof data27 === "string") {
                if (func3(data27) < 1) {
                  const err47 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/argocdCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/argocdCluster/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.clusters.additionalProperties.properties.argocdCluster, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
                if (!pattern15.test(data27)) {
                  const err48 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/argocdCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/argocdCluster/pattern", keyword: "pattern", params: { pattern: "^[^/]+$" }, message: 'must match pattern "^[^/]+$"', schema: "^[^/]+$", parentSchema: schema11.properties.clusters.additionalProperties.properties.argocdCluster, data: data27 };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
              } else {
                const err49 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/argocdCluster", schemaPath: "#/properties/clusters/additionalProperties/properties/argocdCluster/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.clusters.additionalProperties.properties.argocdCluster.type, parentSchema: schema11.properties.clusters.additionalProperties.properties.argocdCluster, data: data27 };
                if (vErrors === null) {
                  vErrors = [err49];
                } else {
                  vErrors.push(err49);
                }
                errors++;
              }
            }
          } else {
            const err50 = { instancePath: instancePath + "/clusters/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/clusters/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.clusters.additionalProperties.type, parentSchema: schema11.properties.clusters.additionalProperties, data: data21 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
      } else {
        const err51 = { instancePath: instancePath + "/clusters", schemaPath: "#/properties/clusters/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.clusters.type, parentSchema: schema11.properties.clusters, data: data20 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
    if (data.repositoryUrls !== void 0) {
      let data28 = data.repositoryUrls;
      if (Array.isArray(data28)) {
        const len5 = data28.length;
        for (let i5 = 0; i5 < len5; i5++) {
          let data29 = data28[i5];
          if (typeof data29 === "string") {
            if (func3(data29) < 1) {
              const err52 = { instancePath: instancePath + "/repositoryUrls/" + i5, schemaPath: "#/properties/repositoryUrls/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.repositoryUrls.items, data: data29 };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          } else {
            const err53 = { instancePath: instancePath + "/repositoryUrls/" + i5, schemaPath: "#/properties/repositoryUrls/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.repositoryUrls.items.type, parentSchema: schema11.properties.repositoryUrls.items, data: data29 };
            if (vErrors === null) {
              vErrors = [err53];
            } else {
              vErrors.push(err53);
            }
            errors++;
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/repositoryUrls", schemaPath: "#/properties/repositoryUrls/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.repositoryUrls.type, parentSchema: schema11.properties.repositoryUrls, data: data28 };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.flux !== void 0) {
      let data30 = data.flux;
      if (data30 && typeof data30 == "object" && !Array.isArray(data30)) {
        for (const key8 in data30) {
          if (!(key8 === "clusterObjects" || key8 === "promote")) {
            const err55 = { instancePath: instancePath + "/flux", schemaPath: "#/properties/flux/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.flux, data: data30 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
        if (data30.clusterObjects !== void 0) {
          let data31 = data30.clusterObjects;
          if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
            for (const key9 in data31) {
              const _errs76 = errors;
              if (typeof key9 === "string") {
                if (!pattern15.test(key9)) {
                  const err56 = { instancePath: instancePath + "/flux/clusterObjects", schemaPath: "#/properties/flux/properties/clusterObjects/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[^/]+$" }, message: 'must match pattern "^[^/]+$"', schema: "^[^/]+$", parentSchema: schema11.properties.flux.properties.clusterObjects.propertyNames, data: key9, propertyName: key9 };
                  if (vErrors === null) {
                    vErrors = [err56];
                  } else {
                    vErrors.push(err56);
                  }
                  errors++;
                }
              }
              var valid24 = _errs76 === errors;
              if (!valid24) {
                const err57 = { instancePath: instancePath + "/flux/clusterObjects", schemaPath: "#/properties/flux/properties/clusterObjects/propertyNames", keyword: "propertyNames", params: { propertyName: key9 }, message: "property name must be valid", schema: schema11.properties.flux.properties.clusterObjects.propertyNames, parentSchema: schema11.properties.flux.properties.clusterObjects, data: data31 };
                if (vErrors === null) {
                  vErrors = [err57];
                } else {
                  vErrors.push(err57);
                }
                errors++;
              }
            }
            for (const key10 in data31) {
              let data32 = data31[key10];
              if (typeof data32 === "string") {
                if (func3(data32) < 1) {
                  const err58 = { instancePath: instancePath + "/flux/clusterObjects/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/flux/properties/clusterObjects/additionalProperties/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.flux.properties.clusterObjects.additionalProperties, data: data32 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
              } else {
                const err59 = { instancePath: instancePath + "/flux/clusterObjects/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/flux/properties/clusterObjects/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.flux.properties.clusterObjects.additionalProperties.type, parentSchema: schema11.properties.flux.properties.clusterObjects.additionalProperties, data: data32 };
                if (vErrors === null) {
                  vErrors = [err59];
                } else {
                  vErrors.push(err59);
                }
                errors++;
              }
            }
          } else {
            const err60 = { instancePath: instancePath + "/flux/clusterObjects", schemaPath: "#/properties/flux/properties/clusterObjects/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.flux.properties.clusterObjects.type, parentSchema: schema11.properties.flux.properties.clusterObjects, data: data31 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data30.promote !== void 0) {
          if (!validate13(data30.promote, { instancePath: instancePath + "/flux/promote", parentData: data30, parentDataProperty: "promote", rootData })) {
            vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err61 = { instancePath: instancePath + "/flux", schemaPath: "#/properties/flux/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.flux.type, parentSchema: schema11.properties.flux, data: data30 };
        if (vErrors === null) {
          vErrors = [err61];
        } else {
          vErrors.push(err61);
        }
        errors++;
      }
    }
    if (data.argocd !== void 0) {
      let data34 = data.argocd;
      if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
        for (const key11 in data34) {
          if (!(key11 === "trackingMethod" || key11 === "instanceLabelKey" || key11 === "namespace" || key11 === "ignoreDifferences" || key11 === "clusters" || key11 === "promote")) {
            const err62 = { instancePath: instancePath + "/argocd", schemaPath: "#/properties/argocd/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key11 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.argocd, data: data34 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data34.trackingMethod !== void 0) {
          let data35 = data34.trackingMethod;
          if (!(data35 === "annotation" || data35 === "label" || data35 === "annotation+label")) {
            const err63 = { instancePath: instancePath + "/argocd/trackingMethod", schemaPath: "#/properties/argocd/properties/trackingMethod/enum", keyword: "enum", params: { allowedValues: schema11.properties.argocd.properties.trackingMethod.enum }, message: "must be equal to one of the allowed values", schema: schema11.properties.argocd.properties.trackingMethod.enum, parentSchema: schema11.properties.argocd.properties.trackingMethod, data: data35 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
        if (data34.instanceLabelKey !== void 0) {
          let data36 = data34.instanceLabelKey;
          if (typeof data36 === "string") {
            if (func3(data36) < 1) {
              const err64 = { instancePath: instancePath + "/argocd/instanceLabelKey", schemaPath: "#/properties/argocd/properties/instanceLabelKey/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.argocd.properties.instanceLabelKey, data: data36 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          } else {
            const err65 = { instancePath: instancePath + "/argocd/instanceLabelKey", schemaPath: "#/properties/argocd/properties/instanceLabelKey/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.argocd.properties.instanceLabelKey.type, parentSchema: schema11.properties.argocd.properties.instanceLabelKey, data: data36 };
            if (vErrors === null) {
              vErrors = [err65];
            } else {
              vErrors.push(err65);
            }
            errors++;
          }
        }
        if (data34.namespace !== void 0) {
          let data37 = data34.namespace;
          if (typeof data37 === "string") {
            if (func3(data37) < 1) {
              const err66 = { instancePath: instancePath + "/argocd/namespace", schemaPath: "#/properties/argocd/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.argocd.properties.namespace, data: data37 };
              if (vErrors === null) {
                vErrors = [err66];
              } else {
                vErrors.push(err66);
              }
              errors++;
            }
          } else {
            const err67 = { instancePath: instancePath + "/argocd/namespace", schemaPath: "#/properties/argocd/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.argocd.properties.namespace.type, parentSchema: schema11.properties.argocd.properties.namespace, data: data37 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        if (data34.ignoreDifferences !== void 0) {
          let data38 = data34.ignoreDifferences;
          if (Array.isArray(data38)) {
            const len6 = data38.length;
            for (let i6 = 0; i6 < len6; i6++) {
              let data39 = data38[i6];
              if (data39 && typeof data39 == "object" && !Array.isArray(data39)) {
                for (const key12 in data39) {
                  if (!(key12 === "group" || key12 === "kind" || key12 === "name" || key12 === "namespace" || key12 === "jsonPointers" || key12 === "jqPathExpressions" || key12 === "managedFieldsManagers")) {
                    const err68 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6, schemaPath: "#/definitions/argocdIgnoreDifference/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key12 }, message: "must NOT have additional properties", schema: false, parentSchema: schema20, data: data39 };
                    if (vErrors === null) {
                      vErrors = [err68];
                    } else {
                      vErrors.push(err68);
                    }
                    errors++;
                  }
                }
                if (data39.group !== void 0) {
                  let data40 = data39.group;
                  if (typeof data40 !== "string") {
                    const err69 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/group", schemaPath: "#/definitions/argocdIgnoreDifference/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.group.type, parentSchema: schema20.properties.group, data: data40 };
                    if (vErrors === null) {
                      vErrors = [err69];
                    } else {
                      vErrors.push(err69);
                    }
                    errors++;
                  }
                }
                if (data39.kind !== void 0) {
                  let data41 = data39.kind;
                  if (typeof data41 !== "string") {
                    const err70 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/kind", schemaPath: "#/definitions/argocdIgnoreDifference/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.kind.type, parentSchema: schema20.properties.kind, data: data41 };
                    if (vErrors === null) {
                      vErrors = [err70];
                    } else {
                      vErrors.push(err70);
                    }
                    errors++;
                  }
                }
                if (data39.name !== void 0) {
                  let data42 = data39.name;
                  if (typeof data42 !== "string") {
                    const err71 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/name", schemaPath: "#/definitions/argocdIgnoreDifference/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.name.type, parentSchema: schema20.properties.name, data: data42 };
                    if (vErrors === null) {
                      vErrors = [err71];
                    } else {
                      vErrors.push(err71);
                    }
                    errors++;
                  }
                }
                if (data39.namespace !== void 0) {
                  let data43 = data39.namespace;
                  if (typeof data43 !== "string") {
                    const err72 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/namespace", schemaPath: "#/definitions/argocdIgnoreDifference/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.namespace.type, parentSchema: schema20.properties.namespace, data: data43 };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                if (data39.jsonPointers !== void 0) {
                  let data44 = data39.jsonPointers;
                  if (Array.isArray(data44)) {
                    const len7 = data44.length;
                    for (let i7 = 0; i7 < len7; i7++) {
                      let data45 = data44[i7];
                      if (typeof data45 !== "string") {
                        const err73 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/jsonPointers/" + i7, schemaPath: "#/definitions/argocdIgnoreDifference/properties/jsonPointers/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.jsonPointers.items.type, parentSchema: schema20.properties.jsonPointers.items, data: data45 };
                        if (vErrors === null) {
                          vErrors = [err73];
                        } else {
                          vErrors.push(err73);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err74 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/jsonPointers", schemaPath: "#/definitions/argocdIgnoreDifference/properties/jsonPointers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.jsonPointers.type, parentSchema: schema20.properties.jsonPointers, data: data44 };
                    if (vErrors === null) {
                      vErrors = [err74];
                    } else {
                      vErrors.push(err74);
                    }
                    errors++;
                  }
                }
                if (data39.jqPathExpressions !== void 0) {
                  let data46 = data39.jqPathExpressions;
                  if (Array.isArray(data46)) {
                    const len8 = data46.length;
                    for (let i8 = 0; i8 < len8; i8++) {
                      let data47 = data46[i8];
                      if (typeof data47 !== "string") {
                        const err75 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/jqPathExpressions/" + i8, schemaPath: "#/definitions/argocdIgnoreDifference/properties/jqPathExpressions/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.jqPathExpressions.items.type, parentSchema: schema20.properties.jqPathExpressions.items, data: data47 };
                        if (vErrors === null) {
                          vErrors = [err75];
                        } else {
                          vErrors.push(err75);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err76 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/jqPathExpressions", schemaPath: "#/definitions/argocdIgnoreDifference/properties/jqPathExpressions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.jqPathExpressions.type, parentSchema: schema20.properties.jqPathExpressions, data: data46 };
                    if (vErrors === null) {
                      vErrors = [err76];
                    } else {
                      vErrors.push(err76);
                    }
                    errors++;
                  }
                }
                if (data39.managedFieldsManagers !== void 0) {
                  let data48 = data39.managedFieldsManagers;
                  if (Array.isArray(data48)) {
                    const len9 = data48.length;
                    for (let i9 = 0; i9 < len9; i9++) {
                      let data49 = data48[i9];
                      if (typeof data49 !== "string") {
                        const err77 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/managedFieldsManagers/" + i9, schemaPath: "#/definitions/argocdIgnoreDifference/properties/managedFieldsManagers/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema20.properties.managedFieldsManagers.items.type, parentSchema: schema20.properties.managedFieldsManagers.items, data: data49 };
                        if (vErrors === null) {
                          vErrors = [err77];
                        } else {
                          vErrors.push(err77);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err78 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6 + "/managedFieldsManagers", schemaPath: "#/definitions/argocdIgnoreDifference/properties/managedFieldsManagers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema20.properties.managedFieldsManagers.type, parentSchema: schema20.properties.managedFieldsManagers, data: data48 };
                    if (vErrors === null) {
                      vErrors = [err78];
                    } else {
                      vErrors.push(err78);
                    }
                    errors++;
                  }
                }
              } else {
                const err79 = { instancePath: instancePath + "/argocd/ignoreDifferences/" + i6, schemaPath: "#/definitions/argocdIgnoreDifference/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema20.type, parentSchema: schema20, data: data39 };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
          } else {
            const err80 = { instancePath: instancePath + "/argocd/ignoreDifferences", schemaPath: "#/properties/argocd/properties/ignoreDifferences/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.argocd.properties.ignoreDifferences.type, parentSchema: schema11.properties.argocd.properties.ignoreDifferences, data: data38 };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
        if (data34.clusters !== void 0) {
          let data50 = data34.clusters;
          if (Array.isArray(data50)) {
            const len10 = data50.length;
            for (let i10 = 0; i10 < len10; i10++) {
              let data51 = data50[i10];
              if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
                if (data51.name === void 0) {
                  const err81 = { instancePath: instancePath + "/argocd/clusters/" + i10, schemaPath: "#/definitions/argocdCluster/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema21.required, parentSchema: schema21, data: data51 };
                  if (vErrors === null) {
                    vErrors = [err81];
                  } else {
                    vErrors.push(err81);
                  }
                  errors++;
                }
                if (data51.server === void 0) {
                  const err82 = { instancePath: instancePath + "/argocd/clusters/" + i10, schemaPath: "#/definitions/argocdCluster/required", keyword: "required", params: { missingProperty: "server" }, message: "must have required property 'server'", schema: schema21.required, parentSchema: schema21, data: data51 };
                  if (vErrors === null) {
                    vErrors = [err82];
                  } else {
                    vErrors.push(err82);
                  }
                  errors++;
                }
                for (const key13 in data51) {
                  if (!(key13 === "name" || key13 === "server" || key13 === "labels" || key13 === "annotations" || key13 === "project")) {
                    const err83 = { instancePath: instancePath + "/argocd/clusters/" + i10, schemaPath: "#/definitions/argocdCluster/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key13 }, message: "must NOT have additional properties", schema: false, parentSchema: schema21, data: data51 };
                    if (vErrors === null) {
                      vErrors = [err83];
                    } else {
                      vErrors.push(err83);
                    }
                    errors++;
                  }
                }
                if (data51.name !== void 0) {
                  let data52 = data51.name;
                  if (typeof data52 === "string") {
                    if (func3(data52) < 1) {
                      const err84 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/name", schemaPath: "#/definitions/argocdCluster/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema21.properties.name, data: data52 };
                      if (vErrors === null) {
                        vErrors = [err84];
                      } else {
                        vErrors.push(err84);
                      }
                      errors++;
                    }
                  } else {
                    const err85 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/name", schemaPath: "#/definitions/argocdCluster/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.name.type, parentSchema: schema21.properties.name, data: data52 };
                    if (vErrors === null) {
                      vErrors = [err85];
                    } else {
                      vErrors.push(err85);
                    }
                    errors++;
                  }
                }
                if (data51.server !== void 0) {
                  let data53 = data51.server;
                  if (typeof data53 === "string") {
                    if (func3(data53) < 1) {
                      const err86 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/server", schemaPath: "#/definitions/argocdCluster/properties/server/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema21.properties.server, data: data53 };
                      if (vErrors === null) {
                        vErrors = [err86];
                      } else {
                        vErrors.push(err86);
                      }
                      errors++;
                    }
                  } else {
                    const err87 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/server", schemaPath: "#/definitions/argocdCluster/properties/server/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.server.type, parentSchema: schema21.properties.server, data: data53 };
                    if (vErrors === null) {
                      vErrors = [err87];
                    } else {
                      vErrors.push(err87);
                    }
                    errors++;
                  }
                }
                if (data51.labels !== void 0) {
                  let data54 = data51.labels;
                  if (data54 && typeof data54 == "object" && !Array.isArray(data54)) {
                    for (const key14 in data54) {
                      let data55 = data54[key14];
                      if (typeof data55 !== "string") {
                        const err88 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/labels/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/argocdCluster/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.labels.additionalProperties.type, parentSchema: schema21.properties.labels.additionalProperties, data: data55 };
                        if (vErrors === null) {
                          vErrors = [err88];
                        } else {
                          vErrors.push(err88);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err89 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/labels", schemaPath: "#/definitions/argocdCluster/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.properties.labels.type, parentSchema: schema21.properties.labels, data: data54 };
                    if (vErrors === null) {
                      vErrors = [err89];
                    } else {
                      vErrors.push(err89);
                    }
                    errors++;
                  }
                }
                if (data51.annotations !== void 0) {
                  let data56 = data51.annotations;
                  if (data56 && typeof data56 == "object" && !Array.isArray(data56)) {
                    for (const key15 in data56) {
                      let data57 = data56[key15];
                      if (typeof data57 !== "string") {
                        const err90 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/annotations/" + key15.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/argocdCluster/properties/annotations/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.annotations.additionalProperties.type, parentSchema: schema21.properties.annotations.additionalProperties, data: data57 };
                        if (vErrors === null) {
                          vErrors = [err90];
                        } else {
                          vErrors.push(err90);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err91 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/annotations", schemaPath: "#/definitions/argocdCluster/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.properties.annotations.type, parentSchema: schema21.properties.annotations, data: data56 };
                    if (vErrors === null) {
                      vErrors = [err91];
                    } else {
                      vErrors.push(err91);
                    }
                    errors++;
                  }
                }
                if (data51.project !== void 0) {
                  let data58 = data51.project;
                  if (typeof data58 !== "string") {
                    const err92 = { instancePath: instancePath + "/argocd/clusters/" + i10 + "/project", schemaPath: "#/definitions/argocdCluster/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.properties.project.type, parentSchema: schema21.properties.project, data: data58 };
                    if (vErrors === null) {
                      vErrors = [err92];
                    } else {
                      vErrors.push(err92);
                    }
                    errors++;
                  }
                }
              } else {
                const err93 = { instancePath: instancePath + "/argocd/clusters/" + i10, schemaPath: "#/definitions/argocdCluster/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema21.type, parentSchema: schema21, data: data51 };
                if (vErrors === null) {
                  vErrors = [err93];
                } else {
                  vErrors.push(err93);
                }
                errors++;
              }
            }
          } else {
            const err94 = { instancePath: instancePath + "/argocd/clusters", schemaPath: "#/properties/argocd/properties/clusters/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.argocd.properties.clusters.type, parentSchema: schema11.properties.argocd.properties.clusters, data: data50 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
        if (data34.promote !== void 0) {
          if (!validate15(data34.promote, { instancePath: instancePath + "/argocd/promote", parentData: data34, parentDataProperty: "promote", rootData })) {
            vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err95 = { instancePath: instancePath + "/argocd", schemaPath: "#/properties/argocd/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.argocd.type, parentSchema: schema11.properties.argocd, data: data34 };
        if (vErrors === null) {
          vErrors = [err95];
        } else {
          vErrors.push(err95);
        }
        errors++;
      }
    }
    if (data.diff !== void 0) {
      let data60 = data.diff;
      if (data60 && typeof data60 == "object" && !Array.isArray(data60)) {
        for (const key16 in data60) {
          if (!(key16 === "ignore" || key16 === "ownershipLabel")) {
            const err96 = { instancePath: instancePath + "/diff", schemaPath: "#/properties/diff/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key16 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.diff, data: data60 };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        }
        if (data60.ignore !== void 0) {
          let data61 = data60.ignore;
          if (Array.isArray(data61)) {
            const len11 = data61.length;
            for (let i11 = 0; i11 < len11; i11++) {
              let data62 = data61[i11];
              if (data62 && typeof data62 == "object" && !Array.isArray(data62)) {
                if (data62.path === void 0) {
                  const err97 = { instancePath: instancePath + "/diff/ignore/" + i11, schemaPath: "#/definitions/ignoreRule/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema24.required, parentSchema: schema24, data: data62 };
                  if (vErrors === null) {
                    vErrors = [err97];
                  } else {
                    vErrors.push(err97);
                  }
                  errors++;
                }
                for (const key17 in data62) {
                  if (!(key17 === "group" || key17 === "kind" || key17 === "namespace" || key17 === "name" || key17 === "path")) {
                    const err98 = { instancePath: instancePath + "/diff/ignore/" + i11, schemaPath: "#/definitions/ignoreRule/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key17 }, message: "must NOT have additional properties", schema: false, parentSchema: schema24, data: data62 };
                    if (vErrors === null) {
                      vErrors = [err98];
                    } else {
                      vErrors.push(err98);
                    }
                    errors++;
                  }
                }
                if (data62.group !== void 0) {
                  let data63 = data62.group;
                  if (typeof data63 !== "string") {
                    const err99 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/group", schemaPath: "#/definitions/ignoreRule/properties/group/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.group.type, parentSchema: schema24.properties.group, data: data63 };
                    if (vErrors === null) {
                      vErrors = [err99];
                    } else {
                      vErrors.push(err99);
                    }
                    errors++;
                  }
                }
                if (data62.kind !== void 0) {
                  let data64 = data62.kind;
                  if (typeof data64 === "string") {
                    if (func3(data64) < 1) {
                      const err100 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/kind", schemaPath: "#/definitions/ignoreRule/properties/kind/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.kind, data: data64 };
                      if (vErrors === null) {
                        vErrors = [err100];
                      } else {
                        vErrors.push(err100);
                      }
                      errors++;
                    }
                  } else {
                    const err101 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/kind", schemaPath: "#/definitions/ignoreRule/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.kind.type, parentSchema: schema24.properties.kind, data: data64 };
                    if (vErrors === null) {
                      vErrors = [err101];
                    } else {
                      vErrors.push(err101);
                    }
                    errors++;
                  }
                }
                if (data62.namespace !== void 0) {
                  let data65 = data62.namespace;
                  if (typeof data65 === "string") {
                    if (func3(data65) < 1) {
                      const err102 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/namespace", schemaPath: "#/definitions/ignoreRule/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.namespace, data: data65 };
                      if (vErrors === null) {
                        vErrors = [err102];
                      } else {
                        vErrors.push(err102);
                      }
                      errors++;
                    }
                  } else {
                    const err103 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/namespace", schemaPath: "#/definitions/ignoreRule/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.namespace.type, parentSchema: schema24.properties.namespace, data: data65 };
                    if (vErrors === null) {
                      vErrors = [err103];
                    } else {
                      vErrors.push(err103);
                    }
                    errors++;
                  }
                }
                if (data62.name !== void 0) {
                  let data66 = data62.name;
                  if (typeof data66 === "string") {
                    if (func3(data66) < 1) {
                      const err104 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/name", schemaPath: "#/definitions/ignoreRule/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema24.properties.name, data: data66 };
                      if (vErrors === null) {
                        vErrors = [err104];
                      } else {
                        vErrors.push(err104);
                      }
                      errors++;
                    }
                  } else {
                    const err105 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/name", schemaPath: "#/definitions/ignoreRule/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.name.type, parentSchema: schema24.properties.name, data: data66 };
                    if (vErrors === null) {
                      vErrors = [err105];
                    } else {
                      vErrors.push(err105);
                    }
                    errors++;
                  }
                }
                if (data62.path !== void 0) {
                  let data67 = data62.path;
                  if (typeof data67 === "string") {
                    if (!pattern20.test(data67)) {
                      const err106 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/path", schemaPath: "#/definitions/ignoreRule/properties/path/pattern", keyword: "pattern", params: { pattern: "^(/([^~/]|~[01])*)+$" }, message: 'must match pattern "^(/([^~/]|~[01])*)+$"', schema: "^(/([^~/]|~[01])*)+$", parentSchema: schema24.properties.path, data: data67 };
                      if (vErrors === null) {
                        vErrors = [err106];
                      } else {
                        vErrors.push(err106);
                      }
                      errors++;
                    }
                  } else {
                    const err107 = { instancePath: instancePath + "/diff/ignore/" + i11 + "/path", schemaPath: "#/definitions/ignoreRule/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.properties.path.type, parentSchema: schema24.properties.path, data: data67 };
                    if (vErrors === null) {
                      vErrors = [err107];
                    } else {
                      vErrors.push(err107);
                    }
                    errors++;
                  }
                }
              } else {
                const err108 = { instancePath: instancePath + "/diff/ignore/" + i11, schemaPath: "#/definitions/ignoreRule/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema24.type, parentSchema: schema24, data: data62 };
                if (vErrors === null) {
                  vErrors = [err108];
                } else {
                  vErrors.push(err108);
                }
                errors++;
              }
            }
          } else {
            const err109 = { instancePath: instancePath + "/diff/ignore", schemaPath: "#/properties/diff/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.diff.properties.ignore.type, parentSchema: schema11.properties.diff.properties.ignore, data: data61 };
            if (vErrors === null) {
              vErrors = [err109];
            } else {
              vErrors.push(err109);
            }
            errors++;
          }
        }
        if (data60.ownershipLabel !== void 0) {
          let data68 = data60.ownershipLabel;
          if (typeof data68 === "string") {
            if (func3(data68) < 1) {
              const err110 = { instancePath: instancePath + "/diff/ownershipLabel", schemaPath: "#/properties/diff/properties/ownershipLabel/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.diff.properties.ownershipLabel, data: data68 };
              if (vErrors === null) {
                vErrors = [err110];
              } else {
                vErrors.push(err110);
              }
              errors++;
            }
          } else {
            const err111 = { instancePath: instancePath + "/diff/ownershipLabel", schemaPath: "#/properties/diff/properties/ownershipLabel/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.diff.properties.ownershipLabel.type, parentSchema: schema11.properties.diff.properties.ownershipLabel, data: data68 };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
        }
      } else {
        const err112 = { instancePath: instancePath + "/diff", schemaPath: "#/properties/diff/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.diff.type, parentSchema: schema11.properties.diff, data: data60 };
        if (vErrors === null) {
          vErrors = [err112];
        } else {
          vErrors.push(err112);
        }
        errors++;
      }
    }
    if (data.drift !== void 0) {
      let data69 = data.drift;
      if (data69 && typeof data69 == "object" && !Array.isArray(data69)) {
        for (const key18 in data69) {
          if (!(key18 === "after" || key18 === "labels")) {
            const err113 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key18 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.drift, data: data69 };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        if (data69.after !== void 0) {
          let data70 = data69.after;
          if (!(typeof data70 == "number" && (!(data70 % 1) && !isNaN(data70)) && isFinite(data70))) {
            const err114 = { instancePath: instancePath + "/drift/after", schemaPath: "#/properties/drift/properties/after/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema11.properties.drift.properties.after.type, parentSchema: schema11.properties.drift.properties.after, data: data70 };
            if (vErrors === null) {
              vErrors = [err114];
            } else {
              vErrors.push(err114);
            }
            errors++;
          }
          if (typeof data70 == "number" && isFinite(data70)) {
            if (data70 < 1 || isNaN(data70)) {
              const err115 = { instancePath: instancePath + "/drift/after", schemaPath: "#/properties/drift/properties/after/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema11.properties.drift.properties.after, data: data70 };
              if (vErrors === null) {
                vErrors = [err115];
              } else {
                vErrors.push(err115);
              }
              errors++;
            }
          }
        }
        if (data69.labels !== void 0) {
          let data71 = data69.labels;
          if (Array.isArray(data71)) {
            if (data71.length < 1) {
              const err116 = { instancePath: instancePath + "/drift/labels", schemaPath: "#/properties/drift/properties/labels/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema11.properties.drift.properties.labels, data: data71 };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
            const len12 = data71.length;
            for (let i12 = 0; i12 < len12; i12++) {
              let data72 = data71[i12];
              if (typeof data72 === "string") {
                if (func3(data72) < 1) {
                  const err117 = { instancePath: instancePath + "/drift/labels/" + i12, schemaPath: "#/properties/drift/properties/labels/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.drift.properties.labels.items, data: data72 };
                  if (vErrors === null) {
                    vErrors = [err117];
                  } else {
                    vErrors.push(err117);
                  }
                  errors++;
                }
              } else {
                const err118 = { instancePath: instancePath + "/drift/labels/" + i12, schemaPath: "#/properties/drift/properties/labels/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.drift.properties.labels.items.type, parentSchema: schema11.properties.drift.properties.labels.items, data: data72 };
                if (vErrors === null) {
                  vErrors = [err118];
                } else {
                  vErrors.push(err118);
                }
                errors++;
              }
            }
          } else {
            const err119 = { instancePath: instancePath + "/drift/labels", schemaPath: "#/properties/drift/properties/labels/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.drift.properties.labels.type, parentSchema: schema11.properties.drift.properties.labels, data: data71 };
            if (vErrors === null) {
              vErrors = [err119];
            } else {
              vErrors.push(err119);
            }
            errors++;
          }
        }
      } else {
        const err120 = { instancePath: instancePath + "/drift", schemaPath: "#/properties/drift/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.drift.type, parentSchema: schema11.properties.drift, data: data69 };
        if (vErrors === null) {
          vErrors = [err120];
        } else {
          vErrors.push(err120);
        }
        errors++;
      }
    }
  } else {
    const err121 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err121];
    } else {
      vErrors.push(err121);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/config/schema.ts
var FIELD_NAME = /^\$?[A-Za-z]{1,32}$/;
function validateAgainstSchema(data) {
  if (validate(data)) return [];
  return dropImpliedErrors(validate.errors ?? []).map(describe);
}
function dropImpliedErrors(errors) {
  const typed = new Set(
    errors.filter((error) => error.keyword === "type").map((error) => error.instancePath)
  );
  return errors.filter((error) => error.keyword === "type" || !typed.has(error.instancePath));
}
function describe(error) {
  const segments = parseInstancePath(error.instancePath);
  const field = segments.length === 0 ? "the file" : fieldName(segments);
  const parent = error.parentSchema;
  const params = error.params;
  switch (error.keyword) {
    case "required":
      return {
        segments,
        atKey: false,
        message: `${field} is missing "${String(params.missingProperty)}"`,
        hint: describeProperty(parent, String(params.missingProperty))
      };
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const known = Object.keys(parent?.properties ?? {});
      const suggestion = closest(unknown, known);
      return {
        segments: [...segments, unknown],
        atKey: true,
        message: `${FIELD_NAME.test(unknown) ? `unknown field "${unknown}"` : "an unknown field"} in ${field}; expected one of: ${known.join(", ")}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : void 0
      };
    }
    case "enum": {
      const allowed = params.allowedValues.map(String);
      const suggestion = typeof error.data === "string" ? closest(error.data, allowed) : void 0;
      return {
        segments,
        atKey: false,
        message: `${field} must be one of: ${allowed.join(", ")}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : void 0
      };
    }
    case "type":
      return {
        segments,
        atKey: false,
        message: `${field} must be ${article(String(params.type))}; got ${typeName(error.data)}`,
        hint: parent?.description
      };
    case "pattern":
      return {
        segments,
        atKey: false,
        message: isIgnorePath(segments) ? `${field} is not a JSON pointer (RFC 6901)` : `${field} is not valid: ${parent?.description ?? `expected to match ${String(params.pattern)}`}`,
        hint: isIgnorePath(segments) ? JSON_POINTER_HINT : void 0
      };
    case "minItems":
      return {
        segments,
        atKey: false,
        message: `${field} must list at least ${String(params.limit)} item(s)`
      };
    case "minLength":
      return { segments, atKey: false, message: `${field} must not be empty` };
    case "minimum":
      return {
        segments,
        atKey: false,
        message: `${field} must be at least ${String(params.limit)}`
      };
    default:
      return { segments, atKey: false, message: `${field} ${error.message ?? "is not valid"}` };
  }
}
function describeProperty(parent, name) {
  const property = parent?.properties?.[name];
  return property?.description ? `${name}: ${property.description}` : void 0;
}
function isIgnorePath(segments) {
  return segments.length === 4 && segments[0] === "diff" && segments[1] === "ignore" && segments[3] === "path";
}
var JSON_POINTER_HINT = 'Write it as a JSON pointer: "/" before each key, as in "/spec/replicas" for .spec.replicas (a "/" inside a key is written "~1").';
function article(type) {
  if (type === "array") return "a list";
  if (type === "object") return "a mapping";
  if (type === "integer") return "a whole number";
  return `a ${type}`;
}
function typeName(value) {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}
function closest(word, candidates) {
  if (word.length > 64) return void 0;
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index2) => index2);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}

// src/config/semantic.ts
import { posix as posix3 } from "node:path";
function checkEnvironments(environments) {
  return [...duplicateNames(environments), ...outsidePaths(environments), ...promotionSources(environments)];
}
function duplicateNames(environments) {
  const problems = [];
  const firstIndex = /* @__PURE__ */ new Map();
  environments.forEach((environment, index2) => {
    const first = firstIndex.get(environment.name);
    if (first === void 0) {
      firstIndex.set(environment.name, index2);
      return;
    }
    problems.push({
      segments: ["environments", index2, "name"],
      message: `environment name "${environment.name}" is already used by environments[${first}]`,
      hint: "Each environment needs its own name; it identifies the environment in comments, issues and branches."
    });
  });
  return problems;
}
function outsidePaths(environments) {
  const problems = [];
  environments.forEach((environment, index2) => {
    if (normalizeEnvironmentPath(environment.path) !== void 0) return;
    problems.push({
      segments: ["environments", index2, "path"],
      message: `path "${environment.path}" is outside the repository`,
      hint: "Write the folder relative to the repository root, e.g. envs/dev."
    });
  });
  return problems;
}
function normalizeEnvironmentPath(path) {
  if (posix3.isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return void 0;
  const normalized = posix3.normalize(path.replaceAll("\\", "/")).replace(/\/+$/, "");
  if (normalized === ".." || normalized.startsWith("../")) return void 0;
  return normalized === "" ? "." : normalized;
}
function promotionSources(environments) {
  const problems = [];
  const names = new Set(environments.map((environment) => environment.name));
  const fromOf = /* @__PURE__ */ new Map();
  environments.forEach((environment, index2) => {
    const from = environment.promote?.from;
    if (from === void 0) return;
    const segments = ["environments", index2, "promote", "from"];
    if (from === environment.name) {
      problems.push({
        segments,
        message: `environment "${from}" cannot promote from itself`,
        hint: "Name the environment whose image tags should be copied into this one."
      });
    } else if (!names.has(from)) {
      problems.push({
        segments,
        message: `promote.from names "${from}", which is not an environment; known: ${[...names].join(", ")}`
      });
    } else if (!fromOf.has(environment.name)) {
      fromOf.set(environment.name, from);
    }
  });
  for (const cycle of promotionCycles(fromOf)) {
    const start = environments.findIndex((environment) => environment.name === cycle[0]);
    problems.push({
      segments: ["environments", start, "promote", "from"],
      message: `promotion cycle: ${[cycle[0], ...cycle.slice(1).reverse(), cycle[0]].join(" -> ")}`,
      hint: "Promotion must flow one way (e.g. dev -> staging -> prod); remove this promote.from or another one of the cycle."
    });
  }
  return problems;
}
function promotionCycles(fromOf) {
  const cycles2 = [];
  const settled = /* @__PURE__ */ new Set();
  for (const start of fromOf.keys()) {
    const path = [];
    let current = start;
    while (current !== void 0 && !settled.has(current) && !path.includes(current)) {
      path.push(current);
      current = fromOf.get(current);
    }
    if (current !== void 0 && path.includes(current)) cycles2.push(path.slice(path.indexOf(current)));
    for (const name of path) settled.add(name);
  }
  return cycles2;
}

// src/config/parse.ts
var START = { line: 1, column: 1 };
function parseConfigText(text, file) {
  const lineCounter = new import_yaml6.LineCounter();
  const documents = (0, import_yaml6.parseAllDocuments)(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    logLevel: "error"
  });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const document = Array.isArray(documents) ? documents[0] : void 0;
  if (!document) {
    return {
      problems: [{ file, ...START, message: 'the file is empty; expected a mapping with "environments"' }],
      locate: () => START
    };
  }
  const locator = nodeLocator(document, lineCounter);
  const locate = (segments) => locator.valueAt(segments);
  const result = (problems, config) => config ? { config, problems, locate } : { problems, locate };
  const syntaxProblems = document.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `YAML syntax: ${syntaxReason(error)}`,
    hint: error.code === "DUPLICATE_KEY" ? "Each key may appear only once in a mapping." : void 0
  }));
  const extra = documents[1];
  if (extra) {
    syntaxProblems.push({
      file,
      ...at(extra.range[0]),
      message: "a second YAML document; the configuration is a single document",
      hint: 'Remove the "---" separator and merge the documents.'
    });
  }
  if (syntaxProblems.length > 0) return result(syntaxProblems);
  const parsed2 = plainValue(document, aliasBudget());
  if (!parsed2.ok) {
    return result([{ file, ...at(parsed2.offset), message: `YAML aliases: ${parsed2.reason}` }]);
  }
  const data = parsed2.value;
  const schemaProblems = validateAgainstSchema(data).map((problem) => ({
    file,
    ...problem.atKey ? locator.keyAt(problem.segments) : locator.valueAt(problem.segments),
    message: problem.message,
    hint: problem.hint
  }));
  if (schemaProblems.length > 0) return result(schemaProblems);
  const written = data;
  const semanticProblems = [
    ...checkEnvironments(written.environments ?? []),
    ...checkClusterNames(written.clusters ?? {}, "fluxCluster", "Flux"),
    ...checkClusterNames(written.clusters ?? {}, "argocdCluster", "Argo CD"),
    ...checkFluxClusterObjects(written.flux?.clusterObjects ?? {}),
    ...checkNativePromote(written.flux?.promote ?? {}, FLUX_NAMING),
    ...checkNativePromote(written.argocd?.promote ?? {}, ARGO_NAMING),
    ...checkArgoIgnoreDifferences(written.argocd?.ignoreDifferences ?? [])
  ].map((problem) => ({
    file,
    ...locator.valueAt(problem.segments),
    message: problem.message,
    hint: problem.hint
  }));
  if (semanticProblems.length > 0) return result(semanticProblems);
  return result([], withDefaults(written, file));
}
function renderSettings(written = {}) {
  const settings = {
    allowHosts: (written.allowHosts ?? []).map((host) => host.toLowerCase()),
    limits: {
      bytes: written.limits?.bytes ?? DEFAULT_RENDER_LIMITS.bytes,
      objects: written.limits?.objects ?? DEFAULT_RENDER_LIMITS.objects
    },
    repositories: (written.repositories ?? []).map((access) => ({
      ...access,
      host: access.host.toLowerCase()
    }))
  };
  if (written.dockerConfig !== void 0) settings.dockerConfig = written.dockerConfig;
  return settings;
}
function argoSettings(written = {}) {
  return {
    trackingMethod: written.trackingMethod ?? "annotation",
    instanceLabelKey: written.instanceLabelKey ?? "app.kubernetes.io/instance",
    namespace: written.namespace ?? "argocd",
    ignoreDifferences: written.ignoreDifferences ?? []
  };
}
function capabilitiesOf(written, environment) {
  const context = environment.cluster?.context;
  const layers = [
    environment.capabilities,
    context === void 0 ? void 0 : written.clusters?.[context]?.capabilities,
    written.capabilities
  ];
  const kubeVersion = layers.find((layer) => layer?.kubeVersion !== void 0)?.kubeVersion;
  const apiVersions = layers.find((layer) => layer?.apiVersions !== void 0)?.apiVersions;
  if (kubeVersion === void 0 && apiVersions === void 0) return void 0;
  const capabilities = { apiVersions: apiVersions ?? [] };
  if (kubeVersion !== void 0)
    capabilities.kubeVersion = kubeVersion.startsWith("v") ? kubeVersion : `v${kubeVersion}`;
  return capabilities;
}
var DEFAULT_RENDER_LIMITS = { bytes: 50 * 1024 * 1024, objects: 1e4 };
function withDefaults(written, file) {
  const config = {
    file,
    render: renderSettings(written.render),
    diff: { ignore: written.diff?.ignore ?? [] },
    drift: { after: written.drift?.after ?? 1, labels: written.drift?.labels ?? ["drift"] }
  };
  const repositoryUrls = written.repositoryUrls ?? [];
  if (repositoryUrls.length > 0) config.render.repositoryUrls = [...repositoryUrls];
  if (written.diff?.ownershipLabel !== void 0) config.diff.ownershipLabel = written.diff.ownershipLabel;
  const configurationWide = capabilitiesOf(written, {});
  if (configurationWide) config.capabilities = configurationWide;
  for (const [context, settings] of Object.entries(written.clusters ?? {})) {
    if (settings.fluxCluster === void 0) continue;
    const capabilities = capabilitiesOf(written, { cluster: { context } });
    config.fluxClusters ??= {};
    config.fluxClusters[settings.fluxCluster] = capabilities ? { context, capabilities } : { context };
  }
  for (const [context, settings] of Object.entries(written.clusters ?? {})) {
    if (settings.argocdCluster === void 0) continue;
    const capabilities = capabilitiesOf(written, { cluster: { context } });
    config.argocdContexts ??= {};
    config.argocdContexts[settings.argocdCluster] = capabilities ? { context, capabilities } : { context };
  }
  if (written.argocd) {
    config.argocd = argoSettings(written.argocd);
    const clusters = written.argocd.clusters;
    if (clusters) {
      config.render.argocdClusters = clusters.map((cluster) => ({
        ...cluster,
        labels: { ...cluster.labels },
        annotations: { ...cluster.annotations }
      }));
    }
    const argocdPromote = written.argocd.promote;
    if (argocdPromote) {
      config.argocdPromote = Object.fromEntries(
        Object.entries(argocdPromote).map(([key, promote]) => [key, promoteWithDefaults(promote)])
      );
    }
  }
  const clusterObjects = fluxClusterObjects(written);
  if (clusterObjects) config.fluxClusterObjects = clusterObjects;
  if (written.environments) {
    config.environments = written.environments.map((environment) => {
      const result = {
        name: environment.name,
        // checkEnvironments has rejected paths that do not normalize.
        path: normalizeEnvironmentPath(environment.path),
        renderer: environment.renderer ?? "auto"
      };
      if (environment.namespace !== void 0) result.namespace = environment.namespace;
      const capabilities = capabilitiesOf(written, environment);
      if (capabilities) result.capabilities = capabilities;
      if (environment.helm)
        result.helm = { ...environment.helm, valuesFiles: environment.helm.valuesFiles ?? [] };
      if (environment.cluster) result.cluster = { ...environment.cluster };
      if (environment.promote) result.promote = promoteWithDefaults(environment.promote);
      return result;
    });
  }
  const fluxPromote = written.flux?.promote;
  if (fluxPromote) {
    config.fluxPromote = Object.fromEntries(
      Object.entries(fluxPromote).map(([key, promote]) => [key, promoteWithDefaults(promote)])
    );
  }
  return config;
}
function promoteWithDefaults(promote) {
  return { ...promote, via: promote.via ?? "pull-request", allowDowngrade: promote.allowDowngrade ?? false };
}
var FLUX_NAMING = {
  section: "flux",
  aTool: "a Flux",
  tool: "Flux",
  environment: /^[^/]+\/[^/]+\/[^/]+$/,
  form: "<cluster>/<namespace>/<name>",
  example: "production/flux-system/apps: { from: staging/flux-system/apps }"
};
var ARGO_NAMING = {
  section: "argocd",
  aTool: "an Argo CD",
  tool: "Argo CD",
  environment: /^[^/]+\/[^/]+$/,
  form: "<cluster>/<name>",
  example: "in-cluster/web-prod: { from: in-cluster/web-staging }"
};
function checkNativePromote(promote, naming) {
  const problems = [];
  for (const [key, settings] of Object.entries(promote)) {
    const cluster = !key.includes("/");
    const from = settings.from;
    const fits = cluster ? !from.includes("/") : naming.environment.test(from);
    const segments = [naming.section, "promote", key, "from"];
    if (!fits) {
      problems.push({
        segments,
        message: cluster ? `${naming.aTool} cluster promotes from another ${naming.tool} cluster: a name without "/"` : `${naming.aTool} environment promotes from another ${naming.tool} environment: ${naming.form}`,
        hint: `Key a cluster (production: { from: staging }) or one environment (${naming.example}).`
      });
    } else if (from === key) {
      problems.push({ segments, message: "an environment cannot promote from itself" });
    }
  }
  return problems;
}
function checkClusterNames(clusters, field, tool) {
  const seen = /* @__PURE__ */ new Set();
  const problems = [];
  for (const [context, settings] of Object.entries(clusters)) {
    const name = settings[field];
    if (name === void 0) continue;
    if (seen.has(name)) {
      problems.push({
        segments: ["clusters", context, field],
        message: `another context already names this ${tool} cluster`,
        hint: `Give each ${tool} cluster one kubeconfig context.`
      });
    }
    seen.add(name);
  }
  return problems;
}
function checkArgoIgnoreDifferences(rules) {
  const problems = [];
  for (const [index2, rule] of rules.entries()) {
    for (const [item, pointer] of (rule.jsonPointers ?? []).entries()) {
      if (pointer === "" || pointer.startsWith("/")) continue;
      problems.push({
        segments: ["argocd", "ignoreDifferences", index2, "jsonPointers", item],
        message: "not a JSON pointer: it must start with /",
        hint: "Write /spec/replicas, with ~1 for a / inside a key."
      });
    }
    for (const [item, expression] of (rule.jqPathExpressions ?? []).entries()) {
      try {
        compileJqPath(expression);
      } catch (error) {
        if (!(error instanceof JqPathError)) throw error;
        problems.push({
          segments: ["argocd", "ignoreDifferences", index2, "jqPathExpressions", item],
          message: error.message,
          hint: "docs/argocd.md lists the jq plumbline reads: paths, [], |, select(\u2026) with comparisons."
        });
      }
    }
  }
  return problems;
}
function fluxClusterObjects(written) {
  const entries = Object.entries(written.flux?.clusterObjects ?? {});
  if (entries.length === 0) return void 0;
  return Object.fromEntries(entries.map(([cluster, path]) => [cluster, normalizeEnvironmentPath(path)]));
}
function checkFluxClusterObjects(files) {
  const problems = [];
  for (const [cluster, path] of Object.entries(files)) {
    const normal = normalizeEnvironmentPath(path);
    if (normal === void 0 || normal === ".") {
      problems.push({
        segments: ["flux", "clusterObjects", cluster],
        message: "the file of cluster objects must be a path inside the repository",
        hint: "Give a file's path relative to the folder of plumbline.yaml, without leading / or ../."
      });
    }
  }
  return problems;
}

// src/config/problems.ts
function formatProblem(problem) {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.hint ? `${where}: ${problem.message}
  ${problem.hint}` : `${where}: ${problem.message}`;
}
var REFERENCE_HINT = "The configuration reference is docs/configuration.md; editors validate the file with schema/plumbline.schema.json.";
var ConfigError = class extends PlumblineError {
  problems;
  constructor(problems) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    const first = sorted[0];
    if (!first) throw new Error("ConfigError needs at least one problem");
    const message = sorted.length === 1 ? `${first.file}:${first.line}:${first.column}: ${first.message}` : `${first.file} has ${sorted.length} problems:
${sorted.map((problem) => formatProblem(problem)).join("\n")}`;
    super(message, sorted.length === 1 ? first.hint ?? REFERENCE_HINT : REFERENCE_HINT);
    this.problems = sorted;
  }
};

// src/config/run-discoveries.ts
import { resolve as resolve2 } from "node:path";

// src/argocd/discover.ts
import { posix as posix5 } from "node:path";

// src/argocd/applicationset.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { lstatSync, readdirSync as readdirSync5, readFileSync as readFileSync5, statSync as statSync2 } from "node:fs";
import { join as join5, posix as posix4 } from "node:path";

// src/flux/pattern.ts
var MAX_REPEAT = 1e3;
var MAX_STATES = 2e4;
var PatternError = class extends Error {
  name = "PatternError";
};
function matchBudget(steps = 2e7) {
  return { steps };
}
function compilePattern(source, budget = matchBudget()) {
  if (source.length > 1e3) throw new PatternError("the pattern is longer than 1000 characters");
  const node = new Parser2(Array.from(source)).parse();
  const states = [{ t: "accept" }];
  const start = compile(node, 0, states);
  return { matches: (text) => run2(states, start, Array.from(text), budget) };
}
function add(states, state) {
  if (states.length >= MAX_STATES) throw new PatternError("the pattern is too large");
  states.push(state);
  return states.length - 1;
}
function compile(node, next, states) {
  switch (node.t) {
    case "char":
      return add(states, { t: "char", test: node.test, out: next });
    case "assert":
      return add(states, { t: "assert", at: node.at, out: next });
    case "cat": {
      let start = next;
      for (const item of [...node.items].reverse()) start = compile(item, start, states);
      return start;
    }
    case "alt":
      return add(states, { t: "eps", outs: node.options.map((option) => compile(option, next, states)) });
    case "rep": {
      let start = next;
      if (node.max === Number.POSITIVE_INFINITY) {
        const loop = add(states, { t: "eps", outs: [] });
        states[loop].outs = [compile(node.node, loop, states), next];
        start = loop;
      } else {
        for (let i = node.min; i < node.max; i++) {
          start = add(states, { t: "eps", outs: [compile(node.node, start, states), next] });
        }
      }
      for (let i = 0; i < node.min; i++) start = compile(node.node, start, states);
      return start;
    }
  }
}
function run2(states, start, text, budget) {
  let current = closure(states, [start], 0, text.length);
  for (let position = 0; position < text.length; position++) {
    budget.steps -= current.length;
    if (budget.steps < 0) throw new PatternError("matching the patterns takes too long");
    const c = text[position];
    const next = [];
    for (const index2 of current) {
      const state = states[index2];
      if (state.t === "char" && state.test(c)) next.push(state.out);
    }
    if (next.length === 0) return false;
    current = closure(states, next, position + 1, text.length);
  }
  return current.some((index2) => states[index2].t === "accept");
}
function closure(states, from, position, length2) {
  const seen = /* @__PURE__ */ new Set();
  const result = [];
  const stack = [...from];
  while (stack.length > 0) {
    const index2 = stack.pop();
    if (seen.has(index2)) continue;
    seen.add(index2);
    const state = states[index2];
    if (state.t === "eps") stack.push(...state.outs);
    else if (state.t === "assert") {
      if (state.at === "start" ? position === 0 : position === length2) stack.push(state.out);
    } else result.push(index2);
  }
  return result;
}
var isDigit = (c) => c >= "0" && c <= "9";
var isWord = (c) => isDigit(c) || c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c === "_";
var isSpace = (c) => c === " " || c === "	" || c === "\n" || c === "\f" || c === "\r" || c === "\v";
var not = (test) => (c) => !test(c);
var CLASS_ESCAPES = {
  d: isDigit,
  D: not(isDigit),
  w: isWord,
  W: not(isWord),
  s: isSpace,
  S: not(isSpace)
};
var CONTROL_ESCAPES = { t: "	", n: "\n", r: "\r", f: "\f", v: "\v", a: "\x07" };
var Parser2 = class {
  constructor(chars) {
    this.chars = chars;
  }
  chars;
  #at = 0;
  parse() {
    const node = this.#alternation();
    if (this.#at < this.chars.length) throw new PatternError("the pattern has an unmatched )");
    return node;
  }
  #peek(offset = 0) {
    return this.chars[this.#at + offset];
  }
  #alternation() {
    const options = [this.#concatenation()];
    while (this.#peek() === "|") {
      this.#at++;
      options.push(this.#concatenation());
    }
    return options.length === 1 ? options[0] : { t: "alt", options };
  }
  #concatenation() {
    const items = [];
    for (let c = this.#peek(); c !== void 0 && c !== "|" && c !== ")"; c = this.#peek()) {
      items.push(this.#repetition());
    }
    return { t: "cat", items };
  }
  #repetition() {
    const atom = this.#atom();
    const bounds = this.#quantifier();
    if (!bounds) return atom;
    if (this.#peek() === "?") this.#at++;
    if (this.#quantifier()) throw new PatternError("the pattern repeats a repetition");
    if (atom.t === "assert") throw new PatternError("the pattern repeats an anchor");
    return { t: "rep", node: atom, ...bounds };
  }
  #quantifier() {
    const c = this.#peek();
    if (c === "*" || c === "+" || c === "?") {
      this.#at++;
      return { min: c === "+" ? 1 : 0, max: c === "?" ? 1 : Number.POSITIVE_INFINITY };
    }
    if (c !== "{") return void 0;
    const rest = this.chars.slice(this.#at, this.#at + 16).join("");
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!braces) return void 0;
    const min = Number(braces[1]);
    const max = braces[2] === void 0 ? min : braces[3] === "" ? Number.POSITIVE_INFINITY : Number(braces[3]);
    if (min > MAX_REPEAT || max !== Number.POSITIVE_INFINITY && max > MAX_REPEAT || max < min) {
      throw new PatternError("the pattern has a repetition count RE2 refuses");
    }
    this.#at += Array.from(braces[0]).length;
    return { min, max };
  }
  #atom() {
    const c = this.chars[this.#at++];
    switch (c) {
      case "(":
        return this.#group();
      case "[":
        return { t: "char", test: this.#class() };
      case ".":
        return { t: "char", test: (x) => x !== "\n" };
      case "^":
        return { t: "assert", at: "start" };
      case "$":
        return { t: "assert", at: "end" };
      case "*":
      case "+":
      case "?":
        throw new PatternError("the pattern has a repetition with nothing to repeat");
      case "\\":
        return this.#escape();
      default:
        return literal(c);
    }
  }
  #group() {
    if (this.#peek() === "?") {
      const rest = this.chars.slice(this.#at, this.#at + 200).join("");
      const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
      if (this.#peek(1) === ":") this.#at += 2;
      else if (named) this.#at += named[0].length;
      else throw new PatternError("the pattern sets flags, which plumbline does not read");
    }
    const node = this.#alternation();
    if (this.#peek() !== ")") throw new PatternError("the pattern has an unclosed (");
    this.#at++;
    return node;
  }
  #escape() {
    const c = this.chars[this.#at++];
    if (c === void 0) throw new PatternError("the pattern ends with a lone \\");
    if (c === "A") return { t: "assert", at: "start" };
    if (c === "z") return { t: "assert", at: "end" };
    const test = CLASS_ESCAPES[c];
    if (test) return { t: "char", test };
    return literal(this.#escapedCharacter(c));
  }
  /** The character an escape other than a class stands for. */
  #escapedCharacter(c) {
    const control = CONTROL_ESCAPES[c];
    if (control) return control;
    if (/^[A-Za-z0-9]$/.test(c)) {
      throw new PatternError(`the pattern has the escape \\${c}, which plumbline does not read`);
    }
    return c;
  }
  #class() {
    const negated = this.#peek() === "^";
    if (negated) this.#at++;
    const tests = [];
    let first = true;
    for (; ; ) {
      const c = this.chars[this.#at++];
      if (c === void 0) throw new PatternError("the pattern has an unclosed [");
      if (c === "]" && !first) break;
      first = false;
      if (c === "[" && this.#peek() === ":") {
        throw new PatternError("the pattern has a POSIX class, which plumbline does not read");
      }
      let low = c;
      if (c === "\\") {
        const escaped2 = this.chars[this.#at++];
        if (escaped2 === void 0) throw new PatternError("the pattern has an unclosed [");
        const test = CLASS_ESCAPES[escaped2];
        if (test) {
          tests.push(test);
          continue;
        }
        low = this.#escapedCharacter(escaped2);
      }
      if (this.#peek() === "-" && this.#peek(1) !== void 0 && this.#peek(1) !== "]") {
        this.#at++;
        let high = this.chars[this.#at++];
        if (high === "\\") high = this.#escapedCharacter(this.chars[this.#at++] ?? "\\");
        if (high < low) throw new PatternError("the pattern has a class range that runs backwards");
        tests.push((x) => x >= low && x <= high);
      } else {
        tests.push((x) => x === low);
      }
    }
    const inClass = (x) => tests.some((test) => test(x));
    return negated ? not(inClass) : inClass;
  }
};
function literal(c) {
  return { t: "char", test: (x) => x === c };
}

// src/yaml/merge-maps.ts
function mergeMaps(base, over) {
  const merged = {};
  for (const [key, value] of Object.entries(base)) setOwn(merged, key, value);
  for (const [key, value] of Object.entries(over)) {
    const existing = Object.hasOwn(merged, key) ? merged[key] : void 0;
    setOwn(merged, key, isPlainMap(existing) && isPlainMap(value) ? mergeMaps(existing, value) : value);
  }
  return merged;
}
function isPlainMap(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// src/argocd/cluster-generator.ts
var ClusterGeneratorError = class extends Error {
  name = "ClusterGeneratorError";
};
var LOCAL_CLUSTER_NAME = "in-cluster";
var LOCAL_CLUSTER_SERVER = "https://kubernetes.default.svc";
var SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";
function clusterParameters(input) {
  const { body, goTemplate, render, spend: spend3 } = input;
  const where = `${input.where}.clusters`;
  const generator = mapping(body, where);
  const selector = selectorOf(generator.selector, `${where}.selector`, spend3);
  const values = valuesOf(generator.values, `${where}.values`);
  const flatList = generator.flatList ?? false;
  if (typeof flatList !== "boolean")
    throw new ClusterGeneratorError(`${where}.flatList must be true or false`);
  const matching = /* @__PURE__ */ new Map();
  for (const [index2, cluster] of input.clusters.entries()) {
    const labels = labelsOf(cluster, index2);
    spend3(1 + selector.requirements.length);
    if (selector.requirements.every((requirement) => requirement.matches(labels))) {
      matching.set(cluster.name, cluster);
    }
  }
  const sets = [];
  const withValues = (params) => {
    const rendered = {};
    for (const [key, template] of values) {
      setOwn(rendered, key, render(template, params, `${where}.values.${clipped(key)}`));
    }
    if (goTemplate) {
      if (values.length > 0) setOwn(params, "values", rendered);
    } else {
      for (const [key, value] of Object.entries(rendered)) setOwn(params, `values.${key}`, value);
    }
    return params;
  };
  for (const cluster of matching.values()) sets.push(withValues(clusterParams(cluster, goTemplate)));
  const hasLocal = [...matching.values()].some((cluster) => cluster.server === LOCAL_CLUSTER_SERVER);
  if (selector.empty && !hasLocal) {
    sets.push(
      withValues({
        name: LOCAL_CLUSTER_NAME,
        nameNormalized: LOCAL_CLUSTER_NAME,
        server: LOCAL_CLUSTER_SERVER,
        project: ""
      })
    );
  }
  return flatList ? [{ clusters: sets.length > 0 ? sets : null }] : sets;
}
function sanitizeName(name) {
  let lower = "";
  for (const character of name) lower += String.fromCodePoint(character.toLowerCase().codePointAt(0));
  return lower.replace(/[^-a-z0-9.]/gu, "-").slice(0, 253).replace(/^[-.]+|[-.]+$/g, "");
}
function clusterParams(cluster, goTemplate) {
  const params = {
    name: cluster.name,
    nameNormalized: sanitizeName(cluster.name),
    server: cluster.server,
    project: cluster.project ?? ""
  };
  const labels = secretLabels(cluster);
  const annotations = {};
  for (const [key, value] of Object.entries(cluster.annotations ?? {})) setOwn(annotations, key, value);
  if (goTemplate) {
    const metadata = {};
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    metadata.labels = labels;
    params.metadata = metadata;
  } else {
    for (const [key, value] of Object.entries(annotations))
      setOwn(params, `metadata.annotations.${key}`, value);
    for (const [key, value] of Object.entries(labels)) setOwn(params, `metadata.labels.${key}`, value);
  }
  return params;
}
function secretLabels(cluster) {
  const labels = {};
  for (const [key, value] of Object.entries(cluster.labels ?? {})) setOwn(labels, key, value);
  setOwn(labels, SECRET_TYPE_LABEL, "cluster");
  return labels;
}
function labelsOf(cluster, index2) {
  const where = `argocd.clusters[${index2}]`;
  if (typeof cluster.name !== "string" || typeof cluster.server !== "string") {
    throw new ClusterGeneratorError(`${where} needs a name and a server`);
  }
  for (const field of ["labels", "annotations"]) {
    for (const [key, value] of Object.entries(cluster[field] ?? {})) {
      if (typeof value !== "string")
        throw new ClusterGeneratorError(`${where}.${field}.${key} must be a string`);
    }
  }
  return new Map(Object.entries(secretLabels(cluster)));
}
function selectorOf(value, where, spend3) {
  const selector = value === void 0 || value === null ? {} : mapping(value, where);
  const matchLabels = selector.matchLabels === void 0 || selector.matchLabels === null ? {} : mapping(selector.matchLabels, `${where}.matchLabels`);
  const expressions = selector.matchExpressions === void 0 || selector.matchExpressions === null ? [] : selector.matchExpressions;
  if (!Array.isArray(expressions))
    throw new ClusterGeneratorError(`${where}.matchExpressions must be a list`);
  const empty = Object.keys(matchLabels).length === 0 && expressions.length === 0;
  const requirements = [];
  const wantedLabels = [
    ...Object.entries(matchLabels),
    [SECRET_TYPE_LABEL, "cluster"]
  ];
  for (const [key, wanted] of new Map(wantedLabels)) {
    const place = `${where}.matchLabels.${clipped(key)}`;
    spend3(1);
    checkKey(key, place);
    if (typeof wanted !== "string") throw new ClusterGeneratorError(`${place} must be a string`);
    checkValue(wanted, place);
    requirements.push({ matches: (labels) => labels.get(key) === wanted });
  }
  for (const [index2, item] of expressions.entries()) {
    const place = `${where}.matchExpressions[${index2}]`;
    const expression = mapping(item, place);
    const { key, operator } = expression;
    if (typeof key !== "string") throw new ClusterGeneratorError(`${place}.key must be a string`);
    checkKey(key, `${place}.key`);
    if (typeof operator !== "string") throw new ClusterGeneratorError(`${place}.operator must be a string`);
    const written = expression.values === void 0 || expression.values === null ? [] : expression.values;
    if (!Array.isArray(written)) throw new ClusterGeneratorError(`${place}.values must be a list`);
    spend3(1 + written.length);
    const values = /* @__PURE__ */ new Set();
    for (const [at, item2] of written.entries()) {
      if (typeof item2 !== "string")
        throw new ClusterGeneratorError(`${place}.values[${at}] must be a string`);
      checkValue(item2, `${place}.values[${at}]`);
      values.add(item2);
    }
    requirements.push(requirementOf(key, operator, values, place));
  }
  return { empty, requirements };
}
function requirementOf(key, operator, values, place) {
  switch (operator) {
    case "In":
    case "NotIn": {
      if (values.size === 0) throw new ClusterGeneratorError(`${place}: ${operator} needs values`);
      const wanted = operator === "In";
      return {
        matches: (labels) => {
          const value = labels.get(key);
          return value === void 0 ? !wanted : values.has(value) === wanted;
        }
      };
    }
    case "Exists":
    case "DoesNotExist": {
      if (values.size > 0) throw new ClusterGeneratorError(`${place}: ${operator} takes no values`);
      const wanted = operator === "Exists";
      return { matches: (labels) => labels.has(key) === wanted };
    }
    default:
      throw new ClusterGeneratorError(
        `${place}.operator: ${JSON.stringify(operator.slice(0, 40))} is not a valid label selector operator (In, NotIn, Exists, DoesNotExist)`
      );
  }
}
function checkKey(key, place) {
  if (!isLabelKey(key))
    throw new ClusterGeneratorError(`${place}: ${JSON.stringify(key.slice(0, 80))} is not a valid label key`);
}
function checkValue(value, place) {
  if (value !== "" && !isLabelValue(value)) {
    throw new ClusterGeneratorError(
      `${place}: ${JSON.stringify(value.slice(0, 80))} is not a valid label value`
    );
  }
}
function valuesOf(value, where) {
  if (value === void 0 || value === null) return [];
  const entries = Object.entries(mapping(value, where));
  for (const [key, item] of entries) {
    if (typeof item !== "string")
      throw new ClusterGeneratorError(`${where}.${clipped(key)} must be a string: quote it`);
  }
  return entries;
}
function clipped(key) {
  return key.length > 80 ? `${key.slice(0, 80)}\u2026` : key;
}
function mapping(value, where) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ClusterGeneratorError(`${where} must be a mapping`);
  }
  return value;
}

// src/argocd/glob.ts
var GOBWAS_GLOBS = {
  star: ".*",
  one: ".",
  braces: true,
  backslashEscapes: true,
  negations: "!"
};
function compileGlob(pattern, dialect, budget) {
  let source = "";
  let depth = 0;
  for (let index2 = 0; index2 < pattern.length; index2++) {
    const char = pattern[index2];
    if (char === "*") {
      source += dialect.star;
      while (pattern[index2 + 1] === "*") index2++;
    } else if (char === "?") {
      source += dialect.one;
    } else if (char === "[") {
      const end = pattern.indexOf("]", index2 + 2);
      if (end < 0) return void 0;
      let body = pattern.slice(index2 + 1, end);
      if (dialect.backslashEscapes) body = body.replace(/\\/g, "\\\\");
      source += dialect.negations.includes(body[0]) ? `[^${body.slice(1)}]` : `[${body}]`;
      index2 = end;
    } else if (dialect.braces && char === "{") {
      source += "(?:";
      depth++;
    } else if (dialect.braces && char === "}" && depth > 0) {
      source += ")";
      depth--;
    } else if (dialect.braces && char === "," && depth > 0) {
      source += "|";
    } else if (dialect.backslashEscapes && char === "\\" && index2 + 1 < pattern.length) {
      source += escaped(pattern[++index2]);
    } else {
      source += escaped(char);
    }
  }
  if (depth > 0) return void 0;
  try {
    return compilePattern(source, budget);
  } catch {
    return void 0;
  }
}
function escaped(char) {
  return /[.+*?^$()|[\]{}\\/-]/.test(char) ? `\\${char}` : char;
}

// src/argocd/go-template-functions.ts
var import_yaml7 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
var GoTemplateError = class extends Error {
  name = "GoTemplateError";
};
var FunctionError = class extends Error {
};
var GoInt = class {
  constructor(value, type = "int") {
    this.value = value;
    this.type = type;
  }
  value;
  type;
};
var stringTyped = /* @__PURE__ */ new WeakSet();
var MAX_DEPTH = 200;
var MAX_STRING = 1024 * 1024;
function isMap2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoInt);
}
function goInt(n, type = "int") {
  return new GoInt(BigInt.asIntN(64, BigInt(n)), type);
}
function typeName2(v) {
  if (v === void 0 || v === null) return "<nil>";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "float64";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoInt) return v.type;
  if (Array.isArray(v)) return stringTyped.has(v) ? "[]string" : "[]interface {}";
  return stringTyped.has(v) ? "map[string]string" : "map[string]interface {}";
}
function sortedKeys2(m) {
  return Object.keys(m).filter((k) => Object.hasOwn(m, k)).sort(compareBytes);
}
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
function mapGet(m, key) {
  return Object.hasOwn(m, key) ? m[key] : void 0;
}
function newMap() {
  return /* @__PURE__ */ Object.create(null);
}
function formatFloat(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa = "", exponent = "0"] = x.toExponential().split("e");
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) {
    const frac2 = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const abs = Math.abs(exp);
    return `${sign}${digits[0]}${frac2}e${exp < 0 ? "-" : "+"}${abs < 10 ? `0${abs}` : abs}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}
function formatValue(v, depth = 0) {
  if (depth > MAX_DEPTH) throw new FunctionError("the value is nested too deeply to print");
  if (v === void 0 || v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatFloat(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof GoInt) return v.value.toString();
  if (Array.isArray(v)) return `[${v.map((item) => formatValue(item, depth + 1)).join(" ")}]`;
  const parts = sortedKeys2(v).map((k) => `${k}:${formatValue(v[k], depth + 1)}`);
  return `map[${parts.join(" ")}]`;
}
function strval(v) {
  return typeof v === "string" ? v : formatValue(v);
}
function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (code >= 32 && code < 127) out += ch;
    else if (CONTROL_QUOTES[ch]) out += CONTROL_QUOTES[ch];
    else if (code < 128) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code >= 55296 && code <= 57343) out += "\\ufffd";
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += ch;
    else if (code <= 65535) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}
var CONTROL_QUOTES = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\v": "\\v"
};
function isTrue(v) {
  if (v === void 0 || v === null) return false;
  if (typeof v === "string") return v.length > 0;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "boolean") return v;
  if (v instanceof GoInt) return v.value !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  return sortedKeys2(v).length > 0;
}
function argAs(param, arg) {
  const v = arg.value;
  if (param === "any") return v === void 0 ? null : v;
  if (arg.literal && param !== "int")
    throw new FunctionError(`expected ${goType(param)}; found ${arg.literal.text}`);
  if (arg.literal && !arg.literal.int) throw new FunctionError(`expected integer; found ${arg.literal.text}`);
  if (v === void 0 || v === null) throw new FunctionError(`invalid value; expected ${goType(param)}`);
  const ok = param === "string" && typeof v === "string" || param === "bool" && typeof v === "boolean" || param === "int" && v instanceof GoInt && v.type === "int" || param === "map" && isMap2(v) && !stringTyped.has(v);
  if (!ok) throw new FunctionError(`wrong type for value; expected ${goType(param)}; got ${typeName2(v)}`);
  return v;
}
function goType(param) {
  return param === "map" ? "map[string]interface {}" : param;
}
var fn = (params, call2, variadic) => variadic ? { params, call: call2, variadic } : { params, call: call2 };
var str = (v) => v;
var int = (v) => {
  const n = v.value;
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new FunctionError("the integer argument is out of range");
  }
  return Number(n);
};
function stringList(items) {
  const list = items;
  stringTyped.add(list);
  return list;
}
function capString(s) {
  if (s.length > MAX_STRING) throw new FunctionError(`the result is longer than ${MAX_STRING} characters`);
  return s;
}
function mapRunes(s, map) {
  let out = "";
  for (const ch of s) {
    const mapped = map(ch);
    out += Array.from(mapped).length === 1 ? mapped : ch;
  }
  return out;
}
function title(s) {
  let out = "";
  let previous = " ";
  for (const ch of s) {
    out += isSeparator(previous) ? mapRunes(ch, (c) => c.toUpperCase()) : ch;
    previous = ch;
  }
  return out;
}
function isSeparator(ch) {
  if (ch <= "\x7F") return !/^[A-Za-z0-9_]$/.test(ch);
  if (/^[\p{L}\p{N}]$/u.test(ch)) return false;
  return /^\s$/u.test(ch);
}
function trimCutset(s, cutset) {
  const cut = new Set(Array.from(cutset));
  const runes = Array.from(s);
  let start = 0;
  let end = runes.length;
  while (start < end && cut.has(runes[start])) start++;
  while (end > start && cut.has(runes[end - 1])) end--;
  return runes.slice(start, end).join("");
}
function byteSlice(s, start, end) {
  const bytes = Buffer.from(s);
  if (start < 0 || end > bytes.length || start > end) {
    throw new FunctionError("runtime error: slice bounds out of range");
  }
  const isBoundary = (i) => i === bytes.length || ((bytes[i] ?? 0) & 192) !== 128;
  if (!isBoundary(start) || !isBoundary(end)) {
    throw new FunctionError("cutting a multi-byte character is not supported");
  }
  return bytes.subarray(start, end).toString("utf8");
}
function byteLength(s) {
  return Buffer.byteLength(s);
}
function trunc(c, s) {
  const n = byteLength(s);
  if (c < 0 && n + c > 0) return byteSlice(s, n + c, n);
  if (c >= 0 && n > c) return byteSlice(s, 0, c);
  return s;
}
function substr(start, end, s) {
  const n = byteLength(s);
  if (start < 0) return byteSlice(s, 0, end);
  if (end < 0 || end > n) return byteSlice(s, start, n);
  return byteSlice(s, start, end);
}
function strslice(v) {
  if (Array.isArray(v)) return v.filter((item) => item !== null).map((item) => strval(item));
  if (v === null) return [];
  return [strval(v)];
}
function toInt64(v) {
  if (v === null) return 0n;
  if (v instanceof GoInt) return v.value;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "number") return floatToInt64(v);
  if (typeof v === "string") return parseIntBase0(trimZeroDecimal(v)) ?? 0n;
  return 0n;
}
function floatToInt64(f) {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return -(2n ** 63n);
  return BigInt(Math.trunc(f));
}
function trimZeroDecimal(s) {
  const match = /^(.*)\.0+$/s.exec(s);
  return match ? match[1] : s;
}
function parseIntBase0(s) {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(s);
  if (!m) return void 0;
  let body = m[2];
  if (body.includes("_")) {
    if (!/^(0[xXoObB]?)?(_?[0-9a-fA-F]+)+$/.test(body) || /_$/.test(body)) return void 0;
    body = body.replaceAll("_", "");
  }
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const n = BigInt(body) * (m[1] === "-" ? -1n : 1n);
  return n === BigInt.asIntN(64, n) ? n : void 0;
}
function toFloat64(v) {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (v instanceof GoInt) return Number(v.value);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") return 0;
  const asInt = parseIntBase0(trimZeroDecimal(v));
  if (asInt !== void 0) return Number(asInt);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return Number(v);
  if (/[_xXpP]|inf|nan/i.test(v)) throw new FunctionError("float64 of this string form is not supported");
  return 0;
}
function atoi(s) {
  if (!/^[+-]?\d+$/.test(s)) return goInt(0);
  const n = BigInt(s);
  return goInt(n === BigInt.asIntN(64, n) ? n : 0n);
}
function isEmpty(v) {
  return !isTrue(v);
}
function deepEqual(a, b) {
  if (a instanceof GoInt || b instanceof GoInt) {
    return a instanceof GoInt && b instanceof GoInt && a.type === b.type && a.value === b.value;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isMap2(a) || isMap2(b)) {
    if (!isMap2(a) || !isMap2(b)) return false;
    const ka = sortedKeys2(a);
    const kb = sortedKeys2(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(a[k], b[k]));
  }
  return a === b;
}
function listOf2(name, v) {
  if (Array.isArray(v)) return v;
  throw new FunctionError(`Cannot find ${name} on type ${v === null ? "nil" : kindName(v)}`);
}
function kindName(v) {
  if (v instanceof GoInt) return v.type;
  if (isMap2(v)) return "map";
  return typeName2(v);
}
function toJson(v, indent2, depth = 0) {
  if (depth > MAX_DEPTH) throw new FunctionError("the value is nested too deeply to encode");
  if (v === void 0 || v === null) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FunctionError("json: unsupported value");
    return JSON.stringify(v);
  }
  if (typeof v === "boolean") return String(v);
  if (v instanceof GoInt) return v.value.toString();
  const pad = indent2 ? `
${indent2.repeat(depth + 1)}` : "";
  const end = indent2 ? `
${indent2.repeat(depth)}` : "";
  const sep4 = indent2 ? ": " : ":";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${v.map((item) => pad + toJson(item, indent2, depth + 1)).join(",")}${end}]`;
  }
  const keys = sortedKeys2(v);
  if (keys.length === 0) return "{}";
  return `{${keys.map((k) => pad + jsonString(k) + sep4 + toJson(v[k], indent2, depth + 1)).join(",")}${end}}`;
}
function jsonString(s) {
  return JSON.stringify(s.replace(/[\uD800-\uDFFF]/gu, (c) => c.length === 1 ? "\uFFFD" : c)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function toYaml(v) {
  const plain = JSON.parse(toJson(v, ""));
  checkPlainStrings(plain, 0);
  return (0, import_yaml7.stringify)(plain, {
    version: "1.1",
    sortMapEntries: true,
    lineWidth: 0,
    indentSeq: false
  }).replace(/\n$/, "");
}
function checkPlainStrings(v, depth) {
  if (depth > MAX_DEPTH) throw new FunctionError("the value is nested too deeply to encode");
  const check = (s) => {
    if (s === "" || (0, import_yaml7.stringify)(s, { version: "1.1", lineWidth: 0 }) !== `${s}
`) {
      throw new FunctionError("toYaml of a string YAML must quote is not supported");
    }
  };
  if (typeof v === "string") check(v);
  else if (Array.isArray(v)) for (const item of v) checkPlainStrings(item, depth + 1);
  else if (typeof v === "object" && v !== null) {
    for (const [k, item] of Object.entries(v)) {
      check(k);
      checkPlainStrings(item, depth + 1);
    }
  }
}
function fromYaml(s) {
  let parsed2;
  try {
    parsed2 = (0, import_yaml7.parse)(s, { maxAliasCount: 100 });
  } catch {
    throw new FunctionError("the YAML could not be read");
  }
  if (parsed2 === null || parsed2 === void 0) return newMap();
  const value = fromPlain(parsed2, 0);
  if (!isMap2(value)) throw new FunctionError("fromYaml needs a YAML map");
  return value;
}
function fromPlain(v, depth) {
  if (depth > MAX_DEPTH) throw new FunctionError("the YAML is nested too deeply");
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v;
  if (Array.isArray(v)) return v.map((item) => fromPlain(item, depth + 1));
  if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out = newMap();
    for (const [k, item] of Object.entries(v)) out[k] = fromPlain(item, depth + 1);
    return out;
  }
  throw new FunctionError("fromYaml of this YAML type is not supported");
}
function normalize(s) {
  const lowered = mapRunes(s, (c) => c.toLowerCase());
  let out = Array.from(lowered, (c) => /^[-a-z0-9.]$/.test(c) ? c : "-").join("");
  if (out.length > 253) out = out.slice(0, 253);
  return out.replace(/^[-.]+|[-.]+$/g, "");
}
function regexMatch(re, s) {
  try {
    return compilePattern(`[\\s\\S]*(?:${re})[\\s\\S]*`, matchBudget(5e6)).matches(s);
  } catch (error) {
    if (error instanceof PatternError)
      throw new FunctionError(`regexMatch: ${error.message} (not supported)`);
    throw error;
  }
}
function nospace(s) {
  if (/[^\p{ASCII}]/u.test(s) && Buffer.from(s).some((b) => b === 133 || b === 160)) {
    throw new FunctionError("nospace of this text is not supported");
  }
  return s.replace(/[\t\n\v\f\r ]/g, "");
}
function b64dec(s) {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    throw new FunctionError("b64dec of text that is not padded base64 is not supported");
  }
  const bytes = Buffer.from(s, "base64");
  const text = bytes.toString("utf8");
  if (!Buffer.from(text).equals(bytes))
    throw new FunctionError("b64dec to bytes that are not UTF-8 is not supported");
  return text;
}
function dict(args) {
  const out = newMap();
  for (let i = 0; i < args.length; i += 2) out[strval(args[i])] = i + 1 < args.length ? args[i + 1] : "";
  return out;
}
function copyMap(m) {
  const out = newMap();
  for (const k of sortedKeys2(m)) out[k] = m[k];
  return out;
}
function split(sep4, s) {
  const out = newMap();
  goSplit(s, sep4).forEach((part, i) => {
    out[`_${i}`] = part;
  });
  stringTyped.add(out);
  return out;
}
function goSplit(s, sep4) {
  return sep4 === "" ? Array.from(s) : s.split(sep4);
}
function uniq(list) {
  const out = [];
  for (const item of list) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
  return out;
}
function has(needle, haystack) {
  if (haystack === null) return false;
  if (!Array.isArray(haystack)) throw new FunctionError(`Cannot find has on type ${kindName(haystack)}`);
  return haystack.some((item) => deepEqual(needle, item));
}
function arith(op) {
  return (args) => goInt(args.map(toInt64).reduce(op), "int64");
}
function bigMax(a, b) {
  if (b > a) return b;
  return a;
}
function bigMin(a, b) {
  if (b < a) return b;
  return a;
}
var divide = (a, b) => {
  if (b === 0n) throw new FunctionError("runtime error: integer divide by zero");
  return a / b;
};
var modulo = (a, b) => {
  if (b === 0n) throw new FunctionError("runtime error: integer divide by zero");
  return a % b;
};
var SPRIG = {
  lower: fn(["string"], ([s]) => mapRunes(str(s), (c) => c.toLowerCase())),
  upper: fn(["string"], ([s]) => mapRunes(str(s), (c) => c.toUpperCase())),
  title: fn(["string"], ([s]) => title(str(s))),
  trim: fn(["string"], ([s]) => str(s).replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "")),
  trimAll: fn(["string", "string"], ([a, b]) => trimCutset(str(b), str(a))),
  trimPrefix: fn(
    ["string", "string"],
    ([a, b]) => str(b).startsWith(str(a)) ? str(b).slice(str(a).length) : str(b)
  ),
  trimSuffix: fn(
    ["string", "string"],
    ([a, b]) => str(b).endsWith(str(a)) ? str(b).slice(0, str(b).length - str(a).length) : str(b)
  ),
  replace: fn(["string", "string", "string"], ([o, n, s]) => capString(goReplace(str(s), str(o), str(n)))),
  repeat: fn(["int", "string"], ([c, s]) => {
    const count = int(c);
    if (count < 0) throw new FunctionError("strings: negative Repeat count");
    if (count * str(s).length > MAX_STRING)
      throw new FunctionError(`repeat makes more than ${MAX_STRING} characters`);
    return str(s).repeat(count);
  }),
  default: fn(["any"], ([d, ...given]) => given.length === 0 || isEmpty(given[0]) ? d : given[0], "any"),
  empty: fn(["any"], ([v]) => isEmpty(v)),
  coalesce: fn([], (args) => args.find((v) => !isEmpty(v)) ?? null, "any"),
  ternary: fn(["any", "any", "bool"], ([t, f, c]) => c ? t : f),
  quote: fn(
    [],
    (args) => args.filter((v) => v !== null).map((v) => goQuote(strval(v))).join(" "),
    "any"
  ),
  squote: fn(
    [],
    (args) => args.filter((v) => v !== null).map((v) => `'${formatValue(v)}'`).join(" "),
    "any"
  ),
  contains: fn(["string", "string"], ([sub, s]) => str(s).includes(str(sub))),
  hasPrefix: fn(["string", "string"], ([p, s]) => str(s).startsWith(str(p))),
  hasSuffix: fn(["string", "string"], ([p, s]) => str(s).endsWith(str(p))),
  split: fn(["string", "string"], ([sep4, s]) => split(str(sep4), str(s))),
  splitList: fn(["string", "string"], ([sep4, s]) => stringList(goSplit(str(s), str(sep4)))),
  join: fn(["string", "any"], ([sep4, v]) => capString(strslice(v).join(str(sep4)))),
  list: fn([], (args) => args, "any"),
  dict: fn([], dict, "any"),
  get: fn(["map", "string"], ([m, k]) => mapGet(m, str(k)) ?? ""),
  // Sprig's set changes the map in place; the data here is shared, so set works on a copy.
  set: fn(["map", "string", "any"], ([m, k, v]) => Object.assign(copyMap(m), { [str(k)]: v })),
  hasKey: fn(["map", "string"], ([m, k]) => Object.hasOwn(m, str(k))),
  // Sprig's keys come in Go's random map order; sorted here, which is one of those orders.
  keys: fn([], (maps) => stringList(maps.flatMap((m) => sortedKeys2(m))), "map"),
  toString: fn(["any"], ([v]) => strval(v)),
  toJson: fn(["any"], ([v]) => capString(toJson(v, ""))),
  toPrettyJson: fn(["any"], ([v]) => capString(toJson(v, "  "))),
  toYaml: fn(["any"], ([v]) => capString(toYaml(v))),
  fromYaml: fn(["string"], ([s]) => fromYaml(str(s))),
  int: fn(["any"], ([v]) => goInt(toInt64(v), "int")),
  int64: fn(["any"], ([v]) => goInt(toInt64(v), "int64")),
  float64: fn(["any"], ([v]) => toFloat64(v)),
  atoi: fn(["string"], ([s]) => atoi(str(s))),
  add: fn(
    [],
    (args) => goInt(
      args.map(toInt64).reduce((a, b) => a + b, 0n),
      "int64"
    ),
    "any"
  ),
  sub: fn(
    ["any", "any"],
    arith((a, b) => a - b)
  ),
  mul: fn(
    ["any"],
    arith((a, b) => a * b),
    "any"
  ),
  div: fn(["any", "any"], arith(divide)),
  mod: fn(["any", "any"], arith(modulo)),
  max: fn(["any"], arith(bigMax), "any"),
  min: fn(["any"], arith(bigMin), "any"),
  b64enc: fn(["string"], ([s]) => Buffer.from(str(s)).toString("base64")),
  b64dec: fn(["string"], ([s]) => b64dec(str(s))),
  sha256sum: fn(["string"], ([s]) => createHash("sha256").update(str(s)).digest("hex")),
  trunc: fn(["int", "string"], ([c, s]) => trunc(int(c), str(s))),
  substr: fn(["int", "int", "string"], ([a, b, s]) => substr(int(a), int(b), str(s))),
  nospace: fn(["string"], ([s]) => nospace(str(s))),
  normalize: fn(["string"], ([s]) => normalize(str(s))),
  indent: fn(["int", "string"], ([n, s]) => capString(indent(int(n), str(s)))),
  nindent: fn(["int", "string"], ([n, s]) => capString(`
${indent(int(n), str(s))}`)),
  uniq: fn(["any"], ([l]) => uniq(listOf2("uniq", l))),
  has: fn(["any", "any"], ([needle, haystack]) => has(needle, haystack)),
  first: fn(["any"], ([l]) => listOf2("first", l)[0] ?? null),
  last: fn(["any"], ([l]) => listOf2("last", l).at(-1) ?? null),
  // Sprig returns a nil []interface{} for an empty list, which prints as [].
  rest: fn(["any"], ([l]) => listOf2("rest", l).slice(1)),
  initial: fn(["any"], ([l]) => listOf2("initial", l).slice(0, -1)),
  sortAlpha: fn(
    ["any"],
    ([l]) => stringList(Array.isArray(l) ? strslice(l).sort(compareBytes) : [strval(l)])
  ),
  regexMatch: fn(["string", "string"], ([re, s]) => regexMatch(str(re), str(s)))
};
function indent(n, s) {
  if (n < 0) throw new FunctionError("strings: negative Repeat count");
  if (n > MAX_STRING) throw new FunctionError("indent is too wide");
  const pad = " ".repeat(n);
  return pad + s.replaceAll("\n", `
${pad}`);
}
function goReplace(s, old, replacement) {
  if (old !== "") return s.replaceAll(old, replacement);
  const runes = Array.from(s);
  if ((runes.length + 1) * replacement.length > MAX_STRING)
    throw new FunctionError("replace makes too much text");
  return replacement + runes.map((r) => r + replacement).join("");
}
var NOT_SUPPORTED = new Set(
  `html js urlquery call kebabcase snakecase camelcase semverCompare semver regexReplaceAll
regexReplaceAllLiteral regexFind regexFindAll regexSplit regexQuoteMeta mustRegexMatch
mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexFind mustRegexFindAll slugify fromYamlArray
fromJson mustFromJson toRawJson mustToJson mustToPrettyJson mustToRawJson tpl now date dateInZone
date_in_zone dateModify date_modify mustDateModify must_date_modify toDate mustToDate unixEpoch ago
duration durationRound htmlDate htmlDateInZone randAlphaNum randAlpha randAscii randNumeric randInt
randBytes uuidv4 shuffle bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA
genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey
encryptAES decryptAES abbrev abbrevboth untitle initials swapcase wrap wrapWith cat plural sha1sum
sha512sum adler32sum seq toDecimal splitn toStrings until untilStep add1 add1f addf subf divf mulf
biggest maxf minf ceil floor round all any compact mustCompact deepCopy mustDeepCopy typeOf typeIs
typeIsLike kindOf kindIs deepEqual base dir clean ext isAbs osBase osClean osDir osExt osIsAbs
b32enc b32dec tuple unset pluck pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values
append push mustAppend mustPush prepend mustPrepend mustFirst mustRest mustLast mustInitial reverse
mustReverse mustUniq without mustWithout mustHas slice mustSlice concat dig chunk mustChunk fail
trimall hello urlParse urlJoin`.split(/\s+/)
);
var REMOVED = /* @__PURE__ */ new Set(["env", "expandenv", "getHostByName"]);

// src/argocd/go-template.ts
function trimEnd(text) {
  let end = text.length;
  while (end > 0 && " 	\r\n".includes(text[end - 1])) end--;
  return text.slice(0, end);
}
function checkTemplateData(data) {
  checkData(data, 0);
}
var MAX_STEPS2 = 1e6;
var MAX_OUTPUT = MAX_STRING;
var MAX_NESTING2 = 100;
var MAX_DATA_DEPTH = 1e3;
var isSpace2 = (c) => c === " " || c === "	" || c === "\r" || c === "\n";
var Lexer = class {
  constructor(src) {
    this.src = src;
  }
  src;
  items = [];
  #pos = 0;
  run() {
    let trimNext = false;
    while (this.#pos < this.src.length) {
      const open = this.src.indexOf("{{", this.#pos);
      let text = this.src.slice(this.#pos, open < 0 ? void 0 : open);
      if (trimNext) text = text.replace(/^[ \t\r\n]+/, "");
      if (open < 0) {
        this.#text(text);
        break;
      }
      const trimLeft = this.src[open + 2] === "-" && isSpace2(this.src[open + 3]);
      this.#text(trimLeft ? trimEnd(text) : text);
      this.#pos = open + 2 + (trimLeft ? 2 : 0);
      trimNext = this.src.startsWith("/*", this.#pos) ? this.#comment(open) : this.#action(open);
    }
    return this.items;
  }
  #text(text) {
    if (text) this.items.push({ t: "text", text });
  }
  /** Skips a comment; returns whether it ends with a right trim marker. */
  #comment(open) {
    const end = this.src.indexOf("*/", this.#pos);
    if (end < 0) throw errorAt(this.src, open, "unclosed comment");
    this.#pos = end + 2;
    const trim = this.#rightDelim();
    if (trim === void 0) throw errorAt(this.src, open, "comment ends before closing delimiter");
    return trim;
  }
  /** At a right delimiter, moves past it and returns whether it trims; else undefined. */
  #rightDelim() {
    const s = this.src;
    if (isSpace2(s[this.#pos]) && s.startsWith("-}}", this.#pos + 1)) {
      this.#pos += 4;
      return true;
    }
    if (s.startsWith("}}", this.#pos)) {
      this.#pos += 2;
      return false;
    }
    return void 0;
  }
  #action(open) {
    const tokens = [];
    let spaced = true;
    for (; ; ) {
      if (this.#pos >= this.src.length) throw errorAt(this.src, open, "unclosed action");
      const trim = this.#rightDelim();
      if (trim !== void 0) {
        this.items.push({ t: "action", tokens, at: open });
        return trim;
      }
      const c = this.src[this.#pos];
      if (isSpace2(c)) {
        this.#pos++;
        spaced = true;
        continue;
      }
      const at = this.#pos;
      tokens.push({ ...this.#token(c), at, spaced });
      spaced = false;
    }
  }
  #token(c) {
    const s = this.src;
    const rest = s.slice(this.#pos, this.#pos + 256);
    if (c === '"' || c === "`") return { t: "string", value: this.#string(c) };
    if (c === ":" && s[this.#pos + 1] === "=") return this.#punct(":=");
    if (c === "|" || c === "(" || c === ")" || c === "=" || c === ",") return this.#punct(c);
    const word = /^[\p{L}_][\p{L}\p{N}_]*/u;
    if (c === ".") {
      const name = word.exec(rest.slice(1))?.[0] ?? /^[0-9]+/.exec(rest.slice(1))?.[0];
      if (name === void 0 || /^[0-9]/.test(name)) {
        if (/^\.[0-9]/.test(rest)) return this.#number();
        this.#pos++;
        return { t: "dot" };
      }
      this.#pos += 1 + name.length;
      return { t: "field", name };
    }
    if (c === "$") {
      const name = word.exec(rest.slice(1))?.[0] ?? "";
      this.#pos += 1 + name.length;
      return { t: "var", name: `$${name}` };
    }
    if (/[0-9+-]/.test(c)) return this.#number();
    const ident = word.exec(rest)?.[0];
    if (ident) {
      this.#pos += ident.length;
      return { t: "ident", name: ident };
    }
    if (c === "'") throw errorAt(s, this.#pos, "character constants are not supported");
    throw errorAt(s, this.#pos, `unexpected ${JSON.stringify(c)} in action`);
  }
  #punct(text) {
    this.#pos += text.length;
    return { t: "punct", text };
  }
  #number() {
    const m = /^[+-]?[0-9a-zA-Z_.]*(?:[eEpP][+-][0-9_]*)?/.exec(this.src.slice(this.#pos, this.#pos + 256));
    const text = m[0];
    if (text === "+" || text === "-" || text === "") throw errorAt(this.src, this.#pos, "bad number syntax");
    this.#pos += text.length;
    return { t: "number", text };
  }
  #string(quote2) {
    const start = this.#pos;
    const end = quote2 === "`" ? this.src.indexOf("`", start + 1) : this.#quotedEnd(start);
    if (end < 0) throw errorAt(this.src, start, "unterminated string");
    this.#pos = end + 1;
    const body = this.src.slice(start + 1, end);
    return quote2 === "`" ? body : unquote(body, (msg) => errorAt(this.src, start, msg));
  }
  #quotedEnd(start) {
    for (let i = start + 1; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === "\\") i++;
      else if (c === '"') return i;
      else if (c === "\n") return -1;
    }
    return -1;
  }
};
var ESCAPES2 = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  '"': '"'
};
function unquote(body, fail) {
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[\s\S])/g,
    (_, e) => {
      const simple = ESCAPES2[e];
      if (simple) return simple;
      const code = /^[0-7]{3}$/.test(e) ? Number.parseInt(e, 8) : Number.parseInt(e.slice(1), 16);
      if (e.length === 1 || Number.isNaN(code)) throw fail(`invalid escape \\${e} in string`);
      if ((e[0] === "x" || /^[0-7]/.test(e)) && code > 127)
        throw fail("byte escapes above \\x7f are not supported");
      if (code > 1114111 || code >= 55296 && code <= 57343)
        throw fail("invalid Unicode escape in string");
      return String.fromCodePoint(code);
    }
  );
}
var BUILTINS = /* @__PURE__ */ new Set([
  "and",
  "or",
  "not",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "len",
  "index",
  "print",
  "printf",
  "println"
]);
var Parser3 = class {
  constructor(src, items) {
    this.src = src;
    this.items = items;
  }
  src;
  items;
  #item = 0;
  #tokens = [];
  #tok = 0;
  #vars = ["$"];
  #depth = 0;
  #rangeDepth = 0;
  parse() {
    const { list, end } = this.#list();
    if (end) throw errorAt(this.src, end.at, `unexpected {{${end.word}}}`);
    return list;
  }
  /** Nodes up to an `{{end}}` or `{{else …}}`, which is returned unconsumed in part. */
  #list() {
    const list = [];
    while (this.#item < this.items.length) {
      const item = this.items[this.#item++];
      if (item.t === "text") {
        list.push(item);
        continue;
      }
      this.#tokens = item.tokens;
      this.#tok = 0;
      const first = this.#peek();
      const word = first?.t === "ident" ? first.name : void 0;
      if (word === "end" || word === "else") {
        this.#tok++;
        return { list, end: { word, at: item.at } };
      }
      list.push(this.#action(item.at, word));
    }
    return { list };
  }
  #action(at, word) {
    if (word === "if" || word === "with" || word === "range") {
      this.#tok++;
      return this.#control(word, at);
    }
    if (word === "break" || word === "continue") {
      this.#tok++;
      if (this.#rangeDepth === 0) throw errorAt(this.src, at, `{{${word}}} outside {{range}}`);
      this.#expectEnd(at);
      return { t: word, at };
    }
    if (word === "define" || word === "template" || word === "block") {
      throw errorAt(this.src, at, `{{${word}}} is not supported`);
    }
    const pipe = this.#pipeline(at, false);
    this.#expectEnd(at);
    return { t: "action", pipe };
  }
  #control(kind, at) {
    if (++this.#depth > MAX_NESTING2) throw errorAt(this.src, at, "the template nests too deeply");
    const mark = this.#vars.length;
    const pipe = this.#pipeline(at, kind === "range");
    this.#expectEnd(at);
    if (kind === "range") this.#rangeDepth++;
    let { list, end } = this.#list();
    if (kind === "range") this.#rangeDepth--;
    let elseList;
    if (end?.word === "else") {
      const next = this.#peek();
      if (kind !== "range" && next?.t === "ident" && next.name === kind) {
        this.#tok++;
        elseList = [this.#control(kind, end.at)];
        end = { word: "end", at: end.at };
      } else {
        this.#expectEnd(end.at);
        const rest = this.#list();
        elseList = rest.list;
        end = rest.end;
        if (end?.word !== "end") throw errorAt(this.src, end?.at ?? at, `expected {{end}} for {{${kind}}}`);
        this.#expectEnd(end.at);
      }
    } else if (end?.word === "end") {
      this.#expectEnd(end.at);
    } else {
      throw errorAt(this.src, at, `unexpected EOF: {{${kind}}} has no {{end}}`);
    }
    this.#vars.length = mark;
    this.#depth--;
    return { t: kind, pipe, list, elseList, at };
  }
  #peek(offset = 0) {
    return this.#tokens[this.#tok + offset];
  }
  #isPunct(token, text) {
    return token?.t === "punct" && token.text === text;
  }
  #expectEnd(_at) {
    const extra = this.#peek();
    if (extra) throw errorAt(this.src, extra.at, "unexpected token in action");
  }
  #pipeline(at, range) {
    const decl = [];
    let assign = false;
    const first = this.#peek();
    if (first?.t === "var") {
      const two = range && this.#isPunct(this.#peek(1), ",") && this.#peek(2)?.t === "var";
      const op = this.#peek(two ? 3 : 1);
      if (this.#isPunct(op, ":=") || !two && this.#isPunct(op, "=")) {
        assign = this.#isPunct(op, "=");
        if (assign && range) throw errorAt(this.src, at, "assigning in {{range}} is not supported");
        decl.push(first.name);
        if (two) decl.push(this.#peek(2).name);
        this.#tok += two ? 4 : 2;
      }
    }
    const cmds = this.#commands(at);
    for (const name of decl) {
      if (assign && !this.#vars.includes(name)) throw errorAt(this.src, at, `undefined variable "${name}"`);
      if (!assign) this.#vars.push(name);
    }
    return { decl, assign, cmds, at };
  }
  #commands(at) {
    const cmds = [];
    for (; ; ) {
      const args = [];
      const cmdAt = this.#peek()?.at ?? at;
      for (let token = this.#peek(); token && !this.#isPunct(token, "|") && !this.#isPunct(token, ")"); ) {
        args.push(this.#operand());
        token = this.#peek();
      }
      if (args.length === 0) throw errorAt(this.src, cmdAt, "missing value for command");
      cmds.push({ args, at: cmdAt });
      if (!this.#isPunct(this.#peek(), "|")) return cmds;
      this.#tok++;
    }
  }
  #operand() {
    const term = this.#term();
    const names = [];
    for (let next = this.#peek(); next?.t === "field" && !next.spaced; next = this.#peek()) {
      names.push(next.name);
      this.#tok++;
    }
    if (names.length === 0) return term;
    if (term.t === "field" || term.t === "var" || term.t === "pipe")
      return { ...term, names: [...term.names, ...names] };
    throw errorAt(
      this.src,
      term.at,
      "fields can only follow a field, a variable or a parenthesised pipeline"
    );
  }
  #term() {
    const token = this.#tokens[this.#tok++];
    const at = token.at;
    switch (token.t) {
      case "field":
        return { t: "field", names: [token.name], at };
      case "dot":
        return { t: "dot", at };
      case "string":
        return { t: "string", value: token.value, at };
      case "number":
        return parseNumber(this.src, token.text, at);
      case "var":
        if (!this.#vars.includes(token.name))
          throw errorAt(this.src, at, `undefined variable "${token.name}"`);
        return { t: "var", name: token.name, names: [], at };
      case "ident":
        return this.#identifier(token.name, at);
      case "punct":
        if (token.text !== "(") throw errorAt(this.src, at, `unexpected "${token.text}" in command`);
        return this.#parenthesised(at);
    }
  }
  #identifier(name, at) {
    if (name === "true" || name === "false") return { t: "bool", value: name === "true", at };
    if (name === "nil") return { t: "nil", at };
    if (REMOVED.has(name))
      throw errorAt(this.src, at, `function "${name}" is not supported (Argo CD removes it)`);
    if (NOT_SUPPORTED.has(name)) throw errorAt(this.src, at, `function "${name}" is not supported`);
    if (!BUILTINS.has(name) && !Object.hasOwn(SPRIG, name)) {
      throw errorAt(this.src, at, `function "${name}" not defined`);
    }
    return { t: "func", name, at };
  }
  #parenthesised(at) {
    if (++this.#depth > MAX_NESTING2) throw errorAt(this.src, at, "the template nests too deeply");
    const pipe = { decl: [], assign: false, cmds: this.#commands(at), at };
    if (!this.#isPunct(this.#peek(), ")")) throw errorAt(this.src, at, "unclosed left paren");
    this.#tok++;
    this.#depth--;
    return { t: "pipe", pipe, names: [], at };
  }
};
function parseNumber(src, text, at) {
  const fail = () => errorAt(src, at, `number ${text} is not supported`);
  if (/[_iI]/.test(text) || /^[+-]?0[xX].*[.pP]/.test(text)) throw fail();
  const intMatch = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (intMatch) {
    let body = intMatch[2];
    if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
    const n = BigInt(body) * (intMatch[1] === "-" ? -1n : 1n);
    if (n !== BigInt.asIntN(64, n)) throw fail();
    return { t: "number", text, int: n, float: Number(n), isFloat: false, at };
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text))
    throw errorAt(src, at, `bad number syntax: ${text}`);
  const float = Number(text);
  if (!Number.isFinite(float)) throw fail();
  const int2 = Number.isInteger(float) && Math.abs(float) < 2 ** 63 ? BigInt(float) : void 0;
  return int2 === void 0 ? { t: "number", text, float, isFloat: true, at } : { t: "number", text, int: int2, float, isFloat: true, at };
}
var BreakSignal = class {
};
var ContinueSignal = class {
};
var Evaluator = class {
  constructor(src, options, root) {
    this.src = src;
    this.options = options;
    this.#vars = [{ name: "$", value: root }];
  }
  src;
  options;
  #out = [];
  #size = 0;
  #steps = 0;
  #vars;
  render(list, dot) {
    this.#walk(list, dot);
    return this.#out.join("");
  }
  #step(at, cost = 1) {
    this.#steps += cost;
    if (this.#steps > MAX_STEPS2)
      throw errorAt(this.src, at, `the template takes more than ${MAX_STEPS2} steps`);
    const { budget } = this.options;
    if (budget) {
      budget.steps -= cost;
      if (budget.steps < 0) throw errorAt(this.src, at, "the templates together take too many steps");
    }
  }
  #write(text, at) {
    this.#size += text.length;
    if (this.#size > MAX_OUTPUT)
      throw errorAt(this.src, at, `the output is longer than ${MAX_OUTPUT} characters`);
    this.#out.push(text);
  }
  #walk(list, dot) {
    for (const node of list) {
      switch (node.t) {
        case "text":
          this.#step(0, 1);
          this.#write(node.text, 0);
          break;
        case "action": {
          const value = this.#pipeline(node.pipe, dot);
          if (node.pipe.decl.length === 0) this.#write(printed(value), node.pipe.at);
          break;
        }
        case "if":
        case "with":
          this.#ifOrWith(node, dot);
          break;
        case "range":
          this.#range(node, dot);
          break;
        case "break":
          throw new BreakSignal();
        case "continue":
          throw new ContinueSignal();
      }
    }
  }
  #ifOrWith(node, dot) {
    const mark = this.#vars.length;
    const value = this.#pipeline(node.pipe, dot);
    if (isTrue(value)) this.#walk(node.list, node.t === "with" ? value : dot);
    else if (node.elseList) this.#walk(node.elseList, dot);
    this.#vars.length = mark;
  }
  #range(node, dot) {
    const mark = this.#vars.length;
    const value = this.#pipeline(node.pipe, dot);
    const { size, entries } = this.#rangeEntries(value, node);
    const [first, second] = node.pipe.decl;
    this.#vars.length = mark;
    for (const [key, item] of entries) {
      this.#step(node.at);
      const iterationMark = this.#vars.length;
      if (second) this.#vars.push({ name: first, value: key }, { name: second, value: item });
      else if (first) this.#vars.push({ name: first, value: item });
      try {
        this.#walk(node.list, item);
      } catch (signal) {
        if (signal instanceof BreakSignal) break;
        if (!(signal instanceof ContinueSignal)) throw signal;
      } finally {
        this.#vars.length = iterationMark;
      }
    }
    if (size === 0 && node.elseList) this.#walk(node.elseList, dot);
    this.#vars.length = mark;
  }
  /**
   * What `range` iterates, made one entry at a time: an iteration costs a step, so a range
   * over a large integer (or nested ranges) must not allocate its entries before the
   * budget has had its say.
   */
  #rangeEntries(value, node) {
    if (value === void 0 || value === null) return { size: 0, entries: [] };
    if (Array.isArray(value)) {
      const list = value;
      return { size: list.length, entries: indexed(list.length, (i) => [goInt(i), list[i]]) };
    }
    if (value instanceof GoInt) {
      if (node.pipe.decl.length > 1)
        throw errorAt(this.src, node.at, "can't use 2 variables to range over an integer");
      const count = value.value > BigInt(MAX_STEPS2) ? MAX_STEPS2 + 1 : Number(value.value);
      if (count > MAX_STEPS2)
        throw errorAt(this.src, node.at, `the template takes more than ${MAX_STEPS2} steps`);
      const size = Math.max(count, 0);
      return { size, entries: indexed(size, (i) => [goInt(i), goInt(i)]) };
    }
    if (isMap2(value)) {
      const map = value;
      const keys = sortedKeys2(map);
      return { size: keys.length, entries: indexed(keys.length, (i) => [keys[i], map[keys[i]]]) };
    }
    throw errorAt(this.src, node.at, `range can't iterate over a ${typeName2(value)}`);
  }
  #pipeline(pipe, dot) {
    let value;
    let final = NO_FINAL;
    for (const cmd of pipe.cmds) {
      this.#step(cmd.at);
      value = this.#command(cmd, dot, final);
      if (value === null) value = void 0;
      final = value;
    }
    for (const name of pipe.decl) this.#declare(pipe, name, value);
    return value;
  }
  #declare(pipe, name, value) {
    if (!pipe.assign) {
      this.#vars.push({ name, value });
      return;
    }
    for (let i = this.#vars.length - 1; i >= 0; i--) {
      if (this.#vars[i].name === name) {
        this.#vars[i].value = value;
        return;
      }
    }
    throw errorAt(this.src, pipe.at, `undefined variable: ${name}`);
  }
  #command(cmd, dot, final) {
    const [first, ...rest] = cmd.args;
    if (first.t === "func") return this.#call(first.name, rest, final, dot, first.at);
    if (rest.length > 0 || final !== NO_FINAL) {
      throw errorAt(this.src, first.at, "can't give argument to non-function");
    }
    if (first.t === "nil") throw errorAt(this.src, first.at, "nil is not a command");
    return this.#operand(first, dot);
  }
  #operand(op, dot) {
    switch (op.t) {
      case "dot":
        return dot;
      case "nil":
        return null;
      case "bool":
      case "string":
        return op.value;
      case "number":
        return numberValue(op);
      case "field":
        return this.#fields(dot, op.names, op.at);
      case "var":
        return this.#fields(this.#variable(op.name), op.names, op.at);
      case "pipe": {
        const value = this.#pipeline(op.pipe, dot);
        return op.names.length === 0 ? value : this.#fields(value, op.names, op.at);
      }
      case "func":
        return this.#call(op.name, [], NO_FINAL, dot, op.at);
    }
  }
  #variable(name) {
    for (let i = this.#vars.length - 1; i >= 0; i--)
      if (this.#vars[i].name === name) return this.#vars[i].value;
    return void 0;
  }
  /** Go's evalField over map[string]any: own keys only, missing keys by the missingkey option. */
  #fields(receiver, names, at) {
    let value = receiver;
    for (const name of names) {
      this.#step(at);
      if (value === void 0) {
        if (this.options.missingKey === "error")
          throw errorAt(this.src, at, `nil data; no entry for key "${name}"`);
        continue;
      }
      if (value === null) throw errorAt(this.src, at, `nil pointer evaluating interface {}.${name}`);
      if (!isMap2(value))
        throw errorAt(this.src, at, `can't evaluate field ${name} in type ${typeName2(value)}`);
      const next = mapGet(value, name);
      if (next !== void 0) value = next;
      else if (this.options.missingKey === "error")
        throw errorAt(this.src, at, `map has no entry for key "${name}"`);
      else value = this.options.missingKey === "zero" ? null : void 0;
    }
    return value;
  }
  #call(name, ops, final, dot, at) {
    this.#step(at);
    if (name === "and" || name === "or") return this.#andOr(name, ops, final, dot, at);
    const args = ops.map((op) => this.#arg(op, dot));
    if (final !== NO_FINAL) args.push({ value: final });
    try {
      const result = BUILTINS.has(name) ? builtin(name, args) : callSprig(name, SPRIG[name], args);
      if (typeof result === "string") this.#step(at, Math.floor(result.length / 64));
      return result;
    } catch (error) {
      if (error instanceof FunctionError)
        throw errorAt(this.src, at, `error calling ${name}: ${error.message}`);
      throw error;
    }
  }
  #arg(op, dot) {
    if (op.t === "number") {
      return {
        value: numberValue(op),
        literal: { int: op.int !== void 0, float: op.isFloat, text: op.text }
      };
    }
    const value = this.#operand(op, dot);
    if (typeof value === "string") this.#step(op.at, Math.floor(value.length / 64));
    return { value };
  }
  /** Go 1.18+: and/or stop at the deciding argument and return it, not a bool. */
  #andOr(name, ops, final, dot, at) {
    const count = ops.length + (final === NO_FINAL ? 0 : 1);
    if (count === 0) throw errorAt(this.src, at, `wrong number of args for ${name}: want at least 1 got 0`);
    let value;
    for (let i = 0; i < count; i++) {
      value = i < ops.length ? this.#operand(ops[i], dot) : final;
      if (isTrue(value) === (name === "or")) return value;
    }
    return value;
  }
};
var NO_FINAL = /* @__PURE__ */ Symbol("no final argument");
function numberValue(op) {
  if (op.isFloat && /[.eE]/.test(op.text)) return op.float;
  return goInt(op.int);
}
function printed(value) {
  return value === void 0 || value === null ? "<no value>" : formatValue(value);
}
function callSprig(name, f, args) {
  const fixed = f.params.length;
  if (f.variadic ? args.length < fixed : args.length !== fixed) {
    throw new FunctionError(
      `wrong number of args for ${name}: want ${f.variadic ? "at least " : ""}${fixed} got ${args.length}`
    );
  }
  const values = args.map((arg, i) => argAs(i < fixed ? f.params[i] : f.variadic, arg));
  return f.call(values);
}
function builtin(name, args) {
  const values = args.map((a) => a.value);
  switch (name) {
    case "not":
      expectArgs(name, values, 1);
      return !isTrue(values[0]);
    case "len":
      expectArgs(name, values, 1);
      return goInt(length(values[0]));
    case "index":
      if (values.length < 1) throw new FunctionError("wrong number of args for index: want at least 1 got 0");
      return index(values[0], values.slice(1));
    case "print":
      return sprint(values);
    case "println":
      return `${values.map(argString).join(" ")}
`;
    case "printf":
      if (args.length < 1) throw new FunctionError("wrong number of args for printf: want at least 1 got 0");
      return printf(argAs("string", args[0]), values.slice(1));
    case "eq":
      if (values.length < 2) throw new FunctionError("missing argument for comparison");
      return values.slice(1).some((other) => compare3(values[0], other, "eq") === 0);
    case "ne":
      expectArgs(name, values, 2);
      return compare3(values[0], values[1], "eq") !== 0;
    default:
      expectArgs(name, values, 2);
      return ordered(name, compare3(values[0], values[1], "order"));
  }
}
function expectArgs(name, values, want) {
  if (values.length !== want)
    throw new FunctionError(`wrong number of args for ${name}: want ${want} got ${values.length}`);
}
function ordered(name, c) {
  if (name === "lt") return c < 0;
  if (name === "le") return c <= 0;
  if (name === "gt") return c > 0;
  return c >= 0;
}
function compare3(a, b, mode) {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if (mode === "eq" && (ka === "nil" || kb === "nil")) return 2;
    throw new FunctionError("incompatible types for comparison");
  }
  if (ka === "nil") {
    if (mode === "eq") return 0;
    throw new FunctionError("invalid type for comparison");
  }
  if (ka === "other")
    throw new FunctionError(mode === "eq" ? "non-comparable types" : "invalid type for comparison");
  if (ka === "bool") {
    if (mode === "order") throw new FunctionError("invalid type for comparison");
    return a === b ? 0 : 2;
  }
  const x = ka === "int" ? a.value : a;
  const y = ka === "int" ? b.value : b;
  if (ka === "string") return Math.sign(compareBytes(x, y));
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : 2;
}
function basicKind(v) {
  if (v === void 0 || v === null) return "nil";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float";
  if (typeof v === "string") return "string";
  if (v instanceof GoInt) return "int";
  return "other";
}
function length(v) {
  if (typeof v === "string") return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (isMap2(v)) return sortedKeys2(v).length;
  if (v === void 0 || v === null) throw new FunctionError("len of nil pointer");
  throw new FunctionError(`len of type ${typeName2(v)}`);
}
function index(item, keys) {
  let value = item;
  if (value === void 0 || value === null) throw new FunctionError("index of untyped nil");
  for (const key of keys) {
    if (value === null) throw new FunctionError("index of nil pointer");
    if (Array.isArray(value)) {
      if (!(key instanceof GoInt))
        throw new FunctionError(`cannot index slice/array with type ${typeName2(key)}`);
      if (key.value < 0n || key.value >= BigInt(value.length)) {
        throw new FunctionError(`index out of range: ${key.value}`);
      }
      value = value[Number(key.value)];
    } else if (isMap2(value)) {
      if (typeof key !== "string")
        throw new FunctionError(`value has type ${typeName2(key)}; should be string`);
      value = mapGet(value, key) ?? null;
    } else if (typeof value === "string") {
      throw new FunctionError("index of a string is not supported");
    } else {
      throw new FunctionError(`can't index item of type ${typeName2(value)}`);
    }
  }
  return value ?? null;
}
function argString(v) {
  return formatValue(v);
}
function sprint(values) {
  let out = "";
  values.forEach((v, i) => {
    if (i > 0 && typeof v !== "string" && typeof values[i - 1] !== "string") out += " ";
    out += argString(v);
  });
  return out;
}
function printf(format, args) {
  let out = "";
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const verb = format[++i];
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (verb === void 0) {
      out += "%!(NOVERB)";
      break;
    }
    if (!"sdvqt".includes(verb)) throw new FunctionError(`printf verb or flag %${verb} is not supported`);
    out += next < args.length ? formatVerb(verb, args[next++]) : `%!${verb}(MISSING)`;
  }
  if (next < args.length) {
    const extra = args.slice(next).map((v) => v === void 0 || v === null ? "<nil>" : `${typeName2(v)}=${argString(v)}`);
    out += `%!(EXTRA ${extra.join(", ")})`;
  }
  return out;
}
function formatVerb(verb, v) {
  if (verb === "v") return argString(v);
  const bad = () => v === void 0 || v === null ? `%!${verb}(<nil>)` : `%!${verb}(${typeName2(v)}=${argString(v)})`;
  if (Array.isArray(v) || isMap2(v))
    throw new FunctionError(`printf %${verb} of a list or map is not supported`);
  switch (verb) {
    case "s":
      return typeof v === "string" ? v : bad();
    case "q":
      if (v instanceof GoInt) throw new FunctionError("printf %q of an integer is not supported");
      return typeof v === "string" ? goQuote(v) : bad();
    case "d":
      return v instanceof GoInt ? v.value.toString() : bad();
    default:
      return typeof v === "boolean" ? String(v) : bad();
  }
}
function errorAt(src, at, message) {
  const before = src.slice(0, at);
  const line = before.split("\n").length;
  const column = at - before.lastIndexOf("\n");
  return new GoTemplateError(`template:${line}:${column}: ${message}`);
}
function checkData(v, depth) {
  if (depth > MAX_DATA_DEPTH) throw new GoTemplateError("the template data is nested too deeply");
  if (v === null || typeof v === "string" || typeof v === "boolean") return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new GoTemplateError("the template data holds a number JSON cannot");
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) checkData(item, depth + 1);
    return;
  }
  if (typeof v === "object" && !(v instanceof GoInt)) {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      for (const key of Object.keys(v)) checkData(v[key], depth + 1);
      return;
    }
  }
  throw new GoTemplateError("the template data is not JSON-like");
}
function renderGoTemplate(template, data, options) {
  const full = { missingKey: options?.missingKey ?? "default" };
  if (options?.budget) full.budget = options.budget;
  if (template.length > MAX_OUTPUT)
    throw new GoTemplateError(`the template is longer than ${MAX_OUTPUT} characters`);
  if (!options?.dataChecked) checkData(data, 0);
  const root = data === void 0 ? void 0 : data;
  return new Evaluator(template, full, root).render(parsed(template), root);
}
var parsedTemplates = /* @__PURE__ */ new Map();
var MAX_PARSED_TEMPLATES = 1e4;
function parsed(template) {
  let tree = parsedTemplates.get(template);
  if (!tree) {
    tree = new Parser3(template, new Lexer(template).run()).parse();
    if (parsedTemplates.size >= MAX_PARSED_TEMPLATES) parsedTemplates.clear();
    parsedTemplates.set(template, tree);
  }
  return tree;
}
function* indexed(size, entry) {
  for (let index2 = 0; index2 < size; index2++) yield entry(index2);
}

// src/argocd/template-patch.ts
var TemplatePatchError = class extends Error {
};
var DIRECTIVE = "$patch";
function applyTemplatePatch(rendered, patch) {
  if (!isPlainMap(patch)) throw new TemplatePatchError("spec.templatePatch renders no YAML map");
  const patched2 = mergePatch(rendered, patch, "");
  const result = patched2 === void 0 ? {} : patched2;
  const project = isPlainMap(rendered.spec) ? rendered.spec.project : void 0;
  const spec = isPlainMap(result.spec) ? { ...result.spec } : {};
  if (project === void 0) delete spec.project;
  else spec.project = project;
  if (Object.keys(spec).length > 0 || isPlainMap(result.spec)) result.spec = spec;
  return result;
}
function mergePatch(base, patch, at) {
  const directive = patch[DIRECTIVE];
  if (directive === "delete") return void 0;
  const replace = directive === "replace";
  if (directive !== void 0 && !replace) {
    throw new TemplatePatchError(`spec.templatePatch${at}: $patch ${String(directive)} is not supported`);
  }
  const result = {};
  if (!replace && isPlainMap(base))
    for (const [key, value] of Object.entries(base)) setOwn(result, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE) continue;
    if (key.startsWith("$")) {
      throw new TemplatePatchError(`spec.templatePatch${at}: the directive ${key} is not supported`);
    }
    if (value === null) {
      delete result[key];
    } else if (isPlainMap(value)) {
      const merged = mergePatch(Object.hasOwn(result, key) ? result[key] : void 0, value, `${at}.${key}`);
      if (merged === void 0) delete result[key];
      else setOwn(result, key, merged);
    } else {
      setOwn(result, key, value);
    }
  }
  return result;
}

// src/argocd/applicationset.ts
var ApplicationSetError = class extends Error {
  name = "ApplicationSetError";
};
var MAX_TEMPLATE_STEPS = 1e7;
var MAX_OUTPUT2 = 32 * 1024 * 1024;
function spend2(expansion, steps) {
  expansion.budget.steps -= steps;
  if (expansion.budget.steps < 0)
    throw new ApplicationSetError("the ApplicationSet takes too much work to expand");
}
var MAX_PARAM_SETS = 5e3;
function expandApplicationSet(repoRoot, applicationSet, sources) {
  const spec = recordOf(applicationSet.spec);
  const templatePatch = spec.templatePatch ?? void 0;
  if (templatePatch !== void 0 && typeof templatePatch !== "string")
    throw new ApplicationSetError("spec.templatePatch must be a string (a template of YAML)");
  const options = listOf(spec.goTemplateOptions).filter((option) => typeof option === "string");
  const missingKey = options.includes("missingkey=error") ? "error" : options.includes("missingkey=zero") ? "zero" : "default";
  const expansion = {
    repoRoot,
    ownRepositories: new Set(sources.repositoryUrls.map(repositoryIdentity)),
    clusters: sources.clusters,
    goTemplate: spec.goTemplate === true,
    missingKey,
    budget: { steps: MAX_TEMPLATE_STEPS },
    output: { remaining: MAX_OUTPUT2 }
  };
  const generators = listOf(spec.generators);
  if (generators.length === 0) throw new ApplicationSetError("spec.generators is empty");
  const template = recordOf(spec.template);
  const generated = [];
  for (const [index2, generator] of generators.entries()) {
    const sets = generate(expansion, recordOf(generator), `spec.generators[${index2}]`);
    const own = recordOf(recordOf(generator)[generatorKind(recordOf(generator))]).template;
    const merged = own === void 0 ? template : mergeMaps(template, recordOf(own));
    for (const set of sets) {
      checkParams(expansion, set.params);
      let rendered = recordOf(renderValue(expansion, merged, set.params, "spec.template"));
      if (templatePatch !== void 0) rendered = patched(expansion, rendered, templatePatch, set.params);
      const { namespace: _templated, ...metadata } = recordOf(rendered.metadata);
      const name = textOf(metadata.name);
      if (!name) throw new ApplicationSetError("spec.template renders an Application without a name");
      const object = {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        ...rendered,
        // In the ApplicationSet's namespace, whatever the template says (absent: Argo CD's own).
        metadata: {
          ...metadata,
          name,
          ...applicationSet.metadata.namespace ? { namespace: applicationSet.metadata.namespace } : {}
        }
      };
      generated.push({ object, parameterFiles: set.files, parameterTrees: set.trees });
    }
  }
  return generated;
}
function patched(expansion, rendered, templatePatch, params) {
  const text = renderString(expansion, templatePatch, params, "spec.templatePatch");
  const patch = parsedYaml(text, "spec.templatePatch renders no valid YAML");
  try {
    return applyTemplatePatch(rendered, patch);
  } catch (error) {
    if (error instanceof TemplatePatchError) throw new ApplicationSetError(error.message);
    throw error;
  }
}
var GENERATOR_KINDS = [
  "list",
  "git",
  "matrix",
  "merge",
  "clusters",
  "scmProvider",
  "pullRequest",
  "clusterDecisionResource",
  "plugin"
];
function generatorKind(generator) {
  const kinds = Object.keys(generator).filter((key) => GENERATOR_KINDS.includes(key));
  if (kinds.length !== 1) {
    throw new ApplicationSetError(
      kinds.length === 0 ? "a generator names no known kind" : `a generator names several kinds: ${kinds.join(", ")}`
    );
  }
  return kinds[0];
}
function generate(expansion, generator, where) {
  const kind = generatorKind(generator);
  const body = recordOf(generator[kind]);
  let sets;
  switch (kind) {
    case "list":
      sets = listGenerator(expansion, body, where);
      break;
    case "git":
      sets = gitGenerator(expansion, body, where);
      break;
    case "matrix":
      sets = matrixGenerator(expansion, body, where);
      break;
    case "merge":
      sets = mergeGenerator(expansion, body, where);
      break;
    case "clusters":
      sets = clustersGenerator(expansion, generator[kind], where);
      break;
    default:
      throw new ApplicationSetError(`${where}: the ${kind} generator is not supported`);
  }
  if (sets.length > MAX_PARAM_SETS)
    throw new ApplicationSetError(`${where} generates more than ${MAX_PARAM_SETS} Applications`);
  spend2(expansion, 10 * (sets.length + 1));
  return sets;
}
function checkParams(expansion, params) {
  if (!expansion.goTemplate) return;
  try {
    checkTemplateData(params);
  } catch (error) {
    if (error instanceof GoTemplateError)
      throw new ApplicationSetError(`the parameters cannot be read: ${error.message}`);
    throw error;
  }
}
function listGenerator(expansion, body, where) {
  const sets = [];
  for (const [index2, element] of listOf(body.elements).entries()) {
    const params = recordOf(element);
    if (!expansion.goTemplate) {
      for (const [key, value] of Object.entries(params)) {
        if (key !== "values" && typeof value !== "string") {
          throw new ApplicationSetError(
            `${where}.list.elements[${index2}].${key} must be a string without goTemplate`
          );
        }
      }
      sets.push({ params: flatValues(params), files: [], trees: [] });
    } else {
      sets.push({ params, files: [], trees: [] });
    }
  }
  if (typeof body.elementsYaml === "string") {
    const parsed2 = parsedYaml(body.elementsYaml, `${where}.list.elementsYaml is not YAML`);
    for (const element of listOf(parsed2)) sets.push({ params: recordOf(element), files: [], trees: [] });
  }
  return sets;
}
function clustersGenerator(expansion, body, where) {
  if (expansion.clusters === void 0) {
    throw new ApplicationSetError(
      `${where}: the cluster generator lists the clusters Argo CD knows, which the repository does not: list them under argocd.clusters in plumbline.yaml`
    );
  }
  const checked = /* @__PURE__ */ new WeakSet();
  try {
    return clusterParameters({
      body,
      clusters: expansion.clusters,
      goTemplate: expansion.goTemplate,
      where,
      render: (template, params, at) => {
        if (!checked.has(params)) {
          checkParams(expansion, params);
          checked.add(params);
        }
        return renderString(expansion, template, params, at);
      },
      spend: (steps) => spend2(expansion, steps)
    }).map((params) => ({ params, files: [], trees: [] }));
  } catch (error) {
    if (error instanceof ClusterGeneratorError) throw new ApplicationSetError(error.message);
    throw error;
  }
}
function flatValues(params) {
  const { values, ...rest } = params;
  const flat = { ...rest };
  for (const [key, value] of Object.entries(recordOf(values))) {
    if (typeof value === "string") flat[`values.${key}`] = value;
  }
  return flat;
}
function gitGenerator(expansion, body, where) {
  const repoURL = textOf(body.repoURL);
  if (!repoURL || !expansion.ownRepositories.has(repositoryIdentity(repoURL))) {
    throw new ApplicationSetError(
      `${where}.git reads another repository than this one, which is not supported`
    );
  }
  const prefix = textOf(body.pathParamPrefix);
  const directories = listOf(body.directories);
  if (directories.length > 0) {
    const include2 = directories.filter((item) => recordOf(item).exclude !== true).map((item) => textOf(recordOf(item).path) ?? "");
    const exclude2 = directories.filter((item) => recordOf(item).exclude === true).map((item) => textOf(recordOf(item).path) ?? "");
    const matchers2 = [include2, exclude2].map((patterns) => patterns.map(goPathMatcher));
    return foldersOf(expansion, include2).filter(
      (folder) => matchers2[0].some((match) => match(folder)) && !matchers2[1].some((match) => match(folder))
    ).map((folder) => ({
      params: withPathParams(expansion, {}, folder, void 0, prefix),
      files: [],
      trees: []
    }));
  }
  const files = listOf(body.files);
  if (files.length === 0) throw new ApplicationSetError(`${where}.git names neither directories nor files`);
  const include = files.filter((item) => recordOf(item).exclude !== true).map((item) => textOf(recordOf(item).path) ?? "");
  const exclude = files.filter((item) => recordOf(item).exclude === true).map((item) => textOf(recordOf(item).path) ?? "");
  const matchers = [include, exclude].map((patterns) => patterns.map(pathspecMatcher));
  const sets = [];
  for (const file of filesOf(expansion, include)) {
    if (!matchers[0].some((match) => match(file)) || matchers[1].some((match) => match(file))) continue;
    for (const object of parameterObjects(expansion.repoRoot, file, where)) {
      const params = expansion.goTemplate ? object : stringified(flatten(object));
      sets.push({
        params: withPathParams(expansion, params, posix4.dirname(file), file, prefix),
        files: [file],
        trees: []
      });
    }
  }
  return sets;
}
var MAX_PARAMETER_FILE = 1024 * 1024;
function parsedYaml(text, problem) {
  try {
    return (0, import_yaml8.parse)(text, { maxAliasCount: 100, prettyErrors: false, logLevel: "error" });
  } catch {
    throw new ApplicationSetError(problem);
  }
}
function parameterObjects(repoRoot, file, where) {
  const path = join5(repoRoot, file);
  if (statSync2(path).size > MAX_PARAMETER_FILE) {
    throw new ApplicationSetError(`${where}.git: ${file} is larger than ${MAX_PARAMETER_FILE} bytes`);
  }
  const value = parsedYaml(readFileSync5(path, "utf8"), `${where}.git: ${file} is neither JSON nor YAML`);
  if (value === null || value === void 0) return [{}];
  if (Array.isArray(value)) return value.map((item) => recordOf(item));
  if (typeof value === "object") return [value];
  throw new ApplicationSetError(`${where}.git: ${file} holds neither an object nor a list of them`);
}
function withPathParams(expansion, params, folder, file, prefix) {
  const path = folder === "" ? "." : folder;
  const basename2 = posix4.basename(path);
  const segments = path.split("/").filter(Boolean);
  const fields = { path, basename: basename2, basenameNormalized: sanitizeName(basename2), segments };
  if (file !== void 0) {
    fields.filename = posix4.basename(file);
    fields.filenameNormalized = sanitizeName(posix4.basename(file));
  }
  if (expansion.goTemplate) {
    const nested = { ...params, path: fields };
    return prefix ? { ...params, [prefix]: { path: fields } } : nested;
  }
  const flat = { ...params };
  const key = prefix ? `${prefix}.path` : "path";
  flat[key] = path;
  for (const name of ["basename", "basenameNormalized", "filename", "filenameNormalized"]) {
    if (fields[name] !== void 0) flat[`${key}.${name}`] = fields[name];
  }
  segments.forEach((segment, index2) => {
    flat[`${key}[${index2}]`] = segment;
  });
  return flat;
}
function matrixGenerator(expansion, body, where) {
  const children = listOf(body.generators).map(recordOf);
  if (children.length !== 2) throw new ApplicationSetError(`${where}.matrix needs exactly two generators`);
  const sets = [];
  for (const first of generate(expansion, children[0], `${where}.matrix.generators[0]`)) {
    const second = recordOf(
      renderValue(expansion, children[1], first.params, `${where}.matrix.generators[1]`)
    );
    for (const other of generate(expansion, second, `${where}.matrix.generators[1]`)) {
      sets.push({
        params: expansion.goTemplate ? mergeMaps(other.params, first.params) : combined(first.params, other.params, where),
        files: [...first.files, ...other.files],
        trees: [...first.trees, ...other.trees]
      });
      if (sets.length > MAX_PARAM_SETS)
        throw new ApplicationSetError(`${where} generates more than ${MAX_PARAM_SETS} Applications`);
    }
  }
  return sets;
}
function combined(first, second, where) {
  for (const [key, value] of Object.entries(second)) {
    if (key in first && first[key] !== value) {
      throw new ApplicationSetError(`${where}.matrix: both generators give ${key}, with different values`);
    }
  }
  return { ...first, ...second };
}
function mergeGenerator(expansion, body, where) {
  const children = listOf(body.generators).map(recordOf);
  const keys = listOf(body.mergeKeys).filter((key) => typeof key === "string");
  if (children.length < 2 || keys.length === 0) {
    throw new ApplicationSetError(`${where}.merge needs two generators or more and mergeKeys`);
  }
  const keyOf = (params) => JSON.stringify(keys.map((key) => params[key] ?? null));
  const [base, ...later] = children.map(
    (child, index2) => generate(expansion, child, `${where}.merge.generators[${index2}]`)
  );
  const watched = children.slice(1).flatMap(
    (child) => listOf(recordOf(child.git).directories).map(
      (item) => literalStart(textOf(recordOf(item).path) ?? "").start
    )
  );
  const merged = /* @__PURE__ */ new Map();
  for (const set of base) {
    const key = keyOf(set.params);
    if (merged.has(key))
      throw new ApplicationSetError(`${where}.merge: the first generator gives one merge key twice`);
    merged.set(key, set);
  }
  for (const sets of later) {
    const seen = /* @__PURE__ */ new Set();
    for (const set of sets) {
      const key = keyOf(set.params);
      if (seen.has(key))
        throw new ApplicationSetError(`${where}.merge: a generator gives one merge key twice`);
      seen.add(key);
      const into = merged.get(key);
      if (!into) continue;
      merged.set(key, {
        params: expansion.goTemplate ? mergeMaps(into.params, set.params) : { ...into.params, ...set.params },
        files: [...into.files, ...set.files],
        // Which of a later generator's folders exist decides which parameters merge in.
        trees: [...into.trees, ...set.trees, ...watched]
      });
    }
  }
  return [...merged.values()];
}
function renderValue(expansion, value, params, where) {
  if (typeof value === "string") return renderString(expansion, value, params, where);
  if (Array.isArray(value)) return value.map((item) => renderValue(expansion, item, params, where));
  if (value === null || typeof value !== "object") return value;
  const rendered = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(
      rendered,
      renderString(expansion, key, params, where),
      renderValue(expansion, item, params, where)
    );
  }
  return rendered;
}
function renderString(expansion, text, params, where) {
  spend2(expansion, 1 + Math.ceil(text.length / 64));
  const rendered = renderedString(expansion, text, params, where);
  expansion.output.remaining -= rendered.length;
  if (expansion.output.remaining < 0) {
    throw new ApplicationSetError(`its Applications hold more than ${MAX_OUTPUT2} characters`);
  }
  return rendered;
}
function renderedString(expansion, text, params, where) {
  if (expansion.goTemplate) {
    if (!text.includes("{{")) return text;
    try {
      return renderGoTemplate(text, params, {
        missingKey: expansion.missingKey,
        budget: expansion.budget,
        dataChecked: true
      });
    } catch (error) {
      if (error instanceof GoTemplateError) throw new ApplicationSetError(`${where}: ${error.message}`);
      throw error;
    }
  }
  if (!/\{\{.*\}\}/.test(text)) return text;
  return text.replace(/\{\{([^{}]*)\}\}/g, (tag, inner) => {
    const value = Object.hasOwn(params, inner.trim()) ? params[inner.trim()] : void 0;
    return typeof value === "string" ? value : tag;
  });
}
function goPathMatcher(pattern) {
  return globMatcher(pattern, { ...GIT_GLOBS, star: "[^/]*" });
}
function pathspecMatcher(pattern) {
  return globMatcher(pattern, { ...GIT_GLOBS, star: ".*" });
}
var GIT_GLOBS = {
  star: ".*",
  one: "[^/]",
  braces: false,
  backslashEscapes: false,
  negations: "!^"
};
function globMatcher(pattern, dialect) {
  const compiled = compileGlob(pattern, dialect, matchBudget());
  if (!compiled) return () => false;
  return (path) => {
    try {
      return compiled.matches(path);
    } catch {
      throw new ApplicationSetError(`the pattern ${JSON.stringify(pattern)} takes too long to match`);
    }
  };
}
function foldersOf(expansion, patterns) {
  const folders = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    const { start, depth } = literalStart(pattern);
    walk(expansion.repoRoot, start, depth, (entry, path) => {
      spend2(expansion, 1);
      if (entry.isDirectory()) folders.add(path);
    });
  }
  return [...folders].sort();
}
function filesOf(expansion, patterns) {
  const files = /* @__PURE__ */ new Set();
  for (const pattern of patterns) {
    walk(expansion.repoRoot, literalStart(pattern).start, Number.POSITIVE_INFINITY, (entry, path) => {
      spend2(expansion, 1);
      if (entry.isFile()) files.add(path);
    });
  }
  return [...files].sort();
}
function literalStart(pattern) {
  const segments = pattern.split("/").filter((segment) => segment !== "" && segment !== ".");
  const literal2 = segments.findIndex((segment) => /[*?[\\]/.test(segment));
  const fixed = literal2 < 0 ? segments.slice(0, -1) : segments.slice(0, literal2);
  return { start: fixed.join("/"), depth: segments.length - fixed.length };
}
function isRealFolder(repoRoot, folder) {
  let path = repoRoot;
  for (const segment of folder.split("/").filter(Boolean)) {
    path = join5(path, segment);
    try {
      if (!lstatSync(path).isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}
function walk(repoRoot, folder, depth, visit2) {
  if (depth <= 0 || folder.split("/").some((segment) => segment.startsWith(".") || segment === "..")) return;
  if (!isRealFolder(repoRoot, folder)) return;
  let entries;
  try {
    entries = readdirSync5(join5(repoRoot, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    if (entry.name.startsWith(".")) continue;
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    visit2(entry, path);
    if (entry.isDirectory()) walk(repoRoot, path, depth - 1, visit2);
  }
}
function flatten(value, prefix = "") {
  const flat = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (item !== null && typeof item === "object") {
      for (const [key2, inner] of Object.entries(flatten(item, name))) setOwn(flat, key2, inner);
    } else {
      setOwn(flat, name, item);
    }
  }
  return flat;
}
function stringified(params) {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, goValue(value)]));
}
function goValue(value) {
  if (value === null || value === void 0) return "<nil>";
  if (typeof value === "number") return goFloat(value);
  return String(value);
}
function goFloat(value) {
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : value < 0 ? "-Inf" : "NaN";
  if (value === 0) return "0";
  const [mantissa = "", power = "0"] = value.toExponential().split("e");
  const exponent = Number(power);
  if (exponent < -4 || exponent >= 6) {
    const sign = power.startsWith("-") ? "-" : "+";
    const magnitude = power.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa}e${sign}${magnitude}`;
  }
  return String(value);
}

// src/argocd/discover.ts
var DEFAULT_PROJECT = "default";
var IN_CLUSTER_SERVER = "https://kubernetes.default.svc";
var IN_CLUSTER_NAME = "in-cluster";
var BUILD_VARIABLE = /^ARGOCD_APP_/;
var REF_PATH = /^\$([A-Za-z0-9_-]+)\//;
function discoverArgoApplications(repoRoot, options) {
  const found = findArgoObjects(repoRoot);
  const discovery = {
    applications: [],
    external: [],
    problems: found.problems.map((problem) => ({ ...problem })),
    applicationSets: []
  };
  const context = {
    discovery,
    ownRepositories: new Set(options.repositoryUrls.map(repositoryIdentity)),
    named: /* @__PURE__ */ new Map()
  };
  const applicationSets = [];
  for (const definition of found.objects) {
    if (definition.kind === "Application") readApplication(context, definition);
    else applicationSets.push(definition);
  }
  for (const definition of applicationSets) {
    discovery.applicationSets.push(applicationSetOf(definition));
    expandInto(context, definition, repoRoot, options);
  }
  discovery.applications.sort((a, b) => compare4(a.name, b.name));
  discovery.external.sort((a, b) => compare4(a.name, b.name));
  discovery.problems.sort(
    (a, b) => compare4(a.file, b.file) || a.line - b.line || compare4(a.message, b.message)
  );
  discovery.applicationSets.sort((a, b) => compare4(a.name, b.name) || byPlace2(a, b));
  return discovery;
}
function normaliseArgoPath(path) {
  const normal = posix5.normalize(path.replace(/^\/+/, "") || ".").replace(/\/+$/, "");
  if (normal === ".." || normal.startsWith("../")) return void 0;
  return normal === "." ? "" : normal;
}
function clusterOf(destination) {
  if (destination.name !== void 0) return destination.name.replace(/%/g, "%25").replace(/\//g, "%2F");
  if (destination.server === void 0) return void 0;
  if (destination.server.replace(/\/+$/, "") === IN_CLUSTER_SERVER) return IN_CLUSTER_NAME;
  try {
    return new URL(destination.server).host || void 0;
  } catch {
    return void 0;
  }
}
function readApplication(context, definition, parameterFiles = [], parameterTrees = []) {
  const { discovery } = context;
  const { object, file, line } = definition;
  const spec = recordOf(object.spec);
  const destination = destinationOf(spec.destination);
  const cluster = clusterOf(destination);
  if (cluster === void 0) {
    discovery.problems.push({ file, line, message: destinationProblem(object.metadata.name, destination) });
    return;
  }
  const name = `${cluster}/${object.metadata.name}`;
  const fail = (messages) => {
    for (const message of messages) discovery.problems.push({ application: name, file, line, message });
  };
  const first = context.named.get(name);
  if (first) {
    fail([`${name} is defined twice: here and at ${first.file}:${first.line}`]);
    return;
  }
  context.named.set(name, definition);
  const read = readSources(spec, context.ownRepositories);
  if ("problems" in read) {
    fail(read.problems);
    return;
  }
  const { sources } = read;
  if (sources.every(({ source }) => !source.local && source.chart === void 0)) {
    discovery.external.push({ name, file, line, reason: externalReason2(sources) });
    return;
  }
  const problems = sources.flatMap((placed) => sourceProblems(placed, sources));
  if (problems.length > 0) {
    fail(problems);
    return;
  }
  discovery.applications.push({
    name,
    cluster,
    file,
    line,
    ...textOf(object.metadata.namespace) ? { namespace: textOf(object.metadata.namespace) } : {},
    project: textOf(spec.project) ?? DEFAULT_PROJECT,
    destination,
    sources: sources.map(({ source }) => source),
    object,
    parameterFiles,
    parameterTrees
  });
}
function readSources(spec, ownRepositories) {
  if (spec.sourceHydrator !== void 0 && spec.sourceHydrator !== null) {
    return { problems: ["spec.sourceHydrator is not supported: Argo CD renders what its hydrator commits"] };
  }
  const written = writtenSources(spec);
  if (written.length === 0) {
    return { problems: ["the Application has no source: set spec.source or spec.sources"] };
  }
  const problems = written.flatMap(({ value, where }) => shapeProblemsOf(value, where));
  if (problems.length > 0) return { problems };
  return { sources: written.map(({ value, where }) => placedSource(value, where, ownRepositories)) };
}
function destinationOf(value) {
  const record = recordOf(value);
  const destination = {};
  const name = textOf(record.name);
  const server = textOf(record.server);
  const namespace = textOf(record.namespace);
  if (name !== void 0) destination.name = name;
  if (server !== void 0) destination.server = server;
  if (namespace !== void 0) destination.namespace = namespace;
  return destination;
}
function destinationProblem(application, destination) {
  return destination.server === void 0 ? `Application ${application} names no destination cluster: set spec.destination.name or spec.destination.server` : `Application ${application}: spec.destination.server is not a URL`;
}
function writtenSources(spec) {
  const list = listOf(spec.sources);
  if (list.length > 0) return list.map((value, index2) => ({ value, where: `spec.sources[${index2}]` }));
  if (spec.source === void 0 || spec.source === null) return [];
  return [{ value: spec.source, where: "spec.source" }];
}
var TEXT_FIELDS = ["repoURL", "targetRevision", "path", "chart", "ref"];
function shapeProblemsOf(value, where) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [`${where} must be a mapping`];
  }
  const record = value;
  const problems = [];
  if (textOf(record.repoURL) === void 0) problems.push(`${where} has no repoURL`);
  for (const field of TEXT_FIELDS) {
    const fieldValue = record[field];
    if (fieldValue !== void 0 && fieldValue !== null && typeof fieldValue !== "string") {
      problems.push(`${where}.${field} must be a string: quote it`);
    }
  }
  return problems;
}
function placedSource(value, where, ownRepositories) {
  const written = recordOf(value);
  const repoURL = textOf(written.repoURL) ?? "";
  const chart = textOf(written.chart);
  const local = chart === void 0 && ownRepositories.has(repositoryIdentity(repoURL));
  const source = { repoURL, local };
  copyText(source, "targetRevision", written.targetRevision);
  copyText(source, "chart", chart);
  copyText(source, "ref", written.ref);
  const path = textOf(written.path);
  if (path !== void 0) {
    const normal = normaliseArgoPath(path);
    if (normal !== void 0) source.path = normal;
  }
  for (const tool of ["helm", "kustomize", "directory", "plugin"]) {
    const options = written[tool];
    if (options !== null && typeof options === "object" && !Array.isArray(options)) {
      source[tool] = structuredClone(options);
    }
  }
  return { source, where, written };
}
function copyText(source, field, value) {
  const text = textOf(value);
  if (text !== void 0) source[field] = text;
}
function externalReason2(sources) {
  const urls = [...new Set(sources.map(({ source }) => withoutCredentials(source.repoURL)))];
  return urls.length === 1 ? `its source is ${urls[0]}, another repository` : `its sources are ${urls.join(", ")}, other repositories`;
}
function sourceProblems(placed, all) {
  const { source, where, written } = placed;
  const problems = [];
  if (textOf(written.path) !== void 0 && source.path === void 0) {
    problems.push(`${where}.path leads outside the repository`);
  }
  if (written.plugin !== void 0 && written.plugin !== null) {
    const plugin = textOf(recordOf(written.plugin).name) ?? "one chosen by discovery";
    problems.push(`${where}: config management plugins are not supported: ${plugin}`);
  }
  if (hasJsonnet(source.directory)) {
    problems.push(`${where}.directory.jsonnet: jsonnet is not supported`);
  }
  const refs = new Set(all.flatMap(({ source: other }) => other.ref ? [other.ref] : []));
  for (const [field, name] of unknownRefs(source.helm, refs)) {
    problems.push(`${where}.helm.${field} names $${name}, which no source of the Application defines as ref`);
  }
  return problems;
}
function hasJsonnet(directory) {
  const jsonnet = directory?.jsonnet;
  return jsonnet !== void 0 && jsonnet !== null && Object.keys(recordOf(jsonnet)).length > 0;
}
function unknownRefs(helm, refs) {
  if (helm === void 0) return [];
  const paths = [
    ...listOf(helm.valueFiles).map((file, index2) => [`valueFiles[${index2}]`, file]),
    ...listOf(helm.fileParameters).map((parameter, index2) => [
      `fileParameters[${index2}].path`,
      recordOf(parameter).path
    ])
  ];
  const unknown = [];
  for (const [field, path] of paths) {
    const name = typeof path === "string" ? REF_PATH.exec(path)?.[1] : void 0;
    if (name !== void 0 && !refs.has(name) && !BUILD_VARIABLE.test(name)) unknown.push([field, name]);
  }
  return unknown;
}
function expandInto(context, definition, repoRoot, options) {
  const { file, line, object } = definition;
  let generated;
  try {
    generated = expandApplicationSet(repoRoot, object, {
      repositoryUrls: options.repositoryUrls,
      clusters: options.clusters
    });
  } catch (error) {
    const reason = error instanceof ApplicationSetError ? error.message : `cannot be expanded (${error instanceof Error ? error.name : "unknown error"})`;
    context.discovery.problems.push({
      application: `applicationset/${object.metadata.name}`,
      file,
      line,
      message: `ApplicationSet ${object.metadata.name}: ${reason}`
    });
    return;
  }
  for (const application of generated) {
    readApplication(
      context,
      { kind: "Application", object: application.object, file, line },
      application.parameterFiles,
      application.parameterTrees
    );
  }
}
function applicationSetOf({ object, file, line }) {
  return { name: object.metadata.name, file, line, object };
}
function byPlace2(a, b) {
  return compare4(a.file, b.file) || a.line - b.line;
}
function compare4(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/config/run-discoveries.ts
function discoverySettings(render) {
  return { repositoryUrls: render.repositoryUrls ?? [], argocdClusters: render.argocdClusters };
}
var RunDiscoveries = class {
  #found = /* @__PURE__ */ new Map();
  /** The checkout's Argo CD Applications (argocd/discover.ts). */
  argo(root, settings) {
    const key = JSON.stringify([
      "argocd",
      resolve2(root),
      settings.repositoryUrls,
      settings.argocdClusters ?? null
    ]);
    return this.#once(
      key,
      () => discoverArgoApplications(root, {
        repositoryUrls: settings.repositoryUrls,
        clusters: settings.argocdClusters
      })
    );
  }
  /** The checkout's Flux environments (flux/discover.ts). */
  flux(root, settings) {
    const key = JSON.stringify(["flux", resolve2(root), settings.repositoryUrls]);
    return this.#once(key, () => discoverFluxEnvironments(root, settings.repositoryUrls));
  }
  #once(key, compute) {
    let found = this.#found.get(key);
    if (!found) {
      found = compute();
      this.#found.set(key, found);
    }
    return found;
  }
};

// src/config/load.ts
var CONFIG_FILES = ["plumbline.yaml", "plumbline.yml"];
async function loadConfig(repoRoot, origin = []) {
  return withOwnSourceHosts(repoRoot, await checkoutConfig(repoRoot, origin));
}
function withOwnSourceHosts(repoRoot, config) {
  const renderers = new Set(config.environments.map((environment) => environment.renderer));
  if (!renderers.has("flux") && !renderers.has("argocd")) return config;
  const sourceHosts = renderers.has("flux") ? fluxSourceHosts(discoverFluxEnvironments(repoRoot, config.render.repositoryUrls)) : argoChartHosts(findArgoObjects(repoRoot).objects.map((found) => found.object));
  return sourceHosts.length === 0 ? config : { ...config, render: { ...config.render, sourceHosts } };
}
async function checkoutConfig(repoRoot, origin) {
  const source = await readConfigFile(repoRoot);
  if (!source) {
    const config2 = await withDiscoveredEnvironments(
      repoRoot,
      void 0,
      [],
      checkoutDiscovery(repoRoot, { repositoryUrls: origin })
    );
    if (origin.length > 0) config2.render.repositoryUrls = [...origin];
    return config2;
  }
  const parsed2 = parseConfigText(source.text, source.file);
  if (!parsed2.config) throw new ConfigError(parsed2.problems);
  const { config } = parsed2;
  const repositoryUrls = [...origin, ...config.render.repositoryUrls ?? []];
  if (repositoryUrls.length > 0) config.render.repositoryUrls = repositoryUrls;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config);
  const problems = [];
  for (const [index2, environment] of config.environments.entries()) {
    const problem = await checkFolders(repoRoot, environment);
    if (!problem) continue;
    const { segments, ...described } = problem;
    problems.push({
      file: source.file,
      ...parsed2.locate(["environments", index2, ...segments]),
      ...described
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return listed(config, config.environments);
}
async function loadConfigFrom(source, repoRoot, alsoDiscovered = [], here) {
  if (!source) return withDiscoveredEnvironments(repoRoot, void 0, alsoDiscovered, here);
  const parsed2 = parseConfigText(source.text, source.file);
  if (!parsed2.config) throw new ConfigError(parsed2.problems);
  const { config } = parsed2;
  if (!config.environments) return withDiscoveredEnvironments(repoRoot, config, alsoDiscovered, here);
  return listed(config, config.environments);
}
function listed(written, environments) {
  const { fluxClusters, fluxPromote, argocdContexts, argocdPromote, ...config } = written;
  return { ...config, environments };
}
async function readConfigFile(repoRoot) {
  const file = await findConfigFile(repoRoot);
  if (!file) return void 0;
  const path = join6(repoRoot, file);
  if ((await lstat(path)).isSymbolicLink()) {
    const [real, top] = await Promise.all([realpath(path), realpath(repoRoot)]);
    if (!real.startsWith(`${top}${sep3}`)) {
      throw new PlumblineError(
        `${file} is a symbolic link that leads outside the repository`,
        `Replace ${file} with the configuration file itself.`
      );
    }
  }
  return { file, text: await readFile(path, "utf8") };
}
async function findConfigFile(repoRoot) {
  const present = [];
  for (const name of CONFIG_FILES) if (await isFileOrLink(join6(repoRoot, name))) present.push(name);
  if (present.length > 1) {
    throw new PlumblineError(
      `Both ${present.join(" and ")} exist in ${repoRoot}`,
      "Keep one of them; plumbline will not guess which one you meant."
    );
  }
  return present[0];
}
async function isFileOrLink(path) {
  return lstat(path).then(
    (stats) => stats.isFile() || stats.isSymbolicLink(),
    () => false
  );
}
async function discoverRepositoryEnvironments(found, settings, discoveries) {
  const discovery = typeof found === "string" ? checkoutDiscovery(found, settings, discoveries) : found;
  const native = discovery.native();
  return native.length > 0 ? native : discovery.folders();
}
function checkoutDiscovery(repoRoot, settings = { repositoryUrls: [] }, discoveries = new RunDiscoveries()) {
  let native;
  let folders;
  return {
    native: () => {
      native ??= fluxEnvironments(discoveries.flux(repoRoot, settings));
      if (native.length === 0) native = argoEnvironments(discoveries.argo(repoRoot, settings));
      return native;
    },
    folders: () => {
      folders ??= discoverEnvironments(repoRoot);
      return folders;
    }
  };
}
function fluxEnvironments(discovery) {
  if (discovery.environments.length === 0 && !discovery.problems.some((problem) => problem.environment)) {
    return [];
  }
  const environments = /* @__PURE__ */ new Map();
  for (const found of discovery.environments) {
    environments.set(found.name, {
      name: found.name,
      path: found.path,
      renderer: "flux",
      flux: { cluster: found.cluster, namespace: found.namespace, name: found.kustomizationName }
    });
  }
  for (const problem of discovery.problems) {
    const name = problem.environment ?? problem.file;
    if (environments.has(name)) continue;
    const identity = problem.environment ? identityOf(problem.environment) : void 0;
    environments.set(name, {
      name,
      // A folder that exists: the plan renders it, and the render fails with the problem.
      path: posix6.dirname(problem.file) === "." ? "" : posix6.dirname(problem.file),
      renderer: "flux",
      flux: { ...identity ?? { cluster: "", namespace: "", name }, problem: problem.message }
    });
  }
  return [...environments.values()].sort((a, b) => a.name.localeCompare(b.name));
}
function argoEnvironments(discovery) {
  const environments = /* @__PURE__ */ new Map();
  for (const application of discovery.applications) {
    const local = application.sources.find((source) => source.local && source.path !== void 0);
    environments.set(application.name, {
      name: application.name,
      path: local?.path ?? "",
      renderer: "argocd",
      argocd: { name: application.name, cluster: application.cluster }
    });
  }
  if (environments.size === 0 && !discovery.problems.some((problem) => problem.application)) return [];
  for (const problem of discovery.problems) {
    const name = problem.application ?? problem.file;
    if (environments.has(name)) continue;
    environments.set(name, {
      name,
      path: posix6.dirname(problem.file) === "." ? "" : posix6.dirname(problem.file),
      renderer: "argocd",
      argocd: { name, problem: problem.message }
    });
  }
  return [...environments.values()].sort((a, b) => a.name.localeCompare(b.name));
}
function identityOf(name) {
  const [cluster, namespace, kustomization, ...rest] = name.split("/");
  if (!cluster || !namespace || !kustomization || rest.length > 0) return void 0;
  return { cluster, namespace, name: kustomization };
}
async function withDiscoveredEnvironments(repoRoot, written, alsoDiscovered = [], here = checkoutDiscovery(repoRoot, written && discoverySettings(written.render))) {
  const environments = await discoveredIn(here, alsoDiscovered);
  if (environments.length === 0) {
    const roots = DISCOVERY_ROOTS.map((root) => `${root}/`).join(", ");
    const configured = written?.file ? `${written.file} lists no environments` : "There is no plumbline.yaml";
    throw new PlumblineError(
      `${configured} and no environment was found under ${roots} in ${repoRoot} (there, an environment is a folder holding kustomization.yaml, kustomization.yml, Kustomization or Chart.yaml).`,
      "Add plumbline.yaml at the repository root, e.g.:\nenvironments:\n  - name: dev\n    path: deploy/dev\n  - name: prod\n    path: deploy/prod\n    promote: { from: dev }\nSee docs/configuration.md."
    );
  }
  if (written) {
    const { capabilities, fluxClusters, fluxPromote, argocdContexts, argocdPromote, ...config } = written;
    return {
      ...config,
      ...capabilities ? { capabilities } : {},
      environments: environments.map((environment) => {
        const flux = environment.flux ? ownEntry(fluxClusters, environment.flux.cluster) : void 0;
        const argoCluster = environment.argocd?.cluster;
        const cluster = flux ?? (argoCluster === void 0 ? void 0 : ownEntry(argocdContexts, argoCluster));
        const layered = cluster?.capabilities ?? capabilities;
        const placed = {
          ...layered ? { capabilities: layered } : {},
          ...environment,
          ...cluster && !environment.cluster ? { cluster: { context: cluster.context } } : {}
        };
        return withArgoPromote(withFluxPromote(placed, fluxPromote), argocdPromote);
      })
    };
  }
  return {
    environments,
    render: renderSettings(),
    diff: { ignore: [] },
    drift: { after: 1, labels: ["drift"] }
  };
}
function withFluxPromote(environment, fluxPromote) {
  const flux = environment.flux;
  if (!fluxPromote || !flux || environment.promote) return environment;
  const own = ownEntry(fluxPromote, environment.name);
  if (own) return { ...environment, promote: own };
  const cluster = flux.cluster ? ownEntry(fluxPromote, flux.cluster) : void 0;
  if (!cluster) return environment;
  return { ...environment, promote: { ...cluster, from: `${cluster.from}/${flux.namespace}/${flux.name}` } };
}
function ownEntry(record, key) {
  return record !== void 0 && Object.hasOwn(record, key) ? record[key] : void 0;
}
function withArgoPromote(environment, argocdPromote) {
  const argocd = environment.argocd;
  if (!argocdPromote || !argocd || environment.promote) return environment;
  const own = ownEntry(argocdPromote, environment.name);
  if (own) return { ...environment, promote: own };
  const cluster = argocd.cluster === void 0 ? void 0 : ownEntry(argocdPromote, argocd.cluster);
  if (!cluster) return environment;
  const application = environment.name.slice(argocd.cluster.length + 1);
  return { ...environment, promote: { ...cluster, from: `${cluster.from}/${application}` } };
}
async function discoveredIn(here, alsoDiscovered) {
  const native = here.native();
  const baseIsNative = alsoDiscovered.some(isGitOpsNative);
  if (alsoDiscovered.length > 0 && !baseIsNative) {
    const folders = await byFolder(here, alsoDiscovered);
    const names = new Set(folders.map((environment) => environment.name));
    return [...folders, ...native.filter((environment) => !names.has(environment.name))].sort(
      (a, b) => a.name.localeCompare(b.name)
    );
  }
  return native.length > 0 || baseIsNative ? withNativeAlso(native, alsoDiscovered) : byFolder(here, alsoDiscovered);
}
function isGitOpsNative(environment) {
  return environment.renderer === "flux" || environment.renderer === "argocd";
}
function withNativeAlso(native, alsoDiscovered) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const environment of alsoDiscovered) {
    if (isGitOpsNative(environment)) byName2.set(environment.name, environment);
  }
  for (const environment of native) byName2.set(environment.name, environment);
  return [...byName2.values()].sort((a, b) => a.name.localeCompare(b.name));
}
async function byFolder(here, alsoDiscovered) {
  const byPath = /* @__PURE__ */ new Map();
  for (const environment of [...alsoDiscovered, ...await here.folders()]) {
    byPath.set(environment.path, environment);
  }
  const named = /* @__PURE__ */ new Map();
  for (const { name } of byPath.values()) named.set(name, (named.get(name) ?? 0) + 1);
  return [...byPath.values()].map(
    (environment) => named.get(environment.name) > 1 ? { ...environment, name: environment.path } : environment
  ).sort((a, b) => a.name.localeCompare(b.name));
}
async function checkFolders(repoRoot, environment) {
  const folder = join6(repoRoot, environment.path);
  const kind = await entryKind(folder);
  if (kind !== "directory") {
    return {
      segments: ["path"],
      message: `path "${environment.path}" ${kind === "missing" ? "does not exist" : "is not a folder"}`,
      hint: await siblingsHint(repoRoot, environment.path)
    };
  }
  for (const [index2, valuesFile] of (environment.helm?.valuesFiles ?? []).entries()) {
    if (await entryKind(join6(folder, valuesFile)) !== "file") {
      return {
        segments: ["helm", "valuesFiles", index2],
        message: `values file "${valuesFile}" does not exist in ${environment.path}`,
        hint: "Values files are relative to the environment path."
      };
    }
  }
  return void 0;
}
async function siblingsHint(repoRoot, path) {
  const parent = posix6.dirname(path);
  try {
    const entries = await readdir(join6(repoRoot, parent), { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith("."));
    if (folders.length > 0) {
      const where = parent === "." ? "the repository root" : `${parent}/`;
      return `Folders in ${where}: ${folders.map((entry) => entry.name).join(", ")}. Paths are relative to the repository root.`;
    }
  } catch {
  }
  return "Paths are relative to the repository root.";
}
async function entryKind(path) {
  try {
    const stats = await stat(path);
    return stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other";
  } catch {
    return "missing";
  }
}

// src/git/run.ts
import { execFile } from "node:child_process";
function runGit(cwd, args, options = {}) {
  return new Promise((resolve3, reject) => {
    execFile(
      "git",
      [...args],
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        // Never wait for a password prompt in CI; fail instead.
        env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options.env }
      },
      (error, stdout, stderr) => {
        const code = error ? typeof error.code === "number" ? error.code : 1 : 0;
        if (error && typeof error.code !== "number") {
          reject(
            new PlumblineError(
              `could not run git: ${error.message}`,
              "Install git and make sure it is on PATH."
            )
          );
          return;
        }
        if (code !== 0 && !options.allowFailure) {
          reject(
            new PlumblineError(
              `git ${args[0]} failed in ${cwd}: ${stderr.trim() || stdout.trim()}`,
              "Check that the repository, remote and credentials are usable by git."
            )
          );
          return;
        }
        resolve3({ code, stdout, stderr });
      }
    );
  });
}

// src/git/repository.ts
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join as join7 } from "node:path";
async function originUrls(dir) {
  const result = await runGit(dir, ["remote", "get-url", "origin"], { allowFailure: true });
  const url = result.stdout.trim();
  return result.code === 0 && url !== "" ? [url] : [];
}
async function currentBranch(dir) {
  const result = await runGit(dir, ["symbolic-ref", "--quiet", "--short", "HEAD"], { allowFailure: true });
  return result.code === 0 ? result.stdout.trim() : void 0;
}
async function remoteBranchHead(dir, remote, branch) {
  const result = await runGit(dir, ["ls-remote", "--heads", remote, `refs/heads/${branch}`]);
  const line = result.stdout.split("\n").find((row) => row.endsWith(`	refs/heads/${branch}`));
  return line?.split("	")[0];
}
async function fetchBranches(dir, remote, branches) {
  const heads = /* @__PURE__ */ new Map();
  for (const branch of branches) heads.set(branch, await remoteBranchHead(dir, remote, branch));
  const present = branches.filter((branch) => heads.get(branch));
  if (present.length > 0) {
    await runGit(dir, [
      "fetch",
      "--quiet",
      "--no-tags",
      remote,
      ...present.map((branch) => `+refs/heads/${branch}:refs/plumbline/remote/${branch}`)
    ]);
  }
  for (const branch of present) heads.set(branch, await revParse(dir, `refs/plumbline/remote/${branch}`));
  return heads;
}
async function revParse(dir, rev) {
  return (await runGit(dir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`])).stdout.trim();
}
var worktreeAdds = /* @__PURE__ */ new Map();
async function oneAtATime(repo, add2) {
  const previous = worktreeAdds.get(repo) ?? Promise.resolve();
  const next = previous.catch(() => void 0).then(add2);
  worktreeAdds.set(repo, next);
  try {
    return await next;
  } finally {
    if (worktreeAdds.get(repo) === next) worktreeAdds.delete(repo);
  }
}
async function addWorktree(repo, commit, { checkout = true } = {}) {
  const parent = mkdtempSync(join7(tmpdir(), "plumbline-worktree-"));
  const dir = join7(parent, basename(parent));
  const add2 = ["worktree", "add", "--quiet", "--detach", ...checkout ? [] : ["--no-checkout"]];
  await oneAtATime(repo, () => runGit(repo, [...add2, dir, commit]));
  return {
    dir,
    async remove() {
      const removed = await oneAtATime(
        repo,
        () => runGit(repo, ["worktree", "remove", "--force", dir], { allowFailure: true })
      );
      await rm(parent, { recursive: true, force: true });
      if (removed.code !== 0) await runGit(repo, ["worktree", "prune"], { allowFailure: true });
    }
  };
}
var indexRead = /* @__PURE__ */ new Set();
var PATHS_AT_ONCE = 500;
async function checkOutPaths(dir, commit, paths) {
  if (!indexRead.has(dir)) {
    await runGit(dir, ["read-tree", commit]);
    indexRead.add(dir);
  }
  for (let start = 0; start < paths.length; start += PATHS_AT_ONCE) {
    const some = paths.slice(start, start + PATHS_AT_ONCE);
    await runGit(dir, [
      "-c",
      "core.hooksPath=/dev/null",
      "--literal-pathspecs",
      "checkout",
      "--quiet",
      commit,
      "--",
      ...some
    ]);
  }
}
async function checkOutAll(dir) {
  await runGit(dir, ["reset", "--hard", "--quiet"]);
}
async function listFiles(dir, folder) {
  const result = await runGit(dir, ["ls-files", "-z", "--", folder]);
  return result.stdout.split("\0").filter(Boolean);
}
async function showFile(dir, commit, path) {
  const result = await runGit(dir, ["show", `${commit}:${path}`], { allowFailure: true });
  return result.code === 0 ? result.stdout : void 0;
}
async function entryAtRevision(dir, commit, path) {
  const listed2 = await runGit(dir, ["ls-tree", "-z", commit, "--", path]);
  const [meta] = listed2.stdout.split("	");
  const [mode, type, object] = (meta ?? "").split(" ");
  if (!object || type !== "blob") return { kind: "missing" };
  if (mode === "120000") return { kind: "link" };
  return { kind: "file", text: (await runGit(dir, ["cat-file", "blob", object])).stdout };
}
async function listFilesAt(dir, commit, folder) {
  const result = await runGit(dir, ["ls-tree", "-r", "-z", "--name-only", commit, "--", folder]);
  return result.stdout.split("\0").filter(Boolean);
}
async function identityEnv(dir, fallback) {
  const name = await runGit(dir, ["config", "user.name"], { allowFailure: true });
  const email = await runGit(dir, ["config", "user.email"], { allowFailure: true });
  const env = {};
  if (name.code !== 0 || !name.stdout.trim()) {
    env.GIT_AUTHOR_NAME = fallback.name;
    env.GIT_COMMITTER_NAME = fallback.name;
  }
  if (email.code !== 0 || !email.stdout.trim()) {
    env.GIT_AUTHOR_EMAIL = fallback.email;
    env.GIT_COMMITTER_EMAIL = fallback.email;
  }
  return env;
}
async function stagedTree(dir, paths) {
  await runGit(dir, ["add", "--", ...paths]);
  return (await runGit(dir, ["write-tree"])).stdout.trim();
}
async function treeOf(dir, commit) {
  return (await runGit(dir, ["rev-parse", `${commit}^{tree}`])).stdout.trim();
}
async function commitStaged(dir, message, fallback) {
  await runGit(dir, ["commit", "--quiet", "--no-verify", "-m", message], {
    env: await identityEnv(dir, fallback)
  });
  return revParse(dir, "HEAD");
}
async function pushCommit(dir, remote, commit, branch, expected) {
  const ref = `refs/heads/${branch}`;
  const args = ["push", "--porcelain", remote, `${commit}:${ref}`];
  if ("lease" in expected) args.splice(2, 0, `--force-with-lease=${ref}:${expected.lease ?? ""}`);
  const result = await runGit(dir, args, { allowFailure: true });
  if (result.code === 0) return "pushed";
  if (isRaceRejection(`${result.stdout}
${result.stderr}`)) return "rejected";
  throw new PlumblineError(
    `git push to ${remote} ${branch} failed: ${(result.stderr.trim() || result.stdout.trim()).split("\n").slice(-3).join(" ")}`,
    "Check that the token or deploy key may push to this branch (branch protection may require a change request: set promote.via: pull-request)."
  );
}
function isRaceRejection(output) {
  return output.split("\n").some(
    (line) => line.startsWith("!") && (/\[rejected\] \((fetch first|non-fast-forward|stale info)\)/.test(line) || /\[remote rejected\] \((cannot lock ref|failed to update ref|incorrect old value)/.test(line))
  );
}
async function deleteRemoteBranch(dir, remote, branch, expected) {
  const ref = `refs/heads/${branch}`;
  await runGit(dir, ["push", "--porcelain", `--force-with-lease=${ref}:${expected}`, remote, `:${ref}`], {
    allowFailure: true
  });
}

// src/commands/checkout-config.ts
async function loadCheckoutConfig(repoRoot) {
  return loadConfig(repoRoot, await originUrls(repoRoot));
}

export {
  isAllowedHost,
  require_dist,
  recordOf,
  listOf,
  stringRecord,
  textOf,
  KUSTOMIZATION_FILES,
  discoverEnvironmentsIn,
  aliasBudget,
  plainValue,
  syntaxReason,
  parseManifests,
  findArgoObjects,
  argoObjectsIn,
  argoChartSource,
  argoChartHosts,
  withoutCredentials,
  isRemoteReference,
  isAllowedReference,
  fluxObjectKey,
  fluxKindOf,
  fluxObjectsIn,
  isThisRepository,
  fluxSourcesOf,
  fluxSourceHosts,
  sourceHostsOf,
  normaliseFluxPath,
  discoverFluxEnvironments,
  JqPathError,
  compileJqPath,
  jqBudget,
  parseConfigText,
  renderSettings,
  argoSettings,
  PatternError,
  matchBudget,
  compilePattern,
  mergeMaps,
  isPlainMap,
  GOBWAS_GLOBS,
  compileGlob,
  discoverArgoApplications,
  normaliseArgoPath,
  discoverySettings,
  RunDiscoveries,
  CONFIG_FILES,
  loadConfigFrom,
  discoverRepositoryEnvironments,
  checkoutDiscovery,
  isGitOpsNative,
  runGit,
  originUrls,
  currentBranch,
  remoteBranchHead,
  fetchBranches,
  addWorktree,
  checkOutPaths,
  checkOutAll,
  listFiles,
  showFile,
  entryAtRevision,
  listFilesAt,
  stagedTree,
  treeOf,
  commitStaged,
  pushCommit,
  deleteRemoteBranch,
  loadCheckoutConfig
};
