#!/usr/bin/env bash
# Loads demo data through the gateway (up.sh calls this; it can also be run on its own):
# registers three households in 巴彦塔拉达斡尔民族乡 (150724213) of 鄂温克族自治旗 (150724),
# then walks the first one through identification (lead -> verification -> village evaluation and
# public notice -> township review -> county decision)
# and prints its timeline.
# Every write carries a fixed Idempotency-Key, so running this again gets the first answers
# replayed instead of registering anything twice. Should the services no longer hold those
# answers, the households are found already registered (409 HOUSEHOLD_ALREADY_REGISTERED, keyed
# by the head's ID number): they are left as they are and the walkthrough is skipped.
# Environment: FANGPIN_GATEWAY_PORT (default 8080), FANGPIN_ISSUER_PORT (used by token.sh).
# Needs curl and jq (or python3) to read the JSON answers.
set -euo pipefail

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GATEWAY=http://127.0.0.1:${FANGPIN_GATEWAY_PORT:-8080}
KEY_PREFIX=fangpin-demo-v1   # of the Idempotency-Keys; change it to send the writes as new ones

if command -v jq >/dev/null; then
  JSON_TOOL=jq
elif command -v python3 >/dev/null; then
  JSON_TOOL=python3
else
  echo "demo-data.sh: needs jq or python3 to read JSON (apt-get install jq)" >&2
  exit 1
fi

# json_field KEY < json: the top-level field KEY as text.
json_field() {
  if [[ $JSON_TOOL == jq ]]; then
    jq -r --arg k "$1" '.[$k] // empty'
  else
    python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"
  fi
}

# timeline_events < json: one line per timeline entry: time, event type, actor, summary.
timeline_events() {
  if [[ $JSON_TOOL == jq ]]; then
    jq -r '.entries[] | "\(.occurredAt[0:19])  \(.type | split(".")[-2])  \(.actor.name // "")  \(.summary // "")"'
  else
    python3 -c '
import json, sys
for e in json.load(sys.stdin)["entries"]:
    kind = e["type"].split(".")[-2]
    actor = (e.get("actor") or {}).get("name", "")
    print(e["occurredAt"][:19], kind, actor, e.get("summary", ""), sep="  ")'
  fi
}

# GB 11643 check character of the first 17 digits of a citizen ID number.
id_check_char() {
  local digits=$1 weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks=10X98765432 sum=0 i
  for i in {0..16}; do
    sum=$((sum + ${digits:i:1} * weights[i]))
  done
  printf '%s' "${checks:sum % 11:1}"
}

# id_number AREA(6) BIRTH(yyyymmdd) SEQ(3; odd last digit = male): the full 18-character number.
id_number() {
  [[ $(date -d "$2" +%Y%m%d 2>/dev/null) == "$2" ]] || { echo "bad birth date $2" >&2; exit 1; }
  printf '%s%s%s%s' "$1" "$2" "$3" "$(id_check_char "$1$2$3")"
}

# api METHOD PATH TOKEN [BODY IDEMPOTENCY_KEY [TOLERATED_STATUS]]: prints the response body.
# Exits on an answer other than 2xx, except TOLERATED_STATUS, for which it returns 2 (the body
# still printed).
api() {
  local method=$1 path=$2 token=$3 body=${4:-} key=${5:-} tolerated=${6:-} out status
  out=$(mktemp)
  local args=(-sS --max-time 30 -X "$method" -o "$out" -w '%{http_code}'
              -H "Authorization: Bearer $token" -H 'Accept: application/json')
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body"
                           -H "Idempotency-Key: $KEY_PREFIX-$key")
  status=$(curl "${args[@]}" "$GATEWAY$path") || status=000
  if [[ $status == "$tolerated" ]]; then
    cat "$out"
    rm -f "$out"
    return 2
  fi
  if [[ $status != 2?? ]]; then
    echo "demo-data.sh: $method $path -> HTTP $status" >&2
    cat "$out" >&2
    echo >&2
    rm -f "$out"
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

token() { "$LOCAL_DIR/token.sh" "$@"; }

