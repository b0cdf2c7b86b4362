#!/usr/bin/env bash
# PDF reading speed (extract/check of a published PDF), this tree against BASE (default: main), one command:
#   bench/pdf-read.sh
# Compiles BASE's src/main/java/org/docmerge/report/pdf/*.java into a scratch folder put first on the class path,
# then reads the PDFs of src/test/resources/pdf-producers and src/test/resources/published (ROUNDS rounds of
# REPEAT reads each, alternating base and this tree ALT times) and prints the median milliseconds per file read
# of the warm rounds. Knobs: BASE=main ROUNDS=3 REPEAT=5 ALT=2 WORK=/tmp/docmerge-bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE=${BASE:-main}
ROUNDS=${ROUNDS:-3}
REPEAT=${REPEAT:-5}
ALT=${ALT:-2}
WORK=${WORK:-${TMPDIR:-/tmp}/docmerge-bench}/pdf-read
cd "$here"
mvn_() { mvn -q -B -o "$@" || mvn -q -B "$@"; }
mvn_ compile
mvn_ dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="target/classes:$(cat target/bench-cp.txt)"
rm -rf "$WORK" && mkdir -p "$WORK/src" "$WORK/base" "$WORK/bench"
for f in $(git ls-tree --name-only "$BASE" src/main/java/org/docmerge/report/pdf/); do
  git show "$BASE:$f" > "$WORK/src/$(basename "$f")"
done
javac -nowarn -cp "$CP" -d "$WORK/base" "$WORK"/src/*.java 2>/dev/null
javac -cp "$CP" -d "$WORK/bench" bench/PdfReadBench.java
pdfs=(src/test/resources/pdf-producers/*.pdf src/test/resources/published/*.pdf)
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
run() { java -Drounds="$ROUNDS" -Drepeat="$REPEAT" -cp "$1" PdfReadBench "${pdfs[@]}" 2>/dev/null | tail -n +2; }
base=() new=()
for i in $(seq "$ALT"); do
  base+=($(run "$WORK/bench:$WORK/base:$CP"))
  new+=($(run "$WORK/bench:$CP"))
done
b=$(printf '%s\n' "${base[@]}" | median)
n=$(printf '%s\n' "${new[@]}" | median)
echo "PDF read, ${#pdfs[@]} files, ms per file (median of warm rounds): base ($BASE) $b, this tree $n, ratio $(awk -v n="$n" -v b="$b" 'BEGIN {printf "%.2f", n / b}')"
