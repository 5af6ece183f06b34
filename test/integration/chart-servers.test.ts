/**
 * The chart servers of scripts/chart-servers.sh are real and behave as tests expect: real
 * helm (3 and 4) publishes to them and pulls from them, credentials are checked, the
 * failing endpoints fail as documented, and the access logs count every request.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartServers, httpUrlOf, watchAccessLog, watchRegistryLog } from '../support/chart-servers.js';
import {
  configMapTemplate,
  type Helm,
  type HttpRepo,
  httpRepoAuthFlags,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  type PushedChart,
  publishToHttpRepo,
  pushChart,
  registryFlags,
  registryLogin,
  registryOf,
  uniqueChartName,
} from '../support/charts.js';
import { helmBinaries } from '../support/tools.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** GET over HTTPS trusting only the test CA: status and headers. */
function httpsGet(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca: readFileSync(chartServers().caFile) }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Pulls into a new folder; the one file it wrote. */
async function pull(helm: Helm, args: string[]): Promise<string> {
  const destination = await mkdtemp(join(helm.home, 'pull-'));
  await helm.run(['pull', ...args, '--destination', destination]);
  const files = await readdir(destination);
  expect(files).toHaveLength(1);
  return join(destination, files[0] as string);
}

describe.each(helmBinaries())('chart servers with Helm $major ($version)', ({ path }) => {
  let helm: Helm;
  let name: string;
  let tgz: string;
  let publicRepo: HttpRepo;
  let privateRepo: HttpRepo;
  let tlsRepo: HttpRepo;
  let pushed: PushedChart;

  beforeAll(async () => {
    helm = await isolatedHelm(path);
    name = uniqueChartName('servers');
    tgz = await makeChartPackage(helm, {
      name,
      version: '1.2.3',
      templates: { 'cm.yaml': configMapTemplate() },
    });
    publicRepo = newHttpRepo('public');
    privateRepo = newHttpRepo('private');
    tlsRepo = newHttpRepo('public', 'tls');
    await publishToHttpRepo(helm, publicRepo, tgz);
    await publishToHttpRepo(helm, privateRepo, tgz);
    await publishToHttpRepo(helm, tlsRepo, tgz, { url: tlsRepo.httpsUrl });
    pushed = await pushChart(helm, tgz);
  });
  afterAll(() => helm?.cleanup());

  it('serves a public repository over HTTP, two requests a pull', async () => {
    const log = watchAccessLog();
    const pulled = await pull(helm, [name, '--repo', publicRepo.url, '--version', '1.2.3']);
    expect(sha256(pulled)).toBe(sha256(tgz));
    const requests = await log.entries((entry) => entry.uri.includes(publicRepo.folder));
    expect(requests.map((entry) => [entry.method, entry.uri, entry.status])).toEqual([
      ['GET', `/public/${publicRepo.folder}/index.yaml`, 200],
      ['GET', `/public/${publicRepo.folder}/${name}-1.2.3.tgz`, 200],
    ]);
  });

  it('merges a second version into the index', async () => {
    const repo = newHttpRepo('public');
    const second = await makeChartPackage(helm, { name, version: '1.3.0' });
    await publishToHttpRepo(helm, repo, tgz);
    await publishToHttpRepo(helm, repo, second);
    const index = readFileSync(join(repo.dir, 'index.yaml'), 'utf8');
    expect(index).toContain(`${repo.url}/${name}-1.2.3.tgz`);
    expect(index).toContain(`${repo.url}/${name}-1.3.0.tgz`);
    const pulled = await pull(helm, [name, '--repo', repo.url]);
    expect(pulled.endsWith(`${name}-1.3.0.tgz`)).toBe(true);
  });

  it('asks for basic auth on the private repository and refuses a wrong password', async () => {
    const log = watchAccessLog();
    const anonymous = await helm.attempt([
      'pull',
      name,
      '--repo',
      privateRepo.url,
      '--destination',
      helm.home,
    ]);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/401/);
    const { user } = chartServers();
    const wrong = await helm.attempt([
      'pull',
      name,
      '--repo',
      privateRepo.url,
      '--username',
      user,
      '--password',
      'wrong',
      '--destination',
      helm.home,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/401/);
    const pulled = await pull(helm, [name, '--repo', privateRepo.url, ...httpRepoAuthFlags(privateRepo)]);
    expect(sha256(pulled)).toBe(sha256(tgz));
    const requests = await log.entries((entry) => entry.uri.includes(privateRepo.folder));
    expect(requests.map((entry) => [entry.status, entry.user])).toEqual([
      [401, ''],
      [401, user],
      [200, user],
      [200, user],
    ]);
  });

  it('serves over TLS with the test CA, and only with it', async () => {
    const untrusted = await helm.attempt([
      'pull',
      name,
      '--repo',
      tlsRepo.httpsUrl,
      '--destination',
      helm.home,
    ]);
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.stderr).toMatch(/certificate|x509/i);
    const pulled = await pull(helm, [name, '--repo', tlsRepo.httpsUrl, '--ca-file', chartServers().caFile]);
    expect(sha256(pulled)).toBe(sha256(tgz));
  });

  it('pushes to and pulls from the OCI registry with auth', async () => {
    expect(pushed.ref).toBe(`oci://${chartServers().registry}/charts/${name}`);
    const { caFile } = chartServers();
    const stranger = await isolatedHelm(path);
    try {
      const refused = await stranger.attempt(['pull', pushed.ref, '--version', '1.2.3', '--ca-file', caFile]);
      expect(refused.code).not.toBe(0);
      // Helm 3 says 401 Unauthorized; Helm 4 "basic credential not found" (it got the challenge).
      expect(refused.stderr).toMatch(/401|unauthorized|credential/i);
      const { registry, user } = chartServers();
      const wrongLogin = await stranger.attempt(
        ['registry', 'login', registry, '--username', user, '--password-stdin', '--ca-file', caFile],
        { input: 'wrong\n' },
      );
      expect(wrongLogin.code).not.toBe(0);
      expect(wrongLogin.stderr).toMatch(/401|unauthorized/i);
      const log = watchRegistryLog('auth');
      await registryLogin(stranger);
      const pulled = await pull(stranger, [pushed.ref, '--version', '1.2.3', '--ca-file', caFile]);
      expect(sha256(pulled)).toBe(sha256(tgz));
      // The manifest and the chart layer at least, each answered after the credentials.
      const requests = await log.entries((entry) => entry.uri.includes(name) && entry.status === 200);
      expect(requests.some((entry) => entry.uri.includes('/manifests/'))).toBe(true);
      expect(requests.some((entry) => entry.uri.includes('/blobs/sha256:'))).toBe(true);
    } finally {
      await stranger.cleanup();
    }
  });

  it.each(['anon', 'plain-http'] as const)(
    'pushes to and pulls from the OCI registry without auth (%s)',
    async (kind) => {
      const anonymous = await pushChart(helm, tgz, { registry: kind, namespace: kind });
      expect(anonymous.digest).toBe(pushed.digest);
      expect(anonymous.ref).toBe(`oci://${registryOf(kind)}/${kind}/${name}`);
      const stranger = await isolatedHelm(path);
      try {
        const log = watchAccessLog();
        const pulled = await pull(stranger, [
          anonymous.ref,
          '--version',
          '1.2.3',
          ...registryFlags(registryOf(kind)),
        ]);
        expect(sha256(pulled)).toBe(sha256(tgz));
        const proxied = await log.entries(
          (entry) => entry.server === 'oci-plain-http' && entry.uri.includes(name),
        );
        expect(proxied.length > 0).toBe(kind === 'plain-http');
      } finally {
        await stranger.cleanup();
      }
    },
  );

  it('has OCI endpoints that answer 503 and 429', async () => {
    const { registry503, registry429, caFile } = chartServers();
    const log = watchAccessLog();
    const down = await helm.attempt([
      'pull',
      `oci://${registry503}/charts/${name}`,
      '--version',
      '1.2.3',
      '--ca-file',
      caFile,
    ]);
    expect(down.code).not.toBe(0);
    const limited = await helm.attempt([
      'pull',
      `oci://${registry429}/charts/${name}`,
      '--version',
      '1.2.3',
      '--ca-file',
      caFile,
    ]);
    expect(limited.code).not.toBe(0);
    const requests = await log.entries((entry) => entry.uri.includes(name));
    expect(requests.some((entry) => entry.server === 'oci-503' && entry.status === 503)).toBe(true);
    expect(requests.some((entry) => entry.server === 'oci-429' && entry.status === 429)).toBe(true);
    expect(requests.every((entry) => entry.status === 503 || entry.status === 429)).toBe(true);
  });
});

