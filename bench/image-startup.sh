#!/usr/bin/env bash
# Start-up of LocalPack's image (issue 20, target 1): from `docker run` to the first 200 on $metadata, against
# WireMock's standalone jar in an image built here on the same base (`docker run` to a mapped URL's 200) and on the
# host (as B6 in bench/run.sh), and the same two images through Testcontainers (LocalPackContainer, and a
# GenericContainer waited for the same way), alternated, medians. Only same-run ratios mean anything.
#   bench/image-startup.sh [n]       # n starts of each (5)
# The LocalPack image is built from this checkout's jar by docker/build-image.sh (on the base it picks:
# LOCALPACK_BASE_IMAGE, else Java 25 first), unless LOCALPACK_IMAGES names images already built (several, space
# separated: an A/B run, each alternated with the others; WireMock's image is then on the base build-image.sh picks). Needs a Docker engine; Testcontainers runs with
# TESTCONTAINERS_RYUK_DISABLED=true and TESTCONTAINERS_HOST_OVERRIDE=localhost unless they are set.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
n=${1:-5}
SUB=86e93b7f-25e3-4c44-8ca1-3ebdbd2dfc06
docker info >/dev/null 2>&1 || { echo "no Docker engine answers: apt-get install -y docker.io, start dockerd" >&2; exit 1; }
work=$(mktemp -d /tmp/image-startup.XXXXXX)
container="" pid=""
trap '[ -n "$container" ] && docker rm -f "$container" >/dev/null 2>&1; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; true' EXIT

find_jar
base=$(docker/build-image.sh --base)
read -r -a images <<<"${LOCALPACK_IMAGES:-}"
if [ ${#images[@]} = 0 ]; then images=(localpack:bench); LOCALPACK_BASE_IMAGE=$base docker/build-image.sh localpack:bench >/dev/null; fi
find_wiremock; wiremock_ready_root "$work/wiremock"
cp "$WIREMOCK_JAR" "$work/wiremock.jar"
cat >"$work/Dockerfile" <<DOCKERFILE
FROM $base
COPY wiremock.jar /wiremock/wiremock.jar
COPY wiremock /wiremock/root
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/wiremock/wiremock.jar", "--port", "8080", "--root-dir", "/wiremock/root", "--disable-banner", "--no-request-journal"]
DOCKERFILE
docker build -q -t localpack-bench-wiremock "$work" >/dev/null

# ms from `docker run -d` to the first 200 of path $2 in image $1 (its port $3 published on a free one)
run_image() {
  local port t; port=$(free_port); t=$(millis)
  container=$(docker run -d -p "$port:$3" "$1")
  local tries=0
  until curl -sf -o /dev/null "http://127.0.0.1:$port$2"; do
    # a docker CLI call costs a few hundred ms of CPU: asked once a second only, not to slow the start it measures
    if [ $(( ++tries % 50 )) = 0 ] && [ "$(docker inspect -f '{{.State.Running}}' "$container")" != true ]; then
      docker logs "$container" 2>&1 | tail -20 >&2; exit 1
    fi
    sleep 0.02
  done
  echo $(( $(millis) - t )); docker rm -f "$container" >/dev/null; container=""
}
declare -A runs=([wiremock-image]="" [wiremock-jar]="")
for _ in $(seq 1 "$n"); do
  for image in "${images[@]}"; do
    runs[$image]="${runs[$image]:-} $(run_image "$image" "/$SUB/services/systemcenter/vmm/\$metadata" 30005)"
  done
  runs[wiremock-image]="${runs[wiremock-image]} $(run_image localpack-bench-wiremock /ready 8080)"
  port=$(free_port); t=$(millis)
  start_wiremock_jar "$port" "$work/wiremock" "$work/wiremock.log"; pid=$wiremock_pid
  wait_up "http://127.0.0.1:$port/ready" $pid "$work/wiremock.log"
  runs[wiremock-jar]="${runs[wiremock-jar]} $(( $(millis) - t ))"; stop $pid; pid=""
done

# Testcontainers: the module's class path (built by the reactor: ./mvnw install), and a small program that starts both
./mvnw -q -B -ntp -pl localpack-testcontainers dependency:build-classpath -Dmdep.outputFile="$work/cp" >/dev/null
classes=$(ls localpack-testcontainers/target/localpack-testcontainers-*.jar localpack-client/target/localpack-client-*.jar \
  2>/dev/null | grep -v -- '-sources\|-javadoc' | tr '\n' ':')
[ -n "$classes" ] || ./mvnw -q -B -ntp -DskipTests install -pl localpack-client,localpack-testcontainers -am >/dev/null
classes=$(ls localpack-testcontainers/target/localpack-testcontainers-*.jar localpack-client/target/localpack-client-*.jar \
  | grep -v -- '-sources\|-javadoc' | tr '\n' ':')
TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true} \
TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost} \
  java -cp "$classes$(cat "$work/cp")" bench/java/ContainerStarts.java localpack-bench-wiremock "$n" "${images[@]}" \
  2>"$work/testcontainers.log" | grep '^RESULT' >"$work/testcontainers" || { tail -20 "$work/testcontainers.log" >&2; exit 1; }
for image in "${images[@]}" wiremock; do
  runs[tc:$image]=$(grep "^RESULT $image " "$work/testcontainers" | cut -d' ' -f3-)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
echo "WireMock's image on $base ($(docker run --rm --entrypoint java "$base" -version 2>&1 | sed -n 1p)), $n starts each"
echo
echo "| start-up to first 200 | LocalPack | WireMock, same way | ratio | WireMock's jar on the host | ratio | LocalPack runs ms | WireMock runs ms |"
echo "|---|---|---|---|---|---|---|---|"
wm_jar=$(echo "${runs[wiremock-jar]}" | median)
row() { # $1 label, $2 LocalPack's runs, $3 WireMock's runs
  local lp wm; lp=$(echo "$2" | median); wm=$(echo "$3" | median)
  printf "| %s | %s ms | %s ms | %s | %s ms | %s | %s | %s |\n" "$1" "$lp" "$wm" "$(ratio "$lp" "$wm")" "$wm_jar" \
    "$(ratio "$lp" "$wm_jar")" "$(echo $2)" "$(echo $3)"
}
for image in "${images[@]}"; do
  row "\`docker run\` $image" "${runs[$image]}" "${runs[wiremock-image]}"
  row "Testcontainers (\`LocalPackContainer.start()\`) $image" "${runs[tc:$image]}" "${runs[tc:wiremock]}"
done
