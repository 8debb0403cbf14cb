# LocalPack image, built from the jar the host has already built (no Maven inside the image):
#   ./mvnw -B -ntp -DskipTests package && docker build -t localpack .
# On a machine that cannot pull from a registry, build a local base first and name it:
#   docker/build-base-image.sh && docker build --build-arg BASE_IMAGE=localpack-base:25 -t localpack .
# (docker/build-image.sh does all of it.) Any Java 17+ runtime image with bash, useradd and java on PATH works as a
# base; Java 25 or newer starts fastest (the JDK's ahead-of-time cache instead of a class-data-sharing archive).
ARG BASE_IMAGE=eclipse-temurin:25-jre

# As bin/localpack does on a host: the jar is extracted, and a training run (start, the requests clients send first,
# stop) records the classes they load, linked, in the JDK's ahead-of-time cache (Java 25+) or a class-data-sharing
# archive (Java 17-24), which every start then maps instead of loading and verifying again (docs/benchmarks.md has the
# times). The training runs with the final image's settings (JAVA_TOOL_OPTIONS below) and Spring's build-time bean
# definitions, so it records what a real start loads. It also keeps a script of the schema its migrations made, from
# which each start makes its in-memory database (SchemaCache).
FROM ${BASE_IMAGE} AS train
ARG JAR=localpack-server/target/localpack-server-*-exec.jar
COPY ${JAR} /tmp/localpack.jar
COPY docker/train-image.sh bin/train-class-cache /tmp/
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
RUN bash /tmp/train-image.sh /tmp/localpack.jar

FROM ${BASE_IMAGE}
# A fixed, unprivileged user; /app/data is where generated secrets and file databases go.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home localpack \
 && mkdir -p /app/data /fixtures \
 && chown -R localpack:localpack /app
WORKDIR /app
COPY --from=train /app/run /app/run
COPY docker/start-image.sh /app/bin/localpack
# Spring reads ./config at start: mount your own over it to change settings without rebuilding.
COPY config /app/config
USER localpack
EXPOSE 30005
# Settings come from LOCALPACK_* variables (relaxed binding: LOCALPACK_AUTH_MODE=bearer is localpack.auth.mode).
# LOCALPACK_FIXTURES_LOCATIONS=file:/fixtures/ loads fixtures from a mounted folder (docs/testing-your-code.md).
# The JVM settings of a small local service, as bin/localpack's (README, "Two commands"): the serial collector, a
# 96 MB heap and the client JIT only. Replace them with -e JAVA_TOOL_OPTIONS=... (a larger -Xmx for big data sets on
# H2, for instance).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx96m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# The training run's script of the schema (read only: a start on PostgreSQL or an H2 file ignores it)
ENV LOCALPACK_FIXTURES_SCHEMA_CACHE=/app/run/schema
# bash's /dev/tcp: the health check needs no curl in the image.
HEALTHCHECK --interval=5s --timeout=3s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/30005 && printf 'GET /_localpack/health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# exec form, and the script execs java: java is PID 1 and gets docker stop's SIGTERM, so Spring shuts down gracefully.
ENTRYPOINT ["/app/bin/localpack"]
