#!/usr/bin/env bash
# PDF at batch speed, one command:   bench/pdf.sh
# Generates N varied workbooks (default 40) and measures, ROUNDS times (default 2), alternating:
#   new:      ./docmerge batch IN -o OUT --pdf --jobs JOBS   (the long-lived converter: one LibreOffice per worker,
#             each converting its share of the reports in one start)
#   baseline: ./docmerge batch IN -o OUT --jobs JOBS, then one soffice per report with a fresh profile, one after
#             the other: exactly what `batch --pdf` did before (render.PdfConverter, one conversion per report)
# with /usr/bin/time (wall, and CPU of docmerge plus every LibreOffice it waited for), checks that every PDF is a
# PDF, and writes the table into bench/RESULTS.md between the pdf.sh markers (bench/run.sh keeps that block).
# Knobs: N=40 JOBS=2 ROUNDS=2 NEW_RUNS=3 (batch --pdf runs per round) WORK=/tmp/docmerge-bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=${N:-40}
JOBS=${JOBS:-2}
ROUNDS=${ROUNDS:-2}
NEW_RUNS=${NEW_RUNS:-3}
WORK=${WORK:-${TMPDIR:-/tmp}/docmerge-bench}
mkdir -p "$WORK"
cd "$here"
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is needed: apt-get install libreoffice-writer-nogui" >&2; exit 2; }

mvn_() { mvn -q -B -o "$@" || mvn -q -B "$@"; }
echo "== build" >&2
./docmerge --version >/dev/null
mvn_ test-compile
mvn_ dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"

in="$WORK/pdf-in-$N"
if [ ! -d "$in" ] || [ "$(find "$in" -name '*.xlsx' | wc -l)" != "$N" ]; then
  rm -rf "$in"
  java -cp "$CP" org.docmerge.tools.BenchInputs "$in" "$N" >&2
fi

load() { awk '{print $1}' /proc/loadavg; }
measure() { # measure LOG cmd... -> "wall user sys"
  local log="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$WORK/pdf-time.txt" "$@" >"$log" 2>&1 || true
  tail -1 "$WORK/pdf-time.txt"
}
pdfs() { # valid PDFs in a folder
  local n=0
  for f in "$1"/*.pdf; do
    [ -f "$f" ] && [ "$(head -c 5 "$f")" = "%PDF-" ] && n=$((n + 1))
  done
  echo "$n"
}
baseline() { # the old way: reports first, then one soffice with a fresh profile per report, in turn
  local out="$1"
  ./docmerge batch "$in" -o "$out" --jobs "$JOBS" >/dev/null
  for f in "$out"/*.docx; do
    p=$(mktemp -d "$WORK/pdf-old-XXXXXX")
    soffice --headless --norestore --nolockcheck -env:UserInstallation="file://$p/profile" \
      --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1 || true
    rm -rf "$p"
  done
}
export -f baseline
export in JOBS WORK

rows=()
new_rates=(); old_rates=(); new_cpu=(); old_cpu=()
# run OUT DIGITS cmd... : runs one measurement into folder OUT; sets rate, cpu, ok, wall, l0
run() {
  local out="$1" digits="$2"; shift 2
  rm -rf "$out"
  l0=$(load)
  read -r wall user sys <<<"$(measure "$out.log" "$@")"
  ok=$(pdfs "$out")
  rate=$(awk -v n="$ok" -v w="$wall" -v d="$digits" 'BEGIN{printf "%." d "f", n/w}')
  cpu=$(awk -v n="$ok" -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", (u+s)/n}')
}
for r in $(seq 1 "$ROUNDS"); do
  for k in $(seq 1 "$NEW_RUNS"); do
    echo "== round $r: batch --pdf ($k of $NEW_RUNS)" >&2
    run "$WORK/pdf-out-new" 1 ./docmerge batch "$in" -o "$WORK/pdf-out-new" --pdf --jobs "$JOBS"
    new_rates+=("$rate"); new_cpu+=("$cpu")
    rows+=("| round $r: \`batch --pdf\` (long-lived converter), run $k | **$rate reports/s** ($ok PDFs in ${wall} s); **$cpu CPU s per report** | $l0 |")
  done
  echo "== round $r: baseline (one LibreOffice per report)" >&2
  run "$WORK/pdf-out-old" 2 bash -c 'baseline "$WORK/pdf-out-old"'
  old_rates+=("$rate"); old_cpu+=("$cpu")
  rows+=("| round $r: baseline, one LibreOffice per report | $rate reports/s ($ok PDFs in ${wall} s); $cpu CPU s per report | $l0 |")
done
mean() { printf '%s\n' "$@" | awk '{s+=$1} END{printf "%.2f", s/NR}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{if (NR%2) printf "%.1f", v[(NR+1)/2]; else printf "%.1f", (v[NR/2]+v[NR/2+1])/2}'; }
lowest() { printf '%s\n' "$@" | sort -g | head -1; }
nmed=$(median "${new_rates[@]}"); nlow=$(lowest "${new_rates[@]}")
nr=$(mean "${new_rates[@]}"); orr=$(mean "${old_rates[@]}"); nc=$(mean "${new_cpu[@]}"); oc=$(mean "${old_cpu[@]}")
ratio=$(awk -v a="$nr" -v b="$orr" 'BEGIN{printf "%.1f", a/b}')
cratio=$(awk -v a="$oc" -v b="$nc" 'BEGIN{printf "%.1f", a/b}')

block=$(
  echo "<!-- pdf.sh begin -->"
  echo "## PDF at batch speed"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(soffice --version | head -1 | cut -d' ' -f1-2)."
  echo "Command: \`bench/pdf.sh\` (N=$N JOBS=$JOBS ROUNDS=$ROUNDS): \`./docmerge batch $in -o OUT --pdf --jobs $JOBS\`"
  echo "against the old way in the same run (reports, then \`soffice --convert-to pdf\` per report with a fresh profile)."
  echo "Wall time includes JVM start and writing the reports; CPU counts docmerge and every LibreOffice it ran."
  echo "The machine is shared with other jobs: the load average before each run is shown; CPU per report is steadier."
  echo
  echo "| run | result | load before |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "\`batch --pdf\`: ${#new_rates[@]} runs, median **$nmed reports/s**, lowest $nlow."
  echo "Mean: **$nr reports/s** against $orr reports/s one-LibreOffice-per-report: **${ratio}×** faster;"
  echo "CPU **$nc s** against $oc s per report (**${cratio}×** less)."
  echo "On $(nproc) otherwise idle cores that CPU allows at most **$(awk -v c="$nc" -v n="$(nproc)" 'BEGIN{printf "%.1f", n/c}') reports/s**"
  echo "(derived from the CPU figure, not measured: the wall figures above are what the other jobs' load left)."
  echo "<!-- pdf.sh end -->"
)
results=bench/RESULTS.md
if grep -q '<!-- pdf.sh begin -->' "$results" 2>/dev/null; then
  awk -v block="$block" '/<!-- pdf.sh begin -->/{print block; skip=1; next} /<!-- pdf.sh end -->/{skip=0; next} !skip' "$results" >"$results.tmp"
  mv "$results.tmp" "$results"
else
  printf '\n%s\n' "$block" >>"$results"
fi
echo "$block"
