import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);
import {
  changedFields,
  compareObject
} from "./chunk-JRAQUMV5.js";
import {
  countChanges
} from "./chunk-U6YIBRX6.js";
import {
  argoComparison,
  argoOwnership,
  argoSettings,
  entryAtRevision,
  environmentNamespace,
  fluxComparison,
  fluxObjectKey,
  fluxOwnerSelectors,
  listItemNames,
  pLimit,
  parseManifests,
  scopesFromCrds,
  unappliedKustomization,
  undefinedApplication
} from "./chunk-I3R6E5OK.js";
import {
  displayName,
  isMasked,
  isSecret,
  maskSecret,
  maskValue,
  resourceId,
  resourceKey,
  splitApiVersion,
  toResource
} from "./chunk-NN2UZPML.js";
import {
  node_http_default
} from "./chunk-6GOKWEBO.js";
import {
  PlumblineError
} from "./chunk-HOINZ2KI.js";

// src/entry/kubeconfig-path.ts
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function chooseKubeconfig(explicit, env = process.env) {
  const path = explicit || env.KUBECONFIG?.split(":")[0] || void 0;
  if (path) return { path, available: true };
  return { available: existsSync(join(env.HOME || homedir(), ".kube", "config")) };
}

// src/config/select.ts
function selectEnvironments(config, names) {
  if (names.length === 0) return config.environments;
  const known = new Set(config.environments.map((environment) => environment.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new PlumblineError(
      `Unknown environment${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      `Known environments: ${[...known].join(", ")}.`
    );
  }
  const wanted = new Set(names);
  return config.environments.filter((environment) => wanted.has(environment.name));
}

// src/config/shard.ts
import { createHash } from "node:crypto";
function shardOf(environment, count) {
  const hash = createHash("sha256").update(environment).digest();
  return hash.readUInt32BE(0) % count + 1;
}
function inShard(environment, shard) {
  return shard === void 0 || shardOf(environment, shard.count) === shard.index;
}
function parseShard(text) {
  const match = /^\s*([1-9]\d{0,5})\s*\/\s*([1-9]\d{0,5})\s*$/.exec(text);
  if (!match) return void 0;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  return shard.index <= shard.count ? shard : void 0;
}

// src/cluster/connect.ts
import { existsSync as existsSync2 } from "node:fs";
import { homedir as homedir2 } from "node:os";
import { join as join2 } from "node:path";

// plumbline-lazy:@kubernetes/client-node
import { createRequire } from "node:module";
var library;
var load = () => library ??= createRequire(import.meta.url)("./lib-kubernetes-client.cjs");
var KubeConfig = class {
  constructor(...args) {
    return new (load()).KubeConfig(...args);
  }
};

// src/cluster/errors.ts
var TLS_CODES = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_SIGNATURE_FAILURE",
  "EPROTO"
]);
function unreachableError(error, server, context) {
  if (error instanceof PlumblineError) return error;
  const code = error?.code ?? "";
  const detail = error instanceof Error ? error.message : String(error);
  const where = `the Kubernetes API server at ${server} (kubeconfig context ${context})`;
  const check = `Check that the cluster is running and that context ${context} points at it (kubectl --context ${context} version).`;
  const unreachable = (reason) => new PlumblineError(`Cannot reach ${where}: ${reason}.`, check, { cause: error, remedy: "offline" });
  if (code === "ECONNREFUSED") return unreachable("connection refused");
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return unreachable("the host name does not resolve");
  if (code === "ETIMEDOUT" || code === "ECONNRESET" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return unreachable(`${detail} (${code})`);
  }
  if (TLS_CODES.has(code) || code.startsWith("ERR_TLS") || code.startsWith("ERR_SSL")) {
    return new PlumblineError(
      `The TLS connection to ${where} failed: ${detail} (${code}).`,
      `The server's certificate is not the one the kubeconfig trusts: check certificate-authority(-data) and the server address of context ${context}.`,
      { cause: error }
    );
  }
  return unreachable(code ? `${detail} (${code})` : detail);
}
function credentialsRejected(server, context, user) {
  return new PlumblineError(
    `The Kubernetes API server at ${server} rejected the credentials of user ${user} (kubeconfig context ${context}): HTTP 401 Unauthorized.`,
    "The token or certificate is wrong or expired: refresh the credentials of that kubeconfig user."
  );
}
function statusMessage(body, fallback) {
  if (body && typeof body === "object" && typeof body.message === "string") {
    return body.message;
  }
  if (typeof body === "string" && body.trim() !== "") return body.trim().slice(0, 500);
  return fallback;
}
function forbiddenUser(body, fallback) {
  return /User "([^"]+)"/.exec(statusMessage(body, ""))?.[1] ?? fallback;
}
var ReadForbiddenError = class extends PlumblineError {
  constructor(access, message, hint) {
    super(message, hint);
    this.access = access;
  }
  access;
};
function readForbidden(access, user, context, server) {
  const scope = access.namespace ? `in namespace ${access.namespace}` : "cluster-wide";
  return new ReadForbiddenError(
    access,
    `User ${user} (kubeconfig context ${context}, server ${server}) may not ${access.verb} ${access.resource} ${scope}: HTTP 403 Forbidden.`,
    `plumbline needs get, list and watch on the kinds it plans. Bind that user to a ClusterRole that grants them, such as plumbline-reader (rules: apiGroups ["*"], resources ["*"], verbs [get, list, watch]); see docs/control-plane.md.`
  );
}
function dryRunForbiddenMessage(access, user) {
  const scope = access.namespace ? ` in namespace ${access.namespace}` : "";
  return `user ${user} lacks \`${access.verb}\` on ${access.resource}${scope}, which a server-side-apply dry run needs (patch for existing objects, create for new ones); grant both (see the ClusterRole plumbline-planner) or plan in reader mode`;
}
function forbiddenVerb(body, fallback) {
  return /cannot (\w+) resource/.exec(statusMessage(body, ""))?.[1] ?? fallback;
}
function unexpectedAnswer(what, response, server, context) {
  return new PlumblineError(
    `${what} failed on the Kubernetes API server at ${server} (kubeconfig context ${context}): HTTP ${response.status}: ${statusMessage(response.body, "no message")}`,
    "Check the API server and its logs; retry when it is healthy."
  );
}

