#!/usr/bin/env bash
# A whole January against a running `docmerge serve --collect DIR`, with curl only (and Debian's python3 with
# openpyxl to write the member list and the members' workbooks):
#   docs/collect-demo.sh http://127.0.0.1:8080 demo-out/
# Sets the admin password on a fresh server (or logs in with it), creates a 2021 collection of six members, has each
# member download its blank workbook and upload (one uploads a broken workbook first, sees its errors and uploads the
# fixed one), revokes and reissues one link, confirms, and downloads the status sheet, the zip and the aggregate.
# Leaves in OUT_DIR: members/ (the workbooks uploaded, last one per member), status.xlsx, reports.zip, aggregate.xlsx.
# Exits non-zero on any failure. Environment: DOCMERGE_ADMIN_PASSWORD (default demo-password-2025), PYTHON,
# SAMPLES (default: input-samples beside this script).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BASE_URL OUT_DIR" >&2; exit 2; }
base="${1%/}"
out="$2"
py="${PYTHON:-/usr/bin/python3}"
password="${DOCMERGE_ADMIN_PASSWORD:-demo-password-2025}"
samples="${SAMPLES:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/input-samples}"
mkdir -p "$out/members"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"

fail() { echo "collect-demo: $*" >&2; exit 1; }
# json FILE EXPR: prints a value of the JSON in FILE (EXPR in Python over d)
json() { "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); v=eval(sys.argv[2]); print(v if not isinstance(v,(dict,list)) else json.dumps(v))' "$1" "$2"; }
# req EXPECTED_STATUS OUTFILE curl-args...: one request; fails unless the status is the expected one
req() {
  local want="$1" file="$2"; shift 2
  local code
  code="$(curl -sS -o "$file" -w '%{http_code}' -b "$jar" -c "$jar" "$@")" || fail "curl failed: $*"
  [ "$code" = "$want" ] || { cat "$file" >&2 || true; echo >&2; fail "HTTP $code (expected $want): $*"; }
}

echo "== admin"
req 200 "$work/state.json" "$base/collect/api/admin/state"
if [ "$(json "$work/state.json" 'd["needsSetup"]')" = "True" ]; then
  req 200 "$work/login.json" -F "password=$password" "$base/collect/api/admin/setup"
  echo "admin password set"
else
  req 200 "$work/login.json" -F "password=$password" "$base/collect/api/admin/login"
  echo "logged in"
fi
csrf="$(json "$work/login.json" 'd["csrf"]')"

echo "== collection"
names=(演示甲局 演示乙局 演示丙局 演示丁局 演示戊局 演示己局)
"$py" - "$work/members.xlsx" "${names[@]}" <<'PY'
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "成员名单"
ws.append(["成员单位"])
for n in sys.argv[2:]:
    ws.append([n])
wb.save(sys.argv[1])
PY
deadline="$(date -d '+14 days' +%Y-%m-%d)"
req 201 "$work/created.json" -H "X-CSRF-Token: $csrf" -F year=2021 -F "deadline=$deadline" -F agency=演示区人民政府 \
  -F "members=@$work/members.xlsx" "$base/collect/api/admin/collections"
cid="$(json "$work/created.json" 'd["collection"]["id"]')"
echo "collection $cid with ${#names[@]} members, deadline $deadline"

# Each member's workbook: a sample with the member's own name (the tables recompute from their formulas).
make() { # make SAMPLE NAME OUT
  "$py" - "$1" "$2" "$3" <<'PY' 2>/dev/null
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["封面"]
for row in ws.iter_rows():
    if row[0].value == "机关名称":
        row[1].value = sys.argv[2]
wb.save(sys.argv[3])
PY
}

echo "== members"
for i in "${!names[@]}"; do
  name="${names[$i]}"
  token="$(json "$work/created.json" "d['members'][$i]['token']")"
  mid="$(json "$work/created.json" "d['members'][$i]['id']")"
  if [ "$i" = 1 ]; then  # the office revokes this link (sent to the wrong person) and sends a new one
    req 200 "$work/revoke.json" -X POST -H "X-CSRF-Token: $csrf" "$base/collect/api/admin/members/$mid/revoke"
    req 404 "$work/denied.json" "$base/collect/api/m/$token"
    req 200 "$work/reissue.json" -X POST -H "X-CSRF-Token: $csrf" "$base/collect/api/admin/members/$mid/reissue"
    token="$(json "$work/reissue.json" 'd["token"]')"
    echo "$name: link revoked and reissued"
  fi
  req 200 "$work/blank.xlsx" "$base/collect/api/m/$token/blank"
  sample="$samples/gongshu-investment-2021.xlsx"
  [ $((i % 2)) = 1 ] && sample="$samples/district-large-2021.xlsx"
  file="$out/members/$(printf '%02d' $((i + 1)))-$name.xlsx"
  if [ "$i" = 2 ]; then  # uploads a broken workbook first, sees its errors, fixes it
    make "$samples/broken-2021.xlsx" "$name" "$work/broken.xlsx"
    req 200 "$work/up.json" -F "file=@$work/broken.xlsx" "$base/collect/api/m/$token/upload"
    errors="$(json "$work/up.json" 'd["errors"]')"
    [ "$errors" -gt 0 ] || fail "$name: the broken workbook was not found faulty"
    req 409 "$work/noconfirm.json" -X POST "$base/collect/api/m/$token/confirm"
    echo "$name: first upload has $errors errors; fixing"
  fi
  make "$sample" "$name" "$file"
  req 200 "$work/up.json" -F "file=@$file" "$base/collect/api/m/$token/upload"
  [ "$(json "$work/up.json" 'd["errors"]')" = 0 ] || fail "$name: errors in $(basename "$file")"
  req 200 "$work/confirm.json" -X POST "$base/collect/api/m/$token/confirm"
  echo "$name: uploaded $(basename "$file") (sha256 $(json "$work/up.json" 'd["sha256"]' | cut -c1-12)…), confirmed"
done

echo "== office"
req 200 "$work/detail.json" "$base/collect/api/admin/collections/$cid"
confirmed="$(json "$work/detail.json" 'd["counts"]["已确认"]')"
[ "$confirmed" = "${#names[@]}" ] || fail "only $confirmed of ${#names[@]} members confirmed"
req 200 "$out/status.xlsx" "$base/collect/api/admin/collections/$cid/status.xlsx"
req 200 "$out/reports.zip" "$base/collect/api/admin/collections/$cid/reports.zip"
req 200 "$out/aggregate.xlsx" "$base/collect/api/admin/collections/$cid/aggregate.xlsx"
echo "status.xlsx, reports.zip and aggregate.xlsx written to $out"
