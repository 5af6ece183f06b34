#!/usr/bin/env bash
# Builds kube-apiserver (one per Kubernetes version), etcd, helm (3 and 4), kustomize and
# the distribution registry from their Go modules at the versions pinned in
# scripts/versions.env, into a cache folder reused across runs:
#   ${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}/bin/<name>-<version>
# bin/<name> links to the default version (bin/helm is Helm 3, bin/kube-apiserver the newest).
# A binary already in the cache is not rebuilt. Prints the bin folder on success.
#
#   build-infra.sh [all]                   everything
#   build-infra.sh etcd | kustomize | registry
#   build-infra.sh kube-apiserver [VERSION]  every Kubernetes version, or one of them
#   build-infra.sh helm | helm3 | helm4    both Helm majors, or one
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

case " $KUBERNETES_VERSIONS" in
  *" $KUBERNETES_VERSION") ;;
  *) fail "scripts/versions.env: KUBERNETES_VERSION ($KUBERNETES_VERSION) must be the last (newest) of KUBERNETES_VERSIONS ($KUBERNETES_VERSIONS)" ;;
esac

# Checked only when something must be built: cached binaries need neither Go nor space.
require_build_tools() {
  command -v go >/dev/null || fail "Go is not installed or not on PATH; install Go >= 1.26 (helm 4 and Kubernetes 1.37 need it) (https://go.dev/doc/install) and retry."
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
# ldflags_of NAME VERSION
ldflags_of() {
  local name="$1" version="$2"
  case "$name" in
    kube-apiserver)
      local k=k8s.io/component-base/version minor="${version#v1.}"
      minor="${minor%%.*}"
      echo "-s -w -X $k.gitVersion=$version -X $k.gitMajor=1 -X $k.gitMinor=$minor -X $k.gitTreeState=clean" ;;
    helm) helm_ldflags "$version" ;;
    kustomize) echo "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=kustomize/$version" ;;
    registry)
      local p=github.com/distribution/distribution/v3
      echo "-s -w -X $p/version.version=$version -X $p/version.mainpkg=$p" ;;
    *) echo "-s -w" ;;
  esac
}

# What Helm's release build (its Makefile) sets: the version variables and, for Helm 3, the
# Kubernetes version it assumes when it talks to no cluster (`helm template`'s
# .Capabilities.KubeVersion and chart kubeVersion checks, lint's deprecations), from the
# client-go of its go.mod: v0.37.0 gives 1.37. Left at the default, Helm 3 believes it
# renders for Kubernetes v1.20.0. Helm 4 reads client-go's version from the build info
# `go build` records. The commit (gitCommit) is not in a module, so it stays empty.
helm_ldflags() {
  local version="$1" major="${1%%.*}"
  local v="helm.sh/helm/$major/internal/version" flags kube
  flags="-s -w -X $v.version=$version -X $v.gitTreeState=clean"
  if [ "$major" = v3 ]; then
    kube=$(helm_kube_version "$version") || return 1
    local kmajor="${kube% *}" kminor="${kube#* }" p
    for p in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
      flags+=" -X $p.k8sVersionMajor=$kmajor -X $p.k8sVersionMinor=$kminor"
    done
  fi
  echo "$flags"
}

# helm_kube_version VERSION: "MAJOR MINOR" of the Kubernetes release whose client-go Helm 3
# VERSION requires (the Makefile's rule: major = first + 1, minor = second).
helm_kube_version() {
  local gomod="" found
  if command -v go >/dev/null; then
    gomod=$(go mod download -json "helm.sh/helm/v3@$1" 2>/dev/null | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p') || true
  fi
  if [ -f "$gomod" ]; then
    found=$(sed -n 's#^[[:space:]]*k8s.io/client-go v\([0-9]*\)\.\([0-9]*\)\..*#\1 \2#p' "$gomod" | head -n 1)
    [ -n "$found" ] || fail "found no k8s.io/client-go requirement in $gomod (helm.sh/helm/v3@$1)"
    echo "$((${found% *} + 1)) ${found#* }"
  elif [ -f "$bin/helm-$1.ldflags" ]; then
    # Neither Go nor the module here: a version's go.mod never changes, so the flags the
    # cached binary was built with still say it.
    sed -n 's/.*chartutil\.k8sVersionMajor=\([0-9]*\) .*chartutil\.k8sVersionMinor=\([0-9]*\).*/\1 \2/p' "$bin/helm-$1.ldflags"
  else
    require_build_tools
    go_download "helm.sh/helm/v3@$1" >/dev/null
    fail "could not read the go.mod of helm.sh/helm/v3@$1"
  fi
}

# cached NAME VERSION: the binary exists and was linked with today's flags (recorded
# next to it; binaries from before the record existed count as plain `-s -w`).
cached() {
  local target="$bin/$1-$2" recorded
  [ -x "$target" ] || return 1
  recorded=$(cat "$target.ldflags" 2>/dev/null || echo "-s -w")
  [ "$recorded" = "$(ldflags_of "$1" "$2")" ]
}

# The version bin/NAME links to.
default_version() {
  case "$1" in
    kube-apiserver) echo "$KUBERNETES_VERSION" ;;
    etcd) echo "$ETCD_VERSION" ;;
    helm) echo "$HELM_VERSION" ;;
    kustomize) echo "$KUSTOMIZE_VERSION" ;;
    registry) echo "$REGISTRY_VERSION" ;;
  esac
}

