import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForgeError } from '../../../src/forge/forge.js';
import { createGitLabForge } from '../../../src/forge/gitlab.js';
import { BOT_TOKEN, type SeededGitLab, startSeededGitLab } from '../../fakes/gitlab/fixture.js';

// A self-managed GitLab behind a private CA, as runners meet it: a real CA and a server
// certificate made with openssl, served by the fake over HTTPS.
let dir: string;
let seeded: SeededGitLab;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plumbline-gitlab-tls-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Acme Private CA',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=gitlab.acme.internal',
  );
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'san.ext',
  );
  seeded = await startSeededGitLab({
    tls: {
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
      cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
    },
  });
});

afterAll(async () => {
  await seeded.gitlab.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GitLab forge on a self-managed instance with a private CA', () => {
  it('talks to it when given the CA file', async () => {
    const forge = createGitLabForge({
      token: BOT_TOKEN,
      apiUrl: seeded.gitlab.url,
      projectId: seeded.project.id,
      caFile: join(dir, 'ca.pem'),
    });
    expect(seeded.gitlab.url).toMatch(/^https:/);
    expect(await forge.currentAuthor()).toBe('project_7_bot_plumbline');
  });

  it('says the certificate is not trusted, once, without the CA file', async () => {
    const before = seeded.gitlab.requests.length;
    const forge = createGitLabForge({
      token: BOT_TOKEN,
      apiUrl: seeded.gitlab.url,
      projectId: seeded.project.id,
    });
    const error = await forge.currentAuthor().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).message).toMatch(
      /TLS certificate at https:\/\/127\.0\.0\.1:\d+\/api\/v4 is not trusted \(\w+\)/,
    );
    expect((error as ForgeError).hint).toContain('CI_SERVER_TLS_CA_FILE');
    expect(seeded.gitlab.requests.length).toBe(before);
  });

  it('names a CA file it cannot read', () => {
    const missing = join(dir, 'nope.pem');
    expect(() =>
      createGitLabForge({ token: BOT_TOKEN, apiUrl: seeded.gitlab.url, projectId: 1, caFile: missing }),
    ).toThrow(`could not read the GitLab CA file ${missing}`);
  });
});