describe('failing and rate-limited chart repository paths', () => {
  it('answers 503, 500 and 429 with Retry-After: 1 for any path below them', async () => {
    for (const [path, status] of [
      ['503', 503],
      ['500', 500],
      ['429', 429],
    ] as const) {
      const response = await fetch(`${httpUrlOf(path, 'any/where')}/index.yaml`);
      expect(response.status).toBe(status);
      expect(response.headers.get('retry-after')).toBe(status === 429 ? '1' : null);
    }
    const tls = await httpsGet(`${httpUrlOf('503', 'x', { tls: true })}/index.yaml`);
    expect(tls.status).toBe(503);
    const { registry429 } = chartServers();
    const oci = await httpsGet(`https://${registry429}/v2/`);
    expect(oci.status).toBe(429);
    expect(oci.headers['retry-after']).toBe('1');
  });

  it('lets one request a second through /limited/<folder>/ and answers 429 to the others', async () => {
    const repo = newHttpRepo('public');
    const helm = await isolatedHelm(helmBinaries()[0]?.path as string);
    try {
      await publishToHttpRepo(helm, repo, await makeChartPackage(helm, { name: uniqueChartName('limited') }));
    } finally {
      await helm.cleanup();
    }
    const url = `${repo.limitedUrl}/index.yaml`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect([first.status, second.status]).toEqual([200, 429]);
    expect(second.headers.get('retry-after')).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await fetch(url)).status).toBe(200);
  });
});
