#!/usr/bin/env bash
# Load benchmark of `docmerge serve`, one command:   bench/serve-load.sh
# Starts ./docmerge serve (the launcher's JVM flags) on PORT, then with bench/ServeLoad.java (plain JDK):
#   warm-up   CLIENTS clients for WARMUP s (not reported)
#   baseline  1 client for BASE s: the latency of a request on an idle server, measured in the same run
#   load      CLIENTS clients for DURATION s, each looping check then merge (.docx) of the clean samples
# and prints p50/p95/p99/max, throughput, failures, the server's RSS every 5 s and its peak, and the load average.
# Knobs: PORT=8091 CLIENTS=20 DURATION=60 WARMUP=15 BASE=15 WORK=/tmp/docmerge-serve-bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT=${PORT:-8091}
CLIENTS=${CLIENTS:-20}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-15}
BASE=${BASE:-15}
WORK=${WORK:-${TMPDIR:-/tmp}/docmerge-serve-bench}
mkdir -p "$WORK"
cd "$here"
samples=(input-samples/gongshu-investment-2021.xlsx input-samples/district-large-2021.xlsx)

./docmerge --version >/dev/null   # builds target/docmerge.jar when stale
./docmerge serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
server=$!                          # the launcher execs java: this is the server's pid
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/api/about" >/dev/null 2>&1 && break
  sleep 0.5
done
url="http://127.0.0.1:$PORT/"
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== warm-up: $CLIENTS clients, $WARMUP s" >&2
java bench/ServeLoad.java "$url" "$CLIENTS" "$WARMUP" "$server" "${samples[@]}" >"$WORK/warmup.txt"
echo "== baseline: 1 client, $BASE s" >&2
l0=$(load)
java bench/ServeLoad.java "$url" 1 "$BASE" "$server" "${samples[@]}" >"$WORK/baseline.txt"
echo "== load: $CLIENTS clients, $DURATION s" >&2
l1=$(load)
java bench/ServeLoad.java "$url" "$CLIENTS" "$DURATION" "$server" "${samples[@]}" >"$WORK/load.txt"
l2=$(load)

echo "## docmerge serve under load"
echo
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(java -version 2>&1 | head -1)."
echo "Command: \`bench/serve-load.sh\` (CLIENTS=$CLIENTS DURATION=$DURATION WARMUP=$WARMUP BASE=$BASE); server \`./docmerge serve --port $PORT\`;"
echo "the load client runs on the same machine. Load average (1/5/15 min): before the baseline $l0, before the load $l1, after $l2."
echo
echo "Baseline, 1 client ($BASE s):"
echo
cat "$WORK/baseline.txt"
echo
echo "$CLIENTS concurrent clients ($DURATION s):"
echo
cat "$WORK/load.txt"
