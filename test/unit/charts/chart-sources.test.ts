import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPlan } from '../../../src/commands/plan.js';
import type { EnvironmentResult, PlanResult } from '../../../src/diff/model.js';
import { type ChangeRepository, changeRepository } from '../../support/change-repository.js';
import { chartServers, watchAccessLog, watchRegistryLog } from '../../support/chart-servers.js';
import {
  type Helm,
  isolatedHelm,
  makeChartPackage,
  newHttpRepo,
  publishToHttpRepo,
  pushChart,
  uniqueChartName,
} from '../../support/charts.js';
import { helmBinaries } from '../../support/tools.js';

/** Everything this file writes: repositories and chart caches. */
const scratch = mkdtempSync(join(tmpdir(), 'plumbline-chart-sources-'));
const freshFolder = (prefix: string) => mkdtempSync(join(scratch, prefix));

const PASSWORD_VARIABLE = 'PLUMBLINE_TEST_CHART_PASSWORD';
const USER_VARIABLE = 'PLUMBLINE_TEST_CHART_USER';

/** A chart rendering one ConfigMap that says its version and the values' greeting. */
function chartSpec(name: string, version: string) {
  return {
    name,
    version,
    // Fails with a helm built without its release's Kubernetes version (v1.20 defaults).
    kubeVersion: '>=1.23.0-0',
    values: { greeting: 'hello' },
    templates: {
      'configmap.yaml': stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: '{{ .Chart.Name }}' },
        data: { version: '{{ .Chart.Version }}', greeting: '{{ .Values.greeting }}' },
      }),
    },
  };
}

function repository(files: Record<string, string>): ChangeRepository {
  return changeRepository(freshFolder('repo-'), files);
}

function plan(root: string, chartCache: string): Promise<PlanResult> {
  // Every environment: these tests are about fetching, not about which ones a change affects.
  return runPlan({
    repoRoot: root,
    mode: 'offline',
    base: 'main',
    clusterAvailable: false,
    chartCache,
    all: true,
  });
}

