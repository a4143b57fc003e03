#!/usr/bin/env bash
# Prints an access token for a user of the given role and region, and nothing else, so that
#   TOKEN=$(deploy/local/token.sh COUNTY_APPROVER 150724)
# works. Usage: deploy/local/token.sh ROLE REGION [USER [NAME]]
#   ROLE    VILLAGE_OFFICER, TOWNSHIP_REVIEWER, COUNTY_APPROVER, DEPARTMENT_OFFICER,
#           SUPERVISOR, INSPECTOR or ADMIN
#   REGION  region code prefix the user acts in: 6 digits county, 9 township, 12 village
#   USER    the user name (default demo-<role>-<region>, e.g. demo-county-approver-150724)
#   NAME    the display name, the token's name claim (default a Chinese demo name for the role)
# With Keycloak (up.sh's default) the user is created in realm fangpin on first use, with the role
# and the region attribute, and the token comes from Keycloak's password grant; with
# up.sh --dev-issuer it comes from the development issuer.
# Environment: FANGPIN_KEYCLOAK_PORT (8180), FANGPIN_ISSUER_PORT (9000),
#              FANGPIN_KEYCLOAK_ADMIN_PASSWORD (admin).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if (($# < 2 || $# > 4)); then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi

role=$1 region=$2
role_slug=${role,,}
user=${3:-demo-${role_slug//_/-}-$region}
if (($# == 4)); then
  name=$4
else
  case $role in
    VILLAGE_OFFICER) name=孟巴特尔 ;;
    TOWNSHIP_REVIEWER) name=郭秀梅 ;;
    COUNTY_APPROVER) name=苏德胜 ;;
    DEPARTMENT_OFFICER) name=何丽娜 ;;
    *) name=演示用户 ;;
  esac
fi
[[ $region =~ ^([0-9]{6}|[0-9]{9}|[0-9]{12})$ ]] || { echo "token.sh: REGION must have 6, 9 or 12 digits" >&2; exit 2; }

fail() { echo "token.sh: $*" >&2; exit 1; }

# json_get KEY < json: a top-level field (python3 is on every machine this runs on).
json_get() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=d[0] if isinstance(d,list) and d else d; print(v.get(sys.argv[1],"") if isinstance(v,dict) else "")' "$1"; }

dev_issuer_token() {
  local url=http://127.0.0.1:$ISSUER_PORT/token
  curl -fsS --max-time 10 --get --data-urlencode "role=$role" --data-urlencode "region=$region" \
    --data-urlencode "sub=$user" --data-urlencode "name=$name" "$url" ||
    fail "no token from $url (is the stack up? deploy/local/up.sh --dev-issuer)"
}

keycloak_token() {
  local base=http://127.0.0.1:$KEYCLOAK_PORT admin users id
  admin=$(curl -fsS --max-time 10 "$base/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KEYCLOAK_ADMIN" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" |
    json_get access_token) || fail "Keycloak does not answer on $base (is the stack up? deploy/local/up.sh)"
  local api=$base/admin/realms/fangpin auth=(-H "Authorization: Bearer $admin")
  users=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode "username=$user" \
    --data-urlencode exact=true "$api/users")
  id=$(json_get id <<<"$users")
  if [[ -z $id ]]; then
    # A demo user for this role and region, created once; its password is the demo password.
    local body
    body=$(python3 -c 'import json,sys; u,n,r=sys.argv[1:4]; print(json.dumps({"username":u,"enabled":True,
      "email":u+"@fangpin.local","emailVerified":True,"firstName":n,"attributes":{"region":[r]},
      "credentials":[{"type":"password","value":"fangpin-demo","temporary":False}]}))' "$user" "$name" "$region")
    curl -fsS --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$api/users" ||
      fail "Keycloak refused to create user $user"
    id=$(curl -fsS --max-time 10 "${auth[@]}" --get --data-urlencode "username=$user" \
      --data-urlencode exact=true "$api/users" | json_get id)
    local role_json
    role_json=$(curl -fsS --max-time 10 "${auth[@]}" "$api/roles/$role") || fail "no realm role $role"
    curl -fsS --max-time 10 "${auth[@]}" -H 'Content-Type: application/json' -d "[$role_json]" \
      "$api/users/$id/role-mappings/realm" || fail "Keycloak refused role $role for $user"
  fi
  curl -fsS --max-time 10 "$KEYCLOAK_REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=fangpin-web --data-urlencode "username=$user" \
    -d password=fangpin-demo | json_get access_token || fail "Keycloak gave no token for $user"
}

if [[ $(cat "$IDP_FILE" 2>/dev/null) == dev ]]; then
  token=$(dev_issuer_token)
else
  token=$(keycloak_token)
fi

# A JWT is three base64url parts joined by dots; anything else is an error page.
[[ $token =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "unexpected answer: ${token:0:200}"
printf '%s\n' "$token"
