/**
 * Helpers for tests against the real control plane that test/support/global-setup.ts
 * starts: its kubeconfig, a KubeConfig per identity, throwaway namespaces, and
 * server-side apply as admin. They use @kubernetes/client-node directly, not plumbline's
 * own cluster adapter, so that a test of the adapter does not check it against itself.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
  type KubernetesObject,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import { parseAllDocuments } from 'yaml';

export type Identity = 'admin' | 'planner' | 'reader';

export const TEST_FIELD_MANAGER = 'test-apply';

/** Path of the kubeconfig with the contexts plumbline-admin, plumbline-planner, plumbline-reader. */
export function testKubeconfigPath(): string {
  return inject('kubeconfig');
}

/** The Kubernetes version (`v1.37.2`) of that control plane: the newest or the oldest supported. */
export function testKubernetesVersion(): string {
  return inject('kubernetesVersion');
}

export function contextOf(identity: Identity): string {
  return `plumbline-${identity}`;
}

export function kubeConfigFor(identity: Identity): KubeConfig {
  const config = new KubeConfig();
  config.loadFromFile(testKubeconfigPath());
  config.setCurrentContext(contextOf(identity));
  return config;
}

export function objectApiFor(identity: Identity): KubernetesObjectApi {
  return KubernetesObjectApi.makeApiClient(kubeConfigFor(identity));
}

/** A name no other test (or earlier run) uses: `prefix-1a2b3c`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

async function createNamespace(name: string): Promise<void> {
  await kubeConfigFor('admin')
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name } } });
}

// Without a controller-manager the namespace stays Terminating; deleting it still keeps
// a run's namespaces from being mistaken for live ones.
async function deleteNamespace(name: string): Promise<void> {
  await kubeConfigFor('admin').makeApiClient(CoreV1Api).deleteNamespace({ name });
}

/** Inside a test: a new namespace, deleted when the test finishes. */
export async function freshNamespace(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await createNamespace(name);
  onTestFinished(() => deleteNamespace(name));
  return name;
}

/** At describe level: a new namespace for the block's tests, deleted after them. */
export function namespaceForSuite(prefix: string): { readonly name: string } {
  const holder = { name: '' };
  beforeAll(async () => {
    holder.name = uniqueName(prefix);
    await createNamespace(holder.name);
  });
  afterAll(async () => {
    if (holder.name) await deleteNamespace(holder.name);
  });
  return holder;
}

/** Parses one or more YAML documents into objects. */
export function manifests(yamlText: string): KubernetesObject[] {
  return parseAllDocuments(yamlText)
    .map((document) => document.toJS() as KubernetesObject | null)
    .filter((object): object is KubernetesObject => object !== null);
}

/**
 * Server-side applies objects (or YAML text) as admin and returns what the server stored.
 * It goes through kubectl: the typed serialisers of @kubernetes/client-node drop fields
 * their models name differently (a CRD schema's `default` becomes nothing), and a test
 * fixture must reach the server exactly as written.
 */
export function applyAsAdmin(objects: readonly object[] | string): KubernetesObject[] {
  const input =
    typeof objects === 'string' ? objects : objects.map((object) => JSON.stringify(object)).join('\n');
  const output = execFileSync(
    'kubectl',
    [
      '--kubeconfig',
      testKubeconfigPath(),
      '--context',
      contextOf('admin'),
      'apply',
      '--server-side',
      '--force-conflicts',
      '--field-manager',
      TEST_FIELD_MANAGER,
      '--output',
      'json',
      '--filename',
      '-',
    ],
    { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const parsed = JSON.parse(output) as KubernetesObject & { items?: KubernetesObject[] };
  return parsed.kind === 'List' ? (parsed.items ?? []) : [parsed];
}

/** Waits until a CustomResourceDefinition is Established and its kind is served. */
export async function waitForCrd(name: string, timeoutMs = 30_000): Promise<void> {
  const api = kubeConfigFor('admin').makeApiClient(ApiextensionsV1Api);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const crd = await api.readCustomResourceDefinition({ name });
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`CustomResourceDefinition ${name} was not Established within ${timeoutMs} ms`);
}

export interface AuditEvent {
  verb: string;
  requestURI: string;
  userAgent?: string;
  user: { username: string };
  objectRef?: { resource?: string; namespace?: string; name?: string; apiGroup?: string };
}

/**
 * Requests the API server received, from its audit log (metadata only, written as each
 * request arrives): the server's own count, to check a client's count against.
 */
export function auditEvents(filter: (event: AuditEvent) => boolean = () => true): AuditEvent[] {
  const path = join(dirname(testKubeconfigPath()), 'audit.log');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditEvent)
    .filter(filter);
}
