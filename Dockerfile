# LocalPack image: built from the project with the Maven wrapper, run on a JRE.
#   docker build -t localpack .      (docker compose up --build does this too)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first: this layer is reused while only sources change.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY config config
COPY db db
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package \
 && cp target/localpack-*.jar /src/localpack.jar

FROM eclipse-temurin:17-jre
# curl for the container health check on /_localpack/health.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /app localpack
WORKDIR /app
COPY --from=build /src/localpack.jar /app/localpack.jar
# Spring reads ./config at start: mount your own over it to change settings without rebuilding.
COPY config /app/config
USER localpack
EXPOSE 30005
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:30005/_localpack/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/localpack.jar"]
