/**
 * Class 17: an Argo CD repository (its environments are the Applications of this
 * repository, docs/argocd.md) whose pull request turns what plumbline reads against the
 * runner. The harness's repositories have no `origin` remote, so the trusted base says
 * which repository is this one with `repositoryUrls` in a plumbline.yaml that lists no
 * environments. The base holds Applications of this repository: a plain directory app, a
 * kustomize app, a chart-folder app, a chart from a trusted Helm repository (a local
 * counting server the base's Application names, so its host is trusted with no
 * render.allowHosts), a directory app holding a Secret, two apps in folders named like
 * flags, and harmless versions of every Application the head turns hostile. The head:
 *
 * (a) points source paths at `../../..`, at `/etc` (Argo CD joins it to the repository's
 *     root), and at folders it turned into links to /etc and to a folder outside the
 *     repository holding a canary; names helm value files linked to the kubeconfig and to a
 *     canary file, a `$ref/…` value file escaping with `..`; kustomize edits naming a
 *     component outside the repository and a patch at a URL;
 * (b) adds an Application whose chart comes from a host the base never named (an "evil"
 *     counting server that would serve the same chart), and a value file at a URL there;
 * (c) adds ApplicationSets: git directories generators whose patterns escape (`../*`,
 *     `/etc/*`, a path to the canaries' folder), a git files generator over a link to the
 *     kubeconfig (whose token a template would print into a name), a list generator
 *     handing out escaping paths, and Go templates that would take the runner's CPU and
 *     memory (nested `range`, `until`, a huge `repeat`, an output bomb); and, in a
 *     repository of its own planned by the CLI, `range` over a million nested four deep;
 * (d) names a release name `--post-renderer=<a marker script>`, and keeps folders named
 *     `--load-restrictor=LoadRestrictionsNone` and `--post-renderer=render.sh`;
 * (e) changes a Secret whose values are canaries;
 * (f) adds an app-of-apps chart whose children are followed (one escaping with `../../..`,
 *     one healthy), and one whose `templates` folder is a link out of the repository.
 *
 * Each escape fails only its environment (an ApplicationSet's: `applicationset/<name>`),
 * naming why; the evil server gets no request; nothing of the canaries, the Secret or /etc
 * reaches any output; no hostile script runs; the healthy Applications are still
 * reported with their change. A nested `range` over a million, run with a 512 MiB heap,
 * fails its ApplicationSet alone (it once ran the plan out of heap, killing it).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  type Canaries,
  type CountingServer,
  configMap,
  environmentNames,
  executable,
  expectContained,
  expectNothingLeaked,
  type Forges,
  greetingTemplate,
  HostileRepo,
  helmChart,
  kustomization,
  link,
  type Outcome,
  plantCanaries,
  runCli,
  runEveryPath,
  startCountingServer,
  startForges,
  stopForges,
  type Tree,
  unescapeMarkdown,
  webChart,
  webChartRepositoryFiles,
} from './harness.js';

let forges: Forges;
let trusted: CountingServer;
let evil: CountingServer;
beforeAll(async () => {
  forges = await startForges();
  const archive = await webChart();
  // Files are looked up per request: the index needs the server's address first.
  const trustedFiles: Record<string, string | Buffer> = {};
  const evilFiles: Record<string, string | Buffer> = {};
  trusted = await startCountingServer(trustedFiles);
  evil = await startCountingServer(evilFiles);
  Object.assign(trustedFiles, webChartRepositoryFiles(trusted.url, archive));
  // The canary host would serve the chart, a values file and a patch: only the rules keep plumbline away.
  Object.assign(evilFiles, webChartRepositoryFiles(evil.url, archive), {
    '/values.yaml': 'greeting: from the evil host\n',
    '/patch.yaml': configMap('shop', { STOLEN: 'yes' }),
  });
});
afterAll(async () => {
  await Promise.all([trusted.close(), evil.close()]);
  await stopForges(forges);
});

/** This repository, as the base's plumbline.yaml names it (the checkout has no origin remote). */
const REPO_URL = 'https://github.example.test/acme/app.git';
const DESTINATION = { server: 'https://kubernetes.default.svc', namespace: 'app' };
const env = (name: string) => `in-cluster/${name}`;
const hostOf = (server: CountingServer) => new URL(server.url).host;

