#!/usr/bin/env bash
# Start-up of two LocalPack jars side by side (issue 20): alternated starts, time from process start to the first 200
# on $metadata (as B6 in bench/run.sh), medians. Only same-run ratios mean anything on a shared machine.
#   bench/startup-compare.sh A.jar B.jar [n] [how]
#     n: starts per jar (5); how: jar (java -jar, JDK on PATH), cds (bin/localpack on JDK 17: CDS archive),
#        aot (bin/localpack on JDK 25+: AOT cache; LOCALPACK_JAVA or the newest under /usr/lib/jvm)
# Each jar runs in a directory of its own with no ./config, so it reads the settings it ships with, and bin/localpack
# (this checkout's; SCRIPT_A / SCRIPT_B: another one for a side) makes its archive or cache there once per jar, before
# the timed starts. ARGS_A / ARGS_B: extra LocalPack arguments for one side, JAVA_OPTS_A / JAVA_OPTS_B JVM options (to
# try a setting without a build). Besides the wall time, the CPU time the process used until then (all its threads:
# JIT and GC too), less sensitive to what else runs on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
[ $# -ge 2 ] || { sed -n 2,8p "$0"; exit 2; }
n=${3:-5}; how=${4:-jar}
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
work=$(mktemp -d /tmp/startup-compare.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

java17=$(command -v java)
case $how in cds) launch_java=$java17;; aot) launch_java=$(aot_java);; jar) launch_java=$java17;;
  *) echo "how: jar, cds or aot" >&2; exit 2;; esac

# one directory per side: bin/localpack and localpack-server/target/localpack-server-x-exec.jar, as in a checkout
for side in A B; do
  side_checkout "$work/$side" $side "$([ $side = A ] && echo "$1" || echo "$2")" "$([ "$how" = jar ] || echo "$launch_java")"
done

declare -A runs=([A]="" [B]="") cpu=([A]="" [B]="")
for i in $(seq 1 "$n"); do
  for side in A B; do
    port=$(free_port)
    args=(--server.port=$port --logging.level.root=WARN)
    extra=$([ $side = A ] && echo "${ARGS_A:-}" || echo "${ARGS_B:-}"); [ -n "$extra" ] && args+=($extra)
    jvm_opts=$([ $side = A ] && echo "${JAVA_OPTS_A:-}" || echo "${JAVA_OPTS_B:-}")
    t=$(millis)
    if [ "$how" = jar ]; then
      (cd "$work/$side" && exec "$launch_java" $jvm_opts -jar localpack-server/target/localpack-server-0-exec.jar "${args[@]}") \
        >"$work/$side.log" 2>&1 &
    else
      (cd "$work/$side" && LOCALPACK_JAVA=$launch_java JAVA_OPTS=$jvm_opts exec bin/localpack "${args[@]}") \
        >"$work/$side.log" 2>&1 &
    fi
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/$SUB/services/systemcenter/vmm/\$metadata"; do
      kill -0 "$pid" 2>/dev/null || { echo "side $side died:"; tail -20 "$work/$side.log"; exit 1; }
      sleep 0.02
    done
    runs[$side]="${runs[$side]} $(( $(millis) - t ))"
    ticks=$(awk '{print $14 + $15}' /proc/$pid/stat); cpu[$side]="${cpu[$side]} $(( ticks * 1000 / $(getconf CLK_TCK) ))"
    echo "start $i $side: ${runs[$side]##* } ms, cpu ${cpu[$side]##* } ms" >&2
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b / a }'; }
ma=$(echo "${runs[A]}" | median); mb=$(echo "${runs[B]}" | median)
ca=$(echo "${cpu[A]}" | median); cb=$(echo "${cpu[B]}" | median)
echo "$how ($("$launch_java" -version 2>&1 | head -1)), $n starts each, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  wall: A $ma ms (runs${runs[A]}), B $mb ms (runs${runs[B]}), B/A $(ratio "$ma" "$mb")"
echo "  cpu:  A $ca ms (runs${cpu[A]}), B $cb ms (runs${cpu[B]}), B/A $(ratio "$ca" "$cb")"
rm -rf "$work"
