#!/usr/bin/env bash
# Upload latency of `serve --collect` (check + content store with fsync + one transaction), measured with curl:
#   ./docmerge serve --collect /tmp/b --port 8091 &      (start it with JAVA_TOOL_OPTIONS=-Ddocmerge.collect.uploadsPerMinute=100000)
#   bench/collect-uploads.sh http://127.0.0.1:8091 60
# Sets the admin password (or logs in), creates a one-member collection, uploads the gongshu sample N times to its
# link one after another, prints p50/p95/max of the uploads in milliseconds. Needs curl and /usr/bin/python3.
set -euo pipefail
base="${1%/}"; n="${2:-60}"
py=/usr/bin/python3
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
jar="$work/c"; pw="${DOCMERGE_ADMIN_PASSWORD:-bench-password-2025}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
j() { "$py" -c 'import json,sys; print(eval(sys.argv[2], {"d": json.load(open(sys.argv[1]))}))' "$1" "$2"; }
curl -sf -c "$jar" -b "$jar" "$base/collect/api/admin/state" > "$work/s.json"
if [ "$(j "$work/s.json" 'd["needsSetup"]')" = True ]; then ep=setup; else ep=login; fi
curl -sf -c "$jar" -b "$jar" -F "password=$pw" "$base/collect/api/admin/$ep" > "$work/l.json"
"$py" -c 'import openpyxl,sys; wb=openpyxl.Workbook(); wb.active.append(["成员单位"]); wb.active.append(["基准单位"]); wb.save(sys.argv[1])' "$work/m.xlsx"
curl -sf -c "$jar" -b "$jar" -H "X-CSRF-Token: $(j "$work/l.json" 'd["csrf"]')" -F year=2021 -F deadline=2030-01-20 \
  -F "members=@$work/m.xlsx" "$base/collect/api/admin/collections" > "$work/c.json"
token="$(j "$work/c.json" 'd["members"][0]["token"]')"
for _ in $(seq "$n"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -F "file=@$root/input-samples/gongshu-investment-2021.xlsx" \
    "$base/collect/api/m/$token/upload" >> "$work/t"
done
"$py" - "$work/t" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]))
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
print(f"uploads {len(t)}  p50 {q(0.5):.0f} ms  p95 {q(0.95):.0f} ms  max {t[-1]:.0f} ms")
PY
