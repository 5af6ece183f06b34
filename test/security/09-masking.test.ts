/**
 * Class 9: Secrets hidden inside lists. Every `*List` kind with `items`, at any depth
 * (SecretList, a v1 List nested in a List, a made-up FooList), is expanded and the Secrets
 * in it are masked; a malformed Secret's YAML error names the file and line, never the value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  type Canaries,
  configMap,
  expectContained,
  expectNothingLeaked,
  type Forges,
  HostileRepo,
  type Outcome,
  plantCanaries,
  plumblineConfig,
  runEveryPath,
  startForges,
  stopForges,
} from './harness.js';

let forges: Forges;
beforeAll(async () => {
  forges = await startForges();
});
afterAll(() => stopForges(forges));

const secret = (name: string, password: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'app' },
  stringData: { password },
});

/**
 * How each environment wraps its Secret. The lists carry a name, so that a renderer that
 * does not expand them takes them for an ordinary object and shows their items unmasked.
 */
const metadata = { name: 'wrapper', namespace: 'app' };
const wrappings: Record<string, (item: object) => object> = {
  secretlist: (item) => ({ apiVersion: 'v1', kind: 'SecretList', metadata, items: [item] }),
  'nested-list': (item) => ({
    apiVersion: 'v1',
    kind: 'List',
    items: [{ apiVersion: 'v1', kind: 'List', metadata, items: [item] }],
  }),
  foolist: (item) => ({ apiVersion: 'example.test/v1', kind: 'FooList', metadata, items: [item] }),
};

describe('class 9: Secrets in lists are masked; a malformed Secret does not quote its value', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  const values = (revision: string) =>
    Object.fromEntries(Object.keys(wrappings).map((name) => [name, `canary-secret-${revision}-${name}`]));
  const secrets = { ...values('base'), ...values('head'), malformed: 'canary-secret-malformed' };
  const files = (revision: string) =>
    Object.fromEntries(
      Object.entries(wrappings).map(([name, wrap]) => [
        `envs/${name}/secret.yaml`,
        stringify(wrap(secret(`db-${name}`, values(revision)[name]!))),
      ]),
    );

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    const names = ['dev', ...Object.keys(wrappings), 'malformed'];
    repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig(
          names.map((name) => ({ name, path: `envs/${name}`, renderer: 'plain' })),
        ),
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hello' }),
        'envs/malformed/secret.yaml': stringify(secret('db', 'old')),
        ...files('base'),
      },
      {
        'envs/dev/app.yaml': configMap('dev-app', { GREETING: 'hola' }),
        // Line 5: a value YAML cannot parse, which a careless error message would quote.
        'envs/malformed/secret.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata: { name: db, namespace: app }\nstringData:\n' +
          `  password: ${secrets.malformed}: [unclosed\n`,
        ...files('head'),
      },
    );
    outcomes = await runEveryPath(repo, canaries, forges, 'masking');
  });
  afterAll(() => {
    repo.remove();
    canaries.remove();
  });

  it('shows no Secret value anywhere, on every path', () => {
    for (const outcome of outcomes) expectNothingLeaked(outcome, canaries, secrets);
  });

  it('plans each list as the Secret it holds, and fails the malformed one naming file and line', () => {
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: ['malformed'],
        healthy: {
          dev: 'GREETING: hola',
          ...Object.fromEntries(Object.keys(wrappings).map((name) => [name, `db-${name}`])),
        },
        errorNames: { malformed: ['envs/malformed/secret.yaml'] },
      });
    }
    const cli = outcomes.find((outcome) => outcome.path === 'cli')!;
    expect(cli.report?.environments.find((env) => env.name === 'malformed')?.error).toMatch(
      /secret\.yaml(?::| line )5\b/,
    );
    for (const name of Object.keys(wrappings)) {
      const env = cli.report?.environments.find((candidate) => candidate.name === name);
      expect(
        env?.objects.map((object) => `${object.kind}/${object.name}`),
        name,
      ).toEqual([`Secret/db-${name}`]);
    }
  });
});
