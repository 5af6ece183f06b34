import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  GOBWAS_GLOBS,
  JqPathError,
  KUSTOMIZATION_FILES,
  PatternError,
  RunDiscoveries,
  addWorktree,
  aliasBudget,
  argoChartSource,
  checkOutAll,
  checkOutPaths,
  compileGlob,
  compileJqPath,
  compilePattern,
  discoverySettings,
  fluxKindOf,
  fluxObjectKey,
  fluxSourcesOf,
  isAllowedHost,
  isAllowedReference,
  isGitOpsNative,
  isPlainMap,
  isRemoteReference,
  isThisRepository,
  jqBudget,
  listOf,
  matchBudget,
  mergeMaps,
  normaliseArgoPath,
  normaliseFluxPath,
  parseManifests,
  plainValue,
  recordOf,
  renderSettings,
  require_dist,
  runGit,
  stringRecord,
  syntaxReason,
  textOf,
  withoutCredentials
} from "./chunk-D5IFRGAY.js";
import {
  displayName,
  isLabelValue,
  maskSecret,
  resourceId,
  splitApiVersion,
  toResource
} from "./chunk-NN2UZPML.js";
import {
  node_http_default
} from "./chunk-6GOKWEBO.js";
import {
  PlumblineError,
  describeError
} from "./chunk-HOINZ2KI.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4PGWNIJS.js";

// node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// node_modules/semver/internal/re.js
var require_re = __commonJS({
  "node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max}}`).split(`${token}+`).join(`${token}{1,${max}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier2) => {
      const identifiers = identifier2.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier2, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier2 && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier2) {
            const match = `-${identifier2}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier2) {
              throw new Error(`invalid identifier: ${identifier2}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier2, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier2, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier2, identifierBase);
            this.inc("pre", identifier2, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier2, identifierBase);
            }
            this.inc("pre", identifier2, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier2 === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier2) {
              let prerelease = [identifier2, base];
              if (identifierBase === false) {
                prerelease = [identifier2];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier2)) {
                const prereleaseBase = this.prerelease[identifier2.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse3 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse3;
  }
});

// node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var valid = (version, options) => {
      const v = parse3(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var clean = (version, options) => {
      const s = parse3(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier2, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier2;
        identifier2 = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier2, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse3(version1, null, true);
      const v2 = parse3(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// node_modules/semver/functions/major.js
var require_major = __commonJS({
  "node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var prerelease = (version, options) => {
      const parsed = parse3(version, options);
      return parsed && parsed.prerelease.length ? parsed.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse3 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build2 = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse3(`${major}.${minor}.${patch}${prerelease}${build2}`, options);
    };
    module.exports = coerce;
  }
});

// node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse3 = require_parse();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants2.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse3(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type2) => {
      return type2.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen = range[start] === "-";
      if (!loose && !hyphen) {
        return start;
      }
      const identifierStart = start + (hyphen ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// node_modules/semver/classes/range.js
var require_range = __commonJS({
  "node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set3, version, options) => {
      for (let i = 0; i < set3.length; i++) {
        if (!set3[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set3.length; i++) {
          debug(set3[i].semver);
          if (set3[i].semver === Comparator.ANY) {
            continue;
          }
          if (set3[i].semver.prerelease.length > 0) {
            const allowed = set3[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies2 = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies2;
  }
});

// node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max || maxSV.compare(v) === -1) {
            max = v;
            maxSV = new SemVer(max, options);
          }
        }
      });
      return max;
    };
    module.exports = maxSatisfying;
  }
});

// node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies2(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set3 = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies2(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set3.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set3.push([first, null]);
      }
      const ranges = [];
      for (const [min, max] of set3) {
        if (min === max) {
          ranges.push(min);
        } else if (!max && min === v[0]) {
          ranges.push("*");
        } else if (!max) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max}`);
        } else {
          ranges.push(`${min} - ${max}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies2 = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies2(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies2(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies2(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower = lowerLT(lt, c, options);
            if (lower === c && lower !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// node_modules/semver/index.js
var require_semver2 = __commonJS({
  "node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants2 = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse3 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies2 = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse3,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies: satisfies2,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants2.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants2.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// node_modules/events-universal/default.js
var require_default = __commonJS({
  "node_modules/events-universal/default.js"(exports, module) {
    module.exports = __require("events");
  }
});

// node_modules/fast-fifo/fixed-size.js
var require_fixed_size = __commonJS({
  "node_modules/fast-fifo/fixed-size.js"(exports, module) {
    module.exports = class FixedFIFO {
      constructor(hwm) {
        if (!(hwm > 0) || (hwm - 1 & hwm) !== 0) throw new Error("Max size for a FixedFIFO should be a power of two");
        this.buffer = new Array(hwm);
        this.mask = hwm - 1;
        this.top = 0;
        this.btm = 0;
        this.next = null;
      }
      clear() {
        this.top = this.btm = 0;
        this.next = null;
        this.buffer.fill(void 0);
      }
      push(data) {
        if (this.buffer[this.top] !== void 0) return false;
        this.buffer[this.top] = data;
        this.top = this.top + 1 & this.mask;
        return true;
      }
      shift() {
        const last = this.buffer[this.btm];
        if (last === void 0) return void 0;
        this.buffer[this.btm] = void 0;
        this.btm = this.btm + 1 & this.mask;
        return last;
      }
      peek() {
        return this.buffer[this.btm];
      }
      isEmpty() {
        return this.buffer[this.btm] === void 0;
      }
    };
  }
});

// node_modules/fast-fifo/index.js
var require_fast_fifo = __commonJS({
  "node_modules/fast-fifo/index.js"(exports, module) {
    var FixedFIFO = require_fixed_size();
    module.exports = class FastFIFO {
      constructor(hwm) {
        this.hwm = hwm || 16;
        this.head = new FixedFIFO(this.hwm);
        this.tail = this.head;
        this.length = 0;
      }
      clear() {
        this.head = this.tail;
        this.head.clear();
        this.length = 0;
      }
      push(val) {
        this.length++;
        if (!this.head.push(val)) {
          const prev = this.head;
          this.head = prev.next = new FixedFIFO(2 * this.head.buffer.length);
          this.head.push(val);
        }
      }
      shift() {
        if (this.length !== 0) this.length--;
        const val = this.tail.shift();
        if (val === void 0 && this.tail.next) {
          const next = this.tail.next;
          this.tail.next = null;
          this.tail = next;
          return this.tail.shift();
        }
        return val;
      }
      peek() {
        const val = this.tail.peek();
        if (val === void 0 && this.tail.next) return this.tail.next.peek();
        return val;
      }
      isEmpty() {
        return this.length === 0;
      }
    };
  }
});

// node_modules/b4a/index.js
var require_b4a = __commonJS({
  "node_modules/b4a/index.js"(exports, module) {
    function isBuffer(value) {
      return Buffer.isBuffer(value) || value instanceof Uint8Array;
    }
    function isEncoding(encoding) {
      return Buffer.isEncoding(encoding);
    }
    function alloc(size, fill2, encoding) {
      return Buffer.alloc(size, fill2, encoding);
    }
    function allocUnsafe(size) {
      return Buffer.allocUnsafe(size);
    }
    function allocUnsafeSlow(size) {
      return Buffer.allocUnsafeSlow(size);
    }
    function byteLength(string, encoding) {
      return Buffer.byteLength(string, encoding);
    }
    function compare(a, b) {
      return Buffer.compare(a, b);
    }
    function concat(buffers, totalLength) {
      return Buffer.concat(buffers, totalLength);
    }
    function copy(source, target, targetStart, start, end) {
      return toBuffer(source).copy(target, targetStart, start, end);
    }
    function equals(a, b) {
      return toBuffer(a).equals(b);
    }
    function fill(buffer, value, offset, end, encoding) {
      return toBuffer(buffer).fill(value, offset, end, encoding);
    }
    function from(value, encodingOrOffset, length) {
      return Buffer.from(value, encodingOrOffset, length);
    }
    function includes(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).includes(value, byteOffset, encoding);
    }
    function indexOf(buffer, value, byfeOffset, encoding) {
      return toBuffer(buffer).indexOf(value, byfeOffset, encoding);
    }
    function lastIndexOf(buffer, value, byteOffset, encoding) {
      return toBuffer(buffer).lastIndexOf(value, byteOffset, encoding);
    }
    function swap16(buffer) {
      return toBuffer(buffer).swap16();
    }
    function swap32(buffer) {
      return toBuffer(buffer).swap32();
    }
    function swap64(buffer) {
      return toBuffer(buffer).swap64();
    }
    function toBuffer(buffer) {
      if (Buffer.isBuffer(buffer)) return buffer;
      return Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    function toString(buffer, encoding, start, end) {
      return toBuffer(buffer).toString(encoding, start, end);
    }
    function toHex(buffer, start, end) {
      return toBuffer(buffer).toString("hex", start, end);
    }
    function write(buffer, string, offset, length, encoding) {
      return toBuffer(buffer).write(string, offset, length, encoding);
    }
    function readDoubleBE(buffer, offset) {
      return toBuffer(buffer).readDoubleBE(offset);
    }
    function readDoubleLE(buffer, offset) {
      return toBuffer(buffer).readDoubleLE(offset);
    }
    function readFloatBE(buffer, offset) {
      return toBuffer(buffer).readFloatBE(offset);
    }
    function readFloatLE(buffer, offset) {
      return toBuffer(buffer).readFloatLE(offset);
    }
    function readInt32BE(buffer, offset) {
      return toBuffer(buffer).readInt32BE(offset);
    }
    function readInt32LE(buffer, offset) {
      return toBuffer(buffer).readInt32LE(offset);
    }
    function readUInt32BE(buffer, offset) {
      return toBuffer(buffer).readUInt32BE(offset);
    }
    function readUInt32LE(buffer, offset) {
      return toBuffer(buffer).readUInt32LE(offset);
    }
    function writeDoubleBE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleBE(value, offset);
    }
    function writeDoubleLE(buffer, value, offset) {
      return toBuffer(buffer).writeDoubleLE(value, offset);
    }
    function writeFloatBE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatBE(value, offset);
    }
    function writeFloatLE(buffer, value, offset) {
      return toBuffer(buffer).writeFloatLE(value, offset);
    }
    function writeInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32BE(value, offset);
    }
    function writeInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeInt32LE(value, offset);
    }
    function writeUInt32BE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32BE(value, offset);
    }
    function writeUInt32LE(buffer, value, offset) {
      return toBuffer(buffer).writeUInt32LE(value, offset);
    }
    module.exports = {
      isBuffer,
      isEncoding,
      alloc,
      allocUnsafe,
      allocUnsafeSlow,
      byteLength,
      compare,
      concat,
      copy,
      equals,
      fill,
      from,
      includes,
      indexOf,
      lastIndexOf,
      swap16,
      swap32,
      swap64,
      toBuffer,
      toString,
      toHex,
      write,
      readDoubleBE,
      readDoubleLE,
      readFloatBE,
      readFloatLE,
      readInt32BE,
      readInt32LE,
      readUInt32BE,
      readUInt32LE,
      writeDoubleBE,
      writeDoubleLE,
      writeFloatBE,
      writeFloatLE,
      writeInt32BE,
      writeInt32LE,
      writeUInt32BE,
      writeUInt32LE
    };
  }
});

// node_modules/text-decoder/lib/pass-through-decoder.js
var require_pass_through_decoder = __commonJS({
  "node_modules/text-decoder/lib/pass-through-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class PassThroughDecoder {
      constructor(encoding) {
        this.encoding = encoding;
      }
      get remaining() {
        return 0;
      }
      decode(data) {
        return b4a.toString(data, this.encoding);
      }
      flush() {
        return "";
      }
    };
  }
});

// node_modules/text-decoder/lib/utf8-decoder.js
var require_utf8_decoder = __commonJS({
  "node_modules/text-decoder/lib/utf8-decoder.js"(exports, module) {
    var b4a = require_b4a();
    module.exports = class UTF8Decoder {
      constructor() {
        this._reset();
      }
      get remaining() {
        return this.bytesSeen;
      }
      decode(data) {
        if (data.byteLength === 0) return "";
        if (this.bytesNeeded === 0 && trailingIncomplete(data, 0) === 0) {
          this.bytesSeen = trailingBytesSeen(data);
          return b4a.toString(data, "utf8");
        }
        let result = "";
        let start = 0;
        if (this.bytesNeeded > 0) {
          while (start < data.byteLength) {
            const byte = data[start];
            if (byte < this.lowerBoundary || byte > this.upperBoundary) {
              result += "\uFFFD";
              this._reset();
              break;
            }
            this.lowerBoundary = 128;
            this.upperBoundary = 191;
            this.codePoint = this.codePoint << 6 | byte & 63;
            this.bytesSeen++;
            start++;
            if (this.bytesSeen === this.bytesNeeded) {
              result += String.fromCodePoint(this.codePoint);
              this._reset();
              break;
            }
          }
          if (this.bytesNeeded > 0) return result;
        }
        const trailing = trailingIncomplete(data, start);
        const end = data.byteLength - trailing;
        if (end > start) result += b4a.toString(data, "utf8", start, end);
        for (let i = end; i < data.byteLength; i++) {
          const byte = data[i];
          if (this.bytesNeeded === 0) {
            if (byte <= 127) {
              this.bytesSeen = 0;
              result += String.fromCharCode(byte);
            } else if (byte >= 194 && byte <= 223) {
              this.bytesNeeded = 2;
              this.bytesSeen = 1;
              this.codePoint = byte & 31;
            } else if (byte >= 224 && byte <= 239) {
              if (byte === 224) this.lowerBoundary = 160;
              else if (byte === 237) this.upperBoundary = 159;
              this.bytesNeeded = 3;
              this.bytesSeen = 1;
              this.codePoint = byte & 15;
            } else if (byte >= 240 && byte <= 244) {
              if (byte === 240) this.lowerBoundary = 144;
              else if (byte === 244) this.upperBoundary = 143;
              this.bytesNeeded = 4;
              this.bytesSeen = 1;
              this.codePoint = byte & 7;
            } else {
              this.bytesSeen = 1;
              result += "\uFFFD";
            }
            continue;
          }
          if (byte < this.lowerBoundary || byte > this.upperBoundary) {
            result += "\uFFFD";
            i--;
            this._reset();
            continue;
          }
          this.lowerBoundary = 128;
          this.upperBoundary = 191;
          this.codePoint = this.codePoint << 6 | byte & 63;
          this.bytesSeen++;
          if (this.bytesSeen === this.bytesNeeded) {
            result += String.fromCodePoint(this.codePoint);
            this._reset();
          }
        }
        return result;
      }
      flush() {
        const result = this.bytesNeeded > 0 ? "\uFFFD" : "";
        this._reset();
        return result;
      }
      _reset() {
        this.codePoint = 0;
        this.bytesNeeded = 0;
        this.bytesSeen = 0;
        this.lowerBoundary = 128;
        this.upperBoundary = 191;
      }
    };
    function trailingIncomplete(data, start) {
      const len = data.byteLength;
      if (len <= start) return 0;
      const limit = Math.max(start, len - 4);
      let i = len - 1;
      while (i > limit && (data[i] & 192) === 128) i--;
      if (i < start) return 0;
      const byte = data[i];
      let needed;
      if (byte <= 127) return 0;
      if (byte >= 194 && byte <= 223) needed = 2;
      else if (byte >= 224 && byte <= 239) needed = 3;
      else if (byte >= 240 && byte <= 244) needed = 4;
      else return 0;
      const available = len - i;
      return available < needed ? available : 0;
    }
    function trailingBytesSeen(data) {
      const len = data.byteLength;
      if (len === 0) return 0;
      const last = data[len - 1];
      if (last <= 127) return 0;
      if ((last & 192) !== 128) return 1;
      const limit = Math.max(0, len - 4);
      let i = len - 2;
      while (i >= limit && (data[i] & 192) === 128) i--;
      if (i < 0) return 1;
      const first = data[i];
      let needed;
      if (first >= 194 && first <= 223) needed = 2;
      else if (first >= 224 && first <= 239) needed = 3;
      else if (first >= 240 && first <= 244) needed = 4;
      else return 1;
      if (len - i !== needed) return 1;
      if (needed >= 3) {
        const second = data[i + 1];
        if (first === 224 && second < 160) return 1;
        if (first === 237 && second > 159) return 1;
        if (first === 240 && second < 144) return 1;
        if (first === 244 && second > 143) return 1;
      }
      return 0;
    }
  }
});

// node_modules/text-decoder/index.js
var require_text_decoder = __commonJS({
  "node_modules/text-decoder/index.js"(exports, module) {
    var PassThroughDecoder = require_pass_through_decoder();
    var UTF8Decoder = require_utf8_decoder();
    module.exports = class TextDecoder {
      constructor(encoding = "utf8") {
        this.encoding = normalizeEncoding(encoding);
        switch (this.encoding) {
          case "utf8":
            this.decoder = new UTF8Decoder();
            break;
          case "utf16le":
          case "base64":
            throw new Error("Unsupported encoding: " + this.encoding);
          default:
            this.decoder = new PassThroughDecoder(this.encoding);
        }
      }
      get remaining() {
        return this.decoder.remaining;
      }
      push(data) {
        if (typeof data === "string") return data;
        return this.decoder.decode(data);
      }
      // For Node.js compatibility
      write(data) {
        return this.push(data);
      }
      end(data) {
        let result = "";
        if (data) result = this.push(data);
        result += this.decoder.flush();
        return result;
      }
    };
    function normalizeEncoding(encoding) {
      encoding = encoding.toLowerCase();
      switch (encoding) {
        case "utf8":
        case "utf-8":
          return "utf8";
        case "ucs2":
        case "ucs-2":
        case "utf16le":
        case "utf-16le":
          return "utf16le";
        case "latin1":
        case "binary":
          return "latin1";
        case "base64":
        case "ascii":
        case "hex":
          return encoding;
        default:
          throw new Error("Unknown encoding: " + encoding);
      }
    }
  }
});

// node_modules/streamx/lib/errors.js
var require_errors = __commonJS({
  "node_modules/streamx/lib/errors.js"(exports, module) {
    module.exports = class StreamError extends Error {
      constructor(msg, code, fn = StreamError) {
        super(msg);
        this.code = code;
        if (Error.captureStackTrace) {
          Error.captureStackTrace(this, fn);
        }
      }
      static isStreamDestroyed(err) {
        return err && err.code === "STREAM_DESTROYED";
      }
      static isPrematureClose(err) {
        return err && err.code === "PREMATURE_CLOSE";
      }
      static isAborted(err) {
        return err && err.code === "ABORTED";
      }
      static isBadArgument(err) {
        return err && err.code === "BAD_ARGUMENT";
      }
      get name() {
        return "StreamError";
      }
      static STREAM_DESTROYED() {
        return new StreamError("Stream was destroyed", "STREAM_DESTROYED", StreamError.STREAM_DESTROYED);
      }
      static PREMATURE_CLOSE(msg = "Premature close") {
        return new StreamError(msg, "PREMATURE_CLOSE", StreamError.PREMATURE_CLOSE);
      }
      static ABORTED() {
        return new StreamError("Stream aborted", "ABORTED", StreamError.ABORTED);
      }
      static BAD_ARGUMENT(msg = "Bad argument") {
        return new StreamError(msg, "BAD_ARGUMENT", StreamError.BAD_ARGUMENT);
      }
    };
  }
});