link_default() {
  [ "$2" != "$(default_version "$1")" ] || ln -sf "$1-$2" "$bin/$1"
}

# build NAME VERSION MODULE_PATH PACKAGE [replace-lines...]
# Builds PACKAGE (of MODULE_PATH at VERSION) inside a throwaway module.
build() {
  local name="$1" version="$2" module="$3" package="$4"; shift 4
  local target="$bin/$name-$version" ldflags
  if cached "$name" "$version"; then log "$name $version cached"; link_default "$name" "$version"; return; fi
  require_build_tools
  ldflags=$(ldflags_of "$name" "$version")
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
  link_default "$name" "$version"
  log "$name $version built in $((SECONDS - start)) s"
}

# Kubernetes' own go.mod points its staging modules (k8s.io/api, ...) at ./staging;
# a consumer must replace each with the published v0.x.y of the same release.
# kube_replaces VERSION
kube_replaces() {
  local gomod
  gomod=$(go_download "k8s.io/kubernetes@$1" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  [ -f "$gomod" ] || fail "could not read go.mod of k8s.io/kubernetes@$1"
  local minor="v0.${1#v1.}"
  sed -n 's#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\1#p' "$gomod" | while read -r m; do
    echo "$m => $m $minor"
  done
}

build_kube_apiserver() {
  local version="$1" replaces=()
  # The replace lines come from the module's go.mod (Go and the proxy); a cached binary needs neither.
  if ! cached kube-apiserver "$version"; then
    require_build_tools
    mapfile -t replaces < <(kube_replaces "$version")
    [ "${#replaces[@]}" -gt 10 ] || fail "found no staging modules in k8s.io/kubernetes@$version's go.mod"
  fi
  build kube-apiserver "$version" k8s.io/kubernetes k8s.io/kubernetes/cmd/kube-apiserver "${replaces[@]}"
}

want="${1:-all}"
case "$want" in
  all | etcd | kube-apiserver | helm | helm3 | helm4 | kustomize | registry) ;;
  *) fail "unknown binary '$want'; usage: $0 [all | etcd | kube-apiserver [VERSION] | helm | helm3 | helm4 | kustomize | registry]" ;;
esac
# wanted NAME...: the command line asks for one of them (or for everything).
wanted() {
  local name
  for name in all "$@"; do [ "$want" = "$name" ] && return 0; done
  return 1
}

if wanted etcd; then
  build etcd "$ETCD_VERSION" go.etcd.io/etcd/server/v3 go.etcd.io/etcd/server/v3/etcdmain
fi
if wanted kustomize; then
  build kustomize "$KUSTOMIZE_VERSION" sigs.k8s.io/kustomize/kustomize/v5 sigs.k8s.io/kustomize/kustomize/v5
fi
if wanted helm helm3; then
  build helm "$HELM_VERSION" helm.sh/helm/v3 helm.sh/helm/v3/cmd/helm
fi
if wanted helm helm4; then
  build helm "$HELM4_VERSION" helm.sh/helm/v4 helm.sh/helm/v4/cmd/helm
fi
if wanted registry; then
  build registry "$REGISTRY_VERSION" github.com/distribution/distribution/v3 github.com/distribution/distribution/v3/cmd/registry
fi
if wanted kube-apiserver; then
  if [ "$want" = kube-apiserver ] && [ -n "${2:-}" ]; then
    case " $KUBERNETES_VERSIONS " in
      *" $2 "*) build_kube_apiserver "$2" ;;
      *) fail "Kubernetes $2 is not pinned in scripts/versions.env (KUBERNETES_VERSIONS: $KUBERNETES_VERSIONS)" ;;
    esac
  else
    # The newest (the default) first: it is the one most tests need.
    for version in $(printf '%s\n' $KUBERNETES_VERSIONS | tac); do
      build_kube_apiserver "$version"
    done
  fi
fi
echo "$bin"
