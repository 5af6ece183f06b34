#!/usr/bin/env bash
# A real Kubernetes control plane on loopback for plumbline's tests and demo:
# etcd and kube-apiserver (built from their Go modules by build-infra.sh), TLS, static
# token users (admin, planner, reader) and RBAC. No controller-manager or scheduler runs:
# nothing plumbline does needs them (deleted namespaces stay Terminating; pods are never
# scheduled).
#
# One control plane per Kubernetes version of scripts/versions.env (KUBERNETES_VERSIONS),
# side by side on ports of their own; every command takes --kubernetes VERSION (default:
# the newest, KUBERNETES_VERSION).
#
#   cluster.sh up [--kubernetes V] [--hold ID]  start (or reuse) it; prints `export KUBECONFIG=...`
#   cluster.sh down [--kubernetes V]            stop it
#   cluster.sh release ID [--kubernetes V]      drop the hold ID; stop the control plane if a
#                                               holder started it and no live holder remains
#                                               (test runs share one control plane)
#   cluster.sh status [--kubernetes V]          say whether it runs (exit 0) or not (exit 1)
#   cluster.sh env [--kubernetes V]             print `export KUBECONFIG=...` for eval
#
# Progress and errors go to stderr; stdout carries only the `export` line.
# State lives in ${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}/cluster/<version>.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

cache="${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}"
bin="$cache/bin"
ready_timeout="${PLUMBLINE_APISERVER_TIMEOUT:-90}"
service_cidr="10.96.0.0/16"

log() { echo "cluster: $*" >&2; }
fail() { echo "cluster: $*" >&2; exit 1; }

case " $KUBERNETES_VERSIONS" in
  *" $KUBERNETES_VERSION") ;;
  *) fail "scripts/versions.env: KUBERNETES_VERSION ($KUBERNETES_VERSION) must be the last (newest) of KUBERNETES_VERSIONS ($KUBERNETES_VERSIONS)" ;;
esac

# select_version VERSION: the state folder and ports of that version's control plane.
# Ports are distinct per minor (v1.37: etcd 23737/23837, kube-apiserver 16437), so the
# control planes of all versions run side by side; the variables override them for the
# version a command names.
select_version() {
  case " $KUBERNETES_VERSIONS " in
    *" $1 "*) ;;
    *) fail "Kubernetes $1 is not one of the versions scripts/versions.env pins: $KUBERNETES_VERSIONS" ;;
  esac
  version="$1"
  local minor="${version#v1.}"
  minor="${minor%%.*}"
  state="$cache/cluster/$version"
  pki="$state/pki"
  etcd_port="${PLUMBLINE_ETCD_PORT:-$((23700 + minor))}"
  etcd_peer_port="${PLUMBLINE_ETCD_PEER_PORT:-$((23800 + minor))}"
  apiserver_port="${PLUMBLINE_APISERVER_PORT:-$((16400 + minor))}"
}

# ---------------------------------------------------------------- process helpers

# pid_alive NAME: true when state/NAME.pid names a live process running that binary
# (the check on the command line guards against a recycled pid).
pid_alive() {
  local file="$state/$1.pid" pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  # argv[0] only: the API server's own flags mention etcd.
  head -z -n 1 "/proc/$pid/cmdline" | tr -d '\0' | grep -q "/$1-[^/]*$"
}

# still_running NAME: true while the process just started as NAME has not exited. The
# binary check of pid_alive would race here: until the forked shell has exec'd the binary,
# its command line is still the shell's.
still_running() {
  local pid process_state
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
  process_state=$(sed -n 's/^[0-9]* ([^)]*) \([A-Z]\).*/\1/p' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ -n "$process_state" ] && [ "$process_state" != Z ]
}

stop_process() {
  local name="$1" file="$state/$1.pid" pid
  if ! pid_alive "$name"; then rm -f "$file"; return 0; fi
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -d "/proc/$pid" ] || break
    sleep 0.1
  done
  if [ -d "/proc/$pid" ]; then
    log "$name (pid $pid) did not stop within 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while [ -d "/proc/$pid" ]; do sleep 0.1; done
  fi
  rm -f "$file"
}

port_in_use() {
  ss -Htln "sport = :$1" 2>/dev/null | grep -q .
}

check_port() {
  local port="$1" variable="$2" what="$3"
  if port_in_use "$port"; then
    fail "port $port ($what of Kubernetes $version) is already in use on this machine. Stop what listens there (ss -tlnp 'sport = :$port') or pick another port: $variable=<free port> $0 up --kubernetes $version"
  fi
}