// node_modules/streamx/index.js
var require_streamx = __commonJS({
  "node_modules/streamx/index.js"(exports, module) {
    var { EventEmitter } = require_default();
    var FIFO = require_fast_fifo();
    var TextDecoder = require_text_decoder();
    var StreamError = require_errors();
    var qmt = typeof queueMicrotask === "undefined" ? (fn) => global.process.nextTick(fn) : queueMicrotask;
    var MAX = (1 << 29) - 1;
    var OPENING = 1;
    var PREDESTROYING = 2;
    var DESTROYING = 4;
    var DESTROYED = 8;
    var NOT_OPENING = MAX ^ OPENING;
    var NOT_PREDESTROYING = MAX ^ PREDESTROYING;
    var READ_ACTIVE = 1 << 4;
    var READ_UPDATING = 2 << 4;
    var READ_PRIMARY = 4 << 4;
    var READ_QUEUED = 8 << 4;
    var READ_RESUMED = 16 << 4;
    var READ_PIPE_DRAINED = 32 << 4;
    var READ_ENDING = 64 << 4;
    var READ_EMIT_DATA = 128 << 4;
    var READ_EMIT_READABLE = 256 << 4;
    var READ_EMITTED_READABLE = 512 << 4;
    var READ_DONE = 1024 << 4;
    var READ_NEXT_TICK = 2048 << 4;
    var READ_NEEDS_PUSH = 4096 << 4;
    var READ_READ_AHEAD = 8192 << 4;
    var READ_FLOWING = READ_RESUMED | READ_PIPE_DRAINED;
    var READ_ACTIVE_AND_NEEDS_PUSH = READ_ACTIVE | READ_NEEDS_PUSH;
    var READ_PRIMARY_AND_ACTIVE = READ_PRIMARY | READ_ACTIVE;
    var READ_EMIT_READABLE_AND_QUEUED = READ_EMIT_READABLE | READ_QUEUED;
    var READ_RESUMED_READ_AHEAD = READ_RESUMED | READ_READ_AHEAD;
    var READ_NOT_ACTIVE = MAX ^ READ_ACTIVE;
    var READ_NON_PRIMARY = MAX ^ READ_PRIMARY;
    var READ_NON_PRIMARY_AND_PUSHED = MAX ^ (READ_PRIMARY | READ_NEEDS_PUSH);
    var READ_PUSHED = MAX ^ READ_NEEDS_PUSH;
    var READ_PAUSED = MAX ^ READ_RESUMED;
    var READ_NOT_QUEUED = MAX ^ (READ_QUEUED | READ_EMITTED_READABLE);
    var READ_NOT_ENDING = MAX ^ READ_ENDING;
    var READ_PIPE_NOT_DRAINED = MAX ^ READ_FLOWING;
    var READ_NOT_NEXT_TICK = MAX ^ READ_NEXT_TICK;
    var READ_NOT_UPDATING = MAX ^ READ_UPDATING;
    var READ_NO_READ_AHEAD = MAX ^ READ_READ_AHEAD;
    var READ_PAUSED_NO_READ_AHEAD = MAX ^ READ_RESUMED_READ_AHEAD;
    var WRITE_ACTIVE = 1 << 18;
    var WRITE_UPDATING = 2 << 18;
    var WRITE_PRIMARY = 4 << 18;
    var WRITE_QUEUED = 8 << 18;
    var WRITE_UNDRAINED = 16 << 18;
    var WRITE_DONE = 32 << 18;
    var WRITE_EMIT_DRAIN = 64 << 18;
    var WRITE_NEXT_TICK = 128 << 18;
    var WRITE_WRITING = 256 << 18;
    var WRITE_FINISHING = 512 << 18;
    var WRITE_CORKED = 1024 << 18;
    var WRITE_NOT_ACTIVE = MAX ^ (WRITE_ACTIVE | WRITE_WRITING);
    var WRITE_NON_PRIMARY = MAX ^ WRITE_PRIMARY;
    var WRITE_NOT_FINISHING = MAX ^ (WRITE_ACTIVE | WRITE_FINISHING);
    var WRITE_DRAINED = MAX ^ WRITE_UNDRAINED;
    var WRITE_NOT_QUEUED = MAX ^ WRITE_QUEUED;
    var WRITE_NOT_NEXT_TICK = MAX ^ WRITE_NEXT_TICK;
    var WRITE_NOT_UPDATING = MAX ^ WRITE_UPDATING;
    var WRITE_NOT_CORKED = MAX ^ WRITE_CORKED;
    var ACTIVE = READ_ACTIVE | WRITE_ACTIVE;
    var NOT_ACTIVE = MAX ^ ACTIVE;
    var DONE = READ_DONE | WRITE_DONE;
    var DESTROY_STATUS = DESTROYING | DESTROYED | PREDESTROYING;
    var OPEN_STATUS = DESTROY_STATUS | OPENING;
    var AUTO_DESTROY = DESTROY_STATUS | DONE;
    var NON_PRIMARY = WRITE_NON_PRIMARY & READ_NON_PRIMARY;
    var ACTIVE_OR_TICKING = WRITE_NEXT_TICK | READ_NEXT_TICK;
    var TICKING = ACTIVE_OR_TICKING & NOT_ACTIVE;
    var IS_OPENING = OPEN_STATUS | TICKING;
    var READ_PRIMARY_STATUS = OPEN_STATUS | READ_ENDING | READ_DONE;
    var READ_STATUS = OPEN_STATUS | READ_DONE | READ_QUEUED;
    var READ_ENDING_STATUS = OPEN_STATUS | READ_ENDING | READ_QUEUED;
    var READ_READABLE_STATUS = OPEN_STATUS | READ_EMIT_READABLE | READ_QUEUED | READ_EMITTED_READABLE;
    var SHOULD_NOT_READ = OPEN_STATUS | READ_ACTIVE | READ_ENDING | READ_DONE | READ_NEEDS_PUSH | READ_READ_AHEAD;
    var READ_BACKPRESSURE_STATUS = DESTROY_STATUS | READ_ENDING | READ_DONE;
    var READ_UPDATE_SYNC_STATUS = READ_UPDATING | OPEN_STATUS | READ_NEXT_TICK | READ_PRIMARY;
    var READ_NEXT_TICK_OR_OPENING = READ_NEXT_TICK | OPENING;
    var WRITE_PRIMARY_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_QUEUED_AND_UNDRAINED = WRITE_QUEUED | WRITE_UNDRAINED;
    var WRITE_QUEUED_AND_ACTIVE = WRITE_QUEUED | WRITE_ACTIVE;
    var WRITE_DRAIN_STATUS = WRITE_QUEUED | WRITE_UNDRAINED | OPEN_STATUS | WRITE_ACTIVE;
    var WRITE_STATUS = OPEN_STATUS | WRITE_ACTIVE | WRITE_QUEUED | WRITE_CORKED;
    var WRITE_PRIMARY_AND_ACTIVE = WRITE_PRIMARY | WRITE_ACTIVE;
    var WRITE_ACTIVE_AND_WRITING = WRITE_ACTIVE | WRITE_WRITING;
    var WRITE_FINISHING_STATUS = OPEN_STATUS | WRITE_FINISHING | WRITE_QUEUED_AND_ACTIVE | WRITE_DONE;
    var WRITE_BACKPRESSURE_STATUS = WRITE_UNDRAINED | DESTROY_STATUS | WRITE_FINISHING | WRITE_DONE;
    var WRITE_UPDATE_SYNC_STATUS = WRITE_UPDATING | OPEN_STATUS | WRITE_NEXT_TICK | WRITE_PRIMARY;
    var WRITE_DROP_DATA = WRITE_FINISHING | WRITE_DONE | DESTROY_STATUS;
    var asyncIterator = Symbol.asyncIterator || /* @__PURE__ */ Symbol("asyncIterator");
    var WritableState = class {
      constructor(stream, { highWaterMark = 16384, map: map2 = null, mapWritable, byteLength, byteLengthWritable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark;
        this.buffered = 0;
        this.error = null;
        this.pipeline = null;
        this.drains = null;
        this.byteLength = byteLengthWritable || byteLength || defaultByteLength;
        this.map = mapWritable || map2;
        this.afterWrite = afterWrite.bind(this);
        this.afterUpdateNextTick = updateWriteNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & WRITE_FINISHING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & WRITE_DONE) !== 0;
      }
      push(data) {
        if ((this.stream._duplexState & WRITE_DROP_DATA) !== 0) return false;
        if (this.map !== null) data = this.map(data);
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        if (this.buffered < this.highWaterMark) {
          this.stream._duplexState |= WRITE_QUEUED;
          return true;
        }
        this.stream._duplexState |= WRITE_QUEUED_AND_UNDRAINED;
        return false;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) this.stream._duplexState &= WRITE_NOT_QUEUED;
        return data;
      }
      end(data) {
        if (typeof data === "function") {
          this.stream.once("finish", data);
        } else if (data !== void 0 && data !== null) {
          this.push(data);
        }
        this.stream._duplexState = (this.stream._duplexState | WRITE_FINISHING) & WRITE_NON_PRIMARY;
      }
      autoBatch(data, cb) {
        const buffer = [];
        const stream = this.stream;
        buffer.push(data);
        while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED_AND_ACTIVE) {
          buffer.push(stream._writableState.shift());
        }
        if ((stream._duplexState & OPEN_STATUS) !== 0) return cb(null);
        stream._writev(buffer, cb);
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= WRITE_UPDATING;
        do {
          while ((stream._duplexState & WRITE_STATUS) === WRITE_QUEUED) {
            const data = this.shift();
            stream._duplexState |= WRITE_ACTIVE_AND_WRITING;
            stream._write(data, this.afterWrite);
          }
          if ((stream._duplexState & WRITE_PRIMARY_AND_ACTIVE) === 0) this.updateNonPrimary();
        } while (this.continueUpdate() === true);
        stream._duplexState &= WRITE_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & WRITE_FINISHING_STATUS) === WRITE_FINISHING) {
          stream._duplexState = stream._duplexState | WRITE_ACTIVE;
          stream._final(afterFinal.bind(this));
          return;
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & WRITE_UPDATE_SYNC_STATUS) === WRITE_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTick() {
        if ((this.stream._duplexState & WRITE_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= WRITE_NEXT_TICK;
        if ((this.stream._duplexState & WRITE_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var ReadableState = class {
      constructor(stream, { highWaterMark = 16384, map: map2 = null, mapReadable, byteLength, byteLengthReadable } = {}) {
        this.stream = stream;
        this.queue = new FIFO();
        this.highWaterMark = highWaterMark === 0 ? 1 : highWaterMark;
        this.buffered = 0;
        this.readAhead = highWaterMark > 0;
        this.error = null;
        this.pipeline = null;
        this.byteLength = byteLengthReadable || byteLength || defaultByteLength;
        this.map = mapReadable || map2;
        this.pipeTo = null;
        this.afterRead = afterRead.bind(this);
        this.afterUpdateNextTick = updateReadNT.bind(this);
      }
      get ending() {
        return (this.stream._duplexState & READ_ENDING) !== 0;
      }
      get ended() {
        return (this.stream._duplexState & READ_DONE) !== 0;
      }
      pipe(pipeTo, cb) {
        if (this.pipeTo !== null) throw StreamError.BAD_ARGUMENT("Can only pipe to one destination");
        if (typeof cb !== "function") cb = null;
        this.stream._duplexState |= READ_PIPE_DRAINED;
        this.pipeTo = pipeTo;
        this.pipeline = new Pipeline(this.stream, pipeTo, cb);
        if (cb) this.stream.on("error", noop);
        if (isStreamx(pipeTo)) {
          pipeTo._writableState.pipeline = this.pipeline;
          if (cb) pipeTo.on("error", noop);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        } else {
          const onerror = this.pipeline.done.bind(this.pipeline, pipeTo);
          const onclose = this.pipeline.done.bind(this.pipeline, pipeTo, null);
          pipeTo.on("error", onerror);
          pipeTo.on("close", onclose);
          pipeTo.on("finish", this.pipeline.finished.bind(this.pipeline));
        }
        pipeTo.on("drain", afterDrain.bind(this));
        this.stream.emit("piping", pipeTo);
        pipeTo.emit("pipe", this.stream);
      }
      push(data) {
        const stream = this.stream;
        if (data === null) {
          this.highWaterMark = 0;
          stream._duplexState = (stream._duplexState | READ_ENDING) & READ_NON_PRIMARY_AND_PUSHED;
          return false;
        }
        if (this.map !== null) {
          data = this.map(data);
          if (data === null) {
            stream._duplexState &= READ_PUSHED;
            return this.buffered < this.highWaterMark;
          }
        }
        this.buffered += this.byteLength(data);
        this.queue.push(data);
        stream._duplexState = (stream._duplexState | READ_QUEUED) & READ_PUSHED;
        return this.buffered < this.highWaterMark;
      }
      shift() {
        const data = this.queue.shift();
        this.buffered -= this.byteLength(data);
        if (this.buffered === 0) {
          this.stream._duplexState &= READ_NOT_QUEUED;
        }
        return data;
      }
      unshift(data) {
        const pending = [this.map !== null ? this.map(data) : data];
        while (this.buffered > 0) pending.push(this.shift());
        for (let i = 0; i < pending.length - 1; i++) {
          const data2 = pending[i];
          this.buffered += this.byteLength(data2);
          this.queue.push(data2);
        }
        this.push(pending[pending.length - 1]);
      }
      read() {
        const stream = this.stream;
        if ((stream._duplexState & READ_STATUS) === READ_QUEUED) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
          return data;
        }
        if (this.readAhead === false) {
          stream._duplexState |= READ_READ_AHEAD;
          this.updateNextTick();
        }
        return null;
      }
      drain() {
        const stream = this.stream;
        while ((stream._duplexState & READ_STATUS) === READ_QUEUED && (stream._duplexState & READ_FLOWING) !== 0) {
          const data = this.shift();
          if (this.pipeTo !== null && this.pipeTo.write(data) === false) {
            stream._duplexState &= READ_PIPE_NOT_DRAINED;
          }
          if ((stream._duplexState & READ_EMIT_DATA) !== 0) {
            stream.emit("data", data);
          }
        }
      }
      update() {
        const stream = this.stream;
        stream._duplexState |= READ_UPDATING;
        do {
          this.drain();
          while (this.buffered < this.highWaterMark && (stream._duplexState & SHOULD_NOT_READ) === READ_READ_AHEAD) {
            stream._duplexState |= READ_ACTIVE_AND_NEEDS_PUSH;
            stream._read(this.afterRead);
            this.drain();
          }
          if ((stream._duplexState & READ_READABLE_STATUS) === READ_EMIT_READABLE_AND_QUEUED) {
            stream._duplexState |= READ_EMITTED_READABLE;
            stream.emit("readable");
          }
          if ((stream._duplexState & READ_PRIMARY_AND_ACTIVE) === 0) {
            this.updateNonPrimary();
          }
        } while (this.continueUpdate() === true);
        stream._duplexState &= READ_NOT_UPDATING;
      }
      updateNonPrimary() {
        const stream = this.stream;
        if ((stream._duplexState & READ_ENDING_STATUS) === READ_ENDING) {
          stream._duplexState = (stream._duplexState | READ_DONE) & READ_NOT_ENDING;
          stream.emit("end");
          if ((stream._duplexState & AUTO_DESTROY) === DONE) {
            stream._duplexState |= DESTROYING;
          }
          if (this.pipeTo !== null) {
            this.pipeTo.end();
          }
        }
        if ((stream._duplexState & DESTROY_STATUS) === DESTROYING) {
          if ((stream._duplexState & ACTIVE_OR_TICKING) === 0) {
            stream._duplexState |= ACTIVE;
            stream._destroy(afterDestroy.bind(this));
          }
          return;
        }
        if ((stream._duplexState & IS_OPENING) === OPENING) {
          stream._duplexState = (stream._duplexState | ACTIVE) & NOT_OPENING;
          stream._open(afterOpen.bind(this));
        }
      }
      continueUpdate() {
        if ((this.stream._duplexState & READ_NEXT_TICK) === 0) return false;
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        return true;
      }
      updateCallback() {
        if ((this.stream._duplexState & READ_UPDATE_SYNC_STATUS) === READ_PRIMARY) {
          this.update();
        } else {
          this.updateNextTick();
        }
      }
      updateNextTickIfOpen() {
        if ((this.stream._duplexState & READ_NEXT_TICK_OR_OPENING) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
      updateNextTick() {
        if ((this.stream._duplexState & READ_NEXT_TICK) !== 0) return;
        this.stream._duplexState |= READ_NEXT_TICK;
        if ((this.stream._duplexState & READ_UPDATING) === 0) qmt(this.afterUpdateNextTick);
      }
    };
    var TransformState = class {
      constructor(stream) {
        this.data = null;
        this.afterTransform = afterTransform.bind(stream);
        this.afterFinal = null;
      }
    };
    var Pipeline = class {
      constructor(src, dst, cb) {
        this.from = src;
        this.to = dst;
        this.afterPipe = cb;
        this.error = null;
        this.pipeToFinished = false;
      }
      finished() {
        this.pipeToFinished = true;
      }
      done(stream, err) {
        if (err) this.error = err;
        if (stream === this.to) {
          this.to = null;
          if (this.from !== null) {
            if ((this.from._duplexState & READ_DONE) === 0 || !this.pipeToFinished) {
              this.from.destroy(this.error || StreamError.PREMATURE_CLOSE("Writable stream closed"));
            }
            return;
          }
        }
        if (stream === this.from) {
          this.from = null;
          if (this.to !== null) {
            if ((stream._duplexState & READ_DONE) === 0) {
              this.to.destroy(this.error || StreamError.PREMATURE_CLOSE("Readable stream closed"));
            }
            return;
          }
        }
        if (this.afterPipe !== null) this.afterPipe(this.error);
        this.to = this.from = this.afterPipe = null;
      }
    };
    function afterDrain() {
      this.stream._duplexState |= READ_PIPE_DRAINED;
      this.updateCallback();
    }
    function afterFinal(err) {
      const stream = this.stream;
      if (err) stream.destroy(err);
      if ((stream._duplexState & DESTROY_STATUS) === 0) {
        stream._duplexState |= WRITE_DONE;
        stream.emit("finish");
      }
      if ((stream._duplexState & AUTO_DESTROY) === DONE) {
        stream._duplexState |= DESTROYING;
      }
      stream._duplexState &= WRITE_NOT_FINISHING;
      if ((stream._duplexState & WRITE_UPDATING) === 0) {
        this.update();
      } else {
        this.updateNextTick();
      }
    }
    function afterDestroy(err) {
      const stream = this.stream;
      if (!err && !StreamError.isStreamDestroyed(this.error)) err = this.error;
      if (err) stream.emit("error", err);
      stream._duplexState |= DESTROYED;
      stream.emit("close");
      const rs = stream._readableState;
      const ws = stream._writableState;
      if (rs !== null && rs.pipeline !== null) {
        rs.pipeline.done(stream, err);
      }
      if (ws !== null) {
        while (ws.drains !== null && ws.drains.length > 0) {
          ws.drains.shift().resolve(false);
        }
        if (ws.pipeline !== null) {
          ws.pipeline.done(stream, err);
        }
      }
    }
    function afterWrite(err) {
      const stream = this.stream;
      if (err) stream.destroy(err);
      stream._duplexState &= WRITE_NOT_ACTIVE;
      if (this.drains !== null) tickDrains(this.drains);
      if ((stream._duplexState & WRITE_DRAIN_STATUS) === WRITE_UNDRAINED) {
        stream._duplexState &= WRITE_DRAINED;
        if ((stream._duplexState & WRITE_EMIT_DRAIN) === WRITE_EMIT_DRAIN) {
          stream.emit("drain");
        }
      }
      this.updateCallback();
    }
    function afterRead(err) {
      if (err) this.stream.destroy(err);
      this.stream._duplexState &= READ_NOT_ACTIVE;
      if (this.readAhead === false && (this.stream._duplexState & READ_RESUMED) === 0) {
        this.stream._duplexState &= READ_NO_READ_AHEAD;
      }
      this.updateCallback();
    }
    function updateReadNT() {
      if ((this.stream._duplexState & READ_UPDATING) === 0) {
        this.stream._duplexState &= READ_NOT_NEXT_TICK;
        this.update();
      }
    }
    function updateWriteNT() {
      if ((this.stream._duplexState & WRITE_UPDATING) === 0) {
        this.stream._duplexState &= WRITE_NOT_NEXT_TICK;
        this.update();
      }
    }
    function tickDrains(drains) {
      for (let i = 0; i < drains.length; i++) {
        if (--drains[i].writes === 0) {
          drains.shift().resolve(true);
          i--;
        }
      }
    }
    function afterOpen(err) {
      const stream = this.stream;
      if (err) stream.destroy(err);
      if ((stream._duplexState & DESTROYING) === 0) {
        if ((stream._duplexState & READ_PRIMARY_STATUS) === 0) {
          stream._duplexState |= READ_PRIMARY;
        }
        if ((stream._duplexState & WRITE_PRIMARY_STATUS) === 0) {
          stream._duplexState |= WRITE_PRIMARY;
        }
        stream.emit("open");
      }
      stream._duplexState &= NOT_ACTIVE;
      if (stream._writableState !== null) {
        stream._writableState.updateCallback();
      }
      if (stream._readableState !== null) {
        stream._readableState.updateCallback();
      }
    }
    function afterTransform(err, data) {
      if (data !== void 0 && data !== null) this.push(data);
      this._writableState.afterWrite(err);
    }
    function newListener(name) {
      if (this._readableState !== null) {
        if (name === "data") {
          this._duplexState |= READ_EMIT_DATA | READ_RESUMED_READ_AHEAD;
          this._readableState.updateNextTick();
        }
        if (name === "readable") {
          this._duplexState |= READ_EMIT_READABLE;
          this._readableState.updateNextTick();
        }
      }
      if (this._writableState !== null) {
        if (name === "drain") {
          this._duplexState |= WRITE_EMIT_DRAIN;
          this._writableState.updateNextTick();
        }
      }
    }
    var Stream = class extends EventEmitter {
      constructor(opts) {
        super();
        this._duplexState = 0;
        this._readableState = null;
        this._writableState = null;
        if (opts) {
          if (opts.open) this._open = opts.open;
          if (opts.destroy) this._destroy = opts.destroy;
          if (opts.predestroy) this._predestroy = opts.predestroy;
          if (opts.signal) opts.signal.addEventListener("abort", abort.bind(this));
        }
        this.on("newListener", newListener);
      }
      _open(cb) {
        cb(null);
      }
      _destroy(cb) {
        cb(null);
      }
      _predestroy() {
      }
      get readable() {
        return this._readableState !== null ? true : void 0;
      }
      get writable() {
        return this._writableState !== null ? true : void 0;
      }
      get destroyed() {
        return (this._duplexState & DESTROYED) !== 0;
      }
      get destroying() {
        return (this._duplexState & DESTROY_STATUS) !== 0;
      }
      destroy(err) {
        if ((this._duplexState & DESTROY_STATUS) === 0) {
          if (!err) err = StreamError.STREAM_DESTROYED();
          this._duplexState = (this._duplexState | DESTROYING) & NON_PRIMARY;
          if (this._readableState !== null) {
            this._readableState.highWaterMark = 0;
            this._readableState.error = err;
          }
          if (this._writableState !== null) {
            this._writableState.highWaterMark = 0;
            this._writableState.error = err;
          }
          this._duplexState |= PREDESTROYING;
          this._predestroy();
          this._duplexState &= NOT_PREDESTROYING;
          if (this._readableState !== null) {
            this._readableState.updateNextTick();
          }
          if (this._writableState !== null) {
            this._writableState.updateNextTick();
          }
        }
      }
    };
    var Readable2 = class _Readable extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | WRITE_DONE | READ_READ_AHEAD;
        this._readableState = new ReadableState(this, opts);
        if (opts) {
          if (this._readableState.readAhead === false) this._duplexState &= READ_NO_READ_AHEAD;
          if (opts.read) this._read = opts.read;
          if (opts.eagerOpen) this._readableState.updateNextTick();
          if (opts.encoding) this.setEncoding(opts.encoding);
        }
      }
      static deferred(fn, opts) {
        const out = new PassThrough(opts);
        fn().then((src) => {
          if (src === null) return out.end();
          if (out.destroying) return;
          pipeline3(src, out, noop);
        }).catch((err) => out.destroy(err));
        return out;
      }
      setEncoding(encoding) {
        const dec = new TextDecoder(encoding);
        const map2 = this._readableState.map || echo;
        this._readableState.map = mapOrSkip;
        return this;
        function mapOrSkip(data) {
          const next = dec.push(data);
          return next === "" && (data.byteLength !== 0 || dec.remaining > 0) ? null : map2(next);
        }
      }
      _read(cb) {
        cb(null);
      }
      pipe(dest, cb) {
        this._readableState.updateNextTick();
        this._readableState.pipe(dest, cb);
        return dest;
      }
      read() {
        this._readableState.updateNextTick();
        return this._readableState.read();
      }
      push(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.push(data);
      }
      unshift(data) {
        this._readableState.updateNextTickIfOpen();
        return this._readableState.unshift(data);
      }
      resume() {
        this._duplexState |= READ_RESUMED_READ_AHEAD;
        this._readableState.updateNextTick();
        return this;
      }
      pause() {
        this._duplexState &= this._readableState.readAhead === false ? READ_PAUSED_NO_READ_AHEAD : READ_PAUSED;
        return this;
      }
      static _fromAsyncIterator(ite, opts) {
        let destroy;
        const rs = new _Readable({
          ...opts,
          read(cb) {
            ite.next().then(push).then(cb.bind(null, null)).catch(cb);
          },
          predestroy() {
            destroy = ite.return();
          },
          destroy(cb) {
            if (!destroy) return cb(null);
            destroy.then(cb.bind(null, null)).catch(cb);
          }
        });
        return rs;
        function push(data) {
          if (data.done) rs.push(null);
          else rs.push(data.value);
        }
      }
      static from(data, opts) {
        if (isReadStreamx(data)) return data;
        if (data[asyncIterator]) return this._fromAsyncIterator(data[asyncIterator](), opts);
        if (!Array.isArray(data)) data = data === void 0 ? [] : [data];
        let i = 0;
        return new _Readable({
          ...opts,
          read(cb) {
            this.push(i === data.length ? null : data[i++]);
            cb(null);
          }
        });
      }
      static isBackpressured(rs) {
        return (rs._duplexState & READ_BACKPRESSURE_STATUS) !== 0 || rs._readableState.buffered >= rs._readableState.highWaterMark;
      }
      static isPaused(rs) {
        return (rs._duplexState & READ_RESUMED) === 0;
      }
      [asyncIterator]() {
        const stream = this;
        let error = null;
        let promiseResolve = null;
        let promiseReject = null;
        this.on("error", (err) => {
          error = err;
        });
        this.on("readable", onreadable);
        this.on("close", onclose);
        return {
          [asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(function(resolve, reject) {
              promiseResolve = resolve;
              promiseReject = reject;
              const data = stream.read();
              if (data !== null) ondata(data);
              else if ((stream._duplexState & DESTROYED) !== 0) ondata(null);
            });
          },
          return() {
            return destroy(null);
          },
          throw(err) {
            return destroy(err);
          }
        };
        function onreadable() {
          if (promiseResolve !== null) ondata(stream.read());
        }
        function onclose() {
          if (promiseResolve !== null) ondata(null);
        }
        function ondata(data) {
          if (promiseReject === null) return;
          if (error) {
            promiseReject(error);
          } else if (data === null && (stream._duplexState & READ_DONE) === 0) {
            promiseReject(StreamError.STREAM_DESTROYED());
          } else {
            promiseResolve({ value: data, done: data === null });
          }
          promiseReject = promiseResolve = null;
        }
        function destroy(err) {
          stream.destroy(err);
          return new Promise((resolve, reject) => {
            if (stream._duplexState & DESTROYED) return resolve({ value: void 0, done: true });
            stream.once("close", function() {
              if (err) reject(err);
              else resolve({ value: void 0, done: true });
            });
          });
        }
      }
    };
    var Writable = class extends Stream {
      constructor(opts) {
        super(opts);
        this._duplexState |= OPENING | READ_DONE;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
          if (opts.eagerOpen) this._writableState.updateNextTick();
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      static isBackpressured(ws) {
        return (ws._duplexState & WRITE_BACKPRESSURE_STATUS) !== 0;
      }
      static drained(ws) {
        if (ws.destroyed) return Promise.resolve(false);
        const state = ws._writableState;
        const pending = isWritev(ws) ? Math.min(1, state.queue.length) : state.queue.length;
        const writes = pending + (ws._duplexState & WRITE_WRITING ? 1 : 0);
        if (writes === 0) return Promise.resolve(true);
        if (state.drains === null) state.drains = [];
        return new Promise((resolve) => {
          state.drains.push({ writes, resolve });
        });
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Duplex = class extends Readable2 {
      // and Writable
      constructor(opts) {
        super(opts);
        this._duplexState = OPENING | this._duplexState & READ_READ_AHEAD;
        this._writableState = new WritableState(this, opts);
        if (opts) {
          if (opts.writev) this._writev = opts.writev;
          if (opts.write) this._write = opts.write;
          if (opts.final) this._final = opts.final;
        }
      }
      cork() {
        this._duplexState |= WRITE_CORKED;
      }
      uncork() {
        this._duplexState &= WRITE_NOT_CORKED;
        this._writableState.updateNextTick();
      }
      _writev(batch, cb) {
        cb(null);
      }
      _write(data, cb) {
        this._writableState.autoBatch(data, cb);
      }
      _final(cb) {
        cb(null);
      }
      write(data) {
        this._writableState.updateNextTick();
        return this._writableState.push(data);
      }
      end(data) {
        this._writableState.updateNextTick();
        this._writableState.end(data);
        return this;
      }
    };
    var Transform = class extends Duplex {
      constructor(opts) {
        super(opts);
        this._transformState = new TransformState(this);
        if (opts) {
          if (opts.transform) this._transform = opts.transform;
          if (opts.flush) this._flush = opts.flush;
        }
      }
      _write(data, cb) {
        if (this._readableState.buffered >= this._readableState.highWaterMark) {
          this._transformState.data = data;
        } else {
          this._transform(data, this._transformState.afterTransform);
        }
      }
      _read(cb) {
        if (this._transformState.data !== null) {
          const data = this._transformState.data;
          this._transformState.data = null;
          cb(null);
          this._transform(data, this._transformState.afterTransform);
        } else {
          cb(null);
        }
      }
      destroy(err) {
        super.destroy(err);
        if (this._transformState.data !== null) {
          this._transformState.data = null;
          this._transformState.afterTransform();
        }
      }
      _transform(data, cb) {
        cb(null, data);
      }
      _flush(cb) {
        cb(null);
      }
      _final(cb) {
        this._transformState.afterFinal = cb;
        this._flush(transformAfterFlush.bind(this));
      }
    };
    var PassThrough = class extends Transform {
    };
    function transformAfterFlush(err, data) {
      const cb = this._transformState.afterFinal;
      if (err) return cb(err);
      if (data !== null && data !== void 0) this.push(data);
      this.push(null);
      cb(null);
    }
    function pipelinePromise(...streams) {
      return new Promise((resolve, reject) => {
        return pipeline3(...streams, (err) => {
          if (err) return reject(err);
          resolve();
        });
      });
    }
    function pipeline3(stream, ...streams) {
      const all = Array.isArray(stream) ? [...stream, ...streams] : [stream, ...streams];
      const done = all.length && typeof all[all.length - 1] === "function" ? all.pop() : null;
      if (all.length < 2) throw StreamError.BAD_ARGUMENT("Pipeline requires at least 2 streams");
      let src = all[0];
      let dest = null;
      let error = null;
      for (let i = 1; i < all.length; i++) {
        dest = all[i];
        if (isStreamx(src)) {
          src.pipe(dest, onerror);
        } else {
          errorHandle(src, true, i > 1, onerror);
          src.pipe(dest);
        }
        src = dest;
      }
      if (done) {
        let fin = false;
        const autoDestroy = isStreamx(dest) || !!(dest._writableState && dest._writableState.autoDestroy);
        dest.on("error", (err) => {
          if (error === null) error = err;
        });
        dest.on("finish", () => {
          fin = true;
          if (!autoDestroy) done(error);
        });
        if (autoDestroy) {
          dest.on("close", () => done(error || (fin ? null : StreamError.PREMATURE_CLOSE())));
        }
      }
      return dest;
      function errorHandle(s, rd, wr, onerror2) {
        s.on("error", onerror2);
        s.on("close", onclose);
        function onclose() {
          if (rd && s._readableState && !s._readableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
          if (wr && s._writableState && !s._writableState.ended) {
            return onerror2(StreamError.PREMATURE_CLOSE());
          }
        }
      }
      function onerror(err) {
        if (!err || error) return;
        error = err;
        for (const s of all) {
          s.destroy(err);
        }
      }
    }
    function echo(s) {
      return s;
    }
    function isStream(stream) {
      return !!stream._readableState || !!stream._writableState;
    }
    function isStreamx(stream) {
      return typeof stream._duplexState === "number" && isStream(stream);
    }
    function isEnding(stream) {
      return !!stream._readableState && stream._readableState.ending;
    }
    function isEnded(stream) {
      return !!stream._readableState && stream._readableState.ended;
    }
    function isFinishing(stream) {
      return !!stream._writableState && stream._writableState.ending;
    }
    function isFinished(stream) {
      return !!stream._writableState && stream._writableState.ended;
    }
    function getStreamError(stream, opts = {}) {
      const err = stream._readableState && stream._readableState.error || stream._writableState && stream._writableState.error;
      return !opts.all && StreamError.isStreamDestroyed(err) ? null : err;
    }
    function isReadStreamx(stream) {
      return isStreamx(stream) && stream.readable;
    }
    function isDisturbed(stream) {
      return (stream._duplexState & OPENING) !== OPENING || (stream._duplexState & DESTROYING) === DESTROYING || (stream._duplexState & ACTIVE_OR_TICKING) !== 0;
    }
    function isTypedArray(data) {
      return typeof data === "object" && data !== null && typeof data.byteLength === "number";
    }
    function defaultByteLength(data) {
      return isTypedArray(data) ? data.byteLength : 1024;
    }
    function noop() {
    }
    function abort() {
      this.destroy(StreamError.ABORTED());
    }
    function isWritev(s) {
      return s._writev !== Writable.prototype._writev && s._writev !== Duplex.prototype._writev;
    }
    module.exports = {
      pipeline: pipeline3,
      pipelinePromise,
      isStream,
      isStreamx,
      isEnding,
      isEnded,
      isFinishing,
      isFinished,
      isDisturbed,
      getStreamError,
      Stream,
      Writable,
      Readable: Readable2,
      Duplex,
      Transform,
      // Export PassThrough for compatibility with Node.js core's stream module
      PassThrough
    };
  }
});

// node_modules/tar-stream/headers.js
var require_headers = __commonJS({
  "node_modules/tar-stream/headers.js"(exports) {
    var b4a = require_b4a();
    var ZEROS = "0000000000000000000";
    var SEVENS = "7777777777777777777";
    var ZERO_OFFSET = "0".charCodeAt(0);
    var USTAR_MAGIC = b4a.from([117, 115, 116, 97, 114, 0]);
    var USTAR_VER = b4a.from([ZERO_OFFSET, ZERO_OFFSET]);
    var GNU_MAGIC = b4a.from([117, 115, 116, 97, 114, 32]);
    var GNU_VER = b4a.from([32, 0]);
    var MASK = 4095;
    var MAGIC_OFFSET = 257;
    var VERSION_OFFSET = 263;
    exports.decodeLongPath = function decodeLongPath(buf, encoding) {
      return decodeStr(buf, 0, buf.length, encoding);
    };
    exports.encodePax = function encodePax(opts) {
      let result = "";
      if (opts.name) result += addLength(" path=" + opts.name + "\n");
      if (opts.linkname) result += addLength(" linkpath=" + opts.linkname + "\n");
      const pax = opts.pax;
      if (pax) {
        for (const key in pax) {
          result += addLength(" " + key + "=" + pax[key] + "\n");
        }
      }
      return b4a.from(result);
    };
    exports.decodePax = function decodePax(buf) {
      const result = {};
      while (buf.length) {
        let i = 0;
        while (i < buf.length && buf[i] !== 32) i++;
        const len = parseInt(b4a.toString(buf.subarray(0, i)), 10);
        if (!len) return result;
        const b = b4a.toString(buf.subarray(i + 1, len - 1));
        const keyIndex = b.indexOf("=");
        if (keyIndex === -1) return result;
        result[b.slice(0, keyIndex)] = b.slice(keyIndex + 1);
        buf = buf.subarray(len);
      }
      return result;
    };
    exports.encode = function encode(opts) {
      const buf = b4a.alloc(512);
      let name = opts.name;
      let prefix = "";
      if (opts.typeflag === 5 && name[name.length - 1] !== "/") name += "/";
      if (b4a.byteLength(name) !== name.length) return null;
      while (b4a.byteLength(name) > 100) {
        const i = name.indexOf("/");
        if (i === -1) return null;
        prefix += prefix ? "/" + name.slice(0, i) : name.slice(0, i);
        name = name.slice(i + 1);
      }
      if (b4a.byteLength(name) > 100 || b4a.byteLength(prefix) > 155) return null;
      if (opts.linkname && b4a.byteLength(opts.linkname) > 100) return null;
      b4a.write(buf, name);
      b4a.write(buf, encodeOct(opts.mode & MASK, 6), 100);
      b4a.write(buf, encodeOct(opts.uid, 6), 108);
      b4a.write(buf, encodeOct(opts.gid, 6), 116);
      encodeSize(opts.size, buf, 124);
      b4a.write(buf, encodeOct(opts.mtime.getTime() / 1e3 | 0, 11), 136);
      buf[156] = ZERO_OFFSET + toTypeflag(opts.type);
      if (opts.linkname) b4a.write(buf, opts.linkname, 157);
      b4a.copy(USTAR_MAGIC, buf, MAGIC_OFFSET);
      b4a.copy(USTAR_VER, buf, VERSION_OFFSET);
      if (opts.uname) b4a.write(buf, opts.uname, 265);
      if (opts.gname) b4a.write(buf, opts.gname, 297);
      b4a.write(buf, encodeOct(opts.devmajor || 0, 6), 329);
      b4a.write(buf, encodeOct(opts.devminor || 0, 6), 337);
      if (prefix) b4a.write(buf, prefix, 345);
      b4a.write(buf, encodeOct(cksum(buf), 6), 148);
      return buf;
    };
    exports.decode = function decode(buf, filenameEncoding, allowUnknownFormat) {
      let typeflag = buf[156] === 0 ? 0 : buf[156] - ZERO_OFFSET;
      let name = decodeStr(buf, 0, 100, filenameEncoding);
      const mode = decodeOct(buf, 100, 8);
      const uid = decodeOct(buf, 108, 8);
      const gid = decodeOct(buf, 116, 8);
      const size = decodeOct(buf, 124, 12);
      const mtime = decodeOct(buf, 136, 12);
      const type2 = toType(typeflag);
      const linkname = buf[157] === 0 ? null : decodeStr(buf, 157, 100, filenameEncoding);
      const uname = decodeStr(buf, 265, 32);
      const gname = decodeStr(buf, 297, 32);
      const devmajor = decodeOct(buf, 329, 8);
      const devminor = decodeOct(buf, 337, 8);
      const c = cksum(buf);
      if (c === 8 * 32) return null;
      if (c !== decodeOct(buf, 148, 8)) throw new Error("Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?");
      if (isUSTAR(buf)) {
        if (buf[345]) name = decodeStr(buf, 345, 155, filenameEncoding) + "/" + name;
      } else if (isGNU(buf)) {
      } else {
        if (!allowUnknownFormat) {
          throw new Error("Invalid tar header: unknown format.");
        }
      }
      if (typeflag === 0 && name && name[name.length - 1] === "/") typeflag = 5;
      return {
        name,
        mode,
        uid,
        gid,
        size,
        byteOffset: 0,
        mtime: new Date(1e3 * mtime),
        type: type2,
        linkname,
        uname,
        gname,
        devmajor,
        devminor,
        pax: null
      };
    };
    function isUSTAR(buf) {
      return b4a.equals(USTAR_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6));
    }
    function isGNU(buf) {
      return b4a.equals(GNU_MAGIC, buf.subarray(MAGIC_OFFSET, MAGIC_OFFSET + 6)) && b4a.equals(GNU_VER, buf.subarray(VERSION_OFFSET, VERSION_OFFSET + 2));
    }
    function clamp(index, len, defaultValue) {
      if (typeof index !== "number") return defaultValue;
      index = ~~index;
      if (index >= len) return len;
      if (index >= 0) return index;
      index += len;
      if (index >= 0) return index;
      return 0;
    }
    function toType(flag) {
      switch (flag) {
        case 0:
          return "file";
        case 1:
          return "link";
        case 2:
          return "symlink";
        case 3:
          return "character-device";
        case 4:
          return "block-device";
        case 5:
          return "directory";
        case 6:
          return "fifo";
        case 7:
          return "contiguous-file";
        case 72:
          return "pax-header";
        case 55:
          return "pax-global-header";
        case 27:
          return "gnu-long-link-path";
        case 28:
        case 30:
          return "gnu-long-path";
      }
      return null;
    }
    function toTypeflag(flag) {
      switch (flag) {
        case "file":
          return 0;
        case "link":
          return 1;
        case "symlink":
          return 2;
        case "character-device":
          return 3;
        case "block-device":
          return 4;
        case "directory":
          return 5;
        case "fifo":
          return 6;
        case "contiguous-file":
          return 7;
        case "pax-header":
          return 72;
      }
      return 0;
    }
    function indexOf(block, num, offset, end) {
      for (; offset < end; offset++) {
        if (block[offset] === num) return offset;
      }
      return end;
    }
    function cksum(block) {
      let sum = 8 * 32;
      for (let i = 0; i < 148; i++) sum += block[i];
      for (let j = 156; j < 512; j++) sum += block[j];
      return sum;
    }
    function encodeOct(val, n) {
      val = val.toString(8);
      if (val.length > n) return SEVENS.slice(0, n) + " ";
      return ZEROS.slice(0, n - val.length) + val + " ";
    }
    function encodeSizeBin(num, buf, off) {
      buf[off] = 128;
      for (let i = 11; i > 0; i--) {
        buf[off + i] = num & 255;
        num = Math.floor(num / 256);
      }
    }
    function encodeSize(num, buf, off) {
      if (num.toString(8).length > 11) {
        encodeSizeBin(num, buf, off);
      } else {
        b4a.write(buf, encodeOct(num, 11), off);
      }
    }
    function parse256(buf) {
      let positive;
      if (buf[0] === 128) positive = true;
      else if (buf[0] === 255) positive = false;
      else return null;
      const tuple = [];
      let i;
      for (i = buf.length - 1; i > 0; i--) {
        const byte = buf[i];
        if (positive) tuple.push(byte);
        else tuple.push(255 - byte);
      }
      let sum = 0;
      const l = tuple.length;
      for (i = 0; i < l; i++) {
        sum += tuple[i] * Math.pow(256, i);
      }
      return positive ? sum : -1 * sum;
    }
    function decodeOct(val, offset, length) {
      val = val.subarray(offset, offset + length);
      offset = 0;
      if (val[offset] & 128) {
        return parse256(val);
      } else {
        while (offset < val.length && val[offset] === 32) offset++;
        const end = clamp(indexOf(val, 32, offset, val.length), val.length, val.length);
        while (offset < end && val[offset] === 0) offset++;
        if (end === offset) return 0;
        return parseInt(b4a.toString(val.subarray(offset, end)), 8);
      }
    }
    function decodeStr(val, offset, length, encoding) {
      return b4a.toString(val.subarray(offset, indexOf(val, 0, offset, offset + length)), encoding);
    }
    function addLength(str2) {
      const len = b4a.byteLength(str2);
      let digits = Math.floor(Math.log(len) / Math.log(10)) + 1;
      if (len + digits >= Math.pow(10, digits)) digits++;
      return len + digits + str2;
    }
  }
});

// node_modules/tar-stream/extract.js
var require_extract = __commonJS({
  "node_modules/tar-stream/extract.js"(exports, module) {
    var { Writable, Readable: Readable2, getStreamError } = require_streamx();
    var FIFO = require_fast_fifo();
    var b4a = require_b4a();
    var headers = require_headers();
    var EMPTY = b4a.alloc(0);
    var MAX_HEADER_SIZE = 4 * 1024 * 1024;
    var BufferList = class {
      constructor() {
        this.buffered = 0;
        this.shifted = 0;
        this.queue = new FIFO();
        this._offset = 0;
      }
      push(buffer) {
        this.buffered += buffer.byteLength;
        this.queue.push(buffer);
      }
      shiftFirst(size) {
        return this.buffered === 0 ? null : this._next(size);
      }
      shift(size) {
        if (size > this.buffered) return null;
        if (size === 0) return EMPTY;
        let chunk = this._next(size);
        if (size === chunk.byteLength) return chunk;
        const chunks = [chunk];
        while ((size -= chunk.byteLength) > 0) {
          chunk = this._next(size);
          chunks.push(chunk);
        }
        return b4a.concat(chunks);
      }
      _next(size) {
        const buf = this.queue.peek();
        const rem = buf.byteLength - this._offset;
        if (size >= rem) {
          const sub = this._offset ? buf.subarray(this._offset, buf.byteLength) : buf;
          this.queue.shift();
          this._offset = 0;
          this.buffered -= rem;
          this.shifted += rem;
          return sub;
        }
        this.buffered -= size;
        this.shifted += size;
        return buf.subarray(this._offset, this._offset += size);
      }
    };
    var Source = class extends Readable2 {
      constructor(self, header, offset) {
        super();
        this.header = header;
        this.offset = offset;
        this._parent = self;
      }
      _read(cb) {
        if (this.header.size === 0) {
          this.push(null);
        }
        if (this._parent._stream === this) {
          this._parent._update();
        }
        cb(null);
      }
      _predestroy() {
        this._parent.destroy(getStreamError(this));
      }
      _detach() {
        if (this._parent._stream === this) {
          this._parent._stream = null;
          this._parent._missing = overflow(this.header.size);
          this._parent._update();
        }
      }
      _destroy(cb) {
        this._detach();
        cb(null);
      }
    };
    var Extract = class extends Writable {
      constructor(opts) {
        super(opts);
        if (!opts) opts = {};
        this._buffer = new BufferList();
        this._offset = 0;
        this._header = null;
        this._stream = null;
        this._missing = 0;
        this._longHeader = false;
        this._callback = noop;
        this._locked = false;
        this._finished = false;
        this._pax = null;
        this._paxGlobal = null;
        this._gnuLongPath = null;
        this._gnuLongLinkPath = null;
        this._filenameEncoding = opts.filenameEncoding || "utf-8";
        this._allowUnknownFormat = !!opts.allowUnknownFormat;
        this._unlockBound = this._unlock.bind(this);
      }
      _unlock(err) {
        this._locked = false;
        if (err) {
          this.destroy(err);
          this._continueWrite(err);
          return;
        }
        this._update();
      }
      _consumeHeader() {
        if (this._locked) return false;
        this._offset = this._buffer.shifted;
        try {
          this._header = headers.decode(this._buffer.shift(512), this._filenameEncoding, this._allowUnknownFormat);
        } catch (err) {
          this._continueWrite(err);
          return false;
        }
        if (!this._header) return true;
        this._header.byteOffset = this._buffer.shifted;
        switch (this._header.type) {
          case "gnu-long-path":
          case "gnu-long-link-path":
          case "pax-global-header":
          case "pax-header":
            this._longHeader = true;
            this._missing = this._header.size;
            if (this._missing > MAX_HEADER_SIZE) {
              this._continueWrite(new Error("Header exceeds max size"));
              return false;
            }
            return true;
        }
        this._locked = true;
        this._applyLongHeaders();
        if (!(this._header.size >= 0)) {
          this._continueWrite(new Error("Invalid header"));
          return false;
        }
        if (this._header.size === 0 || this._header.type === "directory") {
          this.emit("entry", this._header, this._createStream(), this._unlockBound);
          return true;
        }
        this._stream = this._createStream();
        this._missing = this._header.size;
        this.emit("entry", this._header, this._stream, this._unlockBound);
        return true;
      }
      _applyLongHeaders() {
        if (this._gnuLongPath) {
          this._header.name = this._gnuLongPath;
          this._gnuLongPath = null;
        }
        if (this._gnuLongLinkPath) {
          this._header.linkname = this._gnuLongLinkPath;
          this._gnuLongLinkPath = null;
        }
        if (this._pax) {
          if (this._pax.path) this._header.name = this._pax.path;
          if (this._pax.linkpath) this._header.linkname = this._pax.linkpath;
          if (this._pax.size) this._header.size = parseInt(this._pax.size, 10);
          this._header.pax = this._pax;
          this._pax = null;
        }
      }
      _decodeLongHeader(buf) {
        switch (this._header.type) {
          case "gnu-long-path":
            this._gnuLongPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "gnu-long-link-path":
            this._gnuLongLinkPath = headers.decodeLongPath(buf, this._filenameEncoding);
            break;
          case "pax-global-header":
            this._paxGlobal = headers.decodePax(buf);
            break;
          case "pax-header":
            this._pax = this._paxGlobal === null ? headers.decodePax(buf) : Object.assign({}, this._paxGlobal, headers.decodePax(buf));
            break;
        }
      }
      _consumeLongHeader() {
        this._longHeader = false;
        this._missing = overflow(this._header.size);
        const buf = this._buffer.shift(this._header.size);
        try {
          this._decodeLongHeader(buf);
        } catch (err) {
          this._continueWrite(err);
          return false;
        }
        return true;
      }
      _consumeStream() {
        const buf = this._buffer.shiftFirst(this._missing);
        if (buf === null) return false;
        this._missing -= buf.byteLength;
        const drained = this._stream.push(buf);
        if (this._missing === 0) {
          this._stream.push(null);
          if (drained) this._stream._detach();
          return drained && this._locked === false;
        }
        return drained;
      }
      _createStream() {
        return new Source(this, this._header, this._offset);
      }
      _update() {
        while (this._buffer.buffered > 0 && !this.destroying) {
          if (this._missing > 0) {
            if (this._stream !== null) {
              if (this._consumeStream() === false) return;
              continue;
            }
            if (this._longHeader === true) {
              if (this._missing > this._buffer.buffered) break;
              if (this._consumeLongHeader() === false) return false;
              continue;
            }
            const ignore = this._buffer.shiftFirst(this._missing);
            if (ignore !== null) this._missing -= ignore.byteLength;
            continue;
          }
          if (this._buffer.buffered < 512) break;
          if (this._stream !== null || this._consumeHeader() === false) return;
        }
        this._continueWrite(null);
      }
      _continueWrite(err) {
        const cb = this._callback;
        this._callback = noop;
        cb(err);
      }
      _write(data, cb) {
        this._callback = cb;
        this._buffer.push(data);
        this._update();
      }
      _final(cb) {
        this._finished = this._missing === 0 && this._buffer.buffered === 0;
        cb(this._finished ? null : new Error("Unexpected end of data"));
      }
      _predestroy() {
        this._continueWrite(null);
      }
      _destroy(cb) {
        if (this._stream) this._stream.destroy(getStreamError(this));
        cb(null);
      }
      [Symbol.asyncIterator]() {
        let error = null;
        let promiseResolve = null;
        let promiseReject = null;
        let entryStream = null;
        let entryCallback = null;
        const extract = this;
        this.on("entry", onentry);
        this.on("error", (err) => {
          error = err;
        });
        this.on("close", onclose);
        return {
          [Symbol.asyncIterator]() {
            return this;
          },
          next() {
            return new Promise(onnext);
          },
          return() {
            return destroy(null);
          },
          throw(err) {
            return destroy(err);
          }
        };
        function consumeCallback(err) {
          if (!entryCallback) return;
          const cb = entryCallback;
          entryCallback = null;
          cb(err);
        }
        function onnext(resolve, reject) {
          if (error) {
            return reject(error);
          }
          if (entryStream) {
            resolve({ value: entryStream, done: false });
            entryStream = null;
            return;
          }
          promiseResolve = resolve;
          promiseReject = reject;
          consumeCallback(null);
          if (extract._finished && promiseResolve) {
            promiseResolve({ value: void 0, done: true });
            promiseResolve = promiseReject = null;
          }
        }
        function onentry(header, stream, callback) {
          entryCallback = callback;
          stream.on("error", noop);
          if (promiseResolve) {
            promiseResolve({ value: stream, done: false });
            promiseResolve = promiseReject = null;
          } else {
            entryStream = stream;
          }
        }
        function onclose() {
          consumeCallback(error);
          if (!promiseResolve) return;
          if (error) promiseReject(error);
          else promiseResolve({ value: void 0, done: true });
          promiseResolve = promiseReject = null;
        }
        function destroy(err) {
          extract.destroy(err);
          consumeCallback(err);
          return new Promise((resolve, reject) => {
            if (extract.destroyed) return resolve({ value: void 0, done: true });
            extract.once("close", function() {
              if (err) reject(err);
              else resolve({ value: void 0, done: true });
            });
          });
        }
      }
    };
    module.exports = function extract(opts) {
      return new Extract(opts);
    };
    function noop() {
    }
    function overflow(size) {
      size &= 511;
      return size && 512 - size;
    }
  }
});

// node_modules/tar-stream/constants.js
var require_constants2 = __commonJS({
  "node_modules/tar-stream/constants.js"(exports, module) {
    var constants2 = {
      // just for envs without fs
      S_IFMT: 61440,
      S_IFDIR: 16384,
      S_IFCHR: 8192,
      S_IFBLK: 24576,
      S_IFIFO: 4096,
      S_IFLNK: 40960
    };
    try {
      module.exports = __require("fs").constants || constants2;
    } catch {
      module.exports = constants2;
    }
  }
});

// node_modules/tar-stream/pack.js
var require_pack = __commonJS({
  "node_modules/tar-stream/pack.js"(exports, module) {
    var { Readable: Readable2, Writable, getStreamError } = require_streamx();
    var b4a = require_b4a();
    var constants2 = require_constants2();
    var headers = require_headers();
    var DMODE = 493;
    var FMODE = 420;
    var END_OF_TAR = b4a.alloc(1024);
    var Sink = class extends Writable {
      constructor(pack, header, callback) {
        super({ mapWritable, eagerOpen: true });
        this.written = 0;
        this.header = header;
        this._callback = callback;
        this._linkname = null;
        this._isLinkname = header.type === "symlink" && !header.linkname;
        this._isVoid = header.type !== "file" && header.type !== "contiguous-file";
        this._finished = false;
        this._pack = pack;
        this._openCallback = null;
        if (this._pack._stream === null) this._pack._stream = this;
        else this._pack._pending.push(this);
      }
      _open(cb) {
        this._openCallback = cb;
        if (this._pack._stream === this) this._continueOpen();
      }
      _continuePack(err) {
        if (this._callback === null) return;
        const callback = this._callback;
        this._callback = null;
        callback(err);
      }
      _continueOpen() {
        if (this._pack._stream === null) this._pack._stream = this;
        const cb = this._openCallback;
        this._openCallback = null;
        if (cb === null) return;
        if (this._pack.destroying) return cb(new Error("pack stream destroyed"));
        if (this._pack._finalized) return cb(new Error("pack stream is already finalized"));
        this._pack._stream = this;
        if (!this._isLinkname) {
          this._pack._encode(this.header);
        }
        if (this._isVoid) {
          this._finish();
          this._continuePack(null);
        }
        cb(null);
      }
      _write(data, cb) {
        if (this._isLinkname) {
          this._linkname = this._linkname ? b4a.concat([this._linkname, data]) : data;
          return cb(null);
        }
        if (this._isVoid) {
          if (data.byteLength > 0) {
            return cb(new Error("No body allowed for this entry"));
          }
          return cb();
        }
        this.written += data.byteLength;
        if (this._pack.push(data)) return cb();
        this._pack._drain = cb;
      }
      _finish() {
        if (this._finished) return;
        this._finished = true;
        if (this._isLinkname) {
          this.header.linkname = this._linkname ? b4a.toString(this._linkname, "utf-8") : "";
          this._pack._encode(this.header);
        }
        overflow(this._pack, this.header.size);
        this._pack._done(this);
      }
      _final(cb) {
        if (this.written !== this.header.size) {
          return cb(new Error("Size mismatch"));
        }
        this._finish();
        cb(null);
      }
      _getError() {
        return getStreamError(this) || new Error("tar entry destroyed");
      }
      _predestroy() {
        this._pack.destroy(this._getError());
      }
      _destroy(cb) {
        this._pack._done(this);
        this._continuePack(this._finished ? null : this._getError());
        cb();
      }
    };
    var Pack = class extends Readable2 {
      constructor(opts) {
        super(opts);
        this._drain = noop;
        this._finalized = false;
        this._finalizing = false;
        this._pending = [];
        this._stream = null;
      }
      entry(header, buffer, callback) {
        if (this._finalized || this.destroying) throw new Error("already finalized or destroyed");
        if (typeof buffer === "function") {
          callback = buffer;
          buffer = null;
        }
        if (!callback) callback = noop;
        if (!header.size || header.type === "symlink") header.size = 0;
        if (!header.type) header.type = modeToType(header.mode);
        if (!header.mode) header.mode = header.type === "directory" ? DMODE : FMODE;
        if (!header.uid) header.uid = 0;
        if (!header.gid) header.gid = 0;
        if (!header.mtime) header.mtime = /* @__PURE__ */ new Date();
        if (typeof buffer === "string") buffer = b4a.from(buffer);
        const sink = new Sink(this, header, callback);
        if (b4a.isBuffer(buffer)) {
          header.size = buffer.byteLength;
          sink.write(buffer);
          sink.end();
          return sink;
        }
        if (sink._isVoid) {
          return sink;
        }
        return sink;
      }
      finalize() {
        if (this._stream || this._pending.length > 0) {
          this._finalizing = true;
          return;
        }
        if (this._finalized) return;
        this._finalized = true;
        this.push(END_OF_TAR);
        this.push(null);
      }
      _done(stream) {
        if (stream !== this._stream) return;
        this._stream = null;
        if (this._finalizing) this.finalize();
        if (this._pending.length) this._pending.shift()._continueOpen();
      }
      _encode(header) {
        if (!header.pax) {
          const buf = headers.encode(header);
          if (buf) {
            this.push(buf);
            return;
          }
        }
        this._encodePax(header);
      }
      _encodePax(header) {
        const paxHeader = headers.encodePax({
          name: header.name,
          linkname: header.linkname,
          pax: header.pax
        });
        const newHeader = {
          name: "PaxHeader",
          mode: header.mode,
          uid: header.uid,
          gid: header.gid,
          size: paxHeader.byteLength,
          mtime: header.mtime,
          type: "pax-header",
          linkname: header.linkname && "PaxHeader",
          uname: header.uname,
          gname: header.gname,
          devmajor: header.devmajor,
          devminor: header.devminor
        };
        this.push(headers.encode(newHeader));
        this.push(paxHeader);
        overflow(this, paxHeader.byteLength);
        newHeader.size = header.size;
        newHeader.type = header.type;
        this.push(headers.encode(newHeader));
      }
      _doDrain() {
        const drain = this._drain;
        this._drain = noop;
        drain();
      }
      _predestroy() {
        const err = getStreamError(this);
        if (this._stream) this._stream.destroy(err);
        while (this._pending.length) {
          const stream = this._pending.shift();
          stream.destroy(err);
          stream._continueOpen();
        }
        this._doDrain();
      }
      _read(cb) {
        this._doDrain();
        cb();
      }
    };
    module.exports = function pack(opts) {
      return new Pack(opts);
    };
    function modeToType(mode) {
      switch (mode & constants2.S_IFMT) {
        case constants2.S_IFBLK:
          return "block-device";
        case constants2.S_IFCHR:
          return "character-device";
        case constants2.S_IFDIR:
          return "directory";
        case constants2.S_IFIFO:
          return "fifo";
        case constants2.S_IFLNK:
          return "symlink";
      }
      return "file";
    }
    function noop() {
    }
    function overflow(self, size) {
      size &= 511;
      if (size) self.push(END_OF_TAR.subarray(0, 512 - size));
    }
    function mapWritable(buf) {
      return b4a.isBuffer(buf) ? buf : b4a.from(buf);
    }
  }
});

// node_modules/tar-stream/index.js
var require_tar_stream = __commonJS({
  "node_modules/tar-stream/index.js"(exports) {
    exports.extract = require_extract();
    exports.pack = require_pack();
  }
});

// node_modules/yocto-queue/index.js
var Node = class {
  value;
  next;
  constructor(value) {
    this.value = value;
  }
};
var Queue = class {
  #head;
  #tail;
  #size;
  constructor() {
    this.clear();
  }
  enqueue(value) {
    const node = new Node(value);
    if (this.#head) {
      this.#tail.next = node;
      this.#tail = node;
    } else {
      this.#head = node;
      this.#tail = node;
    }
    this.#size++;
  }
  dequeue() {
    const current = this.#head;
    if (!current) {
      return;
    }
    this.#head = this.#head.next;
    this.#size--;
    if (!this.#head) {
      this.#tail = void 0;
    }
    return current.value;
  }
  peek() {
    if (!this.#head) {
      return;
    }
    return this.#head.value;
  }
  clear() {
    this.#head = void 0;
    this.#tail = void 0;
    this.#size = 0;
  }
  get size() {
    return this.#size;
  }
  *[Symbol.iterator]() {
    let current = this.#head;
    while (current) {
      yield current.value;
      current = current.next;
    }
  }
  *drain() {
    while (this.#head) {
      yield this.dequeue();
    }
  }
};

// node_modules/p-limit/index.js
function pLimit(concurrency) {
  let rejectOnClear = false;
  if (typeof concurrency === "object") {
    ({ concurrency, rejectOnClear = false } = concurrency);
  }
  validateConcurrency(concurrency);
  if (typeof rejectOnClear !== "boolean") {
    throw new TypeError("Expected `rejectOnClear` to be a boolean");
  }
  const queue = new Queue();
  let activeCount = 0;
  const resumeNext = () => {
    if (activeCount < concurrency && queue.size > 0) {
      activeCount++;
      queue.dequeue().run();
    }
  };
  const next = () => {
    activeCount--;
    resumeNext();
  };
  const run = async (function_, resolve, arguments_) => {
    const result = (async () => function_(...arguments_))();
    resolve(result);
    try {
      await result;
    } catch {
    }
    next();
  };
  const enqueue = (function_, resolve, reject, arguments_) => {
    const queueItem = { reject };
    new Promise((internalResolve) => {
      queueItem.run = internalResolve;
      queue.enqueue(queueItem);
    }).then(run.bind(void 0, function_, resolve, arguments_));
    if (activeCount < concurrency) {
      resumeNext();
    }
  };
  const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
    enqueue(function_, resolve, reject, arguments_);
  });
  Object.defineProperties(generator, {
    activeCount: {
      get: () => activeCount
    },
    pendingCount: {
      get: () => queue.size
    },
    clearQueue: {
      value() {
        if (!rejectOnClear) {
          queue.clear();
          return;
        }
        const abortError = AbortSignal.abort().reason;
        while (queue.size > 0) {
          queue.dequeue().reject(abortError);
        }
      }
    },
    concurrency: {
      get: () => concurrency,
      set(newConcurrency) {
        validateConcurrency(newConcurrency);
        concurrency = newConcurrency;
        queueMicrotask(() => {
          while (activeCount < concurrency && queue.size > 0) {
            resumeNext();
          }
        });
      }
    },
    map: {
      async value(iterable, function_) {
        const promises = [];
        try {
          Array.from(iterable, (value, index) => {
            const promise = generator(function_, value, index);
            promises.push(promise);
            return promise;
          });
        } catch (error) {
          for (const promise of promises) {
            promise.catch(() => {
            });
          }
          throw error;
        }
        return Promise.all(promises);
      }
    }
  });
  return generator;
}
function validateConcurrency(concurrency) {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
    throw new TypeError("Expected `concurrency` to be a number from 1 and up");
  }
}

// src/charts/access.ts
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
async function accessFor(host, settings, env) {
  const access2 = {};
  const configured = settings.repositories.find((entry) => entry.host === host.toLowerCase());
  if (configured?.caFile) access2.ca = await readCa(expandPath(configured.caFile, env), host);
  if (configured?.usernameEnv || configured?.passwordEnv) {
    access2.credentials = {
      username: variable(configured.usernameEnv, host, env) ?? "",
      password: variable(configured.passwordEnv, host, env) ?? ""
    };
    access2.credentialsFrom = [configured.usernameEnv, configured.passwordEnv].filter(Boolean).join("/");
    return access2;
  }
  if (settings.dockerConfig) {
    const file = expandPath(settings.dockerConfig, env);
    const fromDocker = await dockerCredentials(file, host);
    if (fromDocker) {
      access2.credentials = fromDocker;
      access2.credentialsFrom = `the Docker config ${settings.dockerConfig}`;
    }
  }
  return access2;
}
function variable(name, host, env) {
  if (name === void 0) return void 0;
  const value = env[name];
  if (value === void 0 || value === "") {
    throw new PlumblineError(
      `the credentials for ${host} come from the variable ${name}, which is not set`,
      `Set ${name} in the job's environment (from a CI secret), or remove it from render.repositories.`
    );
  }
  return value;
}
function expandPath(path, env) {
  const home = env.HOME ?? homedir();
  return path.replace(/^~(?=$|\/)/, home).replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_, braced, bare) => env[braced ?? bare] ?? ""
  );
}
async function readCa(file, host) {
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new PlumblineError(
      `the CA file for ${host} (${file}) cannot be read`,
      "Check caFile in render.repositories: it names a PEM file on the runner."
    );
  }
}
async function dockerCredentials(file, host) {
  let config;
  try {
    config = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const missing = error.code === "ENOENT";
    throw new PlumblineError(
      missing ? `the Docker config ${file} does not exist` : `the Docker config ${file} is not valid JSON`,
      missing ? "Log in to the registry before plumbline runs (docker login, docker/login-action), or change render.dockerConfig." : "Check the file, or log in again to rewrite it."
    );
  }
  const wanted = host.toLowerCase();
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const keyHost = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "").toLowerCase();
    if (keyHost !== wanted) continue;
    if (entry.username !== void 0 && entry.password !== void 0)
      return { username: entry.username, password: entry.password };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  return void 0;
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}

