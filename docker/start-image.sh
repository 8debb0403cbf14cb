#!/usr/bin/env bash
# The image's entry point: starts LocalPack from the cache or archive its build's training run made (train-image.sh),
# with Spring's build-time bean definitions. exec: java becomes PID 1 and gets docker stop's SIGTERM, so Spring shuts
# down gracefully. Arguments go to LocalPack (--server.port=...); the JVM settings come from JAVA_TOOL_OPTIONS.
set -eu
run=/app/run
if [ -f "$run/localpack.aot" ]; then cache=(-XX:AOTCache="$run/localpack.aot" -Xlog:aot*=off -Xlog:cds=off)
else cache=(-XX:SharedArchiveFile="$run/localpack.jsa" -Xlog:cds=off); fi
exec java "${cache[@]}" -Dspring.aot.enabled=true -jar "$run/localpack.jar" "$@"