// src/cluster/capabilities.ts
var AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
async function readCapabilities(transport, gitVersion) {
  const apiVersions = /* @__PURE__ */ new Set();
  for (const path of ["/api", "/apis"]) {
    const response = await transport.request("GET", path, { accept: AGGREGATED });
    if (response.status !== 200) {
      throw unexpectedAnswer(`API discovery (${path})`, response, transport.server, transport.context);
    }
    const body = response.body;
    if (body.kind === "APIGroupDiscoveryList") {
      for (const group of body.items ?? []) {
        for (const { version, resources } of group.versions ?? []) {
          if (!version) continue;
          const groupVersion = group.metadata?.name ? `${group.metadata.name}/${version}` : version;
          apiVersions.add(groupVersion);
          for (const resource of resources ?? []) {
            if (resource.responseKind?.kind) apiVersions.add(`${groupVersion}/${resource.responseKind.kind}`);
          }
        }
      }
    } else {
      for (const version of body.versions ?? []) apiVersions.add(version);
      for (const group of body.groups ?? []) {
        for (const { groupVersion } of group.versions ?? []) if (groupVersion) apiVersions.add(groupVersion);
      }
    }
  }
  return { kubeVersion: gitVersion, apiVersions: [...apiVersions].sort() };
}

// src/cluster/discovery.ts
var Discovery = class {
  constructor(transport) {
    this.transport = transport;
  }
  transport;
  #groupVersions = /* @__PURE__ */ new Map();
  /** The resource serving `kind` at `apiVersion`, or undefined when the server does not serve it. */
  async lookup(apiVersion, kind) {
    let kinds = this.#groupVersions.get(apiVersion);
    if (!kinds) {
      kinds = this.#fetch(apiVersion);
      this.#groupVersions.set(apiVersion, kinds);
    }
    return (await kinds)?.get(kind);
  }
  async #fetch(apiVersion) {
    const { group, version } = splitApiVersion(apiVersion);
    const path = group === "" ? `/api/${version}` : `/apis/${group}/${version}`;
    const response = await this.transport.request("GET", path);
    if (response.status === 404) return void 0;
    if (response.status === 403) {
      const user = forbiddenUser(response.body, this.transport.context);
      throw readForbidden(
        { verb: "get", resource: `the API discovery document ${path}` },
        user,
        this.transport.context,
        this.transport.server
      );
    }
    if (response.status !== 200) {
      throw unexpectedAnswer(
        `Discovery of ${apiVersion}`,
        response,
        this.transport.server,
        this.transport.context
      );
    }
    const kinds = /* @__PURE__ */ new Map();
    for (const resource of response.body.resources ?? []) {
      if (resource.name.includes("/") || kinds.has(resource.kind)) continue;
      kinds.set(resource.kind, {
        group,
        version,
        kind: resource.kind,
        plural: resource.name,
        namespaced: resource.namespaced
      });
    }
    return kinds;
  }
};
function collectionPath(resource, namespace) {
  const root = resource.group === "" ? `/api/${resource.version}` : `/apis/${resource.group}/${resource.version}`;
  const scope = resource.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : "";
  return `${root}${scope}/${resource.plural}`;
}
function qualifiedName(resource) {
  return resource.group === "" ? resource.plural : `${resource.plural}.${resource.group}`;
}

// src/cluster/dry-run.ts
var FIELD_MANAGER = "plumbline";
async function dryRunApply(transport, discovery, desired, options = {}) {
  const limit = pLimit(options.concurrency ?? 8);
  const outcomes = await Promise.all(
    desired.map(
      (resource) => limit(async () => [resource.key, await dryRunOne(transport, discovery, resource)])
    )
  );
  return new Map(outcomes);
}
async function dryRunOne(transport, discovery, desired) {
  const { object, id } = desired;
  const resource = await discovery.lookup(object.apiVersion, object.kind);
  if (!resource) {
    return {
      ok: false,
      reason: "kind-unknown",
      message: `the cluster does not serve ${object.kind} in ${object.apiVersion}`
    };
  }
  if (resource.namespaced && !id.namespace) {
    throw new Error(`${displayName(id)} has no namespace: resolve scopes before a dry run`);
  }
  const path = `${collectionPath(resource, id.namespace)}/${encodeURIComponent(id.name)}`;
  const response = await transport.request("PATCH", path, {
    query: { dryRun: "All", fieldManager: FIELD_MANAGER, force: "true" },
    body: withoutSecretValues(object),
    contentType: "application/apply-patch+yaml"
  });
  if (response.status === 200 || response.status === 201) {
    return { ok: true, object: withDesiredSecretValues(maskSecret(response.body), object) };
  }
  const details = response.body?.details;
  if (response.status === 404 && details?.kind === "namespaces") {
    return {
      ok: false,
      reason: "namespace-missing",
      message: `namespace ${details.name ?? id.namespace} does not exist`
    };
  }
  if (response.status === 404) {
    return { ok: false, reason: "kind-unknown", message: statusMessage(response.body, "not found") };
  }
  if (response.status === 403) {
    const user = forbiddenUser(response.body, transport.context);
    const access = {
      verb: forbiddenVerb(response.body, "patch"),
      resource: qualifiedName(resource),
      namespace: id.namespace
    };
    return { ok: false, reason: "forbidden", message: dryRunForbiddenMessage(access, user) };
  }
  return { ok: false, reason: "rejected", message: statusMessage(response.body, `HTTP ${response.status}`) };
}
function withoutSecretValues(object) {
  if (!isSecret(object)) return object;
  const { data: _data, stringData: _stringData, ...rest } = object;
  return rest;
}
function withDesiredSecretValues(result, desired) {
  if (!isSecret(desired)) return result;
  const data = {};
  for (const [key, value] of Object.entries(desired.data ?? {})) {
    data[key] = isMasked(value) ? value : maskValue(String(value ?? ""));
  }
  for (const [key, value] of Object.entries(desired.stringData ?? {})) {
    data[key] = maskValue(Buffer.from(String(value ?? ""), "utf8").toString("base64"));
  }
  if (Object.keys(data).length === 0) return result;
  return { ...result, data: { ...result.data, ...data } };
}

