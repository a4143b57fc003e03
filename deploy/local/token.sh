#!/usr/bin/env bash
# Prints an access token for a user of the given role and region, and nothing else, so that
#   TOKEN=$(deploy/local/token.sh COUNTY_APPROVER 150724)
# works. Usage: deploy/local/token.sh ROLE REGION [USER [NAME]]
#   ROLE    VILLAGE_OFFICER, TOWNSHIP_REVIEWER, COUNTY_APPROVER, DEPARTMENT_OFFICER,
#           SUPERVISOR, INSPECTOR or ADMIN
#   REGION  region code prefix the user acts in: 2 digits province, 4 prefecture, 6 county,
#           9 township, 12 village; 00 national (SUPERVISOR, INSPECTOR, ADMIN only)
#   USER    the user name (default demo-<role>-<region>, e.g. demo-county-approver-150724)
#   NAME    the display name, the token's name claim (default a Chinese demo name for the role)
# With Keycloak (up.sh's default) the user is created in realm fangpin on first use, with the role
# and the region attribute, and the token comes from the password grant of the local stack's demo
# client fangpin-demo-cli (keycloak-demo.sh; the production realm has no password grant); with
# up.sh --dev-issuer it comes from the development issuer.
# Environment: FANGPIN_KEYCLOAK_PORT (8180), FANGPIN_ISSUER_PORT (9000),
#              FANGPIN_KEYCLOAK_ADMIN_PASSWORD (admin).
set -euo pipefail

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=keycloak-demo.sh
source "$(dirname "${BASH_SOURCE[0]}")/keycloak-demo.sh"

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
[[ $region =~ ^(00|[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$ ]] ||
  { echo "token.sh: REGION must have 2, 4, 6, 9 or 12 digits (00: national)" >&2; exit 2; }

fail() { echo "token.sh: $*" >&2; exit 1; }

dev_issuer_token() {
  local url=http://127.0.0.1:$ISSUER_PORT/token
  curl -fsS --max-time 10 --get --data-urlencode "role=$role" --data-urlencode "region=$region" \
    --data-urlencode "sub=$user" --data-urlencode "name=$name" "$url" ||
    fail "no token from $url (is the stack up? deploy/local/up.sh --dev-issuer)"
}

keycloak_token() {
  local admin
  admin=$(kc_admin_token) || fail "Keycloak does not answer on $KEYCLOAK_BASE (is the stack up? deploy/local/up.sh)"
  kc_ensure_demo_client "$admin" || fail "no demo client"
  kc_demo_token "$admin" "$user" "$name" "$role" "$region" || fail "Keycloak gave no token for $user"
}

if [[ $(cat "$IDP_FILE" 2>/dev/null) == dev ]]; then
  token=$(dev_issuer_token)
else
  token=$(keycloak_token)
fi

# A JWT is three base64url parts joined by dots; anything else is an error page.
[[ $token =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]] || fail "unexpected answer: ${token:0:200}"
printf '%s\n' "$token"
