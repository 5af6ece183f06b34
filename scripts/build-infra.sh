#!/usr/bin/env bash
# Builds kube-apiserver, etcd, helm and kustomize from their Go modules at the
# versions pinned in scripts/versions.env, into a cache folder reused across runs:
#   ${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}/bin/<name>-<version>
# A binary already in the cache is not rebuilt. Prints the bin folder on success.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

cache="${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}"
bin="$cache/bin"
work="$cache/build"
mkdir -p "$bin" "$work"
# One build at a time: concurrent test runs call this script, and two builds of one
# binary would write the same files.
exec 8>"$cache/.build.lock"
flock 8

fail() { echo "build-infra: $*" >&2; exit 1; }
log() { echo "build-infra: $*" >&2; }

# Checked only when something must be built: cached binaries need neither Go nor space.
require_build_tools() {
  command -v go >/dev/null || fail "Go is not installed or not on PATH; install Go >= 1.23 (https://go.dev/doc/install) and retry."
  local avail_kb
  avail_kb=$(df -Pk "$cache" | awk 'NR==2 {print $4}')
  if [ "${avail_kb:-0}" -lt 4000000 ]; then
    fail "less than 4 GB free under $cache ($((avail_kb / 1024)) MB); building kube-apiserver needs about 4 GB (module and build caches). Free space or set PLUMBLINE_CACHE to a larger disk."
  fi
}

export CGO_ENABLED=0 GOFLAGS=-buildvcs=false GOTOOLCHAIN=local

# go_get_or_fail MODULE@VERSION: download a module, turning proxy failures into a clear message.
go_download() {
  local out
  if ! out=$(go mod download -json "$1" 2>&1); then
    fail "could not download $1 from the Go module proxy ($(go env GOPROXY)): $out"
  fi
  printf '%s' "$out"
}

# The linker flags of each binary: `go build` leaves the version variables that release
# builds set with -X at their defaults, and a kube-apiserver answering /version with
# v0.0.0-master breaks `kubectl version` and Helm's kubeVersion checks.
ldflags_of() {
  local k=k8s.io/component-base/version minor="${KUBERNETES_VERSION#v1.}"
  minor="${minor%%.*}"
  case "$1" in
    kube-apiserver)
      echo "-s -w -X $k.gitVersion=$KUBERNETES_VERSION -X $k.gitMajor=1 -X $k.gitMinor=$minor -X $k.gitTreeState=clean" ;;
    helm) echo "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" ;;
    kustomize) echo "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=kustomize/$KUSTOMIZE_VERSION" ;;
    *) echo "-s -w" ;;
  esac
}

# cached NAME VERSION: the binary exists and was linked with today's flags (recorded
# next to it; binaries from before the record existed count as plain `-s -w`).
cached() {
  local target="$bin/$1-$2" recorded
  [ -x "$target" ] || return 1
  recorded=$(cat "$target.ldflags" 2>/dev/null || echo "-s -w")
  [ "$recorded" = "$(ldflags_of "$1")" ]
}

# build NAME VERSION MODULE_PATH PACKAGE [replace-lines...]
# Builds PACKAGE (of MODULE_PATH at VERSION) inside a throwaway module.
build() {
  local name="$1" version="$2" module="$3" package="$4"; shift 4
  local target="$bin/$name-$version" ldflags
  ldflags=$(ldflags_of "$name")
  if cached "$name" "$version"; then log "$name $version cached"; ln -sf "$name-$version" "$bin/$name"; return; fi
  require_build_tools
  local dir="$work/$name-$version"
  rm -rf "$dir"; mkdir -p "$dir"
  log "building $name $version from $module (first time only; this takes a while)"
  local start=$SECONDS
  (
    cd "$dir"
    go mod init "plumbline.local/build/$name" >/dev/null 2>&1
    for r in "$@"; do echo "replace $r"; done >>go.mod
    # `go get` of the package resolves only what its build imports; `go mod tidy` would
    # also want the test dependencies of every dependency, which a proxy may not serve.
    if ! out=$(go get "$package@$version" 2>&1); then
      fail "resolving $package@$version failed (is the Go module proxy reachable? GOPROXY=$(go env GOPROXY)):
$out"
    fi
    local target_pkg="$package"
    if [ "$package" = go.etcd.io/etcd/server/v3/etcdmain ]; then
      # etcd's command lives in that library package; a three-line main calls it.
      printf 'package main\n\nimport (\n\t"os"\n\n\t"%s"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' "$package" >main.go
      target_pkg=.
    fi
    if ! out=$(go build -mod=mod -trimpath -ldflags "$ldflags" -o "$target.tmp" "$target_pkg" 2>&1); then
      fail "building $name $version failed:
$out"
    fi
    # Atomic: a test using the previous binary keeps running.
    mv "$target.tmp" "$target"
    echo "$ldflags" >"$target.ldflags"
  )
  ln -sf "$name-$version" "$bin/$name"
  log "$name $version built in $((SECONDS - start)) s"
}

# Kubernetes' own go.mod points its staging modules (k8s.io/api, ...) at ./staging;
# a consumer must replace each with the published v0.x.y of the same release.
kube_replaces() {
  local gomod
  gomod=$(go_download "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  [ -f "$gomod" ] || fail "could not read go.mod of k8s.io/kubernetes@$KUBERNETES_VERSION"
  local minor="v0.${KUBERNETES_VERSION#v1.}"
  sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\1#p' "$gomod" | while read -r m; do
    echo "$m => $m $minor"
  done
}

want="${1:-all}"
if [ "$want" = all ] || [ "$want" = etcd ]; then
  build etcd "$ETCD_VERSION" go.etcd.io/etcd/server/v3 go.etcd.io/etcd/server/v3/etcdmain
fi
if [ "$want" = all ] || [ "$want" = kustomize ]; then
  build kustomize "$KUSTOMIZE_VERSION" sigs.k8s.io/kustomize/kustomize/v5 sigs.k8s.io/kustomize/kustomize/v5
fi
if [ "$want" = all ] || [ "$want" = helm ]; then
  build helm "$HELM_VERSION" helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm
fi
if [ "$want" = all ] || [ "$want" = kube-apiserver ]; then
  replaces=()
  # The replace lines come from the module's go.mod (Go and the proxy); a cached binary needs neither.
  if ! cached kube-apiserver "$KUBERNETES_VERSION"; then
    require_build_tools
    mapfile -t replaces < <(kube_replaces)
    [ "${#replaces[@]}" -gt 10 ] || fail "found no staging modules in k8s.io/kubernetes@$KUBERNETES_VERSION's go.mod"
  fi
  build kube-apiserver "$KUBERNETES_VERSION" k8s.io/kubernetes k8s.io/kubernetes/cmd/kube-apiserver "${replaces[@]}"
fi
echo "$bin"