show_log_tail() {
  echo "----- last lines of $1 -----" >&2
  tail -n 25 "$1" >&2 || true
  echo "-----" >&2
}

admin_token() { sed -n 's/^\([^,]*\),admin,.*/\1/p' "$state/tokens.csv"; }

healthy() {
  pid_alive etcd && pid_alive kube-apiserver || return 1
  local port
  port=$(cat "$state/apiserver.port" 2>/dev/null) || return 1
  curl -sf --max-time 3 --cacert "$pki/ca.crt" -H "Authorization: Bearer $(admin_token)" \
    "https://127.0.0.1:$port/readyz" >/dev/null 2>&1
}

print_env() { echo "export KUBECONFIG='$state/kubeconfig'"; }

# ---------------------------------------------------------------- one-time material

ensure_binaries() {
  local missing=()
  [ -x "$bin/etcd-$ETCD_VERSION" ] || missing+=(etcd)
  [ -x "$bin/kube-apiserver-$version" ] || missing+=(kube-apiserver)
  for name in "${missing[@]}"; do
    # kube-apiserver: only the version this control plane runs.
    bash "$here/build-infra.sh" "$name" "$version" >/dev/null
  done
}

ensure_pki() {
  [ -f "$pki/sa.pub" ] && return
  command -v openssl >/dev/null || fail "openssl is not installed; it creates the control plane's certificates (apt-get install openssl)."
  log "creating certificates and keys in $pki (first time only)"
  rm -rf "$pki"; mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
      -subj "/CN=plumbline-test-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr \
      -subj "/CN=kube-apiserver" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,IP:10.96.0.1\nextendedKeyUsage=serverAuth\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
      -out apiserver.crt -days 3650 -extfile apiserver.ext 2>/dev/null
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key 2>/dev/null
    openssl pkey -in sa.key -pubout -out sa.pub.tmp 2>/dev/null
    rm -f apiserver.csr apiserver.ext
    mv sa.pub.tmp sa.pub
  ) || fail "openssl could not create the certificates in $pki"
}

# Static bearer tokens: token,user,uid,"groups". Random per machine, made once.
ensure_tokens() {
  [ -f "$state/tokens.csv" ] && return
  local admin planner reader
  admin=$(openssl rand -hex 24); planner=$(openssl rand -hex 24); reader=$(openssl rand -hex 24)
  umask 077
  cat >"$state/tokens.csv.tmp" <<EOF
$admin,admin,uid-admin,"system:masters"
$planner,planner,uid-planner,"plumbline"
$reader,reader,uid-reader,"plumbline"
EOF
  mv "$state/tokens.csv.tmp" "$state/tokens.csv"
}

write_kubeconfig() {
  local port="$1" ca admin planner reader
  ca=$(base64 -w0 <"$pki/ca.crt")
  admin=$(admin_token)
  planner=$(sed -n 's/^\([^,]*\),planner,.*/\1/p' "$state/tokens.csv")
  reader=$(sed -n 's/^\([^,]*\),reader,.*/\1/p' "$state/tokens.csv")
  umask 077
  cat >"$state/kubeconfig.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: plumbline
    cluster:
      server: https://127.0.0.1:$port
      certificate-authority-data: $ca
users:
  - name: admin
    user: { token: $admin }
  - name: planner
    user: { token: $planner }
  - name: reader
    user: { token: $reader }
contexts:
  - name: plumbline-admin
    context: { cluster: plumbline, user: admin }
  - name: plumbline-planner
    context: { cluster: plumbline, user: planner }
  - name: plumbline-reader
    context: { cluster: plumbline, user: reader }
current-context: plumbline-admin
EOF
  mv "$state/kubeconfig.tmp" "$state/kubeconfig"
}

# The planner reads everything and may patch and create: a server-side-apply dry run is a
# PATCH, authorized as `patch` for an existing object and as `create` for a new one, and
# RBAC cannot tell a dry run from a real write. The reader only reads.
apply_rbac() {
  cat >"$state/rbac.yaml" <<'EOF'
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: plumbline-reader }
rules:
  - { apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: plumbline-planner }
rules:
  - { apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, patch, create] }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: plumbline-reader }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: plumbline-reader }
subjects:
  - { apiGroup: rbac.authorization.k8s.io, kind: User, name: reader }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: plumbline-planner }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: plumbline-planner }