echo "[demo] registering households in 巴彦塔拉达斡尔民族乡 (150724213) through $GATEWAY"
# village code | village | head of household | birth date | sequence | category | members
HOUSEHOLDS=(
  "150724213201|巴音诺尔嘎查|敖长福|19680312|013|POVERTY_ALLEVIATED|4"
  "150724213202|巴音朝格嘎查|孟淑兰|19750521|024|GENERAL|3"
  "150724213203|巴音温都尔嘎查|何志军|19820917|035|POVERTY_ALLEVIATED|5"
)
household_ids=()
for entry in "${HOUSEHOLDS[@]}"; do
  IFS='|' read -r village village_name head birth seq category members <<<"$entry"
  id_no=$(id_number 150724 "$birth" "$seq")
  officer=$(token VILLAGE_OFFICER "$village")
  body=$(printf '{"regionCode":"%s","villageGroup":3,"headName":"%s","headIdNumber":"%s","category":"%s","memberCount":%s}' \
    "$village" "$head" "$id_no" "$category" "$members")
  rc=0
  answer=$(api POST /api/households "$officer" "$body" "household-$village" 409) || rc=$?
  if ((rc == 2)); then
    [[ $(json_field code <<<"$answer") == HOUSEHOLD_ALREADY_REGISTERED ]] ||
      { echo "demo-data.sh: POST /api/households -> HTTP 409: $answer" >&2; exit 1; }
    household_ids+=("")
    echo "[demo]   $village_name ($village) 户主 $head: already registered"
    continue
  fi
  household_id=$(json_field householdId <<<"$answer")
  [[ -n $household_id ]] || { echo "demo-data.sh: no householdId in $answer" >&2; exit 1; }
  household_ids+=("$household_id")
  echo "[demo]   $village_name ($village) 户主 $head, $category, $members 人: household $household_id"
done

household=${household_ids[0]}
if [[ -z $household ]]; then
  echo "[demo] demo data were loaded before: identification walkthrough skipped"
  exit 0
fi
officer=$(token VILLAGE_OFFICER 150724213201)
reviewer=$(token TOWNSHIP_REVIEWER 150724213)
approver=$(token COUNTY_APPROVER 150724)
# Entered after the fact, as cadres do: the visit 8 days ago, so the 5-day public notice is over.
reported_on=$(TZ=Asia/Shanghai date -d '8 days ago' +%F)
verified_on=$(TZ=Asia/Shanghai date -d '7 days ago' +%F)
echo "[demo] identification of household $household (敖长福, 巴音诺尔嘎查)"

lead=$(api POST /api/leads "$officer" \
  "$(printf '{"householdId":"%s","channel":"CADRE_VISIT","description":"入户走访发现：医疗支出大，家庭收入明显下降","reportedOn":"%s"}' "$household" "$reported_on")" \
  lead-1 | json_field leadId)
[[ -n $lead ]] || { echo "demo-data.sh: no leadId in the answer" >&2; exit 1; }
echo "[demo]   lead $lead raised (干部走访)"

api POST "/api/leads/$lead/verification" "$officer" \
  "$(printf '{"perCapitaNetIncome":7200.00,"labourCapacity":"PARTIAL","collector":"孟巴特尔","householdConfirmed":true,"verifiedOn":"%s"}' "$verified_on")" \
  verification-1 >/dev/null
echo "[demo]   verification recorded (人均纯收入 7200.00, 部分劳动能力)"

api POST "/api/leads/$lead/village-evaluation" "$officer" \
  "$(printf '{"opinion":"经村两委、驻村工作队评议，同意纳入","noticeFrom":"%s"}' "$verified_on")" \
  village-evaluation-1 >/dev/null
echo "[demo]   village evaluation recorded, public notice from $verified_on"

api POST "/api/leads/$lead/township-review" "$reviewer" \
  '{"decision":"APPROVE","opinion":"经乡镇审核，情况属实"}' township-review-1 >/dev/null
echo "[demo]   township review: APPROVE"

api POST "/api/leads/$lead/county-decision" "$approver" \
  '{"decision":"IDENTIFY","objectType":"MARGINAL_VULNERABLE","riskTypes":["ILLNESS"]}' \
  county-decision-1 >/dev/null
echo "[demo]   county decision: IDENTIFY as MARGINAL_VULNERABLE (因病)"

# The timeline is a projection fed through Kafka, so it catches up a moment later.
expected=9   # registered, head as member, lead, verification, evaluation, township, county, monitoring, assistance
deadline=$((SECONDS + 30))
while :; do
  events=$(api GET "/api/households/$household/timeline" "$approver" | timeline_events)
  count=$(grep -c . <<<"$events" || true)
  ((count >= expected || SECONDS >= deadline)) && break
  sleep 2
done
echo "[demo] timeline of household $household ($count events):"
if ((count > 0)); then
  sed 's/^/[demo]   /' <<<"$events"
fi
if ((count < expected)); then
  echo "[demo] WARNING: expected at least $expected events after 30 s; the timeline may be lagging" >&2
fi