/** An Application of this repository (or of `source.repoURL`), with `spec` over the defaults. */
function application(name: string, source: Record<string, unknown>, spec: Record<string, unknown> = {}) {
  return stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: REPO_URL, targetRevision: 'main', ...source },
      destination: DESTINATION,
      ...spec,
    },
  });
}

/** An ApplicationSet with these generators and this Application template. */
function applicationSet(
  name: string,
  generators: unknown[],
  template: { name: string; source: Record<string, unknown> },
  spec: Record<string, unknown> = {},
) {
  return stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: 'argocd' },
    spec: {
      ...spec,
      generators,
      template: {
        metadata: { name: template.name },
        spec: {
          project: 'default',
          source: { repoURL: REPO_URL, targetRevision: 'main', ...template.source },
          destination: DESTINATION,
        },
      },
    },
  });
}

/** A folder holding one ConfigMap, `name`, with these values. */
const folder = (path: string, name: string, data: Record<string, string>): Tree => ({
  [`${path}/app.yaml`]: configMap(name, data),
});

/** A kustomization folder with one ConfigMap, `name`, with these values. */
const kustomizeFolder = (path: string, name: string, data: Record<string, string>): Tree => ({
  [`${path}/kustomization.yaml`]: kustomization({ resources: ['app.yaml'] }),
  ...folder(path, name, data),
});

/** A chart whose one ConfigMap prints every value it was given: a values file read from outside would show. */
const dumpingChart = (path: string): Tree =>
  helmChart(
    path,
    {
      'cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: escape, namespace: app }\ndata: { VALUES: {{ toJson .Values | quote }} }\n',
    },
    'greeting: hello\n',
  );

const secret = (token: string, password: string) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'vault', namespace: 'app' },
    stringData: { token },
    data: { password: Buffer.from(password).toString('base64') },
  });

