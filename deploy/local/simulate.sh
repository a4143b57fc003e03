#!/usr/bin/env bash
# Runs the county simulator (the simulator module) against the stack deploy/local/up.sh started: one month of a real
# county's work through the gateway, with its figures printed (per operation count, throughput, p50/p99, errors; the
# commit-to-timeline lag; each service's CPU and heap). Builds the simulator's jar if it is missing.
#
# Usage: deploy/local/simulate.sh [--seed N] [--households-per-village N] [--concurrency N] [--department-rows N]
#                                 [--county CODE] [--monitored-share F] [--lead-share F] [--department-hit-share F]
#                                 [--lag-every N] [--lag-probers N] [--go-live-import true]
#                                 [--gateway URL] [--keycloak URL]
#                                 [--service NAME=URL ...]
#   --seed N                    the county drawn: same seed, same households and files [1]. A stack that has seen
#                               a seed has registered its people: use a seed with another last digit, or
#                               deploy/local/down.sh --purge and up.sh again
#   --households-per-village N  registered households in each of the county's villages [30]
#   --concurrency N             requests in flight (a fixed pool of threads) [16]
#   --department-rows N         rows of the medical insurance office's file [100000]; 1000000 is possible
#   --county CODE               a county with a resource divisions/CODE.csv [150724]
#                               (add one with simulator/scripts/extract-county.sh CODE)
#   --monitored-share F         share of the households monitored [0.04]
#   --lag-every N               one write in N is followed to the timeline [10]
#   --go-live-import true       the households nothing happens to this month come in go-live import files
#                               (存量导入, 20,000 rows a file) as a county's existing register does; the others are
#                               registered one by one [false: all one by one]; for a county of full size
# Environment: FANGPIN_SIMULATOR_JAVA_OPTS [-Xmx1g], MAVEN_ARGS (for the build, e.g. -Dmaven.repo.local=...).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

JAR=$ROOT/simulator/target/simulator-$VERSION-exec.jar
if [[ ! -f $JAR ]]; then
  log "simulator: building $JAR"
  (cd "$ROOT" && mvn -B -q ${MAVEN_ARGS:-} -DskipTests -pl simulator -am install)
fi
# shellcheck disable=SC2086  # the options are words
exec java ${FANGPIN_SIMULATOR_JAVA_OPTS:--Xmx1g} -jar "$JAR" \
  --gateway "http://127.0.0.1:$GATEWAY_PORT" --keycloak "http://127.0.0.1:$KEYCLOAK_PORT" \
  --keycloak-admin-password "$KEYCLOAK_ADMIN_PASSWORD" "$@"