// src/cluster/kubeconfig-text.ts
var MASK = "***";
function describeKubeconfigPath(path) {
  return looksLikeContent(path) ? "the kubeconfig given (that looks like its content, not a path)" : path;
}
function looksLikeContent(path) {
  return path.includes("\n") || path.length > 1024;
}
function kubeconfigCredentials(kubeConfig) {
  const found = /* @__PURE__ */ new Set();
  const add = (value) => {
    if (typeof value === "string" && value.length >= 4) found.add(value);
  };
  for (const user of kubeConfig.getUsers()) {
    add(user.token);
    add(user.password);
    add(user.keyData);
    for (const value of Object.values(user.authProvider?.config ?? {})) add(value);
    for (const variable of user.exec?.env ?? []) add(variable.value);
  }
  return [...found].sort((a, b) => b.length - a.length);
}
function safeLibraryMessage(error, kubeConfig) {
  const mark = error.mark;
  if (mark && typeof mark.line === "number") {
    const reason = error.reason;
    const why = typeof reason === "string" ? `: ${reason}` : "";
    return `it is not valid YAML at line ${mark.line + 1}, column ${(mark.column ?? 0) + 1}${why}`;
  }
  let message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  for (const credential of kubeConfig ? kubeconfigCredentials(kubeConfig) : []) {
    message = message.replaceAll(credential, MASK);
  }
  return message;
}

