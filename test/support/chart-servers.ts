/**
 * The real chart servers that test/support/chart-servers-setup.ts starts with
 * scripts/chart-servers.sh: Helm chart repositories served by nginx (HTTP and HTTPS, with
 * and without basic auth, rate-limited and failing paths) and distribution OCI registries
 * (with and without auth), all on 127.0.0.1 with one test CA. Tests read them with
 * `chartServers()` and count the requests a run made with `watchAccessLog()` /
 * `watchRegistryLog()`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';

/** What `scripts/chart-servers.sh env` prints, typed (the variable each field comes from). */
export interface ChartServers {
  /** PLUMBLINE_CHARTS_HTTP_URL, `http://127.0.0.1:18080`: nginx over HTTP. */
  httpUrl: string;
  /** PLUMBLINE_CHARTS_HTTPS_URL, `https://127.0.0.1:18443`: the same paths over TLS (caFile). */
  httpsUrl: string;
  /** PLUMBLINE_CHARTS_PUBLIC_DIR: `<dir>/a/b` is served as `<httpUrl>/public/a/b` (no auth). */
  publicDir: string;
  /** PLUMBLINE_CHARTS_PRIVATE_DIR: `<dir>/a/b` is served as `<httpUrl>/private/a/b` (basic auth). */
  privateDir: string;
  /** PLUMBLINE_CHARTS_CA_FILE: the PEM CA that signed every TLS server (SAN 127.0.0.1, localhost). */
  caFile: string;
  /** PLUMBLINE_CHARTS_USER: the one test user of /private/ and of the registry with auth. */
  user: string;
  /** The user's password (read from passwordFile). */
  password: string;
  /** PLUMBLINE_CHARTS_PASSWORD_FILE: the file holding the password, one line. */
  passwordFile: string;
  /** PLUMBLINE_CHARTS_ACCESS_LOG: nginx's access log, one JSON object a request (AccessEntry). */
  accessLog: string;
  /** PLUMBLINE_OCI_REGISTRY, `127.0.0.1:15000`: distribution over TLS with htpasswd auth. */
  registry: string;
  /** PLUMBLINE_OCI_REGISTRY_ACCESS_LOG: its access log (combined format). */
  registryAccessLog: string;
  /** PLUMBLINE_OCI_REGISTRY_ANON, `127.0.0.1:15001`: distribution over TLS without auth. */
  registryAnon: string;
  /** PLUMBLINE_OCI_REGISTRY_ANON_ACCESS_LOG: its access log (combined format). */
  registryAnonAccessLog: string;
  /**
   * PLUMBLINE_OCI_REGISTRY_PLAIN_HTTP, `127.0.0.1:15002`: registryAnon over plain HTTP (an
   * nginx proxy; helm needs --plain-http). Its requests are in accessLog (server
   * `oci-plain-http`) and registryAnonAccessLog.
   */
  registryPlainHttp: string;
  /** PLUMBLINE_OCI_REGISTRY_503: a TLS host:port answering 503 to every path (/v2/...). */
  registry503: string;
  /** PLUMBLINE_OCI_REGISTRY_429: a TLS host:port answering 429 with Retry-After: 1 to every path. */
  registry429: string;
}

/** The chart servers of this run; the project must list test/support/chart-servers-setup.ts. */
export function chartServers(): ChartServers {
  const servers = inject('chartServers');
  if (!servers) {
    throw new Error(
      "no chart servers in this vitest project: list 'test/support/chart-servers-setup.ts' in its globalSetup (vitest.config.ts)",
    );
  }
  return servers;
}

/**
 * The nginx paths under httpUrl and httpsUrl:
 * - public, private: the served folders (private asks for basic auth);
 * - limited: the public folder again, at most one request a second per first folder below
 *   it (`/limited/<folder>/...`), the others 429 with Retry-After: 1;
 * - 503, 500, 429: that status for every path below (429 with Retry-After: 1).
 */
