/** Git URLs as the repositories they name, and URLs fit for a message. */
import { describe, expect, it } from 'vitest';
import { repositoryIdentity, withoutCredentials } from '../../../src/git/repository-url.js';

const CANARY = 'c4n4ry5ecret';

describe('repositoryIdentity', () => {
  it('equates the forms one repository is cloned by', () => {
    const forms = [
      'https://github.com/example/fleet',
      'https://github.com/example/fleet.git',
      'https://github.com/example/fleet/',
      'HTTPS://GitHub.com/Example/Fleet.git/',
      'http://github.com/example/fleet',
      'https://user:token@github.com/example/fleet.git',
      'ssh://git@github.com/example/fleet.git',
      'ssh://git@github.com:22/example/fleet',
      'git@github.com:example/fleet.git',
      'git@github.com:example/fleet',
      ' https://github.com/example/fleet ',
    ];
    expect(new Set(forms.map(repositoryIdentity))).toEqual(new Set(['github.com/example/fleet']));
  });

  it('tells different repositories, owners and hosts apart', () => {
    const identities = [
      'https://github.com/example/fleet',
      'https://github.com/example/fleet-apps',
      'https://github.com/other/fleet',
      'https://gitlab.com/example/fleet',
      'https://gitlab.com/example/group/fleet',
    ].map(repositoryIdentity);
    expect(new Set(identities).size).toBe(identities.length);
  });
});

describe('withoutCredentials', () => {
  it('drops user and password from a URL, and keeps the rest', () => {
    expect(withoutCredentials(`https://user:${CANARY}@github.com/example/fleet.git`)).toBe(
      'https://github.com/example/fleet.git',
    );
    expect(withoutCredentials(`https://${CANARY}@github.com/example/fleet`)).toBe(
      'https://github.com/example/fleet',
    );
    expect(withoutCredentials(`user:${CANARY}@host.example:org/repo`)).toBe('host.example:org/repo');
    expect(withoutCredentials('git@github.com:example/fleet.git')).toBe('git@github.com:example/fleet.git');
    expect(withoutCredentials('https://charts.example.com/stable')).toBe('https://charts.example.com/stable');
    // A password with an unescaped `@` or `/` loses all of itself too.
    expect(withoutCredentials(`https://u:${CANARY}@x@github.com/example/fleet`)).toBe(
      'https://github.com/example/fleet',
    );
    expect(withoutCredentials(`https://u:a/${CANARY}@github.com/example/fleet`)).toBe(
      'https://github.com/example/fleet',
    );
  });
});
