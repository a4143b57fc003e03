#!/usr/bin/env bash
# Outside load measurements of the stack that up.sh runs, with autocannon (npm) through the gateway.
# Usage: deploy/local/load.sh records|timeline|rebuild [--option=value ...]
#   records   one monthly record per request (what a cadre's screen sends), each from its village's officer:
#             --households=2000 (imported first when the officers' villages have fewer monitored), --officers=32
#             (villages, one officer each: the gateway limits each user to 20 requests/s, ADR 0043),
#             --connections=24 (the gateway lets FANGPIN_GATEWAY_MAX_IN_FLIGHT=200 requests be in flight to a
#             service at once; beyond that it answers 503 at once), --rate=N (requests/s in all;
#             unset: as fast as answered), --warmup=10,
#             --seconds=30. Prints the answered rate and latency, then the rate until every event was on Kafka.
#   timeline  a household's timeline of 300 entries or more, read by supervisors at --rate=200 per second,
#             straight to timeline-service (signed as the gateway would) and through the gateway, uncompressed
#             (Accept-Encoding: identity) and gzip-compressed as browsers take it, --warmup=10, --seconds=20,
#             --connections=16, by --readers=16 supervisors of the county taking turns (one user at 200/s would be
#             refused beyond the rate limit). Prints each and what the gateway adds.
# The households are imported into villages 150724213201.. of 巴彦塔拉达斡尔民族乡 (ID numbers drawn at random),
# so runs accumulate and a later run finds those of the earlier ones monitored already.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=keycloak-demo.sh
source "$(dirname "${BASH_SOURCE[0]}")/keycloak-demo.sh"

