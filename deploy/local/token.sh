#!/usr/bin/env bash
# Prints a JWT from the local dev token issuer started by up.sh, and nothing else, so that
#   TOKEN=$(deploy/local/token.sh COUNTY_APPROVER 150724)
# works. Usage: deploy/local/token.sh ROLE REGION [USER [NAME]]
#   ROLE    VILLAGE_OFFICER, TOWNSHIP_REVIEWER, COUNTY_APPROVER, DEPARTMENT_OFFICER,
#           SUPERVISOR, INSPECTOR or ADMIN
#   REGION  region code prefix the user acts in: 6 digits county, 9 township, 12 village
#   USER    the sub claim (default demo-<role in lower case>)
#   NAME    the name claim (default a Chinese demo name for the role)
# Environment: FANGPIN_ISSUER_PORT (default 9000).
set -euo pipefail

if (($# < 2 || $# > 4)); then
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi

role=$1 region=$2
user=${3:-demo-${role,,}}
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

url=http://127.0.0.1:${FANGPIN_ISSUER_PORT:-9000}/token
token=$(curl -fsS --max-time 10 --get \
  --data-urlencode "role=$role" --data-urlencode "region=$region" \
  --data-urlencode "sub=$user" --data-urlencode "name=$name" "$url") ||
  { echo "token.sh: no token from $url (is the stack up? deploy/local/up.sh)" >&2; exit 1; }

# A JWT is three base64url parts joined by dots; anything else is an error page.
if [[ ! $token =~ ^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$ ]]; then
  echo "token.sh: unexpected answer from $url: ${token:0:200}" >&2
  exit 1
fi
printf '%s\n' "$token"
