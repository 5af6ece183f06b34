/**
 * Renderers on content a pull request wrote: no command of the repository runs, nothing
 * outside the repository is read, no host is reached that the trusted configuration did
 * not allow, and a render too large fails alone. Each case plants a canary outside the
 * repository (or in the environment) and checks it never reaches the result or the error.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderSettings } from '../../../src/config/parse.js';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { PlumblineError } from '../../../src/errors.js';
import { type RenderOptions, renderEnvironment } from '../../../src/render/render.js';
import { toolPath } from '../../support/tools.js';
import { lines, tempRepo } from '../config/temp-repo.js';

const CANARY = 'canary-8c1f0e2d7b';
const tools = { kustomize: toolPath('kustomize'), helm: toolPath('helm') };
const options: RenderOptions = { tools };
const env = (path: string, extra: Partial<EnvironmentConfig> = {}): EnvironmentConfig => ({
  name: 'dev',
  path,
  renderer: 'auto',
  ...extra,
});

/** A folder outside every test repository, holding a canary in forms renderers read. */
async function outside(): Promise<string> {
  const folder = await tempRepo({
    'secret.txt': `token: ${CANARY}\n`,
    'values.yaml': `token: ${CANARY}\n`,
    'kustomization.yaml': lines('resources: [cm.yaml]'),
    'cm.yaml': lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: stolen }',
      `data: { token: ${CANARY} }`,
    ),
  });
  return folder;
}

async function failure(root: string, environment: EnvironmentConfig, with_: RenderOptions = options) {
  const error = await renderEnvironment(root, environment, with_).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(PlumblineError);
  const { message, hint } = error as PlumblineError;
  expect(`${message}\n${hint}`).not.toContain(CANARY);
  return message;
}

/** A gzipped tar archive of `files`, as `helm package` makes one. */
async function tgz(files: Record<string, string | Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack.pipe(createGzip())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const chart = (templates: Record<string, string>) => ({
  'chart/Chart.yaml': lines('apiVersion: v2', 'name: app', 'version: 1.0.0'),
  ...Object.fromEntries(Object.entries(templates).map(([name, text]) => [`chart/templates/${name}`, text])),
});
const dumpFile = (file: string) =>
  lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: { name: dump }',
    'data:',
    `  leak: {{ .Files.Get "${file}" | quote }}`,
  );

describe('files outside the repository', () => {
  it('fails a chart holding a link out of the repository, naming the link', async () => {
    const away = await outside();
    for (const target of [join(away, 'secret.txt'), '/proc/self/environ']) {
      const root = await tempRepo(chart({ 'cm.yaml': dumpFile('files/leak') }));
      await mkdir(join(root, 'chart/files'));
      await symlink(target, join(root, 'chart/files/leak'));
      const message = await failure(root, env('chart'));
      expect(message).toContain('chart/files/leak is a symbolic link that leads outside the repository');
    }
  });

  it('fails a values file that links out of the repository', async () => {
    const away = await outside();
    const root = await tempRepo(
      chart({
        'cm.yaml': lines(
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata: { name: x }',
          'data: {{ toYaml .Values | nindent 2 }}',
        ),
      }),
    );
    await symlink(join(away, 'values.yaml'), join(root, 'values-prod.yaml'));
    const message = await failure(root, env('chart', { helm: { valuesFiles: ['../values-prod.yaml'] } }));
    expect(message).toContain('values-prod.yaml leads outside the repository');
  });

  it('fails an environment folder that is a link out of the repository', async () => {
    const away = await outside();
    const root = await tempRepo({ 'envs/': '' });
    await symlink(away, join(root, 'envs/dev'));
    const message = await failure(root, env('envs/dev'));
    expect(message).toContain('envs/dev leads outside the repository');
  });

  it('fails a kustomization that reaches a folder or file outside the repository', async () => {
    const away = await outside();
    const viaDots = await tempRepo({
      'envs/dev/kustomization.yaml': lines('resources:', `  - ${'../'.repeat(12)}${away.slice(1)}`),
    });
    expect(await failure(viaDots, env('envs/dev'))).toContain('is outside the repository');

    const viaLink = await tempRepo({
      'envs/dev/kustomization.yaml': lines(
        'configMapGenerator:',
        '  - name: settings',
        '    files: [settings.txt]',
      ),
    });
    await symlink(join(away, 'secret.txt'), join(viaLink, 'envs/dev/settings.txt'));
    expect(await failure(viaLink, env('envs/dev'))).toContain(
      'envs/dev/settings.txt leads outside the repository',
    );
  });

  it('fails schemas that refer outside, in a linked subchart folder and in subchart archives at any depth', async () => {
    const schema = JSON.stringify({ $ref: 'http://127.0.0.1:9/schema.json' });
    const linked = await tempRepo({
      ...chart({ 'cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: x }') }),
      'shared/sub/Chart.yaml': lines('apiVersion: v2', 'name: sub', 'version: 0.1.0'),
      'shared/sub/values.schema.json': schema,
    });
    await mkdir(join(linked, 'chart/charts'));
    await symlink('../../shared/sub', join(linked, 'chart/charts/sub'));
    expect(await failure(linked, env('chart'))).toContain(
      'chart/charts/sub/values.schema.json refers to a schema outside',
    );

    const inner = await tgz({ 'inner/Chart.yaml': 'name: inner\n', 'inner/values.schema.json': schema });
    const outer = await tgz({ 'sub/Chart.yaml': 'name: sub\n', 'sub/charts/inner-0.1.0.tgz': inner });
    for (const archive of [await tgz({ 'sub/values.schema.json': schema }), outer]) {
      const root = await tempRepo(
        chart({ 'cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: x }') }),
      );
      await mkdir(join(root, 'chart/charts'));
      await writeFile(join(root, 'chart/charts/sub-0.1.0.tgz'), archive);
      expect(await failure(root, env('chart'))).toMatch(
        /chart\/charts\/sub-0\.1\.0\.tgz:.*values\.schema\.json refers to a schema outside/,
      );
    }
  });

  it('fails helm values schemas that refer to anything but themselves', async () => {
    const root = await tempRepo({
      ...chart({ 'cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: x }') }),
      'chart/values.schema.json': JSON.stringify({ $ref: 'http://127.0.0.1:9/schema.json' }),
    });
    expect(await failure(root, env('chart'))).toContain(
      'chart/values.schema.json refers to a schema outside the chart',
    );
  });
});