// src/charts/cache.ts
import { createHash } from "node:crypto";
import { mkdir, readFile as readFile2 } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import { join } from "node:path";

// src/atomic-write.ts
import { randomUUID } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
async function writeAtomically(path, content) {
  const temporary = `${path}.plumbline-${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

// src/charts/cache.ts
function chartCacheFolder(env) {
  if (env.PLUMBLINE_CHART_CACHE) return env.PLUMBLINE_CHART_CACHE;
  const base = env.XDG_CACHE_HOME || join(env.HOME ?? homedir2(), ".cache");
  return join(base, "plumbline", "charts");
}
var ChartCache = class {
  constructor(folder) {
    this.folder = folder;
  }
  folder;
  async lookup(key) {
    let record;
    try {
      record = JSON.parse(await readFile2(this.#refPath(key), "utf8"));
    } catch {
      return void 0;
    }
    const file = this.#blobPath(record.digest);
    if (file === void 0) return void 0;
    try {
      if (sha256Digest(await readFile2(file)) !== record.digest) return void 0;
    } catch {
      return void 0;
    }
    return { ...record, file };
  }
  /** Stores an archive already checked against its digest, and the record of `key`. */
  async store(key, archive, facts) {
    const digest = sha256Digest(archive);
    const file = this.#blobPath(digest);
    await atomicWrite(file, archive);
    const persisted = { ...facts, digest };
    await atomicWrite(this.#refPath(key), Buffer.from(`${JSON.stringify(persisted)}
`));
    return { ...persisted, file };
  }
  #refPath(key) {
    const id = createHash("sha256").update(JSON.stringify([key.repository, key.name, key.version])).digest("hex");
    return join(this.folder, "refs", `${id}.json`);
  }
  #blobPath(digest) {
    const hex = /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
    return hex === void 0 ? void 0 : join(this.folder, "blobs", "sha256", `${hex}.tgz`);
  }
};
function sha256Digest(content) {
  return `sha256:${createHash("sha256").update(content).digest("hex")}`;
}
async function atomicWrite(file, content) {
  await mkdir(join(file, ".."), { recursive: true });
  await writeAtomically(file, content);
}

// src/charts/http-repository.ts
var import_yaml = __toESM(require_dist(), 1);

// src/charts/http-get.ts
import https from "node:https";

// node_modules/is-network-error/index.js
var objectToString = Object.prototype.toString;
var isError = (value) => objectToString.call(value) === "[object Error]";
var errorMessages = /* @__PURE__ */ new Set([
  "network error",
  // Chrome
  "NetworkError when attempting to fetch resource.",
  // Firefox
  "The Internet connection appears to be offline.",
  // Safari 16
  "Network request failed",
  // `cross-fetch`
  "fetch failed",
  // Undici (Node.js)
  "terminated",
  // Undici (Node.js)
  " A network error occurred.",
  // Bun (WebKit)
  "Network connection lost"
  // Cloudflare Workers (fetch)
]);
function isNetworkError(error) {
  const isValid = error && isError(error) && error.name === "TypeError" && typeof error.message === "string";
  if (!isValid) {
    return false;
  }
  const { message, stack } = error;
  if (message === "Load failed" || message.startsWith("Load failed (") && message.endsWith(")")) {
    return stack === void 0 || "__sentry_captured__" in error;
  }
  if (message.startsWith("error sending request for url")) {
    return true;
  }
  if (message === "Failed to fetch" || message.startsWith("Failed to fetch (") && message.endsWith(")")) {
    return true;
  }
  return errorMessages.has(message);
}

// node_modules/p-retry/index.js
function validateRetries(retries) {
  if (typeof retries === "number") {
    if (retries < 0) {
      throw new TypeError("Expected `retries` to be a non-negative number.");
    }
    if (Number.isNaN(retries)) {
      throw new TypeError("Expected `retries` to be a valid number or Infinity, got NaN.");
    }
  } else if (retries !== void 0) {
    throw new TypeError("Expected `retries` to be a number or Infinity.");
  }
}
function validateNumberOption(name, value, { min = 0, allowInfinity = false } = {}) {
  if (value === void 0) {
    return;
  }
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`Expected \`${name}\` to be a number${allowInfinity ? " or Infinity" : ""}.`);
  }
  if (!allowInfinity && !Number.isFinite(value)) {
    throw new TypeError(`Expected \`${name}\` to be a finite number.`);
  }
  if (value < min) {
    throw new TypeError(`Expected \`${name}\` to be \u2265 ${min}.`);
  }
}
var AbortError = class extends Error {
  constructor(message) {
    super();
    if (message instanceof Error) {
      this.originalError = message;
      ({ message } = message);
    } else {
      this.originalError = new Error(message);
      this.originalError.stack = this.stack;
    }
    this.name = "AbortError";
    this.message = message;
  }
};
function calculateDelay(retriesConsumed, options) {
  const attempt2 = Math.max(1, retriesConsumed + 1);
  const random = options.randomize ? Math.random() + 1 : 1;
  let timeout = Math.round(random * options.minTimeout * options.factor ** (attempt2 - 1));
  timeout = Math.min(timeout, options.maxTimeout);
  return timeout;
}
function calculateRemainingTime(start, max) {
  if (!Number.isFinite(max)) {
    return max;
  }
  return max - (performance.now() - start);
}
async function onAttemptFailure({ error, attemptNumber, retriesConsumed, startTime, options }) {
  const normalizedError = error instanceof Error ? error : new TypeError(`Non-error was thrown: "${error}". You should only throw errors.`);
  if (normalizedError instanceof AbortError) {
    throw normalizedError.originalError;
  }
  const retriesLeft = Number.isFinite(options.retries) ? Math.max(0, options.retries - retriesConsumed) : options.retries;
  const maxRetryTime = options.maxRetryTime ?? Number.POSITIVE_INFINITY;
  const context = Object.freeze({
    error: normalizedError,
    attemptNumber,
    retriesLeft,
    retriesConsumed
  });
  await options.onFailedAttempt(context);
  if (calculateRemainingTime(startTime, maxRetryTime) <= 0) {
    throw normalizedError;
  }
  const consumeRetry = await options.shouldConsumeRetry(context);
  const remainingTime = calculateRemainingTime(startTime, maxRetryTime);
  if (remainingTime <= 0 || retriesLeft <= 0) {
    throw normalizedError;
  }
  if (normalizedError instanceof TypeError && !isNetworkError(normalizedError)) {
    if (consumeRetry) {
      throw normalizedError;
    }
    options.signal?.throwIfAborted();
    return false;
  }
  if (!await options.shouldRetry(context)) {
    throw normalizedError;
  }
  if (!consumeRetry) {
    options.signal?.throwIfAborted();
    return false;
  }
  const delayTime = calculateDelay(retriesConsumed, options);
  const finalDelay = Math.min(delayTime, remainingTime);
  options.signal?.throwIfAborted();
  if (finalDelay > 0) {
    await new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timeoutToken);
        options.signal?.removeEventListener("abort", onAbort);
        reject(options.signal.reason);
      };
      const timeoutToken = setTimeout(() => {
        options.signal?.removeEventListener("abort", onAbort);
        resolve();
      }, finalDelay);
      if (options.unref) {
        timeoutToken.unref?.();
      }
      options.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
  options.signal?.throwIfAborted();
  return true;
}
async function pRetry(input, options = {}) {
  options = { ...options };
  validateRetries(options.retries);
  if (Object.hasOwn(options, "forever")) {
    throw new Error("The `forever` option is no longer supported. For many use-cases, you can set `retries: Infinity` instead.");
  }
  options.retries ??= 10;
  options.factor ??= 2;
  options.minTimeout ??= 1e3;
  options.maxTimeout ??= Number.POSITIVE_INFINITY;
  options.maxRetryTime ??= Number.POSITIVE_INFINITY;
  options.randomize ??= false;
  options.onFailedAttempt ??= () => {
  };
  options.shouldRetry ??= () => true;
  options.shouldConsumeRetry ??= () => true;
  validateNumberOption("factor", options.factor, { min: 0, allowInfinity: false });
  validateNumberOption("minTimeout", options.minTimeout, { min: 0, allowInfinity: false });
  validateNumberOption("maxTimeout", options.maxTimeout, { min: 0, allowInfinity: true });
  validateNumberOption("maxRetryTime", options.maxRetryTime, { min: 0, allowInfinity: true });
  if (!(options.factor > 0)) {
    options.factor = 1;
  }
  options.signal?.throwIfAborted();
  let attemptNumber = 0;
  let retriesConsumed = 0;
  const startTime = performance.now();
  while (Number.isFinite(options.retries) ? retriesConsumed <= options.retries : true) {
    attemptNumber++;
    try {
      options.signal?.throwIfAborted();
      const result = await input(attemptNumber);
      options.signal?.throwIfAborted();
      return result;
    } catch (error) {
      if (await onAttemptFailure({
        error,
        attemptNumber,
        retriesConsumed,
        startTime,
        options
      })) {
        retriesConsumed++;
      }
    }
  }
  throw new Error("Retry attempts exhausted without throwing an error.");
}

// src/charts/http-get.ts
var TRANSIENT_STATUSES = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var ATTEMPTS = 3;
var TIMEOUT_MS = 3e4;
var MAX_REDIRECTS = 5;
var MAX_RETRY_AFTER_MS = 1e4;
async function httpGet(url, options) {
  return pRetry(() => attempt(url, options), {
    retries: ATTEMPTS - 1,
    minTimeout: 300,
    factor: 3
  });
}
async function attempt(url, options) {
  let current = url;
  let headers = options.headers ?? {};
  for (let redirects = 0; ; redirects++) {
    const answer = await requestOnce(current, headers, options);
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, current);
      if (redirects >= MAX_REDIRECTS) throw new AbortError(tooManyRedirects(options.what, url));
      if (!options.mayFollow(next)) throw new AbortError(redirectRefused(options.what, current, next));
      if (next.host !== current.host) headers = withoutAuthorization(headers);
      current = next;
      continue;
    }
    if (TRANSIENT_STATUSES.has(answer.status)) {
      const wait = retryAfterMs(answer.headers["retry-after"]);
      if (wait !== void 0 && wait > MAX_RETRY_AFTER_MS)
        throw new AbortError(transientFailure(options.what, current, answer.status, wait));
      if (wait !== void 0) await new Promise((resolve) => setTimeout(resolve, wait));
      throw transientFailure(options.what, current, answer.status, wait);
    }
    return answer;
  }
}
function requestOnce(url, headers, options) {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return Promise.reject(
      new AbortError(
        new PlumblineError(
          `${options.what}: ${url.protocol} URLs are not fetched`,
          "Use an http(s):// repository or an oci:// registry."
        )
      )
    );
  }
  const client = url.protocol === "https:" ? https : node_http_default;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: { "user-agent": "plumbline", ...headers },
        timeout: TIMEOUT_MS,
        ...options.ca ? { ca: options.ca } : {}
      },
      (response) => {
        const chunks = [];
        let bytes = 0;
        response.on("data", (chunk) => {
          bytes += chunk.length;
          if (bytes > options.maxBytes) {
            response.destroy();
            reject(new AbortError(tooLarge(options.what, url, options.maxBytes)));
          } else chunks.push(chunk);
        });
        response.on(
          "end",
          () => resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            url
          })
        );
        response.on("error", (error) => reject(unreachable(options.what, url, error)));
      }
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${TIMEOUT_MS / 1e3} s`)));
    request.on("error", (error) => reject(unreachable(options.what, url, error)));
  });
}
function withoutAuthorization(headers) {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== "authorization")
  );
}
function retryAfterMs(value) {
  if (value === void 0) return void 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1e3);
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - Date.now());
}
function shownUrl(url) {
  return `${url.protocol}//${url.host}${url.pathname}`;
}
function unreachable(what, url, error) {
  const code = error.code ?? "";
  const certificate = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
  const reason = certificate ? `its TLS certificate is not trusted (${code})` : error.message;
  const failure = new PlumblineError(
    `could not fetch ${what} from ${url.host}: ${reason}`,
    certificate ? `Give the CA that signs ${url.host}'s certificate as caFile of host ${url.host} in render.repositories.` : `Check that the address is right and that the runner reaches ${url.host} (proxy, firewall, DNS).`
  );
  return certificate ? new AbortError(failure) : failure;
}
function transientFailure(what, url, status, waitMs) {
  const rateLimited = status === 429;
  const after = waitMs === void 0 ? "" : ` (it asked to wait ${Math.ceil(waitMs / 1e3)} s)`;
  return new PlumblineError(
    rateLimited ? `${url.host} rate-limited the fetch of ${what}: HTTP 429 on each of ${ATTEMPTS} tries${after}` : `${url.host} failed to serve ${what}: HTTP ${status} on each of ${ATTEMPTS} tries`,
    rateLimited ? "Retry later, give credentials for the host in render.repositories (registries allow more to signed-in users), or keep the chart cache between runs so fewer requests are made." : `The repository at ${url.host} is failing; retry later, or check its status page.`
  );
}
function redirectRefused(what, from, to) {
  return new PlumblineError(
    `${from.host} redirected the fetch of ${what} to ${to.host}, which the configuration does not allow`,
    `Add ${to.host} to render.allowHosts in the configuration of the base branch if that host is expected to serve it.`
  );
}
function tooManyRedirects(what, url) {
  return new PlumblineError(
    `the fetch of ${what} from ${url.host} was redirected more than ${MAX_REDIRECTS} times`,
    "Check the repository address."
  );
}
function tooLarge(what, url, maxBytes) {
  return new PlumblineError(
    `${what} from ${url.host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`,
    "Check the repository address; a chart or index this large is not what plumbline expects."
  );
}

// src/charts/versions.ts
var import_semver = __toESM(require_semver2(), 1);
function versionWanted(version) {
  const trimmed2 = version.trim();
  if (import_semver.default.valid(trimmed2) !== null) return { exact: trimmed2 };
  return { range: trimmed2.replace(/\s*,\s*/g, " ") };
}
function isValidRange(range) {
  return import_semver.default.validRange(range) !== null;
}
function pickVersion(available, wanted) {
  if ("exact" in wanted) {
    const bare = wanted.exact.replace(/^v/, "");
    return available.find((version) => version === wanted.exact) ?? available.find((v) => v.replace(/^v/, "") === bare);
  }
  const candidates = available.filter((version) => import_semver.default.valid(version) !== null);
  const best = import_semver.default.maxSatisfying(candidates, wanted.range);
  return best ?? void 0;
}
function newestVersion(available) {
  const candidates = available.filter((version) => import_semver.default.valid(version) !== null);
  return candidates.sort(import_semver.default.rcompare)[0];
}

// src/charts/http-repository.ts
var INDEX_BYTES_LIMIT = 128 * 1024 * 1024;
var ARCHIVE_BYTES_LIMIT = 64 * 1024 * 1024;
async function readIndex(repository, access2, rule) {
  const base = new URL(repository.endsWith("/") ? repository : `${repository}/`);
  const url = new URL("index.yaml", base);
  const what = `the index of ${shownUrl(base)}`;
  const answer = await httpGet(url, {
    what,
    headers: authorizationOf(access2),
    ...access2.ca ? { ca: access2.ca } : {},
    maxBytes: INDEX_BYTES_LIMIT,
    mayFollow: (next) => rule.mayFetch(next)
  });
  requireSuccess(answer, what, access2, base);
  let index;
  const text = answer.body.toString("utf8");
  try {
    index = (0, import_yaml.parse)(text, { maxAliasCount: 100, prettyErrors: false }) ?? {};
  } catch (error) {
    const offset = error.pos?.[0];
    const line = offset === void 0 ? void 0 : text.slice(0, offset).split("\n").length;
    throw new PlumblineError(
      `${what} is not YAML${line === void 0 ? "" : ` (line ${line})`}`,
      "Check the repository URL: it names the folder that holds index.yaml (what `helm repo add` takes)."
    );
  }
  if (typeof index !== "object" || index === null || typeof index.entries !== "object" || index.entries === null) {
    throw new PlumblineError(
      `${what} has no "entries": it is not a Helm repository index`,
      "Check the repository URL: it names the folder that holds index.yaml (what `helm repo add` takes)."
    );
  }
  const entries = index.entries;
  return {
    entries(chart) {
      const listed = Object.hasOwn(entries, chart) ? entries[chart] : void 0;
      if (!Array.isArray(listed)) return [];
      return listed.flatMap((entry) => {
        const version = typeof entry?.version === "string" ? entry.version : void 0;
        const first = Array.isArray(entry?.urls) ? entry.urls[0] : void 0;
        if (version === void 0 || typeof first !== "string") return [];
        let archive;
        try {
          archive = new URL(first, base);
        } catch {
          return [];
        }
        const digest = typeof entry.digest === "string" ? entry.digest.replace(/^sha256:/, "") : void 0;
        return [{ version, url: archive, ...digest ? { digest } : {} }];
      });
    }
  };
}
function chooseEntry(index, source, wanted) {
  const entries = index.entries(source.name);
  if (entries.length === 0) {
    throw new PlumblineError(
      `the repository ${source.repository} has no chart named ${source.name}`,
      "Check the chart name (helm search repo lists what a repository has) and the repository URL."
    );
  }
  const versions = entries.map((entry) => entry.version);
  const version = pickVersion(versions, wanted);
  if (version === void 0) {
    const newest = newestVersion(versions);
    throw new PlumblineError(
      `no version of ${source.name} in ${source.repository} matches "${source.version}"` + (newest ? ` (the newest there is ${newest})` : ""),
      "Change the version to one the repository has, or check that the release was published."
    );
  }
  return entries.find((entry) => entry.version === version);
}
async function downloadArchive(entry, source, access2, rule, repositoryHost) {
  const what = `${source.name} ${entry.version}`;
  if (!rule.mayFetch(entry.url)) {
    throw new PlumblineError(
      `the index of ${source.repository} serves ${what} from ${entry.url.host}, which the configuration does not allow`,
      `Add ${entry.url.host} to render.allowHosts in the configuration of the base branch if that host is expected to serve it.`
    );
  }
  const sameHost = entry.url.host === repositoryHost;
  const answer = await httpGet(entry.url, {
    what,
    headers: sameHost ? authorizationOf(access2) : {},
    ...access2.ca ? { ca: access2.ca } : {},
    maxBytes: ARCHIVE_BYTES_LIMIT,
    mayFollow: (next) => rule.mayFetch(next)
  });
  requireSuccess(answer, `${what} (${shownUrl(entry.url)})`, access2, entry.url);
  if (entry.digest !== void 0 && sha256Digest(answer.body) !== `sha256:${entry.digest.toLowerCase()}`) {
    throw new PlumblineError(
      `${what} from ${shownUrl(entry.url)} does not match the digest its index gives (sha256:${entry.digest.slice(0, 12)}\u2026)`,
      "The archive changed after it was indexed, or something between the runner and the repository altered it; ask the repository owner to re-index, and do not trust the archive meanwhile."
    );
  }
  return answer.body;
}
function authorizationOf(access2) {
  return access2.credentials ? { authorization: basicAuthorization(access2.credentials) } : {};
}
function requireSuccess(answer, what, access2, where) {
  if (answer.status >= 200 && answer.status < 300) return;
  if (answer.status === 401 || answer.status === 403) {
    const refused = answer.status === 401 ? "asked for credentials" : "refused access";
    throw new PlumblineError(
      access2.credentials ? `${where.host} ${refused} for ${what} (HTTP ${answer.status}) with the credentials from ${access2.credentialsFrom}` : `${where.host} ${refused} for ${what} (HTTP ${answer.status}), and no credentials are configured for it`,
      access2.credentials ? `Check the values of ${access2.credentialsFrom}: the user may not exist, the password or token may be wrong or expired, or lack read access.` : `Name the variables holding a user and password for host ${where.host} in render.repositories (usernameEnv, passwordEnv), or a Docker config in render.dockerConfig.`
    );
  }
  if (answer.status === 404) {
    throw new PlumblineError(
      `${where.host} answered HTTP 404 (not found) for ${what}`,
      "Check the repository URL, the chart name and the version."
    );
  }
  throw new PlumblineError(
    `${where.host} answered HTTP ${answer.status} for ${what}`,
    "Check the repository URL; if it is right, the repository is failing."
  );
}