export type HttpPath = 'public' | 'private' | 'limited' | '503' | '500' | '429';

/** `<httpUrl or httpsUrl>/<path>[/<folder>]`, no trailing slash. */
export function httpUrlOf(path: HttpPath, folder = '', options: { tls?: boolean } = {}): string {
  const servers = chartServers();
  const base = options.tls ? servers.httpsUrl : servers.httpUrl;
  const prefix = path === 'public' || path === 'private' || path === 'limited' ? path : `status/${path}`;
  return folder ? `${base}/${prefix}/${folder}` : `${base}/${prefix}`;
}

/** A new empty folder below publicDir or privateDir that no other test uses. */
export function freshServedFolder(
  access: 'public' | 'private',
  prefix = 'repo',
): { folder: string; dir: string } {
  const servers = chartServers();
  const folder = `${prefix}-${randomBytes(4).toString('hex')}`;
  const dir = join(access === 'public' ? servers.publicDir : servers.privateDir, folder);
  mkdirSync(dir, { recursive: true });
  return { folder, dir };
}

// ---------------------------------------------------------------- request counting

/** One request nginx answered (its JSON access log line). */
export interface AccessEntry {
  time: string;
  /** Seconds since the epoch, millisecond precision. */
  msec: number;
  /** Which listener: http, https, oci-503, oci-429 or oci-plain-http. */
  server: string;
  method: string;
  /** The path and query as the client sent them. */
  uri: string;
  status: number;
  /** The basic-auth user the client sent (whether its password was right or not), or ''. */
  user: string;
  bytes: number;
  agent: string;
}

/** One request a registry answered (a combined-format access log line). */
export interface RegistryEntry {
  method: string;
  uri: string;
  status: number;
  agent: string;
}

export interface LogWatch<T> {
  /** The requests logged since the watch began, optionally filtered. Waits for the log to settle. */
  entries(filter?: (entry: T) => boolean): Promise<T[]>;
}

/** Watches nginx's access log from now on. Filter by a test's own folder or chart name. */
export function watchAccessLog(): LogWatch<AccessEntry> {
  return watchLog(chartServers().accessLog, (line) => JSON.parse(line) as AccessEntry);
}

/** Watches a registry's access log from now on (`auth` is `registry`, `anon` `registryAnon`). */
export function watchRegistryLog(which: 'auth' | 'anon' = 'auth'): LogWatch<RegistryEntry> {
  const servers = chartServers();
  return watchLog(
    which === 'auth' ? servers.registryAccessLog : servers.registryAnonAccessLog,
    parseCombined,
  );
}

const combined = /"(\S+) (\S+) [^"]*" (\d{3}) \S+ "[^"]*" "([^"]*)"/;

function parseCombined(line: string): RegistryEntry {
  const match = combined.exec(line);
  if (!match) throw new Error(`not a combined-format access log line: ${line}`);
  return { method: match[1] ?? '', uri: match[2] ?? '', status: Number(match[3]), agent: match[4] ?? '' };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function watchLog<T>(file: string, parse: (line: string) => T): LogWatch<T> {
  const start = sizeOf(file);
  return {
    async entries(filter) {
      // A server logs a request just after answering it: wait until the log stops growing.
      let size = sizeOf(file);
      for (let i = 0; i < 20; i++) {
        await sleep(50);
        const now = sizeOf(file);
        if (now === size) break;
        size = now;
      }
      if (size <= start) return [];
      const handle = await open(file, 'r');
      try {
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        const text = buffer.toString('utf8');
        // Only whole lines: one being written stays for the next call.
        const lines = text
          .slice(0, text.lastIndexOf('\n') + 1)
          .split('\n')
          .filter(Boolean);
        const parsed = lines.map(parse);
        return filter ? parsed.filter(filter) : parsed;
      } finally {
        await handle.close();
      }
    },
  };
}
