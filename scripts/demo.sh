#!/usr/bin/env bash
# The README's main command: runs `plumbline plan` on a copy of examples/ in a fresh git
# repository, with a real change under review (branch `change` against `main`), so that it
# needs no cluster. Extra arguments go to `plumbline plan` (e.g. --format md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# helm and kustomize built from their Go modules (cached after the first time).
bin="$(bash "$root/scripts/build-infra.sh" helm3 2>/dev/null | tail -1)"
bash "$root/scripts/build-infra.sh" kustomize >/dev/null 2>&1
export PATH="$bin:$PATH"

work="$(mktemp -d)"
trap 'git -C "$work" worktree prune 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$root/examples/." "$work/"
cd "$work"
export GIT_AUTHOR_NAME=plumbline-demo GIT_AUTHOR_EMAIL=demo@plumbline.invalid
export GIT_COMMITTER_NAME=plumbline-demo GIT_COMMITTER_EMAIL=demo@plumbline.invalid
git init -q -b main && git add -A && git commit -qm "shop: what runs today"
git checkout -qb change
# The change under review: a new dev image, a feature flag for every environment, a rotated
# database password, and a second status-page replica.
sed -i 's/newTag: 1.4.0/newTag: 1.5.0/' envs/dev/kustomization.yaml
sed -i 's/FEATURE_CHECKOUT_V2: "false"/FEATURE_CHECKOUT_V2: "true"/' base/configmap.yaml
sed -i 's/demo-password-1/demo-password-2/' base/secret.yaml
sed -i 's/^replicas: 1$/replicas: 2/' envs/status/values.yaml
git commit -qam "shop: checkout v2, web 1.5.0 in dev, rotate the db password"

set +e
node "$root/dist/cli.js" plan --base main --offline "$@"
code=$?
set -e
# 2 means "changes found": the expected outcome of the demo.
[ "$code" -eq 2 ] && exit 0
exit "$code"