// src/charts/oci-registry.ts
var MANIFEST_TYPES = ["application/vnd.oci.image.manifest.v1+json"];
var CHART_LAYER_TYPES = ["application/vnd.cncf.helm.chart.content.v1.tar+gzip", "application/tar+gzip"];
var JSON_BYTES_LIMIT = 4 * 1024 * 1024;
var RegistryRepository = class {
  constructor(source, access2, rule) {
    this.access = access2;
    this.rule = rule;
    const url = new URL(source.repository.replace(/^oci:/, "https:"));
    this.host = url.host;
    this.path = [...url.pathname.split("/").filter(Boolean), source.name].join("/");
  }
  access;
  rule;
  host;
  path;
  #authorization;
  get label() {
    return `oci://${this.host}/${this.path}`;
  }
  /** The version the wanted one means: exact versions are taken as tags without asking. */
  async resolveVersion(wanted, source) {
    if ("exact" in wanted) return wanted.exact;
    const tags = (await this.#tags()).map((tag) => tag.replaceAll("_", "+"));
    const version = pickVersion(tags, wanted);
    if (version === void 0) {
      const newest = newestVersion(tags);
      throw new PlumblineError(
        `no tag of ${this.label} matches "${source.version}"` + (newest ? ` (the newest there is ${newest})` : ""),
        "Change the version to one the registry has, or check that the chart was pushed."
      );
    }
    return version;
  }
  async pull(version) {
    const tag = version.replaceAll("+", "_");
    const what = `the manifest of ${this.label}:${tag}`;
    const manifestAnswer = await this.#get(`/v2/${this.path}/manifests/${encodeURIComponent(tag)}`, what, {
      accept: MANIFEST_TYPES.join(", ")
    });
    if (manifestAnswer.status === 404) {
      throw new PlumblineError(
        `${this.host} has no version ${version} of ${this.label} (HTTP 404)`,
        "Check the version and the chart name; the tag is the chart version."
      );
    }
    requireSuccess(manifestAnswer, what, this.access, manifestAnswer.url);
    const manifestDigest = sha256Digest(manifestAnswer.body);
    const announced = manifestAnswer.headers["docker-content-digest"];
    if (typeof announced === "string" && announced !== manifestDigest) {
      throw new PlumblineError(
        `${what} does not match the digest the registry announced`,
        "Something between the runner and the registry altered the answer; do not trust it."
      );
    }
    const layer = chartLayer(manifestAnswer.body, what);
    const blobWhat = `the chart layer of ${this.label}:${tag}`;
    const blob = await this.#get(`/v2/${this.path}/blobs/${layer}`, blobWhat, {}, true);
    requireSuccess(blob, blobWhat, this.access, blob.url);
    if (sha256Digest(blob.body) !== layer) {
      throw new PlumblineError(
        `${blobWhat} does not match its digest ${layer.slice(0, 19)}\u2026`,
        "The registry served other content than its manifest names; do not trust it, and tell the registry owner."
      );
    }
    return { version, archive: blob.body, manifestDigest };
  }
  async #tags() {
    const tags = [];
    let next = `/v2/${this.path}/tags/list?n=1000`;
    for (let page = 0; next !== void 0 && page < 100; page++) {
      const what = `the tags of ${this.label}`;
      const answer = await this.#get(next, what, {});
      if (answer.status === 404) {
        throw new PlumblineError(
          `${this.host} has no repository ${this.path} (HTTP 404)`,
          "Check the registry path and the chart name."
        );
      }
      requireSuccess(answer, what, this.access, answer.url);
      const body = parseJson(answer.body, what);
      if (Array.isArray(body.tags))
        tags.push(...body.tags.filter((tag) => typeof tag === "string"));
      next = nextPage(answer.headers.link);
    }
    return tags;
  }
  /** A GET on the registry, answering its auth challenge once. */
  async #get(path, what, headers, blob = false) {
    const url = new URL(path, `https://${this.host}`);
    const request = (authorization) => httpGet(url, {
      what,
      headers: { ...headers, ...authorization ? { authorization } : {} },
      ...this.access.ca ? { ca: this.access.ca } : {},
      maxBytes: blob ? ARCHIVE_BYTES_LIMIT : JSON_BYTES_LIMIT,
      // Blobs are addressed by digest and checked against it: registries hand them out from
      // storage hosts of their own (a CDN, object storage), which only the registry knows.
      mayFollow: (next) => blob ? next.protocol === "https:" : this.rule.mayFetch(next)
    });
    let answer = await request(this.#authorization);
    if (answer.status !== 401) return answer;
    const challenge = answer.headers["www-authenticate"];
    this.#authorization = await this.#authorize(typeof challenge === "string" ? challenge : "", what);
    answer = await request(this.#authorization);
    return answer;
  }
  async #authorize(challenge, what) {
    const scheme = challenge.split(" ")[0]?.toLowerCase();
    const credentials = this.access.credentials;
    if (scheme === "basic") {
      if (!credentials) throw missingCredentials(this.host, what);
      return basicAuthorization(credentials);
    }
    if (scheme !== "bearer") {
      throw new PlumblineError(
        `${this.host} asked for an authentication plumbline does not speak for ${what}`,
        "plumbline answers Basic and Bearer (token) challenges, as helm does."
      );
    }
    const parameters = challengeParameters(challenge);
    const realm = parameters.get("realm");
    if (!realm || !/^https:\/\//.test(realm)) {
      throw new PlumblineError(
        `${this.host} named no HTTPS token service for ${what}`,
        "Check the registry address."
      );
    }
    const tokenUrl = new URL(realm);
    const service = parameters.get("service");
    if (service) tokenUrl.searchParams.set("service", service);
    tokenUrl.searchParams.set("scope", `repository:${this.path}:pull`);
    const tokenWhat = `a token for ${this.label}`;
    const answer = await httpGet(tokenUrl, {
      what: tokenWhat,
      headers: credentials ? { authorization: basicAuthorization(credentials) } : {},
      ...this.access.ca ? { ca: this.access.ca } : {},
      maxBytes: JSON_BYTES_LIMIT,
      mayFollow: () => false
    });
    requireSuccess(answer, tokenWhat, this.access, tokenUrl);
    const body = parseJson(answer.body, tokenWhat);
    const token = typeof body.token === "string" ? body.token : body.access_token;
    if (typeof token !== "string" || token === "") {
      throw new PlumblineError(
        `the token service of ${this.host} gave no token`,
        "Check the registry address."
      );
    }
    return `Bearer ${token}`;
  }
};
function chartLayer(body, what) {
  const manifest = parseJson(body, what);
  const layer = manifest.layers?.find((candidate) => CHART_LAYER_TYPES.includes(String(candidate.mediaType)));
  const digest = layer?.digest;
  if (typeof digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new PlumblineError(
      `${what} holds no Helm chart layer`,
      "The artifact at that tag is not a Helm chart (helm push makes one); check the registry path and the chart name."
    );
  }
  return digest;
}
function parseJson(body, what) {
  try {
    const value = JSON.parse(body.toString("utf8"));
    if (value !== null && typeof value === "object") return value;
  } catch {
  }
  throw new PlumblineError(`${what} is not the JSON a registry answers`, "Check the registry address.");
}
function challengeParameters(challenge) {
  const parameters = /* @__PURE__ */ new Map();
  for (const match of challenge.matchAll(/([a-zA-Z]+)="([^"]*)"/g))
    parameters.set(match[1].toLowerCase(), match[2]);
  return parameters;
}
function nextPage(link) {
  const value = Array.isArray(link) ? link.join(", ") : link;
  const match = value ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(value) : null;
  if (!match) return void 0;
  const next = new URL(match[1], "https://registry.invalid");
  return `${next.pathname}${next.search}`;
}
function missingCredentials(host, what) {
  return new PlumblineError(
    `${host} asked for credentials for ${what}, and none are configured for it`,
    `Name the variables holding a user and password for host ${host} in render.repositories (usernameEnv, passwordEnv), or a Docker config in render.dockerConfig.`
  );
}

// src/charts/fetch.ts
function runChartFetcher(settings, cacheFolder) {
  return new ChartFetcher({
    cacheFolder: cacheFolder ?? chartCacheFolder(process.env),
    settings,
    env: process.env
  });
}
var ChartFetcher = class {
  constructor(options) {
    this.options = options;
    this.#cache = new ChartCache(options.cacheFolder);
  }
  options;
  #cache;
  #indexes = /* @__PURE__ */ new Map();
  #charts = /* @__PURE__ */ new Map();
  #access = /* @__PURE__ */ new Map();
  fetch(source, origin) {
    const key = JSON.stringify([source.repository, source.name, source.version, origin]);
    let chart = this.#charts.get(key);
    if (!chart) {
      chart = this.#fetch(source, origin);
      this.#charts.set(key, chart);
    }
    return chart;
  }
  async #fetch(source, origin) {
    const wanted = versionWanted(source.version);
    if ("range" in wanted && !isValidRange(wanted.range)) {
      throw new PlumblineError(
        `"${source.version}" is neither a version nor a version range (chart ${source.name} from ${source.repository})`,
        'Write an exact version (1.2.3) or a range such as 1.x, ^1.2.0 or ">=1.2.0 <2.0.0".'
      );
    }
    const repository = new URL(source.repository.replace(/^oci:/, "https:"));
    const rule = this.#hostRule(source, origin);
    if (!rule.mayFetch(repository)) {
      throw new PlumblineError(
        `the chart ${source.name} comes from ${repository.host}, which the configuration does not allow`,
        `Add ${repository.host} to render.allowHosts in the configuration of the base branch, if charts may come from there.`
      );
    }
    const access2 = await this.#accessFor(repository.host);
    const isOci = source.repository.startsWith("oci://");
    if (isOci) {
      const registry = new RegistryRepository(source, access2, rule);
      const version = await registry.resolveVersion(wanted, source);
      const key2 = { repository: source.repository, name: source.name, version };
      const cached2 = await this.#cache.lookup(key2);
      if (cached2) return { ...source, ...cached2 };
      const pulled = await registry.pull(version);
      const stored2 = await this.#cache.store(key2, pulled.archive, {
        version,
        manifestDigest: pulled.manifestDigest
      });
      return { ...source, ...stored2 };
    }
    if ("exact" in wanted) {
      const cached2 = await this.#cache.lookup({ ...source, version: wanted.exact });
      if (cached2) return { ...source, ...cached2 };
    }
    const index = await this.#index(source.repository, origin, access2, rule);
    const entry = chooseEntry(index, source, wanted);
    const key = { repository: source.repository, name: source.name, version: entry.version };
    const cached = await this.#cache.lookup(key);
    if (cached) return { ...source, ...cached };
    const archive = await downloadArchive(entry, source, access2, rule, repository.host);
    const stored = await this.#cache.store(key, archive, { version: entry.version });
    if ("exact" in wanted && wanted.exact !== entry.version) {
      await this.#cache.store({ ...source, version: wanted.exact }, archive, { version: entry.version });
    }
    return { ...source, ...stored };
  }
  #hostRule(source, origin) {
    const declared = new URL(source.repository.replace(/^oci:/, "https:")).host;
    const allowHosts = this.options.settings.allowHosts;
    return {
      mayFetch: (url) => origin === "configuration" && url.host === declared || isAllowedHost(url.host, allowHosts) || (this.options.settings.sourceHosts ?? []).includes(url.host)
    };
  }
  #index(repository, origin, access2, rule) {
    const key = `${origin} ${repository}`;
    let index = this.#indexes.get(key);
    if (!index) {
      index = readIndex(repository, access2, rule);
      this.#indexes.set(key, index);
    }
    return index;
  }
  #accessFor(host) {
    let access2 = this.#access.get(host);
    if (!access2) {
      access2 = accessFor(host, this.options.settings, this.options.env);
      this.#access.set(host, access2);
    }
    return access2;
  }
};

// src/diff/pointer.ts
function escapeSegment(segment) {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
function unescapeSegment(segment) {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}
function joinPointer(segments) {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join("");
}
function parsePointer(pointer) {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`'${pointer}' is not a JSON pointer: it must start with '/'`);
  return pointer.slice(1).split("/").map(unescapeSegment);
}
function namedItemSegment(name) {
  return `[${name}]`;
}
function listItemNames(list) {
  const names = [];
  for (const item of list) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return void 0;
    const name = item.name;
    if (typeof name !== "string") return void 0;
    names.push(name);
  }
  return new Set(names).size === names.length && names.length > 0 ? names : void 0;
}
function removeAtPointer(root, pointer) {
  const segments = parsePointer(pointer);
  const last = segments.pop();
  if (last === void 0) return;
  let node = root;
  for (const segment of segments) {
    node = childOf(node, segment);
    if (node === void 0) return;
  }
  if (Array.isArray(node)) {
    const index = listIndex(last, node.length);
    if (index !== void 0) node.splice(index, 1);
  } else if (node !== null && typeof node === "object" && Object.hasOwn(node, last)) {
    delete node[last];
  }
}
function childOf(node, key) {
  if (Array.isArray(node)) {
    const index = listIndex(key, node.length);
    return index === void 0 ? void 0 : node[index];
  }
  if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return void 0;
  return node[key];
}
function listIndex(key, length) {
  if (!/^(0|[1-9][0-9]*)$/.test(key)) return void 0;
  const index = Number(key);
  return index < length ? index : void 0;
}

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
  for (const field2 of SERVER_METADATA) delete metadata[field2];
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
    const hit = fields.find((field2) => field2 === rule.prefix || field2.startsWith(`${rule.prefix}/`));
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
var import_yaml2 = __toESM(require_dist(), 1);
var CONTEXT_LINES = 4;
var LEADING_KEYS = ["apiVersion", "kind", "metadata"];
function toYaml(object) {
  if (object === void 0) return "";
  return (0, import_yaml2.stringify)(canonicalTopLevel(object), { lineWidth: 0, aliasDuplicateObjects: false });
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
import { join as join2 } from "node:path";

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
      const [mode = "", type2 = ""] = line.slice(0, tab).split(" ");
      const path = line.slice(tab + 1);
      this.#entries.set(path, { mode, type: type2 });
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
    return await use(join2(worktree.dir, prefix.ok ? prefix.stdout : ""), worktree.dir);
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
      dir: join2(worktree.dir, prefix.ok ? prefix.stdout : ""),
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

// src/render/render.ts
import { stat as stat2 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join as join15 } from "node:path";

// src/config/environment-namespace.ts
function environmentNamespace(env) {
  return env.helm?.namespace ?? env.namespace;
}

// src/render/argocd.ts
var import_yaml6 = __toESM(require_dist(), 1);
import { readFile as readFile7 } from "node:fs/promises";
import { join as join10, posix as posix8 } from "node:path";

// src/argocd/kustomize-edits.ts
function hasKustomizeEdits(options) {
  return EDITED_FIELDS.some((field2) => options[field2] !== void 0 && options[field2] !== null);
}
var EDITED_FIELDS = [
  "namePrefix",
  "nameSuffix",
  "images",
  "replicas",
  "commonLabels",
  "commonAnnotations",
  "namespace",
  "patches",
  "components"
];
function argoKustomization(edits) {
  const { options, where, field: field2 } = edits;
  const file = structuredClone(edits.written);
  const fail = (name, expected) => new PlumblineError(
    `${where}: ${field2}.${name} must be ${expected}`,
    "Fix the Application: Argo CD could not build it either."
  );
  const text = (name) => {
    const value = options[name];
    if (value === void 0 || value === null) return void 0;
    if (typeof value !== "string") throw fail(name, "a string");
    return value;
  };
  const namePrefix = text("namePrefix");
  if (namePrefix !== void 0) file.namePrefix = namePrefix;
  const nameSuffix = text("nameSuffix");
  if (nameSuffix !== void 0) file.nameSuffix = nameSuffix;
  for (const [index, image] of listOf(options.images).entries()) {
    if (typeof image !== "string") throw fail(`images[${index}]`, "a string");
    file.images = replacedByName(listOf(file.images), imageEntry(image));
  }
  for (const [index, replica] of listOf(options.replicas).entries()) {
    const { name, count } = recordOf(replica);
    const number = typeof count === "string" && /^\d+$/.test(count) ? Number(count) : count;
    if (typeof name !== "string" || typeof number !== "number" || !Number.isInteger(number)) {
      throw fail(`replicas[${index}]`, "a name and a whole count");
    }
    file.replicas = replacedByName(listOf(file.replicas), { name, count: number });
  }
  const labels = stringMap(options.commonLabels, () => fail("commonLabels", "a map of strings"));
  if (labels) {
    if (options.labelWithoutSelector === true) {
      file.labels = [...listOf(file.labels), { pairs: labels, includeSelectors: false }];
    } else {
      file.commonLabels = merged(recordOf(file.commonLabels), labels, options.forceCommonLabels === true);
    }
  }
  const annotations = stringMap(
    options.commonAnnotations,
    () => fail("commonAnnotations", "a map of strings")
  );
  if (annotations) {
    file.commonAnnotations = merged(
      recordOf(file.commonAnnotations),
      annotations,
      options.forceCommonAnnotations === true
    );
  }
  const namespace = text("namespace");
  if (namespace !== void 0) file.namespace = namespace;
  const patches = listOf(options.patches);
  if (patches.length > 0) file.patches = [...listOf(file.patches), ...structuredClone(patches)];
  const components = listOf(options.components).filter((component, index) => {
    if (typeof component !== "string") throw fail(`components[${index}]`, "a path");
    return options.ignoreMissingComponents !== true || edits.componentExists(component);
  });
  if (components.length > 0) file.components = [...listOf(file.components), ...components];
  return file;
}
function imageEntry(image) {
  const [name = "", target] = image.includes("=") ? splitOnce(image, "=") : [void 0, image];
  const reference = target ?? image;
  const at = reference.indexOf("@");
  const digest = at >= 0 ? reference.slice(at + 1) : void 0;
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
  const colon = withoutDigest.lastIndexOf(":");
  const tag = colon > withoutDigest.lastIndexOf("/") ? withoutDigest.slice(colon + 1) : void 0;
  const repository = tag === void 0 ? withoutDigest : withoutDigest.slice(0, colon);
  const entry = { name: name || repository };
  if (name && repository !== name) entry.newName = repository;
  if (tag !== void 0) entry.newTag = tag;
  if (digest !== void 0) entry.digest = digest;
  return entry;
}
function splitOnce(text, separator) {
  const index = text.indexOf(separator);
  return [text.slice(0, index), text.slice(index + 1)];
}
function replacedByName(list, entry) {
  const index = list.findIndex((item) => recordOf(item).name === entry.name);
  if (index < 0) return [...list, entry];
  return list.map((item, at) => at === index ? entry : item);
}
function stringMap(value, fail) {
  if (value === void 0 || value === null) return void 0;
  const record = recordOf(value);
  if (typeof value !== "object" || Array.isArray(value)) throw fail();
  const strings = {};
  for (const [key, item] of Object.entries(record)) {
    if (typeof item !== "string") throw fail();
    strings[key] = item;
  }
  return Object.keys(strings).length > 0 ? strings : void 0;
}
function merged(existing, added, force) {
  const result = { ...existing };
  for (const [key, value] of Object.entries(added)) {
    if (force || !(key in result)) result[key] = value;
  }
  return result;
}

// src/argocd/managed-fields.ts
function ownedFields(live, managers) {
  const entries = Array.isArray(live.metadata.managedFields) ? live.metadata.managedFields : [];
  return entries.flatMap((entry) => {
    const record = recordOf(entry);
    if (typeof record.manager !== "string" || !managers.includes(record.manager)) return [];
    if (record.subresource === "status") return [];
    return [recordOf(record.fieldsV1)];
  });
}
function removeOwnedFields(object, fields) {
  const dropped = /* @__PURE__ */ new Set();
  for (const [key, child] of Object.entries(fields)) {
    if (key === ".") continue;
    const below = recordOf(child);
    const kind = key.slice(0, 2);
    const name = key.slice(2);
    if (kind === "f:") removeField(object, name, below);
    else if (Array.isArray(object)) removeItems(object, kind, name, below, dropped);
  }
  if (Array.isArray(object) && dropped.size > 0) {
    const kept = object.filter((_, index) => !dropped.has(index));
    object.splice(0, object.length, ...kept);
  }
}
function removeField(object, name, below) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) return;
  const record = object;
  if (!Object.hasOwn(record, name)) return;
  if (isLeaf(below)) delete record[name];
  else removeOwnedFields(record[name], below);
}
function removeItems(list, kind, name, below, dropped) {
  const value = parseJson2(name);
  if (kind === "i:") {
    const index = Number(name);
    if (!Number.isInteger(index) || index < 0 || index >= list.length) return;
    if (isLeaf(below)) dropped.add(index);
    else removeOwnedFields(list[index], below);
  } else if (kind === "v:" && value.ok) {
    const wanted = JSON.stringify(value.value);
    for (const [index, item] of list.entries()) if (JSON.stringify(item) === wanted) dropped.add(index);
  } else if (kind === "k:" && value.ok && isPlainRecord(value.value)) {
    const keys = value.value;
    const withoutKeys = Object.fromEntries(
      Object.entries(below).filter(
        ([field2]) => !(field2.startsWith("f:") && Object.hasOwn(keys, field2.slice(2)))
      )
    );
    for (const item of list) if (hasKeys(item, keys)) removeOwnedFields(item, withoutKeys);
  }
}
function isLeaf(below) {
  return Object.keys(below).every((key) => key === ".");
}
function hasKeys(item, keys) {
  if (!isPlainRecord(item)) return false;
  return Object.entries(keys).every(
    ([field2, value]) => Object.hasOwn(item, field2) && JSON.stringify(item[field2]) === JSON.stringify(value)
  );
}
function isPlainRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function parseJson2(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

// src/argocd/live-rules.ts
var TRACKING_ANNOTATION = "argocd.argoproj.io/tracking-id";
var SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
var COMPARE_OPTIONS = "argocd.argoproj.io/compare-options";
var ARGO_HOOK = "argocd.argoproj.io/hook";
var HELM_HOOK = "helm.sh/hook";
var CRD = { group: "apiextensions.k8s.io", kind: "CustomResourceDefinition" };
var LABEL_MAX_LENGTH = 63;
var MAX_JQ_STEPS = 2e7;
function applicationFacts(application) {
  const metadataName = application.name.slice(application.cluster.length + 1);
  const facts = {
    name: metadataName,
    where: `${application.file}:${application.line}`
  };
  if (application.namespace) facts.namespace = application.namespace;
  if (application.destination.namespace) facts.destinationNamespace = application.destination.namespace;
  const ignore = recordOf(application.object.spec).ignoreDifferences;
  if (ignore !== void 0 && ignore !== null) facts.ignoreDifferences = ignore;
  return facts;
}
function undefinedApplication(environment) {
  return { name: environment.slice(environment.indexOf("/") + 1) };
}
function instanceName(application, settings) {
  const namespace = application.namespace ?? settings.namespace;
  return namespace === settings.namespace ? application.name : `${namespace}_${application.name}`;
}
function argoOwnership(application, settings) {
  const instance = instanceName(application, settings);
  if (settings.trackingMethod === "label") {
    return isLabelValue(instance) ? { labelSelector: `${settings.instanceLabelKey}=${instance}` } : {};
  }
  return { tracks: (object) => trackingIdOf(object)?.application === instance };
}
function trackingId(object, instance, destinationNamespace) {
  const { group, kind, namespace, name } = resourceId(object);
  return `${instance}:${group}/${kind}:${namespace ?? destinationNamespace ?? ""}/${name}`;
}
function trackingIdOf(object) {
  const value = object.metadata.annotations?.[TRACKING_ANNOTATION];
  if (typeof value !== "string") return void 0;
  const first = value.indexOf(":");
  const second = first < 0 ? -1 : value.indexOf(":", first + 1);
  if (second < 0) return void 0;
  const groupKind = value.slice(first + 1, second).split("/");
  const namespaceName = value.slice(second + 1).split("/");
  if (groupKind.length !== 2 || namespaceName.length !== 2) return void 0;
  return {
    application: value.slice(0, first),
    group: groupKind[0],
    kind: groupKind[1],
    namespace: namespaceName[0],
    name: namespaceName[1]
  };
}
function tracksObject(object, instance, settings) {
  if (settings.trackingMethod === "label")
    return object.metadata.labels?.[settings.instanceLabelKey] === instance;
  const id = trackingIdOf(object);
  const own = resourceId(object);
  return id !== void 0 && id.application === instance && id.group === own.group && id.kind === own.kind && id.name === own.name && (own.namespace === void 0 || id.namespace === own.namespace);
}
function argoComparison(input) {
  const { application, settings, live } = input;
  const where = application.where ?? `Application ${application.namespace}/${application.name}`;
  const own = input.driftRules === false ? [] : compileRules(ignoreDifferencesOf(application.ignoreDifferences, `${where}: spec.ignoreDifferences`), {
    anyWhenAbsent: false
  });
  const system = compileRules(
    settings.ignoreDifferences.map((rule, index) => ({
      rule,
      field: `plumbline.yaml: argocd.ignoreDifferences[${index}]`
    })),
    { anyWhenAbsent: true }
  );
  const rules = [...system, ...own];
  const jq = jqBudget(MAX_JQ_STEPS);
  const instance = instanceName(application, settings);
  const destination = application.destinationNamespace;
  const desired = input.desired.filter((resource) => input.driftRules === false || !isHook(resource.object)).map((resource) => ({ ...resource, object: tracked(resource.object, instance, destination, settings) }));
  const desiredKeys = new Set(desired.map((resource) => resource.key));
  const owned = input.owned.filter((resource) => {
    if (desiredKeys.has(resource.key)) return true;
    const labels = resource.object.metadata.labels ?? {};
    if (input.ownershipLabel && labels[input.ownershipLabel.key] === input.ownershipLabel.value) return true;
    return tracksObject(resource.object, instance, settings) && prunes(resource.object);
  });
  const byKey = new Map(desired.map((resource) => [resource.key, resource]));
  return {
    desired,
    owned,
    normalize: (key, object) => {
      const resource = byKey.get(key);
      const matching = resource ? rules.filter((rule) => rule.matches(resource.object)) : [];
      const backfill = resource && missesTrackingId(object, settings) ? resource.object : void 0;
      if (matching.length === 0 && !backfill) return object;
      const copy = JSON.parse(JSON.stringify(object));
      if (backfill) {
        copy.metadata.annotations = {
          ...copy.metadata.annotations,
          [TRACKING_ANNOTATION]: backfill.metadata.annotations?.[TRACKING_ANNOTATION] ?? ""
        };
      }
      const liveObject = live.get(key);
      for (const rule of matching) rule.apply(copy, liveObject, jq);
      if (jq.steps < 0) {
        throw new PlumblineError(
          `${where}: the jq paths of ignoreDifferences take more than ${MAX_JQ_STEPS} steps over this Application's objects`,
          'Write jqPathExpressions that select fields directly (.spec.replicas, .containers[] | select(.name == "x")), or jsonPointers.'
        );
      }
      return copy;
    }
  };
}
function tracked(object, instance, destinationNamespace, settings) {
  if (isCrd(object)) return object;
  const metadata = { ...object.metadata };
  if (settings.trackingMethod !== "label") {
    const id = trackingId(object, instance, destinationNamespace);
    metadata.annotations = { ...metadata.annotations, [TRACKING_ANNOTATION]: id };
  }
  if (settings.trackingMethod !== "annotation") {
    const label = settings.trackingMethod === "label" ? instance : truncatedLabel(instance);
    metadata.labels = { ...metadata.labels, [settings.instanceLabelKey]: label };
  }
  return { ...object, metadata };
}
function missesTrackingId(object, settings) {
  return settings.trackingMethod !== "label" && !isCrd(object) && !object.metadata.annotations?.[TRACKING_ANNOTATION] && Boolean(object.metadata.labels?.[settings.instanceLabelKey]);
}
function truncatedLabel(value) {
  if (value.length <= LABEL_MAX_LENGTH) return value;
  return value.slice(0, LABEL_MAX_LENGTH).replace(/[^A-Za-z0-9]+$/, "");
}
function isCrd(object) {
  const { group, kind } = resourceId(object);
  return group === CRD.group && kind === CRD.kind;
}
function prunes(object) {
  if (isHook(object)) return false;
  if (Array.isArray(object.metadata.ownerReferences) && object.metadata.ownerReferences.length > 0)
    return false;
  const annotations = object.metadata.annotations ?? {};
  return !hasOption(annotations[SYNC_OPTIONS], "Prune=false") && !hasOption(annotations[COMPARE_OPTIONS], "IgnoreExtraneous");
}
function hasOption(value, option) {
  return (value ?? "").split(",").some((item) => item.trim() === option);
}
function isHook(object) {
  const annotations = object.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, ARGO_HOOK)) {
    return !String(annotations[ARGO_HOOK]).split(",").some((type2) => type2.trim() === "Skip");
  }
  const helm = annotations[HELM_HOOK];
  return typeof helm === "string" && !helm.split(",").every((type2) => type2.trim() === "crd-install");
}
var RULE_HINT = "Write each rule as { group: apps, kind: Deployment, jsonPointers: [/spec/replicas] }, as Argo CD reads ignoreDifferences (docs/argocd.md lists the jq subset).";
function ignoreDifferencesOf(value, field2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new PlumblineError(`${field2} is not a list`, RULE_HINT);
  return value.map((item, index) => {
    const at = `${field2}[${index}]`;
    const written = recordOf(item);
    const rule = {};
    for (const key of ["group", "kind", "name", "namespace"]) {
      const text = written[key];
      if (text === void 0 || text === null) continue;
      if (typeof text !== "string") throw new PlumblineError(`${at}.${key} is not a string`, RULE_HINT);
      rule[key] = text;
    }
    for (const key of ["jsonPointers", "jqPathExpressions", "managedFieldsManagers"]) {
      const list = written[key];
      if (list === void 0 || list === null) continue;
      if (!Array.isArray(list) || list.some((entry) => typeof entry !== "string")) {
        throw new PlumblineError(`${at}.${key} is not a list of strings`, RULE_HINT);
      }
      rule[key] = listOf(list);
    }
    return { rule, field: at };
  });
}
function compileRules(rules, options) {
  const budget = matchBudget();
  return rules.map(({ rule, field: field2 }) => {
    const absent = options.anyWhenAbsent ? "*" : "";
    const group = globOf(rule.group ?? absent, `${field2}.group`, budget);
    const kind = globOf(rule.kind ?? absent, `${field2}.kind`, budget);
    const pointers = (rule.jsonPointers ?? []).map((pointer) => {
      try {
        parsePointer(pointer);
      } catch {
        throw new PlumblineError(`${field2}.jsonPointers has a path that is not a JSON pointer`, RULE_HINT);
      }
      return pointer;
    });
    const jq = (rule.jqPathExpressions ?? []).map((expression, index) => {
      try {
        return compileJqPath(expression);
      } catch (error) {
        if (!(error instanceof JqPathError)) throw error;
        throw new PlumblineError(`${field2}.jqPathExpressions[${index}]: ${error.message}`, RULE_HINT);
      }
    });
    const managers = rule.managedFieldsManagers ?? [];
    return {
      matches: (object) => {
        const id = resourceId(object);
        try {
          return group(id.group) && kind(id.kind) && (!rule.name || rule.name === id.name) && (!rule.namespace || rule.namespace === (id.namespace ?? ""));
        } catch (error) {
          if (!(error instanceof PatternError)) throw error;
          throw new PlumblineError(`${field2}: ${error.message}`, RULE_HINT);
        }
      },
      apply: (object, liveObject, budget2) => {
        for (const pointer of pointers) removeAtPointer(object, pointer);
        for (const path of jq) path.remove(object, budget2);
        if (liveObject && managers.length > 0) {
          for (const fields of ownedFields(liveObject, managers)) removeOwnedFields(object, fields);
        }
      }
    };
  });
}
function globOf(pattern, field2, budget) {
  if (pattern === "*") return () => true;
  let compiled;
  try {
    compiled = compileGlob(pattern, GOBWAS_GLOBS, budget);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new PlumblineError(`${field2}: ${error.message}`, RULE_HINT);
  }
  const matcher = compiled;
  return matcher ? (value) => matcher.matches(value) : () => false;
}

// src/argocd/source-type.ts
var TYPES = ["kustomize", "helm", "directory"];
function namedSourceTypes(source) {
  return TYPES.filter((type2) => source[type2] !== void 0);
}
function folderSourceType(holds) {
  return holds.kustomization ? "kustomize" : holds.chart ? "helm" : "directory";
}

// src/argocd/value-files.ts
import { posix } from "node:path";
function valueFileLocation(application, file, chartPath) {
  const ref = /^\$([^/]+)\/(.*)$/.exec(file);
  if (ref) {
    const [, name = "", rest = ""] = ref;
    const source = application.sources.find((candidate) => candidate.ref === name);
    if (!source?.local) return { kind: "other-repository" };
    return inRepository(rest);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return { kind: "url" };
  if (chartPath === void 0) return { kind: "chart", file };
  return inRepository(file.startsWith("/") ? file : posix.join(chartPath, file));
}
function inRepository(path) {
  const normal = normaliseArgoPath(path);
  return normal === void 0 || normal === "" ? { kind: "outside" } : { kind: "repository", path: normal };
}

// src/charts/archive-files.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { createReadStream } from "node:fs";
import { posix as posix2 } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
var UNPACKED_BYTES_LIMIT = 64 * 1024 * 1024;
function pathInChart(path) {
  if (path === "" || posix2.isAbsolute(path) || path.includes("\0")) return void 0;
  const normal = posix2.normalize(path);
  if (normal === "." || normal === ".." || normal.startsWith("../")) return void 0;
  return normal.replace(/\/+$/, "");
}
async function readChartArchiveFiles(file, paths, shown) {
  for (const path of paths) {
    if (pathInChart(path) !== path) throw new PlumblineError(`${path} is no path inside the chart ${shown}`);
  }
  const wanted = new Set(paths);
  const contents = /* @__PURE__ */ new Map();
  const links = [];
  let budget = UNPACKED_BYTES_LIMIT;
  const extract = import_tar_stream.default.extract();
  extract.on("entry", (header, stream, next) => {
    const name = nameInChart(header.name);
    const regular = header.type === "file" || header.type === "contiguous-file";
    if (name !== void 0 && (header.type === "symlink" || header.type === "link"))
      links.push({ name, kind: header.type === "symlink" ? "symbolic" : "hard" });
    const keep = name !== void 0 && regular && wanted.has(name);
    if (name !== void 0 && wanted.has(name)) contents.delete(name);
    const chunks = [];
    stream.on("data", (data) => {
      const chunk = data;
      budget -= chunk.length;
      if (budget < 0) stream.destroy(tooLarge2(shown));
      else if (keep) chunks.push(chunk);
    });
    stream.on("end", () => {
      if (keep && name !== void 0) contents.set(name, Buffer.concat(chunks));
      next();
    });
    stream.on("error", next);
  });
  try {
    await pipeline(createReadStream(file), createGunzip(), extract);
  } catch (error) {
    if (error instanceof PlumblineError) throw error;
    throw new PlumblineError(
      `the chart ${shown} cannot be read as a chart archive (a gzipped tar)`,
      "Check the chart in its repository: helm package writes archives plumbline reads."
    );
  }
  const answers = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const link = links.find(({ name }) => path === name || path.startsWith(`${name}/`));
    const content = contents.get(path);
    answers.set(
      path,
      link !== void 0 ? { found: "link", link: link.name, kind: link.kind } : content !== void 0 ? { found: "file", content } : { found: "nothing" }
    );
  }
  return answers;
}
function nameInChart(entry) {
  const delimiter2 = entry.includes("\\") ? "\\" : "/";
  const rest = entry.split(delimiter2).slice(1).join("/");
  return pathInChart(rest);
}
function tooLarge2(shown) {
  return new PlumblineError(
    `the chart ${shown} unpacks to more than ${UNPACKED_BYTES_LIMIT} bytes`,
    "Use a smaller chart: plumbline unpacks at most that much of one to read its files."
  );
}

// src/render/argocd-directory.ts
import { readdir as readdir3, readFile as readFile5 } from "node:fs/promises";
import { join as join7, posix as posix5 } from "node:path";