describe('what kustomize reads that a kustomization does not name itself', () => {
  const leakingChart = (home: string) => ({
    [`${home}/evil/Chart.yaml`]: lines('apiVersion: v2', 'name: evil', 'version: 1.0.0'),
    [`${home}/evil/values.yaml`]: '{}\n',
    [`${home}/evil/templates/cm.yaml`]: dumpFile('leak.txt'),
  });

  it('follows a builtin HelmChartInflationGenerator in a generators file, and one written inline', async () => {
    const away = await outside();
    const generator = lines(
      'apiVersion: builtin',
      'kind: HelmChartInflationGenerator',
      'metadata: { name: x }',
      'name: evil',
      'chartHome: stuff',
      'releaseName: r',
    );
    const inFile = await tempRepo({
      'envs/dev/kustomization.yaml': lines('generators: [gen.yaml]'),
      'envs/dev/gen.yaml': generator,
      ...leakingChart('envs/dev/stuff'),
    });
    await symlink(join(away, 'secret.txt'), join(inFile, 'envs/dev/stuff/evil/leak.txt'));
    expect(await failure(inFile, env('envs/dev'))).toContain(
      'envs/dev/stuff/evil/leak.txt is a symbolic link',
    );

    const inline = await tempRepo({
      'envs/dev/kustomization.yaml': `generators:\n  - |\n${generator.replace(/^/gm, '    ')}`,
      ...leakingChart('envs/dev/stuff'),
    });
    await symlink(join(away, 'secret.txt'), join(inline, 'envs/dev/stuff/evil/leak.txt'));
    expect(await failure(inline, env('envs/dev'))).toContain(
      'envs/dev/stuff/evil/leak.txt is a symbolic link',
    );
  });

  it("keeps git's own folder out of the repository (a checkout's token is in .git/config)", async () => {
    const root = await tempRepo({
      '.git/config': lines('[http]', `  extraheader = AUTHORIZATION: basic ${CANARY}`),
      'envs/dev/kustomization.yaml': lines('helmCharts: [{ name: evil, releaseName: r }]'),
      ...leakingChart('envs/dev/charts'),
    });
    await symlink('../../../../.git/config', join(root, 'envs/dev/charts/evil/leak.txt'));
    expect(await failure(root, env('envs/dev'))).toContain(
      'envs/dev/charts/evil/leak.txt is a symbolic link',
    );
  });

  it('refuses a YAML merge key, behind which kustomize would read fields plumbline cannot see', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': lines('<<: { helmCharts: [{ name: evil, releaseName: r }] }'),
    });
    expect(await failure(root, env('envs/dev'))).toContain(
      'envs/dev/kustomization.yaml uses a YAML merge key',
    );
  });

  it('resolves paths from the real folder of a linked kustomization, as kustomize does', async () => {
    const away = await outside();
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': lines('resources: [link]'),
      'lib/a/kustomization.yaml': lines(
        'helmGlobals: { chartHome: ../charts }',
        'helmCharts: [{ name: evil, releaseName: r }]',
      ),
      ...leakingChart('lib/charts'),
    });
    await symlink('../../lib/a', join(root, 'envs/dev/link'));
    await symlink(join(away, 'secret.txt'), join(root, 'lib/charts/evil/leak.txt'));
    expect(await failure(root, env('envs/dev'))).toContain('lib/charts/evil/leak.txt is a symbolic link');
  });
});

