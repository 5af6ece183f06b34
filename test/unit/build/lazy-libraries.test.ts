/**
 * dist/ loads undici and the Kubernetes client on first use (scripts/build.mjs): each is a
 * CommonJS file of its own, and the code that imports it gets a stand-in that requires it
 * the first time one of its names is used. The files must hold what the stand-ins forward.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const chunks = resolve(import.meta.dirname, '../../../dist/chunks');

it('has undici with ProxyAgent and fetch, for requests through a proxy', () => {
  const undici = require(join(chunks, 'lib-undici.cjs'));
  expect(typeof undici.ProxyAgent).toBe('function');
  expect(typeof undici.fetch).toBe('function');
  const agent = new undici.ProxyAgent({ uri: 'http://127.0.0.1:9' });
  expect(typeof agent.dispatch).toBe('function');
  agent.close();
});

it('has the Kubernetes client KubeConfig, which reads kubeconfigs', () => {
  const { KubeConfig } = require(join(chunks, 'lib-kubernetes-client.cjs'));
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:9" } }]',
      'users: [{ name: u, user: { token: t } }]',
      'contexts: [{ name: x, context: { cluster: c, user: u, namespace: shop } }]',
      'current-context: x',
    ].join('\n'),
  );
  expect(kubeConfig.getCurrentCluster()?.server).toBe('https://127.0.0.1:9');
  expect(kubeConfig.getContextObject('x')?.namespace).toBe('shop');
});
