#!/usr/bin/env bash
# LocalPack against WireMock standalone (the canned stub a team would otherwise write), same URLs, same bodies,
# same machine, runs alternated. Workloads of issue 9 measured so far: B1 (GET Services by key, rotating keys),
# B2 (a cloud's services ordered by Name, $top=100, and the next page when there is one, rotating clouds), B3 (the
# $count of a cloud's services), B5 (ASM GET deployment slot) and B6 (process start to the first 200; LocalPack
# started three or four ways: java -jar, bin/localpack with its class-data-sharing archive, with its quick JIT and
# with the optimizing one, and bin/localpack with the JDK's ahead-of-time cache when a JDK 25+ is installed).
# Issue 20: B1, B2, B3 and B5 at 16, 64 and 256 connections, LocalPack's stack ceiling (its VMM service document,
# and health) beside them, failures counted (non-2xx, socket errors), and the first 10 s after start (cold) against
# the steady state; B7, the resident memory during B1 when LocalPack is started as the README says (bin/localpack
# and its JVM settings). Prints markdown tables.
#   bench/run.sh              # 3 alternated rounds of 10 s per workload, server and connection count
#   bench/run.sh --smoke      # seconds: 1 round of 1 s at 16 and 256 connections, no warm-up, to check the suite
#                             # still runs
# Needs: a JDK, wrk (Debian package; installed here when missing and running as root), network to Maven Central
# for the WireMock jar the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=3; DURATION=10s; THREADS=2; STARTS=3; CONNECTION_LEVELS="16 64 256"; COLD_AGAIN=b5; SMOKE=""
WARM_UPS=2
if [ "${1:-}" = "--smoke" ]; then ROUNDS=1; DURATION=1s; STARTS=1; COLD_AGAIN=""; SMOKE=yes; WARM_UPS=0
  CONNECTION_LEVELS="16 256"; fi
WORK=target/bench; mkdir -p "$WORK"

. bench/common.sh
ensure_wrk
find_jar
find_wiremock

LP_PORT=$(free_port); WM_PORT=$(free_port); [ "$WM_PORT" != "$LP_PORT" ] || WM_PORT=$(free_port)
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
trap 'cleanup; exit 1' INT TERM

LP_ARGS=(--server.port=$LP_PORT --localpack.jobs.duration-factor=0 --localpack.journal.enabled=false
  --logging.level.root=WARN)
start_localpack() { # $1: how (jar: java -jar; cds: bin/localpack on JDK 17; cds-c2: same with LOCALPACK_QUICK_JIT=0; aot: on JDK 25+)
  case "${1:-jar}" in
    jar) java -jar "$jar" "${LP_ARGS[@]}" >"$WORK/localpack.log" 2>&1 & ;;
    cds) LOCALPACK_JAVA=$JAVA17 bin/localpack "${LP_ARGS[@]}" >"$WORK/localpack.log" 2>&1 & ;;
    cds-c2) LOCALPACK_JAVA=$JAVA17 LOCALPACK_QUICK_JIT=0 bin/localpack "${LP_ARGS[@]}" >"$WORK/localpack.log" 2>&1 & ;;
    aot) LOCALPACK_JAVA=$JAVA_AOT bin/localpack "${LP_ARGS[@]}" >"$WORK/localpack.log" 2>&1 & ;;
  esac
  pids+=($!); LP_PID=$!
}
start_wiremock() {
  start_wiremock_jar $WM_PORT "$WORK/wiremock" "$WORK/wiremock.log"; pids+=($wiremock_pid); WM_PID=$wiremock_pid
}

# B6: process start to the first 200 ($metadata for LocalPack, a mapped URL for WireMock), alternated
mkdir -p "$WORK/wiremock/__files"; wiremock_ready_root "$WORK/wiremock"
# bin/localpack on the JDK on PATH (CDS archive on 17), and with its ahead-of-time cache when a JDK 25+ is there
JAVA17=$(command -v java); JAVA_AOT=""; starts="jar cds cds-c2"
for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -V -r); do
  v=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
  if [ "${v:-0}" -ge 25 ]; then JAVA_AOT=$candidate; starts="$starts aot"; break; fi