// src/render/containment.ts
import { realpathSync } from "node:fs";
import { readdir, realpath } from "node:fs/promises";
import { isAbsolute, join as join3, posix as posix3, relative, sep } from "node:path";
async function boundaryOf(root, top = root, options = {}) {
  const boundary = { root, realTop: await realpath(top) };
  if (options.memo) boundary.memo = options.memo;
  return boundary;
}
function remembered(boundary, key, compute) {
  if (!boundary.memo) return compute();
  let answer = boundary.memo.get(key);
  if (!answer) {
    answer = compute();
    boundary.memo.set(key, answer);
  }
  return answer;
}
var LEAVES_HINT = "plumbline renders only what the repository holds: replace the link with the file or folder it points to, or with a link inside the repository.";
async function realPathInside(boundary, path) {
  const absolute = isAbsolute(path) ? path : join3(boundary.root, path);
  const real = await remembered(boundary, `realpath ${absolute}`, async () => realPathOrNothing(absolute));
  if (real === void 0) return void 0;
  if (!isInside(boundary.realTop, real)) {
    const shown = displayPath(boundary, absolute);
    throw new PlumblineError(
      isAbsolute(shown) ? `${shown} is outside the repository` : `${shown} leads outside the repository (through a symbolic link or "..")`,
      LEAVES_HINT
    );
  }
  return real;
}
function realPathOrNothing(path) {
  try {
    return realpathSync.native(path);
  } catch {
    return void 0;
  }
}
function displayPath(boundary, path) {
  const absolute = isAbsolute(path) ? path : join3(boundary.root, path);
  const rel = relative(boundary.root, absolute);
  return rel.startsWith("..") || isAbsolute(rel) ? absolute : toPosix(rel) || ".";
}
async function walkInside(boundary, folder) {
  const start = await realPathInside(boundary, folder);
  if (start === void 0) return [];
  const files = [];
  const visited = /* @__PURE__ */ new Set();
  const pending = [
    { real: start, shown: displayPath(boundary, folder) }
  ];
  while (pending.length > 0) {
    const { real, shown } = pending.pop();
    if (visited.has(real)) continue;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(real, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = posix3.join(shown, entry.name);
      if (entry.isDirectory()) {
        pending.push({ real: join3(real, entry.name), shown: path });
      } else if (entry.isSymbolicLink()) {
        const target = await realPathInside(boundary, join3(real, entry.name)).catch(() => {
          throw new PlumblineError(
            `${path} is a symbolic link that leads outside the repository`,
            LEAVES_HINT
          );
        });
        if (target === void 0) continue;
        if (await isFolder(target)) pending.push({ real: target, shown: path });
        else files.push({ real: target, shown: path });
      } else {
        files.push({ real: join3(real, entry.name), shown: path });
      }
    }
  }
  return files;
}
function isInside(top, path) {
  if (path === top) return true;
  const prefix = top.endsWith(sep) ? top : `${top}${sep}`;
  if (!path.startsWith(prefix)) return false;
  const rest = path.slice(prefix.length);
  return rest !== ".git" && !rest.startsWith(`.git${sep}`);
}
async function isFolder(path) {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}
function toPosix(path) {
  return path.split(sep).join("/");
}

// src/render/flux-build.ts
var import_yaml4 = __toESM(require_dist(), 1);
import { mkdir as mkdir2, mkdtemp, readdir as readdir2, readFile as readFile4, stat, symlink, writeFile as writeFile2 } from "node:fs/promises";
import { join as join6, posix as posix4, relative as relative3, sep as sep3 } from "node:path";

// src/flux/kustomization.ts
var KUSTOMIZE_API = "kustomize.config.k8s.io/v1beta1";
var SELECTOR_FIELDS = [
  "group",
  "version",
  "kind",
  "name",
  "namespace",
  "labelSelector",
  "annotationSelector"
];
var IMAGE_FIELDS = ["name", "newName", "newTag", "digest"];
var REMOTE_PREFIXES = [
  "git::",
  "gh:",
  "ssh://",
  "https://",
  "http://",
  "git@",
  "github.com:",
  "github.com/"
];
function fluxKustomizationFile(options) {
  const { spec, where } = options;
  const file = { apiVersion: KUSTOMIZE_API, kind: "Kustomization" };
  if (options.written) {
    Object.assign(file, structuredClone(options.written));
    if (listOf(file.resources).length === 0) file.buildMetadata = ["originAnnotations"];
  } else if (options.generated && options.generated.length > 0) {
    file.resources = [...options.generated];
  } else {
    file.namespace = "_placeholder";
  }
  const text = (field2) => {
    const value = spec[field2];
    if (value === void 0 || value === null) return void 0;
    if (typeof value !== "string") throw fieldError(where, `spec.${field2}`, "a string");
    return value;
  };
  const targetNamespace = text("targetNamespace");
  if (targetNamespace !== void 0) file.namespace = targetNamespace;
  const namePrefix = text("namePrefix");
  if (namePrefix !== void 0) file.namePrefix = namePrefix;
  const nameSuffix = text("nameSuffix");
  if (nameSuffix !== void 0) file.nameSuffix = nameSuffix;
  const patches = specList(spec, "patches", where).map((entry, index) => {
    const field2 = `spec.patches[${index}]`;
    const patch = recordOf2(entry, where, field2);
    if (typeof patch.patch !== "string") throw fieldError(where, `${field2}.patch`, "a string");
    const written = { patch: patch.patch };
    const target = selectorOf(patch.target, where, `${field2}.target`);
    if (target) written.target = target;
    return written;
  });
  if (patches.length > 0) file.patches = [...listOf(file.patches), ...patches];
  const components = specList(spec, "components", where).map((entry, index) => {
    const field2 = `spec.components[${index}]`;
    if (typeof entry !== "string") throw fieldError(where, field2, "a path");
    if (!isLocalRelativePath(entry)) {
      throw new PlumblineError(
        `${where}: ${field2} is not a local path relative to spec.path, which kustomize-controller requires`,
        "Name a component folder of the repository, relative to spec.path."
      );
    }
    return entry;
  });
  const ignoreMissing = spec.ignoreMissingComponents === true;
  const kept = components.filter((component) => !ignoreMissing || options.componentExists(component));
  if (kept.length > 0) file.components = [...listOf(file.components), ...kept];
  const strategicMerge = specList(spec, "patchesStrategicMerge", where).map(
    (entry, index) => JSON.stringify(recordOf2(entry, where, `spec.patchesStrategicMerge[${index}]`))
  );
  if (strategicMerge.length > 0) {
    file.patchesStrategicMerge = [...listOf(file.patchesStrategicMerge), ...strategicMerge];
  }
  const json6902 = specList(spec, "patchesJson6902", where).map((entry, index) => {
    const field2 = `spec.patchesJson6902[${index}]`;
    const patch = recordOf2(entry, where, field2);
    if (!Array.isArray(patch.patch)) throw fieldError(where, `${field2}.patch`, "a list of operations");
    const written = { patch: JSON.stringify(patch.patch) };
    const target = selectorOf(patch.target, where, `${field2}.target`);
    if (target) written.target = target;
    return written;
  });
  if (json6902.length > 0) file.patchesJson6902 = [...listOf(file.patchesJson6902), ...json6902];
  const images = specList(spec, "images", where).map((entry, index) => {
    const field2 = `spec.images[${index}]`;
    const image = recordOf2(entry, where, field2);
    const written = {};
    for (const key of IMAGE_FIELDS) {
      const value = image[key];
      if (value === void 0 || value === null || value === "") continue;
      if (typeof value !== "string") throw fieldError(where, `${field2}.${key}`, "a string");
      written[key] = value;
    }
    if (written.name === void 0) throw fieldError(where, `${field2}.name`, "an image name");
    return written;
  });
  if (images.length > 0) file.images = mergeImages(listOf(file.images), images);
  const buildMetadata = specList(spec, "buildMetadata", where);
  if (buildMetadata.length > 0) {
    buildMetadata.forEach((entry, index) => {
      if (typeof entry !== "string") throw fieldError(where, `spec.buildMetadata[${index}]`, "a string");
    });
    file.buildMetadata = [...buildMetadata];
  }
  return file;
}
function mergeImages(existing, images) {
  const merged2 = existing.map(
    (image) => image !== null && typeof image === "object" && !Array.isArray(image) ? { ...image } : image
  );
  for (const image of images) {
    const index = merged2.findIndex((candidate) => candidate?.name === image.name);
    if (index === -1) {
      merged2.push(image);
      continue;
    }
    const target = merged2[index];
    if (image.newName !== void 0) target.newName = image.newName;
    if (image.newTag !== void 0 || image.digest !== void 0) {
      delete target.newTag;
      delete target.digest;
      if (image.newTag !== void 0) target.newTag = image.newTag;
      if (image.digest !== void 0) target.digest = image.digest;
    }
  }
  return merged2;
}
function isLocalRelativePath(path) {
  const lower = path.toLowerCase();
  if (REMOTE_PREFIXES.some((prefix) => prefix.length < path.length && lower.startsWith(prefix))) return false;
  return !path.startsWith("/") && !lower.replace(/^file:\/\//, "").startsWith("/");
}
function selectorOf(value, where, field2) {
  if (value === void 0 || value === null) return void 0;
  const selector = recordOf2(value, where, field2);
  const written = {};
  for (const key of SELECTOR_FIELDS) {
    const item = selector[key];
    if (item === void 0 || item === null || item === "") continue;
    if (typeof item !== "string") throw fieldError(where, `${field2}.${key}`, "a string");
    written[key] = item;
  }
  return written;
}
function specList(spec, field2, where) {
  const value = spec[field2];
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw fieldError(where, `spec.${field2}`, "a list");
  return value;
}
function recordOf2(value, where, field2) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw fieldError(where, field2, "a mapping");
  }
  return value;
}
function fieldError(where, field2, wanted) {
  return new PlumblineError(
    `${where}: ${field2} must be ${wanted}`,
    "Fix the Flux Kustomization: kustomize-controller refuses it too."
  );
}

// src/render/capabilities.ts
function chooseCapabilities(env, fromCluster) {
  if (fromCluster) return { from: "cluster", ...fromCluster };
  if (env.capabilities) return { from: "configuration", ...env.capabilities };
  return { from: "helm", apiVersions: [] };
}
function helmCapabilityArgs(choice) {
  const args = choice.kubeVersion ? ["--kube-version", choice.kubeVersion] : [];
  for (const apiVersion of choice.apiVersions) args.push(`--api-versions=${apiVersion}`);
  return args;
}
function kustomizeCapabilityArgs(choice) {
  const args = choice.kubeVersion ? ["--helm-kube-version", choice.kubeVersion] : [];
  for (const apiVersion of choice.apiVersions) args.push(`--helm-api-versions=${apiVersion}`);
  return args;
}
function capabilitiesProvenance(choice) {
  const provenance = { from: choice.from, apiVersions: choice.apiVersions.length };
  if (choice.kubeVersion) provenance.kubeVersion = choice.kubeVersion;
  return provenance;
}

// src/render/chart-inputs.ts
var import_tar_stream2 = __toESM(require_tar_stream(), 1);
import { createReadStream as createReadStream2 } from "node:fs";
import { readFile as readFile3 } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip as createGunzip2 } from "node:zlib";
var SCHEMA_FILE = "values.schema.json";
var ARCHIVE_BYTES_LIMIT2 = 64 * 1024 * 1024;
async function requireChartInside(boundary, chart) {
  const budget = { bytes: ARCHIVE_BYTES_LIMIT2 };
  for (const { real, shown } of await walkInside(boundary, chart)) {
    if (shown.endsWith(`/${SCHEMA_FILE}`)) {
      if (hasOutsideReference(await readFile3(real, "utf8"))) throw outsideSchema(shown);
    } else if (shown.endsWith(".tgz")) {
      await checkArchive(createReadStream2(real), shown, budget);
    }
  }
}
async function checkChartArchive(file, shown) {
  await checkArchive(createReadStream2(file), shown, { bytes: ARCHIVE_BYTES_LIMIT2 });
}
async function checkArchive(archive, shown, budget) {
  const extract = import_tar_stream2.default.extract();
  const nested = [];
  extract.on("entry", (header, stream, next) => {
    const wanted = header.name.endsWith(SCHEMA_FILE) || header.name.endsWith(".tgz");
    const chunks = [];
    stream.on("data", (data) => {
      const chunk = data;
      budget.bytes -= chunk.length;
      if (budget.bytes < 0) stream.destroy(tooLarge3(shown));
      else if (wanted) chunks.push(chunk);
    });
    stream.on("end", () => {
      if (wanted) nested.push({ name: header.name, content: Buffer.concat(chunks) });
      next();
    });
    stream.on("error", next);
  });
  try {
    await pipeline2(archive, createGunzip2(), extract);
  } catch (error) {
    if (error instanceof PlumblineError) throw error;
    return;
  }
  for (const entry of nested) {
    const where = `${shown}:${entry.name}`;
    if (entry.name.endsWith(".tgz")) await checkArchive(Readable.from([entry.content]), where, budget);
    else if (hasOutsideReference(entry.content.toString("utf8"))) throw outsideSchema(where);
  }
}
function outsideSchema(shown) {
  return new PlumblineError(
    `${shown} refers to a schema outside the chart ("$ref" to a URL or file), which helm would fetch while rendering`,
    'Inline the referenced schema, or use "$ref": "#/\u2026" references within the file.'
  );
}
function tooLarge3(shown) {
  return new PlumblineError(
    `${shown} unpacks to more than ${ARCHIVE_BYTES_LIMIT2} bytes`,
    "Vendor smaller subcharts, or unpack them into the chart folder."
  );
}
function hasOutsideReference(text) {
  let schema2;
  try {
    schema2 = JSON.parse(text);
  } catch {
    return false;
  }
  const pending = [schema2];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      if ((key === "$ref" || key === "$id") && typeof value === "string" && !value.startsWith("#"))
        return true;
      pending.push(value);
    }
  }
  return false;
}

// src/render/kustomize-inputs.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { readFileSync, statSync } from "node:fs";
import { isAbsolute as isAbsolute2, join as join4, relative as relative2, sep as sep2 } from "node:path";

// node_modules/js-yaml/dist/js-yaml.mjs
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey2;
      for (pairKey2 in pair) {
        if (_hasOwnProperty.call(pair, pairKey2)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey2)) return false;
      Object.defineProperty(objectKeys, pairKey2, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
var _default;
var hasRequired_default;
function require_default2() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default2();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "\x85";
      case 95:
        return "\xA0";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument2(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument2(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default2();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default2();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
var yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
var {
  Type,
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

// src/yaml/simple-data.ts
var PLAIN = String.raw`[\w./~@$+=()](?:[\w./~@$+=() -]|:(?=[\w./~@$+=()-]))*`;
var QUOTED = String.raw`(?:"[^"\\\n]*"|'(?:[^'\n]|'')*')`;
var SCALAR = `(?:${PLAIN}|${QUOTED})`;
var FLOW_SEQUENCE = String.raw`\[ *(?:${SCALAR} *(?:, *${SCALAR} *)*)?\]`;
var KEY = `(?!(?:~|null|Null|NULL) *:)${SCALAR}`;
var FLOW_MAPPING = String.raw`\{ *(?:${KEY} *: +${SCALAR} *(?:, *${KEY} *: +${SCALAR} *)*)?\}`;
var VALUE = `(?:${SCALAR}|${FLOW_SEQUENCE}|${FLOW_MAPPING})`;
var ENTRY = `(?:- +)*(?:${KEY} *:(?: +${VALUE})?|${VALUE})`;
var SIMPLE_LINE = new RegExp(String.raw`^(?!\.\.\.)(?: *${ENTRY})?(?: +#.*| *)$|^ *#.*$|^---$`);
function simpleYamlDocuments(text) {
  if (!text.split("\n").every((line) => SIMPLE_LINE.test(line))) return void 0;
  let documents;
  try {
    documents = loadAll(text, void 0, { schema: CORE_SCHEMA, json: false });
  } catch {
    return void 0;
  }
  return documents.some((document) => document !== null) ? documents : void 0;
}

// src/render/kustomize-inputs.ts
var MAX_KUSTOMIZATIONS = 5e3;
async function kustomizeInputs(boundary, folder) {
  const inputs = { kustomizations: [], paths: [], charts: [], remote: [], named: [] };
  const start = await realPathInside(boundary, folder);
  if (start === void 0) return inputs;
  const below = `${boundary.root}${sep2}`;
  const shown = (path) => path.startsWith(below) && sep2 === "/" ? path.slice(below.length) : relative2(boundary.root, path).split(sep2).join("/") || ".";
  const seen = /* @__PURE__ */ new Set();
  const pending = [start];
  const follow = async (references, dir, namedIn) => {
    for (const reference of references) {
      if (reference.kind === "remote") {
        inputs.remote.push({ reference: reference.value, kustomization: namedIn });
        continue;
      }
      if (reference.kind === "inline-config") {
        await follow(configReferences(parseYaml(reference.value, namedIn)), dir, namedIn);
        continue;
      }
      const path = isAbsolute2(reference.value) ? reference.value : join4(dir, reference.value);
      if (!isRemoteReference(reference.value)) inputs.named.push(shown(path));
      const real = await realPathInside(boundary, path);
      if (real === void 0) {
        if (isRemoteReference(reference.value))
          inputs.remote.push({ reference: reference.value, kustomization: namedIn });
        continue;
      }
      if (reference.kind === "chart") {
        inputs.charts.push(real);
        continue;
      }
      inputs.paths.push(shown(real));
      const isFolder3 = statSync(real).isDirectory();
      if (isFolder3 && reference.kind === "kustomization") pending.push(real);
      else if (!isFolder3 && reference.kind === "kustomization" && reference.config) {
        const file = shown(real);
        await follow(configReferences(await parsedFile(boundary, real, file)), dir, file);
      }
    }
  };
  while (pending.length > 0 && inputs.kustomizations.length < MAX_KUSTOMIZATIONS) {
    const dir = pending.shift();
    if (seen.has(dir)) continue;
    seen.add(dir);
    const file = await remembered(boundary, `kustomization ${dir}`, () => kustomizationFile(dir));
    if (!file || await realPathInside(boundary, file) === void 0) continue;
    inputs.kustomizations.push(shown(dir));
    inputs.paths.push(shown(file));
    const [kustomization = {}] = await parsedFile(boundary, file, shown(file));
    await follow(kustomizationReferences(kustomization), dir, shown(file));
  }
  return inputs;
}
var RESOURCE_FIELDS = ["resources", "bases", "components"];
var CONFIG_FIELDS = ["generators", "transformers", "validators"];
var FILE_LIST_FIELDS = ["crds", "configurations", "patchesStrategicMerge"];
var PATCH_FIELDS = ["patches", "patchesJson6902", "replacements"];
var GENERATOR_FIELDS = ["configMapGenerator", "secretGenerator"];
function kustomizationReferences(kustomization) {
  const references = [];
  const add = (kind, value) => {
    if (typeof value === "string" && value !== "" && !value.includes("\n")) references.push({ kind, value });
  };
  for (const field2 of RESOURCE_FIELDS)
    for (const entry of listOf(kustomization[field2])) add("kustomization", entry);
  for (const field2 of CONFIG_FIELDS) {
    for (const entry of listOf(kustomization[field2])) {
      if (typeof entry !== "string") continue;
      if (entry.includes("\n")) references.push({ kind: "inline-config", value: entry });
      else references.push({ kind: "kustomization", value: entry, config: true });
    }
  }
  for (const field2 of FILE_LIST_FIELDS) for (const entry of listOf(kustomization[field2])) add("file", entry);
  for (const field2 of PATCH_FIELDS)
    for (const entry of listOf(kustomization[field2])) add("file", recordOf(entry).path);
  for (const field2 of GENERATOR_FIELDS) {
    for (const generator of listOf(kustomization[field2])) {
      const { files, envs, env } = recordOf(generator);
      for (const entry of listOf(files))
        add("file", typeof entry === "string" ? entry.slice(entry.indexOf("=") + 1) : entry);
      for (const entry of listOf(envs)) add("file", entry);
      add("file", env);
    }
  }
  add("file", recordOf(kustomization.openapi).path);
  const globals = recordOf(kustomization.helmGlobals);
  const chartHome = typeof globals.chartHome === "string" ? globals.chartHome : "charts";
  const charts = [...listOf(kustomization.helmCharts), ...listOf(kustomization.helmChartInflationGenerator)];
  for (const chart of charts.map(recordOf)) {
    const repo = chart.repo ?? chart.chartRepoUrl;
    if (typeof repo === "string" && repo !== "") references.push({ kind: "remote", value: repo });
    else if (typeof chart.name === "string" || typeof chart.chartName === "string")
      add("chart", join4(chartHome, String(chart.name ?? chart.chartName)));
    add("file", chart.valuesFile ?? chart.valuesLocal);
    for (const entry of listOf(chart.additionalValuesFiles)) add("file", entry);
  }
  if (charts.length > 0) add("file", chartHome);
  return references;
}
function configReferences(documents) {
  return documents.flatMap((config) => {
    switch (config.kind) {
      case "HelmChartInflationGenerator":
        return kustomizationReferences({
          helmGlobals: { chartHome: config.chartHome },
          helmCharts: [config]
        });
      case "PatchTransformer":
      case "PatchJson6902Transformer":
        return kustomizationReferences({ patches: [config] });
      case "PatchStrategicMergeTransformer":
        return kustomizationReferences({ patchesStrategicMerge: config.paths });
      case "ReplacementTransformer":
        return kustomizationReferences({ replacements: config.replacements });
      case "ConfigMapGenerator":
      case "SecretGenerator":
        return kustomizationReferences({ configMapGenerator: [config] });
      default:
        return [];
    }
  });
}
function parsedFile(boundary, file, shown) {
  return remembered(boundary, `parsed ${file}`, async () => {
    const text = readFileSync(file, "utf8");
    return remembered(boundary, `yaml ${shown}\0${text}`, async () => parseYaml(text, shown));
  });
}
async function kustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILES) {
    if (await isFile(join4(dir, name))) return join4(dir, name);
  }
  return void 0;
}
function parseYaml(text, file) {
  const simple = simpleYamlDocuments(text);
  if (simple) return simple.map(recordOf);
  const lineCounter = new import_yaml3.LineCounter();
  const documents = (0, import_yaml3.parseAllDocuments)(text, { lineCounter, prettyErrors: false, logLevel: "error" });
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const list = Array.isArray(documents) ? documents : [];
  const values = [];
  const budget = aliasBudget();
  for (const document of list) {
    const [error] = document.errors;
    if (error) {
      throw new PlumblineError(
        `${at(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`,
        "Fix the YAML at that line; kustomize reads it as YAML."
      );
    }
    const value = plainValue(document, budget);
    if (!value.ok) throw new PlumblineError(`${at(value.offset)}: YAML aliases: ${value.reason}`);
    if (hasMergeKey(value.value)) {
      throw new PlumblineError(
        `${file} uses a YAML merge key (<<), which kustomize applies and plumbline does not follow`,
        "Write the merged fields out in full."
      );
    }
    values.push(recordOf(value.value));
  }
  return values;
}
function hasMergeKey(value) {
  if (Array.isArray(value)) return value.some(hasMergeKey);
  if (value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, inner]) => key === "<<" || hasMergeKey(inner));
}
async function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// src/render/network-isolation.ts
import { spawn as spawn2 } from "node:child_process";

// src/render/tools.ts
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { delimiter, join as join5 } from "node:path";

