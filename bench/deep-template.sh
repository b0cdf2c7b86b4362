#!/usr/bin/env bash
# Issue 15 item 3: how long `docmerge inspect` takes on a template nested D tables deep, against the shipped
# template in the same run (baseline). One command: bench/deep-template.sh   Knobs: DEPTHS="80 320 1000 5000"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
DEPTHS=${DEPTHS:-"80 320 1000 5000"}
WORK=${WORK:-${TMPDIR:-/tmp}/docmerge-deep}
mkdir -p "$WORK"
./docmerge --version >/dev/null
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
t() { /usr/bin/time -f "%e" -o "$WORK/t.txt" "$@" >"$WORK/out.txt" 2>&1 || true; tail -1 "$WORK/t.txt"; }
base=$(t ./docmerge inspect templates/gov-info-annual-2021/template.docx)
echo "| template | inspect wall time (s) | exit message |"
echo "|---|---:|---|"
echo "| shipped template (baseline) | $base | $(grep -o '共 .*' "$WORK/out.txt" | head -1) |"
for d in $DEPTHS; do
  java -cp "$CP" org.docmerge.tools.DeepTemplate "$WORK/deep-$d.docx" "$d"
  s=$(t ./docmerge inspect "$WORK/deep-$d.docx")
  echo "| nested $d deep ($(stat -c %s "$WORK/deep-$d.docx") bytes) | $s | $(grep -o 'TEMPLATE\.[A-Z_]*' "$WORK/out.txt" | sort -u | tr '\n' ' ') |"
done
