#!/usr/bin/env bash
# What LocalPack costs inside users' tests (issue 21): the JUnit 5 extension's start (fresh JVM and later classes)
# and per-test reset; the image's size, its start to the first healthy answer, its reset over HTTP, and how long
# docker stop takes. The container half needs a Docker daemon and a base image (docker/build-image.sh).
#   bench/harness.sh [--smoke]
set -euo pipefail
cd "$(dirname "$0")/.."
resets=30; [ "${1:-}" = --smoke ] && resets=5
WORK=target/bench; mkdir -p "$WORK"
./mvnw -q -B -ntp -DskipTests install >/dev/null
./mvnw -q -B -ntp -pl localpack-junit5 dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/junit5.cp" >/dev/null
./mvnw -q -B -ntp -pl localpack-junit5 test-compile >/dev/null
java -cp "localpack-junit5/target/test-classes:localpack-junit5/target/classes:$(cat "$WORK/junit5.cp")" \
  io.localpack.junit5.ExtensionTiming "$resets" 2>"$WORK/harness-extension.log" | grep '^extension'

if ! docker info >/dev/null 2>&1; then
  echo "container: skipped (no Docker daemon; apt-get install -y docker.io and start dockerd)"; exit 0
fi
docker/build-image.sh localpack:bench
port=$(( 41000 + RANDOM % 4000 ))
t0=$(date +%s%N)
cid=$(docker run -d -p "$port:30005" -e LOCALPACK_JOBS_DURATION_FACTOR=0 localpack:bench)
trap 'docker rm -f "$cid" >/dev/null 2>&1 || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/_localpack/health"; do sleep 0.05; done
echo "container start to first healthy answer: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
for i in $(seq 1 $((resets + 5))); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/_localpack/reset"
done | tail -n "$resets" | sort -n | awk '{a[NR]=$1} END {printf "container reset over HTTP: median %.1f ms, p90 %.1f ms (%d resets)\n", a[int(NR/2)+1]*1000, a[int(NR*0.9)]*1000, NR}'
t1=$(date +%s%N)
docker stop "$cid" >/dev/null
echo "docker stop: $(( ($(date +%s%N) - t1) / 1000000 )) ms, exit code $(docker inspect "$cid" --format '{{.State.ExitCode}}')"
