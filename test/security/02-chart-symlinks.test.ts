/**
 * Class 2: a chart in the pull request links files out of the repository and reads them
 * with `.Files.Get` (helm's chart loader follows links): the renderer's own environment
 * (/proc/self/environ, with every token of the job) and the kubeconfig file. Such an
 * environment fails with an error naming the link, never its target's content.
 */
import { describe, it } from 'vitest';
import {
  type Canaries,
  expectContained,
  expectNothingLeaked,
  greetingTemplate,
  HostileRepo,
  helmChart,
  hostileCase,
  kustomizeEnv,
  link,
  plumblineConfig,
  useForges,
} from './harness.js';

const context = useForges();

/** Each hostile chart links one file out of the repository. */
const links = {
  'chart-environ': () => '/proc/self/environ',
  'chart-kubeconfig': (canaries: Canaries) => canaries.kubeconfig,
};

// NUL separates /proc/self/environ's entries; a YAML string cannot hold it.
const leakTemplate =
  'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: leak, namespace: app }\n' +
  'data:\n  stolen: {{ .Files.Get "files/stolen" | replace "\\x00" " " | toJson }}\n';

describe('class 2: chart symlinks to /proc/self/environ and the kubeconfig', () => {
  const hostile = hostileCase(context, 'chart symlinks', (canaries) => {
    const charts = Object.keys(links);
    const repo = new HostileRepo(
      {
        'plumbline.yaml': plumblineConfig([
          { name: 'dev', path: 'envs/dev', renderer: 'kustomize' },
          ...charts.map((name) => ({ name, path: `envs/${name}`, renderer: 'helm' })),
        ]),
        ...kustomizeEnv('dev', 'hello'),
        ...Object.assign(
          {},
          ...charts.map((name) => helmChart(`envs/${name}`, { 'web.yaml': greetingTemplate('hello') })),
        ),
      },
      {
        ...kustomizeEnv('dev', 'hola'),
        ...Object.assign(
          {},
          ...Object.entries(links).map(([name, target]) => ({
            [`envs/${name}/templates/leak.yaml`]: leakTemplate,
            [`envs/${name}/files/stolen`]: link(target(canaries)),
          })),
        ),
      },
    );
    return repo;
  });

  it('leaks no canary, on every path', () => {
    for (const outcome of hostile.outcomes) expectNothingLeaked(outcome, hostile.canaries);
  });

  it('fails each chart with an error naming its link, and still reports dev', () => {
    for (const outcome of hostile.outcomes) {
      expectContained(outcome, {
        failed: Object.keys(links),
        healthy: { dev: 'GREETING: hola' },
        errorNames: Object.fromEntries(
          Object.keys(links).map((name) => [name, [`envs/${name}/files/stolen`]]),
        ),
      });
    }
  });
});