describe('commands of the repository', () => {
  it('never runs a helm plugin a kustomization brings along in its helm config home', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': lines(
        'helmGlobals: { configHome: ./helmhome }',
        'helmCharts:',
        '  - { name: app, repo: "evil://charts", version: 1.0.0, releaseName: app }',
      ),
      'envs/dev/helmhome/.data/plugins/evil/plugin.yaml': lines(
        'name: evil',
        'version: 1.0.0',
        'downloaders:',
        '  - command: run.sh',
        '    protocols: [evil]',
      ),
    });
    const marker = join(root, 'plugin-ran');
    const script = join(root, 'envs/dev/helmhome/.data/plugins/evil/run.sh');
    await writeFile(script, `#!/bin/sh\nenv > '${marker}'\n`);
    await chmod(script, 0o755);
    vi.stubEnv('PLUMBLINE_CANARY', CANARY);
    try {
      // The base allows the host, so only the sandbox stands between the plugin and a run.
      const allowed = { ...options, settings: { ...renderSettings(), allowHosts: ['charts'] } };
      await failure(root, env('envs/dev'), allowed);
      expect(existsSync(marker)).toBe(false);
      // Without the allowance, plumbline refuses the reference before kustomize runs.
      expect(await failure(root, env('envs/dev'))).toContain('names "evil://charts"');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the network', () => {
  let server: Server;
  let requests = 0;
  let host = '';
  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests += 1;
      response.end(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: fetched }'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses remote resources and chart repositories the trusted configuration does not allow', async () => {
    for (const reference of [
      `http://${host}/cm.yaml`,
      `git::http://${host}/repo.git`,
      `https://${host}/cm.yaml`,
    ]) {
      const root = await tempRepo({ 'envs/dev/kustomization.yaml': lines('resources:', `  - ${reference}`) });
      expect(await failure(root, env('envs/dev'))).toContain(`names "${reference}"`);
    }
    const charts = await tempRepo({
      'envs/dev/kustomization.yaml': lines(
        'helmCharts:',
        `  - { name: app, repo: "http://${host}/charts", version: 1.0.0 }`,
      ),
    });
    expect(await failure(charts, env('envs/dev'))).toContain(`names "http://${host}/charts"`);
    expect(requests).toBe(0);
  });

  it('refuses URLs in place of files (patches, values files), whatever other host is allowed', async () => {
    const url = `http://${host}/patch.yaml`;
    for (const kustomization of [
      lines('resources: [cm.yaml]', 'patches:', `  - path: ${url}`),
      lines(`helmCharts: [{ name: app, releaseName: r, valuesFile: "${url}" }]`),
      lines(`configMapGenerator: [{ name: x, files: ["${url}"] }]`),
    ]) {
      const root = await tempRepo({
        'envs/dev/kustomization.yaml': kustomization,
        'envs/dev/cm.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: cm }'),
      });
      const allowed = { ...options, settings: { ...renderSettings(), allowHosts: ['github.com'] } };
      expect(await failure(root, env('envs/dev'), allowed)).toContain(`names "${url}"`);
    }
    expect(requests).toBe(0);
  });

  it('fetches from a host the trusted configuration allows', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': lines('resources:', `  - http://${host}/cm.yaml`),
    });
    const settings = { ...renderSettings(), allowHosts: ['127.0.0.1'] };
    const { resources } = await renderEnvironment(root, env('envs/dev'), { ...options, settings });
    expect(resources.map((resource) => resource.key)).toEqual(['/ConfigMap//fetched']);
    expect(requests).toBe(1);
  });
});

describe('limits', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      lines('---', 'apiVersion: v1', 'kind: ConfigMap', `metadata: { name: cm-${index} }`),
    ).join('');

  it('fails an environment with more objects or bytes than the configured limits', async () => {
    const root = await tempRepo({
      'envs/dev/kustomization.yaml': lines('resources: [all.yaml]'),
      'envs/dev/all.yaml': many(30),
    });
    const settings = (limits: { bytes?: number; objects?: number }) => ({
      ...options,
      settings: renderSettings({ limits }),
    });
    expect(await failure(root, env('envs/dev'), settings({ objects: 20 }))).toContain(
      'rendered 30 objects, more than the limit of 20 per environment',
    );
    expect(await failure(root, env('envs/dev'), settings({ bytes: 500 }))).toContain(
      'kustomize build rendered more than the limit of 500 bytes per environment',
    );
    const plain = await tempRepo({ 'envs/dev/all.yaml': many(30) });
    expect(await failure(plain, env('envs/dev'), settings({ bytes: 500 }))).toContain(
      'more than the limit of 500 bytes',
    );
  });
});
