#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started, by its pid files under deploy/local/run/pids/:
# TERM, then KILL after FANGPIN_STOP_TIMEOUT seconds (default 30). The embedded PostgreSQL is
# stopped with pg_ctl. A PostgreSQL that up.sh only reused has no pid file and is never touched.
#
# Usage: deploy/local/down.sh [--purge]
#   --purge  also delete deploy/local/run/ (logs, Kafka data, embedded PostgreSQL data) and, when up.sh
#            reused a PostgreSQL server instead of its embedded one, drop the stack's databases there
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STOP_TIMEOUT=${FANGPIN_STOP_TIMEOUT:-30}

PURGE=false
for arg in "$@"; do
  case $arg in
    --purge) PURGE=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

stop_process() {
  local name=$1 pid waited=0
  if [[ $name == postgres ]]; then
    pid=$(running_pid postgres) || return 1
    "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -m fast -t "$STOP_TIMEOUT" -w stop >/dev/null
    log "stopped embedded PostgreSQL (pid $pid)"
    return 0
  fi
  pid=$(running_pid "$name") || return 1
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT)); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    log "stopped $name (pid $pid, killed after ${STOP_TIMEOUT}s)"
  else
    log "stopped $name (pid $pid)"
  fi
}

stopped=0
for ((i = ${#PROCESSES[@]} - 1; i >= 0; i--)); do
  name=${PROCESSES[i]}
  file=$(pid_file "$name")
  [[ -e $file ]] || continue
  if stop_process "$name"; then
    stopped=$((stopped + 1))
  else
    log "$name was not running (stale pid file removed)"
  fi
  rm -f "$file"
done
log "$stopped process(es) stopped"

# The event stores must go with the Kafka topics: services that kept theirs would never publish their events again.
drop_reused_databases() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0   # the embedded server's data directory goes with run/
  pg_answers || { log "PostgreSQL on 127.0.0.1:$PG_PORT does not answer: its databases were left as they are"; return 0; }
  command -v psql >/dev/null || die "psql not found: cannot drop the stack's databases on 127.0.0.1:$PG_PORT"
  local db
  for db in "${DATABASES[@]}"; do
    PGOPTIONS='-c client_min_messages=warning' psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
  log "dropped the databases ${DATABASES[*]} on 127.0.0.1:$PG_PORT"
}

if [[ $PURGE == true ]]; then
  drop_reused_databases
  rm -rf "$RUN_DIR"
  log "removed $RUN_DIR"
fi
