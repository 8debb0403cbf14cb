#!/usr/bin/env bash
# Builds a Java base image for LocalPack on a machine that cannot pull from a registry: a minimal Debian made with
# debootstrap (from the Debian mirror apt already uses) plus a Java runtime cut from a JDK on this machine with jlink.
# The result is tagged localpack-base:<the JDK's feature version> (localpack-base:25, localpack-base:17) and has java
# on PATH, like eclipse-temurin:25-jre. The JDK is JAVA_HOME's, or PATH's java; a JDK 25 makes the faster image (the
# image then starts from the JDK's ahead-of-time cache, see the Dockerfile).
#   docker/build-base-image.sh [tag]      # needs root (debootstrap), docker, debootstrap, and a JDK 17+ with jmods
#                                         # or a JDK 24+ built to link from its own run-time image (Temurin's is)
#   docker build --build-arg BASE_IMAGE=localpack-base:25 -t localpack .
set -euo pipefail
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_home/release")
tag=${1:-localpack-base:$feature}
# jlink takes the modules from the JDK's jmods, or (JDK 24+, JEP 493) from the JDK's own run-time image when it has none
module_path=()
if [ -d "$java_home/jmods" ]; then module_path=(--module-path "$java_home/jmods")
elif [ "$feature" -lt 24 ]; then echo "no jmods in $java_home: set JAVA_HOME to a full JDK" >&2; exit 1; fi
# the same compression under the name JDK 21 gave it (the old one is deprecated there)
if [ "$feature" -ge 21 ]; then compress=zip-6; else compress=2; fi
command -v debootstrap >/dev/null || { echo "debootstrap missing: apt-get install -y debootstrap" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# minbase: dpkg, apt, bash and coreutils, no init; ca-certificates for HTTPS to outside token issuers.
debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The modules Spring Boot, Hibernate, H2, the PostgreSQL driver, Olingo and Tomcat use (jdeps on the jar, plus the
# ones loaded reflectively: crypto providers, DNS naming, management), with the JDK's default CDS archive, on which
# the image's own archive of LocalPack's classes is built. Every security provider the JDK's java.security lists
# must be there (java.smartcardio's SunPCSC, jdk.security.jgss's JdkSASL): for one that is missing, the JDK looks
# through the class path's providers, and so loads and sets up BouncyCastle's (about 400 classes from a signed jar,
# which no class cache can keep) at every start, when Tomcat first asks for the algorithms.
"$java_home/bin/jlink" "${module_path[@]}" \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.smartcardio,java.xml,java.xml.crypto,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,jdk.naming.dns,jdk.net,jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.localedata \
  --include-locales en --strip-debug --no-man-pages --no-header-files --compress="$compress" --generate-cds-archive \
  --output "$work/rootfs/opt/java/openjdk"
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
tar -C "$work/rootfs" -c . | docker import \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["bash"]' - "$tag" >/dev/null
docker run --rm "$tag" java -version 2>&1 | sed -n 1p
docker image ls "$tag" --format '{{.Repository}}:{{.Tag}} {{.Size}}'
