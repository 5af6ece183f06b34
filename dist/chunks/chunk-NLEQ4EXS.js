import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  objectSections,
  summaryTable,
  verdict
} from "./chunk-LDKLHGTU.js";
import {
  compareSets,
  withCheckout,
  workTreeTop
} from "./chunk-JRAQUMV5.js";
import {
  ForgeError,
  code,
  countChanges,
  escapeInline,
  truncateSection
} from "./chunk-U6YIBRX6.js";
import {
  KUSTOMIZATION_FILES,
  addWorktree,
  commitStaged,
  currentBranch,
  deleteRemoteBranch,
  discoverArgoApplications,
  discoverFluxEnvironments,
  entryAtRevision,
  fetchBranches,
  folderSourceType,
  listFiles,
  listFilesAt,
  listOf,
  namedSourceTypes,
  pushCommit,
  recordOf,
  remoteBranchHead,
  renderEnvironment,
  require_dist,
  showFile,
  stagedTree,
  textOf,
  treeOf,
  valueFileLocation,
  writeAtomically
} from "./chunk-I3R6E5OK.js";
import {
  PlumblineError,
  problemOf
} from "./chunk-HOINZ2KI.js";
import {
  __toESM
} from "./chunk-4PGWNIJS.js";

// src/promote/image-ref.ts
function parseImageRef(ref) {
  const at = ref.indexOf("@");
  const withoutDigest = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? void 0 : ref.slice(at + 1);
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", slash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon === -1 ? void 0 : withoutDigest.slice(colon + 1);
  return { name, tag, digest };
}
function formatImageRef(ref) {
  return `${ref.name}${ref.tag !== void 0 ? `:${ref.tag}` : ""}${ref.digest !== void 0 ? `@${ref.digest}` : ""}`;
}
function formatVersion(version) {
  const digest = version.digest === void 0 ? "" : `@${shortDigest(version.digest)}`;
  return `${version.tag ?? ""}${digest}` || "(none)";
}
function shortDigest(digest) {
  const [algorithm, hex] = digest.split(":");
  return hex !== void 0 && hex.length > 12 ? `${algorithm}:${hex.slice(0, 12)}\u2026` : digest;
}
function sameVersion(a, b) {
  return a.tag === b.tag && a.digest === b.digest;
}
function parseVersionInput(tag, digest) {
  let version = {};
  if (tag) {
    const at = tag.indexOf("@");
    version = at === -1 ? { tag } : { tag: tag.slice(0, at), digest: tag.slice(at + 1) };
    if (version.tag === "") delete version.tag;
  }
  if (digest) {
    if (version.digest !== void 0 && version.digest !== digest) {
      throw new PlumblineError(
        `the tag pins digest ${version.digest} but the digest input is ${digest}`,
        "Give the digest once: either in the tag (`1.2.3@sha256:\u2026`) or as the digest input."
      );
    }
    version.digest = digest;
  }
  return version;
}
function canonicalName(name) {
  let canonical = name.toLowerCase();
  for (const prefix of ["docker.io/", "index.docker.io/", "registry-1.docker.io/"]) {
    if (canonical.startsWith(prefix)) canonical = canonical.slice(prefix.length);
  }
  return canonical.startsWith("library/") ? canonical.slice("library/".length) : canonical;
}
function sameImageName(a, b) {
  return canonicalName(a) === canonicalName(b);
}
function namesOverlap(a, b) {
  return a.some((x) => b.some((y) => sameImageName(x, y)));
}

// src/commands/promote-settings.ts
var plumblineAuthor = {
  name: "plumbline",
  email: "plumbline@users.noreply.invalid"
};
function resolveSettings(options, checkedOutBranch) {
  const target = environment(options.config, options.to, "target");
  const explicit = explicitImage(options);
  const fromName = explicit ? void 0 : options.from ?? target.promote?.from;
  if (!explicit && !fromName) {
    throw new PlumblineError(
      `nothing says where ${target.name}'s images come from`,
      `Set promote.from for ${target.name} in plumbline.yaml, or name the environment (or the image and version) to promote from.`,
      { remedy: "from" }
    );
  }
  const base = options.base ?? checkedOutBranch;
  if (!base) {
    throw new PlumblineError(
      "cannot tell which branch to promote on (HEAD is detached)",
      "Name the branch to promote on.",
      { remedy: "base" }
    );
  }
  const only = options.images ?? target.promote?.images;
  return {
    repoRoot: options.repoRoot,
    target,
    ...fromName && { source: environment(options.config, fromName, "source") },
    explicit,
    via: options.via ?? target.promote?.via ?? "pull-request",
    group: options.group ?? target.promote?.group ?? "environment",
    allowDowngrade: options.allowDowngrade ?? target.promote?.allowDowngrade ?? false,
    only,
    dryRun: options.dryRun ?? false,
    remote: options.remote ?? "origin",
    base,
    labels: options.labels ?? ["plumbline", "promote"],
    maxAttempts: options.maxAttempts ?? 5,
    author: options.author ?? plumblineAuthor,
    repositoryUrls: options.config.render.repositoryUrls ?? [],
    argocdClusters: options.config.render.argocdClusters
  };
}
function requireForge(settings, deps) {
  if (settings.via !== "pull-request" || deps.forge || settings.dryRun) return;
  const needs = `promoting to ${settings.target.name} through a change request needs a forge token`;
  if (deps.missingForge) {
    throw new PlumblineError(`${needs}, but ${deps.missingForge.message}`, deps.missingForge.hint, {
      cause: deps.missingForge,
      remedy: "via-commit"
    });
  }
  throw new PlumblineError(needs, "Provide the forge's token.", { remedy: "via-commit" });
}
function environment(config, name, role) {
  const found = config.environments.find((candidate) => candidate.name === name);
  if (found) return found;
  const known = config.environments.map((candidate) => candidate.name).join(", ") || "none";
  throw new PlumblineError(
    `${role} environment '${name}' is not configured`,
    `Known environments: ${known}.`
  );
}
function explicitImage(options) {
  if (!options.image) {
    if (options.tag || options.digest) {
      throw new PlumblineError("a tag or digest to promote needs the image it belongs to", void 0, {
        remedy: "image"
      });
    }
    return void 0;
  }
  const explicit = { image: options.image, version: parseVersionInput(options.tag, options.digest) };
  if (explicit.version.tag === void 0 && explicit.version.digest === void 0) {
    throw new PlumblineError(`no version given for ${explicit.image}`, "Name its tag, its digest or both.", {
      remedy: "tag-or-digest"
    });
  }
  if (options.from) {
    throw new PlumblineError(
      "promote either what an environment runs or an image named explicitly, not both",
      void 0,
      { remedy: "from" }
    );
  }
  return explicit;
}

// src/commands/promote-base.ts
async function withBase(settings, extraBranches, work) {
  const { repoRoot, remote, base } = settings;
  const heads = await fetchBranches(repoRoot, remote, [base, ...extraBranches]);
  const baseHead = heads.get(base);
  if (!baseHead) {
    throw new PlumblineError(
      `branch ${base} does not exist on ${remote}`,
      "Name the branch the environments live on.",
      { remedy: "base" }
    );
  }
  const worktree = await addWorktree(repoRoot, baseHead);
  try {
    return await work({ dir: worktree.dir, baseHead, heads });
  } finally {
    await worktree.remove();
  }
}

// src/commands/promote-message.ts
function promoteMessage(result, target, words) {
  const warnings = result.warnings.map((warning) => `Warning: ${warning}`);
  if (result.promoted.length === 0 && result.changes.length === 0) {
    const notes = result.notes.length ? `
  ${result.notes.join("\n  ")}` : "";
    return [
      `Nothing to promote to ${target}: it already runs the wanted versions.${notes}`,
      ...warnings
    ].join("\n");
  }
  const dryRun = result.status === "dry-run";
  const lines = result.promoted.map((p) => `  ${p.image}: ${p.from.join(", ")} -> ${p.to}`);
  const where = result.changes.map((change) => `  ${whereItWent(change, dryRun, words)}`);
  return [`${dryRun ? "Would promote" : "Promoted"} to ${target}:`, ...lines, ...where, ...warnings].join(
    "\n"
  );
}
function whereItWent(change, dryRun, words) {
  if (dryRun) return `would push to ${change.branch}`;
  const request = change.changeRequest;
  if (request && words) {
    const done = request.created ? "opened" : change.upToDate ? "already up to date" : "updated";
    return `${words.changeRequest} ${words.reference(request.number)} ${done}: ${request.url}`;
  }
  return `committed ${change.commit?.slice(0, 12)} to ${change.branch}`;
}

// src/promote/branch.ts
function promotionBranch(target, image) {
  const slug = image?.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  const environment2 = target.replaceAll("/", "--");
  return slug ? `plumbline/promote-image/${environment2}/${slug}` : `plumbline/promote/${environment2}`;
}

// src/git/worktree-files.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
function readWorktreeFile(dir, path) {
  return readFile(join(dir, path), "utf8");
}
async function writeWorktreeFiles(dir, files) {
  await Promise.all(files.map((file) => writeAtomically(join(dir, file.path), file.text)));
}