function environment(result: PlanResult, name: string): EnvironmentResult {
  const found = result.environments.find((candidate) => candidate.environment === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

function sha256(file: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}

let publisher: Helm;
let name: string;
const packages: Record<string, string> = {};
let publicRepo: ReturnType<typeof newHttpRepo>;
let privateRepo: ReturnType<typeof newHttpRepo>;
let oci: { repository: string; digest: string };

beforeAll(async () => {
  const servers = chartServers();
  process.env[USER_VARIABLE] = servers.user;
  process.env[PASSWORD_VARIABLE] = servers.password;
  publisher = await isolatedHelm(helmBinaries()[0]!.path);
  name = uniqueChartName('app');
  publicRepo = newHttpRepo('public');
  privateRepo = newHttpRepo('private');
  for (const version of ['1.0.0', '1.1.0', '2.0.0-rc.1']) {
    packages[version] = await makeChartPackage(publisher, chartSpec(name, version));
    await publishToHttpRepo(publisher, publicRepo, packages[version]!);
    await publishToHttpRepo(publisher, privateRepo, packages[version]!);
  }
  oci = await pushChart(publisher, packages['1.0.0']!);
  await pushChart(publisher, packages['1.1.0']!);
});
afterAll(async () => {
  delete process.env[USER_VARIABLE];
  delete process.env[PASSWORD_VARIABLE];
  delete process.env.PLUMBLINE_HELM;
  await publisher.cleanup();
});

function hostOf(url: string): string {
  return new URL(url.replace(/^oci:/, 'https:')).host;
}

describe.each(helmBinaries())(
  'charts from repositories and registries, with helm $major',
  ({ path, version }) => {
    beforeAll(() => {
      process.env.PLUMBLINE_HELM = path;
    });

    it('renders a range from an HTTP repository, a private one and an OCI registry, and says what it fetched', async () => {
      const servers = chartServers();
      const config = {
        render: {
          repositories: [
            { host: hostOf(privateRepo.url), usernameEnv: USER_VARIABLE, passwordEnv: PASSWORD_VARIABLE },
            {
              host: servers.registry,
              usernameEnv: USER_VARIABLE,
              passwordEnv: PASSWORD_VARIABLE,
              caFile: servers.caFile,
            },
          ],
        },
        environments: [
          {
            name: 'public',
            path: 'envs/public',
            namespace: 'shop',
            helm: {
              chart: { repository: publicRepo.url, name, version: '1.x' },
              valuesFiles: ['values.yaml'],
            },
          },
          {
            name: 'private',
            path: 'envs/private',
            helm: { chart: { repository: privateRepo.url, name, version: '~1.0.0' } },
          },
          {
            name: 'oci',
            path: 'envs/oci',
            helm: { chart: { repository: oci.repository, name, version: '1.0.0' } },
          },
          {
            name: 'oci-range',
            path: 'envs/oci-range',
            helm: { chart: { repository: oci.repository, name, version: '^1.0.0' } },
          },
        ],
      };
      const repo = repository({
        'plumbline.yaml': stringify(config),
        'envs/public/values.yaml': 'greeting: hi\n',
        'envs/private/.keep': '',
        'envs/oci/.keep': '',
        'envs/oci-range/.keep': '',
      });
      repo.commit({ 'envs/public/values.yaml': 'greeting: bonjour\n' });
      const result = await plan(repo.root, freshFolder('cache-'));

      const publicEnv = environment(result, 'public');
      expect(publicEnv.error).toBeUndefined();
      expect(publicEnv.counts).toEqual({ added: 0, changed: 1, deleted: 0, unchanged: 0 });
      const change = publicEnv.changes[0]!;
      // The values of the environment, and the namespace filled as a controller would.
      expect(change.diff).toContain('-  greeting: hi\n+  greeting: bonjour');
      expect(change.id.namespace).toBe('shop');
      expect(publicEnv.rendered?.head).toEqual({
        charts: [{ repository: publicRepo.url, name, version: '1.1.0', digest: sha256(packages['1.1.0']!) }],
        capabilities: { from: 'helm', apiVersions: 0 },
        helmVersion: version,
      });

      for (const [env, wanted] of [
        ['private', '1.0.0'],
        ['oci', '1.0.0'],
        ['oci-range', '1.1.0'],
      ] as const) {
        const result_ = environment(result, env);
        expect(result_.error, env).toBeUndefined();
        expect(result_.rendered?.head?.charts[0]?.version, env).toBe(wanted);
        expect(result_.rendered?.head?.charts[0]?.digest, env).toBe(sha256(packages[wanted]!));
      }
      // The manifest digest is the one `helm push` reported.
      expect(environment(result, 'oci').rendered?.head?.charts[0]?.manifestDigest).toBe(oci.digest);
    });

    it('makes no request on a warm run, and does not trust a cached archive that changed', async () => {
      const servers = chartServers();
      const config = {
        render: {
          repositories: [
            {
              host: servers.registry,
              usernameEnv: USER_VARIABLE,
              passwordEnv: PASSWORD_VARIABLE,
              caFile: servers.caFile,
            },
          ],
        },
        environments: [
          {
            name: 'http',
            path: 'envs/http',
            helm: { chart: { repository: publicRepo.url, name, version: '1.0.0' } },
          },
          {
            name: 'oci',
            path: 'envs/oci',
            helm: { chart: { repository: oci.repository, name, version: '1.1.0' } },
          },
        ],
      };
      const repo = repository({
        'plumbline.yaml': stringify(config),
        'envs/http/.keep': '',
        'envs/oci/.keep': '',
      });
      const cache = freshFolder('cache-');
      const mine = (entry: { uri: string }) =>
        entry.uri.includes(publicRepo.folder) || entry.uri.includes(name);

      let http = watchAccessLog();
      let registry = watchRegistryLog();
      const cold = await plan(repo.root, cache);
      expect(cold.environments.every((env) => env.error === undefined)).toBe(true);
      expect((await http.entries(mine)).length).toBeGreaterThan(0);
      expect((await registry.entries(mine)).length).toBeGreaterThan(0);

      http = watchAccessLog();
      registry = watchRegistryLog();
      const warm = await plan(repo.root, cache);
      expect(warm.environments.map((env) => env.rendered?.head?.charts[0]?.version)).toEqual([
        '1.0.0',
        '1.1.0',
      ]);
      expect(await http.entries(mine)).toEqual([]);
      expect(await registry.entries(mine)).toEqual([]);

      // Corrupt every cached archive: the next run fetches them again instead of rendering them.
      const blobs = join(cache, 'blobs', 'sha256');
      for (const file of readdirSync(blobs)) writeFileSync(join(blobs, file), 'tampered');
      http = watchAccessLog();
      const healed = await plan(repo.root, cache);
      expect(healed.environments.every((env) => env.error === undefined)).toBe(true);
      expect((await http.entries(mine)).map((entry) => entry.uri)).toEqual([
        `/public/${publicRepo.folder}/index.yaml`,
        `/public/${publicRepo.folder}/${name}-1.0.0.tgz`,
      ]);
    });

    it("resolves a chart's dependencies from Chart.lock, from a host the configuration allows", async () => {
      const repo = repository({
        'plumbline.yaml': stringify({
          render: { allowHosts: [hostOf(publicRepo.url)] },
          environments: [
            { name: 'umbrella', path: 'envs/umbrella', renderer: 'helm', helm: { releaseName: 'shop' } },
          ],
        }),
        'envs/umbrella/Chart.yaml': stringify({
          apiVersion: 'v2',
          name: 'umbrella',
          version: '0.1.0',
          dependencies: [{ name, version: '1.x', repository: publicRepo.url }],
        }),
        'envs/umbrella/Chart.lock': stringify({
          dependencies: [{ name, version: '1.0.0', repository: publicRepo.url }],
          digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
        }),
      });
      // The change moves the pin: the report shows both versions.
      repo.commit({
        'envs/umbrella/Chart.lock': stringify({
          dependencies: [{ name, version: '1.1.0', repository: publicRepo.url }],
        }),
      });
      const result = await plan(repo.root, freshFolder('cache-'));
      const umbrella = environment(result, 'umbrella');
      expect(umbrella.error).toBeUndefined();
      expect(umbrella.rendered?.base?.charts[0]?.version).toBe('1.0.0');
      expect(umbrella.rendered?.head?.charts[0]).toMatchObject({
        version: '1.1.0',
        dependencyOf: 'envs/umbrella',
      });
      const change = umbrella.changes.find((candidate) => candidate.change === 'changed');
      expect(change?.diff).toContain('-  version: 1.0.0\n+  version: 1.1.0');
      // Nothing was written into the repository.
      expect(readdirSync(join(repo.root, 'envs/umbrella')).sort()).toEqual(['Chart.lock', 'Chart.yaml']);
    });
  },
);

describe('a chart source that fails fails its environment alone, saying what to do', () => {
  let result: PlanResult;
  const wrongPassword = 'not-the-password-42';

  beforeAll(async () => {
    process.env.PLUMBLINE_HELM = helmBinaries()[0]!.path;
    process.env.PLUMBLINE_TEST_WRONG_PASSWORD = wrongPassword;
    const servers = chartServers();
    const broken = newHttpRepo('public', 'broken');
    writeFileSync(join(broken.dir, 'index.yaml'), 'entries: [this is: not, yaml');
    const tampered = newHttpRepo('public', 'tampered');
    await publishToHttpRepo(publisher, tampered, packages['1.0.0']!);
    writeFileSync(join(tampered.dir, `${name}-1.0.0.tgz`), 'not the archive the index names');
    const http = (path: string) => `${servers.httpUrl}/${path}`;
    const chart = (repository: string, version = '1.0.0', chartName = name) => ({
      chart: { repository, name: chartName, version },
    });
    const environments = {
      healthy: chart(publicRepo.url),
      unreachable: chart('http://127.0.0.1:9/charts'),
      'missing-chart': chart(publicRepo.url, '1.0.0', 'no-such-chart'),
      'missing-version': chart(publicRepo.url, '9.9.9'),
      'wrong-password': chart(privateRepo.url),
      'no-credentials': chart(`oci://${servers.registry}/charts`),
      'not-yaml': chart(broken.url),
      'digest-mismatch': chart(tampered.url),
      'http-503': chart(http('status/503/repo')),
      'http-429': chart(http('status/429/repo')),
      'oci-503': chart(`oci://${servers.registry503}/charts`),
      'oci-429': chart(`oci://${servers.registry429}/charts`),
      'untrusted-certificate': chart(`oci://${servers.registryAnon}/charts`),
    };
    const repo = repository({
      'plumbline.yaml': stringify({
        render: {
          repositories: [
            {
              host: hostOf(privateRepo.url),
              usernameEnv: USER_VARIABLE,
              passwordEnv: 'PLUMBLINE_TEST_WRONG_PASSWORD',
            },
            { host: servers.registry, caFile: servers.caFile },
            { host: servers.registry503, caFile: servers.caFile },
            { host: servers.registry429, caFile: servers.caFile },
          ],
        },
        environments: Object.entries(environments).map(([env, helm]) => ({
          name: env,
          path: `envs/${env}`,
          helm,
        })),
      }),
      ...Object.fromEntries(Object.keys(environments).map((env) => [`envs/${env}/.keep`, ''])),
    });
    result = await plan(repo.root, freshFolder('cache-'));
  });
  afterAll(() => {
    delete process.env.PLUMBLINE_TEST_WRONG_PASSWORD;
  });

  const error = (env: string) => {
    const problem = environment(result, env).error;
    expect(problem, `${env} failed`).toBeDefined();
    return `${problem!.message}\n${problem!.hint ?? ''}`;
  };

  it('still renders the healthy environment', () => {
    expect(environment(result, 'healthy').error).toBeUndefined();
  });

  it('names the source and the remedy for each failure', () => {
    expect(error('unreachable')).toMatch(
      /could not fetch the index of http:\/\/127\.0\.0\.1:9\/charts\/ from 127\.0\.0\.1:9/,
    );
    expect(error('missing-chart')).toContain('has no chart named no-such-chart');
    expect(error('missing-version')).toMatch(
      /no version of .* matches "9\.9\.9" \(the newest there is 2\.0\.0-rc\.1\)/,
    );
    expect(error('wrong-password')).toMatch(/refused|asked for credentials/);
    expect(error('wrong-password')).toContain('PLUMBLINE_TEST_WRONG_PASSWORD');
    expect(error('no-credentials')).toContain('none are configured for it');
    expect(error('not-yaml')).toMatch(/is not YAML \(line 1\)/);
    expect(error('digest-mismatch')).toContain('does not match the digest its index gives');
    expect(error('http-503')).toContain('HTTP 503 on each of 3 tries');
    expect(error('http-429')).toContain('HTTP 429 on each of 3 tries');
    expect(error('oci-503')).toContain('HTTP 503 on each of 3 tries');
    expect(error('oci-429')).toMatch(
      /rate-limited the fetch of .*HTTP 429 on each of 3 tries \(it asked to wait 1 s\)/,
    );
    expect(error('untrusted-certificate')).toMatch(/TLS certificate is not trusted[\s\S]*caFile/);
  });

  it('never prints a password', () => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(wrongPassword);
    expect(text).not.toContain(chartServers().password);
  });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});
