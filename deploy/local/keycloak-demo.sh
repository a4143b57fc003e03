# The local stack's demo additions to the production realm (sourced by up.sh and token.sh, not run): a client that
# allows the password grant, for token.sh and curl, derived from the production client so that its tokens carry the
# same claims; and demo users of each role. Production imports deploy/keycloak/fangpin-realm.json alone: no user,
# no password grant.
# shellcheck shell=bash
# shellcheck disable=SC2034  # DEMO_* are used by the scripts that source this file

DEMO_CLIENT=fangpin-demo-cli
# Meets the realm's password policy; a demo password, known to all, for this machine only.
DEMO_PASSWORD=Fangpin-Demo-2026
KEYCLOAK_BASE=http://127.0.0.1:$KEYCLOAK_PORT
KEYCLOAK_API=$KEYCLOAK_BASE/admin/realms/fangpin

# json_get KEY < json: a top-level field (of the first element of a list); python3 is on every machine this runs on.
json_get() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=d[0] if isinstance(d,list) and d else d; print(v.get(sys.argv[1],"") if isinstance(v,dict) else "")' "$1"; }

kc_fail() { echo "keycloak: $*" >&2; return 1; }

# kc_admin_token: an access token of the master realm's administrator.
kc_admin_token() {
  curl -fsS --max-time 10 "$KEYCLOAK_BASE/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KEYCLOAK_ADMIN" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" |
    json_get access_token
}

# kc_ensure_demo_client ADMIN_TOKEN: creates fangpin-demo-cli from fangpin-web if missing (password grant only).
kc_ensure_demo_client() {
  local auth=(-H "Authorization: Bearer $1") existing web body
  existing=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode "clientId=$DEMO_CLIENT" "$KEYCLOAK_API/clients")
  [[ -n $(json_get id <<<"$existing") ]] && return 0
  web=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode clientId=fangpin-web "$KEYCLOAK_API/clients") ||
    kc_fail "no client fangpin-web in realm fangpin" || return 1
  body=$(python3 -c 'import json,sys
c=json.load(sys.stdin)[0]
for k in ("id","secret","registrationAccessToken"): c.pop(k,None)
for m in c.get("protocolMappers",[]): m.pop("id",None)
c.update(clientId=sys.argv[1],name="Fangpin demo (local stack only)",standardFlowEnabled=False,
         directAccessGrantsEnabled=True,redirectUris=[],webOrigins=[])
print(json.dumps(c))' "$DEMO_CLIENT" <<<"$web")
  curl -fsS --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$KEYCLOAK_API/clients" ||
    kc_fail "Keycloak refused to create client $DEMO_CLIENT"
}

# kc_ensure_user ADMIN_TOKEN USER NAME ROLE REGION [DEPARTMENT]: a demo user with one role, created once.
kc_ensure_user() {
  local auth=(-H "Authorization: Bearer $1") user=$2 name=$3 role=$4 region=$5 department=${6:-} id body role_json
  id=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode "username=$user" --data-urlencode exact=true \
    "$KEYCLOAK_API/users" | json_get id)
  [[ -n $id ]] && return 0
  body=$(python3 -c 'import json,sys; u,n,r,d,p=sys.argv[1:6]
a={"region":[r]}
if d: a["department"]=[d]
print(json.dumps({"username":u,"enabled":True,"email":u+"@fangpin.local","emailVerified":True,"firstName":n,
  "attributes":a,"credentials":[{"type":"password","value":p,"temporary":False}]}))' \
    "$user" "$name" "$region" "$department" "$DEMO_PASSWORD")
  curl -fsS --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$KEYCLOAK_API/users" ||
    kc_fail "Keycloak refused to create user $user" || return 1
  id=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode "username=$user" --data-urlencode exact=true \
    "$KEYCLOAK_API/users" | json_get id)
  role_json=$(curl -fsS --max-time 10 "${auth[@]}" "$KEYCLOAK_API/roles/$role") || kc_fail "no realm role $role" || return 1
  curl -fsS --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "[$role_json]" \
    "$KEYCLOAK_API/users/$id/role-mappings/realm" || kc_fail "Keycloak refused role $role for $user"
}

# The demo logins up.sh creates and prints: user, display name, role, region, department.
# kc_demo_token ADMIN_TOKEN USER NAME ROLE REGION: an access token of the demo user, created on first use, from the
# demo client's password grant.
kc_demo_token() {
  local admin=$1 user=$2 name=$3 role=$4 region=$5
  kc_ensure_user "$admin" "$user" "$name" "$role" "$region" >/dev/null || return 1
  curl -fsS --max-time 30 "$KEYCLOAK_REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id="$DEMO_CLIENT" --data-urlencode "username=$user" \
    --data-urlencode "password=$DEMO_PASSWORD" | json_get access_token
}

DEMO_USERS=(
  "village-officer 包银花 VILLAGE_OFFICER 150724213201"
  "township-reviewer 其其格 TOWNSHIP_REVIEWER 150724213"
  "county-approver 乌云 COUNTY_APPROVER 150724"
  "department-officer 斯琴 DEPARTMENT_OFFICER 150724 MEDICAL_INSURANCE"
  "supervisor 巴图 SUPERVISOR 150724"
  "inspector 娜仁 INSPECTOR 150724"
  "admin 苏和 ADMIN 150724"
)

# kc_demo_setup: the demo client and users, idempotent.
kc_demo_setup() {
  local admin entry user name role region department
  admin=$(kc_admin_token) || kc_fail "Keycloak does not answer on $KEYCLOAK_BASE" || return 1
  kc_ensure_demo_client "$admin" || return 1
  for entry in "${DEMO_USERS[@]}"; do
    read -r user name role region department <<<"$entry"
    kc_ensure_user "$admin" "$user" "$name" "$role" "$region" "$department" || return 1
  done
}
