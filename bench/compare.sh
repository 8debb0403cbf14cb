#!/usr/bin/env bash
# Two LocalPack jars side by side: B1 (GET Services by key, rotating keys) and B5 (ASM GET deployment slot), rounds
# alternated between the two so that both see the same machine. For changes that must not cost speed (a refactoring):
# build the jar of the base commit, keep it, and compare it with the jar of this checkout.
#   bench/compare.sh BASE.jar                # 3 alternated rounds of 10 s per workload and jar, 16 connections
#   bench/compare.sh BASE.jar --smoke        # 1 round of 1 s
# Needs: a JDK, wrk (installed when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
base_jar=${1:?usage: bench/compare.sh BASE.jar [--smoke]}
ROUNDS=3; DURATION=10s; CONNECTIONS=16; THREADS=2
if [ "${2:-}" = "--smoke" ]; then ROUNDS=1; DURATION=1s; fi
WORK=target/bench; mkdir -p "$WORK"

. bench/common.sh
ensure_wrk
find_jar

BASE_PORT=$((31000 + RANDOM % 4000)); HEAD_PORT=$((35000 + RANDOM % 4000))
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM
wait_200() { until curl -sf -o /dev/null "$1"; do sleep 0.05; done; }
start() { # $1 jar, $2 port, $3 log
  java -jar "$1" --server.port="$2" --localpack.jobs.duration-factor=0 --localpack.journal.enabled=false \
    --logging.level.root=WARN >"$3" 2>&1 & pids+=($!)
}
start "$base_jar" $BASE_PORT "$WORK/compare-base.log"
start "$jar" $HEAD_PORT "$WORK/compare-head.log"
BASE="http://127.0.0.1:$BASE_PORT"; HEAD="http://127.0.0.1:$HEAD_PORT"
wait_200 "$BASE/_localpack/health"; wait_200 "$HEAD/_localpack/health"

: >"$WORK/compare-b1.paths"
for s in 86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06 2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21; do
  curl -s "$HEAD/$s/services/systemcenter/vmm/Services?\$select=ID,StampId&\$top=1000" -H 'OData-MaxVersion: 4.0' \
    -H 'Accept: application/json' | grep -o '"ID":"[^"]*","StampId":"[^"]*"' \
    | sed -E "s#\"ID\":\"([^\"]*)\",\"StampId\":\"([^\"]*)\"#/$s/services/systemcenter/vmm/Services(ID=guid%27\1%27,StampId=guid%27\2%27)#" \
    >>"$WORK/compare-b1.paths"
done
echo "/$SUB/services/hostedservices/fabrikam-web/deploymentslots/Production" >"$WORK/compare-b5.paths"

measure() { # $1 base url, $2 paths file -> RESULT line
  WRK_PATHS="$2" wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/rotate-keys.lua "$1" | grep '^RESULT'
}
results="$WORK/compare.txt.$$"
for workload in b1 b5; do
  for _ in 1 2; do measure "$BASE" "$WORK/compare-$workload.paths" >/dev/null; measure "$HEAD" "$WORK/compare-$workload.paths" >/dev/null; done
  for _ in $(seq 1 $ROUNDS); do
    echo "$workload base $(measure "$BASE" "$WORK/compare-$workload.paths")" >>"$results"
    echo "$workload head $(measure "$HEAD" "$WORK/compare-$workload.paths")" >>"$results"
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { grep "^$1 $2 " "$results" | sed -E "s/.*$3=([0-9.]+).*/\1/" | tr '\n' ' '; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternated rounds (medians)"
echo "base: $base_jar; head: $jar"
echo
echo "| workload | base req/s | head req/s | head/base | base p50 / p99 ms | head p50 / p99 ms | rounds base | rounds head |"
echo "|---|---|---|---|---|---|---|---|"
for workload in b1 b5; do
  br=$(field $workload base rps | median); hr=$(field $workload head rps | median)
  printf "| %s | %.0f | %.0f | %s | %.2f / %.2f | %.2f / %.2f | %s | %s |\n" "${workload^^}" "$br" "$hr" \
    "$(awk -v a="$hr" -v b="$br" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')" \
    "$(field $workload base p50_ms | median)" "$(field $workload base p99_ms | median)" \
    "$(field $workload head p50_ms | median)" "$(field $workload head p99_ms | median)" \
    "$(field $workload base rps)" "$(field $workload head rps)"
done
errors=$(grep -o 'errors=[0-9]*' "$results" | cut -d= -f2 | awk '{s+=$1} END {print s+0}')
rm -f "$results"
[ "$errors" = 0 ] || { echo "$errors requests failed" >&2; exit 1; }
