# Shared settings and helpers for up.sh and down.sh (sourced, not run).
# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$LOCAL_DIR/../.." && pwd)          # the Maven project root, whatever the caller's cwd
VERSION=0.1.0-SNAPSHOT                         # the project version, as in the root pom.xml
RUN_DIR=$LOCAL_DIR/run                         # everything generated: logs, pid files, data
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids

PG_PORT=${FANGPIN_PG_PORT:-5432}
KAFKA_PORT=${FANGPIN_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${FANGPIN_KAFKA_CONTROLLER_PORT:-9093}
ISSUER_PORT=${FANGPIN_ISSUER_PORT:-9000}
KEYCLOAK_PORT=${FANGPIN_KEYCLOAK_PORT:-8180}
GATEWAY_PORT=${FANGPIN_GATEWAY_PORT:-8080}
REDIS_PORT=${FANGPIN_REDIS_PORT:-6379}

# The embedded PostgreSQL (non-root machines without a server) lives here.
PG_DIST=$RUN_DIR/postgres      # unpacked binaries: bin/ lib/ share/
PG_DATA=$RUN_DIR/pgdata
DATABASES=(fangpin_identification fangpin_monitoring fangpin_assistance fangpin_timeline)
KAFKA_DIR=$RUN_DIR/kafka
# Redis keeps only the gateways' rate-limit buckets, in memory (ADR 0043); its working directory is here.
REDIS_DIR=$RUN_DIR/redis

# Shared by the gateway and the services: the gateway signs each request it routes (ADR 0014).
GATEWAY_SECRET_FILE=$RUN_DIR/gateway-secret
EVIDENCE_KEY_FILE=$RUN_DIR/evidence-key
IMPORT_KEY_FILE=$RUN_DIR/import-key

# The identity provider: Keycloak (default) or the light development issuer (up.sh --dev-issuer).
# up.sh records its choice here, so that token.sh asks the one that runs.
IDP_FILE=$RUN_DIR/identity-provider
KEYCLOAK_VERSION=26.4.7
KEYCLOAK_HOME=$RUN_DIR/keycloak/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_REALM_URL=http://127.0.0.1:$KEYCLOAK_PORT/realms/fangpin
# The local stack's Keycloak administrator (master realm); never use these outside this machine.
KEYCLOAK_ADMIN=admin
KEYCLOAK_ADMIN_PASSWORD=${FANGPIN_KEYCLOAK_ADMIN_PASSWORD:-admin}

# Services behind the gateway: module name, port, database suffix.
SERVICES=(
  "identification-service ${FANGPIN_IDENTIFICATION_PORT:-8081} identification"
  "monitoring-service ${FANGPIN_MONITORING_PORT:-8082} monitoring"
  "assistance-service ${FANGPIN_ASSISTANCE_PORT:-8083} assistance"
  "timeline-service ${FANGPIN_TIMELINE_PORT:-8084} timeline"
)

# Processes up.sh may start, in start order; down.sh stops them in reverse.
PROCESSES=(postgres kafka redis keycloak token-issuer identification-service monitoring-service
           assistance-service timeline-service gateway)

log() { printf '[fangpin] %s\n' "$*"; }
die() { printf '[fangpin] ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT"
  else
    port_open "$PG_PORT"
  fi
}

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# Every java process up.sh starts carries -Dfangpin.local.process=NAME. A pid counts as ours only
# if that marker is on its command line, so a pid reused by an unrelated process is never
# mistaken for ours (and never killed). The embedded PostgreSQL is checked by its data directory,
# Keycloak by its installation directory under run/, Redis by its working directory under run/.
process_marker() { printf 'fangpin.local.process=%s' "$1"; }

# Prints the pid recorded for NAME if that process is alive and ours; fails otherwise.
running_pid() {
  local name=$1 file pid cmdline
  file=$(pid_file "$name")
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline")
  if [[ $name == postgres ]]; then
    [[ $cmdline == *"$PG_DATA"* ]] || return 1
  elif [[ $name == redis ]]; then
    [[ $cmdline == *"$REDIS_DIR"* ]] || return 1
  elif [[ $name == keycloak ]]; then
    # kc.sh runs a while as a shell script before it execs java; both carry the installation path.
    [[ $cmdline == *"$KEYCLOAK_HOME"* ]] || return 1
  else
    [[ $cmdline == *"$(process_marker "$name")"* ]] || return 1
  fi
  printf '%s' "$pid"
}