done
# --smoke (CI) starts each way of starting once only to see it still works: java -jar and bin/localpack's best mode here
if [ -n "$SMOKE" ]; then starts="jar $([ -n "$JAVA_AOT" ] && echo aot || echo cds)"; fi
case " $starts " in *" cds"*) LOCALPACK_JAVA=$JAVA17 bin/localpack --prepare >/dev/null;; esac # made once per jar
case " $starts " in *" cds-c2 "*) LOCALPACK_JAVA=$JAVA17 LOCALPACK_QUICK_JIT=0 bin/localpack --prepare >/dev/null;; esac
case " $starts " in *" aot "*) LOCALPACK_JAVA=$JAVA_AOT bin/localpack --prepare >/dev/null;; esac
declare -A lp_start=([jar]="" [cds]="" [cds-c2]="" [aot]=""); wm_start=()
for _ in $(seq 1 $STARTS); do
  for how in $starts; do
    t=$(millis); start_localpack $how
    wait_up "http://127.0.0.1:$LP_PORT/$SUB/services/systemcenter/vmm/\$metadata" $LP_PID "$WORK/localpack.log"
    lp_start[$how]="${lp_start[$how]} $(( $(millis) - t ))"; stop $LP_PID
  done
  t=$(millis); start_wiremock; wait_up "http://127.0.0.1:$WM_PORT/ready" $WM_PID "$WORK/wiremock.log"; wm_start+=($(( $(millis) - t ))); stop $WM_PID
done

# Capture LocalPack's real answers for the paths of B1, B2, B3 and B5, and give WireMock the same body for the same URL
start_localpack; wait_up "http://127.0.0.1:$LP_PORT/_localpack/health" $LP_PID "$WORK/localpack.log"
LP="http://127.0.0.1:$LP_PORT"
: >"$WORK/b1.paths"; : >"$WORK/b2.paths"; : >"$WORK/b3.paths"
for s in 86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06 2f4a1d63-3c5e-4b0e-9a57-0c1b8d7e6f21; do
  curl -s "$LP/$s/services/systemcenter/vmm/Services?\$select=ID,StampId&\$top=1000" -H 'OData-MaxVersion: 4.0' \
    -H 'Accept: application/json' | grep -o '"ID":"[^"]*","StampId":"[^"]*"' \
    | sed -E "s#\"ID\":\"([^\"]*)\",\"StampId\":\"([^\"]*)\"#/$s/services/systemcenter/vmm/Services(ID=guid'\1',StampId=guid'\2')#" \
    >>"$WORK/b1.paths"
  for cloud in $(curl -s "$LP/$s/services/systemcenter/vmm/Clouds?\$select=ID" -H 'OData-MaxVersion: 4.0' \
      -H 'Accept: application/json' | grep -o '"ID":"[^"]*"' | cut -d'"' -f4); do
    filter="\$filter=CloudId%20eq%20guid%27$cloud%27"
    first="/$s/services/systemcenter/vmm/Services?$filter&\$orderby=Name&\$top=100"
    echo "$first" >>"$WORK/b2.paths"
    next_page_path "$LP" "$first" >>"$WORK/b2.paths"
    echo "/$s/services/systemcenter/vmm/Services/\$count?$filter" >>"$WORK/b3.paths"
  done
done
echo "/$SUB/services/hostedservices/fabrikam-web/deploymentslots/Production" >"$WORK/b5.paths"
n=0
for path in $(cat "$WORK/b1.paths" "$WORK/b2.paths" "$WORK/b3.paths" "$WORK/b5.paths"); do
  n=$((n + 1))
  curl -s -D "$WORK/headers" -o "$WORK/wiremock/__files/body-$n" "$LP$path" -H 'Accept: application/json' \
    -H 'x-ms-version: 2015-04-01'
  type=$(grep -i '^content-type:' "$WORK/headers" | head -1 | cut -d' ' -f2- | tr -d '\r')
  url=$(printf '%s' "$path" | sed "s/'/%27/g")
  printf '{"request":{"method":"GET","url":"%s"},"response":{"status":200,"bodyFileName":"body-%d","headers":{"Content-Type":"%s"}}}\n' \
    "$url" "$n" "$type" >"$WORK/wiremock/mappings/m-$n.json"
done
sed -i "s/'/%27/g" "$WORK/b1.paths" "$WORK/b5.paths"
# the stack's ceiling: a near-static answer through the same filters, controller and subscription lookup as B1 (the
# VMM service document, V3 JSON light: a fixed list of the entity sets, no Olingo, no entity read), and health
echo "/$SUB/services/systemcenter/vmm/" >"$WORK/ceiling.paths"
echo "/_localpack/health" >"$WORK/health.paths"

measure() { # $1 base url, $2 paths file, $3 connections -> RESULT line
  WRK_PATHS="$2" wrk -t$THREADS -c$3 -d$DURATION --timeout 10s -s bench/rotate-keys.lua "$1" | grep '^RESULT'
}
results="$WORK/results.txt.$$"; : >"$results"