// src/cluster/live.ts
var COMMONLY_OWNED_KINDS = [
  { apiVersion: "v1", kind: "ConfigMap" },
  { apiVersion: "v1", kind: "Secret" },
  { apiVersion: "v1", kind: "Service" },
  { apiVersion: "v1", kind: "ServiceAccount" },
  { apiVersion: "v1", kind: "PersistentVolumeClaim" },
  { apiVersion: "v1", kind: "Namespace" },
  { apiVersion: "apps/v1", kind: "Deployment" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "apps/v1", kind: "DaemonSet" },
  { apiVersion: "batch/v1", kind: "Job" },
  { apiVersion: "batch/v1", kind: "CronJob" },
  { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
  { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole" },
  { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding" },
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget" },
  { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" }
];
var PAGE_SIZE = "500";
async function readLive(transport, discovery, desired, options = {}) {
  const limit = pLimit(options.concurrency ?? 8);
  const desiredKeys = new Set(desired.map((resource) => resource.key));
  const objects = /* @__PURE__ */ new Map();
  const collections = /* @__PURE__ */ new Map();
  for (const { id, object } of desired) {
    const key = `${id.group}/${id.kind}/${id.namespace ?? ""}`;
    if (!collections.has(key))
      collections.set(key, { apiVersion: object.apiVersion, kind: id.kind, namespace: id.namespace });
  }
  const lists = [...collections.values()].map(
    ({ apiVersion, kind, namespace }) => limit(async () => {
      const resource = await discovery.lookup(apiVersion, kind);
      if (!resource) return;
      for (const object of await listAll(transport, resource, namespace)) {
        const key = resourceKey(resourceId(object));
        if (desiredKeys.has(key)) objects.set(key, object);
      }
    })
  );
  const owned = /* @__PURE__ */ new Map();
  const ownedNotSearched = /* @__PURE__ */ new Set();
  const label = options.ownershipLabel;
  const selectors = [
    ...label ? [`${label.key}=${label.value}`] : [],
    ...options.ownershipSelectors ?? []
  ];
  const namespaces = [...new Set(desired.flatMap(({ id }) => id.namespace ? [id.namespace] : []))];
  const ownedLists = ownedKinds(desired).flatMap(
    ({ apiVersion, kind, rendered }) => selectors.map(
      (selector) => limit(async () => {
        const resource = await discovery.lookup(apiVersion, kind);
        if (!resource) return;
        const found = await listOwned(transport, resource, selector, namespaces, rendered);
        if (!found) ownedNotSearched.add(`${apiVersion}/${kind}`);
        for (const object of found ?? []) {
          const result = toResource(object, { file: `live:${transport.context}` });
          owned.set(result.key, result);
        }
      })
    )
  );
  const ownedIf = options.ownedIf;
  const filteredLists = ownedIf ? ownedKinds(desired).map(
    ({ apiVersion, kind, rendered }) => limit(async () => {
      const resource = await discovery.lookup(apiVersion, kind);
      if (!resource) return;
      const found = await listWhole(
        transport,
        resource,
        [.../* @__PURE__ */ new Set([...namespaces, ...ownedIf.namespaces])].sort(),
        rendered
      );
      if (!found) ownedNotSearched.add(`${apiVersion}/${kind}`);
      for (const object of found ?? []) {
        if (!ownedIf.accepts(object)) continue;
        const result = toResource(object, { file: `live:${transport.context}` });
        owned.set(result.key, result);
      }
    })
  ) : [];
  await Promise.all([...lists, ...ownedLists, ...filteredLists]);
  return {
    objects,
    owned: [...owned.values()].sort((a, b) => a.key.localeCompare(b.key)),
    ownedNotSearched: [...ownedNotSearched].sort()
  };
}
async function readObject(transport, discovery, wanted) {
  const resource = await discovery.lookup(wanted.apiVersion, wanted.kind);
  if (!resource) return void 0;
  const path = `${collectionPath(resource, wanted.namespace)}/${encodeURIComponent(wanted.name)}`;
  const response = await transport.request("GET", path);
  if (response.status === 404) return void 0;
  if (response.status === 403) {
    const user = forbiddenUser(response.body, transport.context);
    const access = { verb: "get", resource: qualifiedName(resource), namespace: wanted.namespace };
    throw readForbidden(access, user, transport.context, transport.server);
  }
  if (response.status !== 200) {
    throw unexpectedAnswer(`GET ${path}`, response, transport.server, transport.context);
  }
  return maskSecret({ ...response.body, apiVersion: wanted.apiVersion, kind: resource.kind });
}
function ownedKinds(desired) {
  const kinds = /* @__PURE__ */ new Map();
  const add = (apiVersion, kind, rendered) => {
    const key = `${splitApiVersion(apiVersion).group}/${kind}`;
    if (!kinds.has(key)) kinds.set(key, { apiVersion, kind, rendered });
  };
  for (const { object } of desired) add(object.apiVersion, object.kind, true);
  for (const { apiVersion, kind } of COMMONLY_OWNED_KINDS) add(apiVersion, kind, false);
  return [...kinds.values()];
}
async function listOwned(transport, resource, selector, namespaces, rendered, acrossCluster = () => listAll(transport, resource, void 0, selector)) {
  const skipForbidden = (error) => {
    if (!(error instanceof ReadForbiddenError) || rendered) throw error;
    return void 0;
  };
  try {
    return await acrossCluster();
  } catch (error) {
    if (!(error instanceof ReadForbiddenError) || !resource.namespaced || namespaces.length === 0) {
      return skipForbidden(error);
    }
  }
  try {
    const perNamespace = await Promise.all(
      namespaces.map((ns) => listAll(transport, resource, ns, selector))
    );
    return perNamespace.flat();
  } catch (error) {
    return skipForbidden(error);
  }
}
var wholeCollections = /* @__PURE__ */ new WeakMap();
function listWhole(transport, resource, namespaces, rendered) {
  const collections = wholeCollections.get(transport) ?? /* @__PURE__ */ new Map();
  wholeCollections.set(transport, collections);
  const key = `${resource.group}/${resource.version}/${resource.plural}`;
  return listOwned(transport, resource, void 0, namespaces, rendered, () => {
    let whole = collections.get(key);
    if (!whole) {
      whole = listAll(transport, resource, void 0);
      collections.set(key, whole);
    }
    return whole;
  });
}
async function listAll(transport, resource, namespace, labelSelector) {
  const path = collectionPath(resource, namespace);
  const apiVersion = resource.group === "" ? resource.version : `${resource.group}/${resource.version}`;
  const objects = [];
  let continueToken;
  do {
    const response = await transport.request("GET", path, {
      query: { limit: PAGE_SIZE, continue: continueToken, labelSelector }
    });
    if (response.status === 403) {
      const user = forbiddenUser(response.body, transport.context);
      const access = {
        verb: "list",
        resource: qualifiedName(resource),
        namespace: resource.namespaced ? namespace : void 0
      };
      throw readForbidden(access, user, transport.context, transport.server);
    }
    if (response.status !== 200) {
      throw unexpectedAnswer(`LIST ${path}`, response, transport.server, transport.context);
    }
    const list = response.body;
    for (const item of list.items ?? [])
      objects.push(maskSecret({ ...item, apiVersion, kind: resource.kind }));
    continueToken = list.metadata?.continue || void 0;
  } while (continueToken);
  return objects;
}

// src/cluster/scopes.ts
async function resolveScopes(discovery, desired, defaultNamespace) {
  const crdScopes = scopesFromCrds(desired);
  const typeNames = [...new Set(desired.map((resource) => typeName(resource.object)))];
  const namespacedByType = /* @__PURE__ */ new Map();
  await Promise.all(
    typeNames.map(async (name) => {
      const [apiVersion, kind] = splitTypeName(name);
      const served = await discovery.lookup(apiVersion, kind);
      namespacedByType.set(name, served?.namespaced ?? crdScopes.get(name));
    })
  );
  const unknownKinds = typeNames.filter((name) => namespacedByType.get(name) === void 0);
  const resources = desired.map((resource) => {
    const namespaced = namespacedByType.get(typeName(resource.object));
    if (namespaced === void 0) return resource;
    const namespace = resource.object.metadata.namespace;
    if (namespaced && namespace) return resource;
    if (!namespaced && namespace === void 0) return resource;
    const metadata = { ...resource.object.metadata };
    if (namespaced) metadata.namespace = defaultNamespace;
    else delete metadata.namespace;
    return toResource({ ...resource.object, metadata }, resource.source);
  });
  return { resources, unknownKinds };
}
function typeName(object) {
  return `${object.apiVersion}/${object.kind}`;
}
function splitTypeName(name) {
  const slash = name.lastIndexOf("/");
  return [name.slice(0, slash), name.slice(slash + 1)];
}

// src/cluster/transport.ts
import https from "node:https";
var RETRY_CAP_MS = 5e3;
var USER_AGENT = "plumbline";
var KubeTransport = class _KubeTransport {
  constructor(kubeConfig, server, context, agent, options) {
    this.kubeConfig = kubeConfig;
    this.server = server;
    this.context = context;
    this.#agent = agent;
    this.#timeoutMs = options.timeoutMs ?? 3e4;
    this.#attempts = options.attempts ?? 4;
    this.#backoffMs = options.backoffMs ?? 250;
  }
  kubeConfig;
  server;
  context;
  #sent = 0;
  #agent;
  #timeoutMs;
  #attempts;
  #backoffMs;
  /** A transport for the kubeconfig's current context (set it before calling). */
  static async create(kubeConfig, options = {}) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new PlumblineError("The kubeconfig has no cluster for its current context.");
    const tls = {};
    try {
      await kubeConfig.applyToHTTPSOptions(tls);
    } catch (error) {
      throw new PlumblineError(
        `The kubeconfig context ${kubeConfig.currentContext} cannot be used: ${safeLibraryMessage(error, kubeConfig)}`,
        "Fix that context in the kubeconfig (kubectl config view shows it).",
        { cause: error }
      );
    }
    const agent = cluster.proxyUrl ? tls.agent : cluster.server.startsWith("https:") ? new https.Agent({
      keepAlive: true,
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      pfx: tls.pfx,
      passphrase: tls.passphrase,
      servername: tls.servername,
      ...tls.rejectUnauthorized === void 0 ? {} : { rejectUnauthorized: tls.rejectUnauthorized }
    }) : new node_http_default.Agent({ keepAlive: true });
    return new _KubeTransport(
      kubeConfig,
      cluster.server.replace(/\/+$/, ""),
      kubeConfig.currentContext,
      agent,
      options
    );
  }
  /** Requests sent so far, retries included. */
  requestCount() {
    return this.#sent;
  }
  async request(method, path, options = {}) {
    for (let attempt = 1; ; attempt++) {
      let response;
      try {
        response = await this.#send(method, path, options);
      } catch (error) {
        const code = error.code;
        if ((code === "ECONNRESET" || code === "EPIPE") && attempt < this.#attempts) continue;
        throw unreachableError(error, this.server, this.context);
      }
      if (response.status === 401) {
        throw credentialsRejected(
          this.server,
          this.context,
          this.kubeConfig.getCurrentUser()?.name ?? "unknown"
        );
      }
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) return response;
      if (attempt >= this.#attempts) {
        throw new PlumblineError(
          `The Kubernetes API server at ${this.server} (context ${this.context}) answered ${method} ${path} with HTTP ${response.status} ${attempt} times in a row.`,
          "The API server is overloaded or failing; retry later, or ask its operators about its health."
        );
      }
      await sleep(this.#retryDelay(response, attempt));
    }
  }
  /** Releases the keep-alive sockets so the process can exit. */
  close() {
    this.#agent?.destroy();
  }
  #retryDelay(response, attempt) {
    const retryAfter = Number(response.headers["retry-after"]);
    if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1e3, RETRY_CAP_MS);
    return Math.min(this.#backoffMs * 2 ** (attempt - 1), RETRY_CAP_MS);
  }
  async #send(method, path, options) {
    const url = new URL(this.server + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== void 0) url.searchParams.set(name, value);
    }
    const auth = {};
    await this.kubeConfig.applyToHTTPSOptions(auth);
    const headers = {
      Accept: options.accept ?? "application/json",
      "User-Agent": USER_AGENT
    };
    for (const [name, value] of Object.entries(auth.headers ?? {})) {
      if (value !== void 0) headers[name] = String(value);
    }
    if (auth.auth) headers.Authorization = `Basic ${Buffer.from(auth.auth).toString("base64")}`;
    const payload = options.body === void 0 ? void 0 : JSON.stringify(options.body);
    if (payload !== void 0) headers["Content-Type"] = options.contentType ?? "application/json";
    this.#sent++;
    const module = url.protocol === "http:" ? node_http_default : https;
    return new Promise((resolve, reject) => {
      const request = module.request(url, { method, headers, agent: this.#agent }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: response.statusCode ?? 0, body: parseBody(text), headers: response.headers });
        });
      });
      request.setTimeout(this.#timeoutMs, () => {
        request.destroy(
          Object.assign(new Error(`no answer within ${this.#timeoutMs / 1e3} s`), { code: "ETIMEDOUT" })
        );
      });
      request.on("error", reject);
      request.end(payload);
    });
  }
};
function parseBody(text) {
  if (text === "") return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// src/cluster/connect.ts
async function connectCluster(target = {}) {
  const kubeConfig = loadKubeConfig(target);
  const transport = await KubeTransport.create(kubeConfig, target.transport);
  let gitVersion;
  try {
    const version = await transport.request("GET", "/version");
    if (version.status !== 200) {
      throw unexpectedAnswer("Reading the server version", version, transport.server, transport.context);
    }
    gitVersion = String(version.body.gitVersion ?? "");
  } catch (error) {
    transport.close();
    throw error;
  }
  const defaultNamespace = kubeConfig.getContextObject(kubeConfig.currentContext)?.namespace || "default";
  const discovery = new Discovery(transport);
  let capabilities;
  return {
    server: transport.server,
    context: transport.context,
    defaultNamespace,
    requestCount: () => transport.requestCount(),
    resolveScopes: (desired, namespace) => resolveScopes(discovery, desired, namespace ?? defaultNamespace),
    capabilities: () => {
      capabilities ??= readCapabilities(transport, gitVersion);
      return capabilities;
    },
    readLive: (desired, options) => readLive(transport, discovery, desired, options),
    readObject: (wanted) => readObject(transport, discovery, wanted),
    dryRunApply: (desired, options) => dryRunApply(transport, discovery, desired, options),
    close: () => transport.close()
  };
}
function loadKubeConfig(target) {
  const kubeConfig = new KubeConfig();
  const path = target.kubeconfigPath;
  const described = describeKubeconfigPath(
    path ?? (process.env.KUBECONFIG || join2(homedir2(), ".kube", "config"))
  );
  if (path !== void 0 && !existsSync2(path)) {
    throw new PlumblineError(
      `The kubeconfig file ${described} does not exist.`,
      looksLikeContent(path) ? "Pass the path of a kubeconfig file, not its content (a CI variable holding a kubeconfig must be of the file type)." : "Pass the path of an existing kubeconfig."
    );
  }
  const defaultFound = Boolean(process.env.KUBECONFIG) || existsSync2(join2(homedir2(), ".kube", "config")) || Boolean(process.env.KUBERNETES_SERVICE_HOST);
  if (path === void 0 && !defaultFound) {
    throw new PlumblineError(
      "No kubeconfig found: KUBECONFIG is not set and ~/.kube/config does not exist.",
      "Set KUBECONFIG to a kubeconfig that can reach the cluster.",
      { remedy: "offline" }
    );
  }
  try {
    if (path === void 0) kubeConfig.loadFromDefault();
    else kubeConfig.loadFromFile(path);
  } catch (error) {
    throw new PlumblineError(
      `The kubeconfig ${described} cannot be read: ${safeLibraryMessage(error)}`,
      "Fix the file (kubectl config view shows how kubectl reads it).",
      { cause: error }
    );
  }
  if (target.context !== void 0) {
    if (!kubeConfig.getContextObject(target.context)) {
      const known = kubeConfig.getContexts().map((context) => context.name);
      throw new PlumblineError(
        `The kubeconfig ${described} has no context named ${target.context}.`,
        known.length > 0 ? `Its contexts are: ${known.join(", ")}.` : "It defines no context at all."
      );
    }
    kubeConfig.setCurrentContext(target.context);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new PlumblineError(
      `The kubeconfig ${described} has no cluster for context ${kubeConfig.currentContext || "(none)"}.`,
      "Name a context with a cluster (kubectl config get-contexts lists them)."
    );
  }
  return kubeConfig;
}

// src/commands/cluster-clients.ts
var ClusterClients = class {
  constructor(kubeconfigPath) {
    this.kubeconfigPath = kubeconfigPath;
  }
  kubeconfigPath;
  #clients = /* @__PURE__ */ new Map();
  for(context) {
    const key = context ?? "";
    let client = this.#clients.get(key);
    if (!client) {
      const target = {};
      if (this.kubeconfigPath) target.kubeconfigPath = this.kubeconfigPath;
      if (context) target.context = context;
      client = connectCluster(target);
      this.#clients.set(key, client);
    }
    return client;
  }
  /**
   * Each environment's cluster capabilities, for the environments given with the context
   * each is compared in; one discovery per cluster. A cluster that cannot be asked is left
   * out: the environment renders with its configured capabilities, and the comparison
   * reports the failure.
   */
  async capabilities(environments) {
    const result = /* @__PURE__ */ new Map();
    await Promise.all(
      environments.map(async ({ env, context }) => {
        try {
          result.set(env.name, await (await this.for(context)).capabilities());
        } catch {
        }
      })
    );
    return result;
  }
  async close() {
    for (const client of this.#clients.values()) {
      await client.then(
        (connected) => connected.close(),
        () => {
        }
      );
    }
  }
};

// src/commands/flux-cluster-objects.ts
import { lstat, readFile, realpath } from "node:fs/promises";
import { join as join3, sep } from "node:path";
async function clusterObjectFilesInCheckout(repoRoot, config) {
  return readAll(config, async (path) => {
    const full = join3(repoRoot, path);
    const stats = await lstat(full).catch(() => void 0);
    if (!stats) return { missing: "does not exist" };
    if (stats.isSymbolicLink()) {
      const [real, top] = await Promise.all([realpath(full).catch(() => void 0), realpath(repoRoot)]);
      if (real === void 0) return { missing: "is a link to nothing" };
      if (!real.startsWith(`${top}${sep}`))
        return { missing: "is a symbolic link that leads outside the repository" };
    }
    const text = await readFile(full, "utf8").catch(() => void 0);
    return text === void 0 ? { missing: "is not a readable file" } : { text };
  });
}
async function clusterObjectFilesAtRevision(repoRoot, revision, config) {
  const at = `at the base (${revision.slice(0, 7)})`;
  return readAll(config, async (path) => {
    const entry = await entryAtRevision(repoRoot, revision, path);
    if (entry.kind === "missing") return { missing: `does not exist ${at}` };
    if (entry.kind === "link")
      return { missing: `is a symbolic link ${at}; plumbline reads it only from the file itself` };
    return { text: entry.text };
  });
}
function clusterObjectLookup(files, liveClusterOf) {
  if (files.size === 0 && !liveClusterOf) return void 0;
  const asked = /* @__PURE__ */ new Map();
  return async (environment, reference) => {
    const key = fluxObjectKey(reference.kind, reference.namespace, reference.name);
    const cluster = environment.flux?.cluster;
    const written = cluster === void 0 ? void 0 : files.get(cluster)?.get(key);
    if (written) return written;
    const connecting = liveClusterOf?.(environment);
    if (!connecting) return void 0;
    const client = await connecting;
    let byKey = asked.get(client);
    if (!byKey) {
      byKey = /* @__PURE__ */ new Map();
      asked.set(client, byKey);
    }
    let answer = byKey.get(key);
    if (!answer) {
      answer = client.readObject({ apiVersion: "v1", ...reference }).then(
        (object) => object ? { object, place: `the cluster (kubeconfig context ${client.context})` } : void 0
      );
      byKey.set(key, answer);
    }
    return answer;
  };
}
async function readAll(config, read) {
  const files = /* @__PURE__ */ new Map();
  const configFile = config.file ?? "plumbline.yaml";
  for (const [cluster, path] of Object.entries(config.fluxClusterObjects ?? {})) {
    const setting = `flux.clusterObjects.${cluster}`;
    const result = await read(path);
    if ("missing" in result) {
      throw new PlumblineError(
        `${configFile}: ${setting} names ${path}, which ${result.missing}`,
        `Add the file of cluster ${cluster}'s ConfigMaps and Secrets outside Git, or remove ${setting} from ${configFile}.`
      );
    }
    files.set(cluster, objectsOf(result.text, path, `${configFile}: ${setting}`));
  }
  return files;
}
function objectsOf(text, path, setting) {
  const hint = `${path} holds the ConfigMaps and Secrets (apiVersion v1, each with metadata.namespace) the cluster has outside Git.`;
  let resources;
  try {
    resources = parseManifests({
      text,
      locate: (line) => ({ file: path, line }),
      describe: (line, column) => `${path}:${line}:${column}`
    });
  } catch (error) {
    if (!(error instanceof PlumblineError)) throw error;
    throw new PlumblineError(`${setting}: ${error.message}`, error.hint, { cause: error });
  }
  const objects = /* @__PURE__ */ new Map();
  for (const { object, source } of resources) {
    const place = `${path}:${source.line ?? 1}`;
    const { kind } = object;
    if (object.apiVersion !== "v1" || kind !== "ConfigMap" && kind !== "Secret") {
      throw new PlumblineError(`${setting}: ${place}: not a ConfigMap or Secret (apiVersion v1)`, hint);
    }
    const namespace = object.metadata.namespace;
    if (!namespace) throw new PlumblineError(`${setting}: ${place}: the ${kind} names no namespace`, hint);
    const key = fluxObjectKey(kind, namespace, object.metadata.name);
    const first = objects.get(key);
    if (first) {
      throw new PlumblineError(
        `${setting}: ${place}: ${kind} ${namespace}/${object.metadata.name} is there twice (first at ${first.place})`,
        hint
      );
    }
    objects.set(key, { object, place });
  }
  return objects;
}

// src/diff/project.ts
function projectOnto(live, manifest) {
  if (Array.isArray(manifest)) {
    if (!Array.isArray(live)) return typeOnly(live);
    const manifestNames = listItemNames(manifest);
    const liveNames = listItemNames(live);
    if (manifestNames && liveNames) {
      const liveByName = new Map(liveNames.map((name, index) => [name, live[index]]));
      const projected = manifestNames.flatMap(
        (name, index) => liveByName.has(name) ? [projectOnto(liveByName.get(name), manifest[index])] : []
      );
      const extra = liveNames.filter((name) => !manifestNames.includes(name)).map((name) => liveByName.get(name));
      return [...projected, ...extra];
    }
    return live.map((item, index) => index < manifest.length ? projectOnto(item, manifest[index]) : item);
  }
  if (isRecord(manifest) && isRecord(live)) {
    const projected = {};
    for (const key of Object.keys(manifest)) {
      if (key in live) projected[key] = projectOnto(live[key], manifest[key]);
    }
    return projected;
  }
  return typeOnly(live);
}
function typeOnly(live) {
  if (Array.isArray(live)) return [];
  return isRecord(live) ? {} : live;
}
function isRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// src/diff/live.ts
function compareWithCluster(input) {
  const desiredKeys = new Set(input.desired.map((resource) => resource.key));
  const changes = input.desired.map((resource) => compareDesired(resource, input));
  for (const resource of input.owned) {
    if (desiredKeys.has(resource.key)) continue;
    changes.push(compareObject({ key: resource.key, id: resource.id, before: resource.object }, input.rules));
  }
  return changes.sort((a, b) => a.key.localeCompare(b.key));
}
function compareDesired(resource, input) {
  const live = input.live.get(resource.key);
  const base = { key: resource.key, id: resource.id };
  const readerView = () => live ? projectOnto(live, resource.object) : void 0;
  const outcome = input.dryRun?.get(resource.key);
  if (!input.dryRun || !outcome) {
    return compareObject({ ...base, before: readerView(), after: resource.object }, input.rules);
  }
  if (outcome.ok) return compareObject({ ...base, before: live, after: outcome.object }, input.rules);
  return compareObject(
    { ...base, before: readerView(), after: resource.object, notes: [dryRunNote(outcome)] },
    input.rules
  );
}
function dryRunNote(outcome) {
  switch (outcome.reason) {
    case "namespace-missing":
      return `its namespace does not exist yet (${outcome.message}); compared with the manifest as written`;
    case "kind-unknown":
      return `the cluster does not know this kind yet (its CRD is not installed); compared with the manifest as written`;
    case "rejected":
      return `the API server rejects this object: ${outcome.message}`;
    case "forbidden":
      return `the dry run was forbidden (${outcome.message}); compared with the manifest as written, as in reader mode`;
  }
}
function needsDryRun(manifest, live, fieldManager) {
  if (!live) return true;
  const managers = live.metadata.managedFields ?? [];
  if (managers.some((entry) => entry.manager === fieldManager)) return true;
  return changedFields(projectOnto(live, manifest), manifest).length > 0;
}

// src/commands/live-comparison.ts
async function compareEnvironmentLive(env, rendered, client, config, mode, comparedWith, options = {}) {
  const { resources } = await client.resolveScopes(rendered.resources, environmentNamespace(env));
  const ownershipLabel = ownership(config, env);
  const label = ownershipLabel ? { ownershipLabel } : {};
  const ownDriftRules = options.ownDriftRules ?? true;
  let live;
  let rules;
  if (env.renderer === "flux" && env.flux) {
    const kustomization = rendered.flux ?? unappliedKustomization(env.flux);
    live = await client.readLive(resources, {
      ...label,
      ownershipSelectors: fluxOwnerSelectors(kustomization, resources)
    });
    rules = fluxComparison({
      kustomization,
      desired: resources,
      live: live.objects,
      owned: live.owned,
      ...label,
      driftRules: ownDriftRules
    });
  } else if (env.renderer === "argocd" && env.argocd) {
    const settings = config.argocd ?? argoSettings();
    const application = rendered.argocd ?? undefinedApplication(env.name);
    const tracking = argoOwnership(application, settings);
    live = await client.readLive(resources, {
      ...label,
      ...tracking.labelSelector ? { ownershipSelectors: [tracking.labelSelector] } : {},
      ...tracking.tracks ? {
        ownedIf: {
          accepts: tracking.tracks,
          namespaces: application.destinationNamespace ? [application.destinationNamespace] : []
        }
      } : {}
    });
    rules = {
      ...argoComparison({
        application,
        settings,
        desired: resources,
        live: live.objects,
        owned: live.owned,
        ...label,
        driftRules: ownDriftRules
      }),
      ignore: []
    };
  } else {
    live = await client.readLive(resources, label);
    rules = { desired: [...resources], owned: live.owned, ignore: [] };
  }
  const dryRun = mode === "live" ? await dryRuns(rules.desired, live, client, options) : void 0;
  const normalize = rules.normalize;
  const changes = compareWithCluster({
    desired: normalize ? rules.desired.map((resource) => ({ ...resource, object: normalize(resource.key, resource.object) })) : rules.desired,
    live: normalize ? mapObjects(live.objects, normalize) : live.objects,
    owned: rules.owned,
    ...dryRun ? { dryRun: normalize ? normalizedOutcomes(dryRun, normalize) : dryRun } : {},
    rules: [...config.diff.ignore, ...rules.ignore]
  });
  const comparison = {
    environment: env.name,
    mode,
    comparedWith,
    counts: countChanges(changes),
    changes
  };
  if (live.ownedNotSearched.length > 0) {
    comparison.notice = { kind: "deletions-unseen", kinds: [...live.ownedNotSearched] };
  }
  return { comparison, live };
}
function mapObjects(objects, normalize) {
  return new Map([...objects].map(([key, object]) => [key, normalize(key, object)]));
}
function normalizedOutcomes(outcomes, normalize) {
  return new Map(
    [...outcomes].map(([key, outcome]) => [
      key,
      outcome.ok ? { ok: true, object: normalize(key, outcome.object) } : outcome
    ])
  );
}
async function dryRuns(resources, live, client, options) {
  const needed = resources.filter((r) => needsDryRun(r.object, live.objects.get(r.key), FIELD_MANAGER));
  const outcomes = await client.dryRunApply(needed);
  const adjust = options.adjustAfter ?? ((after) => after);
  const result = /* @__PURE__ */ new Map();
  for (const resource of resources) {
    const outcome = outcomes.get(resource.key);
    const liveObject = live.objects.get(resource.key);
    if (outcome && !outcome.ok) result.set(resource.key, outcome);
    else if (outcome?.ok || liveObject) {
      const after = outcome?.ok ? outcome.object : liveObject;
      result.set(resource.key, { ok: true, object: adjust(after, resource.object) });
    }
  }
  return result;
}
function ownership(config, env) {
  const label = config.diff.ownershipLabel;
  if (!label) return void 0;
  const equals = label.indexOf("=");
  return equals === -1 ? { key: label, value: env.name } : { key: label.slice(0, equals), value: label.slice(equals + 1) };
}

export {
  selectEnvironments,
  inShard,
  parseShard,
  ClusterClients,
  clusterObjectFilesInCheckout,
  clusterObjectFilesAtRevision,
  clusterObjectLookup,
  compareEnvironmentLive,
  chooseKubeconfig
};
