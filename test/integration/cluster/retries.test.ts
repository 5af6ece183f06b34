/**
 * Retries of 429 and 5xx answers. The control plane answers for real; a small loopback
 * proxy in front of it answers the first requests with the failure under test, as an
 * overloaded API server or a load balancer in front of one would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { request } from 'node:https';
import { describe, expect, it, onTestFinished } from 'vitest';
import { connectCluster } from '../../../src/cluster/index.js';
import { PlumblineError } from '../../../src/errors.js';
import { testCluster, tokenOf, writeKubeconfig } from './helpers.js';

interface Failure {
  status: number;
  retryAfter?: number;
}

/** A proxy to the control plane that answers with `failures` first; returns a kubeconfig for it. */
async function faultyProxy(failures: Failure[]): Promise<{ kubeconfigPath: string; received: string[] }> {
  const { server: upstream, caData } = testCluster();
  const received: string[] = [];
  const proxy = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    received.push(`${incoming.method} ${incoming.url}`);
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['Retry-After'] = String(failure.retryAfter);
      outgoing.writeHead(failure.status, headers);
      outgoing.end(
        JSON.stringify({ kind: 'Status', status: 'Failure', message: 'try again', code: failure.status }),
      );
      return;
    }
    const forward = request(
      new URL(incoming.url ?? '/', upstream),
      { method: incoming.method, headers: incoming.headers, ca: Buffer.from(caData, 'base64') },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => proxy.close(() => resolve())));
  const address = proxy.address() as { port: number };
  const kubeconfigPath = writeKubeconfig({
    server: `http://127.0.0.1:${address.port}`,
    token: tokenOf('reader'),
    insecure: true,
  });
  return { kubeconfigPath, received };
}

describe('retries', () => {
  it('retries 503 and 429 (honouring Retry-After) and counts every attempt', async () => {
    const { kubeconfigPath, received } = await faultyProxy([{ status: 503 }, { status: 429, retryAfter: 1 }]);
    const client = await connectCluster({ kubeconfigPath, transport: { backoffMs: 1 } });
    client.close();
    expect(received).toEqual(['GET /version', 'GET /version', 'GET /version']);
    expect(client.requestCount()).toBe(3);
  });

  it('gives up after the last attempt with an error naming the server, the request and the status', async () => {
    const { kubeconfigPath, received } = await faultyProxy(Array(5).fill({ status: 503 }));
    const error = await connectCluster({ kubeconfigPath, transport: { backoffMs: 1, attempts: 3 } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PlumblineError);
    expect((error as PlumblineError).message).toMatch(
      /^The Kubernetes API server at http:\/\/127\.0\.0\.1:\d+ \(context test\) answered GET \/version with HTTP 503 3 times in a row\.$/,
    );
    expect(received).toHaveLength(3);
  });

  it('does not retry a client error', async () => {
    const { kubeconfigPath, received } = await faultyProxy([{ status: 400 }]);
    const error = await connectCluster({ kubeconfigPath, transport: { backoffMs: 1 } }).catch(
      (caught: unknown) => caught,
    );
    expect((error as PlumblineError).message).toContain('HTTP 400: try again');
    expect(received).toHaveLength(1);
  });
});
