#!/usr/bin/env bash
# B4 alone, on PostgreSQL, for one jar or several side by side: PUT Services(…)?RunAsynchronously=1 with Stop/Start and
# zero-duration jobs (as in bench/scale.sh), jobs completed per second from the first request until the queue is
# empty, and the server's CPU per completed job (user + system from /proc, the PUT and the job together). With more
# jars the rounds alternate, so both see the same machine; each jar has a database of its own with the same data.
#   bench/b4.sh A.jar                   # one jar: 5 s warm-up, 3 rounds of 10 s, 10,000 services
#   bench/b4.sh BASE.jar HEAD.jar       # A/B: rounds alternated, medians side by side (also A/B/C ...)
#   SIZE=100000 ROUNDS=5 bench/b4.sh BASE.jar HEAD.jar
#   POLL=500ms bench/b4.sh A.jar B.jar  # the poll interval (default 5ms, as in scale.sh; the config's is 500ms)
#   PROFILE=1 bench/b4.sh HEAD.jar      # also an async-profiler CPU profile (collapsed stacks, per thread) of each
#                                       # jar's whole run: target/bench/b4-<a|b>.collapsed (AP: libasyncProfiler.so)
# PostgreSQL: the local server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/b4.sh A.jar [B.jar ...]" >&2; exit 2; }
jars=("$@")
SIZE=${SIZE:-10000}; ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10s}; WARMUP=${WARMUP:-5s}; CONNECTIONS=${CONNECTIONS:-16}
AP=${AP:-/tmp/ap/linux-x64/libasyncProfiler.so}
WORK=target/bench; mkdir -p "$WORK"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
. bench/common.sh
ensure_wrk

pids=(); bases=(); names=()
# the profiler writes its file when the JVM exits: wait for that
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done; }
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM

n=$SIZE; subs=$(( (n + 999) / 1000 ))
sed -e "s/@SERVICES@/$n/g" -e "s/@SUBSCRIPTIONS@/$subs/g" -e "s/@CLOUDS@/$((2 * subs))/g" -e "s/@VMS@/$((2 * n))/g" \
    -e 's/@RANGE(\([0-9]*\))@/generate_series(1, \1) AS g(i)/g' bench/generate-services.sql >"$WORK/b4-generate.sql"
# every service once per pass (Stop, then Start on the next pass), so no job still runs when its service comes round
awk -v n=$(( n < 50000 ? n : 50000 )) 'BEGIN { for (i = 1; i <= n; i++) printf "/5b000000-0000-4000-8000-%012d/services/systemcenter/vmm/Services(ID=guid%c5e000000-0000-4000-8000-%012d%c,StampId=guid%c%s%c)\n", int((i - 1) / 1000) + 1, 39, i, 39, 39, (i % 2 ? "56ebc6dc-f63c-46e2-8438-2967e0ad83bc" : "d70c1a9b-c241-48f5-880a-b6c36071e653"), 39 }' >"$WORK/b4-paths"
tail -n 2000 "$WORK/b4-paths" >"$WORK/b4-warm"

user_java_opts=${JAVA_OPTS:-} # the caller's, for every jar
label() { printf "\\$(printf %o $((97 + $1)))"; } # a, b, c, ... by position
for i in "${!jars[@]}"; do
  jar=${jars[$i]}; l=$(label "$i")
  JAVA_OPTS=$user_java_opts
  [ "${PROFILE:-0}" = 1 ] && JAVA_OPTS="$JAVA_OPTS -agentpath:$AP=start,event=itimer,interval=1ms,threads,collapsed,file=$PWD/$WORK/b4-$l.collapsed"
  start_with_data postgres "bench_b4_$l" "$WORK/b4-$l.log" "$WORK/b4-generate.sql" --server.port=$(free_port)\
    --localpack.journal.enabled=false --logging.level.root=WARN --localpack.jobs.duration-factor=0 \
    --localpack.jobs.poll-interval=${POLL:-5ms} --localpack.odata.page-size=50
  pids+=("$pid"); bases+=("$base"); names+=("bench_b4_$l")
done
pid=""

count() { psql -tA -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$1" -c "$2"; }
drain() { until [ "$(count "$1" "SELECT COUNT(*) FROM jobs WHERE status IN ('Queued', 'Running')")" = 0 ]; do
  sleep 0.05; done; }
operations() { # $1 base, $2 paths, $3 duration
  WRK_PATHS="$2" WRK_THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"$3" -s bench/operations.lua "$1" | grep '^RESULT'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

for i in "${!jars[@]}"; do # warm-up: the JIT compiles the PUT and the job paths
  operations "${bases[$i]}" "$WORK/b4-warm" "$WARMUP" >/dev/null; drain "${names[$i]}"
done

results="$WORK/b4.txt.$$"; : >"$results"
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!jars[@]}"; do
    l=$(label "$i"); p=${pids[$i]}; db=${names[$i]}
    before=$(count "$db" "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'")
    cpu0=$(cpu_ticks "$p"); t0=$(date +%s%N)
    r=$(operations "${bases[$i]}" "$WORK/b4-paths" "$DURATION")
    drain "$db"
    t1=$(date +%s%N); cpu1=$(cpu_ticks "$p")
    done_jobs=$(( $(count "$db" "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'") - before ))
    echo "$l $r jobs=$done_jobs $(awk -v n="$done_jobs" -v ns=$((t1 - t0)) -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "jobs_s=%.1f cpu_us=%.0f", n / (ns / 1e9), (n > 0) ? t * 1e6 / hz / n : 0 }')" | tee -a "$results" >&2
  done
done

field() { grep "^$1 " "$results" | sed -E "s/.*[ ]$2=([0-9.]+).*/\1/" | tr '\n' ' '; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); $SIZE services; wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds (medians)"
echo
echo "| jar | completed jobs/s | accepted PUT/s | PUT p50 / p99 ms | server CPU µs per job | rounds jobs/s |"
echo "|---|---|---|---|---|---|"
for i in "${!jars[@]}"; do
  l=$(label "$i")
  printf "| %s %s | %.0f | %.0f | %.2f / %.2f | %.0f | %s|\n" "$l" "$(basename "${jars[$i]}")" \
    "$(field "$l" jobs_s | median)" "$(field "$l" rps | median)" "$(field "$l" p50_ms | median)" \
    "$(field "$l" p99_ms | median)" "$(field "$l" cpu_us | median)" "$(field "$l" jobs_s)"
done
errors=$(grep -o 'errors=[0-9]*' "$results" | cut -d= -f2 | awk '{s+=$1} END {print s+0}')
rm -f "$results"
[ "$errors" = 0 ] || { echo "$errors requests failed" >&2; exit 1; }
