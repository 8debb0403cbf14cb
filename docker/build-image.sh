#!/usr/bin/env bash
# Builds LocalPack's image from the jar on the host (no Maven inside the image), tagged localpack:latest (or $1).
# The base is LOCALPACK_BASE_IMAGE if set, else eclipse-temurin:17-jre when the engine has it or can pull it, else
# localpack-base:17, built here by docker/build-base-image.sh when it is missing (machines without a registry).
#   docker/build-image.sh && docker run --rm -p 30005:30005 localpack
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:-localpack:latest}
jar=$(ls localpack-server/target/localpack-server-*-exec.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || { ./mvnw -q -B -ntp -DskipTests package -pl localpack-server; jar=$(ls localpack-server/target/localpack-server-*-exec.jar | head -1); }
base=${LOCALPACK_BASE_IMAGE:-}
if [ -z "$base" ]; then
  if docker image inspect eclipse-temurin:17-jre >/dev/null 2>&1 \
     || timeout 60 docker pull -q eclipse-temurin:17-jre >/dev/null 2>&1; then
    base=eclipse-temurin:17-jre
  else
    base=localpack-base:17
    docker image inspect "$base" >/dev/null 2>&1 || docker/build-base-image.sh "$base"
  fi
fi
docker build -q --build-arg BASE_IMAGE="$base" -t "$tag" . >/dev/null
echo "$tag on $base: $(docker image inspect "$tag" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"
