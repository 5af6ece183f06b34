import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// src/resource.ts
function splitApiVersion(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
function resourceId(object) {
  const { group, version } = splitApiVersion(object.apiVersion);
  const id = { group, version, kind: object.kind, name: object.metadata.name };
  if (object.metadata.namespace) id.namespace = object.metadata.namespace;
  return id;
}
function resourceKey(id) {
  return `${id.group}/${id.kind}/${id.namespace ?? ""}/${id.name}`;
}
function displayName(id) {
  return id.namespace ? `${id.kind} ${id.namespace}/${id.name}` : `${id.kind} ${id.name}`;
}
function toResource(object, source) {
  const id = resourceId(object);
  return { id, key: resourceKey(id), object, source };
}
function isLabelValue(value) {
  return value.length <= 63 && /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value);
}
var DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
function isLabelKey(key) {
  const parts = key.split("/");
  const name = parts.at(-1) ?? "";
  const prefix = parts.length === 2 ? parts[0] : void 0;
  return parts.length <= 2 && isLabelValue(name) && (prefix === void 0 || prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
}

// src/diff/mask.ts
import { createHmac, randomBytes } from "node:crypto";
var MASK_PREFIX = "plumbline-masked:";
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
var SECRET_FIELDS = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata", "data", "type", "immutable"]);
var processKey = randomBytes(32);
function maskValue(value) {
  return MASK_PREFIX + createHmac("sha256", processKey).update(value).digest("hex").slice(0, 16);
}
function isMasked(value) {
  return typeof value === "string" && value.startsWith(MASK_PREFIX);
}
function isSecret(object) {
  return object.kind === "Secret" && object.apiVersion === "v1";
}
function maskSecret(object) {
  if (!isSecret(object)) return object;
  const masked = structuredClone(object);
  const data = {};
  for (const [key, value] of Object.entries(asRecord(masked.data))) data[key] = maskValue(textOf(value));
  for (const [key, value] of Object.entries(asRecord(masked.stringData))) {
    data[key] = maskValue(Buffer.from(textOf(value), "utf8").toString("base64"));
  }
  delete masked.stringData;
  if (masked.data !== void 0 || Object.keys(data).length > 0) masked.data = data;
  for (const field of Object.keys(masked)) {
    if (!SECRET_FIELDS.has(field))
      masked[field] = maskValue(textOf(masked[field]));
  }
  const annotations = masked.metadata.annotations;
  if (annotations?.[LAST_APPLIED] !== void 0)
    annotations[LAST_APPLIED] = maskValue(textOf(annotations[LAST_APPLIED]));
  return masked;
}
function textOf(value) {
  if (typeof value === "string") return value;
  return value === null || value === void 0 ? "" : JSON.stringify(value);
}
function asRecord(value) {
  return value !== null && typeof value === "object" ? value : {};
}

export {
  MASK_PREFIX,
  maskValue,
  isMasked,
  isSecret,
  maskSecret,
  splitApiVersion,
  resourceId,
  resourceKey,
  displayName,
  toResource,
  isLabelValue,
  isLabelKey
};