subjects:
  - { apiGroup: rbac.authorization.k8s.io, kind: User, name: planner }
EOF
  local out
  if ! out=$(kubectl --kubeconfig "$state/kubeconfig" --context plumbline-admin apply --server-side \
    --field-manager plumbline-cluster-sh -f "$state/rbac.yaml" 2>&1); then
    fail "applying the RBAC roles failed: $out"
  fi
}

# ---------------------------------------------------------------- start

start_etcd() {
  # A fresh store each start: tests make uniquely named objects, and namespaces deleted
  # without a controller-manager would otherwise pile up as Terminating.
  rm -rf "$state/etcd-data" "$state"/audit*.log
  # --unsafe-no-fsync: the data is disposable, and fsync on a shared disk is what makes
  # a test control plane slow.
  setsid "$bin/etcd-$ETCD_VERSION" \
    --name plumbline --data-dir "$state/etcd-data" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$etcd_peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$etcd_peer_port" \
    --initial-cluster "plumbline=http://127.0.0.1:$etcd_peer_port" \
    --unsafe-no-fsync --log-level warn \
    </dev/null >"$state/etcd.log" 2>&1 9>&- &
  echo $! >"$state/etcd.pid"
  for _ in $(seq 1 100); do
    curl -sf --max-time 2 "http://127.0.0.1:$etcd_port/health" >/dev/null 2>&1 && return
    still_running etcd || { show_log_tail "$state/etcd.log"; fail "etcd exited while starting; its log is $state/etcd.log"; }
    sleep 0.2
  done
  show_log_tail "$state/etcd.log"
  fail "etcd did not become healthy within 20 s; its log is $state/etcd.log"
}