// src/promote/describe.ts
function promotionTitle(summary) {
  const [only] = summary.promotions;
  if (summary.promotions.length === 1 && only) {
    return `Promote ${only.image} ${formatVersion(only.to)} to ${summary.target}`;
  }
  const from = summary.source ? ` from ${summary.source}` : "";
  return `Promote ${summary.promotions.length} images${from} to ${summary.target}`;
}
function commitMessage(summary) {
  const lines = summary.promotions.map(
    (p) => `- ${p.image}: ${p.from.map(formatVersion).join(", ")} -> ${formatVersion(p.to)} (${p.origin})`
  );
  return `${promotionTitle(summary)}

${lines.join("\n")}

Promoted by plumbline from ${summary.baseCommit.slice(0, 12)}.`;
}
function changeRequestBody(summary, bodyLimit = 65536) {
  const rows = summary.promotions.map(
    (p) => `| ${code(p.image)} | ${p.from.map((v) => code(formatVersion(v))).join(", ")} \u2192 ${code(formatVersion(p.to))} | ${escapeInline(p.origin)} | ${code(summary.baseCommit.slice(0, 12))} |`
  );
  const parts = [
    `## Promote to ${escapeInline(summary.target)}`,
    "",
    "| image | old \u2192 new | source | source commit |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
    `Files: ${[...new Set(summary.promotions.flatMap((p) => p.places))].map(code).join(", ")}`
  ];
  if (summary.superseded.length > 0) {
    parts.push(
      "",
      "### Superseded",
      `This ${noun(summary)} was updated by a newer promotion; it no longer carries:`,
      ...summary.superseded.map(
        (s) => `- ${code(s.image)} ${code(formatVersion(s.was))} (now ${code(formatVersion(s.now))})`
      )
    );
  }
  if (summary.targetChange)
    parts.push("", `### What changes in ${escapeInline(summary.target)}`, "", summary.targetChange);
  parts.push(
    "",
    `_This ${noun(summary)} is kept up to date by plumbline promote; newer promotions update it._`
  );
  const body = parts.join("\n");
  if (body.length <= bodyLimit) return body;
  const note = `

_The plan diff was too long for a ${noun(summary)} body and was cut._`;
  return body.slice(0, bodyLimit - note.length) + note;
}
function targetChangeRoom(summary, bodyLimit, base) {
  const placeholder = "\0";
  const rest = changeRequestBody({ ...summary, targetChange: placeholder }, Number.POSITIVE_INFINITY).length - placeholder.length;
  return bodyLimit - rest - retiredNote(base, summary.target, noun(summary)).length;
}
function retiredNote(base, target, changeRequest) {
  return `

---
**Superseded:** ${escapeInline(base)} already runs these versions in ${escapeInline(target)}; plumbline deleted the branch, which closes this ${changeRequest}.`;
}
function retiredBody(body, base, target, changeRequest) {
  return body + retiredNote(base, target, changeRequest);
}
var noun = (summary) => summary.changeRequest ?? "change request";
function promotedImages(target, promotions) {
  return promotions.map((p) => ({
    image: p.image,
    environment: target,
    from: p.from.map(formatVersion),
    to: formatVersion(p.to),
    tag: p.to.tag,
    digest: p.to.digest,
    source: p.origin,
    files: [...new Set(p.places.map((place) => place.replace(/:\d+$/, "")))]
  }));
}

// src/promote/scalars.ts
var import_yaml = __toESM(require_dist(), 1);
function resolve(document, node) {
  if ((0, import_yaml.isAlias)(node)) return node.resolve(document);
  return node ?? void 0;
}
function mapAt(document, node) {
  const resolved = resolve(document, node);
  return (0, import_yaml.isMap)(resolved) ? resolved : void 0;
}
function seqItems(document, node) {
  const resolved = resolve(document, node);
  return (0, import_yaml.isSeq)(resolved) ? resolved.items : [];
}
function scalarIn(document, map, key) {
  const resolved = resolve(document, map?.get(key, true));
  return (0, import_yaml.isScalar)(resolved) ? resolved : void 0;
}
function scalarText(scalar) {
  if (!scalar || scalar.value === null || scalar.value === void 0) return void 0;
  if (scalar.type === "PLAIN" && typeof scalar.source === "string") return scalar.source;
  if (typeof scalar.value === "string") return scalar.value;
  return String(scalar.value);
}
function textIn(document, map, key) {
  return scalarText(scalarIn(document, map, key));
}

