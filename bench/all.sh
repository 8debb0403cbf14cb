#!/usr/bin/env bash
# The whole benchmark suite of issue 9 in one command, as markdown tables:
#   1. bench/run.sh: B1, B2, B3, B5 and B6 against WireMock standalone, same URLs and bodies, alternated rounds; then
#      bench/reads.sh: B1 and B5 at one and 16 connections on H2, on PostgreSQL and on WireMock side by side;
#   2. bench/scale.sh on PostgreSQL at 10,000 and 1,000,000 services with the heap capped at 384 MB: B1, B2, B3,
#      B4 (jobs completed per second) and B7 (peak resident memory during B1);
#   3. bench/scale.sh on H2 at 10,000 and 1,000,000 services (an in-memory database that size needs a big heap);
#   4. bench/vms.sh on PostgreSQL at 10,000 and 1,000,000 VMs: Azure PowerShell's VM reads with the six-way $expand
#      (V0-V2) and VM operations completed per second (V3).
#   bench/all.sh            # about 30 minutes on 2 cores
#   bench/all.sh --smoke    # a few minutes: every script once with tiny sizes and 1 s runs
# Needs what the two scripts need: a JDK, wrk (installed when missing and root), PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--smoke" ]; then
  bench/run.sh --smoke
  echo
  bench/reads.sh --smoke
  echo
  bench/scale.sh --smoke
  echo
  bench/vms.sh --smoke
  exit
fi
bench/run.sh
echo
bench/reads.sh
echo
JAVA_OPTS=-Xmx384m SIZES="10000 1000000" DBS=postgres bench/scale.sh
echo
JAVA_OPTS=-Xmx12g SIZES="10000 1000000" DBS=h2 bench/scale.sh | tail -n +3
echo
JAVA_OPTS=-Xmx384m SIZES="10000 1000000" DBS=postgres bench/vms.sh
