#!/usr/bin/env bash
# Do the dashboard's lists stay fast with the data? The first page of each list the dashboard shows (all services,
# one subscription's services, a name filter across all subscriptions and within one, a state filter, all virtual
# machines, a later page), timed with curl (median of 5 after a warm-up), on PostgreSQL with the services, VMs and
# jobs bench/generate-services.sql generates.
#   bench/dashboard.sh                          # 1000000 services (2000000 VMs) on PostgreSQL
#   SIZES="10000 100000" bench/dashboard.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000000"}
WORK=target/bench; mkdir -p "$WORK"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
. bench/common.sh
find_jar
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null || true' EXIT

median_ms() { # $1 URL path: median of 5 timed GETs after one warm-up, in ms
  curl -sf -o /dev/null "$base$1"
  for k in 1 2 3 4 5; do curl -sf -o /dev/null -w '%{time_total}\n' "$base$1"; done \
    | sort -n | sed -n 3p | awk '{ printf "%.0f", $1 * 1000 }'
}

echo "| services | load s | all, page 1 | one subscription | name filter, all | name filter, one subscription | state filter, all | all VMs | page 100 of all |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in $SIZES; do
  port=$(free_port)
  generated_services_sql postgres "$n" >"$WORK/dashboard-$n.sql"
  start_with_data postgres "bench_lp_dash_$n" "$WORK/dashboard-$n.log" "$WORK/dashboard-$n.sql" --server.port=$port \
    --localpack.journal.enabled=false --logging.level.root=WARN --localpack.jobs.duration-factor=0
  sub=$(uuid 5b000000 $(( (n / 1000 + 1) / 2 )))
  ui=/_localpack/ui/api/resources
  echo "| $n | $load | $(median_ms "$ui/services") | $(median_ms "$ui/services?subscription=$sub") | $(median_ms "$ui/services?q=service%20$(printf %07d $((n - 7)))") | $(median_ms "$ui/services?subscription=$sub&q=7") | $(median_ms "$ui/services?state=Stopped") | $(median_ms "$ui/virtual-machines") | $(median_ms "$ui/services?page=100") |"
  kill $pid; wait $pid 2>/dev/null || true; pid=""
done
