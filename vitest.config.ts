import { defineConfig } from 'vitest/config';

// Three projects: `unit` is pure and fast; `system` talks to a real kube-apiserver, real git,
// kustomize and helm, and real action runners (the control plane starts once per run);
// `security` runs hostile pull requests through the CLI, the action and the GitLab path
// with real git, kustomize and helm, and needs no control plane.
export default defineConfig({
  test: {
    // In CI a JSON report too, from which .ci/run prints its closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.cache/test-results.json' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
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
          name: 'system',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // Two cores: running system files one at a time keeps the API server and
          // subprocesses from starving each other.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