// src/promote/semver.ts
var pattern = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseSemver(tag) {
  const match = pattern.exec(tag);
  if (!match) return void 0;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] ? match[4].split(".") : []
  };
}
function compareSemver(a, b) {
  const x = parseSemver(a);
  const y = parseSemver(b);
  if (!x || !y) return void 0;
  for (let i = 0; i < 3; i++) {
    const difference = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (x.prerelease.length === 0 || y.prerelease.length === 0) {
    return Math.sign(y.prerelease.length - x.prerelease.length);
  }
  for (let i = 0; i < Math.max(x.prerelease.length, y.prerelease.length); i++) {
    const p = x.prerelease[i];
    const q = y.prerelease[i];
    if (p === void 0) return -1;
    if (q === void 0) return 1;
    if (p === q) continue;
    const numeric = /^\d+$/.test(p) && /^\d+$/.test(q);
    if (numeric) return Math.sign(Number(p) - Number(q));
    if (/^\d+$/.test(p)) return -1;
    if (/^\d+$/.test(q)) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

// src/promote/plan.ts
function displayName(site) {
  return site.format === "kustomize" ? site.names[1] ?? site.names[0] ?? "" : site.names[0] ?? "";
}
function effectiveSites(inventory) {
  const kustomize = inventory.sites.filter((site) => site.format === "kustomize");
  const overridden = (site) => kustomize.some((entry) => {
    const resources = inventory.kustomizations.find((k) => k.path === entry.file.path)?.resources ?? [];
    const listed = resources.some(
      (resource) => site.file.path === resource || site.file.path.startsWith(`${resource}/`)
    );
    return listed && namesOverlap(entry.names, site.names);
  });
  return inventory.sites.filter(
    (site) => (site.format !== "manifest" || !overridden(site)) && !decidedElsewhere(inventory, site)
  );
}
function decidedElsewhere(inventory, site) {
  const rank = site.overrides?.rank ?? 0;
  return inventory.sites.some(
    (other) => other.overrides !== void 0 && other.overrides.rank > rank && other.overrides.paths.some(
      (path) => path === "" || site.file.path === path || site.file.path.startsWith(`${path}/`)
    ) && namesOverlap(other.names, site.names)
  );
}
function imagesRunningIn(inventory, env) {
  const images = [];
  for (const site of effectiveSites(inventory)) {
    if (site.version.tag === void 0 && site.version.digest === void 0) continue;
    const known = images.find((image) => namesOverlap(image.names, site.names));
    if (!known) {
      const origin = `${env} (${site.file.path}:${site.line})`;
      images.push({ image: displayName(site), names: [...site.names], version: site.version, origin, site });
    } else if (!sameVersion(known.version, site.version)) {
      throw new PlumblineError(
        `${env} runs ${known.image} at two versions: ${formatVersion(known.version)} (${known.site.file.path}:${known.site.line}) and ${formatVersion(site.version)} (${site.file.path}:${site.line})`,
        "Make the source environment consistent, or promote one version explicitly.",
        { remedy: "image" }
      );
    } else {
      known.names.push(...site.names.filter((name) => !known.names.includes(name)));
    }
  }
  return images.map(({ site: _site, ...image }) => image);
}
function planPromotion(wanted, target, options) {
  const sites = effectiveSites(target);
  const plan = { promotions: [], edits: [], notes: [] };
  const problems = [];
  const downgrades = [];
  const editsByScalar = /* @__PURE__ */ new Map();
  for (const image of wanted) {
    const matches = sites.filter((site) => namesOverlap(site.names, image.names));
    if (matches.length === 0) {
      if (options.required(image)) throw notFound(image, target, options.targetEnv);
      plan.notes.push(`${image.image}: not used in ${options.targetEnv}`);
      continue;
    }
    const promotion = {
      image: image.image,
      from: [],
      to: image.version,
      origin: image.origin,
      places: []
    };
    for (const site of matches) {
      const where = `${site.file.path}:${site.line} (${site.where})`;
      let edits;
      try {
        edits = editsFor(site, image.version);
      } catch (problem) {
        problems.push(`${where}: ${problem.message}`);
        continue;
      }
      if (edits.length === 0) continue;
      const order = site.version.tag && image.version.tag ? compareSemver(image.version.tag, site.version.tag) : 0;
      if (order !== void 0 && order < 0 && !options.allowDowngrade) {
        downgrades.push(`${image.image} ${site.version.tag} \u2192 ${image.version.tag} at ${where}`);
      }
      if (!promotion.from.some((version) => sameVersion(version, site.version)))
        promotion.from.push(site.version);
      promotion.places.push(`${site.file.path}:${site.line}`);
      for (const edit of edits) {
        const existing = editsByScalar.get(edit.scalar);
        if (existing && existing.to !== edit.to) {
          problems.push(`${where}: two images want this value to be '${existing.to}' and '${edit.to}'`);
          continue;
        }
        if (!existing) {
          const line = site.file.lines.linePos(edit.scalar.range?.[0] ?? 0).line;
          const full = { ...edit, file: site.file, line };
          editsByScalar.set(edit.scalar, full);
          plan.edits.push(full);
        }
      }
    }
    if (promotion.places.length > 0) plan.promotions.push(promotion);
    else plan.notes.push(`${image.image}: ${options.targetEnv} already runs ${formatVersion(image.version)}`);
  }
  if (problems.length > 0) {
    throw new PlumblineError(
      `cannot promote into ${options.targetEnv}:
  ${problems.join("\n  ")}`,
      "plumbline changes values, never the shape of a reference: pin the source by digest, or add the missing field to the target once by hand. Nothing was written."
    );
  }
  if (downgrades.length > 0) {
    throw new PlumblineError(
      `refusing to downgrade in ${options.targetEnv}:
  ${downgrades.join("\n  ")}`,
      "Nothing was written. If the older version is intended, set promote.allowDowngrade: true for this environment in plumbline.yaml.",
      { remedy: "allow-downgrade" }
    );
  }
  return plan;
}
function editsFor(site, version) {
  if (site.shape === "ref") {
    const bare = site.version.tag === void 0 && site.version.digest === void 0;
    const keepsTag = bare || site.version.tag !== void 0;
    const keepsDigest = bare ? version.digest !== void 0 : site.version.digest !== void 0;
    if (keepsDigest && version.digest === void 0) throw new Error(pinnedWithoutDigest);
    if (keepsTag && version.tag === void 0 && !keepsDigest) throw new Error(tagWithoutTag);
    const next = formatImageRef({
      name: site.name,
      ...keepsTag && version.tag !== void 0 && { tag: version.tag },
      ...keepsDigest && { digest: version.digest }
    });
    const current = scalarText(site.ref) ?? "";
    return next === current ? [] : [{ scalar: site.ref, from: current, to: next }];
  }
  if (!site.tag && !site.digest) throw new Error("the entry has no tag or digest field to update");
  if (site.digest && version.digest === void 0) throw new Error(pinnedWithoutDigest);
  if (site.tag && version.tag === void 0 && !site.digest) throw new Error(tagWithoutTag);
  const edits = [];
  for (const [scalar, value] of [
    [site.tag, version.tag],
    [site.digest, version.digest]
  ]) {
    const current = scalarText(scalar);
    if (scalar && value !== void 0 && current !== value)
      edits.push({ scalar, from: current ?? "", to: value });
  }
  return edits;
}
var pinnedWithoutDigest = "the target is pinned by digest but the source gives no digest";
var tagWithoutTag = "the target names a tag but the source gives only a digest";
function notFound(image, target, env) {
  const looked = target.files.map((file) => {
    const names = target.sites.filter((site) => site.file.path === file.path).map(displayName);
    return `  ${file.path} (${file.format}): ${names.length > 0 ? names.join(", ") : "no images"}`;
  });
  return new PlumblineError(
    `image ${image.image} is not referenced in ${env}. Looked in:
${looked.length > 0 ? looked.join("\n") : "  (no YAML files)"}`,
    "Check the image name (any of a Kustomize name/newName, a Helm repository or a container image matches), or add the image to the environment first. Nothing was written."
  );
}

// src/promote/edit.ts
var import_yaml2 = __toESM(require_dist(), 1);
function applyEdits(file, edits) {
  const splices = edits.map((edit) => spliceFor(file, edit)).sort((a, b) => b.start - a.start);
  let text = file.text;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const splice of splices) {
    if (splice.end > previousStart) throw failure(file, "two edits overlap");
    text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    previousStart = splice.start;
  }
  return text;
}
function spliceFor(file, edit) {
  const token = edit.scalar.srcToken;
  if (!token || !import_yaml2.CST.isScalar(token))
    throw failure(file, `line ${edit.line}: the value is not a scalar in the source`);
  const before = import_yaml2.CST.stringify(token);
  if (file.text.slice(token.offset, token.offset + before.length) !== before) {
    throw failure(file, `line ${edit.line}: the parsed source does not match the file`);
  }
  const copy = structuredClone(token);
  import_yaml2.CST.setScalarValue(copy, edit.to, { type: styleFor(edit.scalar, edit.to) });
  return { start: token.offset, end: token.offset + before.length, text: import_yaml2.CST.stringify(copy) };
}
function styleFor(scalar, value) {
  const type = scalar.type ?? "PLAIN";
  if (type !== "PLAIN") return type;
  let reads;
  try {
    reads = (0, import_yaml2.parse)(value);
  } catch {
    return "QUOTE_DOUBLE";
  }
  return reads === value ? "PLAIN" : "QUOTE_DOUBLE";
}
function failure(file, detail) {
  return new PlumblineError(
    `${file.path}: cannot edit safely: ${detail}`,
    "plumbline wrote nothing. Please report this file shape to the plumbline maintainers."
  );
}

// src/promote/verify.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/promote/parse.ts
var import_yaml3 = __toESM(require_dist(), 1);
function parseYamlFile(path, text) {
  const lines = new import_yaml3.LineCounter();
  const parsed = (0, import_yaml3.parseAllDocuments)(text, { keepSourceTokens: true, lineCounter: lines, uniqueKeys: false });
  const documents = Array.isArray(parsed) ? parsed : [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw new PlumblineError(
        `${path}:${line}:${col}: not valid YAML: ${firstLine(error.message)}`,
        "Fix the YAML in this file; plumbline wrote nothing."
      );
    }
  }
  return { path, text, documents, lines };
}
function lineAt(file, offset) {
  return file.lines.linePos(offset).line;
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}

// src/promote/verify.ts
function verifyEdits(original, newText, edits) {
  let edited;
  try {
    edited = parseYamlFile(original.path, newText);
  } catch (error) {
    throw mismatch(original, `the edited file no longer parses (${error.message})`);
  }
  const wanted = new Map(edits.map((edit) => [edit.scalar, edit.to]));
  const seen = /* @__PURE__ */ new Set();
  if (edited.documents.length !== original.documents.length) {
    throw mismatch(original, "the number of documents changed");
  }
  original.documents.forEach((document, index) => {
    const other = edited.documents[index];
    compare(document.contents, other.contents, wanted, seen, original, `document ${index + 1}`);
  });
  for (const edit of edits) {
    if (!seen.has(edit.scalar))
      throw mismatch(original, `line ${edit.line}: the edited value was not found again`);
  }
}
function compare(a, b, wanted, seen, file, where) {
  const node = a;
  const other = b;
  if (node === null || other === null) {
    if (node !== other) throw mismatch(file, `${where} changed`);
    return;
  }
  if (node.anchor !== other.anchor || node.tag !== other.tag)
    throw mismatch(file, `${where}: an anchor or tag changed`);
  if ((0, import_yaml4.isAlias)(node)) {
    if (!(0, import_yaml4.isAlias)(other) || node.source !== other.source) throw mismatch(file, `${where}: an alias changed`);
    return;
  }
  if ((0, import_yaml4.isScalar)(node)) {
    if (!(0, import_yaml4.isScalar)(other)) throw mismatch(file, `${where} changed kind`);
    const intended = wanted.get(node);
    if (intended !== void 0) {
      seen.add(node);
      if (other.value !== intended) {
        throw mismatch(file, `${where} reads '${scalarText(other)}' instead of '${intended}'`);
      }
    } else if (node.value !== other.value && !(Number.isNaN(node.value) && Number.isNaN(other.value))) {
      throw mismatch(file, `${where} changed although it was not meant to`);
    }
    return;
  }
  if ((0, import_yaml4.isMap)(node) || (0, import_yaml4.isSeq)(node)) {
    if (node.constructor !== other.constructor || !("items" in other))
      throw mismatch(file, `${where} changed kind`);
    const items = other.items;
    if (items.length !== node.items.length) throw mismatch(file, `${where}: items were added or removed`);
    node.items.forEach((item, index) => {
      const otherItem = items[index];
      if ((0, import_yaml4.isPair)(item)) {
        if (!(0, import_yaml4.isPair)(otherItem)) throw mismatch(file, `${where} changed kind`);
        const key = (0, import_yaml4.isScalar)(item.key) ? String(item.key.value) : `#${index}`;
        compare(item.key, otherItem.key, wanted, seen, file, `${where}.${key} (key)`);
        compare(item.value, otherItem.value, wanted, seen, file, `${where}.${key}`);
      } else {
        compare(item, otherItem, wanted, seen, file, `${where}[${index}]`);
      }
    });
    return;
  }
  throw mismatch(file, `${where}: unexpected node`);
}
function mismatch(file, detail) {
  return new PlumblineError(
    `${file.path}: the edit did not verify: ${detail}`,
    "plumbline wrote nothing. Please report this file shape to the plumbline maintainers."
  );
}

// src/promote/rewrite.ts
function rewriteFiles(plan) {
  const byFile = /* @__PURE__ */ new Map();
  for (const edit of plan.edits) byFile.set(edit.file, [...byFile.get(edit.file) ?? [], edit]);
  return [...byFile].map(([file, edits]) => {
    const text = applyEdits(file, edits);
    verifyEdits(file, text, edits);
    return { path: file.path, text };
  });
}

// src/commands/promote-change-request.ts
async function upsertChangeRequest(dir, settings, forge, summary, branch) {
  const text = { title: promotionTitle(summary), body: changeRequestBody(summary, forge.bodyLimit) };
  return branch.open ? await updateOpen(forge, branch.open, text, branch.name) : await openNew(dir, settings, forge, text, branch);
}
async function updateOpen(forge, open, text, branch) {
  const { number, url } = open;
  const warnings = [];
  if (open.title !== text.title || open.body !== text.body) {
    try {
      await forge.updateChangeRequest(number, text);
    } catch (error) {
      warnings.push(
        `${branch} was pushed to ${named(forge, number)}, but its title and description still describe the earlier promotion: ${explain(error)}`
      );
    }
  }
  return { changeRequest: { number, url, created: false }, warnings };
}
async function openNew(dir, settings, forge, text, branch) {
  try {
    const created = await forge.createChangeRequest({
      head: branch.name,
      base: settings.base,
      ...text,
      labels: settings.labels
    });
    return { changeRequest: { number: created.number, url: created.url, created: true }, warnings: [] };
  } catch (error) {
    return await afterFailedOpen(dir, settings, forge, branch, error);
  }
}
async function afterFailedOpen(dir, settings, forge, branch, error) {
  const { remote, base, labels } = settings;
  const couldNotOpen = `could not open a ${forge.words.changeRequest} from ${branch.name} into ${base}: ${reason(error)}`;
  let existing;
  try {
    existing = await forge.findChangeRequest(branch.name, base);
  } catch (lookup) {
    throw new PlumblineError(
      couldNotOpen,
      `plumbline kept the branch ${branch.name} on ${remote} because it could not tell whether the ${forge.words.changeRequest} exists (${reason(lookup)}). Open it by hand, or delete the branch: git push ${remote} --delete ${branch.name}`,
      { cause: error }
    );
  }
  if (existing) {
    const missing = labels.length > 0 ? ` (labels ${labels.join(", ")} may be missing)` : "";
    return {
      changeRequest: { number: existing.number, url: existing.url, created: true },
      warnings: [
        `${named(forge, existing.number)} is open, but a step after opening it failed${missing}: ${explain(error)}`
      ]
    };
  }
  if (!branch.newlyPushed) throw error;
  const leftover = await deletePushedBranch(dir, remote, branch.name, branch.newlyPushed);
  if (!leftover) throw error;
  throw new PlumblineError(couldNotOpen, `${leftover} ${hintOf(error)}`.trim(), { cause: error });
}
async function retireChangeRequest(dir, settings, forge, open, branch, branchHead) {
  await forge.updateChangeRequest(open.number, {
    body: retiredBody(open.body, settings.base, settings.target.name, forge.words.changeRequest)
  });
  const leftover = await deletePushedBranch(dir, settings.remote, branch, branchHead);
  return leftover ? [`${named(forge, open.number)} is no longer needed. ${leftover}`] : [];
}
async function deletePushedBranch(dir, remote, branch, expected) {
  const advice = `Delete it by hand: git push ${remote} --delete ${branch}`;
  try {
    await deleteRemoteBranch(dir, remote, branch, expected);
    if (await remoteBranchHead(dir, remote, branch) === void 0) return void 0;
    return `plumbline could not delete the branch ${branch} on ${remote}; it is still there. ${advice}`;
  } catch (error) {
    return `plumbline could not delete the branch ${branch} on ${remote} (${reason(error)}). ${advice}`;
  }
}
var named = (forge, number) => `${forge.words.changeRequest} ${forge.words.reference(number)}`;
var reason = (error) => error instanceof Error ? error.message : String(error);
var hintOf = (error) => error instanceof PlumblineError || error instanceof ForgeError ? error.hint ?? "" : "";
var explain = (error) => [reason(error), hintOf(error)].filter(Boolean).join(" ");

// src/commands/promote-inventory.ts
import { realpath } from "node:fs/promises";
import { join as join2, posix as posix2 } from "node:path";

// src/argocd/promote-scope.ts
function argoPromoteScope(repoRoot, name, settings) {
  const discovery = discoverArgoApplications(repoRoot, {
    repositoryUrls: settings.repositoryUrls,
    clusters: settings.argocdClusters
  });
  const application = discovery.applications.find((candidate) => candidate.name === name);
  if (!application) {
    const problem = discovery.problems.find(
      (candidate) => (candidate.application ?? candidate.file) === name
    );
    throw new PlumblineError(
      problem ? `${name} cannot be promoted: ${problem.file}:${problem.line}: ${problem.message}` : `${name} is not an Argo CD Application that the base branch defines with a source in this repository`,
      "Promote between Argo CD Applications that the base branch defines, with sources in this repository. Nothing was written."
    );
  }
  const generated = discovery.applicationSets.some(
    (set) => set.file === application.file && set.line === application.line
  );
  const sources = application.sources.map((source) => promoteSource(application, source));
  return {
    name,
    ...generated ? { template: application.file } : {
      definition: {
        file: application.file,
        name: application.object.metadata.name,
        ...application.namespace ? { namespace: application.namespace } : {}
      }
    },
    sources,
    valueFiles: [...new Set(sources.flatMap((source) => source.valueFiles))]
  };
}
function promoteSource(application, source) {
  const path = source.local ? source.path : void 0;
  const type = namedSourceTypes(source)[0];
  return {
    local: source.local,
    ...path !== void 0 && { path },
    ...type !== void 0 && { type },
    valueFiles: listOf(recordOf(source.helm).valueFiles).flatMap((value) => {
      const file = textOf(value);
      const location = file === void 0 ? void 0 : valueFileLocation(application, file, path);
      return location?.kind === "repository" ? [location.path] : [];
    })
  };
}

// src/promote/files.ts
function promotableFiles(paths) {
  const charts = new Set(
    paths.filter((path) => path.endsWith("/Chart.yaml") || path === "Chart.yaml").map((path) => dirOf(path))
  );
  return paths.filter((path) => {
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (!/\.ya?ml$/.test(base) && base !== "Kustomization") return false;
    if (base === "Chart.yaml" || base === "Chart.lock") return false;
    const segments = path.split("/");
    return !segments.some((segment, index) => {
      const parent = segments.slice(0, index).join("/");
      return (segment === "templates" || segment === "charts") && charts.has(parent);
    });
  });
}
function isUnder(path, folder) {
  return folder === "" || folder === "." || path === folder || path.startsWith(`${folder}/`);
}
function dirOf(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

// src/promote/find.ts
var import_yaml7 = __toESM(require_dist(), 1);
import { posix } from "node:path";

// src/promote/argocd-sites.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/promote/helm-paths.ts
var segmentPattern = /^([^.[\]]+)((?:\[[^\]]+\])*)$/;
function parseHelmPath(path) {
  return path.split(".").map((part) => {
    const match = segmentPattern.exec(part);
    if (!match) throw invalid(path);
    const selectors = [...(match[2] ?? "").matchAll(/\[([^\]]+)\]/g)].map(([, inner = ""]) => {
      if (/^\d+$/.test(inner)) return { index: Number(inner) };
      const eq = inner.indexOf("=");
      if (eq <= 0) throw invalid(path);
      return { key: inner.slice(0, eq).trim(), value: inner.slice(eq + 1).trim() };
    });
    return { key: match[1] ?? "", selectors };
  });
}
function invalid(path) {
  return new PlumblineError(
    `helm image path '${path}' is not valid`,
    "Write paths like `image`, `sidecar.image`, `containers[name=app].image` or `jobs[0].image`."
  );
}
function nodeAtHelmPath(document, path, root = document.contents) {
  let node = resolve(document, root);
  for (const segment of path) {
    const map = mapAt(document, node);
    if (!map) return void 0;
    node = resolve(document, map.get(segment.key, true));
    for (const selector of segment.selectors) {
      const items = seqItems(document, node);
      if ("index" in selector) {
        node = resolve(document, items[selector.index]);
      } else {
        node = resolve(
          document,
          items.find((item) => {
            return textIn(document, mapAt(document, item), selector.key) === selector.value;
          })
        );
      }
    }
  }
  return node;
}

