#!/usr/bin/env bash
# Start-up of `./mvnw spring-boot:run` (the README's first command; issue 20 asks ≤ 4× WireMock's start) after a build:
# from the command to the first 200 on $metadata, alternated with WireMock's standalone jar (as B6 in bench/run.sh),
# medians. Maven's own part (its lifecycle up to test-compile over the modules) and LocalPack's JVM are reported apart,
# the JVM's from Spring's "process running for".
#   bench/run-goal-startup.sh [n]      # n starts of each (3)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
n=${1:-3}
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
work=$(mktemp -d /tmp/run-goal-startup.XXXXXX)
group="" pid=""
trap '[ -n "$group" ] && kill -- -"$group" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; true' EXIT
find_wiremock; wiremock_ready_root "$work/wiremock"
./mvnw -q -B -ntp -DskipTests install >/dev/null # "after the first build": everything compiled once

runs="" jvm="" wiremock=""
for _ in $(seq 1 "$n"); do
  port=$(free_port); t=$(millis)
  # its own process group, so that the JVM Maven forks stops with it
  setsid ./mvnw -q -B -ntp spring-boot:run -Dspring-boot.run.arguments="--server.port=$port" >"$work/run.log" 2>&1 &
  group=$!
  wait_up "http://127.0.0.1:$port/$SUB/services/systemcenter/vmm/\$metadata" $group "$work/run.log"
  runs="$runs $(( $(millis) - t ))"
  jvm="$jvm $(sed -n 's/.*process running for \([0-9.]*\)).*/\1/p' "$work/run.log" | awk '{printf "%d", $1 * 1000}')"
  kill -- -"$group" 2>/dev/null || true; wait "$group" 2>/dev/null || true; group=""
  port=$(free_port); t=$(millis)
  start_wiremock_jar "$port" "$work/wiremock" "$work/wiremock.log"; pid=$wiremock_pid
  wait_up "http://127.0.0.1:$port/ready" $pid "$work/wiremock.log"
  wiremock="$wiremock $(( $(millis) - t ))"; stop $pid; pid=""
done
total=$(echo "$runs" | median); wm=$(echo "$wiremock" | median); own=$(echo "$jvm" | median)
echo "| start-up to first 200 | LocalPack | of which LocalPack's JVM | WireMock's jar | ratio | LocalPack runs ms | WireMock runs ms |"
echo "|---|---|---|---|---|---|---|"
printf "| \`./mvnw spring-boot:run\` | %s ms | %s ms | %s ms | %s | %s | %s |\n" "$total" "$own" "$wm" \
  "$(awk -v a="$total" -v b="$wm" 'BEGIN { printf "%.2f", a / b }')" "${runs# }" "${wiremock# }"
