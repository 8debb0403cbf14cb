#!/usr/bin/env bash
# Runs once, while the image is built (Dockerfile's train stage): extracts the jar into /app/run and has
# train-class-cache (bin/localpack's training run, copied beside this script) record what a start and the first
# requests load, so that every start of the image maps it instead of loading and verifying again: the JDK's
# ahead-of-time cache on Java 25 or newer, a class-data-sharing archive on Java 17 to 24. The JVM settings are the
# final image's (JAVA_TOOL_OPTIONS) with Spring's build-time bean definitions; the schema's script goes to schema/.
#   train-image.sh /tmp/localpack.jar   # writes /app/run/localpack.jar (and lib/), localpack.aot or .jsa, schema/
set -euo pipefail
jar=$1 run=/app/run
feature=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
java -Djarmode=tools -jar "$jar" extract --destination "$run" >/dev/null
if [ "$feature" -ge 25 ]; then mode=aot cache=$run/localpack.aot; else mode=cds cache=$run/localpack.jsa; fi
"$(dirname "$0")/train-class-cache" java "$mode" "$cache" "$run/localpack.jar" "$run/schema" "$(mktemp)" \
  -Dspring.aot.enabled=true
