# LocalPack image, built from the jar the host has already built (no Maven inside the image):
#   ./mvnw -B -ntp -DskipTests package && docker build -t localpack .
# On a machine that cannot pull from a registry, build a local base first and name it:
#   docker/build-base-image.sh && docker build --build-arg BASE_IMAGE=localpack-base:17 -t localpack .
# (docker/build-image.sh does all of it.) Any Java 17+ runtime image with bash and java on PATH works as a base.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}
ARG JAR=localpack-server/target/localpack-server-*-exec.jar
# A fixed, unprivileged user; /app/data is where generated secrets and file databases go.
RUN useradd --system --uid 10001 --user-group --home-dir /app --no-create-home localpack \
 && mkdir -p /app/data /fixtures \
 && chown -R localpack:localpack /app
WORKDIR /app
COPY --chown=localpack:localpack ${JAR} /app/localpack.jar
# Spring reads ./config at start: mount your own over it to change settings without rebuilding.
COPY --chown=localpack:localpack config /app/config
USER localpack
EXPOSE 30005
# Settings come from LOCALPACK_* variables (relaxed binding: LOCALPACK_AUTH_MODE=bearer is localpack.auth.mode).
# LOCALPACK_FIXTURES_LOCATIONS=file:/fixtures/ loads fixture sets from a mounted folder (docs/container.md).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# bash's /dev/tcp: the health check needs no curl in the image.
HEALTHCHECK --interval=5s --timeout=3s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/30005 && printf 'GET /_localpack/health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# exec form: java is PID 1 and gets docker stop's SIGTERM, so Spring shuts down gracefully.
ENTRYPOINT ["java", "-jar", "/app/localpack.jar"]
