import { configDefaults, defineConfig } from 'vitest/config';

// Five projects, all run by `npm test`:
// - `unit` is pure and fast: no child process and no network beyond in-process fakes on
//   127.0.0.1. test/support/no-processes.ts makes a spawn or a non-loopback connection fail.
// - `local` is the files under test/unit/ that need real git, kustomize, helm or another
//   program on this machine (listed below), and no control plane.
// - `system` talks to a real kube-apiserver, real git, kustomize and helm, and real action
//   runners (the control plane starts once per run). `system-oldest` runs the integration
//   tests of `system` against the oldest supported Kubernetes version.
// - `security` runs hostile pull requests through the CLI, the action and the GitLab path
//   with real git, kustomize and helm, and needs no control plane.

// The test/unit/ files that start processes, with what they start. A new test that starts
// one (itself or through src/: runGit, runTool, the network isolation probe, runPlan,
// promote, drift, @actions/exec, esbuild) goes here, or the `unit` project fails it.
const localTests = [
  'test/unit/build/config-validator.test.ts', // esbuild's build() starts the esbuild binary
  'test/unit/commands/plan-offline.test.ts', // git repositories, runPlan: git, unshare, kustomize, helm
  'test/unit/commands/plan-flux.test.ts', // a Flux repository in git, runPlan: git, kustomize, helm; the chart servers (nginx, registry)
  'test/unit/commands/plan-argocd.test.ts', // an Argo CD repository in git, runPlan: git, kustomize, helm
  'test/unit/drift/envs-command.test.ts', // the envs CLI asks git for the checkout's origin
  'test/unit/commands/affected.test.ts', // generated git repositories, runPlan with kustomize and helm
  'test/unit/commands/affected-flux.test.ts', // generated Flux repositories, runPlan; helm and the chart servers
  'test/unit/commands/affected-argocd.test.ts', // generated Argo CD repositories, runPlan: git, kustomize, helm
  'test/unit/commands/flux-cluster-objects-plan.test.ts', // a Flux repository in git, runPlan: git, kustomize, helm
  'test/unit/commands/trusted-source-hosts.test.ts', // git repositories, the base worktree (git)
  'test/unit/commands/base-files.test.ts', // a git repository, its base worktree; kustomize and helm (unshare)
  'test/unit/entry/cli-merge.test.ts', // git repository; plan --shard and merge through the CLI (runPlan)
  'test/unit/entry/cli-promote.test.ts', // git fixture; the promote CLI runs git
  'test/unit/entry/github-promote.test.ts', // git fixture; promote runs git and renders (unshare)
  'test/unit/fakes/github-git.test.ts', // git against the fake GitHub's bare repositories
  'test/unit/fakes/gitlab-git.test.ts', // git against the fake GitLab's bare repositories
  'test/unit/forge/github-promote.test.ts', // git fixture; promote runs git
  'test/unit/forge/gitlab-promote.test.ts', // git fixture; the promote CLI runs git and renders (unshare)
  'test/unit/forge/gitlab-templates.test.ts', // git and node (the CLI's --preview)
  'test/unit/forge/gitlab-tls.test.ts', // openssl makes the test certificates
  'test/unit/git/base-checkout.test.ts', // git repositories; runGit
  'test/unit/promote/command.test.ts', // git fixture; promote runs git
  'test/unit/commands/promote-flux.test.ts', // a Flux repository in git; promote runs git (no render)
  'test/unit/commands/promote-argocd.test.ts', // an Argo CD repository in git; promote runs git (no render)
  'test/unit/promote/follow-up-failures.test.ts', // git fixture; promote runs git
  'test/unit/promote/plan-body.test.ts', // git fixture; promote runs git and kustomize (unshare)
  'test/unit/render/hostile-render.test.ts', // real kustomize and helm (toolPath), unshare
  'test/unit/render/render.test.ts', // real kustomize and helm (toolPath), unshare
  'test/unit/render/flux.test.ts', // real kustomize and helm (toolPath); the chart servers (nginx, registry)
  'test/unit/render/sandbox.test.ts', // the network isolation probe (unshare) and node
  'test/unit/render/tools.test.ts', // real kustomize (toolPath) and a stand-in kubectl script
  'test/unit/charts/chart-sources.test.ts', // helm 3 and 4, git; the chart servers (nginx, registry)
];

// The `system` projects: `system` against the newest Kubernetes version of
// scripts/versions.env, `system-oldest` against the oldest, each with its own control plane
// (test/support/global-setup.ts starts both when both run, before any test).
const system = {
  // The control plane, and the real chart repositories and registries the Helm tests use.
  globalSetup: ['test/support/global-setup.ts', 'test/support/chart-servers-setup.ts'],
  testTimeout: 180_000,
  hookTimeout: 600_000,
  // Two cores: running system files one at a time keeps the API server and subprocesses
  // from starving each other. vitest runs the files of singleFork projects one project
  // after the other, so `system` and `system-oldest` never run files at the same time.
  poolOptions: { forks: { singleFork: true } },
};

export default defineConfig({
  test: {
    // In CI a JSON report too, from which .ci/run prints its closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.cache/test-results.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...localTests],
          setupFiles: ['test/support/no-processes.ts'],
        },
      },
      {
        test: {
          name: 'local',
          include: localTests,
          // Real Helm repositories (nginx) and OCI registries, shared by the run.
          globalSetup: ['test/support/chart-servers-setup.ts'],
          // Processes on a two-core runner shared with the other projects can be slow.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          globalSetup: ['test/security/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          ...system,
          name: 'system',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          provide: { kubernetes: 'newest' },
        },
      },
      {
        // The integration tests again against the oldest supported Kubernetes (the e2e
        // runner tests exercise plumbline's CI integrations, which do not vary with it).
        test: {
          ...system,
          name: 'system-oldest',
          include: ['test/integration/**/*.test.ts'],
          // The chart servers' own test does not vary with Kubernetes.
          exclude: [...configDefaults.exclude, 'test/integration/chart-servers.test.ts'],
          provide: { kubernetes: 'oldest' },
        },
      },
    ],
  },
});