// src/render/run-tool.ts
import { spawn } from "node:child_process";
var DEFAULT_TIMEOUT_MS = 10 * 60 * 1e3;
var STDERR_LIMIT = 64 * 1024;
function runTool(tool, args, run) {
  return new Promise((resolve, reject) => {
    const child = spawn(tool.executable, [...tool.leadingArgs, ...args], {
      cwd: run.cwd,
      env: run.env,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const stdout = [];
    let stdoutBytes = 0;
    let stderr = "";
    let stopped;
    const stop = (why) => {
      stopped ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop("timeout"), run.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      if (stopped) return;
      stdoutBytes += chunk.length;
      if (stdoutBytes > run.maxOutputBytes) stop("output-limit");
      else stdout.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk.slice(0, STDERR_LIMIT - stderr.length);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new PlumblineError(
          `Could not run ${tool.executable}: ${error.message}`,
          "Check that the binary exists and is executable (see PLUMBLINE_KUSTOMIZE and PLUMBLINE_HELM).",
          { cause: error }
        )
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (stopped) resolve({ outcome: stopped, stderr });
      else
        resolve({
          outcome: "exited",
          exitCode: code ?? 1,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr
        });
    });
  });
}

// src/render/tools.ts
async function kustomizeCommand(overrides = {}) {
  const explicit = overrides.kustomize ?? nonEmpty(process.env.PLUMBLINE_KUSTOMIZE);
  const kustomize = explicit ?? await findOnPath("kustomize");
  if (kustomize) return { executable: kustomize, leadingArgs: ["build"], label: "kustomize build" };
  const kubectl = await findOnPath("kubectl");
  if (kubectl) return { executable: kubectl, leadingArgs: ["kustomize"], label: "kubectl kustomize" };
  throw new PlumblineError(
    "Neither kustomize nor kubectl was found on PATH",
    "Install kustomize (or kubectl, which includes it), or set PLUMBLINE_KUSTOMIZE to the kustomize binary."
  );
}
async function helmCommand(overrides = {}) {
  const helm = await optionalHelm(overrides);
  if (helm) return { executable: helm, leadingArgs: ["template"], label: "helm template" };
  throw new PlumblineError(
    "helm was not found on PATH",
    "Install helm 3, or set PLUMBLINE_HELM to the helm binary."
  );
}
var helmVersions = /* @__PURE__ */ new Map();
function helmVersion(helm, env) {
  let version = helmVersions.get(helm);
  if (!version) {
    version = askHelmVersion(helm, env);
    helmVersions.set(helm, version);
  }
  return version;
}
async function askHelmVersion(helm, env) {
  const tool = { executable: helm, leadingArgs: [], label: "helm version" };
  const output = await runTool(tool, ["version", "--template", "{{.Version}}"], {
    cwd: process.cwd(),
    env,
    maxOutputBytes: 4096,
    timeoutMs: 3e4
  });
  const version = output.outcome === "exited" && output.exitCode === 0 ? output.stdout.trim() : "";
  if (!/^v[34]\./.test(version)) {
    throw new PlumblineError(
      `${helm} is not helm 3 or 4 (it says its version is "${version.slice(0, 40) || "unknown"}")`,
      "Install helm 3 or 4, or set PLUMBLINE_HELM to one."
    );
  }
  return version;
}
async function optionalHelm(overrides = {}) {
  return overrides.helm ?? nonEmpty(process.env.PLUMBLINE_HELM) ?? await findOnPath("helm");
}
async function findOnPath(name) {
  for (const folder of (process.env.PATH ?? "").split(delimiter)) {
    if (folder === "") continue;
    const candidate = join5(folder, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
    }
  }
  return void 0;
}
function nonEmpty(value) {
  return value === void 0 || value === "" ? void 0 : value;
}

// src/render/network-isolation.ts
var probe;
function networkIsolation() {
  probe ??= findIsolation();
  return probe;
}
function isolated(tool, isolation) {
  const [executable = "unshare", ...args] = isolation;
  return { ...tool, executable, leadingArgs: [...args, "--", tool.executable, ...tool.leadingArgs] };
}
async function findIsolation() {
  const unshare = await findOnPath("unshare");
  if (!unshare) return void 0;
  const args = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
  return await succeeds(unshare, [...args, "--", "true"]) ? [unshare, ...args] : void 0;
}
function succeeds(executable, args) {
  return new Promise((resolve) => {
    const child = spawn2(executable, args, { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

// src/render/tool-error.ts
var EXCERPT_LIMIT = 1e3;
function toolErrorExcerpt(stderr, context) {
  const line = errorLine(stderr);
  if (line === void 0) return "(no output on stderr)";
  const relative5 = context.roots.reduce((text, root) => relativise(text, root), line);
  const unquoted = relative5.replace(
    QUOTED2,
    (quoted) => keepsQuoted(quoted) ? quoted : elided(quoted)
  );
  return unquoted.length > EXCERPT_LIMIT ? `\u2026${unquoted.slice(-EXCERPT_LIMIT)}` : unquoted;
}
function errorLine(stderr) {
  const lines = stderr.split("\n").map((line2) => line2.trim()).filter(Boolean);
  const line = lines.findLast((candidate) => /^error:/i.test(candidate)) ?? lines.at(-1);
  return line?.replace(/\s*node contents:.*$/i, "");
}
function relativise(text, root) {
  const trimmed2 = root.replace(/\/+$/, "");
  if (trimmed2 === "") return text;
  return text.replaceAll(`${trimmed2}/`, "").replaceAll(trimmed2, ".");
}
var QUOTED2 = /"(?:[^"\\\n]|\\.)*"|`[^`\n]*`|'[^'\n]*'/g;
function keepsQuoted(quoted) {
  const inner = quoted.slice(1, -1);
  if (quoted.startsWith("`")) return false;
  if (PATH_LIKE.test(inner)) return true;
  return quoted.startsWith("'") && /\s/.test(inner.trim());
}
var PATH_LIKE = /^[\w.@+-]*(?:\/[\w.@+-]+)*\.(?:ya?ml|json|tpl|txt|env|properties)(?::\d+(?::\d+)?)?$|^(?:[\w.@+-]+\/)+[\w.@+-]*$/;
function elided(quoted) {
  const mark = quoted[0] === "`" ? "`" : quoted[0];
  return `${mark}\u2026${mark}`;
}

// src/render/renderer-run.ts
async function runRenderer(context, tool, args) {
  const isolation = context.settings.allowHosts.length === 0 ? await networkIsolation() : void 0;
  return runTool(isolation ? isolated(tool, isolation) : tool, args, {
    cwd: context.boundary.root,
    env: context.sandbox.env,
    maxOutputBytes: context.settings.limits.bytes
  });
}
function renderFailure(context, tool, output, hint, mirrors = []) {
  switch (output.outcome) {
    case "output-limit":
      return new PlumblineError(
        `${tool.label} rendered more than the limit of ${context.settings.limits.bytes} bytes per environment, and was stopped`,
        "Split the environment, or raise render.limits.bytes in the configuration of the base branch."
      );
    case "timeout":
      return new PlumblineError(`${tool.label} did not finish in time, and was stopped`, hint);
    case "exited": {
      const roots = [...mirrors, context.boundary.root, context.boundary.realTop];
      const reason = toolErrorExcerpt(output.stderr, { roots });
      return new PlumblineError(`${tool.label} failed (exit code ${output.exitCode}):
${reason}`, hint);
    }
  }
}

// src/render/kustomize.ts
async function renderKustomize(context, path) {
  const inputs = await checkedKustomizeInputs(context, path);
  const helm = context.sandbox.helmForKustomize;
  const ranHelm = helm !== void 0 && inputs.charts.length > 0;
  const helmArgs = helm ? ["--enable-helm", "--helm-command", helm, ...kustomizeCapabilityArgs(context.capabilities)] : [];
  const stdout = await kustomizeBuild(context, path, helmArgs, path);
  const file = `${path} (kustomize output)`;
  const resources = parseManifests({
    text: stdout,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`
  });
  return { resources, ranHelm };
}
async function checkedKustomizeInputs(context, path) {
  const inputs = await kustomizeInputs(context.boundary, path);
  const refused = inputs.remote.filter(
    (remote) => !isAllowedReference(remote.reference, context.settings.allowHosts)
  );
  if (refused.length > 0) {
    throw new PlumblineError(
      `${refused.map((remote) => `${remote.kustomization} names "${remote.reference}"`).join("; ")}, which is not in the repository, and renderers may fetch only from the hosts the configuration allows`,
      "Vendor it into the repository, or list its host under render.allowHosts in the configuration of the base branch (see docs/security.md)."
    );
  }
  for (const chart of inputs.charts) await requireChartInside(context.boundary, chart);
  return inputs;
}
async function kustomizeBuild(context, folder, args, shown, mirrors = []) {
  const kustomize = await kustomizeCommand(context.tools);
  const output = await runRenderer(context, kustomize, [...args, "--", folder]);
  if (output.outcome !== "exited" || output.exitCode !== 0) {
    throw renderFailure(
      context,
      kustomize,
      output,
      `Run \`${kustomize.label} ${shown}\` locally to see the whole output.`,
      mirrors
    );
  }
  return output.stdout;
}

// src/render/flux-build.ts
async function buildFluxPath(context, request) {
  try {
    return await build(context, request);
  } catch (error) {
    if (!(error instanceof PlumblineError) || error.message.startsWith(`${request.where}:`)) throw error;
    throw new PlumblineError(`${request.where}: ${error.message}`, error.hint, {
      cause: error,
      ...error.remedy ? { remedy: error.remedy } : {}
    });
  }
}
async function build(context, request) {
  const { path, where } = request;
  const shown = path || ".";
  const folder = await realPathInside(context.boundary, path);
  if (folder === void 0 || !await isFolder2(folder)) {
    throw new PlumblineError(
      `${where}: spec.path ${shown} is no folder of the repository`,
      "Point spec.path at a folder of the repository, relative to its root."
    );
  }
  const kustomizationFile2 = await firstFile(folder, KUSTOMIZATION_FILES);
  let written;
  let generated;
  if (kustomizationFile2) {
    await checkedKustomizeInputs(context, folder);
    const file = posix4.join(shown, kustomizationFile2);
    written = parseKustomization(await readFile4(join6(folder, kustomizationFile2), "utf8"), file);
  } else {
    generated = await generatedResources(context, folder, shown);
  }
  const components = /* @__PURE__ */ new Map();
  for (const component of componentsOf(request.spec)) {
    const real = await realPathInside(context.boundary, join6(folder, component)).catch(() => {
      throw new PlumblineError(
        `${where}: spec.components names ${component}, which leads outside the repository`,
        "Name a component folder of the repository, relative to spec.path."
      );
    });
    components.set(component, real !== void 0);
    if (real !== void 0) await checkedKustomizeInputs(context, real);
  }
  const kustomization = fluxKustomizationFile({
    ...written ? { written } : {},
    ...generated ? { generated } : {},
    spec: request.spec,
    where,
    componentExists: (component) => components.get(component) === true
  });
  return buildRewritten(context, {
    folder,
    fileName: kustomizationFile2 ?? "kustomization.yaml",
    kustomization,
    shown,
    args: ["--load-restrictor", "LoadRestrictionsNone"]
  });
}
async function buildRewritten(context, request) {
  const mirror = await mirrorTo(context, request.folder, request.fileName, request.kustomization);
  return kustomizeBuild(context, mirror.folder, request.args, request.shown, [mirror.tree]);
}
async function generatedResources(context, folder, shown) {
  const resources = [];
  const visited = /* @__PURE__ */ new Set();
  const walk2 = async (real, relativePath) => {
    if (visited.has(real)) return;
    visited.add(real);
    const entries = (await readdir2(real, { withFileTypes: true })).sort(
      (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    );
    for (const entry of entries) {
      const at = relativePath === "" ? entry.name : `${relativePath}/${entry.name}`;
      const place3 = posix4.join(shown, at);
      let target = join6(real, entry.name);
      if (entry.isSymbolicLink()) {
        const resolved = await realPathInside(context.boundary, target).catch(() => {
          throw new PlumblineError(
            `${place3} is a symbolic link that leads outside the repository`,
            "Replace the link with the file or folder it points to."
          );
        });
        if (resolved === void 0) continue;
        target = resolved;
      } else if (!entry.isDirectory() && !entry.isFile()) {
        continue;
      }
      if (await isFolder2(target)) {
        if (entry.name.startsWith(".")) continue;
        if (await firstFile(target, KUSTOMIZATION_FILES)) {
          await checkedKustomizeInputs(context, target);
          resources.push(`./${at}`);
        } else {
          await walk2(target, at);
        }
      } else if (/\.ya?ml$/.test(entry.name)) {
        resources.push(`./${at}`);
      }
    }
  };
  await walk2(folder, "");
  return resources;
}
async function mirrorTo(context, folder, fileName, kustomization) {
  const top = context.boundary.realTop;
  const tree = await mkdtemp(join6(context.sandbox.scratch, "flux-"));
  const rel = relative3(top, folder);
  const segments = rel === "" ? [] : rel.split(sep3);
  let real = top;
  let copy = tree;
  for (let depth = 0; ; depth += 1) {
    const next = segments[depth];
    for (const entry of await readdir2(real)) {
      if (entry === next || depth === 0 && entry === ".git") continue;
      if (next === void 0 && entry === fileName) continue;
      await symlink(join6(real, entry), join6(copy, entry));
    }
    if (next === void 0) break;
    real = join6(real, next);
    copy = join6(copy, next);
    await mkdir2(copy);
  }
  await writeFile2(join6(copy, fileName), (0, import_yaml4.stringify)(kustomization));
  return { tree, folder: copy };
}
function componentsOf(spec) {
  const components = spec.components;
  return Array.isArray(components) ? components.filter((component) => typeof component === "string") : [];
}
function parseKustomization(text, file) {
  const document = (0, import_yaml4.parseDocument)(text, { prettyErrors: false, logLevel: "error" });
  const [error] = document.errors;
  if (error) throw new PlumblineError(`${file}: YAML syntax: ${syntaxReason(error)}`);
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) throw new PlumblineError(`${file}: YAML aliases: ${parsed.reason}`);
  const value = parsed.value;
  if (value === null || value === void 0) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new PlumblineError(`${file}: a kustomization must be a mapping`);
  }
  return value;
}
async function firstFile(folder, names) {
  for (const name of names) {
    const found = await stat(join6(folder, name)).then(
      (stats) => stats.isFile(),
      () => false
    );
    if (found) return name;
  }
  return void 0;
}
async function isFolder2(path) {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false
  );
}

// src/render/argocd-directory.ts
var MANIFEST_FILE = /\.(yaml|yml|json|jsonnet)$/;
var SKIP_MARK = "+argocd:skip-file-rendering";
async function renderArgoDirectory(context, path, options) {
  const budget = matchBudget();
  const include = options.include ? globMatcher(options.include, budget) : void 0;
  const exclude = options.exclude ? globMatcher(options.exclude, budget) : void 0;
  const resources = [];
  let bytes = 0;
  for (const below of await filesBelow(context, path, options.recurse === true)) {
    if (exclude?.(below) || include && !include(below)) continue;
    const file = posix5.join(path, below);
    if (below.endsWith(".jsonnet")) {
      throw new PlumblineError(
        `${file}: jsonnet is not supported`,
        "Render it to YAML in the repository, or exclude it from the source (directory.exclude)."
      );
    }
    const text = await readFile5(join7(context.boundary.root, file), "utf8");
    if (text.includes(SKIP_MARK)) continue;
    bytes += Buffer.byteLength(text);
    if (bytes > context.settings.limits.bytes) {
      throw new PlumblineError(
        `the manifests below ${path || "."} hold more than the limit of ${context.settings.limits.bytes} bytes per environment`,
        "Split the Application, or raise render.limits.bytes in the configuration of the base branch."
      );
    }
    resources.push(...manifestsOf(text, file));
  }
  return resources;
}
function manifestsOf(text, file) {
  try {
    return parseManifests({
      text,
      locate: (line) => ({ file, line }),
      describe: (line, column) => `${file}:${line}:${column}`
    });
  } catch (error) {
    const readsLikeManifest = ["apiVersion:", "kind:", "metadata:"].every((part) => text.includes(part));
    if (error instanceof PlumblineError && !readsLikeManifest) return [];
    throw error;
  }
}
async function filesBelow(context, path, recurse) {
  const top = await realPathInside(context.boundary, path);
  if (top === void 0 || !await isFolder2(top)) {
    throw new PlumblineError(
      `${path || "."} is no folder of the repository`,
      "Point the source path at a folder."
    );
  }
  const files = [];
  const visited = /* @__PURE__ */ new Set([top]);
  const walk2 = async (real, relativePath) => {
    const entries = (await readdir3(real, { withFileTypes: true })).sort(byName);
    for (const entry of entries) {
      const below = relativePath === "" ? entry.name : `${relativePath}/${entry.name}`;
      const target = await entryTarget(context, entry, join7(real, entry.name), posix5.join(path, below));
      if (target === void 0) continue;
      if (await isFolder2(target)) {
        if (recurse && !visited.has(target)) {
          visited.add(target);
          await walk2(target, below);
        }
      } else if (MANIFEST_FILE.test(entry.name)) {
        files.push(below);
      }
    }
  };
  await walk2(top, "");
  return files;
}
async function entryTarget(context, entry, absolute, shown) {
  if (entry.isSymbolicLink()) {
    return realPathInside(context.boundary, absolute).catch(() => {
      throw new PlumblineError(
        `${shown} is a symbolic link that leads outside the repository`,
        "Replace the link with the file or folder it points to."
      );
    });
  }
  return entry.isFile() || entry.isDirectory() ? absolute : void 0;
}
function globMatcher(pattern, budget = matchBudget()) {
  const compiled = compileGlob(pattern, GOBWAS_GLOBS, budget);
  if (!compiled) return () => false;
  return (path) => {
    try {
      return compiled.matches(path);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(
        `the pattern ${JSON.stringify(pattern)} takes too long to match`,
        "Simplify directory.include and directory.exclude."
      );
    }
  };
}
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

// src/render/helm.ts
import { mkdtemp as mkdtemp2, writeFile as writeFile3 } from "node:fs/promises";
import { basename as basename2, join as join9, posix as posix7 } from "node:path";

// src/render/chart-dependencies.ts
var import_yaml5 = __toESM(require_dist(), 1);
import { copyFile, mkdir as mkdir3, readdir as readdir4, readFile as readFile6 } from "node:fs/promises";
import { basename, dirname, join as join8, posix as posix6 } from "node:path";
async function withDependencies(context, chartPath) {
  const chartFile = await realPathInside(context.boundary, posix6.join(chartPath, "Chart.yaml"));
  const dependencies = chartFile ? await listedDependencies(chartFile) : [];
  if (dependencies.length === 0) return { chart: chartPath, charts: [] };
  const vendored = await realPathInside(context.boundary, posix6.join(chartPath, "charts"));
  if (vendored && (await readdir4(vendored).catch(() => [])).length > 0)
    return { chart: chartPath, charts: [] };
  const lockFile = await realPathInside(context.boundary, posix6.join(chartPath, "Chart.lock"));
  const locked = lockFile ? await listedDependencies(lockFile) : [];
  const copy = join8(context.sandbox.scratch, basename(chartPath) || "chart");
  for (const { real, shown } of await walkInside(context.boundary, chartPath)) {
    await copyInto(real, join8(copy, posix6.relative(chartPath, shown)));
  }
  const charts = [];
  for (const dependency of dependencies) {
    const name = typeof dependency.name === "string" ? dependency.name : "";
    const repository = typeof dependency.repository === "string" ? dependency.repository.trim() : "";
    const where = `${chartPath}/Chart.yaml`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new PlumblineError(
        `${where} lists a dependency without a valid name`,
        "Give every dependency a chart name."
      );
    }
    if (repository.startsWith("file://")) {
      const folder = posix6.join(chartPath, repository.slice("file://".length));
      const files = await walkInside(context.boundary, folder);
      if (files.length === 0) {
        throw new PlumblineError(
          `${where} depends on ${name} at ${repository}, which is not a folder in the repository`,
          "Point file:// at the dependency chart folder, relative to the chart."
        );
      }
      for (const { real, shown } of files) {
        await copyInto(real, join8(copy, "charts", name, posix6.relative(folder, shown)));
      }
      continue;
    }
    if (!/^(https?|oci):\/\//.test(repository)) {
      throw new PlumblineError(
        `${where} takes ${name} from "${repository || "(no repository)"}", which is not a URL`,
        "Write the repository URL (https://\u2026 or oci://\u2026) instead of a name from `helm repo add`: plumbline keeps no helm repositories."
      );
    }
    const pinned = locked.find((entry) => entry.name === name && entry.repository === dependency.repository);
    const version = typeof pinned?.version === "string" ? pinned.version : String(dependency.version ?? "*");
    const fetched = await context.charts.fetch({ repository, name, version }, "content");
    const archive = join8(copy, "charts", `${name}-${fetched.version}.tgz`);
    await copyInto(fetched.file, archive);
    await checkChartArchive(archive, `${name} ${fetched.version} from ${repository}`);
    const provenance = {
      repository,
      name,
      version: fetched.version,
      digest: fetched.digest,
      dependencyOf: chartPath
    };
    if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
    charts.push(provenance);
  }
  return { chart: copy, charts };
}
async function copyInto(from, to) {
  await mkdir3(dirname(to), { recursive: true });
  await copyFile(from, to);
}
async function listedDependencies(file) {
  let document;
  try {
    document = (0, import_yaml5.parse)(await readFile6(file, "utf8"), { maxAliasCount: 100, prettyErrors: false });
  } catch {
    return [];
  }
  if (document === null || typeof document !== "object") return [];
  const list = document.dependencies;
  return Array.isArray(list) ? list.filter((item) => item !== null && typeof item === "object") : [];
}

// src/render/helm.ts
async function renderHelm(context, env, extras = {}) {
  const prepared = env.helm?.chart ? await remoteChart(context, env, extras.chartOrigin ?? "configuration") : await localChart(context, env.path);
  const { chart, charts, sourcePrefix } = prepared;
  const valuesFiles = await valuesFilePaths(
    context,
    env.path,
    extras.valuesFiles ?? env.helm?.valuesFiles ?? [],
    prepared
  );
  const helm = await helmCommand(context.tools);
  const args = ["--skip-tests"];
  if (!extras.skipCrds) args.push("--include-crds");
  const namespace = environmentNamespace(env);
  if (namespace) args.push("--namespace", namespace);
  args.push(...helmCapabilityArgs(context.capabilities));
  for (const file of valuesFiles) args.push("--values", file);
  if (extras.values && Object.keys(extras.values).length > 0) {
    const scratch = await mkdtemp2(join9(context.sandbox.scratch, "values-"));
    await writeFile3(join9(scratch, "values.json"), JSON.stringify(extras.values));
    args.push("--values", join9(scratch, "values.json"));
  }
  for (const parameter of extras.parameters ?? []) {
    args.push(parameter.forceString ? "--set-string" : "--set", `${parameter.name}=${parameter.value}`);
  }
  args.push("--", releaseName(env), chart);
  const output = await runRenderer(context, helm, args);
  if (output.outcome !== "exited" || output.exitCode !== 0) {
    const missingDependency = output.outcome === "exited" && /missing in charts\/ directory/.test(output.stderr);
    throw renderFailure(
      context,
      helm,
      output,
      missingDependency ? `Vendor every dependency in ${env.path}/charts/ (helm dependency build ${env.path}), or none: plumbline fetches them when charts/ is empty.` : `Run \`helm template\` on ${env.path} locally to see the whole output.`
    );
  }
  const resources = parseManifests({
    text: output.stdout,
    // `# Source: CHART/templates/x.yaml` names the template; the template's own line is
    // unknown after rendering, so the source carries no line.
    locate: (_line, comment) => ({ file: templatePath(sourcePrefix, comment) }),
    describe: (line) => `${env.path} (helm template output line ${line})`
  });
  return { resources, charts };
}
async function valuesFilePaths(context, folder, files, prepared) {
  const inChart = files.filter((file) => typeof file !== "string");
  const { fetched } = prepared;
  if (inChart.length > 0 && !fetched) {
    throw new PlumblineError(
      `${inChart[0].named}: values files inside the chart are read from a chart from a repository only`
    );
  }
  const contents = fetched && inChart.length > 0 ? await readChartArchiveFiles(
    fetched.archive,
    inChart.map((file) => file.inChart),
    fetched.label
  ) : /* @__PURE__ */ new Map();
  const paths = [];
  let scratch;
  for (const [index, file] of files.entries()) {
    if (typeof file === "string") {
      const path = posix7.join(folder, file);
      await realPathInside(context.boundary, path);
      paths.push(path);
      continue;
    }
    const answer = contents.get(file.inChart);
    if (answer?.found === "link") {
      throw new PlumblineError(
        `${file.named} names ${file.inChart}, which leads through the ${answer.kind} link ${answer.link} of the chart ${fetched.label}`,
        "plumbline reads only the regular files of a fetched chart: name one, or ship the file in the chart instead of a link."
      );
    }
    if (answer?.found !== "file") {
      if (file.ignoreMissing) continue;
      throw new PlumblineError(
        `${file.named} names ${file.inChart}, which the chart ${fetched.label} does not hold`,
        "Name a file of the chart (relative to its folder), or set helm.ignoreMissingValueFiles."
      );
    }
    scratch ??= await mkdtemp2(join9(context.sandbox.scratch, "chart-values-"));
    const copy = join9(scratch, `${index}-${basename2(file.inChart)}`);
    await writeFile3(copy, answer.content);
    paths.push(copy);
  }
  return paths;
}
async function localChart(context, chartPath) {
  if (await realPathInside(context.boundary, posix7.join(chartPath, "Chart.yaml")) === void 0) {
    throw new PlumblineError(
      `${chartPath} holds no Chart.yaml`,
      "Point path at the chart folder, set helm.chart to render a chart from a repository, or set renderer to auto, plain or kustomize."
    );
  }
  await requireChartInside(context.boundary, chartPath);
  const { chart, charts } = await withDependencies(context, chartPath);
  return { chart, charts, sourcePrefix: chartPath };
}
async function remoteChart(context, env, origin) {
  const source = env.helm.chart;
  const fetched = await context.charts.fetch(source, origin);
  const label = `${source.name} ${fetched.version}`;
  await checkChartArchive(fetched.file, `${label} from ${source.repository}`);
  const provenance = {
    repository: source.repository,
    name: source.name,
    version: fetched.version,
    digest: fetched.digest
  };
  if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
  return {
    chart: fetched.file,
    charts: [provenance],
    sourcePrefix: `${source.name}@${fetched.version}`,
    fetched: { archive: fetched.file, label }
  };
}
function releaseName(env) {
  return env.helm?.releaseName ?? env.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
}
function templatePath(prefix, comment) {
  const source = comment?.match(/^\s*Source:\s*(\S+)/m)?.[1];
  if (!source) return `${prefix} (helm template output)`;
  const withinChart = source.slice(source.indexOf("/") + 1);
  return posix7.join(prefix, withinChart);
}

// src/scope.ts
var CLUSTER_SCOPED = /* @__PURE__ */ new Set([
  "/Namespace",
  "/Node",
  "/PersistentVolume",
  "/ComponentStatus",
  "admissionregistration.k8s.io/MutatingWebhookConfiguration",
  "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
  "admissionregistration.k8s.io/MutatingAdmissionPolicy",
  "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
  "apiextensions.k8s.io/CustomResourceDefinition",
  "apiregistration.k8s.io/APIService",
  "authentication.k8s.io/TokenReview",
  "authentication.k8s.io/SelfSubjectReview",
  "authorization.k8s.io/SelfSubjectAccessReview",
  "authorization.k8s.io/SelfSubjectRulesReview",
  "authorization.k8s.io/SubjectAccessReview",
  "certificates.k8s.io/CertificateSigningRequest",
  "certificates.k8s.io/ClusterTrustBundle",
  "flowcontrol.apiserver.k8s.io/FlowSchema",
  "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
  "internal.apiserver.k8s.io/StorageVersion",
  "networking.k8s.io/IngressClass",
  "networking.k8s.io/IPAddress",
  "networking.k8s.io/ServiceCIDR",
  "node.k8s.io/RuntimeClass",
  "rbac.authorization.k8s.io/ClusterRole",
  "rbac.authorization.k8s.io/ClusterRoleBinding",
  "resource.k8s.io/DeviceClass",
  "resource.k8s.io/ResourceSlice",
  "scheduling.k8s.io/PriorityClass",
  "storage.k8s.io/CSIDriver",
  "storage.k8s.io/CSINode",
  "storage.k8s.io/StorageClass",
  "storage.k8s.io/VolumeAttachment",
  "storage.k8s.io/VolumeAttributesClass",
  "storagemigration.k8s.io/StorageVersionMigration"
]);
function isBuiltInClusterScoped(group, kind) {
  return CLUSTER_SCOPED.has(`${group}/${kind}`);
}
function scopesFromCrds(desired) {
  const scopes = /* @__PURE__ */ new Map();
  for (const { object } of desired) {
    if (object.kind !== "CustomResourceDefinition" || splitApiVersion(object.apiVersion).group !== "apiextensions.k8s.io") {
      continue;
    }
    const spec = object.spec;
    if (!spec?.group || !spec.names?.kind) continue;
    for (const version of spec.versions ?? []) {
      if (version.name)
        scopes.set(`${spec.group}/${version.name}/${spec.names.kind}`, spec.scope !== "Cluster");
    }
  }
  return scopes;
}

// src/render/namespace.ts
function fillNamespace(resources, namespace) {
  const crdScopes = scopesFromCrds(resources);
  return resources.map((resource) => {
    const { object, id } = resource;
    if (object.metadata.namespace) return resource;
    const namespaced = crdScopes.get(`${object.apiVersion}/${object.kind}`) ?? !isBuiltInClusterScoped(id.group, id.kind);
    if (!namespaced) return resource;
    return toResource({ ...object, metadata: { ...object.metadata, namespace } }, resource.source);
  });
}

// src/render/argocd.ts
var NOTHING = { resources: [], charts: [], ranHelm: false };
async function renderArgo(context, env, repoRoot) {
  const identity = env.argocd;
  if (!identity) {
    throw new PlumblineError(
      "the environment has renderer argocd but names no Application",
      "Argo CD environments are discovered: leave the environments out of plumbline.yaml to have them found."
    );
  }
  const discovery = context.discoveries.argo(repoRoot, discoverySettings(context.settings));
  const problem = discovery.problems.find(
    (candidate) => (candidate.application ?? candidate.file) === identity.name
  );
  if (problem) {
    throw new PlumblineError(
      `${problem.file}:${problem.line}: ${problem.message}`,
      "Fix the Application there: Argo CD could not render it either."
    );
  }
  const application = discovery.applications.find((candidate) => candidate.name === identity.name);
  if (!application) return NOTHING;
  const rendered = {
    resources: [],
    charts: [],
    ranHelm: false,
    application: applicationFacts(application)
  };
  for (const [index, source] of application.sources.entries()) {
    const field2 = application.object.spec && "sources" in recordOf(application.object.spec) ? `spec.sources[${index}]` : "spec.source";
    const where = `${application.file}:${application.line}: ${field2}`;
    if (source.ref !== void 0 && source.path === void 0 && source.chart === void 0) continue;
    const part = await renderSource(context, application, source, where);
    rendered.resources.push(...part.resources);
    rendered.charts.push(...part.charts);
    rendered.ranHelm ||= part.ranHelm;
  }
  const namespace = application.destination.namespace;
  if (namespace) rendered.resources = fillNamespace(rendered.resources, namespace);
  return rendered;
}
async function renderSource(context, application, source, where) {
  if (!source.local && source.chart !== void 0)
    return renderArgoChart(context, application, source, where);
  if (!source.local || source.path === void 0) {
    throw new PlumblineError(
      `${where}: the source is ${withoutCredentials(source.repoURL)}, neither this repository nor a chart`,
      "Point the source at this repository (or name it in repositoryUrls), or at a Helm chart."
    );
  }
  const path = source.path;
  switch (await sourceType(context, source, where)) {
    case "directory": {
      const options = recordOf(source.directory);
      const directory = {
        recurse: options.recurse === true,
        ...textOf(options.include) ? { include: textOf(options.include) } : {},
        ...textOf(options.exclude) ? { exclude: textOf(options.exclude) } : {}
      };
      return { ...NOTHING, resources: await renderArgoDirectory(context, path, directory) };
    }
    case "kustomize":
      return renderArgoKustomize(context, path, recordOf(source.kustomize), where);
    case "helm":
      return renderArgoHelm(context, application, source, path, where);
  }
}
async function sourceType(context, source, where) {
  const explicit = namedSourceTypes(source);
  if (explicit.length > 1) {
    throw new PlumblineError(`${where}: names more than one type of source: ${explicit.join(", ")}`);
  }
  if (explicit[0]) return explicit[0];
  const folder = await realPathInside(context.boundary, source.path);
  if (folder === void 0) {
    throw new PlumblineError(`${where}: path ${source.path || "."} is no folder of the repository`);
  }
  return folderSourceType({
    kustomization: await firstFile(folder, KUSTOMIZATION_FILES) !== void 0,
    chart: await firstFile(folder, ["Chart.yaml"]) !== void 0
  });
}
async function renderArgoKustomize(context, path, options, where) {
  if (!hasKustomizeEdits(options)) {
    const { resources: resources2, ranHelm } = await renderKustomize(context, path);
    return { resources: resources2, charts: [], ranHelm };
  }
  const folder = await realPathInside(context.boundary, path);
  const fileName = folder ? await firstFile(folder, KUSTOMIZATION_FILES) : void 0;
  if (!folder || !fileName) {
    throw new PlumblineError(
      `${where}: kustomize edits need a kustomization in ${path || "."}, which has none`
    );
  }
  await checkedKustomizeInputs(context, folder);
  const components = /* @__PURE__ */ new Map();
  for (const component of listOf(options.components)) {
    if (typeof component !== "string") continue;
    const real = await localPath(
      context,
      path,
      component,
      `${where}: kustomize.components names ${component}`
    );
    components.set(component, real !== void 0);
    if (real !== void 0) await checkedKustomizeInputs(context, real);
  }
  for (const patch of listOf(options.patches)) {
    const file2 = recordOf(patch).path;
    if (typeof file2 === "string")
      await localPath(context, path, file2, `${where}: kustomize.patches names ${file2}`);
  }
  const written = parseKustomization(
    await readFile7(join10(folder, fileName), "utf8"),
    posix8.join(path, fileName)
  );
  const kustomization = argoKustomization({
    written,
    options,
    where,
    field: "kustomize",
    componentExists: (component) => components.get(component) === true
  });
  const text = await buildRewritten(context, {
    folder,
    fileName,
    kustomization,
    shown: path || ".",
    // The mirror links every file: kustomize's default restriction would refuse them all.
    // Every path the build reads was checked above to stay in the repository.
    args: ["--load-restrictor", "LoadRestrictionsNone"]
  });
  const file = `${path || "."} (kustomize output)`;
  const resources = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`
  });
  return { resources, charts: [], ranHelm: false };
}
async function localPath(context, folder, path, named) {
  if (isRemoteReference(path) || posix8.isAbsolute(path)) {
    throw new PlumblineError(
      `${named}, which is not a path of the repository`,
      "Name a path relative to the source folder."
    );
  }
  return realPathInside(context.boundary, posix8.join(folder, path)).catch(() => {
    throw new PlumblineError(
      `${named}, which leads outside the repository`,
      "Name a path inside the repository."
    );
  });
}
async function renderArgoHelm(context, application, source, path, where) {
  const helm = recordOf(source.helm);
  const valuesFiles = await valueFilesOf(context, application, helm, path, where);
  const env = helmEnvironment(application, helm, path);
  const { resources, charts } = await renderHelm(context, env, { ...helmExtras(helm, where), valuesFiles });
  return { resources, charts, ranHelm: true };
}
async function renderArgoChart(context, application, source, where) {
  const helm = recordOf(source.helm);
  const valuesFiles = await valueFilesOf(context, application, helm, void 0, where);
  const env = helmEnvironment(application, helm, "");
  env.helm = { ...env.helm, chart: argoChartSource(source, where) };
  try {
    const { resources, charts } = await renderHelm(context, env, {
      ...helmExtras(helm, where),
      valuesFiles,
      chartOrigin: "content"
    });
    return { resources, charts, ranHelm: true };
  } catch (error) {
    if (!(error instanceof PlumblineError) || error.message.startsWith(`${application.file}:`)) throw error;
    throw new PlumblineError(`${where}: ${error.message}`, error.hint, {
      cause: error,
      ...error.remedy ? { remedy: error.remedy } : {}
    });
  }
}
async function valueFilesOf(context, application, helm, chartPath, where) {
  const files = [];
  const ignoreMissing = helm.ignoreMissingValueFiles === true;
  for (const [index, value] of listOf(helm.valueFiles).entries()) {
    const field2 = `${where}: helm.valueFiles[${index}]`;
    const file = textOf(value);
    if (file === void 0) throw new PlumblineError(`${field2} must be a path`);
    const location = valueFileLocation(application, file, chartPath);
    if (location.kind === "chart") {
      files.push({ inChart: pathInsideChart(location.file, field2), named: field2, ignoreMissing });
      continue;
    }
    const repositoryPath = repositoryValueFile(location, field2);
    const present = await realPathInside(context.boundary, repositoryPath) !== void 0;
    if (present) files.push(posix8.relative(chartPath ?? "", repositoryPath));
    else if (!ignoreMissing) {
      throw new PlumblineError(
        `${field2} names ${repositoryPath}, which does not exist`,
        "Add the file, fix the path, or set helm.ignoreMissingValueFiles."
      );
    }
  }
  return files;
}
function repositoryValueFile(location, field2) {
  switch (location.kind) {
    case "repository":
      return location.path;
    case "outside":
      throw new PlumblineError(`${field2} leads outside the repository`);
    case "other-repository":
      throw new PlumblineError(
        `${field2}: value files from another repository than this one are not supported yet`,
        "Keep the value files in this repository, or leave this Application out of the plan for now."
      );
    case "url":
      throw new PlumblineError(
        `${field2}: value files at a URL are not supported`,
        "Keep the value files in this repository (a ref source: $values/\u2026) or in the chart, or leave this Application out of the plan for now."
      );
  }
}
function pathInsideChart(file, field2) {
  const path = pathInChart(file);
  if (path === void 0) {
    throw new PlumblineError(
      posix8.isAbsolute(file) ? `${field2} names an absolute path, which is not a file of the chart` : ["", "."].includes(posix8.normalize(file || ".").replace(/\/+$/, "")) ? `${field2} names the chart's folder, not a file of it` : `${field2} names ${file}, which leads outside the chart`,
      "Name a file of the chart, relative to its folder (values-prod.yaml), or one of this repository through a ref source ($values/\u2026)."
    );
  }
  return path;
}
function helmEnvironment(application, helm, path) {
  const releaseName3 = textOf(helm.releaseName) ?? application.object.metadata.name;
  const namespace = textOf(helm.namespace) ?? application.destination.namespace;
  return {
    name: application.name,
    path,
    renderer: "helm",
    helm: { releaseName: releaseName3, valuesFiles: [], ...namespace ? { namespace } : {} }
  };
}
function helmExtras(helm, where) {
  const extras = {};
  let values = {};
  if (typeof helm.values === "string") {
    values = inlineValues(helm.values, where);
  } else if (helm.values !== void 0 && helm.values !== null) {
    values = recordOf(helm.values);
  }
  if (helm.valuesObject !== void 0) values = mergeMaps(values, recordOf(helm.valuesObject));
  if (Object.keys(values).length > 0) extras.values = values;
  const parameters = listOf(helm.parameters).map((item, index) => {
    const { name, value, forceString } = recordOf(item);
    if (typeof name !== "string" || name === "") {
      throw new PlumblineError(`${where}: helm.parameters[${index}] names no parameter`);
    }
    const text = typeof value === "string" ? value : value === void 0 || value === null ? "" : String(value);
    return { name, value: escapedCommas(text), forceString: forceString === true };
  });
  if (parameters.length > 0) extras.parameters = parameters;
  if (helm.skipCrds === true) extras.skipCrds = true;
  return extras;
}
function escapedCommas(value) {
  return /^\{.*\}$/s.test(value) ? value : value.replace(/(?<!\\),/g, "\\,");
}
function inlineValues(text, where) {
  const document = (0, import_yaml6.parseDocument)(text, { prettyErrors: false, logLevel: "error" });
  if (document.errors.length > 0) throw new PlumblineError(`${where}: helm.values is not YAML`);
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) throw new PlumblineError(`${where}: helm.values: YAML aliases: ${parsed.reason}`);
  if (parsed.value === null || parsed.value === void 0) return {};
  if (!isPlainMap(parsed.value)) throw new PlumblineError(`${where}: helm.values must be a map`);
  return parsed.value;
}

// src/render/detect.ts
import { readdirSync } from "node:fs";
import { join as join11 } from "node:path";
async function detectRenderer(repoRoot, path) {
  const files = new Set(readdirSync(join11(repoRoot, path)));
  if (KUSTOMIZATION_FILES.some((file) => files.has(file))) return "kustomize";
  if (files.has("Chart.yaml")) return "helm";
  return "plain";
}

