#!/usr/bin/env bash
# Real chart servers on loopback for plumbline's tests: Helm chart repositories over HTTP
# and HTTPS (nginx serving folders the tests fill, as GitHub Pages or any static host
# serves index.yaml and .tgz files) and OCI registries (the CNCF distribution registry,
# built from its Go module by build-infra.sh).
#
#   chart-servers.sh up [--hold ID]   start (or reuse) them; prints `export NAME=...` lines
#                                     (ID: the holder's pid, or PID-TAG)
#   chart-servers.sh down             stop them
#   chart-servers.sh release ID       drop the hold ID; stop them if a holder started them
#                                     and no live holder remains (test runs share them)
#   chart-servers.sh status           say whether they run (exit 0) or not (exit 1)
#   chart-servers.sh env              print the `export` lines for eval
#
# nginx (one process, all on 127.0.0.1):
#   http://127.0.0.1:$HTTP_PORT  and  https://127.0.0.1:$HTTPS_PORT (test CA) both serve
#     /public/...     files of $PLUMBLINE_CHARTS_PUBLIC_DIR, no auth
#     /private/...    files of $PLUMBLINE_CHARTS_PRIVATE_DIR, HTTP basic auth (user plumbline)
#     /limited/R/...  files of $PLUMBLINE_CHARTS_PUBLIC_DIR/R, at most 1 request a second per
#                     folder R; more answer 429 with Retry-After: 1
#     /status/503/... /status/500/... /status/429/...  always that status (429: Retry-After: 1)
#   https://127.0.0.1:$OCI_503_PORT, https://127.0.0.1:$OCI_429_PORT: every path (/v2/...)
#     answers 503, or 429 with Retry-After: 1: registries that are down or rate limiting.
#   http://127.0.0.1:$REGISTRY_PLAIN_PORT: the registry without auth over plain HTTP (a
#     proxy to it), for `helm --plain-http` and Helm versions that use HTTP on loopback.
#   Every request is one JSON line in $PLUMBLINE_CHARTS_ACCESS_LOG (tests count them).
# distribution registries (TLS with the test CA, storage wiped at each start):
#   127.0.0.1:$REGISTRY_PORT       htpasswd (bcrypt) auth, the same user and password
#   127.0.0.1:$REGISTRY_ANON_PORT  no auth
#   Each writes one combined-format line per request to its access log.
#
# Progress and errors go to stderr; stdout carries only the `export` lines.
# State lives in ${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}/chart-servers.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
# The default when versions.env does not pin it.
: "${REGISTRY_VERSION:=v3.1.2}"

cache="${PLUMBLINE_CACHE:-$HOME/.cache/plumbline}"
bin="$cache/bin"
state="$cache/chart-servers"
pki="$state/pki"
served="$state/served"
registry_bin="${PLUMBLINE_REGISTRY_BIN:-$bin/registry-$REGISTRY_VERSION}"
nginx_bin="${PLUMBLINE_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
http_port="${PLUMBLINE_CHARTS_HTTP_PORT:-18080}"
https_port="${PLUMBLINE_CHARTS_HTTPS_PORT:-18443}"
registry_port="${PLUMBLINE_REGISTRY_PORT:-15000}"
registry_anon_port="${PLUMBLINE_REGISTRY_ANON_PORT:-15001}"
oci_503_port="${PLUMBLINE_OCI_503_PORT:-15503}"
oci_429_port="${PLUMBLINE_OCI_429_PORT:-15429}"
registry_plain_port="${PLUMBLINE_REGISTRY_PLAIN_PORT:-15002}"
user=plumbline

log() { echo "chart-servers: $*" >&2; }
fail() { echo "chart-servers: $*" >&2; exit 1; }

# ---------------------------------------------------------------- process helpers

# pid_alive NAME: true when state/NAME.pid names a live process running the binary
# recorded in state/NAME.exe (guards against a recycled pid; nginx rewrites its command
# line, so the executable is what is compared).
pid_alive() {
  local pid exe
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] || return 1
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  [ "${exe% (deleted)}" = "$(cat "$state/$1.exe" 2>/dev/null)" ]
}

