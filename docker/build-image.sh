#!/usr/bin/env bash
# Builds LocalPack's image from the jar on the host (no Maven inside the image), tagged localpack:latest (or $1).
# The base is LOCALPACK_BASE_IMAGE if set, else the first the engine holds of localpack-base:25, eclipse-temurin:25-jre,
# localpack-base:17 and eclipse-temurin:17-jre (Java 25 first: the image then starts from the JDK's ahead-of-time
# cache), else eclipse-temurin:25-jre if it can be pulled, else one built here by docker/build-base-image.sh from the
# newest JDK on this machine (machines without a registry).
#   docker/build-image.sh && docker run --rm -p 30005:30005 localpack
#   docker/build-image.sh --base   # only find or make the base, and print its name (.ci/run, before the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${LOCALPACK_BASE_IMAGE:-}
for candidate in localpack-base:25 eclipse-temurin:25-jre localpack-base:17 eclipse-temurin:17-jre; do
  [ -z "$base" ] && docker image inspect "$candidate" >/dev/null 2>&1 && base=$candidate
done
if [ -z "$base" ] && timeout 60 docker pull -q eclipse-temurin:25-jre >/dev/null 2>&1; then base=eclipse-temurin:25-jre; fi
if [ -z "$base" ]; then
  # the newest JDK under /usr/lib/jvm whose jlink can cut a runtime (jmods, or a JDK 24+'s own run-time image);
  # JAVA_HOME's (or PATH's java's) when there is none
  jdk=${JAVA_HOME:-}
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
    if [ -x "$home/bin/jlink" ] && { [ -d "$home/jmods" ] || [ "${version:-0}" -ge 24 ]; }; then jdk=${home%/}; break; fi
  done
  base=localpack-base:$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "${jdk:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/release")
  docker image inspect "$base" >/dev/null 2>&1 || JAVA_HOME=$jdk docker/build-base-image.sh "$base" >&2
fi
[ "${1:-}" = --base ] && { echo "$base"; exit 0; }
tag=${1:-localpack:latest}
jar=$(ls localpack-server/target/localpack-server-*-exec.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { ./mvnw -q -B -ntp -DskipTests package -pl localpack-server; jar=$(ls localpack-server/target/localpack-server-*-exec.jar | head -1); }
docker build -q --build-arg BASE_IMAGE="$base" -t "$tag" . >/dev/null
echo "$tag on $base: $(docker image inspect "$tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"
