import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectCluster } from '../../../src/cluster/index.js';
import { describeError, PlumblineError } from '../../../src/errors.js';
import { contextOf, testKubeconfigPath } from '../../support/cluster.js';
import { closedPort, testCluster, tokenOf, writeKubeconfig } from './helpers.js';

async function connectError(target: Parameters<typeof connectCluster>[0]): Promise<PlumblineError> {
  const error = await connectCluster(target).then(
    (client) => {
      client.close();
      throw new Error('connected');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlumblineError);
  return error as PlumblineError;
}

describe('connectCluster', () => {
  it('reaches the server of the chosen context with one request', async () => {
    const client = await connectCluster({
      kubeconfigPath: testKubeconfigPath(),
      context: contextOf('reader'),
    });
    try {
      expect(client.server).toBe(testCluster().server);
      expect(client.context).toBe('plumbline-reader');
      expect(client.defaultNamespace).toBe('default');
      expect(client.requestCount()).toBe(1);
    } finally {
      client.close();
    }
  });

  it("takes the default namespace from the context's namespace", async () => {
    const path = writeKubeconfig({ ...testCluster(), token: tokenOf('reader'), namespace: 'shop' });
    const client = await connectCluster({ kubeconfigPath: path });
    client.close();
    expect(client.context).toBe('test');
    expect(client.defaultNamespace).toBe('shop');
  });

  it('names server, context and the refusal when nothing listens', async () => {
    const port = await closedPort();
    const path = writeKubeconfig({
      server: `https://127.0.0.1:${port}`,
      token: 't',
      caData: testCluster().caData,
    });
    const error = await connectError({ kubeconfigPath: path, context: 'test' });
    expect(error.message).toBe(
      `Cannot reach the Kubernetes API server at https://127.0.0.1:${port} (kubeconfig context test): connection refused.`,
    );
    expect(error.remedy).toBe('offline');
  });

  it('says the server did not answer in time', async () => {
    // Accepts connections and never says a word, like a server behind a dead proxy.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const path = writeKubeconfig({
        server: `https://127.0.0.1:${port}`,
        token: 't',
        caData: testCluster().caData,
      });
      const error = await connectError({ kubeconfigPath: path, transport: { timeoutMs: 300 } });
      expect(error.message).toBe(
        `Cannot reach the Kubernetes API server at https://127.0.0.1:${port} (kubeconfig context test): no answer within 0.3 s (ETIMEDOUT).`,
      );
    } finally {
      silent.close();
    }
  });

  it('says the host does not resolve', async () => {
    const path = writeKubeconfig({ server: 'https://no-such-host.invalid:6443', token: 't' });
    const error = await connectError({ kubeconfigPath: path });
    expect(error.message).toContain(
      'https://no-such-host.invalid:6443 (kubeconfig context test): the host name does not resolve',
    );
  });

  it('says TLS verification failed when the kubeconfig does not trust the server certificate', async () => {
    const path = writeKubeconfig({ server: testCluster().server, token: 't' });
    const error = await connectError({ kubeconfigPath: path });
    expect(error.message).toMatch(
      /^The TLS connection to the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ \(kubeconfig context test\) failed/,
    );
    expect(error.hint).toContain('certificate-authority');
  });

  it('says the credentials were rejected, without repeating them', async () => {
    const token = 'not-a-valid-token-4711';
    const path = writeKubeconfig({ ...testCluster(), token });
    const error = await connectError({ kubeconfigPath: path });
    expect(error.message).toContain(
      'rejected the credentials of user someone (kubeconfig context test): HTTP 401',
    );
    expect(describeError(error)).not.toContain(token);
  });

  it('lists the contexts when the asked one does not exist', async () => {
    const error = await connectError({ kubeconfigPath: testKubeconfigPath(), context: 'prod' });
    expect(error.message).toBe(`The kubeconfig ${testKubeconfigPath()} has no context named prod.`);
    expect(error.hint).toBe('Its contexts are: plumbline-admin, plumbline-planner, plumbline-reader.');
  });

  it('names a kubeconfig file that does not exist', async () => {
    const error = await connectError({ kubeconfigPath: '/nonexistent/kubeconfig' });
    expect(error.message).toBe('The kubeconfig file /nonexistent/kubeconfig does not exist.');
  });
});
