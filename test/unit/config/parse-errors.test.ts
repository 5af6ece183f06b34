/**
 * A configuration file may not be what it seems: on a pull request it is data the change
 * wrote, and it can be a symlink to /proc/self/environ or to a kubeconfig. Its problems
 * name file, line and column and never quote its content.
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/parse.js';
import { ConfigError } from '../../../src/config/problems.js';
import { lines } from './temp-repo.js';

const CANARY = 'c4n4ry5ecret';

/** The one message of the file's problems as a user sees it, after checking there are some. */
function problemsOf(text: string): string {
  const parsed = parseConfigText(text, 'plumbline.yaml');
  expect(parsed.problems.length).toBeGreaterThan(0);
  const error = new ConfigError(parsed.problems);
  return `${error.message}\n${error.hint ?? ''}`;
}

const environment = ['environments:', '  - name: dev', '    path: envs/dev'];

describe('configuration problems never quote the file', () => {
  it('says /proc/self/environ is not a mapping, without its content', () => {
    const environ = `HOME=/root\0GITHUB_TOKEN=${CANARY}\0PATH=/usr/bin\0`;
    expect(problemsOf(environ)).toMatch(/^plumbline\.yaml:1:1: the file must be a mapping; got a string\n/);
    expect(problemsOf(environ)).not.toContain(CANARY);
    // A variable holding ": " makes the whole file one key.
    const asKey = `HOME=/root\0GITHUB_TOKEN=${CANARY}\0X=a: b\0`;
    expect(problemsOf(asKey)).toMatch(
      /^plumbline\.yaml:1:1: an unknown field in the file; expected one of: /,
    );
    expect(problemsOf(asKey)).not.toContain(CANARY);
  });

  it('names the fields of a kubeconfig but not its credentials', () => {
    const kubeconfig = lines(
      'apiVersion: v1',
      'kind: Config',
      'users:',
      '  - name: ci',
      `    user: { token: ${CANARY} }`,
    );
    const message = problemsOf(kubeconfig);
    expect(message).toContain('plumbline.yaml:1:1: unknown field "apiVersion" in the file');
    expect(message).not.toContain(CANARY);
  });

  const malformed: Record<string, { text: string; at: string }> = {
    'a YAML syntax error that yaml would quote': {
      text: lines(...environment, `    renderer: |${CANARY}`, '      x'),
      at: 'plumbline.yaml:4:16: YAML syntax: unexpected text at this position',
    },
    'a tag that yaml would quote': {
      text: lines(...environment, `    renderer: !${CANARY}! plain`),
      at: 'plumbline.yaml:4:15: YAML syntax: a tag cannot be resolved, or the value does not fit it',
    },
    'an alias without an anchor': {
      text: lines(...environment, `    renderer: *${CANARY}`),
      at: 'plumbline.yaml:4:15: YAML aliases: an alias names no anchor defined before it',
    },
    'a value outside an enum': {
      text: lines(...environment, `    renderer: ${CANARY}`),
      at: 'plumbline.yaml:4:15: environments[0].renderer must be one of: auto, plain, kustomize, helm',
    },
    'a value of the wrong type': {
      text: lines(...environment, 'drift:', `  after: ${CANARY}`),
      at: 'plumbline.yaml:5:10: drift.after must be a whole number; got a string',
    },
    'a value that does not match its pattern': {
      text: lines('environments:', `  - name: "-${CANARY}"`, '    path: envs/dev'),
      at: 'plumbline.yaml:2:11: environments[0].name is not valid: ',
    },
    'an ignore path that is not a JSON pointer': {
      text: lines(...environment, 'diff:', '  ignore:', `    - path: ${CANARY}.spec`),
      at: 'plumbline.yaml:6:13: diff.ignore[0].path is not a JSON pointer (RFC 6901)',
    },
    'a key shaped like a token': {
      text: lines(...environment, `    ghp_${CANARY}0123: x`),
      at: 'plumbline.yaml:4:5: an unknown field in environments[0]; expected one of: ',
    },
  };

  for (const [name, { text, at }] of Object.entries(malformed)) {
    it(`names the place of ${name}, not the value`, () => {
      const message = problemsOf(text);
      expect(message).toContain(at);
      expect(message).not.toContain(CANARY);
    });
  }

  it('still suggests the value meant, from the values allowed', () => {
    const parsed = parseConfigText(lines(...environment, '    renderer: kustomise'), 'plumbline.yaml');
    expect(parsed.problems[0]?.hint).toBe('Did you mean "kustomize"?');
  });

  it('rejects a string multiplied through aliases as a problem at the first alias', () => {
    const aliases = Array.from({ length: 50 }, () => '    - *big');
    const message = problemsOf(
      lines(...environment, 'drift:', '  labels:', `    - &big ${'x'.repeat(200_000)}`, ...aliases),
    );
    expect(message).toMatch(/^plumbline\.yaml:7:7: YAML aliases: the aliases add more than /);
  });
});
