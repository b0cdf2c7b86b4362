#!/usr/bin/env bash
# Cold merge of a kind whose template has repeats and conditions (the website form), with the template cache
# empty before every run (the template is compiled with docx4j each time, as before issue 14 for such templates)
# against a warm cache, in the same run. Prints the wall times and the median ratio; checks both give one document.
# Usage: bench/template-cache.sh [RUNS=5] [KIND=gov-website-annual]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
RUNS=${RUNS:-5}
KIND=${KIND:-gov-website-annual}
SAMPLE=${SAMPLE:-input-samples/gov-website-annual-sample.xlsx}
./docmerge --version >/dev/null   # builds target/docmerge.jar when stale
w="$(mktemp -d)"
trap 'rm -rf "$w"' EXIT
one() { # one CACHE_DIR OUT -> wall seconds
  /usr/bin/time -f "%e" -o "$w/t" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Ddocmerge.templateCache="$1" \
    -jar target/docmerge.jar merge --kind "$KIND" "$SAMPLE" -o "$2" >/dev/null 2>&1
  cat "$w/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cold=(); warm=()
for i in $(seq "$RUNS"); do rm -rf "$w/cold"; cold+=("$(one "$w/cold" "$w/cold-$i.docx")"); done
one "$w/warm" "$w/fill.docx" >/dev/null
for i in $(seq "$RUNS"); do warm+=("$(one "$w/warm" "$w/warm-$i.docx")"); done
cmp -s "$w/cold-1.docx" "$w/warm-1.docx" && same=yes || same=NO
mc=$(printf '%s\n' "${cold[@]}" | median); mw=$(printf '%s\n' "${warm[@]}" | median)
echo "cold merge, $KIND, cache empty: ${cold[*]} s (median $mc)"
echo "cold merge, $KIND, cache warm:  ${warm[*]} s (median $mw)"
echo "ratio empty/warm: $(awk -v a="$mc" -v b="$mw" 'BEGIN {printf "%.1f", a / b}'); same document: $same"