# Cold: the first DURATION after start, on a fresh process of each server (LocalPack's answered only the capture's
# dozen requests before). B1 on the processes just started; B5 on new ones (not in --smoke, to keep it short).
echo "b1 cold-localpack $(measure "$LP" "$WORK/b1.paths" 16)" >>"$results"
start_wiremock; wait_up "http://127.0.0.1:$WM_PORT/ready" $WM_PID "$WORK/wiremock.log"
WM="http://127.0.0.1:$WM_PORT"
echo "b1 cold-wiremock $(measure "$WM" "$WORK/b1.paths" 16)" >>"$results"
for workload in $COLD_AGAIN; do
  stop $LP_PID; stop $WM_PID
  start_localpack; wait_up "$LP/_localpack/health" $LP_PID "$WORK/localpack.log"
  echo "$workload cold-localpack $(measure "$LP" "$WORK/$workload.paths" 16)" >>"$results"
  start_wiremock; wait_up "$WM/ready" $WM_PID "$WORK/wiremock.log"
  echo "$workload cold-wiremock $(measure "$WM" "$WORK/$workload.paths" 16)" >>"$results"
done

# Steady state: a warm-up (twice the measured time: on 2 cores the JIT compiler takes much of the first seconds),
# then alternated measured rounds at each connection count, the ceiling measured in the same rounds
for workload in b1 b2 b3 b5; do
  for _ in $(seq 1 $WARM_UPS); do measure "$LP" "$WORK/$workload.paths" 16 >/dev/null; measure "$WM" "$WORK/$workload.paths" 16 >/dev/null; done
  for c in $CONNECTION_LEVELS; do
    for round in $(seq 1 $ROUNDS); do
      echo "$workload localpack-c$c $(measure "$LP" "$WORK/$workload.paths" $c)" >>"$results"
      echo "$workload wiremock-c$c $(measure "$WM" "$WORK/$workload.paths" $c)" >>"$results"
      [ "$workload" = b1 ] || continue # one ceiling per connection count, measured between the B1 rounds
      echo "ceiling localpack-c$c $(measure "$LP" "$WORK/ceiling.paths" $c)" >>"$results"
    done
  done
done
for round in $(seq 1 $ROUNDS); do echo "health localpack-c16 $(measure "$LP" "$WORK/health.paths" 16)" >>"$results"; done
LP_RSS=$(rss_mb $LP_PID)

# B7: resident memory the way the README starts LocalPack (bin/localpack with its JVM settings, the best way this
# machine has), sampled every 0.2 s from the start through a warm-up and a B1 round at 16 connections
stop $LP_PID
start_localpack "$([ -n "$JAVA_AOT" ] && echo aot || echo cds)"; README_PID=$LP_PID
readme_peak=0
sample_rss() { local r; r=$(rss_mb $README_PID); [ "${r:-0}" -gt "$readme_peak" ] && readme_peak=$r; true; }
wait_up "$LP/_localpack/health" $README_PID "$WORK/localpack.log" sample_rss
for _ in warm-up measured; do
  measure "$LP" "$WORK/b1.paths" 16 >"$WORK/b7.out" & wrk_pid=$!
  while kill -0 $wrk_pid 2>/dev/null; do sample_rss; sleep 0.2; done
  wait $wrk_pid
done
echo "b7 localpack-c16 $(cat "$WORK/b7.out")" >>"$results"
README_JVM=$(tr '\0' '\n' </proc/$README_PID/cmdline | grep -E '^-(XX:\+Use|Xmx|XX:TieredStop|Dspring.aot)' | tr '\n' ' ')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
field() { grep "^$1 $2 " "$results" | sed -E "s/.*[ ]$3=([0-9.]+).*/\1/" | tr '\n' ' '; }
total() { field "$1" "$2" "$3" | tr ' ' '\n' | awk '{s+=$1} END {print s+0}'; }
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(java -version 2>&1 | head -1); wrk -t$THREADS -d$DURATION, $ROUNDS alternated rounds (medians); $(wc -l <"$WORK/b1.paths") B1 keys, $(wc -l <"$WORK/b2.paths") B2 pages, $(wc -l <"$WORK/b3.paths") B3 counts"
echo
echo "Steady state. Ceiling: the VMM service document (V3 JSON light) on LocalPack at the same connection count, the"
echo "same filters, controller and subscription lookup without Olingo or an entity read. Failures: non-2xx answers /"
echo "socket errors and timeouts (10 s), summed over the rounds."
echo
echo "| workload | connections | LocalPack req/s | WireMock req/s | ratio | LocalPack ceiling req/s | LocalPack / ceiling | LocalPack p50 / p99 ms | WireMock p50 / p99 ms | p99 ratio | failures LP | failures WM |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for workload in b1 b2 b3 b5; do
  for c in $CONNECTION_LEVELS; do
    lr=$(field $workload localpack-c$c rps | median); wr=$(field $workload wiremock-c$c rps | median)
    cr=$(field ceiling localpack-c$c rps | median)
    l50=$(field $workload localpack-c$c p50_ms | median); l99=$(field $workload localpack-c$c p99_ms | median)
    w50=$(field $workload wiremock-c$c p50_ms | median); w99=$(field $workload wiremock-c$c p99_ms | median)
    printf "| %s | %s | %.0f | %.0f | %s | %.0f | %s | %.2f / %.2f | %.2f / %.2f | %s | %s / %s | %s / %s |\n" \
      "${workload^^}" "$c" "$lr" "$wr" "$(ratio "$lr" "$wr")" "$cr" "$(ratio "$lr" "$cr")" "$l50" "$l99" "$w50" \
      "$w99" "$(ratio "$l99" "$w99")" "$(total $workload localpack-c$c non2xx)" "$(total $workload localpack-c$c socket)" \
      "$(total $workload wiremock-c$c non2xx)" "$(total $workload wiremock-c$c socket)"
  done
