import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  ClusterClients,
  clusterObjectFilesAtRevision,
  clusterObjectFilesInCheckout,
  clusterObjectLookup,
  compareEnvironmentLive,
  inShard,
  selectEnvironments
} from "./chunk-M7YAZSTY.js";
import {
  silentLog
} from "./chunk-E7ACZTBR.js";
import {
  compareSets,
  filesContaining,
  headRevision,
  resolveBase,
  withBaseSide,
  workTreeTop
} from "./chunk-JRAQUMV5.js";
import {
  countChanges,
  describeComparedWith,
  describeCounts
} from "./chunk-U6YIBRX6.js";
import {
  CONFIG_FILES,
  KUSTOMIZATION_FILES,
  RunDiscoveries,
  appOfAppsFollower,
  argoChartHosts,
  argoObjectsIn,
  boundaryOf,
  checkoutDiscovery,
  detectRenderer,
  discoverEnvironmentsIn,
  discoverFluxEnvironments,
  discoverRepositoryEnvironments,
  entryAtRevision,
  findArgoObjects,
  fluxObjectsIn,
  fluxSourceHosts,
  folderSourceType,
  isGitOpsNative,
  kustomizeInputs,
  listOf,
  listedDependencies,
  loadCheckoutConfig,
  loadConfigFrom,
  namedSourceTypes,
  originUrls,
  pLimit,
  parseConfigText,
  recordOf,
  remembered,
  renderEnvironments,
  runChartFetcher,
  runGit,
  showFile,
  sourceHostsOf,
  valueFileLocation,
  walkInside
} from "./chunk-I3R6E5OK.js";
import {
  PlumblineError,
  problemOf
} from "./chunk-HOINZ2KI.js";

// src/commands/plan.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join5, posix as posix5 } from "node:path";

// src/git/changed-files.ts
async function changedFiles(workTree, base) {
  const [tracked, untracked] = await Promise.all([
    runGit(workTree, ["diff", "--name-status", "--no-renames", "-z", base, "--"]),
    runGit(workTree, ["ls-files", "--others", "--exclude-standard", "--full-name", "-z"])
  ]);
  const fields = tracked.stdout.split("\0");
  const touched = /* @__PURE__ */ new Set();
  const deleted = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [status, path] = [fields[i], fields[i + 1]];
    touched.add(path);
    if (status === "D") deleted.push(path);
  }
  for (const path of untracked.stdout.split("\0")) if (path) touched.add(path);
  return { touched: [...touched].sort(), deleted: deleted.sort() };
}

// src/render/inputs.ts
import { realpath } from "node:fs/promises";
import { isAbsolute, join as join3, posix as posix3, relative, resolve, sep } from "node:path";

// src/render/argocd-inputs.ts
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
function argoApplicationReads(root, discovery, identity) {
  if (identity.problem) return { kind: "anything" };
  if (discovery.problems.some((problem) => problem.application === identity.name))
    return { kind: "anything" };
  const found = discovery.applications.find((application) => application.name === identity.name);
  if (!found) return { kind: "anything" };
  const reads = {
    kind: "paths",
    files: [found.file, ...found.parameterFiles],
    trees: [...found.parameterTrees],
    kustomizations: [],
    charts: []
  };
  for (const source of found.sources) {
    const chartPath = source.local ? source.path : void 0;
    for (const file of listOf(recordOf(source.helm).valueFiles)) {
      if (typeof file !== "string") continue;
      const location = valueFileLocation(found, file, chartPath);
      if (location.kind === "outside") return { kind: "anything" };
      if (location.kind === "repository") reads.files.push(location.path);
    }
    if (!source.local || source.path === void 0) continue;
    const path = source.path;
    const type = namedSourceTypes(source)[0] ?? folderSourceType({
      kustomization: KUSTOMIZATION_FILES.some((name) => existsSync(join(root, path, name))),
      chart: existsSync(join(root, path, "Chart.yaml"))
    });
    reads.trees.push(path);
    if (type === "kustomize") {
      const options = recordOf(source.kustomize);
      reads.kustomizations.push(path);
      for (const component of listOf(options.components)) {
        if (typeof component === "string") reads.trees.push(posix.join(path, component));
      }
      for (const patch of listOf(options.patches)) {
        const file = recordOf(patch).path;
        if (typeof file === "string") reads.files.push(posix.join(path, file));
      }
    } else if (type === "helm") {
      reads.charts.push(path);
    }
  }
  return reads;
}

