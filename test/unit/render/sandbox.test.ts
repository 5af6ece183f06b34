import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderSettings } from '../../../src/config/parse.js';
import { networkIsolation } from '../../../src/render/network-isolation.js';
import { hostOf, isAllowedReference, isRemoteReference } from '../../../src/render/remote-reference.js';
import { runRenderer } from '../../../src/render/renderer-run.js';
import { openSandbox } from '../../../src/render/sandbox.js';
import { toolErrorExcerpt } from '../../../src/render/tool-error.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the sandbox renderers run in', () => {
  it("inherits nothing of plumbline's environment but PATH, and has no network by default", async () => {
    vi.stubEnv('GITHUB_TOKEN', 'ghs_canary');
    vi.stubEnv('INPUT_GITHUB-TOKEN', 'ghs_canary');
    vi.stubEnv('KUBECONFIG', '/home/runner/.kube/config');
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128');
    const sandbox = await openSandbox({ allowHosts: [], helm: '/usr/bin/helm' });
    try {
      expect(JSON.stringify(sandbox.env)).not.toContain('canary');
      expect(sandbox.env.KUBECONFIG).not.toBe('/home/runner/.kube/config');
      expect(sandbox.env.HTTPS_PROXY).toBe('http://127.0.0.1:9');
      expect(sandbox.env.GIT_ALLOW_PROTOCOL).toBe('plumbline-no-network');
      expect(sandbox.env.HELM_PLUGINS).toMatch(/plumbline-render-.*\/helm\/plugins$/);
      const wrapper = await readFile(sandbox.helmForKustomize!, 'utf8');
      expect(wrapper).toContain(`export HELM_PLUGINS='${sandbox.env.HELM_PLUGINS}'`);
      expect(wrapper).toContain('  version|template) ;;');
    } finally {
      await sandbox.dispose();
    }
  });

  it("keeps the runner's proxy and lets helm pull when hosts are allowed", async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128');
    const sandbox = await openSandbox({ allowHosts: ['github.com'], helm: '/usr/bin/helm' });
    try {
      expect(sandbox.env.HTTPS_PROXY).toBe('http://proxy.corp:3128');
      expect(await readFile(sandbox.helmForKustomize!, 'utf8')).toContain('  version|template|pull) ;;');
    } finally {
      await sandbox.dispose();
    }
  });
});

describe('the network namespace of renderers without allowed hosts', () => {
  it('leaves a render no way to reach even loopback, where the machine allows a namespace', async () => {
    const isolation = await networkIsolation();
    if (!isolation) return; // documented: renderers then rely on the checks and the proxy
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const sandbox = await openSandbox({ allowHosts: [] });
    try {
      const fetcher = { executable: process.execPath, leadingArgs: ['-e'], label: 'fetch' };
      const script = `fetch(${JSON.stringify(url)}).then(() => process.exit(0), () => process.exit(3))`;
      const context = {
        boundary: { root: process.cwd(), realTop: process.cwd() },
        sandbox,
        settings: renderSettings(),
        tools: {},
      };
      const offline = await runRenderer(context, fetcher, [script]);
      expect(offline).toMatchObject({ outcome: 'exited', exitCode: 3 });
      const online = await runRenderer(
        { ...context, settings: { ...renderSettings(), allowHosts: ['127.0.0.1'] } },
        fetcher,
        [script],
      );
      expect(online).toMatchObject({ outcome: 'exited', exitCode: 0 });
      expect(requests).toBe(1);
    } finally {
      await sandbox.dispose();
      server.close();
    }
  });
});

describe('remote references', () => {
  it.each([
    ['https://github.com/org/repo//deploy?ref=v1', 'github.com'],
    ['git::https://gitlab.example.com:8443/org/repo.git', 'gitlab.example.com:8443'],
    ['git@github.com:org/repo.git', 'github.com'],
    ['ssh://git@github.com/org/repo', 'github.com'],
    ['github.com/org/repo/deploy?ref=v1', 'github.com'],
    ['gh:org/repo', 'github.com'],
    ['oci://registry.example.com/charts', 'registry.example.com'],
    ['file:///etc/passwd', undefined],
    ['../base', undefined],
  ])('%s reaches %s', (reference, host) => {
    expect(hostOf(reference)).toBe(host);
  });

  it('treats any scheme as remote and allows only listed hosts', () => {
    expect(isRemoteReference('evil://charts')).toBe(true);
    expect(isRemoteReference('file:///etc')).toBe(true);
    expect(isRemoteReference('../base')).toBe(false);
    expect(isAllowedReference('https://github.com/org/repo', ['github.com'])).toBe(true);
    expect(isAllowedReference('https://github.com.evil.test/org/repo', ['github.com'])).toBe(false);
    expect(isAllowedReference('http://127.0.0.1:8080/x.yaml', ['127.0.0.1'])).toBe(true);
    expect(isAllowedReference('file:///etc/passwd', ['github.com'])).toBe(false);
  });
});

describe('renderer errors', () => {
  const roots = ['/tmp/plumbline-base-x', '/work/repo'];

  it('keeps the file, the line and the reason, relative to the repository', () => {
    const stderr =
      "Error: accumulating resources: accumulating resources from 's.yaml': MalformedYAMLError: yaml: line 6: found unexpected end of stream in File: /work/repo/envs/dev/s.yaml\n";
    expect(toolErrorExcerpt(stderr, { roots })).toBe(
      "Error: accumulating resources: accumulating resources from 's.yaml': MalformedYAMLError: yaml: line 6: found unexpected end of stream in File: envs/dev/s.yaml",
    );
  });

  it('leaves out what could be a value: backticks, lone quoted tokens, node dumps', () => {
    const excerpt = toolErrorExcerpt(
      [
        'walk.go:75: found symbolic link',
        'Error: yaml: unmarshal errors: line 5: cannot unmarshal !!str `hunter2` into int; invalid value "hunter3" in "envs/dev/app.yaml"',
        'Error: wrong node kind: expected MappingNode but got ScalarNode: node contents:',
        'hunter4',
      ].join('\n'),
      { roots },
    );
    expect(excerpt).toBe('Error: wrong node kind: expected MappingNode but got ScalarNode:');
    const quoted = toolErrorExcerpt(
      'Error: yaml: line 5: cannot unmarshal !!str `hunter2` into int; invalid value "hunter3" in "envs/dev/app.yaml"',
      { roots },
    );
    expect(quoted).toBe(
      'Error: yaml: line 5: cannot unmarshal !!str `…` into int; invalid value "…" in "envs/dev/app.yaml"',
    );
  });
});