start_apiserver() {
  # ServiceAccount admission is off: without a controller-manager no namespace gets its
  # `default` ServiceAccount, and the plugin would reject every Pod.
  # No endpoint reconciler: it publishes --advertise-address as the endpoint of the
  # `kubernetes` Service, which may not be a loopback address (Kubernetes 1.37 refuses to
  # start with one; older versions failed at every reconcile). The Service itself remains.
  # An audit log of every request as it arrives (metadata only, never a body): tests count
  # plumbline's requests from the server's side with it.
  printf 'apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [ResponseStarted, ResponseComplete, Panic]\nrules:\n  - level: Metadata\n' >"$state/audit-policy.yaml"
  setsid "$bin/kube-apiserver-$version" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$apiserver_port" \
    --etcd-servers "http://127.0.0.1:$etcd_port" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --token-auth-file "$state/tokens.csv" \
    --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range "$service_cidr" --endpoint-reconciler-type none \
    --disable-admission-plugins ServiceAccount \
    --cert-dir "$state/apiserver-certs" \
    --audit-policy-file "$state/audit-policy.yaml" --audit-log-path "$state/audit.log" \
    --audit-log-maxsize 100 --audit-log-maxbackup 1 \
    </dev/null >"$state/kube-apiserver.log" 2>&1 9>&- &
  echo $! >"$state/kube-apiserver.pid"
  echo "$apiserver_port" >"$state/apiserver.port"
  local deadline=$((SECONDS + ready_timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! still_running kube-apiserver; then
      show_log_tail "$state/kube-apiserver.log"
      fail "kube-apiserver exited while starting; its log is $state/kube-apiserver.log"
    fi
    healthy && return
    sleep 0.3
  done
  show_log_tail "$state/kube-apiserver.log"
  fail "kube-apiserver was not ready within $ready_timeout s (PLUMBLINE_APISERVER_TIMEOUT); its log is $state/kube-apiserver.log"
}

check_disk() {
  local avail_kb
  avail_kb=$(df -Pk "$state" | awk 'NR==2 {print $4}')
  if [ "${avail_kb:-0}" -lt 512000 ]; then
    fail "less than 500 MB free under $state ($((avail_kb / 1024)) MB); etcd needs room for its data. Free space or set PLUMBLINE_CACHE to a larger disk."
  fi
}

# The process ids among the holds that still run (dead holders' holds are dropped).
live_holds() {
  for file in "$state"/holds/*; do
    [ -e "$file" ] || continue
    if [ -d "/proc/$(basename "$file")" ]; then basename "$file"; else rm -f "$file"; fi
  done
}

# True when a running process's binary was replaced since it started (a rebuild).
outdated() {
  local pid
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
  readlink "/proc/$pid/exe" 2>/dev/null | grep -q ' (deleted)$'
}

up() {
  local hold="${1:-}"
  mkdir -p "$state/holds"
  if healthy && { outdated kube-apiserver || outdated etcd; } && [ -z "$(live_holds)" ]; then
    log "the running control plane uses binaries rebuilt since it started; restarting it"
    stop_process kube-apiserver
    stop_process etcd
  fi
  if healthy; then
    # Someone asking by hand wants it to stay up after the tests that started it end.
    [ -n "$hold" ] || rm -f "$state/started-by-holder"
    log "Kubernetes $version control plane already running at https://127.0.0.1:$(cat "$state/apiserver.port") (reused)"
  else
    local start=$SECONDS
    check_disk
    ensure_binaries
    ensure_pki
    ensure_tokens
    stop_process kube-apiserver
    stop_process etcd
    check_port "$etcd_port" PLUMBLINE_ETCD_PORT "etcd clients"
    check_port "$etcd_peer_port" PLUMBLINE_ETCD_PEER_PORT "etcd peers"
    check_port "$apiserver_port" PLUMBLINE_APISERVER_PORT "kube-apiserver"
    # A failed start leaves nothing running behind it.
    trap 'stop_process kube-apiserver; stop_process etcd' EXIT
    start_etcd
    start_apiserver
    write_kubeconfig "$apiserver_port"
    apply_rbac
    trap - EXIT
    if [ -n "$hold" ]; then touch "$state/started-by-holder"; else rm -f "$state/started-by-holder"; fi
    log "Kubernetes $version control plane ready at https://127.0.0.1:$apiserver_port in $((SECONDS - start)) s (logs: $state/*.log)"
  fi
  [ -z "$hold" ] || echo "$hold" >"$state/holds/$hold"
  log "use it with: export KUBECONFIG=$state/kubeconfig   (contexts: plumbline-admin, plumbline-planner, plumbline-reader)"
  print_env
}

down() {
  stop_process kube-apiserver
  stop_process etcd
  rm -rf "$state/holds" "$state/started-by-holder" "$state/apiserver.port"
  log "Kubernetes $version control plane stopped"
}

# A hold is a pid; holds whose process is gone no longer count.
release() {
  local hold="$1"
  rm -f "$state/holds/$hold"
  local holders
  holders=$(live_holds)
  if [ -n "$holders" ]; then
    log "control plane kept running: still held by process $(echo "$holders" | tr '\n' ' ')"
    return
  fi
  if [ -f "$state/started-by-holder" ]; then down; else log "control plane kept running: it was started by hand"; fi
}

status() {
  if healthy; then
    echo "running: Kubernetes $version at https://127.0.0.1:$(cat "$state/apiserver.port") (kube-apiserver pid $(cat "$state/kube-apiserver.pid"), etcd pid $(cat "$state/etcd.pid")); KUBECONFIG=$state/kubeconfig"
  elif pid_alive kube-apiserver || pid_alive etcd; then
    echo "unhealthy: processes are running but /readyz does not answer; see $state/kube-apiserver.log"
    return 1
  else
    echo "not running"
    return 1
  fi
}

# ---------------------------------------------------------------- main

command="${1:-}"
[ "$#" -eq 0 ] || shift
usage="usage: $0 up [--kubernetes VERSION] [--hold ID] | down | release ID | status | env  (each with [--kubernetes VERSION]; versions: $KUBERNETES_VERSIONS)"
hold="" release_id="" requested="$KUBERNETES_VERSION"
while [ "$#" -gt 0 ]; do
  case "$1" in
    --kubernetes)
      [ -n "${2:-}" ] || fail "--kubernetes needs a version (one of: $KUBERNETES_VERSIONS)"
      requested="$2"; shift 2 ;;
    --hold)
      [ "$command" = up ] || fail "$usage"
      [ -n "${2:-}" ] || fail "up --hold needs an id"
      hold="$2"; shift 2 ;;
    -*) fail "$usage" ;;
    *)
      [ "$command" = release ] && [ -z "$release_id" ] || fail "$usage"
      release_id="$1"; shift ;;
  esac
done
select_version "$requested"
mkdir -p "$state"
# One command at a time per control plane: concurrent test runs share it.
exec 9>"$state/.lock"
flock 9
case "$command" in
  up) up "$hold" ;;
  down) down ;;
  release) [ -n "$release_id" ] || fail "release needs the id given to up --hold"; release "$release_id" ;;
  status) status ;;
  env) print_env ;;
  *) fail "$usage" ;;
esac