// src/render/flux-inputs.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join as join2, posix as posix2 } from "node:path";
var SOURCE_KINDS = /* @__PURE__ */ new Set([
  "HelmRepository",
  "OCIRepository",
  "GitRepository",
  "Bucket",
  "ConfigMap",
  "Secret"
]);
function fluxEnvironmentReads(root, discovery, identity) {
  if (identity.problem) return { kind: "anything" };
  const found = discovery.environments.find(
    (env) => env.cluster === identity.cluster && env.namespace === identity.namespace && env.kustomizationName === identity.name
  );
  if (!found) return { kind: "anything" };
  const cluster = discovery.clusters.get(found.cluster);
  const objects = cluster?.objects ?? [];
  if (objects.some((object) => object.kind === "HelmChart")) return { kind: "anything" };
  const reads = {
    kind: "paths",
    kustomizations: [],
    trees: [],
    files: [
      found.file,
      ...objects.filter((object) => SOURCE_KINDS.has(object.kind)).map((object) => object.file),
      // Which files the cluster applies, and so which sources it has, is theirs to say.
      ...(cluster?.files ?? []).filter(
        (file) => KUSTOMIZATION_FILES.includes(posix2.basename(file))
      )
    ]
  };
  const components = found.object.spec?.components;
  const folders = [
    found.path,
    ...(Array.isArray(components) ? components.filter((entry) => typeof entry === "string") : []).map(
      (entry) => posix2.join(found.path, entry)
    )
  ];
  for (const folder of folders) {
    if (hasKustomization(root, folder)) {
      reads.kustomizations.push(folder);
      continue;
    }
    const below = kustomizationsBelow(root, folder);
    if (!below) return { kind: "anything" };
    reads.trees.push(folder);
    reads.kustomizations.push(...below);
  }
  const patches = found.object.spec?.patches;
  if (JSON.stringify(patches ?? []).includes("GitRepository")) return { kind: "anything" };
  return reads;
}
function mayUseChartFromRepository(root, files) {
  let release = false;
  let repository = false;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(join2(root, file), "utf8");
    } catch {
      continue;
    }
    release ||= text.includes("HelmRelease");
    repository ||= text.includes("GitRepository") || TEMPLATED_KIND.test(text);
    if (release && repository) return true;
  }
  return false;
}
var TEMPLATED_KIND = /kind["']?\s*:\s*["']?\$\{/;
function hasKustomization(root, folder) {
  return KUSTOMIZATION_FILES.some((name) => {
    try {
      return statSync(join2(root, folder, name)).isFile();
    } catch {
      return false;
    }
  });
}
function kustomizationsBelow(root, folder) {
  const found = [];
  const walk = (at) => {
    let entries;
    try {
      entries = readdirSync(join2(root, at), { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) return false;
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      const child = posix2.join(at, entry.name);
      if (hasKustomization(root, child)) found.push(child);
      else if (!walk(child)) return false;
    }
    return true;
  };
  return walk(folder) ? found : void 0;
}
function filesBelow(root, folder) {
  const files = [];
  const walk = (at) => {
    let entries;
    try {
      entries = readdirSync(join2(root, at), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = posix2.join(at, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk(folder);
  return files;
}

// src/render/inputs.ts
async function inputsScope(root, top, memo, discovery = { repositoryUrls: [] }, discoveries = new RunDiscoveries()) {
  return {
    root,
    boundary: await boundaryOf(root, top, { memo }),
    realRoot: await realpath(root),
    discovery,
    discoveries
  };
}
function renderInputs(scope, env) {
  const key = JSON.stringify([
    "inputs",
    scope.root,
    env.path,
    env.renderer,
    env.helm ?? null,
    env.flux ?? null,
    env.argocd ?? null
  ]);
  return remembered(scope.boundary, key, () => traceInputs(scope, env));
}
async function traceInputs(scope, env) {
  const { root, boundary, realRoot } = scope;
  try {
    const atTop = realRoot === boundary.realTop && sep === "/";
    const fromTop = (path) => {
      if (atTop && !isAbsolute(path)) {
        const normal = posix3.normalize(path);
        return normal === "." ? "" : normal.replace(/\/$/, "");
      }
      const absolute = isAbsolute(path) ? path : resolve(realRoot, path);
      return relative(boundary.realTop, absolute).split(sep).join("/");
    };
    const inputs = {
      kind: "paths",
      trees: [],
      folders: [],
      files: []
    };
    const addKustomization = async (folder) => {
      const read = await kustomizeInputs(boundary, folder);
      if (read.remote.length > 0) return false;
      inputs.folders.push(...read.kustomizations.map(fromTop));
      for (const path of [...read.paths, ...read.named]) inputs.trees.push(fromTop(path));
      for (const chart of read.charts) inputs.trees.push(fromTop(chart));
      return read.paths;
    };
    if (env.renderer === "argocd" && env.argocd) {
      const discovery = await scope.discoveries.argoFollowed(root, scope.discovery);
      const reads = argoApplicationReads(root, discovery, env.argocd);
      if (reads.kind === "anything") return reads;
      for (const folder of reads.kustomizations) {
        if (await addKustomization(folder) === false) return { kind: "anything" };
      }
      for (const chart of reads.charts) {
        for (const { real } of await walkInside(boundary, chart)) inputs.files.push(fromTop(real));
        inputs.trees.push(...(await fileDependencies(root, chart)).map(fromTop));
      }
      inputs.trees.push(...reads.trees.map(fromTop));
      inputs.files.push(...reads.files.map(fromTop));
      return inputs;
    }
    if (env.renderer === "flux" && env.flux) {
      const discovery = scope.discoveries.flux(root, scope.discovery);
      const reads = fluxEnvironmentReads(root, discovery, env.flux);
      if (reads.kind === "anything") return reads;
      const read = reads.trees.flatMap((tree) => filesBelow(root, tree));
      for (const folder of reads.kustomizations) {
        const paths = await addKustomization(folder);
        if (paths === false) return { kind: "anything" };
        read.push(...paths);
      }
      if (mayUseChartFromRepository(root, read)) return { kind: "anything" };
      inputs.trees.push(...reads.trees.map(fromTop));
      inputs.files.push(...reads.files.map(fromTop));
      return inputs;
    }
    inputs.trees.push(fromTop(env.path));
    const renderer = env.helm?.chart ? "helm" : env.renderer === "auto" ? await detectRenderer(root, env.path).catch(() => "plain") : env.renderer;
    if (renderer === "kustomize" && await addKustomization(env.path) === false) return { kind: "anything" };
    if (renderer === "helm") {
      for (const file of env.helm?.valuesFiles ?? []) inputs.files.push(fromTop(posix3.join(env.path, file)));
      for (const { real } of await walkInside(boundary, env.path)) inputs.files.push(fromTop(real));
      inputs.trees.push(...(await fileDependencies(root, env.path)).map(fromTop));
    }
    return inputs;
  } catch {
    return { kind: "anything" };
  }
}
function touches(inputs, touched) {
  if (inputs.kind === "anything") return true;
  const trees = inputs.trees.map((tree) => tree === "" ? "" : `${tree}/`);
  const folders = new Set(inputs.folders);
  const all = [...inputs.trees, ...inputs.files];
  const files = new Set(all);
  return touched.some(
    (file) => files.has(file) || trees.some((tree) => file.startsWith(tree)) || folders.has(posix3.dirname(file) === "." ? "" : posix3.dirname(file)) || all.some((input) => input.startsWith(`${file}/`))
  );
}
async function fileDependencies(root, chartPath) {
  const dependencies = await listedDependencies(join3(root, chartPath, "Chart.yaml"));
  return dependencies.flatMap(
    ({ repository }) => typeof repository === "string" && repository.startsWith("file://") ? [posix3.join(chartPath, repository.slice("file://".length))] : []
  );
}

// src/commands/affected.ts
var ENVIRONMENTS_AT_ONCE = 32;
function traceHead(head, baseSha, trusted) {
  const { shard, discovery, discoveries } = trusted;
  const memo = /* @__PURE__ */ new Map();
  const tracing = {
    head,
    discovery: checkoutDiscovery(head.root, discovery, discoveries),
    baseSha,
    memo,
    changed: changedFiles(head.top, baseSha),
    scope: inputsScope(head.root, head.top, memo, discovery, discoveries)
  };
  const warmUp = async () => {
    const scope = await tracing.scope;
    const environments = (await discoverRepositoryEnvironments(tracing.discovery)).filter(
      (env) => inShard(env.name, shard)
    );
    const limit = pLimit(ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => renderInputs(scope, env))));
  };
  tracing.changed.catch(() => {
  });
  tracing.scope.catch(() => {
  });
  warmUp().catch(() => {
  });
  return tracing;
}
async function unaffectedEnvironments(query) {
  if (query.configChanged) return /* @__PURE__ */ new Set();
  const { touched, deleted } = await query.tracing.changed;
  if (touched.length === 0) return new Set(query.environments.map((env) => env.name));
  const limit = pLimit(ENVIRONMENTS_AT_ONCE);
  const head = await query.tracing.scope;
  const atBaseToo = deleted.length > 0 || query.environments.some(isGitOpsNative);
  if (atBaseToo) await query.base.checkOutAll();
  const base = atBaseToo ? await inputsScope(query.base.dir, query.base.top, query.tracing.memo, head.discovery, head.discoveries) : void 0;
  const verdicts = await Promise.all(
    query.environments.map(
      (env) => limit(async () => {
        if (touches(await renderInputs(head, env), touched)) return void 0;
        if (!base) return env.name;
        return touches(await renderInputs(base, env), touched) ? void 0 : env.name;
      })
    )
  );
  return new Set(verdicts.filter((name) => name !== void 0));
}

// src/commands/base-files.ts
import { posix as posix4 } from "node:path";
async function discoverAtBase(repoRoot, sha, base, discovery, discoveries) {
  const kinds = await gitOpsKinds(repoRoot, sha, base);
  if (kinds.flux || kinds.argo) {
    await base.checkOutAll();
    return discoverRepositoryEnvironments(base.dir, discovery, discoveries);
  }
  return discoverEnvironmentsIn(await baseDiscoveryTree(repoRoot, sha, base));
}
async function mergeBaseSourceHosts(repoRoot, sha, base, repositoryUrls = []) {
  const kinds = await gitOpsKinds(repoRoot, sha, base);
  if (kinds.flux) {
    await base.checkOutAll();
    return fluxSourceHosts(discoverFluxEnvironments(base.dir, repositoryUrls));
  }
  if (!kinds.argo) return [];
  await base.checkOutAll();
  return argoChartHosts(findArgoObjects(base.dir).objects.map((found) => found.object));
}
function gitOpsKinds(repoRoot, sha, base) {
  let answer = kindsOfBase.get(base);
  if (!answer) {
    answer = Promise.all([
      filesContaining(repoRoot, sha, FLUX_API_GROUP, base.prefix),
      filesContaining(repoRoot, sha, ARGO_API_GROUP, base.prefix)
    ]).then(([flux, argo]) => ({ flux: flux.size > 0, argo: argo.size > 0 }));
    kindsOfBase.set(base, answer);
  }
  return answer;
}
var kindsOfBase = /* @__PURE__ */ new WeakMap();
var FLUX_API_GROUP = "toolkit.fluxcd.io";
var ARGO_API_GROUP = "argoproj.io";
async function baseDiscoveryTree(repoRoot, sha, base) {
  const fromTop = (path) => posix4.join(base.prefix, path);
  const components = await filesContaining(repoRoot, sha, "Component", base.prefix);
  return {
    list(folder) {
      const listed = base.listing.list(fromTop(folder));
      if (!listed) return void 0;
      return {
        files: listed.files,
        folders: listed.folders.map((path) => posix4.relative(base.prefix || ".", path))
      };
    },
    mentionsComponent: (file) => components.has(fromTop(file)),
    read: async (file) => await showFile(repoRoot, sha, fromTop(file)) ?? ""
  };
}
var MAX_ROUNDS = 16;
async function checkOutForRenders(base, environments, discovery = { repositoryUrls: [] }) {
  if (environments.length === 0 || base.whole) return;
  const { listing } = base;
  await base.checkOut(environments.flatMap((env) => listing.below(posix4.join(base.prefix, env.path))));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const scope = await inputsScope(base.dir, base.top, /* @__PURE__ */ new Map(), discovery);
    const wanted = [];
    for (const env of environments) {
      const inputs = await renderInputs(scope, env);
      if (inputs.kind === "anything") return base.checkOutAll();
      for (const path of [...inputs.trees, ...inputs.files]) wanted.push(...listing.below(path));
      for (const folder of inputs.folders) wanted.push(...listing.directlyIn(folder));
    }
    const before = base.written;
    await base.checkOut(wanted);
    if (base.written === before) return;
  }
  await base.checkOutAll();
}

// src/commands/plan-config.ts
import { lstat, readFile, realpath as realpath2 } from "node:fs/promises";
import { dirname, join as join4, relative as relative2, resolve as resolve2 } from "node:path";
async function requireRealConfigFolder(repoRoot, top) {
  const realTop = await realpath2(top);
  let current = resolve2(repoRoot);
  for (; ; ) {
    if (await realpath2(current) === realTop) return;
    if ((await lstat(current)).isSymbolicLink()) {
      throw new PlumblineError(
        `${relative2(top, current) || current} is a symbolic link: the configuration's folder must be a folder of the repository`,
        "Point plumbline at the folder itself."
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
async function checkoutConfig(repoRoot, discoveries) {
  const config = await loadCheckoutConfig(repoRoot, discoveries);
  return { config, provenance: { from: "head", file: config.file }, listedWhereBranched: /* @__PURE__ */ new Set() };
}
async function baseConfig(repoRoot, base, source, discoverAtBase2, atHead) {
  const listedAtTip = listedEnvironments(source);
  const discoveredAtBase = discoverAtBase2 && !listedAtTip ? await discoverAtBase2() : void 0;
  const config = await loadConfigFrom(source, repoRoot, discoveredAtBase, atHead);
  const branchedFrom = base.sha === base.tip ? source : await configAtRevision(repoRoot, base.sha);
  const listedWhereBranched = base.sha === base.tip ? listedAtTip : listedEnvironments(branchedFrom);
  const head = await checkoutConfigFile(repoRoot);
  const headChange = await changeInCheckout(repoRoot, branchedFrom, head);
  const provenance = { from: "base" };
  const file = source?.file ?? head?.file;
  if (file) provenance.file = file;
  if (headChange) provenance.headChange = headChange;
  const planConfig = {
    config,
    provenance,
    listedWhereBranched: listedWhereBranched ?? /* @__PURE__ */ new Set()
  };
  if (discoveredAtBase) planConfig.environmentsAtBase = new Set(discoveredAtBase.map((env) => env.path));
  return planConfig;
}
function listedEnvironments(source) {
  const environments = source ? parseConfigText(source.text, source.file).config?.environments : void 0;
  return environments ? new Set(environments.map((environment) => environment.name)) : void 0;
}
function trustedDiscoverySettings(source, origin) {
  const render = source ? parseConfigText(source.text, source.file).config?.render : void 0;
  return {
    repositoryUrls: [...origin, ...render?.repositoryUrls ?? []],
    argocdClusters: render?.argocdClusters
  };
}
async function configAtRevision(repoRoot, sha) {
  for (const file of CONFIG_FILES) {
    const entry = await entryAtRevision(repoRoot, sha, file);
    if (entry.kind === "missing") continue;
    if (entry.kind === "link") {
      throw new PlumblineError(
        `${file} at the base (${sha.slice(0, 7)}) is a symbolic link; plumbline reads its configuration only from the file itself`,
        `Replace ${file} with the configuration file on the base branch.`
      );
    }
    return { file, text: entry.text };
  }
  return void 0;
}
async function changeInCheckout(repoRoot, base, head) {
  if (!base) return head ? "added" : void 0;
  if (!head) return "removed";
  if (head.file !== base.file || head.link) return "changed";
  return await readFile(join4(repoRoot, head.file), "utf8") === base.text ? void 0 : "changed";
}
async function checkoutConfigFile(repoRoot) {
  const found = [];
  for (const file of CONFIG_FILES) {
    const stats = await lstat(join4(repoRoot, file)).catch(() => void 0);
    if (stats?.isFile() || stats?.isSymbolicLink()) found.push({ file, link: stats.isSymbolicLink() });
  }
  const [first] = found;
  return first && found.length > 1 ? { ...first, link: true } : first;
}
async function trustedSourceHosts(repoRoot, base, baseSide, repositoryUrls = []) {
  const applied = await mergeBaseSourceHosts(repoRoot, base.sha, baseSide, repositoryUrls);
  if (applied.length === 0 || base.sha === base.tip) return applied;
  const named = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set([
    ...await filesContaining(repoRoot, base.tip, "HelmRepository", baseSide.prefix),
    ...await filesContaining(repoRoot, base.tip, "OCIRepository", baseSide.prefix),
    ...await filesContaining(repoRoot, base.tip, "argoproj.io", baseSide.prefix)
  ]);
  for (const file of files) {
    const text = await showFile(repoRoot, base.tip, file);
    if (text === void 0) continue;
    try {
      const objects = [
        ...fluxObjectsIn(text, file).map((found) => found.object),
        ...argoObjectsIn(text, file).map((found) => found.object)
      ];
      for (const host of [...sourceHostsOf(objects), ...argoChartHosts(objects)]) named.add(host);
    } catch (error) {
      if (!(error instanceof PlumblineError)) throw error;
    }
  }
  return applied.filter((host) => named.has(host));
}

// src/commands/plan.ts
var LIVE_ENVIRONMENTS_AT_ONCE = 3;
async function runPlan(options) {
  const clients = new ClusterClients(options.kubeconfigPath);
  try {
    return await planWith(options, clients);
  } finally {
    await clients.close();
  }
}
async function planWith(options, clients) {
  const log = options.log ?? silentLog;
  const { repoRoot, mode } = options;
  const head = await headRevision(repoRoot);
  const top = await workTreeTop(repoRoot);
  await requireRealConfigFolder(repoRoot, top);
  const comparesWithBase = mode === "auto" || mode === "offline";
  const base = comparesWithBase || options.base !== void 0 ? await resolveBase(repoRoot, options.base) : void 0;
  const result = { environments: [] };
  if (head) result.head = head;
  if (options.shard) result.shard = { ...options.shard };
  const offline = /* @__PURE__ */ new Map();
  let planned;
  const discoveries = new RunDiscoveries(appOfAppsFollower());
  if (base) {
    if (comparesWithBase) result.base = { ref: base.ref, sha: base.sha };
    log.info(`obeying the configuration of ${base.ref}; its merge base is ${base.sha.slice(0, 7)}`);
    const [origin, trustedFile] = await Promise.all([
      originUrls(repoRoot),
      configAtRevision(repoRoot, base.tip)
    ]);
    const discovery = trustedDiscoverySettings(trustedFile, origin);
    const { repositoryUrls } = discovery;
    const tracing = comparesWithBase && !options.all ? traceHead({ root: repoRoot, top }, base.sha, { shard: options.shard, discovery, discoveries }) : void 0;
    planned = await withBaseSide(repoRoot, base.sha, async (baseSide) => {
      const trusted = withTrustedRender(
        await baseConfig(
          repoRoot,
          base,
          trustedFile,
          () => discoverAtBase(repoRoot, base.sha, baseSide, discovery, discoveries),
          tracing?.discovery ?? checkoutDiscovery(repoRoot, discovery, discoveries)
        ),
        { sourceHosts: await trustedSourceHosts(repoRoot, base, baseSide, repositoryUrls), repositoryUrls }
      );
      const clusterObjectFiles = await clusterObjectFilesAtRevision(repoRoot, base.tip, trusted.config);
      const atHead = (env) => isGitOpsNative(env) || existsSync2(join5(repoRoot, env.path));
      const atBase = (env) => isGitOpsNative(env) || existsAtBase(baseSide, env.path) && (trusted.environmentsAtBase?.has(env.path) ?? true);
      const moved = (env) => !atHead(env) && !atBase(env) && trusted.listedWhereBranched.has(env.name);
      const unaffected = tracing ? await unaffectedEnvironments({
        tracing,
        base: baseSide,
        // One on neither side is not planned (a moved one fails below, asking for a rebase).
        environments: candidates(trusted, options).filter(
          (env) => !asksCluster(env, options) && (atHead(env) || atBase(env))
        ),
        configChanged: trusted.provenance?.headChange !== void 0
      }) : /* @__PURE__ */ new Set();
      if (unaffected.size > 0) {
        result.unaffected = [...unaffected].sort();
        log.info(
          `${plural(unaffected.size, "environment")} left out: no file the change touches is one they read`
        );
      }
      const chosen = await renderHead(
        trusted,
        options,
        { top, log, clients, clusterObjectFiles, discoveries },
        (env) => !unaffected.has(env.name) && (atHead(env) || atBase(env) || moved(env))
      );
      const headSide = new Map(chosen.headRenders);
      const liveSide = new Map(chosen.headRenders);
      for (const env of chosen.environments) {
        if (moved(env)) {
          headSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
          liveSide.set(env.name, { environment: env, error: movedOnTheBase(env) });
        } else if (!atHead(env)) {
          headSide.set(env.name, { environment: env, resources: [], provenance: { charts: [] } });
          if (comparesWithBase) liveSide.delete(env.name);
          else liveSide.set(env.name, { environment: env, error: removedByTheChange(env) });
        }
      }
      if (comparesWithBase) {
        const renderedAtBase = chosen.environments.filter(atBase);
        await checkOutForRenders(baseSide, renderedAtBase, discovery);
        const baseRenders = byEnvironment(
          await renderEnvironments(baseSide.dir, renderedAtBase, {
            ...chosen.renderOptions,
            top: baseSide.top
          })
        );
        const comparedWith = { kind: "base", ref: base.ref, sha: base.sha };
        for (const env of chosen.environments) {
          offline.set(env.name, compareRenders(env, headSide, baseRenders, trusted.config, comparedWith));
        }
      }
      return { ...chosen, headRenders: liveSide };
    });
  } else {
    const trusted = await checkoutConfig(repoRoot, discoveries);
    const clusterObjectFiles = await clusterObjectFilesInCheckout(repoRoot, trusted.config);
    planned = await renderHead(
      trusted,
      options,
      { top, log, clients, clusterObjectFiles, discoveries },
      () => true
    );
  }
  result.config = planned.provenance;
  const { environments, headRenders, config } = planned;
  const live = await compareLive(
    environments.filter((env) => headRenders.has(env.name)),
    headRenders,
    config,
    options,
    { log, clients },
    // Rules the change writes (Flux's drift rules) may hide fields where the checkout is
    // trusted (no base) or the report shows the change against the base beside it.
    !base || mode === "auto"
  );
  for (const env of environments) {
    const offlineResult = offline.get(env.name);
    if (offlineResult) {
      if (mode === "auto" && env.cluster && !options.clusterAvailable) {
        offlineResult.notice = { kind: "no-credentials" };
      }
      result.environments.push(offlineResult);
    }
    const liveResult = live.get(env.name);
    if (liveResult) result.environments.push(liveResult);
  }
  await logEnvironments(log, result, environments, headRenders);
  return result;
}
async function logEnvironments(log, result, environments, headRenders) {
  for (const { name } of environments) {
    await log.group(name, async (group) => {
      const render = headRenders.get(name);
      if (render && "resources" in render)
        group.info(`rendered ${plural(render.resources.length, "object")} at the head`);
      for (const env of result.environments.filter((candidate) => candidate.environment === name)) {
        const outcome = env.error === void 0 ? describeCounts(env.counts) : `failed: ${env.error.message}`;
        group.info(`${env.mode}, compared with ${describeComparedWith(env.comparedWith)}: ${outcome}`);
      }
    });
  }
}
async function renderHead(trusted, options, run, planned) {
  const environments = candidates(trusted, options).filter(planned);
  const clusterObjects = clusterObjectLookup(
    run.clusterObjectFiles,
    (env) => asksCluster(env, options) ? run.clients.for(contextOf(env, options)) : void 0
  );
  const renderOptions = {
    ...clusterObjects ? { clusterObjects } : {},
    settings: trusted.config.render,
    charts: runChartFetcher(trusted.config.render, options.chartCache),
    discoveries: run.discoveries,
    clusterCapabilities: await run.clients.capabilities(
      environments.filter((env) => asksCluster(env, options)).map((env) => ({ env, context: contextOf(env, options) }))
    )
  };
  run.log.info(`rendering ${plural(environments.length, "environment")}`);
  const headRenders = byEnvironment(
    await renderEnvironments(options.repoRoot, environments, { ...renderOptions, top: run.top })
  );
  return { ...trusted, environments, headRenders, renderOptions };
}
function candidates(trusted, options) {
  return selectEnvironments(trusted.config, options.environments ?? []).filter(
    (env) => inShard(env.name, options.shard)
  );
}
function asksCluster(env, options) {
  const hasCluster = Boolean(env.cluster) || options.context !== void 0;
  return options.mode !== "offline" && hasCluster && options.clusterAvailable;
}
function contextOf(env, options) {
  return options.context ?? env.cluster?.context;
}
function compareRenders(env, headRenders, baseRenders, config, comparedWith) {
  const head = headRenders.get(env.name);
  const base = baseRenders.get(env.name) ?? {
    environment: env,
    resources: [],
    provenance: { charts: [] }
  };
  if (!head || "error" in head)
    return failed(env, "offline", comparedWith, head && "error" in head ? head.error : void 0);
  if ("error" in base) return failed(env, "offline", comparedWith, atTheBase(base.error));
  const changes = compareSets(byKey(base.resources), byKey(head.resources), config.diff.ignore);
  return withProvenance(
    { environment: env.name, mode: "offline", comparedWith, counts: countChanges(changes), changes },
    head.provenance,
    base.provenance
  );
}
function withProvenance(result, head, base) {
  const worth = (side) => side !== void 0 && (side.charts.length > 0 || side.capabilities !== void 0);
  if (!worth(head) && !worth(base)) return result;
  return {
    ...result,
    rendered: { ...worth(head) ? { head } : {}, ...worth(base) ? { base } : {} }
  };
}
async function compareLive(environments, headRenders, config, options, { log, clients }, changeRulesApply) {
  const results = /* @__PURE__ */ new Map();
  if (options.mode === "offline") return results;
  const mode = options.mode === "reader" ? "reader" : "live";
  const explicit = options.mode === "live" || options.mode === "reader";
  await compareEach();
  return results;
  async function compareEach() {
    const limit = pLimit(LIVE_ENVIRONMENTS_AT_ONCE);
    await Promise.all(environments.map((env) => limit(() => compareOne(env))));
  }
  async function compareOne(env) {
    const context = contextOf(env, options);
    const hasCluster = Boolean(env.cluster) || options.context !== void 0;
    const comparedWith = !hasCluster ? { kind: "no-cluster" } : context ? { kind: "cluster", context } : { kind: "cluster" };
    const render = headRenders.get(env.name);
    if (explicit && (!render || "error" in render)) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && "error" in render ? render.error : void 0)
      );
      return;
    }
    if (!hasCluster) {
      if (explicit) {
        results.set(env.name, { ...skipped(env, mode, comparedWith), notice: { kind: "no-cluster" } });
      }
      return;
    }
    if (!options.clusterAvailable) {
      if (explicit)
        results.set(
          env.name,
          failed(
            env,
            mode,
            comparedWith,
            new PlumblineError("no cluster credentials (no kubeconfig)", void 0, { remedy: "offline" })
          )
        );
      return;
    }
    if (!render || "error" in render) {
      results.set(
        env.name,
        failed(env, mode, comparedWith, render && "error" in render ? render.error : void 0)
      );
      return;
    }
    try {
      const client = await clients.for(context);
      log.debug(`${env.name}: comparing ${render.resources.length} objects with ${client.context} (${mode})`);
      const { comparison } = await compareEnvironmentLive(env, render, client, config, mode, comparedWith, {
        ownDriftRules: changeRulesApply
      });
      results.set(env.name, withProvenance(comparison, render.provenance));
    } catch (error) {
      results.set(env.name, failed(env, mode, comparedWith, error));
    }
  }
}
function byEnvironment(results) {
  return new Map(results.map((result) => [result.environment.name, result]));
}
function byKey(resources) {
  return new Map(resources.map((resource) => [resource.key, resource]));
}
function failed(env, mode, comparedWith, error) {
  return {
    ...skipped(env, mode, comparedWith),
    error: error === void 0 ? { message: "rendering produced no result" } : problemOf(error)
  };
}
function atTheBase(error) {
  const problem = problemOf(error);
  return new PlumblineError(
    `at the base: ${problem.message}`,
    problem.hint,
    problem.remedy ? { remedy: problem.remedy } : {}
  );
}
function skipped(env, mode, comparedWith) {
  return {
    environment: env.name,
    mode,
    comparedWith,
    counts: { added: 0, changed: 0, deleted: 0, unchanged: 0 },
    changes: []
  };
}
function movedOnTheBase(env) {
  return new PlumblineError(
    `${env.path} is on neither side of this change: the base branch moved it after the change branched off`,
    "Rebase the change onto the base branch to plan this environment."
  );
}
function removedByTheChange(env) {
  return new PlumblineError(
    `this change removes ${env.path}, and a comparison with the cluster cannot show what that deletes`,
    void 0,
    { remedy: "offline" }
  );
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function existsAtBase(base, path) {
  if (base.whole) return existsSync2(join5(base.dir, path));
  return base.listing.below(posix5.join(base.prefix, path)).length > 0;
}
function withTrustedRender(trusted, found) {
  const { config } = trusted;
  const render = { ...config.render };
  if (found.sourceHosts.length > 0) render.sourceHosts = found.sourceHosts;
  if (found.repositoryUrls.length > 0) render.repositoryUrls = [...found.repositoryUrls];
  return { ...trusted, config: { ...config, render } };
}

export {
  runPlan
};