(($# >= 1)) || { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
officers=32 readers=16
for arg in "$@"; do
  [[ $arg == --officers=* ]] && officers=${arg#--officers=}
  [[ $arg == --readers=* ]] && readers=${arg#--readers=}
done

port_open "$GATEWAY_PORT" || die "the gateway does not answer on $GATEWAY_PORT (deploy/local/up.sh)"
LOAD_DIR=$LOCAL_DIR/load
[[ -d $LOAD_DIR/node_modules/autocannon ]] || (cd "$LOAD_DIR" && npm install --no-audit --no-fund --silent)

# The tokens: the county approver imports, the county's supervisors read, one officer per village records. They are made
# now (Keycloak's access tokens live 10 minutes) and handed over in a file only this user can read.
tokens=$(mktemp)
trap 'rm -f "$tokens"' EXIT
if [[ $(cat "$IDP_FILE" 2>/dev/null) == dev ]]; then
  token() { "$LOCAL_DIR/token.sh" "$1" "$2" "load-${1,,}-$2$3" 压测用户; }
else
  admin=$(kc_admin_token) || die "Keycloak does not answer on $KEYCLOAK_BASE"
  kc_ensure_demo_client "$admin" || die "no demo client"
  # The administrator's token lives a minute: a new one for each user.
  token() { kc_demo_token "$(kc_admin_token)" "load-${1,,}-$2$3" 压测用户 "$1" "$2"; }
fi
# rebuild [--rebuilds=3] [--register=N]: asks timeline-service, as a national administrator through the gateway, to
# rebuild every timeline from the topics, one rebuild after the other; each is timed by timeline-service's own record
# of the request and of the switch (GET /api/admin/timeline/actions) and divided into the entries the timeline holds.
# --register=N first registers N more households by a go-live import (two entries each) and waits until the timeline
# has recorded them.
rebuild_timelines() {
  local rebuilds=3 register=0 arg admin actions entries before i
  for arg in "$@"; do
    [[ $arg == --rebuilds=* ]] && rebuilds=${arg#--rebuilds=}
    [[ $arg == --register=* ]] && register=${arg#--register=}
  done
  admin=$(jwt ADMIN 00)
  timeline_entries() {
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d fangpin_timeline -Atc "SELECT count(*) FROM timeline_entry"
  }
  if ((register > 0)); then
    printf '{"region":"150724213","county":"%s","supervisors":[],"officers":{}}' "$(jwt COUNTY_APPROVER 150724)" \
      >"$tokens"
    FANGPIN_GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT FANGPIN_LOAD_TOKENS=$tokens \
      node "$LOAD_DIR/load.mjs" register --register="$register"
    until before=$(timeline_entries) && sleep 5 && [[ $(timeline_entries) == "$before" ]]; do :; done
  fi
  entries=$(timeline_entries)
  log "load: $rebuilds rebuilds of $entries timeline entries"
  for ((i = 1; i <= rebuilds; i++)); do
    curl -fsS -X POST -H "Authorization: Bearer $admin" "http://127.0.0.1:$GATEWAY_PORT/api/admin/timeline/rebuild" \
      >/dev/null || die "the rebuild was refused"
    until actions=$(curl -fsS -H "Authorization: Bearer $admin" \
        "http://127.0.0.1:$GATEWAY_PORT/api/admin/timeline/actions?size=2") &&
      [[ $(python3 -c 'import json,sys; print(json.load(sys.stdin)["actions"][0]["outcome"])' <<<"$actions") == DONE ]]; do
      sleep 0.5
    done
    python3 -c '
import json, sys
from datetime import datetime
done, accepted = json.load(sys.stdin)["actions"][:2]
seconds = (datetime.fromisoformat(done["requestedAt"]) - datetime.fromisoformat(accepted["requestedAt"])).total_seconds()
print(f"rebuild {sys.argv[1]}: {int(sys.argv[2]):,} entries in {seconds:.1f} s = {int(sys.argv[2]) / seconds:,.0f} events/s")
' "$i" "$entries" <<<"$actions"
  done
}

# jwt ROLE REGION [SUFFIX]: a token of user load-<role>-<region><suffix>.
jwt() {
  local value
  value=$(token "$1" "$2" "${3:-}") && [[ $value =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] ||
    die "no token for $1 $2"
  printf '%s' "$value"
}
if [[ $1 == rebuild ]]; then
  rebuild_timelines "$@"
  exit
fi
log "load: tokens for $officers village officers, a county approver and $readers supervisors"
county=$(jwt COUNTY_APPROVER 150724)
supervisors=""
for ((i = 1; i <= readers; i++)); do
  supervisor=$(jwt SUPERVISOR 150724 "-$i")
  supervisors+="${supervisors:+,}\"$supervisor\""
done
officer_tokens=""
for ((i = 1; i <= officers; i++)); do
  village=$(printf '150724213%03d' $((200 + i)))
  officer=$(jwt VILLAGE_OFFICER "$village")
  officer_tokens+="${officer_tokens:+,}\"$village\":\"$officer\""
done
printf '{"region":"150724213","county":"%s","supervisors":[%s],"officers":{%s}}' \
  "$county" "$supervisors" "$officer_tokens" >"$tokens"

pids=()
for name in "${PROCESSES[@]}"; do
  [[ $name == postgres ]] && continue  # counted with every other PostgreSQL process
  pid=$(running_pid "$name") && pids+=("$name=$pid")
done
service_port() { local entry m p d; for entry in "${SERVICES[@]}"; do read -r m p d <<<"$entry"; [[ $m == "$1" ]] && echo "$p"; done; }
FANGPIN_GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT FANGPIN_LOAD_TOKENS=$tokens FANGPIN_LOAD_PIDS="${pids[*]}" \
  FANGPIN_GATEWAY_SECRET=$(<"$GATEWAY_SECRET_FILE") \
  FANGPIN_MONITORING_URL=http://127.0.0.1:$(service_port monitoring-service) \
  FANGPIN_TIMELINE_URL=http://127.0.0.1:$(service_port timeline-service) \
  node "$LOAD_DIR/load.mjs" "$@"
