#!/usr/bin/env bash
# docmerge benchmark, one command:   bench/run.sh
# Builds the jar if needed, generates varied workbooks, and measures with /usr/bin/time:
#   1. batch of N workbooks (default 1000) with checks on: reports/s end to end, peak RSS
#   2. cold ./docmerge merge of one workbook, COLD_RUNS times (default 5): median wall time
#   3. aggregate of N workbooks: wall time
#   4. batch of BIG workbooks (default 10000): reports/s and peak RSS (flat memory)
# and writes the table to bench/RESULTS.md (and prints it).
# Knobs: N=1000 BIG=10000 JOBS=2 COLD_RUNS=5 WORK=/tmp/docmerge-bench SKIP_BIG=1
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N=${N:-1000}
BIG=${BIG:-10000}
JOBS=${JOBS:-2}
COLD_RUNS=${COLD_RUNS:-5}
WORK=${WORK:-${TMPDIR:-/tmp}/docmerge-bench}
mkdir -p "$WORK"
cd "$here"

mvn_() { mvn -q -B -o "$@" || mvn -q -B "$@"; }
echo "== build" >&2
./docmerge --version >/dev/null               # the launcher builds target/docmerge.jar (and its CDS archive) when stale
mvn_ test-compile
mvn_ dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"

gen() { # gen COUNT -> folder with COUNT workbooks (kept between runs)
  local dir="$WORK/in-$1"
  if [ ! -d "$dir" ] || [ "$(find "$dir" -name '*.xlsx' | wc -l)" != "$1" ]; then
    rm -rf "$dir"
    echo "== generating $1 workbooks in $dir" >&2
    java -cp "$CP" org.docmerge.tools.BenchInputs "$dir" "$1" >&2
  fi
  echo "$dir"
}

measure() { # measure LOG cmd... -> "wall_s rss_kb"
  local log="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >"$log" 2>&1 || true
  cat "$WORK/time.txt" | tail -1
}

load() { awk '{print $1}' /proc/loadavg; }

rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

# 0. steady-state CPU per stage, one thread, after warm-up
echo "== per-stage CPU" >&2
in=$(gen "$N")
stages=$(java -XX:+UseSerialGC -cp "$CP" org.docmerge.workbook.BenchStages "$in" 300 | tail -1 | sed 's/^round 3: //')
row "CPU per workbook by stage (1 thread, warm, 300 workbooks)" "$stages" "\`java -cp … org.docmerge.workbook.BenchStages $in 300\`"

# 1. batch N
in=$(gen "$N")
rm -rf "$WORK/out-$N"
echo "== batch $N (--jobs $JOBS)" >&2
l0=$(load)
read -r wall rss user sys <<<"$(measure "$WORK/batch-$N.log" ./docmerge batch "$in" -o "$WORK/out-$N" --jobs "$JOBS")"
ok=$(find "$WORK/out-$N" -name '*.docx' | wc -l)
rate=$(awk -v n="$ok" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')
cpu=$(awk -v n="$ok" -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", 1000*(u+s)/n}')
row "batch $N workbooks, --jobs $JOBS (checks on)" "**$rate reports/s** end to end ($ok reports in ${wall} s; ${cpu} ms CPU per report incl. JVM start; load before: $l0)" "\`./docmerge batch $in -o $WORK/out-$N --jobs $JOBS\`"
row "peak RSS, batch $N" "$((rss / 1024)) MB" "same run, /usr/bin/time"

# 2. cold merge
sample=input-samples/gongshu-investment-2021.xlsx
walls=()
for i in $(seq 1 "$COLD_RUNS"); do
  rm -f "$WORK/cold.docx"
  read -r wall rss user sys <<<"$(measure "$WORK/cold.log" ./docmerge merge "$sample" -o "$WORK/cold.docx")"
  walls+=("$wall")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
row "cold single merge (median of $COLD_RUNS)" "**${median} s** (runs: ${walls[*]})" "\`./docmerge merge $sample -o $WORK/cold.docx\`"

# 3. aggregate N
rm -f "$WORK/agg-$N.xlsx"
echo "== aggregate $N" >&2
l0=$(load)
read -r wall rss user sys <<<"$(measure "$WORK/agg-$N.log" ./docmerge aggregate "$in" -o "$WORK/agg-$N.xlsx" --agency 基准汇总 --jobs "$JOBS")"
row "aggregate $N workbooks" "**${wall} s**, $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}') s CPU, peak RSS $((rss / 1024)) MB (load before: $l0)" "\`./docmerge aggregate $in -o $WORK/agg-$N.xlsx --jobs $JOBS\`"

# 4. batch BIG
if [ "${SKIP_BIG:-0}" != 1 ]; then
  big=$(gen "$BIG")
  rm -rf "$WORK/out-$BIG"
  echo "== batch $BIG (--jobs $JOBS)" >&2
  l0=$(load)
  read -r wall rss user sys <<<"$(measure "$WORK/batch-$BIG.log" ./docmerge batch "$big" -o "$WORK/out-$BIG" --jobs "$JOBS")"
  ok=$(find "$WORK/out-$BIG" -name '*.docx' | wc -l)
  rate=$(awk -v n="$ok" -v w="$wall" 'BEGIN{printf "%.0f", n/w}')
  cpu=$(awk -v n="$ok" -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", 1000*(u+s)/n}')
  row "batch $BIG workbooks, --jobs $JOBS" "**$rate reports/s** ($ok reports in ${wall} s; ${cpu} ms CPU per report; load before: $l0)" "\`./docmerge batch $big -o $WORK/out-$BIG --jobs $JOBS\`"
  row "**peak RSS, batch $BIG**" "**$((rss / 1024)) MB**" "same run, /usr/bin/time"
  rm -rf "$WORK/out-$BIG"
fi

# bench/pdf.sh's block (PDF at batch speed) is kept when this table is rewritten.
pdf_block=$(sed -n '/<!-- pdf.sh begin -->/,/<!-- pdf.sh end -->/p' bench/RESULTS.md 2>/dev/null || true)
{
  echo "# docmerge benchmark results"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)."
  echo "The machine is shared: load average before each run is shown; CPU per report is the steadier figure."
  echo "Command: \`bench/run.sh\` (N=$N BIG=$BIG JOBS=$JOBS COLD_RUNS=$COLD_RUNS)."
  echo
  echo "| what | result | command |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  if [ -n "$pdf_block" ]; then
    echo
    echo "$pdf_block"
  fi
} > bench/RESULTS.md
cat bench/RESULTS.md
