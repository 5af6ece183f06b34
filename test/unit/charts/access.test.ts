import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessFor, basicAuthorization, expandPath } from '../../../src/charts/access.js';
import { renderSettings } from '../../../src/config/parse.js';

const SECRET = 's3cr3t-value';

describe('access to chart hosts', () => {
  it('reads credentials from the variables the configuration names', async () => {
    const settings = {
      ...renderSettings(),
      repositories: [
        { host: 'charts.example.com', usernameEnv: 'CHART_USER', passwordEnv: 'CHART_PASSWORD' },
      ],
    };
    const access = await accessFor('Charts.Example.com', settings, {
      CHART_USER: 'ci',
      CHART_PASSWORD: SECRET,
    });
    expect(access.credentials).toEqual({ username: 'ci', password: SECRET });
    expect(access.credentialsFrom).toBe('CHART_USER/CHART_PASSWORD');
    expect(basicAuthorization(access.credentials!)).toBe(
      `Basic ${Buffer.from(`ci:${SECRET}`).toString('base64')}`,
    );
    expect(await accessFor('other.example.com', settings, {})).toEqual({});
  });

  it('names a variable that is not set, and never a value', async () => {
    const settings = {
      ...renderSettings(),
      repositories: [
        { host: 'charts.example.com', usernameEnv: 'CHART_USER', passwordEnv: 'CHART_PASSWORD' },
      ],
    };
    await expect(accessFor('charts.example.com', settings, { CHART_USER: SECRET })).rejects.toThrow(
      'the credentials for charts.example.com come from the variable CHART_PASSWORD, which is not set',
    );
  });

  it("reads a Docker config's auths, in both of their forms", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'plumbline-docker-'));
    const file = join(folder, 'config.json');
    await writeFile(
      file,
      JSON.stringify({
        auths: {
          'https://registry.example.com/v1/': { auth: Buffer.from(`robot:${SECRET}`).toString('base64') },
          'ghcr.io': { username: 'me', password: SECRET },
        },
      }),
    );
    const settings = { ...renderSettings(), dockerConfig: '$DOCKER_HOME/config.json' };
    const env = { DOCKER_HOME: folder };
    expect((await accessFor('registry.example.com', settings, env)).credentials).toEqual({
      username: 'robot',
      password: SECRET,
    });
    expect((await accessFor('ghcr.io', settings, env)).credentials).toEqual({
      username: 'me',
      password: SECRET,
    });
    await expect(
      accessFor('ghcr.io', { ...settings, dockerConfig: join(folder, 'missing.json') }, env),
    ).rejects.toThrow(/does not exist/);
  });

  it('expands ~ and variables in paths as a shell would', () => {
    expect(expandPath('~/.docker/config.json', { HOME: '/home/ci' })).toBe('/home/ci/.docker/config.json');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${VAR}, not a template
    expect(expandPath('${RUNNER_TEMP}/ca.pem', { RUNNER_TEMP: '/tmp/r' })).toBe('/tmp/r/ca.pem');
  });
});
