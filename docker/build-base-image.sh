#!/usr/bin/env bash
# Builds a Java 17 base image for LocalPack on a machine that cannot pull from a registry: a minimal Debian made with
# debootstrap (from the Debian mirror apt already uses) plus a Java runtime cut from the host's JDK with jlink.
# The result is tagged localpack-base:17 and has java on PATH, like eclipse-temurin:17-jre.
#   docker/build-base-image.sh            # needs root (debootstrap), docker, debootstrap and a JDK 17 with jmods
#   docker build --build-arg BASE_IMAGE=localpack-base:17 -t localpack .
set -euo pipefail
tag=${1:-localpack-base:17}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -d "$java_home/jmods" ] || { echo "no jmods in $java_home: set JAVA_HOME to a full JDK 17" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap missing: apt-get install -y debootstrap" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# minbase: dpkg, apt, bash and coreutils, no init; ca-certificates for HTTPS to outside token issuers.
debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The modules Spring Boot, Hibernate, H2, the PostgreSQL driver, Olingo and Tomcat use (jdeps on the jar, plus the
# ones loaded reflectively: crypto providers, DNS naming, management), with the JDK's default CDS archive, on which
# the image's own archive of LocalPack's classes is built.
"$java_home/bin/jlink" --module-path "$java_home/jmods" \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.localedata \
  --include-locales en --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
  --output "$work/rootfs/opt/java/openjdk"
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
tar -C "$work/rootfs" -c . | docker import \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["bash"]' - "$tag" >/dev/null
docker run --rm "$tag" java -version 2>&1 | sed -n 1p
docker image ls "$tag" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