done
for c in $CONNECTION_LEVELS; do
  printf "| ceiling: VMM service document | %s | %.0f | – | | | | %.2f / %.2f | | | %s / %s | |\n" "$c" \
    "$(field ceiling localpack-c$c rps | median)" "$(field ceiling localpack-c$c p50_ms | median)" \
    "$(field ceiling localpack-c$c p99_ms | median)" "$(total ceiling localpack-c$c non2xx)" \
    "$(total ceiling localpack-c$c socket)"
done
printf "| ceiling: /_localpack/health | 16 | %.0f | – | | | | %.2f / %.2f | | | %s / %s | |\n" \
  "$(field health localpack-c16 rps | median)" "$(field health localpack-c16 p50_ms | median)" \
  "$(field health localpack-c16 p99_ms | median)" "$(total health localpack-c16 non2xx)" "$(total health localpack-c16 socket)"
echo
echo "Cold: the first $DURATION after start (16 connections), one run each, against the steady state at 16 connections."
echo
echo "| workload | LocalPack cold req/s | LocalPack steady req/s | cold / steady | LocalPack cold p50 / p99 ms | WireMock cold req/s | WireMock steady req/s | cold ratio LP / WM | failures LP / WM |"
echo "|---|---|---|---|---|---|---|---|---|"
for workload in b1 $COLD_AGAIN; do
  lc=$(field $workload cold-localpack rps | median); ls_=$(field $workload localpack-c16 rps | median)
  wc_=$(field $workload cold-wiremock rps | median); ws=$(field $workload wiremock-c16 rps | median)
  printf "| %s | %.0f | %.0f | %s | %.2f / %.2f | %.0f | %.0f | %s | %s / %s |\n" "${workload^^}" "$lc" "$ls_" \
    "$(ratio "$lc" "$ls_")" "$(field $workload cold-localpack p50_ms | median)" \
    "$(field $workload cold-localpack p99_ms | median)" "$wc_" "$ws" "$(ratio "$lc" "$wc_")" \
    "$(total $workload cold-localpack errors)" "$(total $workload cold-wiremock errors)"
done
echo
echo "| start-up | LocalPack | WireMock | ratio | LocalPack runs ms | WireMock runs ms |"
echo "|---|---|---|---|---|---|"
ws_med=$(echo "${wm_start[@]}" | median)
for how in $starts; do
  ls_med=$(echo ${lp_start[$how]} | median)
  label=$(case $how in jar) echo "java -jar";; cds) echo "bin/localpack (CDS, JDK 17)";; cds-c2) echo "bin/localpack, optimizing JIT (LOCALPACK_QUICK_JIT=0)";;
          aot) echo "bin/localpack (AOT cache, $("$JAVA_AOT" -version 2>&1 | sed -n 1p | cut -d'"' -f2))";; esac)
  printf "| B6 start-up to first 200, %s | %s ms | %s ms | %s | %s | %s |\n" "$label" "$ls_med" \
    "$ws_med" "$(ratio "$ls_med" "$ws_med")" "${lp_start[$how]}" "${wm_start[*]}"
done
echo
echo "LocalPack resident memory after the runs above: ${LP_RSS} MB (java -jar, the JVM's default heap, bundled fixtures, H2)"
echo
echo "B7, started as the README says (bin/localpack and its JVM settings: ${README_JVM% }):"
echo "peak resident memory ${readme_peak} MB from the start through a warm-up and one B1 round at 16 connections, which"
echo "served $(field b7 localpack-c16 rps | median) req/s (p50 / p99 $(field b7 localpack-c16 p50_ms | median) / $(field b7 localpack-c16 p99_ms | median) ms)."
errors=$(total '[a-z0-9]*' '[a-z0-9-]*' errors)
rm -f "$results"
# a request that failed makes the figures meaningless: say so with the exit status (CI runs --smoke)
[ "$errors" = 0 ] || { echo "$errors requests failed" >&2; exit 1; }
