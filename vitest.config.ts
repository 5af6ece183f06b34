import { defineConfig } from 'vitest/config';

// Two projects: `unit` is pure and fast; `system` talks to a real kube-apiserver, real git,
// kustomize and helm, and real action runners. The control plane starts once per run.
export default defineConfig({
  test: {
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
