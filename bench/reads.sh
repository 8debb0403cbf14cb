#!/usr/bin/env bash
# Reads at one and at 16 connections on H2 and on PostgreSQL, against WireMock (issue 20, target 2: "p50 at one
# connection <= 1.5x WireMock's, on H2 and within 1.5x of that on PostgreSQL"). B1 (GET Services by key, rotating
# keys) and B5 (ASM GET deployment slot) on three servers started side by side: LocalPack on its in-memory H2,
# LocalPack on a new PostgreSQL database with the bundled fixtures, and WireMock serving the bodies bench/run.sh
# captured (run bench/run.sh first). Each server is warmed up, then the rounds alternate between them.
#   bench/reads.sh                 # 20 s warm-up per server, 3 rounds of 10 s per workload, server and level
#   bench/reads.sh --smoke         # 1 round of 1 s, 2 s warm-up
# PostgreSQL: the local server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3; DURATION=10s; WARMUP=20s
if [ "${1:-}" = "--smoke" ]; then ROUNDS=1; DURATION=1s; WARMUP=2s; fi
WORK=target/bench
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
. bench/common.sh
ensure_wrk
find_jar
[ -f "$WIREMOCK_JAR" ] && [ -s "$WORK/b1.paths" ] && [ -d "$WORK/wiremock/mappings" ] \
  || { echo "run bench/run.sh first: it fetches WireMock and captures the bodies it serves" >&2; exit 1; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM
LP_ARGS=(--localpack.jobs.duration-factor=0 --localpack.journal.enabled=false --logging.level.root=WARN)

# the three start side by side; each is waited for below
h2_port=$(free_port); pg_port=$(free_port); wm_port=$(free_port); name=bench_reads
java ${JAVA_OPTS:-} -jar "$jar" --server.port=$h2_port "${LP_ARGS[@]}" >"$WORK/reads-h2.log" 2>&1 & pids+=($!); h2_pid=$!
psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
java ${JAVA_OPTS:-} -jar "$jar" --server.port=$pg_port "${LP_ARGS[@]}" --spring.profiles.active=postgres \
  "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$name" --spring.datasource.username="$PGUSER" \
  --spring.datasource.password= >"$WORK/reads-pg.log" 2>&1 & pids+=($!); pg_pid=$!
start_wiremock_jar $wm_port "$WORK/wiremock" "$WORK/reads-wiremock.log"; pids+=($wiremock_pid); wm_pid=$wiremock_pid
wait_up "http://127.0.0.1:$h2_port/_localpack/health" $h2_pid "$WORK/reads-h2.log"; H2="http://127.0.0.1:$h2_port"
wait_up "http://127.0.0.1:$pg_port/_localpack/health" $pg_pid "$WORK/reads-pg.log"; PG="http://127.0.0.1:$pg_port"
wait_up "http://127.0.0.1:$wm_port/ready" $wm_pid "$WORK/reads-wiremock.log"; WM="http://127.0.0.1:$wm_port"

measure() { # $1 base url, $2 paths file, $3 connections, $4 duration -> RESULT line
  WRK_PATHS="$2" wrk -t$(( $3 < 2 ? 1 : 2 )) -c$3 -d$4 --timeout 10s -s bench/rotate-keys.lua "$1" | grep '^RESULT'
}
servers=(H2 PG WM); results="$WORK/reads.txt"; : >"$results"
for s in "${servers[@]}"; do
  for w in b1 b5; do measure "${!s}" "$WORK/$w.paths" 16 "$WARMUP" >/dev/null; done
done
for round in $(seq "$ROUNDS"); do
  for w in b1 b5; do
    for c in 1 16; do
      for s in "${servers[@]}"; do echo "$w $c $s $(measure "${!s}" "$WORK/$w.paths" $c "$DURATION")" >>"$results"; done
    done
  done
done

field() { grep "^$1 $2 $3 " "$results" | sed -E "s/.* $4=([0-9.]+).*/\1/" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); wrk --timeout 10s -d$DURATION, $ROUNDS alternated rounds (medians) after $WARMUP of warm-up each; $(wc -l <"$WORK/b1.paths") B1 keys"
echo
echo "| workload | connections | H2 req/s | PostgreSQL req/s | WireMock req/s | H2 p50 / p99 ms | PostgreSQL p50 / p99 ms | WireMock p50 / p99 ms | p50 H2 / WireMock | p50 PostgreSQL / H2 |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for w in b1 b5; do
  for c in 1 16; do
    h2p50=$(field $w $c H2 p50_ms); pgp50=$(field $w $c PG p50_ms); wmp50=$(field $w $c WM p50_ms)
    echo "| ${w^^} | $c | $(field $w $c H2 rps) | $(field $w $c PG rps) | $(field $w $c WM rps) | $h2p50 / $(field $w $c H2 p99_ms) | $pgp50 / $(field $w $c PG p99_ms) | $wmp50 / $(field $w $c WM p99_ms) | $(ratio "$h2p50" "$wmp50") | $(ratio "$pgp50" "$h2p50") |"
  done
done