# still_running NAME: true while the process just started as NAME has not exited (until
# the forked shell has exec'd the binary, its executable is still bash).
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
  # nginx: TERM is a fast shutdown of the master and its workers.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    exited "$pid" && break
    sleep 0.05
  done
  if ! exited "$pid"; then
    log "$name (pid $pid) did not stop within 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while ! exited "$pid"; do sleep 0.05; done
  fi
  rm -f "$file"
}

# exited PID: the process is gone or a zombie (its sockets are closed; whoever adopted it
# may take seconds to reap it).
exited() {
  local process_state
  process_state=$(sed -n 's/^[0-9]* ([^)]*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 0
  [ -z "$process_state" ] || [ "$process_state" = Z ]
}

# True when a running process's binary was replaced since it started (a rebuild).
outdated() {
  local pid
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
  readlink "/proc/$pid/exe" 2>/dev/null | grep -q ' (deleted)$'
}

port_in_use() {
  ss -Htln "sport = :$1" 2>/dev/null | grep -q .
}

check_port() {
  local port="$1" variable="$2" what="$3"
  if port_in_use "$port"; then
    fail "port $port ($what) is already in use on this machine. Stop what listens there (ss -tlnp 'sport = :$port') or pick another port: $variable=<free port> $0 up"
  fi
}

show_log_tail() {
  echo "----- last lines of $1 -----" >&2
  tail -n 25 "$1" >&2 || true
  echo "-----" >&2
}

# The ports of the running servers (written at start; `env` and `status` read them).
load_ports() {
  # shellcheck source=/dev/null
  [ -f "$state/ports" ] && source "$state/ports"
}

healthy() {
  pid_alive nginx && pid_alive registry && pid_alive registry-anon || return 1
  load_ports || return 1
  curl -sf --max-time 3 "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1 &&
    curl -sf --max-time 3 --cacert "$pki/ca.crt" "https://127.0.0.1:$https_port/healthz" >/dev/null 2>&1 &&
    curl -sf --max-time 3 --cacert "$pki/ca.crt" "https://127.0.0.1:$registry_port/" >/dev/null 2>&1 &&
    curl -sf --max-time 3 --cacert "$pki/ca.crt" "https://127.0.0.1:$registry_anon_port/" >/dev/null 2>&1 &&
    curl -sf --max-time 3 "http://127.0.0.1:$registry_plain_port/healthz" >/dev/null 2>&1
}

print_env() {
  load_ports || true
  cat <<EOF
export PLUMBLINE_CHARTS_HTTP_URL='http://127.0.0.1:$http_port'
export PLUMBLINE_CHARTS_HTTPS_URL='https://127.0.0.1:$https_port'
export PLUMBLINE_CHARTS_PUBLIC_DIR='$served/public'
export PLUMBLINE_CHARTS_PRIVATE_DIR='$served/private'
export PLUMBLINE_CHARTS_CA_FILE='$pki/ca.crt'
export PLUMBLINE_CHARTS_USER='$user'
export PLUMBLINE_CHARTS_PASSWORD_FILE='$state/password'
export PLUMBLINE_CHARTS_ACCESS_LOG='$state/access.log'
export PLUMBLINE_OCI_REGISTRY='127.0.0.1:$registry_port'
export PLUMBLINE_OCI_REGISTRY_ACCESS_LOG='$state/registry-access.log'
export PLUMBLINE_OCI_REGISTRY_ANON='127.0.0.1:$registry_anon_port'
export PLUMBLINE_OCI_REGISTRY_ANON_ACCESS_LOG='$state/registry-anon-access.log'
export PLUMBLINE_OCI_REGISTRY_PLAIN_HTTP='127.0.0.1:$registry_plain_port'
export PLUMBLINE_OCI_REGISTRY_503='127.0.0.1:$oci_503_port'
export PLUMBLINE_OCI_REGISTRY_429='127.0.0.1:$oci_429_port'
EOF
}

# ---------------------------------------------------------------- one-time material

ensure_binaries() {
  if [ ! -x "$registry_bin" ]; then
    if [ -z "${PLUMBLINE_REGISTRY_BIN:-}" ]; then bash "$here/build-infra.sh" registry >/dev/null; fi
    [ -x "$registry_bin" ] || fail "the distribution registry $registry_bin is missing: build it with \`bash scripts/build-infra.sh registry\`, or point PLUMBLINE_REGISTRY_BIN at a registry binary (github.com/distribution/distribution/v3/cmd/registry)."
  fi
  [ -x "$nginx_bin" ] || fail "nginx is not installed (looked for $nginx_bin); it serves the test chart repositories (apt-get install nginx), or point PLUMBLINE_NGINX at an nginx binary."
}

ensure_pki() {
  [ -f "$pki/server.crt" ] && return
  command -v openssl >/dev/null || fail "openssl is not installed; it creates the chart servers' certificates (apt-get install openssl)."
  log "creating the test CA and server certificate in $pki (first time only)"
  rm -rf "$pki"; mkdir -p "$pki"
  (
    cd "$pki"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
      -subj "/CN=plumbline-chart-servers-test-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
      -subj "/CN=localhost" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
      -out server.crt.tmp -days 3650 -extfile server.ext 2>/dev/null
    rm -f server.csr server.ext
    mv server.crt.tmp server.crt
  ) || fail "openssl could not create the certificates in $pki"
}

# One user, one random password made once; bcrypt because distribution accepts nothing
# else (nginx checks it with the system's crypt(3), which knows bcrypt).
ensure_credentials() {
  [ -f "$state/htpasswd" ] && [ -f "$state/password" ] && return
  command -v htpasswd >/dev/null || fail "htpasswd is not installed; it writes the test users' bcrypt password file (apt-get install apache2-utils)."
  local password
  password=$(openssl rand -hex 16)
  (
    umask 077
    printf '%s\n' "$password" >"$state/password.tmp"
    htpasswd -B -b -c "$state/htpasswd.tmp" "$user" "$password" 2>/dev/null
  ) || fail "htpasswd could not write $state/htpasswd"
  mv "$state/htpasswd.tmp" "$state/htpasswd"
  mv "$state/password.tmp" "$state/password"
}

# ---------------------------------------------------------------- configuration

write_nginx_conf() {
  local conf="$1" user_line=""
  # As root nginx would run its workers as nobody, who cannot read the state folder.
  [ "$(id -u)" != 0 ] || user_line="user root root;"
  cat >"$conf" <<EOF
# Written by scripts/chart-servers.sh; rewritten at each start.
$user_line
worker_processes 1;
daemon off;
pid $state/nginx/nginx.pid;
error_log $state/nginx-error.log warn;
events { worker_connections 512; }
http {
  types {
    text/yaml yaml yml;
    application/gzip tgz gz;
    application/json json;
    text/plain txt prov;
  }
  default_type application/octet-stream;
  client_body_temp_path $state/nginx/tmp/body;
  proxy_temp_path $state/nginx/tmp/proxy;
  fastcgi_temp_path $state/nginx/tmp/fastcgi;
  uwsgi_temp_path $state/nginx/tmp/uwsgi;
  scgi_temp_path $state/nginx/tmp/scgi;
  server_tokens off;
  sendfile on;
  keepalive_timeout 10s;
  ssl_certificate $pki/server.crt;
  ssl_certificate_key $pki/server.key;

  # One JSON object a line: server is which listener (http, https, oci-503, oci-429),
  # user the basic-auth user the client sent (right password or not).
  log_format plumbline escape=json '{"time":"\$time_iso8601","msec":\$msec,"server":"\$plumbline_server",'
    '"method":"\$request_method","uri":"\$request_uri","status":\$status,"user":"\$remote_user",'
    '"bytes":\$body_bytes_sent,"agent":"\$http_user_agent"}';
  access_log $state/access.log plumbline;

  map \$status \$retry_after { 429 1; default ""; }
  add_header Retry-After \$retry_after always;

  # /limited/R/...: one request a second per folder R, the rest 429.
  map \$uri \$limited_folder { ~^/limited/(?<folder>[^/]+)/ \$folder; default ""; }
  limit_req_zone \$limited_folder zone=limited:1m rate=1r/s;
  limit_req_status 429;
  limit_req_log_level info;

  server {
    listen 127.0.0.1:$http_port;
    set \$plumbline_server http;
    include $state/nginx/repositories.conf;
  }
  server {
    listen 127.0.0.1:$https_port ssl;
    set \$plumbline_server https;
    include $state/nginx/repositories.conf;
  }
  server {
    listen 127.0.0.1:$oci_503_port ssl;
    set \$plumbline_server oci-503;
    location / { return 503; }
  }
  server {
    listen 127.0.0.1:$oci_429_port ssl;
    set \$plumbline_server oci-429;
    location / { return 429; }
  }
  # The registry without auth over plain HTTP. Forwarded headers make it write http://
  # URLs of this port (upload locations); bodies stream through unbuffered.
  server {
    listen 127.0.0.1:$registry_plain_port;
    set \$plumbline_server oci-plain-http;
    client_max_body_size 0;
    proxy_request_buffering off;
    proxy_buffering off;
    proxy_http_version 1.1;
    location = /healthz { access_log off; default_type text/plain; return 200 "ok\n"; }
    location / {
      proxy_pass https://127.0.0.1:$registry_anon_port;
      proxy_ssl_trusted_certificate $pki/ca.crt;
      proxy_ssl_verify on;
      proxy_ssl_name localhost;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-Proto http;
      proxy_set_header X-Forwarded-Host \$http_host;
    }
  }
}
EOF
  cat >"$state/nginx/repositories.conf.tmp" <<EOF
location = /healthz { access_log off; default_type text/plain; return 200 "ok\n"; }
location /public/ { root $served; }
location /private/ {
  root $served;
  auth_basic "plumbline test charts";
  auth_basic_user_file $state/htpasswd;
}
location /limited/ {
  limit_req zone=limited;
  alias $served/public/;
}
location /status/503/ { return 503; }
location /status/500/ { return 500; }
location /status/429/ { return 429; }
location / { return 404; }
EOF
}

write_registry_conf() {
  local conf="$1" name="$2" port="$3" auth="$4" secret
  secret=$(cat "$state/registry-secret")
  cat >"$conf" <<EOF
# Written by scripts/chart-servers.sh; rewritten at each start.
version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: false
storage:
  filesystem:
    rootdirectory: $state/$name-data
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  secret: $secret
  tls:
    certificate: $pki/server.crt
    key: $pki/server.key
  headers:
    X-Content-Type-Options: [nosniff]
EOF
  if [ "$auth" = yes ]; then
    cat >>"$conf" <<EOF
auth:
  htpasswd:
    realm: plumbline-test-registry
    path: $state/htpasswd
EOF
  fi
}

# Writes every configuration to *.new; `configs_changed` compares with the running ones.
write_configs() {
  mkdir -p "$state/nginx/tmp"
  [ -f "$state/registry-secret" ] || (umask 077; openssl rand -hex 24 >"$state/registry-secret")
  write_nginx_conf "$state/nginx/nginx.conf.new"
  mv "$state/nginx/repositories.conf.tmp" "$state/nginx/repositories.conf.new"
  write_registry_conf "$state/registry.yml.new" registry "$registry_port" yes
  write_registry_conf "$state/registry-anon.yml.new" registry-anon "$registry_anon_port" no
  cat >"$state/ports.new" <<EOF
http_port=$http_port
https_port=$https_port
registry_port=$registry_port
registry_anon_port=$registry_anon_port
oci_503_port=$oci_503_port
oci_429_port=$oci_429_port
registry_plain_port=$registry_plain_port
EOF
}

config_files=(nginx/nginx.conf nginx/repositories.conf registry.yml registry-anon.yml ports)

configs_changed() {
  local f
  for f in "${config_files[@]}"; do cmp -s "$state/$f" "$state/$f.new" || return 0; done
  return 1
}

install_configs() {
  local f
  for f in "${config_files[@]}"; do mv "$state/$f.new" "$state/$f"; done
}

# ---------------------------------------------------------------- start

# start NAME LOG BINARY ARGS...: starts a server in its own session, stdout to LOG (the
# registries' access lines) and stderr to NAME.log.
start() {
  local name="$1" out="$2" exe="$3"; shift 3
  realpath "$exe" >"$state/$name.exe"
  # No tracing: distribution would otherwise try to export spans to localhost:4318.
  OTEL_TRACES_EXPORTER=none OTEL_SDK_DISABLED=true \
    setsid "$exe" "$@" </dev/null >>"$out" 2>>"$state/$name.log" 9>&- &
  echo $! >"$state/$name.pid"
}

wait_ready() {
  local name="$1" url="$2" logfile="$3"
  for _ in $(seq 1 100); do
    curl -sf --max-time 2 --cacert "$pki/ca.crt" "$url" >/dev/null 2>&1 && return
    still_running "$name" || { show_log_tail "$logfile"; fail "$name exited while starting; its log is $logfile"; }
    sleep 0.1
  done
  show_log_tail "$logfile"
  fail "$name did not answer $url within 10 s; its log is $logfile"
}

start_all() {
  # Fresh content each start: tests publish uniquely named charts, and nobody holds the
  # servers now.
  rm -rf "$served" "$state/registry-data" "$state/registry-anon-data"
  mkdir -p "$served/public" "$served/private"
  rm -f "$state"/*.log
  : >"$state/access.log"
  check_port "$http_port" PLUMBLINE_CHARTS_HTTP_PORT "chart repository, HTTP"
  check_port "$https_port" PLUMBLINE_CHARTS_HTTPS_PORT "chart repository, HTTPS"
  check_port "$registry_port" PLUMBLINE_REGISTRY_PORT "OCI registry"
  check_port "$registry_anon_port" PLUMBLINE_REGISTRY_ANON_PORT "OCI registry without auth"
  check_port "$oci_503_port" PLUMBLINE_OCI_503_PORT "OCI endpoint answering 503"
  check_port "$oci_429_port" PLUMBLINE_OCI_429_PORT "OCI endpoint answering 429"
  check_port "$registry_plain_port" PLUMBLINE_REGISTRY_PLAIN_PORT "OCI registry over plain HTTP"
  local errors
  if ! errors=$("$nginx_bin" -t -q -p "$state/nginx/" -e "$state/nginx-error.log" -c "$state/nginx/nginx.conf" 2>&1); then
    fail "nginx rejects $state/nginx/nginx.conf: $errors"
  fi
  start nginx "$state/nginx.log" "$nginx_bin" -p "$state/nginx/" -e "$state/nginx-error.log" -c "$state/nginx/nginx.conf"
  start registry "$state/registry-access.log" "$registry_bin" serve "$state/registry.yml"
  start registry-anon "$state/registry-anon-access.log" "$registry_bin" serve "$state/registry-anon.yml"
  # nginx reports its start-up errors (a port taken meanwhile, say) in its error log.
  wait_ready nginx "http://127.0.0.1:$http_port/healthz" "$state/nginx-error.log"
  wait_ready registry "https://127.0.0.1:$registry_port/" "$state/registry.log"
  wait_ready registry-anon "https://127.0.0.1:$registry_anon_port/" "$state/registry-anon.log"
  wait_ready nginx "http://127.0.0.1:$registry_plain_port/v2/" "$state/nginx-error.log"
}

stop_all() {
  stop_process nginx
  stop_process registry
  stop_process registry-anon
}

# The holds whose process still runs (dead holders' holds are dropped). A hold is a pid,
# or PID-TAG when one process holds several times (vitest projects of one run).
live_holds() {
  local file hold
  for file in "$state"/holds/*; do
    [ -e "$file" ] || continue
    hold=$(basename "$file")
    if [ -d "/proc/${hold%%-*}" ]; then echo "$hold"; else rm -f "$file"; fi
  done
}

up() {
  local hold="${1:-}"
  mkdir -p "$state/holds"
  ensure_binaries
  ensure_pki
  ensure_credentials
  write_configs
  if healthy && [ -z "$(live_holds)" ]; then
    if outdated nginx || outdated registry || outdated registry-anon; then
      log "the running servers use binaries replaced since they started; restarting them"
      stop_all
    elif configs_changed; then
      log "the running servers' configuration differs from this script's; restarting them"
      stop_all
    fi
  fi
  if healthy; then
    [ -n "$hold" ] || rm -f "$state/started-by-holder"
    configs_changed && log "warning: the running servers' configuration differs from this script's; they are kept because other runs hold them"
    log "chart servers already running (reused)"
  else
    local start=$SECONDS
    stop_all
    install_configs
    load_ports
    # A failed start leaves nothing running behind it.
    trap stop_all EXIT
    start_all
    trap - EXIT
    if [ -n "$hold" ]; then touch "$state/started-by-holder"; else rm -f "$state/started-by-holder"; fi
    log "chart servers ready in $((SECONDS - start)) s (logs: $state/*.log)"
  fi
  rm -f "$state"/*.new "$state"/nginx/*.new
  [ -z "$hold" ] || echo "$hold" >"$state/holds/$hold"
  log "repositories http://127.0.0.1:$http_port/{public,private,limited}/, registries 127.0.0.1:$registry_port (user $user, password in $state/password), 127.0.0.1:$registry_anon_port and http 127.0.0.1:$registry_plain_port; CA $pki/ca.crt"
  print_env
}

down() {
  stop_all
  rm -rf "$state/holds" "$state/started-by-holder"
  log "chart servers stopped"
}

# Holds whose process is gone no longer count.
release() {
  local hold="$1"
  rm -f "$state/holds/$hold"
  local holders
  holders=$(live_holds)
  if [ -n "$holders" ]; then
    log "chart servers kept running: still held by process $(echo "$holders" | tr '\n' ' ')"
    return
  fi
  if [ -f "$state/started-by-holder" ]; then down; else log "chart servers kept running: they were started by hand"; fi
}

status() {
  if healthy; then
    echo "running: http://127.0.0.1:$http_port, https://127.0.0.1:$https_port (nginx pid $(cat "$state/nginx.pid")), registries 127.0.0.1:$registry_port (pid $(cat "$state/registry.pid")) and 127.0.0.1:$registry_anon_port (pid $(cat "$state/registry-anon.pid"), plain HTTP on 127.0.0.1:$registry_plain_port)"
  elif pid_alive nginx || pid_alive registry || pid_alive registry-anon; then
    echo "unhealthy: some processes run but do not answer; see $state/*.log"
    return 1
  else
    echo "not running"
    return 1
  fi
}

# ---------------------------------------------------------------- main

command="${1:-}"
mkdir -p "$state"
# One command at a time: concurrent test runs share the servers.
exec 9>"$state/.lock"
flock 9
case "$command" in
  up)
    if [ "${2:-}" = --hold ]; then
      [[ "${3:-}" =~ ^[0-9]+(-[A-Za-z0-9_.]+)?$ ]] || fail "up --hold needs an id: a process id, or PID-TAG"
      up "$3"
    else up; fi ;;
  down) down ;;
  release)
    [[ "${2:-}" =~ ^[0-9]+(-[A-Za-z0-9_.]+)?$ ]] || fail "release needs the id given to up --hold"
    release "$2" ;;
  status) status ;;
  env) print_env ;;
  *) fail "usage: $0 up [--hold ID] | down | release ID | status | env" ;;
esac
