#!/usr/bin/env bash
# Runs once, while the image is built (Dockerfile's train stage): extracts the jar into /app/run and records what a
# start and the first requests load, so that every start of the image maps it instead of loading and verifying again.
# bin/localpack does the same on a host; this is its container form (no curl: bash's /dev/tcp sends the requests).
#  - Java 25 or newer: the JDK's ahead-of-time cache (-XX:AOTCacheOutput, JEP 483/514), which also keeps classes
#    linked; without method profiles when only the client compiler runs (they serve the optimizing one only).
#  - Java 17 to 24: a dynamic class-data-sharing archive (-XX:ArchiveClassesAtExit).
# The training runs with the final image's JVM settings (JAVA_TOOL_OPTIONS) and Spring's build-time bean definitions,
# on its own in-memory database; it also leaves the script of the schema its migrations made (SchemaCache).
#   train-image.sh /tmp/localpack.jar   # writes /app/run/localpack.jar (and lib/), localpack.aot or .jsa, schema/
set -euo pipefail
jar=$1 run=/app/run
feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
java -Djarmode=tools -jar "$jar" extract --destination "$run" >/dev/null
if [ "$feature" -ge 25 ]; then
  record=(-XX:AOTCacheOutput="$run/localpack.aot" -Xlog:aot*=off -Xlog:cds=off)
  case " ${JAVA_TOOL_OPTIONS:-} " in
    *" -XX:TieredStopAtLevel=1 "*) record+=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining) ;;
  esac
else
  record=(-XX:ArchiveClassesAtExit="$run/localpack.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
log=$(mktemp)
java "${record[@]}" -Dspring.aot.enabled=true -jar "$run/localpack.jar" --server.port=0 --logging.level.root=WARN \
  --logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO --localpack.auth.mode=none \
  --localpack.fixtures.schema-cache="$run/schema" >"$log" 2>&1 &
training=$!
failed() { kill "$training" 2>/dev/null || true; echo "train-image.sh: the training run $1:" >&2; tail -30 "$log" >&2; exit 1; }

# GET path [header]: the status line of the answer (HTTP/1.0, so the server closes once it has answered)
get() {
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n%s\r\n' "$1" "${2:+$2$'\r\n'}" >&3
  IFS= read -r status <&3 || true
  cat <&3 >/dev/null
  exec 3<&-
  echo "$status"
}
port="" answered=""
for _ in $(seq 1 3000); do
  kill -0 "$training" 2>/dev/null || failed "stopped before it answered"
  [ -n "$port" ] || port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] && [[ "$(get /_localpack/health 2>/dev/null)" == *" 200 "* ]] && { answered=1; break; }
  sleep 0.1
done
[ -n "$answered" ] || failed "did not answer within 5 minutes"
# the requests clients send first, in both OData dialects, and one of the ASM API
sub=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
for path in "\$metadata" "" "Services" "Services?\$filter=Name%20ne%20null&\$top=5" "Jobs" "VirtualMachines" "Clouds"; do
  get "/$sub/services/systemcenter/vmm/$path" >/dev/null
  get "/$sub/services/systemcenter/vmm/$path" "OData-MaxVersion: 4.0" >/dev/null
done
get "/$sub/services/hostedservices" "x-ms-version: 2015-04-01" >/dev/null
# the JVM writes the cache or archive as it exits
kill "$training"; wait "$training" 2>/dev/null || true
[ -s "$run/localpack.aot" ] || [ -s "$run/localpack.jsa" ] || failed "wrote no cache"
rm -f "$log"