describe('class 17: an Argo CD repository whose head reaches out of the repository, to another chart host, into flags and for the runner', () => {
  let canaries: Canaries;
  let repo: HostileRepo;
  let outcomes: Outcome[];
  let memoryRepo: HostileRepo;
  let memory: Outcome;
  /** The canaries' folder, from the checkout's root (it sits beside the checkout's copy). */
  let outside: string;
  const nonce = Date.now().toString(36);
  const secretValues = {
    'base token': `canary-argo-token-base-${nonce}`,
    'head token': `canary-argo-token-head-${nonce}`,
    'base password': `canary-argo-password-base-${nonce}`,
    'head password': `canary-argo-password-head-${nonce}`,
  };
  const withBase64 = Object.fromEntries(
    Object.entries(secretValues).flatMap(([name, value]) => [
      [name, value],
      [`${name} (base64)`, Buffer.from(value).toString('base64')],
    ]),
  );
  // Applications the head turns hostile, one file each: argocd/escapes/<name>.yaml.
  const pathEscapes = ['dotdot', 'absolute', 'link-etc', 'link-outside'];
  const valueFileEscapes = ['values-kube', 'values-canary', 'values-ref', 'values-url'];
  const kustomizeEscapes = ['kustomize-component', 'kustomize-patch-url'];
  const bombs = ['bomb-range', 'bomb-until', 'bomb-repeat', 'bomb-output'];
  const healthy = {
    [env('guestbook')]: 'GREETING: hola',
    [env('shop')]: 'GREETING: salut',
    [env('chart')]: 'GREETING: hallo',
    [env('web')]: 'GREETING: from the trusted release',
    [env('flag-kustomize')]: 'FLAG: loaded as a folder',
    [env('flag-chart')]: 'GREETING: rendered as a folder',
    [env('vault')]: 'MODE: loud',
    [env('child')]: 'CHILD: followed',
  };
  /** How far `{{ range 1000000 }}` is nested in the memory case (the last `it`). */
  const memoryDepth = 4;

  beforeAll(async () => {
    canaries = plantCanaries(forges);
    // A post-renderer helm would run if a release name were read as its flag.
    const postRenderer = join(canaries.scratch, 'post-renderer.sh');
    writeFileSync(postRenderer, canaries.markerScript('post-renderer'));
    chmodSync(postRenderer, 0o755);
    outside = `../${basename(canaries.scratch)}`;
    const hostile = (name: string, source: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
      [`argocd/escapes/${name}.yaml`]: application(name, source, spec),
    });
    const set = (
      name: string,
      generators: unknown[],
      template: { name: string; source: Record<string, unknown> },
      spec: Record<string, unknown> = {},
    ) => ({ [`argocd/sets/${name}.yaml`]: applicationSet(name, generators, template, spec) });
    // An ApplicationSet whose one Application's name is a Go template.
    const bomb = (name: string, template: string) =>
      set(
        name,
        [{ list: { elements: [{ name }] } }],
        { name: template, source: { path: 'apps/guestbook' } },
        {
          goTemplate: true,
        },
      );
    const base: Tree = {
      'plumbline.yaml': stringify({ repositoryUrls: [REPO_URL] }),
      'argocd/apps/guestbook.yaml': application('guestbook', { path: 'apps/guestbook' }),
      ...folder('apps/guestbook', 'guestbook', { GREETING: 'hello' }),
    };

    repo = new HostileRepo(
      {
        ...base,
        // The healthy Applications: a directory (above), a kustomization with edits, a chart
        // folder with a value file, a chart from the trusted repository, a Secret.
        'argocd/apps/shop.yaml': application('shop', {
          path: 'apps/shop',
          kustomize: { commonLabels: { team: 'shop' } },
        }),
        ...kustomizeFolder('apps/shop', 'shop', { GREETING: 'bonjour' }),
        'argocd/apps/chart.yaml': application('chart', {
          path: 'apps/chart',
          helm: { valueFiles: ['values-prod.yaml'] },
        }),
        ...helmChart(
          'apps/chart',
          { 'cm.yaml': greetingTemplate('{{ .Values.greeting }}') },
          'greeting: hi\n',
        ),
        'apps/chart/values-prod.yaml': 'greeting: hej\n',
        'argocd/apps/web.yaml': application('web', {
          repoURL: `${trusted.url}/charts`,
          chart: 'web',
          targetRevision: '1.0.0',
          helm: { valuesObject: { greeting: 'from the release' } },
        }),
        'argocd/apps/vault.yaml': application('vault', { path: 'apps/vault' }),
        'apps/vault/secret.yaml': secret(secretValues['base token'], secretValues['base password']),
        ...folder('apps/vault', 'vault-settings', { MODE: 'quiet' }),
        // (d) folders named like flags, at the repository's root: kustomize and helm get them as
        // they are written, and a script beside them would be helm's post-renderer.
        'argocd/apps/flag-kustomize.yaml': application('flag-kustomize', {
          path: '--load-restrictor=LoadRestrictionsNone',
        }),
        ...kustomizeFolder('--load-restrictor=LoadRestrictionsNone', 'flag', { FLAG: 'a folder' }),
        'argocd/apps/flag-chart.yaml': application('flag-chart', { path: '--post-renderer=render.sh' }),
        ...helmChart(
          '--post-renderer=render.sh',
          { 'cm.yaml': greetingTemplate('{{ .Values.greeting }}') },
          'greeting: a folder\n',
        ),
        'render.sh': executable(canaries.markerScript('render-sh')),
        // What the head turns hostile, harmless at the base.
        ...Object.assign(
          {},
          ...pathEscapes.map((name) => ({
            ...hostile(name, { path: `escapes/${name}` }),
            ...folder(`escapes/${name}`, name, { A: 'b' }),
          })),
        ),
        ...dumpingChart('charts/escape'),
        ...Object.assign({}, ...valueFileEscapes.map((name) => hostile(name, { path: 'charts/escape' }))),
        ...helmChart(
          'charts/flag',
          { 'cm.yaml': greetingTemplate('{{ .Values.greeting }}') },
          'greeting: hi\n',
        ),
        ...hostile('release-flag', { path: 'charts/flag' }),
        ...kustomizeFolder('kust/base', 'kust', { A: 'b' }),
        ...Object.assign(
          {},
          ...kustomizeEscapes.map((name) =>
            hostile(name, { path: 'kust/base', kustomize: { namePrefix: `${name}-` } }),
          ),
        ),
      },
      {
        // The healthy Applications change.
        ...folder('apps/guestbook', 'guestbook', { GREETING: 'hola' }),
        ...kustomizeFolder('apps/shop', 'shop', { GREETING: 'salut' }),
        'apps/chart/values-prod.yaml': 'greeting: hallo\n',
        'argocd/apps/web.yaml': application('web', {
          repoURL: `${trusted.url}/charts`,
          chart: 'web',
          targetRevision: '1.0.0',
          helm: { valuesObject: { greeting: 'from the trusted release' } },
        }),
        ...kustomizeFolder('--load-restrictor=LoadRestrictionsNone', 'flag', { FLAG: 'loaded as a folder' }),
        '--post-renderer=render.sh/values.yaml': 'greeting: rendered as a folder\n',
        // (e) the Secret's values change, and the folder's ConfigMap with them.
        'apps/vault/secret.yaml': secret(secretValues['head token'], secretValues['head password']),
        ...folder('apps/vault', 'vault-settings', { MODE: 'loud' }),

        // (f) an app of apps through a chart: its children are followed, an escaping child
        // fails alone; a parent whose templates are a link out is not followed.
        ...helmChart(
          'charts/parents',
          {
            'apps.yaml': [
              application('child-dotdot', { path: '../../..' }),
              application('child', { path: 'apps/child' }),
            ].join('---\n'),
          },
          'x: 1\n',
        ),
        ...hostile('parent', { path: 'charts/parents' }),
        ...folder('apps/child', 'child', { CHILD: 'followed' }),
        'charts/linked-parent/Chart.yaml': 'apiVersion: v2\nname: linked\nversion: 1.0.0\n',
        'charts/linked-parent/templates': link(canaries.outsideFolder),
        ...hostile('linked-parent', { path: 'charts/linked-parent' }),

        // (a) source paths out of the repository, and folders turned into links out of it.
        ...hostile('dotdot', { path: '../../..' }),
        ...hostile('absolute', { path: '/etc' }),
        'escapes/link-etc': link('/etc'),
        'escapes/link-outside': link(canaries.outsideFolder),
        // (a) value files linked to the kubeconfig and to a canary file (the chart prints every
        // value it gets), and a $ref path escaping with `..`.
        'charts/escape/kube.yaml': link(canaries.kubeconfig),
        'charts/escape/canary.yaml': link(canaries.outsideFile),
        ...hostile('values-kube', { path: 'charts/escape', helm: { valueFiles: ['kube.yaml'] } }),
        ...hostile('values-canary', { path: 'charts/escape', helm: { valueFiles: ['canary.yaml'] } }),
        ...hostile(
          'values-ref',
          {},
          {
            source: undefined,
            sources: [
              {
                repoURL: REPO_URL,
                targetRevision: 'main',
                path: 'charts/escape',
                helm: { valueFiles: ['$values/../../../../../../etc/passwd'] },
              },
              { repoURL: REPO_URL, targetRevision: 'main', ref: 'values' },
            ],
          },
        ),
        // (b) a value file at a URL on the evil host.
        ...hostile('values-url', {
          path: 'charts/escape',
          helm: { valueFiles: [`${evil.url}/values.yaml`] },
        }),
        // (a) kustomize edits naming a component outside the repository (from kust/base), a
        // patch at a URL on the evil host.
        ...hostile('kustomize-component', {
          path: 'kust/base',
          kustomize: { namePrefix: 'c-', components: [`../../${outside}/outside/component`] },
        }),
        ...hostile('kustomize-patch-url', {
          path: 'kust/base',
          kustomize: { namePrefix: 'p-', patches: [{ path: `${evil.url}/patch.yaml` }] },
        }),
        // (d) a release name helm would read as its --post-renderer flag.
        ...hostile('release-flag', {
          path: 'charts/flag',
          helm: { releaseName: `--post-renderer=${postRenderer}` },
        }),
        // (b) a chart from a host the base never named.
        ...hostile('mirror', {
          repoURL: `${evil.url}/charts`,
          chart: 'web',
          targetRevision: '1.0.0',
          helm: { valuesObject: { greeting: 'from the mirror' } },
        }),
        // A value file of the trusted chart that climbs out of it, to the runner's files.
        ...hostile('chart-values', {
          repoURL: `${trusted.url}/charts`,
          chart: 'web',
          targetRevision: '1.0.0',
          helm: { valueFiles: ['../../../../../../etc/passwd'] },
        }),

        // (c) ApplicationSets. Folders matched out of the repository: none is generated.
        ...set(
          'escape-dirs',
          [
            {
              git: {
                repoURL: REPO_URL,
                revision: 'HEAD',
                directories: [{ path: '../*' }, { path: '/etc/*' }, { path: `${outside}/*` }],
              },
            },
          ],
          { name: 'dirs-{{path.basename}}', source: { path: '{{path}}' } },
        ),
        // Parameter files behind a link to the kubeconfig and outside the repository: a name
        // printing the kubeconfig's token would carry it into every output.
        'params/kube.yaml': link(canaries.kubeconfig),
        ...set(
          'params-link',
          [
            {
              git: {
                repoURL: REPO_URL,
                revision: 'HEAD',
                files: [{ path: 'params/*.yaml' }, { path: `${outside}/kubeconfig` }],
              },
            },
          ],
          { name: 'leak-{{users.0.user.token}}', source: { path: 'apps/guestbook' } },
        ),
        // Generated Applications whose paths escape: each fails alone.
        ...set(
          'escape-list',
          [
            {
              list: {
                elements: [
                  { name: 'list-dotdot', path: '../../..' },
                  { name: 'list-etc', path: '/etc' },
                  { name: 'list-link', path: 'escapes/link-outside' },
                ],
              },
            },
          ],
          { name: '{{name}}', source: { path: '{{path}}' } },
        ),
        // Templates that would take the runner's CPU or memory.
        ...bomb('bomb-range', '{{ range 100000 }}{{ range 100000 }}x{{ end }}{{ end }}'),
        ...bomb('bomb-until', '{{ range until 100000 }}{{ range until 100000 }}x{{ end }}{{ end }}'),
        ...bomb('bomb-repeat', '{{ repeat 1000000000 "x" }}'),
        ...bomb('bomb-output', '{{ $s := repeat 1048576 "x" }}{{ range 100000 }}{{ $s }}{{ end }}'),
      },
    );

    // The memory case, on a repository of its own: `range` over an integer allocates every
    // iteration before the first step is counted, so each level of nesting holds a million
    // entries (about 200 MB) that the step limit never sees.
    memoryRepo = new HostileRepo(base, {
      ...folder('apps/guestbook', 'guestbook', { GREETING: 'hola' }),
      ...bomb(
        'bomb-memory',
        `${'{{ range 1000000 }}'.repeat(memoryDepth)}x${'{{ end }}'.repeat(memoryDepth)}`,
      ),
    });

    for (const server of [trusted, evil]) server.requests.length = 0;
    // A cache of this run's own: the trusted chart is fetched (or found where another path put it).
    const chartCache = mkdtempSync(join(tmpdir(), 'plumbline-chart-cache-'));
    outcomes = await runEveryPath(repo, canaries, forges, 'argocd', {
      env: { PLUMBLINE_CHART_CACHE: chartCache },
    });
    // Alone, not beside the other paths: it takes what heap it is given. A runner whose Node
    // heap is 512 MiB; with the default heap (4 GiB on a 16 GiB runner) nesting 24 deep does
    // the same, after about a minute.
    memory = await runCli(memoryRepo, canaries, [], {
      env: { NODE_OPTIONS: '--max-old-space-size=512' },
    });
  });
  afterAll(() => {
    repo.remove();
    memoryRepo.remove();
    canaries.remove();
  });

  it('sends nothing to the host only the head names, and fetches from the one the base names', () => {
    expect(evil.requests).toEqual([]);
    expect(trusted.requests.length).toBeGreaterThan(0);
  });

  it('leaks no canary, no Secret value and nothing of /etc, and runs no script, on every path', () => {
    for (const outcome of [...outcomes, memory]) {
      expectNothingLeaked(outcome, canaries, { ...withBase64, '/etc/passwd': 'root:x:0:0' });
    }
  });

  it('fails each escape alone, naming why, and still reports every healthy Application with its change', () => {
    const leaks = 'leads outside the repository (through a symbolic link or "..")';
    for (const outcome of outcomes) {
      expectContained(outcome, {
        failed: [
          ...[
            ...pathEscapes,
            ...valueFileEscapes,
            ...kustomizeEscapes,
            'release-flag',
            'mirror',
            'chart-values',
            'child-dotdot',
            'linked-parent',
          ].map(env),
          ...['list-dotdot', 'list-etc', 'list-link'].map(env),
          ...bombs.map((name) => `applicationset/${name}`),
        ],
        healthy,
        errorNames: {
          [env('dotdot')]: ['argocd/escapes/dotdot.yaml:1', 'spec.source.path leads outside the repository'],
          // Argo CD joins an absolute path to the repository's root: etc of the repository.
          [env('absolute')]: ['argocd/escapes/absolute.yaml:1', 'path etc is no folder of the repository'],
          [env('link-etc')]: [`escapes/link-etc ${leaks}`],
          [env('link-outside')]: [`escapes/link-outside ${leaks}`],
          [env('values-kube')]: [`charts/escape/kube.yaml ${leaks}`],
          [env('values-canary')]: [`charts/escape/canary.yaml ${leaks}`],
          [env('values-ref')]: [
            'argocd/escapes/values-ref.yaml:1',
            'helm.valueFiles[0] leads outside the repository',
          ],
          [env('values-url')]: [
            'argocd/escapes/values-url.yaml:1',
            'helm.valueFiles[0]: value files at a URL are not supported',
          ],
          [env('kustomize-component')]: [
            'argocd/escapes/kustomize-component.yaml:1',
            `kustomize.components names ../../${outside}/outside/component, which leads outside the repository`,
          ],
          [env('kustomize-patch-url')]: [
            'argocd/escapes/kustomize-patch-url.yaml:1',
            `kustomize.patches names ${evil.url}/patch.yaml, which is not a path of the repository`,
          ],
          [env('release-flag')]: ['charts/flag', 'invalid release name'],
          // The Application, the host and the setting that would allow it.
          [env('mirror')]: [
            'argocd/escapes/mirror.yaml:1',
            `comes from ${hostOf(evil)}, which the configuration does not allow`,
            'render.allowHosts',
          ],
          [env('chart-values')]: ['argocd/escapes/chart-values.yaml:1', 'leads outside the chart'],
          // A child's file and line are its parent's.
          [env('child-dotdot')]: [
            'argocd/escapes/parent.yaml:1',
            'spec.source.path leads outside the repository',
          ],
          [env('linked-parent')]: ['charts/linked-parent'],
          [env('list-dotdot')]: [
            'argocd/sets/escape-list.yaml:1',
            'spec.source.path leads outside the repository',
          ],
          [env('list-etc')]: ['argocd/sets/escape-list.yaml:1', 'path etc is no folder of the repository'],
          [env('list-link')]: [`escapes/link-outside ${leaks}`],
          'applicationset/bomb-range': [
            'argocd/sets/bomb-range.yaml:1',
            'ApplicationSet bomb-range',
            'the template takes more than',
          ],
          'applicationset/bomb-until': ['argocd/sets/bomb-until.yaml:1', 'function "until" is not supported'],
          'applicationset/bomb-repeat': ['argocd/sets/bomb-repeat.yaml:1', 'repeat makes more than'],
          'applicationset/bomb-output': ['argocd/sets/bomb-output.yaml:1', 'the output is longer than'],
        },
      });
    }
  });

  it('generates nothing from folders and parameter files out of the repository or behind links', () => {
    for (const outcome of outcomes) {
      const names = outcome.report ? environmentNames(outcome.report) : [];
      const shown = outcome.report ? names.join('\n') : unescapeMarkdown(outcome.markdown);
      expect(shown, outcome.path).not.toMatch(/in-cluster\/(dirs|leak)-/);
      expect(shown, outcome.path).not.toContain('applicationset/escape-dirs');
      expect(shown, outcome.path).not.toContain('applicationset/params-link');
    }
  });

  it('masks the Secret and shows that it changed', () => {
    for (const outcome of outcomes) {
      expect(outcome.markdown, outcome.path).toContain('+  token: *** (masked)');
      expect(outcome.markdown, outcome.path).toContain('+  password: *** (masked)');
      expect(outcome.markdown, outcome.path).toContain('(secret value changed)');
    }
  });

  // Found by this class: `range` over an integer once made all its iterations before the
  // step budget counted one (~200 MB for a million), so nesting it held one such array per
  // level, and the plan died out of heap with no report for any environment. Here nested
  // `memoryDepth` deep under a 512 MiB heap.
  it('fails a Go template that would exhaust memory alone (applicationset/bomb-memory)', () => {
    expectContained(memory, {
      failed: ['applicationset/bomb-memory'],
      healthy: { [env('guestbook')]: 'GREETING: hola' },
      errorNames: { 'applicationset/bomb-memory': ['argocd/sets/bomb-memory.yaml:1'] },
    });
  });
});