// src/flux/label-selector.ts
var SelectorError = class extends Error {
  name = "SelectorError";
};
var KEY2 = "(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
var VALUE2 = "(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?";
var EXISTS = new RegExp(`^(${KEY2})$`);
var ABSENT = new RegExp(`^!\\s*(${KEY2})$`);
var EQUALS = new RegExp(`^(${KEY2})\\s*(==|=|!=)\\s*(${VALUE2})$`);
var SET = new RegExp(`^(${KEY2})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
var COMPARE = new RegExp(`^(${KEY2})\\s*(>|<)\\s*(-?\\d{1,18})$`);
var VALUE_ONLY = new RegExp(`^${VALUE2}$`);
function parseLabelSelector(text) {
  if (text.length > 4096) throw new SelectorError("the selector is longer than 4096 characters");
  const requirements = splitRequirements(text).map((part) => part.trim()).filter((part, _, all) => part !== "" || all.length > 1).map(requirement);
  return { matches: (labels) => requirements.every((req) => satisfies(req, labels)) };
}
function splitRequirements(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.length === 1 && parts[0].trim() === "" ? [] : parts;
}
function requirement(part) {
  let match = ABSENT.exec(part);
  if (match) return { op: "absent", key: match[1] };
  match = EXISTS.exec(part);
  if (match) return { op: "exists", key: match[1] };
  match = EQUALS.exec(part);
  if (match) return { op: match[2] === "!=" ? "notin" : "in", key: match[1], values: [match[3]] };
  match = SET.exec(part);
  if (match) {
    const values = match[3].split(",").map((value) => value.trim());
    if (!values.every((value) => VALUE_ONLY.test(value))) {
      throw new SelectorError("the selector has a value that is not a label value");
    }
    return { op: match[2] === "in" ? "in" : "notin", key: match[1], values };
  }
  match = COMPARE.exec(part);
  if (match) return { op: match[2] === ">" ? "gt" : "lt", key: match[1], value: Number(match[3]) };
  throw new SelectorError(
    "the selector has a requirement that is not of the form key, !key, key=value, key!=value, key in (\u2026), key notin (\u2026), key>n or key<n"
  );
}
function satisfies(req, labels) {
  const has = Object.hasOwn(labels, req.key);
  const value = has ? labels[req.key] : void 0;
  switch (req.op) {
    case "exists":
      return has;
    case "absent":
      return !has;
    case "in":
      return value !== void 0 && req.values.includes(value);
    case "notin":
      return value === void 0 || !req.values.includes(value);
    case "gt":
    case "lt": {
      if (value === void 0 || !/^-?\d+$/.test(value)) return false;
      return req.op === "gt" ? Number(value) > req.value : Number(value) < req.value;
    }
  }
}

// src/flux/live-rules.ts
var KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
var HELM_GROUP = "helm.toolkit.fluxcd.io";
var KUSTOMIZE_NAME = `${KUSTOMIZE_GROUP}/name`;
var KUSTOMIZE_NAMESPACE = `${KUSTOMIZE_GROUP}/namespace`;
var HELM_NAME = `${HELM_GROUP}/name`;
var HELM_NAMESPACE = `${HELM_GROUP}/namespace`;
var APPLY_EXCLUSIONS = {
  [`${KUSTOMIZE_GROUP}/reconcile`]: "disabled",
  [`${KUSTOMIZE_GROUP}/ssa`]: "Ignore"
};
var IF_NOT_PRESENT = { [`${KUSTOMIZE_GROUP}/ssa`]: "IfNotPresent" };
var PRUNE_EXCLUSIONS = { ...APPLY_EXCLUSIONS, [`${KUSTOMIZE_GROUP}/prune`]: "disabled" };
var DRIFT_EXCLUSIONS = { [`${HELM_GROUP}/driftDetection`]: "disabled" };
var HELM_RESOURCE_POLICY = "helm.sh/resource-policy";
function kustomizationFacts(identity, spec, where) {
  const facts = { ...identity, where, prune: spec.prune === true };
  if (spec.ignore !== void 0 && spec.ignore !== null) facts.ignore = spec.ignore;
  return facts;
}
function unappliedKustomization(identity) {
  return { name: identity.name, namespace: identity.namespace, prune: true };
}
function ignoreRulesOf(value, field2) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) throw new PlumblineError(`${field2} is not a list`, IGNORE_HINT);
  return value.map((item, index) => {
    const at = `${field2}[${index}]`;
    const rule = recordOf(item);
    if (!Array.isArray(rule.paths) || rule.paths.some((path) => typeof path !== "string")) {
      throw new PlumblineError(`${at}.paths is not a list of JSON pointers`, IGNORE_HINT);
    }
    const paths = rule.paths;
    for (const path of paths) {
      try {
        parsePointer(path);
      } catch {
        throw new PlumblineError(`${at}.paths has a path that is not a JSON pointer`, IGNORE_HINT);
      }
    }
    const result = { paths };
    if (rule.target !== void 0 && rule.target !== null)
      result.target = selectorOf2(rule.target, `${at}.target`);
    return result;
  });
}
var IGNORE_HINT = "Write each rule as { paths: [/json/pointer, \u2026], target: { kind: \u2026, name: \u2026 } }, as Flux reads it.";
function selectorOf2(value, field2) {
  const written = recordOf(value);
  const selector = {};
  for (const key of SELECTOR_FIELDS) {
    const item = written[key];
    if (item === void 0 || item === null) continue;
    if (typeof item !== "string") throw new PlumblineError(`${field2}.${key} is not a string`, IGNORE_HINT);
    selector[key] = item;
  }
  return selector;
}
function compileSelector(selector, field2, budget) {
  if (!selector) return () => true;
  const patterns = [];
  const pattern = (key, read) => {
    const source = selector[key];
    if (source === void 0 || source === "") return;
    try {
      patterns.push([read, compilePattern(source, budget)]);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(`${field2}.${key}: ${error.message}`, PATTERN_HINT);
    }
  };
  pattern("group", (object) => splitApiVersion(object.apiVersion).group);
  pattern("version", (object) => splitApiVersion(object.apiVersion).version);
  pattern("kind", (object) => object.kind);
  pattern("name", (object) => object.metadata.name);
  pattern("namespace", (object) => object.metadata.namespace ?? "");
  const labels = labelSelectorOf(selector.labelSelector, `${field2}.labelSelector`);
  const annotations = labelSelectorOf(selector.annotationSelector, `${field2}.annotationSelector`);
  const matchesPatterns = (object) => {
    try {
      return patterns.every(([read, compiled]) => compiled.matches(read(object)));
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new PlumblineError(`${field2}: ${error.message}`, PATTERN_HINT);
    }
  };
  return (object) => matchesPatterns(object) && (labels?.matches(object.metadata.labels ?? {}) ?? true) && (annotations?.matches(object.metadata.annotations ?? {}) ?? true);
}
var PATTERN_HINT = "Selector fields are regular expressions in RE2 syntax, matched against the whole value (Deployment|StatefulSet, web-.*).";
function labelSelectorOf(text, field2) {
  if (text === void 0 || text === "") return void 0;
  try {
    return parseLabelSelector(text);
  } catch (error) {
    if (!(error instanceof SelectorError)) throw error;
    throw new PlumblineError(
      `${field2}: ${error.message}`,
      "Write a Kubernetes label selector, e.g. app=web,tier in (a,b)."
    );
  }
}
function fluxOwnerSelectors(kustomization, desired) {
  const selectors = [];
  if (kustomization.prune && isLabelValue(kustomization.name) && isLabelValue(kustomization.namespace)) {
    selectors.push(
      `${KUSTOMIZE_NAME}=${kustomization.name},${KUSTOMIZE_NAMESPACE}=${kustomization.namespace}`
    );
  }
  const releases = [...releasesOf(kustomization, desired).pairs.values()].filter(
    (release) => isLabelValue(release.name) && isLabelValue(release.namespace)
  );
  if (releases.length > 0) {
    const names = [...new Set(releases.map((release) => release.name))].sort();
    const namespaces = [...new Set(releases.map((release) => release.namespace))].sort();
    selectors.push(`${HELM_NAME} in (${names.join(",")}),${HELM_NAMESPACE} in (${namespaces.join(",")})`);
  }
  return selectors;
}
function fluxComparison(input) {
  const { kustomization, live } = input;
  const budget = matchBudget();
  const releases = releasesOf(kustomization, input.desired, budget);
  const field2 = `${kustomization.where ?? `Kustomization ${kustomization.namespace}/${kustomization.name}`}: spec.ignore`;
  const driftRules = input.driftRules ?? true;
  const kustomizationRules = driftRules ? compileRules2(ignoreRulesOf(kustomization.ignore, field2), field2, budget) : [];
  const leftAlone = /* @__PURE__ */ new Set();
  const ignore = [];
  for (const resource of input.desired) {
    const liveObject = live.get(resource.key);
    const release = releaseOf(resource.object, kustomization, releases);
    if (release === void 0) {
      const skipped = anyInMetadata(resource.object, APPLY_EXCLUSIONS) || liveObject !== void 0 && (anyInMetadata(liveObject, APPLY_EXCLUSIONS) || anyInMetadata(resource.object, IF_NOT_PRESENT));
      if (skipped) {
        leftAlone.add(resource.key);
        continue;
      }
      if (!liveObject) continue;
      const paths = matchingPaths(kustomizationRules, asDryRun(resource.object, liveObject));
      if (paths.includes("")) leftAlone.add(resource.key);
      else ignore.push(...rulesFor2(resource, paths));
    } else {
      if (!liveObject || !driftRules) continue;
      const paths = matchingPaths(release.rules(), resource.object);
      const excluded = anyInMetadata(resource.object, DRIFT_EXCLUSIONS) || anyInMetadata(liveObject, DRIFT_EXCLUSIONS);
      if (excluded || paths.includes("")) leftAlone.add(resource.key);
      else ignore.push(...rulesFor2(resource, paths));
    }
  }
  const desiredKeys = new Set(input.desired.map((resource) => resource.key));
  const owned = input.owned.filter((resource) => {
    if (leftAlone.has(resource.key)) return false;
    if (desiredKeys.has(resource.key)) return true;
    return deletes(resource.object, kustomization, releases, input.ownershipLabel);
  });
  return {
    desired: input.desired.filter((resource) => !leftAlone.has(resource.key)),
    owned,
    ignore,
    leftAlone: [...leftAlone].sort()
  };
}
function deletes(object, kustomization, releases, ownershipLabel) {
  const labels = object.metadata.labels ?? {};
  if (ownedByKustomization(labels, kustomization)) {
    return kustomization.prune && !anyInMetadata(object, PRUNE_EXCLUSIONS);
  }
  const release = labels[HELM_NAME] !== void 0 ? releases.pairs.get(pairKey(labels)) : void 0;
  if (release) return object.metadata.annotations?.[HELM_RESOURCE_POLICY] !== "keep";
  return ownershipLabel !== void 0 && labels[ownershipLabel.key] === ownershipLabel.value;
}
function releasesOf(kustomization, desired, budget = matchBudget()) {
  const helmReleases2 = desired.filter(({ id }) => id.group === HELM_GROUP && id.kind === "HelmRelease");
  const pairs2 = /* @__PURE__ */ new Map();
  const add = (name, namespace) => {
    const key = `${namespace}/${name}`;
    if (pairs2.has(key)) return;
    const sameName = helmReleases2.filter(({ id }) => id.name === name);
    const object = sameName.find(({ id }) => id.namespace === namespace) ?? (sameName.length === 1 ? sameName[0] : void 0);
    let compiled;
    pairs2.set(key, {
      name,
      namespace,
      rules: () => {
        const field2 = object && `${describe(object)}: spec.driftDetection.ignore`;
        compiled ??= object && field2 ? compileRules2(
          ignoreRulesOf(recordOf(recordOf(object.object.spec).driftDetection).ignore, field2),
          field2,
          budget
        ) : [];
        return compiled;
      }
    });
  };
  for (const { object } of desired) {
    const labels = object.metadata.labels ?? {};
    const name = labels[HELM_NAME];
    const namespace = labels[HELM_NAMESPACE];
    if (name && namespace && !ownedByKustomization(labels, kustomization)) add(name, namespace);
  }
  for (const { id } of helmReleases2) if (id.namespace) add(id.name, id.namespace);
  return { pairs: pairs2 };
}
function releaseOf(object, kustomization, releases) {
  const labels = object.metadata.labels ?? {};
  if (ownedByKustomization(labels, kustomization) || labels[HELM_NAME] === void 0) return void 0;
  return releases.pairs.get(pairKey(labels));
}
function ownedByKustomization(labels, kustomization) {
  return labels[KUSTOMIZE_NAME] === kustomization.name && labels[KUSTOMIZE_NAMESPACE] === kustomization.namespace;
}
function pairKey(labels) {
  return `${labels[HELM_NAMESPACE] ?? ""}/${labels[HELM_NAME] ?? ""}`;
}
function compileRules2(rules, field2, budget) {
  return rules.map((rule, index) => ({
    paths: rule.paths,
    matches: compileSelector(rule.target, `${field2}[${index}].target`, budget)
  }));
}
function matchingPaths(rules, object) {
  return [...new Set(rules.filter((rule) => rule.matches(object)).flatMap((rule) => rule.paths))];
}
function rulesFor2(resource, paths) {
  const { group, kind, name, namespace } = resource.id;
  return paths.map((path) => ({ group, kind, name, namespace: namespace ?? "", path }));
}
function asDryRun(desired, live) {
  return {
    ...desired,
    metadata: {
      ...desired.metadata,
      labels: { ...live.metadata.labels, ...desired.metadata.labels },
      annotations: { ...live.metadata.annotations, ...desired.metadata.annotations }
    }
  };
}
function anyInMetadata(object, metadata) {
  const labels = object.metadata.labels ?? {};
  const annotations = object.metadata.annotations ?? {};
  return Object.entries(metadata).some(
    ([key, value]) => [labels[key], annotations[key]].some(
      (found) => typeof found === "string" && found !== "" && found.toLowerCase() === value.toLowerCase()
    )
  );
}
function describe(resource) {
  const place3 = resource.source.line === void 0 ? resource.source.file : `${resource.source.file}:${resource.source.line}`;
  return `${place3} (${displayName(resource.id)})`;
}

// src/flux/substitute.ts
var import_yaml8 = __toESM(require_dist(), 1);

// src/flux/values.ts
var import_yaml7 = __toESM(require_dist(), 1);
var GO_YAML_V2 = {
  version: "1.1",
  customTags: (tags) => tags.filter(
    (tag) => typeof tag === "string" || tag.tag !== "tag:yaml.org,2002:timestamp" && tag.format !== "TIME"
  )
};
var HOSTILE_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var TARGET_PATH = /^(?:[a-zA-Z0-9_\-.\\/]|\[[0-9]{1,5}\])+$/;
var TARGET_PATH_MAX = 250;
var MAX_INDEX = 65536;
var MAX_NESTING = 30;
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var SET_HINT = "The value is read as helm --set reads one: a comma starts another assignment, {a,b} is a list and a backslash escapes the next character. Set literal: true on the valuesFrom entry to take the value as it is.";
function composeValues(sources, inline) {
  const values = inline === void 0 ? {} : structuredClone(refuseHostileKeys(inline, "spec.values"));
  let result = {};
  for (const source of sources) {
    if (source.kind === "document") {
      result = mergeMaps(result, readDocument(source.text, source.describe));
      continue;
    }
    result = mergeMaps(result, values);
    setAtPath(result, source.targetPath, source.value, source.literal === true, source.describe);
  }
  return mergeMaps(result, values);
}
function readDocument(text, describe2) {
  const lineCounter = new import_yaml7.LineCounter();
  const [document] = (0, import_yaml7.parseAllDocuments)(text, {
    ...GO_YAML_V2,
    lineCounter,
    // prettyErrors adds a snippet of the source to messages; a snippet of a Secret must not.
    prettyErrors: false,
    uniqueKeys: true,
    // Warnings would print the text of a collection used as a key on stderr.
    logLevel: "error"
  });
  if (!document) return {};
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${describe2}, line ${line}, column ${col}`;
  };
  const [error] = document.errors;
  if (error) {
    throw new PlumblineError(
      `${at(error.pos[0])}: YAML syntax: ${syntaxReason(error)}`,
      "Fix the YAML at that line; helm-controller reads the values as YAML."
    );
  }
  const parsed = plainValue(document, aliasBudget());
  if (!parsed.ok) {
    throw new PlumblineError(
      `${at(parsed.offset)}: YAML aliases: ${parsed.reason}`,
      "Write the aliased part out in full, or make each alias (*name) name an anchor (&name) defined before it."
    );
  }
  const { value } = parsed;
  if (value === null || value === void 0) return {};
  if (!isRecord3(value)) {
    throw new PlumblineError(
      `${at(document.contents?.range[0] ?? 0)}: the values are ${kindOf(value)}, not a mapping`,
      "A values document is a YAML mapping, as a values.yaml file is; to set one value, give the valuesFrom entry a targetPath."
    );
  }
  return refuseHostileKeys(value, describe2);
}
function setAtPath(values, path, value, literal, describe2) {
  const where = `${describe2}, targetPath ${JSON.stringify(path)}`;
  if (path.length > TARGET_PATH_MAX || !TARGET_PATH.test(path)) {
    throw new PlumblineError(
      `${where}: not a targetPath the HelmRelease API accepts`,
      `A targetPath is at most ${TARGET_PATH_MAX} characters of letters, digits, _ - . / \\ and list indexes such as [0].`
    );
  }
  let text = value;
  let asString = literal;
  if (literal) {
    text = value.replace(/[\\,[\]{}]/g, (character) => `\\${character}`);
  } else if (value.startsWith("'") && value.endsWith("'") || value.startsWith('"') && value.endsWith('"')) {
    text = value.replace(/^['"]+|['"]+$/g, "");
    asString = true;
  }
  try {
    new SetParser(`${path}=${text}`, asString).parse(values);
  } catch (error) {
    if (error instanceof SetError) throw new PlumblineError(`${where}: ${error.message}`, SET_HINT);
    throw error;
  }
}
var SetError = class extends Error {
};
var SetParser = class {
  constructor(text, asString) {
    this.asString = asString;
    this.characters = [...text];
  }
  asString;
  characters;
  position = 0;
  parse(data) {
    let step;
    do
      step = this.key(data, 0);
    while (step === "more");
  }
  key(data, nesting) {
    const { text: key, stop } = this.until("=[,.");
    if (HOSTILE_KEYS.has(key))
      throw new SetError(`a key of the path or value is ${key}, which plumbline refuses`);
    switch (stop) {
      case void 0:
        if (key === "") return "end";
        throw new SetError("a key has no value");
      case "[": {
        const index = this.index();
        const item = this.listItem(Object.hasOwn(data, key) ? listOf2(data[key]) : [], index, nesting);
        set2(data, key, item.list);
        return item.end ? "end" : "more";
      }
      case "=": {
        const list = this.list();
        if (list === "end") {
          set2(data, key, "");
          return "end";
        }
        set2(data, key, list === "not a list" ? this.typed(this.until(",").text) : list);
        return "more";
      }
      case ",":
        throw new SetError("a key has no value (a comma follows it)");
      default: {
        if (nesting + 1 > MAX_NESTING) throw new SetError(`the path nests deeper than ${MAX_NESTING} levels`);
        const inner = Object.hasOwn(data, key) ? mapOf(data[key]) : {};
        const step = this.key(inner, nesting + 1);
        const empty = Object.keys(inner).length === 0;
        if (step === "more" && empty) throw new SetError("a map on the path gets no value");
        if (!empty) set2(data, key, inner);
        return step;
      }
    }
  }
  listItem(list, index, nesting) {
    if (index < 0) throw new SetError("a negative list index");
    const { text, stop } = this.until("[.=");
    if (text.length > 0) throw new SetError("unexpected text after a list index");
    switch (stop) {
      case void 0:
        return { list, end: true };
      case "=": {
        const value = this.list();
        if (value === "end") return { list: setIndex(list, index, ""), end: false };
        const item = value === "not a list" ? this.typed(this.until(",").text) : value;
        return { list: setIndex(list, index, item), end: false };
      }
      case "[": {
        const next = this.index();
        const existing = list.length > index ? list[index] : null;
        const nested = existing === null || existing === void 0 ? [] : listOf2(existing);
        const inner = this.listItem(nested, next, nesting);
        return inner.end ? { list, end: true } : { list: setIndex(list, index, inner.list), end: false };
      }
      default: {
        let inner = {};
        if (list.length > index) {
          const existing = list[index];
          if (isRecord3(existing)) inner = existing;
          else list[index] = inner;
        }
        const step = this.key(inner, nesting);
        return step === "end" ? { list, end: true } : { list: setIndex(list, index, inner), end: false };
      }
    }
  }
  /** After `[`: the index up to `]`, as strconv.Atoi reads it. */
  index() {
    const { text, stop } = this.until("]");
    if (stop === void 0) throw new SetError("a list index has no closing ]");
    if (!/^[+-]?[0-9]+$/.test(text)) throw new SetError("a list index is not a number");
    return Number(text);
  }
  /** A `{a,b}` list, 'not a list' (nothing consumed), or 'end' at the end of the text. */
  list() {
    const first = this.characters[this.position];
    if (first === void 0) return "end";
    if (first !== "{") return "not a list";
    this.position += 1;
    const list = [];
    for (; ; ) {
      const { text, stop } = this.until(",}");
      if (stop === void 0) throw new SetError("a list must end with '}'");
      list.push(this.typed(text));
      if (stop === "}") {
        if (this.characters[this.position] === ",") this.position += 1;
        return list;
      }
    }
  }
  /** The text up to one of `stops` (consumed; undefined at the end), `\x` being x. */
  until(stops) {
    let text = "";
    for (; ; ) {
      const character = this.characters[this.position];
      if (character === void 0) return { text, stop: void 0 };
      this.position += 1;
      if (stops.includes(character)) return { text, stop: character };
      if (character !== "\\") {
        text += character;
        continue;
      }
      const escaped = this.characters[this.position];
      if (escaped === void 0) return { text, stop: void 0 };
      this.position += 1;
      text += escaped;
    }
  }
  /**
   * strvals' typedVal. An integer is Go's int64; one a JavaScript number cannot hold
   * exactly stays its text, which a template prints the same.
   */
  typed(text) {
    if (this.asString) return text;
    const lower = text.toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
    if (lower === "null") return null;
    if (text === "0") return 0;
    if (text.startsWith("0") || !/^[+-]?[0-9]+$/.test(text)) return text;
    const integer = BigInt(text);
    if (integer < INT64_MIN || integer > INT64_MAX) return text;
    return Number.isSafeInteger(Number(integer)) ? Number(integer) : text;
  }
};
function set2(data, key, value) {
  if (key !== "") data[key] = value;
}
function setIndex(list, index, value) {
  if (index < 0) throw new SetError("a negative list index");
  if (index > MAX_INDEX) throw new SetError(`a list index above ${MAX_INDEX}`);
  const target = index < list.length ? list : [...list, ...new Array(index + 1 - list.length).fill(null)];
  target[index] = value;
  return target;
}
function listOf2(value) {
  if (!Array.isArray(value)) throw new SetError("a key on the path holds something other than a list");
  return value;
}
function mapOf(value) {
  if (!isRecord3(value)) throw new SetError("a key on the path holds something other than a map");
  return value;
}
function refuseHostileKeys(value, describe2) {
  const visit = (item) => {
    if (Array.isArray(item)) item.forEach(visit);
    if (!isRecord3(item)) return;
    for (const [key, inner] of Object.entries(item)) {
      if (HOSTILE_KEYS.has(key)) {
        throw new PlumblineError(
          `${describe2}: a key named ${key}, which plumbline refuses`,
          "Rename the key: a key by that name reaches the prototype of the values object."
        );
      }
      visit(inner);
    }
  };
  visit(value);
  return value;
}
function kindOf(value) {
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}
function isRecord3(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/flux/substitute.ts
var DISABLE_KEY = "kustomize.toolkit.fluxcd.io/substitute";
var VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
var DEFAULT_OPERATORS = /* @__PURE__ */ new Set(["=", ":=", ":-", ":?", ":+", "-", "+", "?"]);
var SYNTAX_HINT = "Flux reads a dollar sign and an opening brace as the start of an expression in every string: fix the expression, or double the dollar sign to keep it as text.";
var VALUE_HINT = 'A variable value with YAML syntax in it (": ", " #", or a leading [, {, *, & or quote) changes the YAML Flux reads back; change the value, or annotate the object with kustomize.toolkit.fluxcd.io/substitute: disabled.';
function isSubstitutionDisabled(object) {
  const metadata = field(object, "metadata");
  return [field(metadata, "labels"), field(metadata, "annotations")].some(
    (map2) => field(map2, DISABLE_KEY) === "disabled"
  );
}
function substituteVariables(object, variables) {
  if (isSubstitutionDisabled(object)) return { value: object, unresolved: [] };
  const values = /* @__PURE__ */ new Map();
  for (const [name, value2] of variables) {
    if (!VARIABLE_NAME.test(name)) {
      throw new PlumblineError(
        `variable name ${JSON.stringify(name)} is not one Flux accepts: letters, digits and _, not starting with a digit`,
        "Rename the key in spec.postBuild.substitute, or in the ConfigMap or Secret that spec.postBuild.substituteFrom names."
      );
    }
    values.set(name, value2.replaceAll("\n", ""));
  }
  const substituter = new Substituter(values, describeObject(object));
  const value = substituter.value(object, []);
  return { value, unresolved: [...substituter.unresolved].sort() };
}
var Substituter = class {
  constructor(variables, object) {
    this.variables = variables;
    this.object = object;
  }
  variables;
  object;
  unresolved = /* @__PURE__ */ new Set();
  /** Read-back values share one alias budget, as the documents of a stream do. */
  budget = aliasBudget();
  value(value, path) {
    if (typeof value === "string") return this.scalar(value, path);
    if (Array.isArray(value)) return value.map((item, index) => this.value(item, [...path, String(index)]));
    if (!isRecord4(value)) return value;
    const result = {};
    for (const [key, item] of Object.entries(value)) {
      const substituted = this.key(key, [...path, key]);
      if (Object.hasOwn(result, substituted)) {
        throw new PlumblineError(
          `${this.where([...path, key])}: once substituted, this key is the same as another key of its mapping`,
          "Give the keys values that keep them apart."
        );
      }
      Object.defineProperty(result, substituted, {
        value: this.value(item, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true
      });
    }
    return result;
  }
  scalar(text, path) {
    if (!text.includes("$")) return text;
    const { result, complete } = this.expand(text, path);
    if (!complete || result === text || !writtenPlain(text)) return result;
    return this.readBack(result, path);
  }
  /** A key reads back as a key: JSON makes a number or boolean key its text. */
  key(key, path) {
    if (!key.includes("$")) return key;
    const { result, complete } = this.expand(key, path);
    if (!complete || result === key || !writtenPlain(key)) return result;
    const read = this.readBack(result, path);
    if (typeof read === "string" || typeof read === "number" || typeof read === "boolean")
      return String(read);
    throw new PlumblineError(
      `${this.where(path)}: once substituted, this key reads as YAML ${read === null ? "null" : "collection"}, which is no key Flux can write`,
      VALUE_HINT
    );
  }
  expand(text, path) {
    try {
      return this.evaluateAll(text);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      throw new PlumblineError(
        `${this.where(path)}: a \${\u2026} expression Flux cannot read (${error.message}), so Flux fails to build the object`,
        SYNTAX_HINT
      );
    }
  }
  evaluateAll(text) {
    const nodes = new Parser(text).all();
    let result = "";
    let complete = true;
    for (const node of nodes) {
      if (node.kind === "text") {
        result += node.text;
        continue;
      }
      const missing = /* @__PURE__ */ new Set();
      const value = evaluate(node.expression, this.variables, missing);
      if (missing.size === 0) {
        result += value;
        continue;
      }
      complete = false;
      result += text.slice(node.start, node.end);
      for (const name of missing) this.unresolved.add(name);
    }
    return { result, complete };
  }
  /** The value the substituted text of a plain scalar reads back as. */
  readBack(text, path) {
    const document = (0, import_yaml8.parseDocument)(`k: ${text}`, { ...GO_YAML_V2, prettyErrors: false, logLevel: "error" });
    const [error] = document.errors;
    if (error) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, the value is not valid YAML (${syntaxReason(error)}), so Flux fails to build the object`,
        VALUE_HINT
      );
    }
    const parsed = plainValue(document, this.budget);
    if (!parsed.ok) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, YAML aliases: ${parsed.reason}`,
        VALUE_HINT
      );
    }
    if (!isRecord4(parsed.value) || Object.keys(parsed.value).length !== 1) {
      throw new PlumblineError(
        `${this.where(path)}: once substituted, the value adds YAML structure that plumbline does not reproduce`,
        VALUE_HINT
      );
    }
    return parsed.value.k;
  }
  where(path) {
    return `${this.object}, field ${joinPointer(path)}`;
  }
};
function writtenPlain(text) {
  if (text === "" || text.startsWith("---") || text.startsWith("...")) return false;
  if (text.startsWith(" ") || text.endsWith(" ")) return false;
  if (/^[#,[\]{}&*!|>'"%@`]|^[?:-](?:[ \t]|$)|:(?:[ \t]|$)|[ \t]#/.test(text)) return false;
  for (const character of text) {
    const code = character.codePointAt(0);
    const printable = code >= 32 && code <= 126 || code >= 160 && code <= 55295 && code !== 8232 && code !== 8233 || code >= 57344 && code <= 65533 && code !== 65279;
    if (!printable) return false;
  }
  return true;
}
function describeObject(object) {
  const kind = field(object, "kind");
  const metadata = field(object, "metadata");
  const name = field(metadata, "name");
  const namespace = field(metadata, "namespace");
  if (typeof kind !== "string" || typeof name !== "string") return "an object";
  return displayName({ kind, name, namespace: typeof namespace === "string" ? namespace : void 0 });
}
function field(value, key) {
  return isRecord4(value) && Object.hasOwn(value, key) ? value[key] : void 0;
}
function isRecord4(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
var ExpressionError = class extends Error {
};
var TEXT = 1;
var OPEN = 2;
var CLOSE = 4;
var ESCAPE = 8;
var BACKSLASH = 16;
var anything = () => true;
var identifier = (character) => /^[\p{L}\p{Nd}_]$/u.test(character);
var notClosing = (character) => character !== "}";
var isDefaultSign = (character) => character !== "" && "=-?+".includes(character);
var Parser = class {
  constructor(source) {
    this.source = source;
  }
  source;
  position = 0;
  all() {
    const nodes = [];
    for (; ; ) {
      const start = this.position;
      const scanned = this.scan(TEXT | OPEN | ESCAPE, anything);
      if (scanned.token === "end") return nodes;
      if (scanned.token === "text") nodes.push({ kind: "text", text: scanned.text });
      else nodes.push({ kind: "expression", expression: this.function(), start, end: this.position });
    }
  }
  /** After `${`. */
  function() {
    if (this.peek() === "#") return this.length();
    const scanned = this.scan(TEXT, identifier);
    if (scanned.token !== "text") throw new ExpressionError("unable to parse variable name");
    const name = scanned.text;
    switch (this.peek()) {
      case ":":
        return isDefaultSign(this.peekSecond()) ? this.withDefault(name) : this.substring(name);
      case "=":
        return this.withDefault(name);
      case ",":
      case "^":
        return this.closed(
          name,
          this.operator((c, i) => (c === "," || c === "^") && i < 3)
        );
      case "/":
        return this.replace(name);
      case "#":
        return this.trim(name, (c, i) => c === "#" && i < 3);
      case "%":
        return this.trim(name, (c, i) => c === "%" && i < 3);
    }
    if (this.scan(CLOSE, identifier).token !== "close") throw new ExpressionError("missing closing brace");
    return { kind: "function", name, operator: "", args: [] };
  }
  /** `${#name}` */
  length() {
    const operator = this.operator((c, i) => c === "#" && i === 1);
    const scanned = this.scan(TEXT, identifier);
    if (scanned.token !== "text") throw new ExpressionError("bad substitution");
    return this.closed(scanned.text, operator);
  }
  /** `${name=word}`, `${name:=word}`, `${name:-word}`, `${name:?word}`, `${name:+word}` */
  withDefault(name) {
    const accept = this.peek() === "=" ? (c, i) => i === 1 && c === "=" : (c, i) => i === 1 && c === ":" || i === 2 && isDefaultSign(c);
    const scanned = this.scan(TEXT, accept);
    if (scanned.token !== "text") throw new ExpressionError("unable to parse default function");
    const args = [];
    while (this.peek() !== "}") args.push(this.argument(notClosing, TEXT));
    this.closeBrace();
    return { kind: "function", name, operator: scanned.text, args };
  }
  /** `${name:offset}`, `${name:offset:length}` */
  substring(name) {
    const operator = this.operator((c, i) => i === 1 && c === ":");
    const args = [this.argument((c) => c !== ":" && c !== "}", TEXT)];
    const separator = this.scan(TEXT | CLOSE, (c) => c === ":");
    if (separator.token === "close") return { kind: "function", name, operator, args };
    if (separator.token !== "text") throw new ExpressionError("bad substitution");
    args.push(this.argument(notClosing, TEXT));
    this.closeBrace();
    return { kind: "function", name, operator, args };
  }
  /** `${name/pattern/string}`, and with `//`, `/#` or `/%` */
  replace(name) {
    const operator = this.operator((c, i) => i === 1 && c === "/" || i === 2 && "/#%".includes(c));
    const args = [this.argument((c) => c !== "/", TEXT | ESCAPE | BACKSLASH)];
    if (this.scan(TEXT, (c) => c === "/").token !== "text") throw new ExpressionError("bad substitution");
    if (this.peek() !== "}") args.push(this.argument(notClosing, TEXT | ESCAPE | BACKSLASH));
    this.closeBrace();
    return { kind: "function", name, operator, args };
  }
  /** `${name#pattern}`, `${name##pattern}`, `${name%pattern}`, `${name%%pattern}` */
  trim(name, accept) {
    const operator = this.operator(accept);
    const args = [this.argument(notClosing, TEXT)];
    this.closeBrace();
    return { kind: "function", name, operator, args };
  }
  operator(accept) {
    const scanned = this.scan(TEXT, accept);
    if (scanned.token !== "text") throw new ExpressionError("bad substitution");
    return scanned.text;
  }
  closed(name, operator) {
    this.closeBrace();
    return { kind: "function", name, operator, args: [] };
  }
  /** One argument: a run of text, or one nested expression. */
  argument(accept, mode) {
    const scanned = this.scan(mode | OPEN, accept);
    if (scanned.token === "open") return this.function();
    if (scanned.token === "text") return { kind: "text", text: scanned.text };
    throw new ExpressionError("unable to parse substitution within function");
  }
  closeBrace() {
    if (this.scan(CLOSE, anything).token !== "close") throw new ExpressionError("bad substitution");
  }
  scan(mode, accept) {
    const character = this.read();
    if (character === "") return { token: "end" };
    if (mode & OPEN && character === "$" && this.peek() === "{") {
      this.position += 1;
      return { token: "open" };
    }
    if (mode & CLOSE && character === "}") return { token: "close" };
    if (!(mode & TEXT)) return { token: "illegal" };
    let text;
    if (this.escapes(character, mode)) text = this.read();
    else if (accept(character, 1)) text = character;
    else return { token: "illegal" };
    let kept = 1;
    for (; ; ) {
      const next = this.read();
      if (next === "") break;
      if (mode & OPEN && next === "$" && this.peek() === "{") {
        this.position -= next.length;
        break;
      }
      if (this.escapes(next, mode)) text += this.read();
      else if (accept(next, kept + 1)) text += next;
      else {
        this.position -= next.length;
        break;
      }
      kept += 1;
    }
    return { token: "text", text };
  }
  escapes(character, mode) {
    if (!(mode & ESCAPE)) return false;
    const next = this.peek();
    if (character === "$") return next === "$";
    return character === "\\" && (mode & BACKSLASH) !== 0 && (next === "/" || next === "\\");
  }
  /** The next character (a whole code point), or '' at the end. */
  read() {
    const code = this.source.codePointAt(this.position);
    if (code === void 0) return "";
    const character = String.fromCodePoint(code);
    this.position += character.length;
    return character;
  }
  peek() {
    const code = this.source.codePointAt(this.position);
    return code === void 0 ? "" : String.fromCodePoint(code);
  }
  /** The character after the next one (the next one is ASCII where this is asked). */
  peekSecond() {
    const code = this.source.codePointAt(this.position + 1);
    return code === void 0 ? "" : String.fromCodePoint(code);
  }
};
function evaluate(expression, variables, missing) {
  if (expression.kind === "text") return expression.text;
  const args = expression.args.map((arg) => evaluate(arg, variables, missing));
  const value = variables.get(expression.name);
  if (value === void 0 && !DEFAULT_OPERATORS.has(expression.operator)) missing.add(expression.name);
  return apply(expression.operator, value ?? "", args);
}
function apply(operator, value, args) {
  const [first = "", second = ""] = args;
  switch (operator) {
    case ",":
      return mapFirst(value, (c) => c.toLowerCase());
    case ",,":
      return value.toLowerCase();
    case "^":
      return mapFirst(value, (c) => c.toUpperCase());
    case "^^":
      return value.toUpperCase();
    case "#":
      return args.length === 0 ? String(Buffer.byteLength(value)) : trimPrefix(value, first, "shortest");
    case "##":
      return trimPrefix(value, first, "longest");
    case "%":
      return trimSuffix(value, first, "shortest");
    case "%%":
      return trimSuffix(value, first, "longest");
    case ":":
      return substring(value, args);
    case "/#":
      return args.length === 2 && value.startsWith(first) ? second + value.slice(first.length) : value;
    case "/%":
      return args.length === 2 && value.endsWith(first) ? value.slice(0, value.length - first.length) + second : value;
    case "/":
      return args.length === 0 ? value : value.replace(first, () => second);
    case "//":
      return args.length === 0 ? value : value.replaceAll(first, () => second);
    default:
      return value === "" && args.length > 0 ? args.join("") : value;
  }
}
function mapFirst(value, map2) {
  const [first] = value;
  return first === void 0 ? value : map2(first) + value.slice(first.length);
}
function substring(value, args) {
  const bytes = Buffer.from(value);
  let offset = goInteger(args[0]);
  if (offset === void 0) return value;
  if (offset < 0) offset = Math.max(0, bytes.length + offset);
  if (args.length === 1) return offset < bytes.length ? bytes.subarray(offset).toString() : "";
  const length = goInteger(args[1]);
  if (length === void 0) return value;
  if (offset + length >= bytes.length) return offset < bytes.length ? bytes.subarray(offset).toString() : "";
  if (length < 0) throw new ExpressionError("a negative substring length");
  return bytes.subarray(offset, offset + length).toString();
}
function goInteger(text) {
  if (text === void 0 || !/^[+-]?[0-9]+$/.test(text)) return void 0;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : void 0;
}
function trimPrefix(value, pattern, which) {
  const characters = [...value];
  const patternCharacters = [...pattern];
  let found;
  for (let length = characters.length; length > 0; length -= 1) {
    const matched = globMatch(patternCharacters, characters.slice(0, length));
    if (matched === "bad") return value;
    if (!matched) continue;
    found = length;
    if (which === "longest") break;
  }
  return found === void 0 ? value : characters.slice(found).join("");
}
function trimSuffix(value, pattern, which) {
  const reverse = (text) => [...text].reverse().join("");
  return reverse(trimPrefix(reverse(value), reverse(pattern), which));
}
function globMatch(pattern, name) {
  let rest = pattern;
  let remaining = name;
  outer: while (rest.length > 0) {
    const { star, chunk, after } = scanChunk(rest);
    rest = after;
    if (star && chunk.length === 0) return true;
    const direct = matchChunk(chunk, remaining);
    if (direct.ok && (direct.rest.length === 0 || rest.length > 0)) {
      remaining = direct.rest;
      continue;
    }
    if (direct.bad) return "bad";
    if (star) {
      for (let skip = 0; skip < remaining.length; skip += 1) {
        const tried = matchChunk(chunk, remaining.slice(skip + 1));
        if (tried.ok) {
          if (rest.length === 0 && tried.rest.length > 0) continue;
          remaining = tried.rest;
          continue outer;
        }
        if (tried.bad) return "bad";
      }
    }
    return false;
  }
  return remaining.length === 0;
}
function scanChunk(pattern) {
  let start = 0;
  while (pattern[start] === "*") start += 1;
  let inRange = false;
  let end = start;
  for (; end < pattern.length; end += 1) {
    const character = pattern[end];
    if (character === "\\") {
      if (end + 1 < pattern.length) end += 1;
    } else if (character === "[") inRange = true;
    else if (character === "]") inRange = false;
    else if (character === "*" && !inRange) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, end), after: pattern.slice(end) };
}
function matchChunk(chunk, name) {
  const failed = (bad = false) => ({ ok: false, bad, rest: [] });
  let c = 0;
  let n = 0;
  while (c < chunk.length) {
    if (n >= name.length) return failed();
    const character = chunk[c];
    if (character === "[") {
      const target = name[n];
      n += 1;
      c += 1;
      let negated = false;
      if (chunk[c] === "^") {
        negated = true;
        c += 1;
      }
      let matched = false;
      let ranges = 0;
      for (; ; ) {
        if (chunk[c] === "]" && ranges > 0) {
          c += 1;
          break;
        }
        const low = classCharacter(chunk, c);
        if (low === void 0) return failed(true);
        c = low.next;
        let high = low.character;
        if (chunk[c] === "-") {
          const upper = classCharacter(chunk, c + 1);
          if (upper === void 0) return failed(true);
          c = upper.next;
          high = upper.character;
        }
        if (codeOf(low.character) <= codeOf(target) && codeOf(target) <= codeOf(high)) matched = true;
        ranges += 1;
      }
      if (matched === negated) return failed();
    } else if (character === "?") {
      n += 1;
      c += 1;
    } else {
      if (character === "\\") {
        c += 1;
        if (c >= chunk.length) return failed(true);
      }
      if (chunk[c] !== name[n]) return failed();
      n += 1;
      c += 1;
    }
  }
  return { ok: true, bad: false, rest: name.slice(n) };
}
function codeOf(character) {
  return character.codePointAt(0);
}
function classCharacter(chunk, at) {
  let index = at;
  if (index >= chunk.length || chunk[index] === "-" || chunk[index] === "]") return void 0;
  if (chunk[index] === "\\") index += 1;
  const character = chunk[index];
  if (character === void 0 || index + 1 >= chunk.length) return void 0;
  return { character, next: index + 1 };
}

// src/render/flux-helmrelease.ts
var import_yaml9 = __toESM(require_dist(), 1);
import { createHash as createHash2 } from "node:crypto";
import { mkdtemp as mkdtemp3, writeFile as writeFile4 } from "node:fs/promises";
import { join as join12, posix as posix9 } from "node:path";
var HELM_GROUP2 = "helm.toolkit.fluxcd.io";
var RELEASE_NAME_MAX = 53;
var RELEASE_HASH_LENGTH = 12;
function isHelmRelease(object) {
  return object.kind === "HelmRelease" && object.apiVersion.startsWith(`${HELM_GROUP2}/`);
}
async function renderHelmRelease(context, release, inputs) {
  const namespace = release.metadata.namespace ?? inputs.namespace;
  const named = displayName({ kind: "HelmRelease", namespace, name: release.metadata.name });
  try {
    return await render(context, release, namespace, inputs);
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`${inputs.place}: ${named}: ${error.message}`, error.hint, {
      cause: error,
      ...error.remedy ? { remedy: error.remedy } : {}
    });
  }
}
async function render(context, release, namespace, inputs) {
  const spec = recordOf(release.spec);
  const chart = await chartOf(context, spec, namespace, inputs);
  const values = composeValues(valuesSources(spec, namespace, inputs), valuesOf(spec.values));
  const scratch = await mkdtemp3(join12(context.sandbox.scratch, "helmrelease-"));
  const valuesFile = join12(scratch, "values.json");
  await writeFile4(valuesFile, JSON.stringify(values));
  const targetNamespace = textOf(spec.targetNamespace);
  const releaseNamespace = targetNamespace ?? namespace;
  const helm = await helmCommand(context.tools);
  const args = ["--namespace", releaseNamespace, "--skip-tests"];
  if (recordOf(spec.install).crds !== "Skip") args.push("--include-crds");
  args.push(...helmCapabilityArgs(context.capabilities));
  for (const file of chart.valuesFiles) args.push("--values", file);
  args.push("--values", valuesFile);
  args.push("--", releaseName2(release, spec), chart.chart);
  const output = await runRenderer(context, helm, args);
  if (output.outcome !== "exited" || output.exitCode !== 0) {
    throw renderFailure(
      context,
      helm,
      output,
      `Run \`helm template\` on ${chart.label} with the HelmRelease's values locally to see the whole output.`,
      [scratch]
    );
  }
  let text = output.stdout;
  const postRendered = await postRender(context, spec, text, scratch);
  text = postRendered ?? text;
  const parsed = parseManifests({
    text,
    locate: (_line, comment) => ({
      file: `${inputs.place} \u2192 ${postRendered === void 0 ? templatePath2(chart.label, comment) : `${chart.label} (post-rendered)`}`
    }),
    describe: (line) => `${chart.label} (helm template output line ${line})`
  });
  const labels = {
    ...stringRecord(recordOf(spec.commonMetadata).labels),
    // The origin labels win over commonMetadata's, as in helm-controller.
    [`${HELM_GROUP2}/name`]: release.metadata.name,
    [`${HELM_GROUP2}/namespace`]: namespace
  };
  const annotations = stringRecord(recordOf(spec.commonMetadata).annotations);
  const labelled = parsed.map((resource) => {
    const metadata = { ...resource.object.metadata };
    metadata.labels = { ...metadata.labels, ...labels };
    if (Object.keys(annotations).length > 0)
      metadata.annotations = { ...metadata.annotations, ...annotations };
    return toResource({ ...resource.object, metadata }, resource.source);
  });
  return { resources: fillNamespace(labelled, releaseNamespace), charts: chart.charts };
}
function releaseName2(release, spec) {
  const targetNamespace = textOf(spec.targetNamespace);
  const name = textOf(spec.releaseName) ?? (targetNamespace ? `${targetNamespace}-${release.metadata.name}` : release.metadata.name);
  if (name.length <= RELEASE_NAME_MAX) return name;
  const hash = createHash2("sha256").update(name).digest("hex").slice(0, RELEASE_HASH_LENGTH);
  return `${name.slice(0, RELEASE_NAME_MAX - RELEASE_HASH_LENGTH - 1)}-${hash}`;
}
async function chartOf(context, spec, namespace, inputs) {
  const template = recordOf(recordOf(spec.chart).spec);
  if (spec.chart !== void 0) {
    const sourceRef = recordOf(template.sourceRef);
    return chartFromTemplate(context, inputs, {
      chart: textOf(template.chart),
      version: textOf(template.version),
      sourceKind: textOf(sourceRef.kind),
      sourceName: textOf(sourceRef.name),
      sourceNamespace: textOf(sourceRef.namespace) ?? namespace,
      valuesFiles: valuesFilesOf(template),
      ignoreMissingValuesFiles: template.ignoreMissingValuesFiles === true,
      field: "spec.chart.spec"
    });
  }
  const chartRef = recordOf(spec.chartRef);
  const kind = textOf(chartRef.kind);
  const name = textOf(chartRef.name);
  if (kind === void 0 || name === void 0) {
    throw new PlumblineError(
      "names no chart: neither spec.chart nor spec.chartRef with a kind and name",
      "Give the HelmRelease spec.chart.spec or spec.chartRef."
    );
  }
  const refNamespace = textOf(chartRef.namespace) ?? namespace;
  const source = required(inputs, kind, refNamespace, name, "spec.chartRef");
  if (kind === "HelmChart") {
    const helmChart = recordOf(source.object.spec);
    const sourceRef = recordOf(helmChart.sourceRef);
    return chartFromTemplate(context, inputs, {
      chart: textOf(helmChart.chart),
      version: textOf(helmChart.version),
      sourceKind: textOf(sourceRef.kind),
      sourceName: textOf(sourceRef.name),
      sourceNamespace: source.object.metadata.namespace ?? refNamespace,
      valuesFiles: valuesFilesOf(helmChart),
      ignoreMissingValuesFiles: helmChart.ignoreMissingValuesFiles === true,
      field: `the HelmChart at ${source.place}`
    });
  }
  if (kind !== "OCIRepository") {
    throw new PlumblineError(
      `spec.chartRef names a ${kind}, and a chart comes from an OCIRepository or a HelmChart`,
      "Point spec.chartRef at an OCIRepository or a HelmChart."
    );
  }
  const repository = recordOf(source.object.spec);
  const url = textOf(repository.url)?.replace(/\/+$/, "");
  const slash = url?.lastIndexOf("/") ?? -1;
  if (url === void 0 || !url.startsWith("oci://") || slash <= "oci://".length) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} has no spec.url of the form oci://host/path/chart`,
      "Give the OCIRepository the chart's OCI address as spec.url."
    );
  }
  const ref = recordOf(repository.ref);
  if (textOf(ref.digest) !== void 0) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} pins spec.ref.digest, which plumbline does not resolve yet`,
      "Pin the chart by spec.ref.tag or spec.ref.semver to render it with plumbline."
    );
  }
  const version = textOf(ref.semver) ?? textOf(ref.tag);
  if (version === void 0) {
    throw new PlumblineError(
      `the OCIRepository at ${source.place} names no spec.ref.tag or spec.ref.semver, and plumbline resolves chart versions, not the latest tag`,
      "Give the OCIRepository spec.ref.tag or spec.ref.semver."
    );
  }
  return remoteChart2(context, url.slice(0, slash), url.slice(slash + 1), version);
}
async function chartFromTemplate(context, inputs, template) {
  const { field: field2 } = template;
  if (template.chart === void 0 || template.sourceKind === void 0 || template.sourceName === void 0) {
    throw new PlumblineError(
      `${field2} names no chart, or no source kind and name`,
      "Give the chart template chart and sourceRef (kind and name)."
    );
  }
  switch (template.sourceKind) {
    case "HelmRepository": {
      const source = required(
        inputs,
        "HelmRepository",
        template.sourceNamespace,
        template.sourceName,
        `${field2}.sourceRef`
      );
      const repository = recordOf(source.object.spec);
      const url = textOf(repository.url)?.replace(/\/+$/, "");
      const oci = repository.type === "oci" || url?.startsWith("oci://") === true;
      if (url === void 0 || !(oci ? /^oci:\/\//.test(url) : /^https?:\/\//.test(url))) {
        throw new PlumblineError(
          `the HelmRepository at ${source.place} has no spec.url plumbline can fetch from (${oci ? "oci://" : "http:// or https://"})`,
          "Give the HelmRepository the repository's address as spec.url."
        );
      }
      if (template.valuesFiles.length > 0) {
        throw new PlumblineError(
          `${field2}.valuesFiles names values files inside a chart from a repository, which plumbline does not read yet`,
          "Move those values into spec.values or spec.valuesFrom of the HelmRelease."
        );
      }
      return remoteChart2(context, url, template.chart, template.version ?? "*");
    }
    case "GitRepository": {
      if (!inputs.isThisRepository(template.sourceNamespace, template.sourceName)) {
        throw new PlumblineError(
          `${field2}.sourceRef names GitRepository ${template.sourceNamespace}/${template.sourceName}, which does not fetch this repository`,
          "plumbline renders charts from this repository, from Helm repositories and from OCI registries."
        );
      }
      return localChart2(context, template);
    }
    case "Bucket":
      throw new PlumblineError(
        `${field2}.sourceRef names a Bucket, which plumbline does not support`,
        "Publish the chart to a Helm repository or an OCI registry, or keep it in this repository."
      );
    default:
      throw new PlumblineError(
        `${field2}.sourceRef names a ${template.sourceKind}, which is no chart source`,
        "Point sourceRef at a HelmRepository, a GitRepository or a Bucket."
      );
  }
}
async function remoteChart2(context, repository, name, version) {
  const fetched = await context.charts.fetch({ repository, name, version }, "content");
  const label = `${name}@${fetched.version}`;
  await checkChartArchive(fetched.file, `${name} ${fetched.version} from ${repository}`);
  const provenance = { repository, name, version: fetched.version, digest: fetched.digest };
  if (fetched.manifestDigest) provenance.manifestDigest = fetched.manifestDigest;
  return { chart: fetched.file, charts: [provenance], label, valuesFiles: [] };
}
async function localChart2(context, template) {
  const path = normaliseFluxPath(template.chart);
  if (path === void 0) {
    throw new PlumblineError(
      `${template.field}.chart leads outside the repository`,
      "Name a chart folder of the repository, relative to its root."
    );
  }
  if (await realPathInside(context.boundary, posix9.join(path, "Chart.yaml")) === void 0) {
    throw new PlumblineError(
      `${template.field}.chart names ${path || "."}, which holds no Chart.yaml`,
      "Name a chart folder of the repository, relative to its root."
    );
  }
  await requireChartInside(context.boundary, path);
  const { chart, charts } = await withDependencies(context, path);
  const valuesFiles = [];
  for (const file of template.valuesFiles) {
    const valuesPath = normaliseFluxPath(file);
    if (valuesPath === void 0) {
      throw new PlumblineError(
        `${template.field}.valuesFiles names a file outside the repository`,
        "Name values files of the repository, relative to its root."
      );
    }
    if (await realPathInside(context.boundary, valuesPath) !== void 0) valuesFiles.push(valuesPath);
    else if (!template.ignoreMissingValuesFiles) {
      throw new PlumblineError(
        `${template.field}.valuesFiles names ${valuesPath}, which does not exist`,
        "Name values files of the repository, relative to its root, or set ignoreMissingValuesFiles."
      );
    }
  }
  return { chart, charts, label: path || ".", valuesFiles };
}
function valuesSources(spec, namespace, inputs) {
  const entries = spec.valuesFrom;
  if (entries === void 0 || entries === null) return [];
  if (!Array.isArray(entries)) throw new PlumblineError("spec.valuesFrom must be a list");
  const sources = [];
  entries.forEach((item, index) => {
    const field2 = `spec.valuesFrom[${index}]`;
    const entry = recordOf(item);
    const kind = textOf(entry.kind);
    const name = textOf(entry.name);
    if (kind !== "ConfigMap" && kind !== "Secret" || name === void 0) {
      throw new PlumblineError(
        `${field2} names no ConfigMap or Secret by name`,
        "Give each valuesFrom entry kind ConfigMap or Secret and a name."
      );
    }
    const optional = entry.optional === true;
    const key = textOf(entry.valuesKey) ?? "values.yaml";
    const source = inputs.find(kind, namespace, name);
    const describe2 = `${kind} ${namespace}/${name}, key ${key}`;
    if (!source) {
      if (optional) return;
      throw new PlumblineError(
        `${field2} names ${kind} ${namespace}/${name}, which neither this environment nor another of its cluster applies from the repository`,
        "Add it to the repository, or to the file of the cluster's objects outside Git (flux.clusterObjects in plumbline.yaml), or mark the entry optional: true if the release does without it."
      );
    }
    const data = recordOf(source.object.data);
    const value = Object.hasOwn(data, key) ? data[key] : void 0;
    if (typeof value !== "string") {
      if (optional) return;
      throw new PlumblineError(
        `${field2}: ${kind} ${namespace}/${name} (${source.place}) has no key ${key}`,
        "Name a key the object has in valuesKey, or mark the entry optional: true."
      );
    }
    const targetPath = textOf(entry.targetPath);
    if (targetPath !== void 0) {
      sources.push({
        kind: "targetPath",
        targetPath,
        value,
        ...entry.literal === true ? { literal: true } : {},
        describe: describe2
      });
    } else if (kind === "ConfigMap") {
      sources.push({ kind: "document", text: value, describe: describe2 });
    }
  });
  return sources;
}
async function postRender(context, spec, rendered, scratch) {
  const renderers = Array.isArray(spec.postRenderers) ? spec.postRenderers : [];
  let text;
  for (const [index, item] of renderers.entries()) {
    const kustomize = recordOf(recordOf(item).kustomize);
    if (recordOf(item).kustomize === void 0) continue;
    const field2 = `spec.postRenderers[${index}].kustomize`;
    const patches = listOf(kustomize.patches).map((entry, at) => {
      const patch = recordOf(entry);
      if (typeof patch.patch !== "string") {
        throw new PlumblineError(`${field2}.patches[${at}].patch must be a string`);
      }
      const written = { patch: patch.patch };
      const target = selectorOf3(patch.target);
      if (target) written.target = target;
      return written;
    });
    const images = listOf(kustomize.images).map((entry) => {
      const image = recordOf(entry);
      const written = {};
      for (const key of ["name", "newName", "newTag", "digest"]) {
        const value = textOf(image[key]);
        if (value !== void 0) written[key] = value;
      }
      return written;
    });
    const folder = await mkdtemp3(join12(scratch, "post-render-"));
    await writeFile4(join12(folder, "helm-output.yaml"), text ?? rendered);
    const kustomization = {
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: ["helm-output.yaml"]
    };
    if (images.length > 0) kustomization.images = images;
    if (patches.length > 0) kustomization.patches = patches;
    await writeFile4(join12(folder, "kustomization.yaml"), (0, import_yaml9.stringify)(kustomization));
    text = await kustomizeBuild(context, folder, [], field2, [folder]);
  }
  return text;
}
function selectorOf3(value) {
  if (value === void 0 || value === null) return void 0;
  const selector = recordOf(value);
  const written = {};
  for (const key of SELECTOR_FIELDS) {
    const item = textOf(selector[key]);
    if (item !== void 0) written[key] = item;
  }
  return written;
}
function required(inputs, kind, namespace, name, field2) {
  const found = inputs.find(kind, namespace, name);
  if (found) return found;
  throw new PlumblineError(
    `${field2} names ${kind} ${namespace}/${name}, which neither this environment nor another of its cluster applies from the repository`,
    `Add the ${kind} to the repository, in a path a Flux Kustomization of the cluster applies.`
  );
}
function valuesFilesOf(template) {
  const files = listOf(template.valuesFiles).filter((file) => typeof file === "string");
  const single = textOf(template.valuesFile);
  return single !== void 0 && files.length === 0 ? [single] : files;
}
function valuesOf(value) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new PlumblineError("spec.values must be a mapping", "Write spec.values as a mapping of values.");
  }
  return value;
}
function templatePath2(label, comment) {
  const source = comment?.match(/^\s*Source:\s*(\S+)/m)?.[1];
  if (!source) return `${label} (helm template output)`;
  return `${label}/${source.slice(source.indexOf("/") + 1)}`;
}

// src/render/flux.ts
var KUSTOMIZE_GROUP2 = "kustomize.toolkit.fluxcd.io";
var NOTHING2 = { resources: [], charts: [], ranHelm: false };
async function renderFlux(context, env, repoRoot) {
  const identity = env.flux;
  if (!identity) {
    throw new PlumblineError(
      "the environment has renderer flux but names no Flux Kustomization",
      "Flux environments are discovered: leave the environments out of plumbline.yaml to have them found."
    );
  }
  const discovery = context.discoveries.flux(repoRoot, discoverySettings(context.settings));
  if (identity.cluster === "") {
    const problem2 = discovery.problems.find(
      (candidate) => candidate.environment === void 0 && candidate.file === identity.name
    );
    if (problem2) throw problemError(problem2);
    return NOTHING2;
  }
  const name = `${identity.cluster}/${identity.namespace}/${identity.name}`;
  const problem = discovery.problems.find((candidate) => candidate.environment === name);
  if (problem) throw problemError(problem);
  const found = discovery.environments.find((candidate) => candidate.name === name);
  if (!found) return NOTHING2;
  const where = `${found.file}:${found.line}`;
  const spec = specOf(found.object);
  const kustomization = kustomizationFacts(
    { name: found.kustomizationName, namespace: found.namespace },
    spec,
    where
  );
  const text = await buildFluxPath(context, { path: found.path, spec, where });
  const file = `${found.path || "."} (kustomize output)`;
  const unmasked = parseManifests({
    text,
    locate: (line) => ({ file, line }),
    describe: (line) => `${file}:${line}`,
    masking: "later"
  });
  const objects = new ClusterObjects(fluxSourcesOf(discovery, found.cluster), context.clusterObjects);
  await objects.fetchMissing(substituteFromReferences(spec, found.namespace));
  let resources = postBuild(unmasked, found, where, objects).map(masked);
  resources = withKustomizeLabels(resources, found, spec);
  return { ...await helmReleases(context, resources, found, discovery, objects), kustomization };
}
function problemError(problem) {
  return new PlumblineError(
    `${problem.file}:${problem.line}: ${problem.message}`,
    "Fix the Flux Kustomization there: kustomize-controller could not apply it either."
  );
}
var ClusterObjects = class {
  constructor(written, lookup) {
    this.written = written;
    this.lookup = lookup;
  }
  written;
  lookup;
  #outside = /* @__PURE__ */ new Map();
  #found = /* @__PURE__ */ new Map();
  /** Whether objects outside the repository are looked for at all. */
  get looksOutside() {
    return this.lookup !== void 0;
  }
  /** Asks the lookup for each of `references` the repository lacks. */
  async fetchMissing(references) {
    const lookup = this.lookup;
    if (!lookup) return;
    await Promise.all(
      references.map(async (reference) => {
        const key = fluxObjectKey(reference.kind, reference.namespace, reference.name);
        if (this.written.has(key)) return;
        let pending = this.#outside.get(key);
        if (!pending) {
          pending = lookup(reference);
          this.#outside.set(key, pending);
        }
        const found = await pending;
        if (found) this.#found.set(key, found);
      })
    );
  }
  find(kind, namespace, name) {
    const key = fluxObjectKey(kind, namespace, name);
    const written = this.written.get(key);
    if (written) return { object: written.object, place: `${written.file}:${written.line}` };
    return this.#found.get(key);
  }
};
function substituteFromReferences(spec, namespace) {
  return referencesIn(recordOf(spec.postBuild).substituteFrom, namespace);
}
function referencesIn(list, namespace) {
  const references = [];
  for (const item of listOf(list)) {
    const { kind, name } = recordOf(item);
    if ((kind === "ConfigMap" || kind === "Secret") && typeof name === "string" && name !== "")
      references.push({ kind, namespace, name });
  }
  return references;
}
function postBuild(resources, found, where, objects) {
  const spec = specOf(found.object);
  const postBuildSpec = spec.postBuild;
  if (postBuildSpec === void 0 || postBuildSpec === null) return resources;
  const settings = recordOf(postBuildSpec);
  const variables = /* @__PURE__ */ new Map();
  listOf(settings.substituteFrom).forEach((item, index) => {
    const field2 = `spec.postBuild.substituteFrom[${index}]`;
    const reference = recordOf(item);
    const kind = reference.kind;
    const name = reference.name;
    if (kind !== "ConfigMap" && kind !== "Secret" || typeof name !== "string" || name === "") {
      throw new PlumblineError(
        `${where}: ${field2} names no ConfigMap or Secret by name`,
        "Give each substituteFrom entry kind ConfigMap or Secret and a name."
      );
    }
    const source = objects.find(kind, found.namespace, name);
    if (!source) {
      if (reference.optional === true) return;
      throw new PlumblineError(
        `${where}: ${field2} names ${kind} ${found.namespace}/${name}, which no Kustomization of cluster ${found.cluster} applies from the repository${objects.looksOutside ? ", nor does the cluster hold it outside Git" : ""}`,
        `Add it to the repository where a Flux Kustomization of the cluster applies it, or to the file of the cluster's objects outside Git (flux.clusterObjects.${found.cluster} in plumbline.yaml), or mark the entry optional: true.`
      );
    }
    for (const [key, value] of Object.entries(recordOf(source.object.data))) {
      if (typeof value === "string") variables.set(key, value.replaceAll("\n", ""));
    }
  });
  for (const [key, value] of Object.entries(recordOf(settings.substitute))) {
    if (typeof value !== "string") {
      throw new PlumblineError(
        `${where}: spec.postBuild.substitute has a value that is not a string`,
        "Quote the value: Flux takes only strings as variables."
      );
    }
    variables.set(key, value.replaceAll("\n", ""));
  }
  if (variables.size === 0 && settings.substituteStrategy !== "Always") return resources;
  const unresolved = [];
  const substituted = resources.map((resource) => {
    let result;
    try {
      result = substituteVariables(resource.object, variables);
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
      throw new PlumblineError(`${where}: spec.postBuild: ${error.message}`, error.hint, { cause: error });
    }
    if (result.unresolved.length > 0) {
      unresolved.push(`${result.unresolved.join(", ")} in ${displayName(resource.id)} (${place(resource)})`);
    }
    return result.value === resource.object ? resource : toResource(result.value, resource.source);
  });
  if (unresolved.length > 0) {
    throw new PlumblineError(
      `${where}: spec.postBuild: variables without a value or a default: ${unresolved.join("; ")}`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Flux's variable syntax, not a template
      "Define each in spec.postBuild.substitute or in a ConfigMap or Secret that spec.postBuild.substituteFrom names, or give it a default (${name:=default}); kustomize-controller fails the build as well."
    );
  }
  return substituted;
}
function withKustomizeLabels(resources, found, spec) {
  const common2 = recordOf(spec.commonMetadata);
  const labels = {
    [`${KUSTOMIZE_GROUP2}/name`]: found.kustomizationName,
    [`${KUSTOMIZE_GROUP2}/namespace`]: found.namespace,
    ...stringRecord(common2.labels)
  };
  const annotations = stringRecord(common2.annotations);
  return resources.map((resource) => {
    const metadata = {
      ...resource.object.metadata,
      labels: { ...resource.object.metadata.labels, ...labels }
    };
    if (Object.keys(annotations).length > 0)
      metadata.annotations = { ...metadata.annotations, ...annotations };
    return toResource({ ...resource.object, metadata }, resource.source);
  });
}
async function helmReleases(context, resources, found, discovery, objects) {
  const releases = resources.filter((resource) => isHelmRelease(resource.object));
  if (releases.length === 0) return { resources, charts: [], ranHelm: false };
  const rendered = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    const kind = fluxKindOf(resource.object);
    if (kind === void 0 || kind === "Kustomization" || kind === "HelmRelease") continue;
    const namespace = resource.object.metadata.namespace ?? found.namespace;
    const key = fluxObjectKey(kind, namespace, resource.object.metadata.name);
    if (!rendered.has(key)) rendered.set(key, { object: resource.object, place: place(resource) });
  }
  const find = (kind, namespace, name) => rendered.get(fluxObjectKey(kind, namespace, name)) ?? objects.find(kind, namespace, name);
  await objects.fetchMissing(
    releases.flatMap(
      (release) => referencesIn(
        recordOf(release.object.spec).valuesFrom,
        release.object.metadata.namespace ?? found.namespace
      ).filter(
        (reference) => !rendered.has(fluxObjectKey(reference.kind, reference.namespace, reference.name))
      )
    )
  );
  const written = discovery.clusters.get(found.cluster)?.objects ?? [];
  const all = [...resources];
  const charts = [];
  for (const release of releases) {
    const namespace = release.object.metadata.namespace ?? found.namespace;
    const origin = written.find(
      (object) => object.kind === "HelmRelease" && object.object.metadata.name === release.object.metadata.name && (object.namespace ?? found.namespace) === namespace
    );
    const installed = await renderHelmRelease(context, release.object, {
      find,
      isThisRepository: (sourceNamespace, sourceName) => isThisRepository(discovery, found.cluster, sourceNamespace, sourceName),
      place: origin ? `${origin.file}:${origin.line}` : place(release),
      namespace: found.namespace
    });
    all.push(...installed.resources);
    charts.push(...installed.charts);
  }
  return { resources: all, charts, ranHelm: true };
}
function place(resource) {
  return resource.source.line === void 0 ? resource.source.file : `${resource.source.file}:${resource.source.line}`;
}
function specOf(object) {
  return recordOf(object.spec);
}
function masked(resource) {
  const object = maskSecret(resource.object);
  return object === resource.object ? resource : toResource(object, resource.source);
}

