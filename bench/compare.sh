#!/usr/bin/env bash
# Two LocalPack jars compared: B1 (GET Services by key, rotating keys), B5 (ASM GET deployment slot) and the stack's
# ceiling (the VMM service document). For changes that must not cost speed (a refactoring), or that claim to save
# some: build the jar of the base commit, keep it, and compare it with the jar of this checkout.
#   bench/compare.sh BASE.jar                # both jars at once, rounds alternated so that both see the same machine:
#                                            # 20 s of warm-up each, then 3 rounds of 10 s per workload and jar, c=16
#   bench/compare.sh BASE.jar --settled      # one jar at a time, each warmed up for WARMUP seconds (default 180)
#                                            # before its 3 rounds: on 2 cores the optimizing JIT needs minutes to
#                                            # settle, and with both JVMs compiling at once the default mode measures
#                                            # the JIT more than the change. JOURNAL=on keeps the request journal on
#                                            # (as users run it; the benchmarks run it off, as WireMock's is off)
#   bench/compare.sh BASE.jar --smoke        # 1 round of 1 s
#   JAVA_OPTS="-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1" WARMUP=60 bench/compare.sh BASE.jar --settled
#                                            # both JVMs with bin/localpack's settings (the client compiler settles
#                                            # within a minute, so rounds vary less than with the optimizing one)
#   AUTH=bearer bench/compare.sh BASE.jar    # both in auth mode bearer (shared HS256 secret), every request with
#                                            # one minted token, as a client that reuses its token does
# Needs: a JDK, wrk (installed when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
base_jar=${1:?usage: bench/compare.sh BASE.jar [--smoke|--settled]}
ROUNDS=3; DURATION=10s; CONNECTIONS=16; THREADS=2; SETTLED=""; WARMUP=${WARMUP:-180}
case "${2:-}" in
  --smoke) ROUNDS=1; DURATION=1s ;;
  --settled) SETTLED=yes ;;
esac
JOURNAL_ENABLED=false; [ "${JOURNAL:-off}" = on ] && JOURNAL_ENABLED=true
WORK=target/bench; mkdir -p "$WORK"

. bench/common.sh
ensure_wrk
find_jar

BASE_PORT=$(free_port); HEAD_PORT=$(free_port); [ "$HEAD_PORT" != "$BASE_PORT" ] || HEAD_PORT=$(free_port)
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM
AUTH_ARGS=(); BENCH_ADMIN_PASSWORD=bench-admin-password
[ "${AUTH:-none}" = bearer ] && AUTH_ARGS=(--localpack.auth.mode=bearer
  --localpack.auth.secret=bench-shared-secret-of-at-least-32-bytes --localpack.auth.admin-password=$BENCH_ADMIN_PASSWORD)
