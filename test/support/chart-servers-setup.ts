/**
 * vitest globalSetup of the projects whose tests fetch charts from real servers: Helm
 * chart repositories (nginx) and OCI registries (distribution) on loopback, started once
 * for the run by scripts/chart-servers.sh and shared with other runs.
 *
 * The project holds the servers (`chart-servers.sh up --hold <pid>-<project>`) and releases
 * them at the end; they stop only when a holder started them and no other holder (another
 * project, another terminal, another checkout) remains. Tests read them with
 * `chartServers()` (test/support/chart-servers.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { ChartServers } from './chart-servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chartServers: ChartServers;
  }
}

/** The environment variable behind each field (passwords are read from their file). */
export const chartServersVariables = {
  httpUrl: 'PLUMBLINE_CHARTS_HTTP_URL',
  httpsUrl: 'PLUMBLINE_CHARTS_HTTPS_URL',
  publicDir: 'PLUMBLINE_CHARTS_PUBLIC_DIR',
  privateDir: 'PLUMBLINE_CHARTS_PRIVATE_DIR',
  caFile: 'PLUMBLINE_CHARTS_CA_FILE',
  user: 'PLUMBLINE_CHARTS_USER',
  passwordFile: 'PLUMBLINE_CHARTS_PASSWORD_FILE',
  accessLog: 'PLUMBLINE_CHARTS_ACCESS_LOG',
  registry: 'PLUMBLINE_OCI_REGISTRY',
  registryAccessLog: 'PLUMBLINE_OCI_REGISTRY_ACCESS_LOG',
  registryAnon: 'PLUMBLINE_OCI_REGISTRY_ANON',
  registryAnonAccessLog: 'PLUMBLINE_OCI_REGISTRY_ANON_ACCESS_LOG',
  registryPlainHttp: 'PLUMBLINE_OCI_REGISTRY_PLAIN_HTTP',
  registry503: 'PLUMBLINE_OCI_REGISTRY_503',
  registry429: 'PLUMBLINE_OCI_REGISTRY_429',
} as const satisfies Record<Exclude<keyof ChartServers, 'password'>, string>;

const script = fileURLToPath(new URL('../../scripts/chart-servers.sh', import.meta.url));

/** The `export NAME='value'` lines of chart-servers.sh, as a record. */
export function parseExports(output: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of output.matchAll(/^export ([A-Z0-9_]+)='([^']*)'$/gm)) {
    values[match[1] as string] = match[2] as string;
  }
  return values;
}

export function chartServersFromExports(output: string): ChartServers {
  const values = parseExports(output);
  const servers: Partial<ChartServers> = {};
  for (const [field, variable] of Object.entries(chartServersVariables)) {
    const value = values[variable];
    if (value === undefined) throw new Error(`scripts/chart-servers.sh printed no ${variable}: ${output}`);
    servers[field as keyof typeof chartServersVariables] = value;
  }
  const passwordFile = servers.passwordFile as string;
  servers.password = readFileSync(passwordFile, 'utf8').trim();
  return servers as ChartServers;
}

export default function setup(project: TestProject): () => void {
  // One hold per project: projects of one run share the process id, and the first to
  // finish must not stop the servers under the others.
  const hold = `${process.pid}-${project.name.replace(/[^A-Za-z0-9_.]/g, '_')}`;
  // stdout carries only the export lines; progress goes to the terminal.
  const output = execFileSync('bash', [script, 'up', '--hold', hold], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  project.provide('chartServers', chartServersFromExports(output));
  return () => {
    execFileSync('bash', [script, 'release', hold], { stdio: ['ignore', 'ignore', 'inherit'] });
  };
}