// src/promote/site-builders.ts
var import_yaml5 = __toESM(require_dist(), 1);
function helmSites(file, document, root, prefix, paths) {
  const sites = /* @__PURE__ */ new Map();
  const visit = (node, where, key, seen) => {
    const resolved = resolve(document, node);
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if (key === "image") {
      const site = helmImageSite(file, document, resolved, where);
      if (site) sites.set(resolved, site);
    }
    if ((0, import_yaml5.isMap)(resolved)) {
      for (const pair of resolved.items) {
        const childKey = scalarText((0, import_yaml5.isScalar)(pair.key) ? pair.key : void 0);
        if (childKey !== void 0)
          visit(pair.value, where ? `${where}.${childKey}` : childKey, childKey, seen);
      }
    } else if ((0, import_yaml5.isSeq)(resolved)) {
      resolved.items.forEach((item, index) => {
        visit(item, `${where}[${index}]`, void 0, seen);
      });
    }
  };
  visit(root, prefix, void 0, /* @__PURE__ */ new Set());
  for (const path of paths) {
    const node = nodeAtHelmPath(document, path, root);
    if (!node || sites.has(node)) continue;
    const where = path.map((segment) => segment.key).join(".");
    const site = helmImageSite(file, document, node, prefix ? `${prefix}.${where}` : where);
    if (site) sites.set(node, site);
  }
  return [...sites.values()];
}
function helmImageSite(file, document, node, where) {
  if ((0, import_yaml5.isScalar)(node)) return refSite(file, "helm", node, where);
  if (!(0, import_yaml5.isMap)(node)) return void 0;
  const repository = textIn(document, node, "repository");
  if (!repository) return void 0;
  const registry = textIn(document, node, "registry");
  const names = registry ? [`${registry}/${repository}`, repository] : [repository];
  return fieldSite(file, "helm", node, where, names, {
    tag: scalarIn(document, node, "tag"),
    digest: scalarIn(document, node, "digest")
  });
}
function fieldSite(file, format, node, where, names, fields) {
  const tag = scalarText(fields.tag);
  const digest = scalarText(fields.digest);
  return {
    shape: "fields",
    file,
    format,
    line: lineAt(file, node.range?.[0] ?? 0),
    where,
    names,
    version: { tag, digest },
    tag: fields.tag,
    digest: fields.digest
  };
}
function refSite(file, format, scalar, where) {
  const text = scalarText(scalar);
  if (!text || /\s|\{\{|\$\{/.test(text)) return void 0;
  const { name, ...version } = parseImageRef(text);
  if (!name) return void 0;
  return {
    shape: "ref",
    file,
    format,
    line: lineAt(file, scalar.range?.[0] ?? 0),
    where,
    names: [name],
    name,
    version,
    ref: scalar
  };
}

// src/promote/argocd-sites.ts
var RANK = { values: 1, valuesObject: 2, parameters: 3, kustomizeImages: 1 };
function isArgoObject(document, object) {
  const apiVersion = textIn(document, object, "apiVersion");
  return apiVersion?.split("/")[0] === "argoproj.io";
}
function objectsOf(document, root) {
  const map = mapAt(document, root);
  if (!map) return [];
  if (textIn(document, map, "kind") === "List") {
    return seqItems(document, map.get("items", true)).flatMap((item) => objectsOf(document, item));
  }
  return [map];
}
function argoObjectSites(file, document, object, scope, helmPaths) {
  const own = scope.definition;
  if (!own || file.path !== own.file || textIn(document, object, "kind") !== "Application") return [];
  const metadata = mapAt(document, object.get("metadata", true));
  const name = textIn(document, metadata, "name");
  if (name !== own.name || textIn(document, metadata, "namespace") !== own.namespace) return [];
  return applicationSites(file, document, object, scope, helmPaths, name);
}
function argoDefinitionSites(file, document, scope, helmPaths) {
  return objectsOf(document, document.contents).flatMap(
    (object) => isArgoObject(document, object) ? argoObjectSites(file, document, object, scope, helmPaths) : []
  );
}
function applicationSites(file, document, object, scope, helmPaths, name) {
  const spec = mapAt(document, object.get("spec", true));
  const list = seqItems(document, spec?.get("sources", true));
  const written = list.length > 0 ? list.map((item, index) => [mapAt(document, item), `spec.sources[${index}]`]) : [[mapAt(document, spec?.get("source", true)), "spec.source"]];
  const sites = [];
  for (const [index, [source, where]] of written.entries()) {
    const scoped = scope.sources[index];
    if (!source || !scoped) continue;
    const at = `Application/${name} ${where}`;
    sites.push(...chartSites(file, document, source, scoped, at));
    sites.push(...helmSourceSites(file, document, source, scoped, scope, helmPaths, at));
    sites.push(...kustomizeImageSites(file, document, source, scoped, at));
  }
  return sites;
}
function chartSites(file, document, source, scoped, at) {
  const chart = textIn(document, source, "chart");
  const revision = scalarIn(document, source, "targetRevision");
  if (scoped.local || !chart || !revision) return [];
  return [
    fieldSite(file, "argocd", revision, `${at}.targetRevision`, [`chart/${chart}`], {
      tag: revision,
      digest: void 0
    })
  ];
}
function helmSourceSites(file, document, source, scoped, scope, helmPaths, at) {
  const helm = mapAt(document, source.get("helm", true));
  if (!helm) return [];
  const own = scope.definition ? [scope.definition.file] : [];
  const files = [...scoped.chartValues ? [scoped.chartValues] : [], ...scoped.valueFiles];
  const decide = (paths, rank) => (site) => ({ ...site, overrides: { paths, rank } });
  const values = resolve(document, helm.get("values", true));
  const valuesObject = helm.get("valuesObject", true);
  return [
    // `values` written as text is a block scalar: not read.
    ...(0, import_yaml6.isScalar)(values) ? [] : helmSites(file, document, values, `${at}.helm.values`, helmPaths).map(decide(files, RANK.values)),
    ...helmSites(file, document, valuesObject, `${at}.helm.valuesObject`, helmPaths).map(
      decide([...own, ...files], RANK.valuesObject)
    ),
    ...parameterSites(file, document, helm, scoped, scope, helmPaths, at).map(
      decide([...own, ...files], RANK.parameters)
    )
  ];
}
function parameterSites(file, document, helm, scoped, scope, helmPaths, at) {
  const parameters = /* @__PURE__ */ new Map();
  for (const item of seqItems(document, helm.get("parameters", true))) {
    const entry = mapAt(document, item);
    const name = textIn(document, entry, "name");
    const value = scalarIn(document, entry, "value");
    if (name && value) parameters.set(name, value);
  }
  const configured = new Set(helmPaths.map(helmPathText));
  const isImagePath = (path) => path === "image" || path.endsWith(".image") || configured.has(path);
  const sites = [];
  const seen = /* @__PURE__ */ new Set();
  for (const [name, value] of parameters) {
    if (isImagePath(name)) {
      const site = refSite(file, "argocd", value, `${at}.helm.parameters[name=${name}]`);
      if (site) sites.push(site);
      continue;
    }
    const dot = name.lastIndexOf(".");
    const image = name.slice(0, dot);
    const field = name.slice(dot + 1);
    if (dot <= 0 || field !== "tag" && field !== "digest" || !isImagePath(image) || seen.has(image))
      continue;
    seen.add(image);
    const tag = parameters.get(`${image}.tag`);
    const digest = parameters.get(`${image}.digest`);
    const anchor = tag ?? digest;
    if (!anchor) continue;
    const names = repositoryNames(document, helm, parameters, image, scoped, scope) ?? [
      `helm.parameters/${image}`
    ];
    sites.push(
      fieldSite(file, "argocd", anchor, `${at}.helm.parameters[name=${image}.*]`, names, { tag, digest })
    );
  }
  return sites;
}
function repositoryNames(document, helm, parameters, image, scoped, scope) {
  const named2 = (repository, registry) => repository ? registry ? [`${registry}/${repository}`, repository] : [repository] : void 0;
  const fromParameters = named2(
    scalarText(parameters.get(`${image}.repository`)),
    scalarText(parameters.get(`${image}.registry`))
  );
  if (fromParameters) return fromParameters;
  let path;
  try {
    path = parseHelmPath(image);
  } catch {
    return void 0;
  }
  const at = (values, root) => {
    const map = mapAt(values, nodeAtHelmPath(values, path, root));
    return named2(textIn(values, map, "repository"), textIn(values, map, "registry"));
  };
  const fromObject = at(document, helm.get("valuesObject", true));
  if (fromObject) return fromObject;
  for (const valueFile of [...scoped.valueFiles].reverse()) {
    for (const values of scope.values?.get(valueFile)?.documents ?? []) {
      const found = at(values, values.contents);
      if (found) return found;
    }
  }
  return void 0;
}
function rankValueFiles(sites, scope) {
  for (const source of scope.sources) {
    const { valueFiles } = source;
    for (const [index, file] of valueFiles.entries()) {
      const paths = [...source.chartValues ? [source.chartValues] : [], ...valueFiles.slice(0, index)];
      const rank = RANK.values * (index + 1) / (valueFiles.length + 1);
      for (const site of sites) {
        if (site.file.path === file && (site.overrides?.rank ?? 0) < rank) site.overrides = { paths, rank };
      }
    }
  }
}
function helmPathText(path) {
  return path.map(
    (segment) => segment.key + segment.selectors.map(
      (selector) => "index" in selector ? `[${selector.index}]` : `[${selector.key}=${selector.value}]`
    ).join("")
  ).join(".");
}
function kustomizeImageSites(file, document, source, scoped, at) {
  const kustomize = mapAt(document, source.get("kustomize", true));
  const sites = [];
  for (const [index, item] of seqItems(document, kustomize?.get("images", true)).entries()) {
    const scalar = resolve(document, item);
    if (!(0, import_yaml6.isScalar)(scalar)) continue;
    const site = kustomizeImageSite(file, scalar, `${at}.kustomize.images[${index}]`);
    if (!site) continue;
    if (scoped.path !== void 0) site.overrides = { paths: [scoped.path], rank: RANK.kustomizeImages };
    sites.push(site);
  }
  return sites;
}
function kustomizeImageSite(file, scalar, where) {
  const text = scalarText(scalar);
  if (!text || /\s|\{\{|\$\{/.test(text)) return void 0;
  const eq = text.indexOf("=");
  const name = eq === -1 ? void 0 : text.slice(0, eq);
  const { name: target, ...version } = parseImageRef(eq === -1 ? text : text.slice(eq + 1));
  if (!target || name === "") return void 0;
  const site = refSite(file, "argocd", scalar, where);
  if (site?.shape !== "ref") return void 0;
  return {
    ...site,
    name: name === void 0 ? target : `${name}=${target}`,
    names: name === void 0 || name === target ? [target] : [target, name],
    version
  };
}

// src/promote/find.ts
var kustomizationNames = /* @__PURE__ */ new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);
function formatOf(path, options = {}) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (kustomizationNames.has(base)) return "kustomize";
  if (options.helmValuesFiles?.includes(path)) return "helm";
  if (isValuesName(base)) return "helm";
  return "manifest";
}
function findImages(files, options = {}) {
  const helmPaths = (options.helmImagePaths ?? []).map(parseHelmPath);
  const { flux, argocd } = options;
  if (flux) {
    const generated = files.flatMap((file) => generatedValuesFiles(file, options));
    options = { ...options, helmValuesFiles: [...options.helmValuesFiles ?? [], ...generated] };
  }
  const inventory = { files: [], sites: [], kustomizations: [] };
  for (const file of files) {
    const argoOnly = argocd && file.path === argocd.definition?.file && !argocd.wholeDefinition;
    const format = argoOnly ? "argocd" : formatOf(file.path, options);
    inventory.files.push({ path: file.path, format });
    const ownOnly = flux && file.path === flux.file && !isUnder(file.path, flux.path);
    for (const document of file.documents) {
      if (ownOnly) inventory.sites.push(...fluxObjectSites(file, document, helmPaths, flux));
      else if (argoOnly) inventory.sites.push(...argoDefinitionSites(file, document, argocd, helmPaths));
      else if (format === "kustomize") {
        inventory.sites.push(...kustomizeSites(file, document, mapAt(document, document.contents), ""));
        inventory.kustomizations.push({ path: file.path, resources: kustomizeResources(file, document) });
      } else if (format === "helm") {
        inventory.sites.push(...helmSites(file, document, document.contents, "", helmPaths));
      } else inventory.sites.push(...manifestSites(file, document, helmPaths, options));
    }
  }
  if (flux) {
    const built = files.map((file) => file.path).filter((path) => isUnder(path, flux.path));
    inventory.kustomizations.push({ path: flux.file, resources: built });
  }
  if (argocd) rankValueFiles(inventory.sites, argocd);
  inventory.sites = inventory.sites.filter(
    (site) => !`${site.version.tag ?? ""}${site.version.digest ?? ""}`.includes("${")
  );
  return inventory;
}
function generatedValuesFiles(file, options) {
  if (formatOf(file.path, options) !== "kustomize") return [];
  const folder = posix.dirname(file.path);
  return file.documents.flatMap(
    (document) => seqItems(document, mapAt(document, document.contents)?.get("configMapGenerator", true)).flatMap(
      (generator) => seqItems(document, mapAt(document, generator)?.get("files", true)).flatMap((item) => {
        const entry = scalarText((0, import_yaml7.isScalar)(item) ? item : void 0);
        if (!entry) return [];
        const eq = entry.indexOf("=");
        const source = eq === -1 ? entry : entry.slice(eq + 1);
        const key = eq === -1 ? posix.basename(source) : entry.slice(0, eq);
        return isValuesName(key) ? [posix.normalize(posix.join(folder, source))] : [];
      })
    )
  );
}
function isValuesName(base) {
  return /^values([.-][^/]*)?\.ya?ml$/.test(base) || /\.values\.ya?ml$/.test(base);
}
function kustomizeSites(file, document, root, prefix) {
  const sites = [];
  for (const item of seqItems(document, root?.get("images", true))) {
    const entry = mapAt(document, item);
    const name = textIn(document, entry, "name");
    if (!entry || !name) continue;
    const newName = textIn(document, entry, "newName");
    sites.push(
      fieldSite(
        file,
        "kustomize",
        entry,
        `${prefix}images[name=${name}]`,
        [name, ...newName ? [newName] : []],
        {
          tag: scalarIn(document, entry, "newTag"),
          digest: scalarIn(document, entry, "digest")
        }
      )
    );
  }
  return sites;
}
function kustomizeResources(file, document) {
  const folder = posix.dirname(file.path);
  return seqItems(document, mapAt(document, document.contents)?.get("resources", true)).map((item) => scalarText((0, import_yaml7.isScalar)(item) ? item : void 0)).filter((resource) => resource !== void 0 && !resource.includes("://")).map((resource) => posix.normalize(posix.join(folder, resource)));
}
var podSpecPaths = {
  Pod: ["spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
};
var templatePath = ["spec", "template", "spec"];
function manifestSites(file, document, helmPaths, { flux, argocd }) {
  const objects = (root) => {
    if (!root) return [];
    if (textIn(document, root, "kind") === "List") {
      return seqItems(document, root.get("items", true)).flatMap((item) => objects(mapAt(document, item)));
    }
    return [root];
  };
  const sites = [];
  for (const object of objects(mapAt(document, document.contents))) {
    const kind = textIn(document, object, "kind");
    if (!kind) continue;
    if (flux && fluxGroupOf(document, object)) {
      sites.push(...fluxSites(file, document, object, helmPaths, flux));
      continue;
    }
    if (argocd && isArgoObject(document, object)) {
      sites.push(...argoObjectSites(file, document, object, argocd, helmPaths));
      continue;
    }
    const name = textIn(document, mapAt(document, object.get("metadata", true)), "name") ?? "?";
    let podSpec = object;
    for (const key of podSpecPaths[kind] ?? templatePath) podSpec = mapAt(document, podSpec?.get(key, true));
    for (const field of ["initContainers", "containers"]) {
      for (const item of seqItems(document, podSpec?.get(field, true))) {
        const container = mapAt(document, item);
        const image = scalarIn(document, container, "image");
        const containerName = textIn(document, container, "name") ?? "?";
        const site = image && refSite(file, "manifest", image, `${kind}/${name} ${field}[name=${containerName}]`);
        if (site) sites.push(site);
      }
    }
  }
  return sites;
}
function fluxGroupOf(document, object) {
  const group = textIn(document, object, "apiVersion")?.split("/")[0];
  return group?.endsWith(".toolkit.fluxcd.io") ? group : void 0;
}
function fluxSites(file, document, object, helmPaths, flux) {
  const group = fluxGroupOf(document, object);
  const kind = textIn(document, object, "kind");
  const metadata = mapAt(document, object.get("metadata", true));
  const name = textIn(document, metadata, "name") ?? "?";
  const spec = mapAt(document, object.get("spec", true));
  const at = `${kind}/${name} `;
  if (group === "helm.toolkit.fluxcd.io" && kind === "HelmRelease") {
    const sites = helmSites(file, document, spec?.get("values", true), `${at}spec.values`, helmPaths);
    const chartSpec = mapAt(document, mapAt(document, spec?.get("chart", true))?.get("spec", true));
    const version = scalarIn(document, chartSpec, "version");
    if (chartSpec && version) {
      sites.push(
        fieldSite(file, "flux", chartSpec, `${at}spec.chart.spec.version`, [`HelmRelease/${name}`], {
          tag: version,
          digest: void 0
        })
      );
    }
    return sites;
  }
  if (group === "source.toolkit.fluxcd.io" && kind === "OCIRepository") {
    const ref = mapAt(document, spec?.get("ref", true));
    const tag = scalarIn(document, ref, "tag");
    const digest = scalarIn(document, ref, "digest");
    if (!ref || !tag && !digest) return [];
    const url = textIn(document, spec, "url");
    const names = [`OCIRepository/${name}`, ...url ? [url.replace(/^oci:\/\//, "")] : []];
    return [fieldSite(file, "flux", ref, `${at}spec.ref`, names, { tag, digest })];
  }
  if (group === "kustomize.toolkit.fluxcd.io" && kind === "Kustomization") {
    const namespace = textIn(document, metadata, "namespace");
    const own = file.path === flux.file && name === flux.name && (namespace === void 0 || namespace === flux.namespace);
    return own ? kustomizeSites(file, document, spec, `${at}spec.`) : [];
  }
  return [];
}
function fluxObjectSites(file, document, helmPaths, flux) {
  const object = mapAt(document, document.contents);
  if (!object || textIn(document, object, "kind") !== "Kustomization" || !fluxGroupOf(document, object))
    return [];
  return fluxSites(file, document, object, helmPaths, flux);
}

// src/commands/promote-inventory.ts
async function worktreeImages(dir, env, settings) {
  const scope = await filesOf(dir, env, settings, worktreeAccess(dir));
  return imagesIn(env, settings, scope, (path) => readWorktreeFile(dir, path));
}
async function imagesAtCommit(dir, commit, env, settings) {
  const access = {
    list: (folder) => listFilesAt(dir, commit, folder),
    isLink: async (path) => (await entryAtRevision(dir, commit, path)).kind !== "file"
  };
  const scope = await filesOf(dir, env, settings, access);
  return imagesIn(env, settings, scope, async (path) => await showFile(dir, commit, path) ?? "");
}
function worktreeAccess(dir) {
  let top;
  return {
    list: (folder) => listFiles(dir, folder),
    isLink: async (path) => {
      top ??= realpath(dir);
      const real = await realpath(join2(dir, path)).catch(() => void 0);
      return real !== join2(await top, path);
    }
  };
}
async function filesOf(dir, env, settings, access) {
  if (env.renderer === "argocd") return argoFilesOf(dir, env, settings, access);
  const { list } = access;
  if (env.renderer !== "flux") return { paths: await list(env.path) };
  const flux = fluxScope(dir, env, settings.repositoryUrls);
  let paths = await list(flux.path === "" ? "." : flux.path);
  const { source } = settings;
  if (env === settings.target && source?.renderer === "flux") {
    const sourceScope = fluxScope(dir, source, settings.repositoryUrls);
    const shared = new Set(await list(sourceScope.path === "" ? "." : sourceScope.path));
    paths = paths.filter((path) => !shared.has(path));
  }
  if (!paths.includes(flux.file) && (await list(flux.file)).includes(flux.file)) paths.push(flux.file);
  return { paths, flux };
}
function fluxScope(dir, env, repositoryUrls) {
  const found = discoverFluxEnvironments(dir, repositoryUrls).environments.find(
    (candidate) => candidate.name === env.name
  );
  if (!found) {
    throw new PlumblineError(
      `${env.name} is not a Flux Kustomization that the base branch applies${env.flux?.problem ? `: ${env.flux.problem}` : ""}`,
      "Promote between Flux Kustomizations that the base branch applies from this repository. Nothing was written."
    );
  }
  return { file: found.file, namespace: found.namespace, name: found.kustomizationName, path: found.path };
}
async function argoFilesOf(dir, env, settings, access) {
  const own = argoScope(dir, env, settings);
  const tracked = await access.list(".");
  const { folderFiles, all } = await argoOwnPaths(own, tracked, access);
  let paths = all;
  const { source } = settings;
  if (env === settings.target && source && source !== env) {
    const shared = new Set(await ownPaths(dir, source, settings, access, tracked));
    paths = paths.filter((path) => !shared.has(path));
  }
  const definition = own.definition;
  const wholeDefinition = definition !== void 0 && paths.includes(definition.file) && folderFiles.includes(definition.file);
  if (definition && !paths.includes(definition.file) && all.includes(definition.file))
    paths.push(definition.file);
  const readable = new Set(all);
  const present = new Set(tracked);
  return {
    paths: paths.sort(),
    argocd: {
      scope: {
        ...definition && { definition },
        wholeDefinition,
        sources: own.sources.map((scoped) => {
          const chartValues = chartValuesOf(scoped, present);
          return {
            local: scoped.local,
            ...scoped.path !== void 0 && { path: scoped.path },
            ...chartValues !== void 0 && readable.has(chartValues) && { chartValues },
            valueFiles: scoped.valueFiles.filter((file) => readable.has(file))
          };
        })
      },
      values: own.valueFiles.filter((file) => readable.has(file))
    },
    helmValuesFiles: own.valueFiles
  };
}
function argoScope(dir, env, settings) {
  const identity = env.argocd;
  if (!identity) {
    throw new PlumblineError(
      `${env.name} is not an Argo CD Application that the base branch defines`,
      "Promote between Argo CD Applications that the base branch defines, with sources in this repository. Nothing was written."
    );
  }
  return argoPromoteScope(dir, identity.name, settings);
}
function chartValuesOf(source, tracked) {
  if (source.path === void 0) return void 0;
  const inFolder = (name) => source.path === "" ? name : `${source.path}/${name}`;
  const type = source.type ?? folderSourceType({
    kustomization: KUSTOMIZATION_FILES.some((name) => tracked.has(inFolder(name))),
    chart: tracked.has(inFolder("Chart.yaml"))
  });
  return type === "helm" ? inFolder("values.yaml") : void 0;
}
async function argoOwnPaths(own, tracked, access) {
  const present = new Set(tracked);
  const candidates = tracked.filter((path) => path !== own.template);
  const chartValues = own.sources.flatMap((source) => chartValuesOf(source, present) ?? []);
  const trees = own.sources.flatMap(
    (source) => source.path === void 0 || chartValuesOf(source, present) ? [] : [source.path]
  );
  const folderFiles = promotableFiles(
    candidates.filter((path) => chartValues.includes(path) || trees.some((folder) => isUnder(path, folder)))
  );
  const named2 = candidates.filter(
    (path) => own.valueFiles.includes(path) || own.definition?.file === path && !folderFiles.includes(path)
  );
  const all = [];
  for (const path of [.../* @__PURE__ */ new Set([...folderFiles, ...named2])]) {
    if (!await access.isLink(path)) all.push(path);
  }
  return { folderFiles: folderFiles.filter((path) => all.includes(path)), all };
}
async function ownPaths(dir, env, settings, access, tracked) {
  if (env.renderer === "argocd")
    return (await argoOwnPaths(argoScope(dir, env, settings), tracked, access)).all;
  if (env.renderer === "flux") {
    const flux = fluxScope(dir, env, settings.repositoryUrls);
    return [...tracked.filter((path) => isUnder(path, flux.path)), flux.file];
  }
  return tracked.filter((path) => isUnder(path, env.path));
}
async function imagesIn(env, settings, scope, read) {
  const files = [];
  const paths = scope.argocd ? scope.paths : promotableFiles(scope.paths);
  for (const path of paths) files.push(parseYamlFile(path, await read(path)));
  const helmValuesFiles = scope.helmValuesFiles ?? (env.helm?.valuesFiles ?? []).map((file) => posix2.join(env.path, file));
  const helmImagePaths = env.promote?.helmImagePaths ?? settings.target.promote?.helmImagePaths ?? [];
  let argocd;
  if (scope.argocd) {
    const values = new Map(files.map((file) => [file.path, file]));
    for (const path of scope.argocd.values) {
      if (!values.has(path)) values.set(path, parseYamlFile(path, await read(path)));
    }
    argocd = { ...scope.argocd.scope, values };
  }
  return findImages(files, {
    helmValuesFiles,
    helmImagePaths,
    ...scope.flux && { flux: scope.flux },
    ...argocd && { argocd }
  });
}

// src/commands/promote-wanted.ts
async function wantedImages(dir, settings, onlyImage) {
  const { only } = settings;
  let wanted;
  if (settings.explicit) {
    const { image, version } = settings.explicit;
    wanted = [{ image, names: [image], version, origin: "input" }];
  } else {
    const source = settings.source;
    wanted = imagesRunningIn(await worktreeImages(dir, source, settings), source.name);
    for (const name of only ?? []) {
      if (!wanted.some((image) => namesOverlap(image.names, [name]))) {
        throw new PlumblineError(
          `image ${name} is listed for promotion but ${source.name} (${source.path}) does not reference it`,
          `Images in ${source.name}: ${wanted.map((image) => image.image).join(", ") || "none"}.`
        );
      }
    }
  }
  if (only) wanted = wanted.filter((image) => namesOverlap(image.names, only));
  return onlyImage ? wanted.filter((image) => image.image === onlyImage) : wanted;
}
async function keepPendingPromotions(dir, branchHead, settings, targetInventory, wanted) {
  const superseded = [];
  let kept = wanted;
  for (const earlier of await pendingOnBranch(dir, branchHead, settings, targetInventory)) {
    const newer = kept.find((image) => namesOverlap(image.names, earlier.names));
    if (!newer) kept = [...kept, earlier];
    else if (!sameVersion(newer.version, earlier.version)) {
      superseded.push({ image: newer.image, was: earlier.version, now: newer.version });
    }
  }
  return { wanted: kept, superseded };
}
async function pendingOnBranch(dir, branchHead, settings, baseInventory) {
  const { target } = settings;
  const onBranch = await imagesAtCommit(dir, branchHead, target, settings);
  let running;
  try {
    running = imagesRunningIn(onBranch, `${target.name} in the open change request`);
  } catch {
    return [];
  }
  return running.filter(
    (image) => baseInventory.sites.some(
      (site) => namesOverlap(site.names, image.names) && !sameVersion(site.version, image.version)
    )
  );
}

// src/commands/promote-attempt.ts
async function attemptChange(base, settings, deps, { branch, onlyImage, attempt }) {
  const viaChangeRequest = settings.via === "pull-request";
  const branchHead = viaChangeRequest ? base.heads.get(branch) : void 0;
  const open = viaChangeRequest && deps.forge ? await deps.forge.findChangeRequest(branch, settings.base) : void 0;
  const { plan, superseded } = await planChange(base.dir, settings, onlyImage, open ? branchHead : void 0);
  const { notes } = plan;
  const rewrites = rewriteFiles(plan);
  const promoted = promotedImages(settings.target.name, plan.promotions);
  if (rewrites.length === 0) {
    const warnings = open && branchHead && deps.forge && !settings.dryRun ? await retireChangeRequest(base.dir, settings, deps.forge, open, branch, branchHead) : [];
    return { notes, warnings, dryRun: settings.dryRun };
  }
  if (settings.dryRun) {
    return {
      notes,
      warnings: [],
      dryRun: true,
      change: { branch, attempts: attempt, promoted, upToDate: false }
    };
  }
  const summary = {
    target: settings.target.name,
    source: settings.source?.name,
    baseCommit: base.baseHead,
    promotions: plan.promotions,
    superseded,
    // The body names the change request as the forge does (a merge request on GitLab).
    changeRequest: deps.forge?.words.changeRequest
  };
  const pushed = await commitAndPush(base.dir, settings, deps, rewrites, commitMessage(summary), {
    branch,
    head: branchHead,
    attempt
  });
  if (pushed === "remote-moved") return pushed;
  const { commit, upToDate } = pushed;
  const change = { branch, attempts: attempt, promoted, upToDate, commit };
  if (!viaChangeRequest) return { change, notes, warnings: [], dryRun: false };
  const landed = await landInChangeRequest(base, settings, deps, summary, {
    name: branch,
    open,
    newlyPushed: !upToDate && branchHead === void 0 ? commit : void 0
  });
  change.changeRequest = landed.changeRequest;
  return { change, notes, warnings: landed.warnings, dryRun: false };
}
async function planChange(dir, settings, onlyImage, pendingOn) {
  const wanted = await wantedImages(dir, settings, onlyImage);
  const targetInventory = await worktreeImages(dir, settings.target, settings);
  const pending = pendingOn ? await keepPendingPromotions(dir, pendingOn, settings, targetInventory, wanted) : { wanted, superseded: [] };
  const plan = planPromotion(pending.wanted, targetInventory, {
    targetEnv: settings.target.name,
    allowDowngrade: settings.allowDowngrade,
    // What the user named must be found in the target; what the source runs may be absent.
    required: (image) => settings.explicit !== void 0 || (settings.only ?? []).some((name) => namesOverlap(image.names, [name]))
  });
  return { plan, superseded: pending.superseded };
}
async function commitAndPush(dir, settings, deps, rewrites, message, { branch, head, attempt }) {
  await writeWorktreeFiles(dir, rewrites);
  const tree = await stagedTree(
    dir,
    rewrites.map((rewrite) => rewrite.path)
  );
  if (head !== void 0 && await treeOf(dir, head) === tree) return { commit: head, upToDate: true };
  const commit = await commitStaged(dir, message, settings.author);
  await deps.beforePush?.(attempt);
  const guard = settings.via === "pull-request" ? { lease: head } : { fastForward: true };
  const pushed = await pushCommit(dir, settings.remote, commit, branch, guard);
  return pushed === "rejected" ? "remote-moved" : { commit, upToDate: false };
}
async function landInChangeRequest(base, settings, deps, summary, branch) {
  const forge = deps.forge;
  const described = deps.describeTargetChange ? {
    ...summary,
    targetChange: await deps.describeTargetChange(base.dir, settings.target, {
      baseCommit: base.baseHead,
      baseBranch: settings.base,
      budget: targetChangeRoom(summary, forge.bodyLimit, settings.base)
    })
  } : summary;
  return upsertChangeRequest(base.dir, settings, forge, described, branch);
}

// src/commands/promote-retry.ts
async function promoteChange(settings, deps, onlyImage) {
  const viaChangeRequest = settings.via === "pull-request";
  const branch = viaChangeRequest ? promotionBranch(settings.target.name, onlyImage) : settings.base;
  for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
    const outcome = await withBase(
      settings,
      viaChangeRequest ? [branch] : [],
      (base) => attemptChange(base, settings, deps, { branch, onlyImage, attempt })
    );
    if (outcome !== "remote-moved") return outcome;
    deps.log?.(
      `${settings.remote}/${branch} moved while promoting; starting over on its new head (attempt ${attempt + 1})`
    );
  }
  throw new PlumblineError(
    `could not push to ${settings.remote}/${branch}: it kept moving during ${settings.maxAttempts} attempts`,
    "Nothing was left behind. Run promote again, or serialize promotions with a concurrency group."
  );
}

// src/commands/promote.ts
async function promote(options, deps = {}) {
  const checkedOut = options.base === void 0 ? await currentBranch(options.repoRoot) : void 0;
  const settings = resolveSettings(options, checkedOut);
  requireForge(settings, deps);
  const result = {
    status: "nothing-to-promote",
    promoted: [],
    changes: [],
    notes: [],
    warnings: []
  };
  for (const onlyImage of await changesToMake(settings)) {
    const outcome = await promoteChange(settings, deps, onlyImage);
    result.notes.push(...outcome.notes);
    result.warnings.push(...outcome.warnings);
    if (outcome.dryRun) result.status = "dry-run";
    if (outcome.change) {
      result.changes.push(outcome.change);
      result.promoted.push(...outcome.change.promoted);
      if (!outcome.dryRun) result.status = "promoted";
    }
  }
  const message = promoteMessage(result, settings.target.name, deps.forge?.words);
  deps.log?.(message);
  return { ...result, message };
}
async function changesToMake(settings) {
  if (settings.group !== "image") return [void 0];
  const wanted = await withBase(settings, [], ({ dir }) => wantedImages(dir, settings));
  return wanted.map((image) => image.image);
}

// src/commands/promote-plan.ts
var FULL_PLAN = "an offline plan of the promotion branch";
function planTargetChange(config, options = {}) {
  return async (worktreeDir, env, { baseCommit, baseBranch, budget }) => {
    const comparedWith = { kind: "base", ref: baseBranch, sha: baseCommit };
    let environment2;
    try {
      const settings = { settings: config.render, ...options };
      const { resources: after } = await renderEnvironment(worktreeDir, env, {
        ...settings,
        top: await workTreeTop(worktreeDir)
      });
      const { resources: before } = await withCheckout(
        worktreeDir,
        baseCommit,
        (dir, top) => renderEnvironment(dir, env, { ...settings, top })
      );
      const changes = compareSets(byKey(before), byKey(after), config.diff.ignore);
      environment2 = {
        environment: env.name,
        mode: "offline",
        comparedWith,
        counts: countChanges(changes),
        changes
      };
    } catch (error) {
      environment2 = {
        environment: env.name,
        mode: "offline",
        comparedWith,
        counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
        changes: [],
        error: problemOf(error)
      };
    }
    return targetChangeMarkdown({ environments: [environment2] }, budget);
  };
}
function targetChangeMarkdown(result, budget) {
  const header = [verdict(result), summaryTable(result)].join("\n\n");
  const sections = result.environments.flatMap((environment2) => objectSections(environment2));
  const omitted = (count) => `_${count} more ${count === 1 ? "object is" : "objects are"} not shown here to fit the size limit; run ${escapeInline(FULL_PLAN)} to see them._`;
  const longestNote = omitted(sections.length).length + 2;
  if (sections.length === 0) return header.length <= budget ? header : "";
  if (header.length + longestNote > budget) return "";
  const blocks = [header];
  let used = header.length;
  for (const [index, section] of sections.entries()) {
    const left = sections.length - index;
    const room = budget - used - 2 - (left > 1 ? longestNote : 0);
    if (section.length <= room) {
      blocks.push(section);
      used += section.length + 2;
      continue;
    }
    if (index === 0 && room > 200) {
      blocks.push(truncateSection(section, room, FULL_PLAN));
      if (left > 1) blocks.push(omitted(left - 1));
    } else {
      blocks.push(omitted(left));
    }
    break;
  }
  return blocks.join("\n\n");
}
function byKey(resources) {
  return new Map(resources.map((resource) => [resource.key, resource]));
}

export {
  plumblineAuthor,
  promote,
  planTargetChange
};
