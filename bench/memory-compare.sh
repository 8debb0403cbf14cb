#!/usr/bin/env bash
# Memory of two LocalPack jars side by side (issue 20, B7 as bench/run.sh measures it): each started as the README
# says (bin/localpack, its JVM settings and its AOT cache or CDS archive), resident memory sampled every 0.2 s from
# the start through a warm-up and a B1 round at 16 connections; alternated starts, peak per start, medians.
#   bench/memory-compare.sh A.jar B.jar [n] [cds|aot]      (n: starts per jar, 3; aot, the default, needs a JDK 24+)
# Each jar runs in a directory of its own with this checkout's bin/localpack (SCRIPT_A / SCRIPT_B: another one for a
# side, to try a change to it), as bench/startup-compare.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
[ $# -ge 2 ] || { sed -n 2,6p "$0"; exit 2; }
ensure_wrk
n=${3:-3}; DURATION=${DURATION:-10s}
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
work=$(mktemp -d /tmp/memory-compare.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; true' EXIT
if [ "${4:-aot}" = aot ]; then java=$(aot_java); else java=${LOCALPACK_JAVA:-$(command -v java)}; fi
for side in A B; do side_checkout "$work/$side" $side "$([ $side = A ] && echo "$1" || echo "$2")" "$java"; done

declare -A peaks=([A]="" [B]="") rates=([A]="" [B]="")
for i in $(seq 1 "$n"); do
  for side in A B; do
    port=$(free_port); base="http://127.0.0.1:$port"
    # bench/run.sh's LocalPack arguments: zero-duration jobs, no request journal (WireMock runs without one)
    (cd "$work/$side" && LOCALPACK_JAVA=$java exec bin/localpack --server.port=$port --logging.level.root=WARN \
      --localpack.jobs.duration-factor=0 --localpack.journal.enabled=false) \
      >"$work/$side.log" 2>&1 &
    pid=$!; peak=0
    sample() { local r; r=$(rss_mb $pid); [ "${r:-0}" -gt "$peak" ] && peak=$r; true; }
    wait_up "$base/_localpack/health" $pid "$work/$side.log" sample
    [ -s "$work/b1.paths" ] || curl -s "$base/$SUB/services/systemcenter/vmm/Services?\$select=ID,StampId&\$top=1000" \
        -H 'OData-MaxVersion: 4.0' -H 'Accept: application/json' | grep -o '"ID":"[^"]*","StampId":"[^"]*"' \
      | sed -E "s#\"ID\":\"([^\"]*)\",\"StampId\":\"([^\"]*)\"#/$SUB/services/systemcenter/vmm/Services(ID=guid'\1',StampId=guid'\2')#" \
      >"$work/b1.paths"
    for _ in warm-up measured; do
      WRK_PATHS="$work/b1.paths" wrk -t2 -c16 -d"$DURATION" -s bench/rotate-keys.lua "$base" | grep '^RESULT' \
        >"$work/b1.out" & wrk_pid=$!
      while kill -0 $wrk_pid 2>/dev/null; do sample; sleep 0.2; done
      wait $wrk_pid
    done
    peaks[$side]="${peaks[$side]} $peak"
    rates[$side]="${rates[$side]} $(sed -E 's/.*rps=([0-9.]+).*/\1/' "$work/b1.out" | cut -d. -f1)"
    echo "start $i $side: peak $peak MB, B1 ${rates[$side]##* } req/s" >&2
    stop $pid; pid=""
  done
done
echo "$("$java" -version 2>&1 | head -1), bin/localpack, $n starts each, B1 c=16 $DURATION twice; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  peak RSS: A $(echo "${peaks[A]}" | median) MB (${peaks[A]# }), B $(echo "${peaks[B]}" | median) MB (${peaks[B]# })"
echo "  B1 req/s: A $(echo "${rates[A]}" | median) (${rates[A]# }), B $(echo "${rates[B]}" | median) (${rates[B]# })"
