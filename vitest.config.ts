import { defineConfig } from 'vitest/config';

// Two projects: `unit` is pure and fast; `system` talks to a real kube-apiserver, real git,
// kustomize and helm, and real action runners. The control plane starts once per run.
export default defineConfig({
  test: {
    // In CI a JSON report too, from which .ci/run prints its closing line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: '.cache/test-results.json' },
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
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
