#!/usr/bin/env bash
# Measures POST /_localpack/reset (whole database) and POST /_localpack/reset/{subscription} on the bundled
# fixtures: starts LocalPack from the packaged jar on H2 (or uses BASE_URL if set), runs each reset RUNS times after
# a warm-up, and prints the server-side duration (durationMillis in the answer) and curl's round trip, in ms.
#   bench/reset-timing.sh            # builds the jar if missing (./mvnw -DskipTests package)
#   RUNS=200 bench/reset-timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-100}
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
pid=""
mkdir -p target
if [ -z "${BASE_URL:-}" ]; then
  jar=$(ls localpack-server/target/localpack-server-*-exec.jar 2>/dev/null | head -1 || true)
  if [ -z "$jar" ]; then ./mvnw -q -B -ntp -DskipTests package -pl localpack-server; jar=$(ls localpack-server/target/localpack-server-*-exec.jar | head -1); fi
  port=$((31000 + RANDOM % 8000))
  java -jar "$jar" --server.port=$port --localpack.jobs.duration-factor=0 >target/reset-timing.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  BASE_URL=http://127.0.0.1:$port
  for _ in $(seq 1 120); do
    curl -sf "$BASE_URL/_localpack/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
measure() { # $1 label, $2 path
  local out=target/reset-timing-$1.txt
  : >"$out"
  for _ in $(seq 1 10); do curl -sf -X POST "$BASE_URL$2" >/dev/null; done   # warm-up
  for _ in $(seq 1 "$RUNS"); do
    curl -sf -X POST -o target/reset-answer.json -w '%{time_total}' "$BASE_URL$2" >target/reset-rtt.txt
    server=$(sed -E 's/.*"durationMillis":([0-9]+).*/\1/' target/reset-answer.json)
    echo "$server $(awk '{printf "%.1f", $1 * 1000}' target/reset-rtt.txt)" >>"$out"
  done
  sort -n -k1 "$out" | awk -v label="$1" -v rows="$(sed -E 's/.*"rowsWritten":([0-9]+).*/\1/' target/reset-answer.json)" '
    { s[NR] = $1; r[NR] = $2; total += $2 }
    END {
      n = asort(r, rs)
      printf "| %-22s | %6d | %5d | %8d | %8d | %8d | %10.1f | %10.1f |\n", label, NR, rows,
             s[int(NR * 0.5 + 0.5)], s[int(NR * 0.95 + 0.5)], s[NR], rs[int(n * 0.5 + 0.5)], rs[int(n * 0.95 + 0.5)]
    }'
}
echo "| reset                  |   runs |  rows | p50 (ms) | p95 (ms) | max (ms) | RTT p50 ms | RTT p95 ms |"
echo "|------------------------|--------|-------|----------|----------|----------|------------|------------|"
measure all /_localpack/reset
measure one-subscription /_localpack/reset/$SUB
