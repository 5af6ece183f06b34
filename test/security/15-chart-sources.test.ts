/**
 * Class 15: charts plumbline fetches itself. The trusted base names a chart repository
 * (helm.chart) with credentials from the job's environment; the head, and whatever that
 * repository serves, are data. An "evil" server counts what reaches it: it must get
 * nothing. The head's Chart.yaml names a dependency on it; the trusted repository's index
 * serves an archive from it, or redirects there; a fetched chart's values.schema.json
 * refers to it. Credentials go to the configured host only (not to another allowed host a
 * redirect leads to) and never reach a report. A chart the base allows renders.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Canaries,
  type CountingServer,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  kustomizeEnv,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startCountingServer,
  startForges,
  stopForges,
} from './harness.js';

/** A chart archive as `helm package` lays it out: `<name>/Chart.yaml`, templates, extra files. */
async function chartArchive(
  name: string,
  greeting: string,
  extra: Record<string, string> = {},
): Promise<Buffer> {
  const pack = tar.pack();
  const files: Record<string, string> = {
    [`${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    [`${name}/templates/cm.yaml`]: `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: app }\ndata: { GREETING: ${greeting} }\n`,
    ...Object.fromEntries(Object.entries(extra).map(([file, text]) => [`${name}/${file}`, text])),
  };
  for (const [file, text] of Object.entries(files)) pack.entry({ name: file }, text);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

function indexEntry(name: string, url: string, archive: Buffer): string {
  const digest = createHash('sha256').update(archive).digest('hex');
  return `  ${name}:\n    - { name: ${name}, version: 1.0.0, digest: ${digest}, urls: ["${url}"] }\n`;
}

let forges: Forges;
let trusted: CountingServer;
let evil: CountingServer;
let other: CountingServer;
beforeAll(async () => {
  forges = await startForges();
  evil = await startCountingServer({});
  // Files are looked up per request: the index needs the servers' addresses first.
  const otherFiles: Record<string, Buffer> = {};
  other = await startCountingServer(otherFiles);
  const trustedFiles: Parameters<typeof startCountingServer>[0] = {};
  trusted = await startCountingServer(trustedFiles);
  const fine = await chartArchive('fine', 'fetched');
  const elsewhere = await chartArchive('elsewhere', 'elsewhere');
  const schema = await chartArchive('schema', 'schema', {
    'values.schema.json': JSON.stringify({ $ref: `${evil.url}/schema.json` }),
  });
  otherFiles['/elsewhere-1.0.0.tgz'] = elsewhere;
  Object.assign(trustedFiles, {
    '/charts/index.yaml':
      'apiVersion: v1\nentries:\n' +
      indexEntry('fine', `${trusted.url}/fine-1.0.0.tgz`, fine) +
      indexEntry('stolen', `${evil.url}/stolen-1.0.0.tgz`, fine) +
      indexEntry('redirected', `${trusted.url}/go/redirected-1.0.0.tgz`, fine) +
      indexEntry('elsewhere', `${trusted.url}/go/elsewhere-1.0.0.tgz`, elsewhere) +
      indexEntry('schema', `${trusted.url}/schema-1.0.0.tgz`, schema),
    '/fine-1.0.0.tgz': fine,
    '/schema-1.0.0.tgz': schema,
    '/go/redirected-1.0.0.tgz': { redirect: `${evil.url}/redirected-1.0.0.tgz` },
    '/go/elsewhere-1.0.0.tgz': { redirect: `${other.url}/elsewhere-1.0.0.tgz` },
  });
});
afterAll(async () => {
  await Promise.all([trusted.close(), evil.close(), other.close()]);
  await stopForges(forges);
});

describe('class 15: chart sources reach only the hosts the base names, and keep its credentials', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const hostOf = (server: CountingServer) => new URL(server.url).host;
  const remote = (name: string) => ({
    name,
    path: `envs/${name}`,
    renderer: 'helm',
    helm: { chart: { repository: `${trusted.url}/charts`, name, version: '1.0.0' } },
  });

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    const names = ['fine', 'stolen', 'redirected', 'elsewhere', 'schema'];
    const folders = Object.fromEntries(names.map((name) => [`envs/${name}/.keep`, '']));
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          [
            { name: 'dev', path: 'envs/dev', renderer: 'kustomize' },
            { name: 'dependency', path: 'envs/dependency', renderer: 'helm' },
            ...names.map(remote),
          ],
          {
            render: {
              // The repository is trusted because this file names it; `other` is allowed too.
              allowHosts: [hostOf(other)],
              repositories: [
                { host: hostOf(trusted), usernameEnv: 'CHART_USER', passwordEnv: 'PLUMBLINE_CANARY' },
              ],
            },
          },
        ),
        ...kustomizeEnv('dev', 'hello'),
        'envs/dependency/Chart.yaml': 'apiVersion: v2\nname: dependency\nversion: 1.0.0\n',
        'envs/dependency/templates/cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: dep, namespace: app }\ndata: { A: b }\n',
        ...folders,
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        // The change touches every remote environment, so each is planned.
        ...Object.fromEntries(names.map((name) => [`envs/${name}/.keep`, 'touched by the change'])),
        // The head makes its chart depend on a chart from a host nobody allowed.
        'envs/dependency/Chart.yaml': `apiVersion: v2\nname: dependency\nversion: 1.0.0\ndependencies:\n  - { name: stolen, version: 1.0.0, repository: "${evil.url}/charts" }\n`,
      },
    );
    for (const server of [trusted, evil, other]) {
      server.requests.length = 0;
      server.authorizations.length = 0;
    }
    // A cache of this run's own: every path fetches (or finds what another path fetched).
    const chartCache = mkdtempSync(join(tmpdir(), 'plumbline-chart-cache-'));
    outcomes = await runEveryPath(repo, canaries, forges, 'chart sources', {
      env: { CHART_USER: 'ci', PLUMBLINE_CHART_CACHE: chartCache },
    });
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('sends nothing to a host neither the configuration nor render.allowHosts names', () => {
    expect(evil.requests).toEqual([]);
  });

  it('sends credentials to the configured host only, never to where it redirects', () => {
    expect(trusted.authorizations.length).toBeGreaterThan(0);
    for (const authorization of trusted.authorizations) expect(authorization).toMatch(/^Basic /);
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.authorizations.every((authorization) => authorization === '')).toBe(true);
  });

  it('leaks no canary (the repository password is one), on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries);
  });

  it('fails each hostile source, naming the host or the schema, and renders the allowed ones', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: ['dependency', 'stolen', 'redirected', 'schema'],
        healthy: { dev: 'GREETING: hola' },
        errorNames: {
          dependency: [hostOf(evil)],
          stolen: [hostOf(evil)],
          redirected: [hostOf(evil)],
          schema: ['values.schema.json'],
        },
      });
      if (outcome.report) {
        for (const name of ['fine', 'elsewhere']) {
          const entry = outcome.report.environments.find((candidate) => candidate.name === name);
          expect(entry?.status, `${outcome.path}: ${name} renders`).toBe('compared');
        }
      }
    }
  });
});
