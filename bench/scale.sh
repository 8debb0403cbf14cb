#!/usr/bin/env bash
# Does the cost of a request grow with the data? B1 (GET by key), B2 (a cloud's services ordered by Name; page size
# 50, $top=100: the first page and the next link it gave) and B3 ($count with a filter) at several sizes, on H2 and
# on PostgreSQL; on PostgreSQL also B4 (Stop/Start with RunAsynchronously=1 and zero-duration jobs: jobs completed
# per second). The peak resident memory during B1 is B7. The services, with their VMs, jobs, clouds and templates on
# two stamps, are generated inside the database by bench/generate-services.sql, loaded
# through POST /_localpack/fixtures/sql. JAVA_OPTS (e.g. -Xmx384m) goes to the LocalPack JVM.
#   bench/scale.sh                                   # 10000 and 100000 services, H2 and PostgreSQL, 10 s runs
#   SIZES="10000 1000000" DBS=postgres bench/scale.sh
#   bench/scale.sh --smoke                           # 1000 services, 1 s runs
# PostgreSQL: the local server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres); a database per size.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10000 100000"}; DBS=${DBS:-"h2 postgres"}; DURATION=10s; WARMUP=5s; CONNECTIONS=16
if [ "${1:-}" = "--smoke" ]; then SIZES="1000"; DURATION=1s; WARMUP=1s; fi
WORK=target/bench; mkdir -p "$WORK"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
. bench/common.sh
ensure_wrk
find_jar
failed=0
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT
trap 'exit 1' INT TERM

echo "| db | services | load s | B1 req/s | B1 p50 / p99 ms | B2 req/s | B2 p50 / p99 ms | B3 req/s | B3 p50 / p99 ms | B7 peak RSS in B1, MB | B4 jobs/s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for db in $DBS; do
  for n in $SIZES; do
    port=$(free_port); args=(--server.port=$port --localpack.journal.enabled=false --logging.level.root=WARN
      --localpack.jobs.duration-factor=0 --localpack.jobs.poll-interval=5ms --localpack.odata.page-size=50)
    name=bench_lp_$n
    generated_services_sql "$db" "$n" >"$WORK/generate-$db-$n.sql"
    start_with_data "$db" "$name" "$WORK/scale-$db-$n.log" "$WORK/generate-$db-$n.sql" "${args[@]}"
    subs=$(( (n + 999) / 1000 ))
    : >"$WORK/scale-b1"; : >"$WORK/scale-b2"; : >"$WORK/scale-b3"
    for k in $(seq 1 200); do
      i=$(( (k * 7919) % n + 1 )); s=$(( (i - 1) / 1000 + 1 )); c=$(( 2 * s - (k % 2) ))
      sub=$(uuid 5b000000 $s); cloud=$(uuid 5c000000 $c)
      stamp=$([ $((i % 2)) = 1 ] && echo 56ebc6dc-f63c-46e2-8438-2967e0ad83bc || echo d70c1a9b-c241-48f5-880a-b6c36071e653)
      echo "/$sub/services/systemcenter/vmm/Services(ID=guid%27$(uuid 5e000000 $i)%27,StampId=guid%27$stamp%27)" >>"$WORK/scale-b1"
      filter="\$filter=CloudId%20eq%20guid%27$cloud%27"
      first="/$sub/services/systemcenter/vmm/Services?$filter&\$orderby=Name&\$top=100"
      echo "$first" >>"$WORK/scale-b2"
      next_page_path "$base" "$first" >>"$WORK/scale-b2" # the second page
      echo "/$sub/services/systemcenter/vmm/Services/\$count?$filter" >>"$WORK/scale-b3"
    done
    row="| $db | $n | $load"
    for w in b1 b2 b3; do
      WRK_PATHS="$WORK/scale-$w" wrk -t2 -c$CONNECTIONS -d2s -s bench/rotate-keys.lua "$base" >/dev/null # warm-up
      if [ $w = b1 ]; then # B7: sample the resident memory while B1 runs
        ( peak=0; while kill -0 $pid 2>/dev/null; do
            rss=$(rss_mb $pid); [ "$rss" -gt "$peak" ] && peak=$rss
            echo $peak >"$WORK/scale-peak"; sleep 0.2; done ) & sampler=$!
      fi
      r=$(WRK_PATHS="$WORK/scale-$w" wrk -t2 -c$CONNECTIONS -d$DURATION -s bench/rotate-keys.lua "$base" | grep '^RESULT')
      [ $w = b1 ] && { kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true; }
      rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$r"); p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$r")
      p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$r"); errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$r")
      row="$row | $rps$([ "$errors" = 0 ] || echo " ($errors errors)") | $p50 / $p99"
      failed=$(( failed + errors ))
    done
    jobs="–"
    if [ "$db" = postgres ]; then # B4: operations accepted at once, jobs completed per second until the queue drains
      # every service once per pass (Stop, then Start on the next pass), so no job is still running when its
      # service comes round again
      service_operation_paths "$n" >"$WORK/scale-b4"
      count() { psql -tA -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$name" -c "$1"; }
      drain() { until [ "$(count "SELECT COUNT(*) FROM jobs WHERE status IN ('Queued', 'Running')")" = 0 ]; do
        sleep 0.1; done; }
      operations() { # $1 paths file, $2 duration
        WRK_PATHS="$1" WRK_THREADS=2 wrk -t2 -c$CONNECTIONS -d"$2" -s bench/operations.lua "$base" | grep '^RESULT'; }
      # warm-up (the JIT compiles the PUT and job paths) on the last services of the list, then the queue drains
      tail -n 2000 "$WORK/scale-b4" >"$WORK/scale-b4-warm"
      operations "$WORK/scale-b4-warm" $WARMUP >/dev/null
      drain
      before=$(count "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'")
      start=$(date +%s%N)
      r=$(operations "$WORK/scale-b4" $DURATION)
      failed=$(( failed + $(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$r") ))
      drain
      done_jobs=$(( $(count "SELECT COUNT(*) FROM jobs WHERE status = 'Completed'") - before ))
      jobs=$(awk -v n=$done_jobs -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.0f (%d jobs)", n / (ns / 1e9), n }')
    fi
    echo "$row | $(cat "$WORK/scale-peak") | $jobs |"
    kill $pid; wait $pid 2>/dev/null || true; pid=""
  done
done
# a request that failed makes the figures meaningless: say so with the exit status (CI runs --smoke)
[ "$failed" = 0 ] || { echo "$failed requests failed" >&2; exit 1; }