// src/render/plain.ts
import { readdir as readdir5, readFile as readFile8 } from "node:fs/promises";
import { join as join13, posix as posix10, relative as relative4, sep as sep4 } from "node:path";
var MANIFEST_EXTENSIONS = [".yaml", ".yml", ".json"];
async function renderPlain(context, path) {
  const repoRoot = context.boundary.root;
  const resources = [];
  let bytes = 0;
  for (const file of await manifestFiles(repoRoot, path)) {
    const text = await readFile8(join13(repoRoot, file), "utf8");
    bytes += Buffer.byteLength(text);
    if (bytes > context.settings.limits.bytes) {
      throw new PlumblineError(
        `the manifests below ${path} hold more than the limit of ${context.settings.limits.bytes} bytes per environment`,
        "Split the environment, or raise render.limits.bytes in the configuration of the base branch."
      );
    }
    resources.push(
      ...parseManifests({
        text,
        locate: (line) => ({ file, line }),
        describe: (line, column) => `${file}:${line}:${column}`
      })
    );
  }
  return resources;
}
async function manifestFiles(repoRoot, folder) {
  const entries = await readdir5(join13(repoRoot, folder), { withFileTypes: true, recursive: true });
  return entries.filter(
    (entry) => entry.isFile() && MANIFEST_EXTENSIONS.some((extension) => entry.name.endsWith(extension))
  ).map((entry) => relative4(join13(repoRoot, folder), join13(entry.parentPath, entry.name)).split(sep4).join("/")).filter((file) => !file.split("/").some((part) => part.startsWith("."))).map((file) => posix10.join(folder, file)).sort();
}

// src/render/sandbox.ts
import { chmod, mkdir as mkdir4, mkdtemp as mkdtemp4, rm as rm2, writeFile as writeFile5 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join14 } from "node:path";
var NO_NETWORK_PROXY = "http://127.0.0.1:9";
var PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"];
var NO_PROXY_VARIABLES = ["NO_PROXY", "no_proxy"];
var HELM_SUBCOMMANDS_FOR_KUSTOMIZE = ["version", "template"];
async function openSandbox(options) {
  const root = await mkdtemp4(join14(tmpdir(), "plumbline-render-"));
  const path = (...parts) => join14(root, ...parts);
  const folders = {
    home: path("home"),
    tmp: path("tmp"),
    bin: path("bin"),
    scratch: path("scratch"),
    helmConfig: path("helm", "config"),
    helmCache: path("helm", "cache"),
    helmData: path("helm", "data"),
    helmPlugins: path("helm", "plugins")
  };
  for (const folder of Object.values(folders)) await mkdir4(folder, { recursive: true });
  const emptyKubeconfig = path("kubeconfig");
  await writeFile5(emptyKubeconfig, "");
  const helmHomes = {
    HELM_CONFIG_HOME: folders.helmConfig,
    HELM_CACHE_HOME: folders.helmCache,
    HELM_DATA_HOME: folders.helmData,
    HELM_PLUGINS: folders.helmPlugins,
    HELM_REPOSITORY_CONFIG: join14(folders.helmConfig, "repositories.yaml"),
    HELM_REPOSITORY_CACHE: join14(folders.helmCache, "repository"),
    HELM_REGISTRY_CONFIG: join14(folders.helmConfig, "registry", "config.json")
  };
  const online = options.allowHosts.length > 0;
  const env = {
    // PATH names programs, not secrets; kustomize needs git from it for allowed remote bases.
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: folders.home,
    TMPDIR: folders.tmp,
    XDG_CONFIG_HOME: join14(folders.home, ".config"),
    XDG_CACHE_HOME: join14(folders.home, ".cache"),
    XDG_DATA_HOME: join14(folders.home, ".local", "share"),
    KUBECONFIG: emptyKubeconfig,
    ...helmHomes,
    // git, for kustomize's remote bases: no system or user configuration, no prompts, and
    // no transport at all unless hosts are allowed.
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ALLOW_PROTOCOL: online ? "https:http" : "plumbline-no-network",
    ...online ? proxiesOf(process.env) : noNetworkProxies()
  };
  let helmForKustomize;
  if (options.helm) {
    helmForKustomize = join14(folders.bin, "helm");
    const subcommands = online ? [...HELM_SUBCOMMANDS_FOR_KUSTOMIZE, "pull"] : HELM_SUBCOMMANDS_FOR_KUSTOMIZE;
    await writeFile5(helmForKustomize, helmWrapper(options.helm, helmHomes, subcommands));
    await chmod(helmForKustomize, 493);
  }
  return {
    env,
    helmForKustomize,
    scratch: folders.scratch,
    dispose: () => rm2(root, { recursive: true, force: true })
  };
}
function noNetworkProxies() {
  const env = {};
  for (const name of PROXY_VARIABLES) env[name] = NO_NETWORK_PROXY;
  for (const name of NO_PROXY_VARIABLES) env[name] = "";
  return env;
}
function proxiesOf(parent) {
  const env = {};
  for (const name of [...PROXY_VARIABLES, ...NO_PROXY_VARIABLES]) {
    if (parent[name] !== void 0) env[name] = parent[name];
  }
  return env;
}
function helmWrapper(helm, homes, subcommands) {
  const exports = Object.entries(homes).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  return [
    "#!/bin/sh",
    "# Written by plumbline for one render; see src/render/sandbox.ts.",
    ...exports,
    'case "$1" in',
    `  ${subcommands.join("|")}) ;;`,
    '  *) echo "plumbline: helm $1 is not allowed while rendering" >&2; exit 1 ;;',
    "esac",
    `exec ${shellQuote(helm)} "$@"`,
    ""
  ].join("\n");
}
function shellQuote(value) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

// src/render/render.ts
async function renderEnvironment(repoRoot, env, options = {}) {
  const tools = options.tools ?? {};
  const settings = options.settings ?? renderSettings();
  const helm = await optionalHelm(tools);
  const sandbox = await openSandbox({ allowHosts: settings.allowHosts, helm });
  try {
    const boundary = await boundaryOf(repoRoot, options.top);
    if (!isGitOpsNative(env)) {
      await requireFolder(repoRoot, env.path);
      await realPathInside(boundary, env.path);
    }
    const renderer = rendererOf(env) ?? await detectRenderer(repoRoot, env.path);
    const capabilities = chooseCapabilities(env, options.clusterCapabilities?.get(env.name));
    const context = {
      boundary,
      sandbox,
      settings,
      tools,
      charts: options.charts ?? runChartFetcher(settings),
      discoveries: options.discoveries ?? new RunDiscoveries(),
      capabilities
    };
    const lookup = options.clusterObjects;
    if (lookup) context.clusterObjects = (reference) => lookup(env, reference);
    const provenance = { charts: [] };
    let resources;
    let ranHelm = false;
    let flux;
    let argocd;
    if (renderer === "kustomize") {
      ({ resources, ranHelm } = await renderKustomize(context, env.path));
    } else if (renderer === "helm") {
      ({ resources, charts: provenance.charts } = await renderHelm(context, env));
      ranHelm = true;
    } else if (renderer === "argocd") {
      ({
        resources,
        charts: provenance.charts,
        ranHelm,
        application: argocd
      } = await renderArgo(context, env, repoRoot));
    } else if (renderer === "flux") {
      ({
        resources,
        charts: provenance.charts,
        ranHelm,
        kustomization: flux
      } = await renderFlux(context, env, repoRoot));
    } else {
      resources = await renderPlain(context, env.path);
    }
    if (ranHelm && helm) {
      provenance.capabilities = capabilitiesProvenance(capabilities);
      provenance.helmVersion = await helmVersion(helm, sandbox.env);
    }
    const namespace = environmentNamespace(env);
    if (namespace) resources = fillNamespace(resources, namespace);
    requireWithinObjectLimit(resources, settings);
    requireUniqueKeys(resources);
    return { resources, provenance, ...flux ? { flux } : {}, ...argocd ? { argocd } : {} };
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`Environment "${env.name}" (${env.path}): ${error.message}`, error.hint, {
      cause: error,
      ...error.remedy ? { remedy: error.remedy } : {}
    });
  } finally {
    await sandbox.dispose();
  }
}
async function renderEnvironments(repoRoot, envs, options = {}) {
  options = {
    ...options,
    charts: options.charts ?? runChartFetcher(options.settings ?? renderSettings()),
    discoveries: options.discoveries ?? new RunDiscoveries()
  };
  const limit = pLimit(options.concurrency ?? Math.min(4, availableParallelism()));
  return Promise.all(
    envs.map(
      (environment) => limit(async () => {
        try {
          return { environment, ...await renderEnvironment(repoRoot, environment, options) };
        } catch (error) {
          return { environment, error: error instanceof Error ? error : new Error(String(error)) };
        }
      })
    )
  );
}
function rendererOf(env) {
  if (env.helm?.chart) return "helm";
  return env.renderer === "auto" ? void 0 : env.renderer;
}
async function requireFolder(repoRoot, path) {
  const isFolder3 = await stat2(join15(repoRoot, path)).then(
    (stats) => stats.isDirectory(),
    () => false
  );
  if (!isFolder3) throw new PlumblineError(`the folder ${path} does not exist`, "Check the environment path.");
}
function requireWithinObjectLimit(resources, settings) {
  if (resources.length <= settings.limits.objects) return;
  throw new PlumblineError(
    `rendered ${resources.length} objects, more than the limit of ${settings.limits.objects} per environment`,
    "Split the environment, or raise render.limits.objects in the configuration of the base branch."
  );
}
function requireUniqueKeys(resources) {
  const seen = /* @__PURE__ */ new Map();
  const duplicates = [];
  for (const resource of resources) {
    const first = seen.get(resource.key);
    if (first) {
      duplicates.push(
        `${displayName(resource.id)} is rendered twice: at ${place2(first.source)} and at ${place2(resource.source)}`
      );
    } else {
      seen.set(resource.key, resource);
    }
  }
  if (duplicates.length > 0) {
    throw new PlumblineError(
      duplicates.join("\n"),
      "Each object may appear once per environment; remove one of them or give it another name or namespace."
    );
  }
}
function place2(source) {
  return source.line === void 0 ? source.file : `${source.file}:${source.line}`;
}

export {
  pLimit,
  writeAtomically,
  runChartFetcher,
  parsePointer,
  listItemNames,
  changedFields,
  compareObject,
  compareSets,
  filesContaining,
  resolveBase,
  withCheckout,
  withBaseSide,
  workTreeTop,
  headRevision,
  commitExists,
  environmentNamespace,
  undefinedApplication,
  argoOwnership,
  argoComparison,
  namedSourceTypes,
  folderSourceType,
  valueFileLocation,
  boundaryOf,
  remembered,
  walkInside,
  kustomizeInputs,
  listedDependencies,
  scopesFromCrds,
  detectRenderer,
  unappliedKustomization,
  fluxOwnerSelectors,
  fluxComparison,
  renderEnvironment,
  renderEnvironments
};
