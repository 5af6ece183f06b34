/**
 * How plumbline reaches one host of a chart source: the credentials and CA the trusted
 * configuration names for it (`render.repositories`), or a Docker config file's `auths`
 * (`render.dockerConfig`, as `docker login` and CI login actions write it). Values come from
 * the runner's environment and files; errors name the variable or file, never a value.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { RenderSettings } from '../config/types.js';
import { PlumblineError } from '../errors.js';

export interface HostAccess {
  /** `username:password`, for Basic auth or a registry's token request. */
  credentials?: { username: string; password: string };
  /** Where they came from, for errors: `CHARTS_USER/CHARTS_PASSWORD` or the Docker config. */
  credentialsFrom?: string;
  ca?: string;
}

export async function accessFor(
  host: string,
  settings: RenderSettings,
  env: NodeJS.ProcessEnv,
): Promise<HostAccess> {
  const access: HostAccess = {};
  const configured = settings.repositories.find((entry) => entry.host === host.toLowerCase());
  if (configured?.caFile) access.ca = await readCa(expandPath(configured.caFile, env), host);
  if (configured?.usernameEnv || configured?.passwordEnv) {
    access.credentials = {
      username: variable(configured.usernameEnv, host, env) ?? '',
      password: variable(configured.passwordEnv, host, env) ?? '',
    };
    access.credentialsFrom = [configured.usernameEnv, configured.passwordEnv].filter(Boolean).join('/');
    return access;
  }
  if (settings.dockerConfig) {
    const file = expandPath(settings.dockerConfig, env);
    const fromDocker = await dockerCredentials(file, host);
    if (fromDocker) {
      access.credentials = fromDocker;
      access.credentialsFrom = `the Docker config ${settings.dockerConfig}`;
    }
  }
  return access;
}

function variable(name: string | undefined, host: string, env: NodeJS.ProcessEnv): string | undefined {
  if (name === undefined) return undefined;
  const value = env[name];
  if (value === undefined || value === '') {
    throw new PlumblineError(
      `the credentials for ${host} come from the variable ${name}, which is not set`,
      `Set ${name} in the job's environment (from a CI secret), or remove it from render.repositories.`,
    );
  }
  return value;
}

/** `~/x` and `$VAR/x` / `${VAR}/x`, as a shell would expand them. */
export function expandPath(path: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? homedir();
  return path
    .replace(/^~(?=$|\/)/, home)
    .replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (_, braced, bare) => env[braced ?? bare] ?? '',
    );
}

async function readCa(file: string, host: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new PlumblineError(
      `the CA file for ${host} (${file}) cannot be read`,
      'Check caFile in render.repositories: it names a PEM file on the runner.',
    );
  }
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
}

async function dockerCredentials(
  file: string,
  host: string,
): Promise<{ username: string; password: string } | undefined> {
  let config: DockerConfig;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as DockerConfig;
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    throw new PlumblineError(
      missing ? `the Docker config ${file} does not exist` : `the Docker config ${file} is not valid JSON`,
      missing
        ? 'Log in to the registry before plumbline runs (docker login, docker/login-action), or change render.dockerConfig.'
        : 'Check the file, or log in again to rewrite it.',
    );
  }
  const wanted = host.toLowerCase();
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const keyHost = key
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '')
      .toLowerCase();
    if (keyHost !== wanted) continue;
    if (entry.username !== undefined && entry.password !== undefined)
      return { username: entry.username, password: entry.password };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  return undefined;
}

export function basicAuthorization(credentials: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
