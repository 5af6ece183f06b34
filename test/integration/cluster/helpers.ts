/** Shared set-up of the cluster adapter tests: desired resources, extra identities, kubeconfigs. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { type ClusterClient, connectCluster } from '../../../src/cluster/index.js';
import { maskSecret } from '../../../src/diff/mask.js';
import { type KubeObject, type Resource, toResource } from '../../../src/resource.js';
import {
  contextOf,
  type Identity,
  kubeConfigFor,
  manifests,
  testKubeconfigPath,
} from '../../support/cluster.js';

/** Desired resources as the renderer hands them over: parsed, masked, keyed. */
export function desired(yamlText: string, file = 'envs/test/manifests.yaml'): Resource[] {
  return manifests(yamlText).map((object) => toResource(maskSecret(object as KubeObject), { file }));
}

/** A client for one of the control plane's identities, closed when the test finishes. */
export async function clientAs(identity: Identity): Promise<ClusterClient> {
  const client = await connectCluster({ kubeconfigPath: testKubeconfigPath(), context: contextOf(identity) });
  onTestFinished(() => client.close());
  return client;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plumbline-cluster-'));
}

interface KubeconfigFile {
  clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data'?: string } }>;
  users: Array<{ name: string; user: { token: string } }>;
}

/** The bearer token of one of the control plane's identities. */
export function tokenOf(identity: Identity): string {
  const config = parse(readFileSync(testKubeconfigPath(), 'utf8')) as KubeconfigFile;
  return config.users.find((user) => user.name === identity)!.user.token;
}

/** The test control plane's server URL and CA, as its kubeconfig states them. */
export function testCluster(): { server: string; caData: string } {
  const config = parse(readFileSync(testKubeconfigPath(), 'utf8')) as KubeconfigFile;
  const cluster = config.clusters[0]!.cluster;
  return { server: cluster.server, caData: cluster['certificate-authority-data'] ?? '' };
}

/** Writes a one-context kubeconfig (context `test`) and returns its path. */
export function writeKubeconfig(options: {
  server: string;
  token: string;
  caData?: string;
  namespace?: string;
  insecure?: boolean;
}): string {
  const cluster = options.caData
    ? `{ server: "${options.server}", certificate-authority-data: "${options.caData}" }`
    : options.insecure
      ? `{ server: "${options.server}", insecure-skip-tls-verify: true }`
      : `{ server: "${options.server}" }`;
  const namespace = options.namespace ? `, namespace: ${options.namespace}` : '';
  const path = join(tempDir(), 'kubeconfig');
  writeFileSync(
    path,
    `apiVersion: v1
kind: Config
clusters: [{ name: test, cluster: ${cluster} }]
users: [{ name: someone, user: { token: "${options.token}" } }]
contexts: [{ name: test, context: { cluster: test, user: someone${namespace} } }]
current-context: test
`,
  );
  return path;
}

/**
 * An identity the control plane authenticates but RBAC grants nothing beyond discovery:
 * a ServiceAccount with a token from the TokenRequest API. Returns a kubeconfig for it.
 */
export async function serviceAccountKubeconfig(namespace: string, name: string): Promise<string> {
  const core = kubeConfigFor('admin').makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  return writeKubeconfig({ ...testCluster(), token: request.status!.token });
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