start() { # $1 jar, $2 port, $3 log
  java ${JAVA_OPTS:-} -jar "$1" --server.port="$2" --localpack.jobs.duration-factor=0 --localpack.journal.enabled=$JOURNAL_ENABLED \
    --logging.level.root=WARN "${AUTH_ARGS[@]}" >"$3" 2>&1 & pids+=($!); STARTED_PID=$!
  wait_up "http://127.0.0.1:$2/_localpack/health" $STARTED_PID "$3"
}
BASE="http://127.0.0.1:$BASE_PORT"; HEAD="http://127.0.0.1:$HEAD_PORT"
start "$base_jar" $BASE_PORT "$WORK/compare-base.log"; BASE_PID=$STARTED_PID
export WRK_AUTHORIZATION=""
if [ "${AUTH:-none}" = bearer ]; then # one token for both subscriptions, valid on both servers (shared secret)
  WRK_AUTHORIZATION="Bearer $(curl -sf -u admin:$BENCH_ADMIN_PASSWORD -X POST "$BASE/_localpack/tokens" \
    -H 'Content-Type: application/json' -d '{"user":"bench@fabrikam.com","subscriptions":["86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06","2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21"],"lifetime":"PT2H"}' \
    | sed -E 's/.*"token":"([^"]*)".*/\1/')"
fi

: >"$WORK/compare-b1.paths"
for s in 86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06 2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21; do
  curl -s "$BASE/$s/services/systemcenter/vmm/Services?\$select=ID,StampId&\$top=1000" -H 'OData-MaxVersion: 4.0' \
    -H 'Accept: application/json' ${WRK_AUTHORIZATION:+-H "Authorization: $WRK_AUTHORIZATION"} \
    | grep -o '"ID":"[^"]*","StampId":"[^"]*"' \
    | sed -E "s#\"ID\":\"([^\"]*)\",\"StampId\":\"([^\"]*)\"#/$s/services/systemcenter/vmm/Services(ID=guid%27\1%27,StampId=guid%27\2%27)#" \
    >>"$WORK/compare-b1.paths"
done
echo "/$SUB/services/hostedservices/fabrikam-web/deploymentslots/Production" >"$WORK/compare-b5.paths"
echo "/$SUB/services/systemcenter/vmm/" >"$WORK/compare-ceiling.paths"
# CPU the server process spent per request (user + system, from /proc): on a machine shared with other work the
# throughput moves with the neighbours' load, the CPU a request costs much less
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # $1 base url, $2 paths file, $3 server pid -> RESULT line with cpu_us (server CPU per request, µs)
  local before after line
  before=$(cpu_ticks "$3")
  line=$(WRK_PATHS="$2" wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/rotate-keys.lua "$1" | grep '^RESULT')
  after=$(cpu_ticks "$3")
  echo "$line cpu_us=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/' | awk -v t=$((after - before)) \
    -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($1 > 0) ? t * 1e6 / hz / $1 : 0 }')"
}
results="$WORK/compare.txt.$$"
WORKLOADS="b1 b5 ceiling"
if [ -n "$SETTLED" ]; then
  # one jar at a time: warm it up with B1 and B5 alternated for WARMUP seconds, then measure each workload in turn
  settled() { # $1 base|head, $2 url, $3 pid
    local until=$((SECONDS + WARMUP))
    while [ $SECONDS -lt $until ]; do
      measure "$2" "$WORK/compare-b1.paths" "$3" >/dev/null; measure "$2" "$WORK/compare-b5.paths" "$3" >/dev/null
    done
    for _ in $(seq 1 $ROUNDS); do
      for workload in $WORKLOADS; do
        echo "$workload $1 $(measure "$2" "$WORK/compare-$workload.paths" "$3")" >>"$results"
      done
    done
  }
  settled base "$BASE" $BASE_PID; stop $BASE_PID
  start "$jar" $HEAD_PORT "$WORK/compare-head.log"; HEAD_PID=$STARTED_PID
  settled head "$HEAD" $HEAD_PID; stop $HEAD_PID
else
  start "$jar" $HEAD_PORT "$WORK/compare-head.log"; HEAD_PID=$STARTED_PID
  for workload in $WORKLOADS; do
    for _ in 1 2; do
      measure "$BASE" "$WORK/compare-$workload.paths" $BASE_PID >/dev/null
      measure "$HEAD" "$WORK/compare-$workload.paths" $HEAD_PID >/dev/null
    done
    for _ in $(seq 1 $ROUNDS); do
      echo "$workload base $(measure "$BASE" "$WORK/compare-$workload.paths" $BASE_PID)" >>"$results"
      echo "$workload head $(measure "$HEAD" "$WORK/compare-$workload.paths" $HEAD_PID)" >>"$results"
    done
  done
fi

field() { grep "^$1 $2 " "$results" | sed -E "s/.*$3=([0-9.]+).*/\1/" | tr '\n' ' '; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds (medians)"
if [ -n "$SETTLED" ]; then echo "one jar at a time, each after $WARMUP s of warm-up"; else echo "both jars at once, rounds alternated"; fi
echo "base: $base_jar; head: $jar; auth mode: ${AUTH:-none}; journal: ${JOURNAL:-off}"
echo
echo "| workload | base req/s | head req/s | head/base | base p50 / p99 ms | head p50 / p99 ms | server CPU µs/request base / head | CPU head/base | rounds base | rounds head |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for workload in $WORKLOADS; do
  br=$(field $workload base rps | median); hr=$(field $workload head rps | median)
  bc=$(field $workload base cpu_us | median); hc=$(field $workload head cpu_us | median)
  printf "| %s | %.0f | %.0f | %s | %.2f / %.2f | %.2f / %.2f | %s / %s | %s | %s | %s |\n" "${workload^^}" "$br" "$hr" \
    "$(awk -v a="$hr" -v b="$br" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')" \
    "$(field $workload base p50_ms | median)" "$(field $workload base p99_ms | median)" \
    "$(field $workload head p50_ms | median)" "$(field $workload head p99_ms | median)" "$bc" "$hc" \
    "$(awk -v a="$hc" -v b="$bc" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')" \
    "$(field $workload base rps)" "$(field $workload head rps)"
done
errors=$(grep -o 'errors=[0-9]*' "$results" | cut -d= -f2 | awk '{s+=$1} END {print s+0}')
rm -f "$results"
[ "$errors" = 0 ] || { echo "$errors requests failed" >&2; exit 1; }
