# Shared by the bench scripts (sourced): the load tool and the packaged jar.

# wrk, from Debian's packages: installed here when missing and running as root.
ensure_wrk() {
  command -v wrk >/dev/null && return
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
}

# The packaged LocalPack jar (built when missing), in $jar.
find_jar() {
  jar=$(ls localpack-server/target/localpack-server-*-exec.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || { ./mvnw -q -B -ntp -DskipTests package -pl localpack-server; jar=$(ls localpack-server/target/localpack-server-*-exec.jar | head -1); }
}

# A free TCP port below the range the kernel gives outgoing connections: a port from that range can be taken by a
# client's socket (curl, wrk) between two starts of a server on it, and the second start then fails.
free_port() {
  local low span port
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  span=$(( low > 21000 ? low - 20000 : 10000 ))
  while :; do
    port=$(( 20000 + RANDOM % span ))
    { command -v ss >/dev/null && ss -ltn | grep -q ":$port "; } || { echo $port; return; }
  done
}

# Waits until $1 answers 200 while process $2 lives; if the process dies first, prints the end of its log ($3) and
# stops the script (rather than waiting for ever). $4, optional: a command run at each try (e.g. to sample memory).
wait_up() {
  until curl -sf -o /dev/null "$1"; do
    kill -0 "$2" 2>/dev/null || { echo "pid $2 exited before $1 answered; the end of $3:" >&2; tail -20 "$3" >&2; exit 1; }
    ${4:-true}
    sleep 0.02
  done
}

# Stops a server this script started and waits until it is gone (its port free again).
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Starts LocalPack ($jar, JAVA_OPTS) on a database of its own and loads generated data into it; sets pid, base and
# load (seconds the load took). $1: h2 or postgres; $2: the PostgreSQL database (dropped and made anew); $3: the log
# file; $4: the generated SQL file; the rest: LocalPack's arguments, --server.port first.
start_with_data() {
  local db=$1 name=$2 log=$3 sql=$4; shift 4
  local args=("$@") port=${1#--server.port=} start
  if [ "$db" = postgres ]; then
    psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    args+=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$name"
           --spring.datasource.username="$PGUSER" --spring.datasource.password=)
  fi
  java ${JAVA_OPTS:-} -jar "$jar" "${args[@]}" >"$log" 2>&1 & pid=$!
  wait_up "http://127.0.0.1:$port/_localpack/health" $pid "$log"
  base="http://127.0.0.1:$port"
  start=$(date +%s%N)
  curl -sf -X POST "$base/_localpack/fixtures/sql" -H 'Content-Type: application/sql' --data-binary @"$sql" >/dev/null
  load=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
}

# The path of the next page of collection page $2 on server $1, from its odata.nextLink (keyset paging: the
# $skiptoken is where the page ended), quotes as %27; prints nothing when the page is the last.
next_page_path() {
  { curl -s "$1$2" -H 'Accept: application/json' | grep -o '"odata.nextLink":"[^"]*"' || true; } \
    | cut -d'"' -f4 | sed -E 's#^https?://[^/]+##; s#'"'"'#%27#g'
}

# The resident memory of a process in MB (0 once it is gone).
rss_mb() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }

# The java of a JDK 25 or newer (its AOT cache): LOCALPACK_JAVA if set, else the newest under /usr/lib/jvm; stops the
# script when there is none.
aot_java() {
  [ -n "${LOCALPACK_JAVA:-}" ] && { echo "$LOCALPACK_JAVA"; return; }
  for c in $(ls -d /usr/lib/jvm/*/bin/java | sort -V -r); do
    v=$("$c" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
    [ "${v:-0}" -ge 25 ] && { echo "$c"; return; }
  done
  echo "no JDK 25+ found" >&2; exit 1
}

# A checkout-like directory for one side of an A/B run: $1/bin/localpack ($SCRIPT_A or $SCRIPT_B for side $2, else
# this checkout's) and jar $3 as localpack-server/target/localpack-server-0-exec.jar; with $4, a java, bin/localpack
# makes its archive or cache there once, with that java.
side_checkout() {
  local dir=$1 side=$2 jar=$3 java=${4:-} script
  script=$([ "$side" = A ] && echo "${SCRIPT_A:-bin/localpack}" || echo "${SCRIPT_B:-bin/localpack}")
  mkdir -p "$dir/bin" "$dir/localpack-server/target"
  cp "$script" "$dir/bin/localpack"
  cp "$jar" "$dir/localpack-server/target/localpack-server-0-exec.jar"
  if [ -n "$java" ]; then LOCALPACK_JAVA=$java "$dir/bin/localpack" --prepare >/dev/null; fi
}

# Milliseconds since the epoch.
millis() { date +%s%3N; }

# The median of numbers given on stdin, separated by spaces or lines.
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# WireMock's standalone jar, the stub issue 20's comparisons are against, in target/bench (fetched from Maven Central
# the first time by find_wiremock).
WIREMOCK_JAR=target/bench/wiremock-standalone-3.13.1.jar
find_wiremock() {
  [ -f "$WIREMOCK_JAR" ] || ./mvnw -q -B -ntp dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.1 \
    -DoutputDirectory="$(dirname "$WIREMOCK_JAR")" >/dev/null
}

# A WireMock root folder $1 whose one mapping answers GET /ready with 200: what its start is timed to.
wiremock_ready_root() {
  mkdir -p "$1/mappings"
  echo '{"request":{"method":"GET","url":"/ready"},"response":{"status":200,"body":"ok"}}' >"$1/mappings/ready.json"
}

# Starts WireMock's jar on port $1 with root folder $2 and log $3, as every comparison runs it (no banner, no request
# journal); its pid in $wiremock_pid.
start_wiremock_jar() {
  java -jar "$WIREMOCK_JAR" --port "$1" --root-dir "$2" --disable-banner --no-request-journal >"$3" 2>&1 &
  wiremock_pid=$!
}

# The generated data's keys: uuid PREFIX N gives PREFIX-0000-4000-8000-<N, 12 digits> (5b… subscriptions, 5c… clouds,
# 5e… services, 6b… and 6f… the stand-alone machines' subscriptions and machines)
uuid() { printf '%s-0000-4000-8000-%012d' "$1" "$2"; }

# The SQL that generates the data of a size inside database $1 (postgres or h2), sent through
# POST /_localpack/fixtures/sql: $2 services with their machines (bench/generate-services.sql), or $2 stand-alone
# machines with their devices (bench/generate-vms.sql); a subscription per 1,000.
generated_range() { # $1 db: the row source of @RANGE(n)@
  if [ "$1" = postgres ]; then echo 'generate_series(1, \1) AS g(i)'; else echo '(SELECT X AS i FROM SYSTEM_RANGE(1, \1)) g'; fi
}
generated_services_sql() { # $1 db, $2 services
  local subs=$(( ($2 + 999) / 1000 ))
  sed -e "s/@SERVICES@/$2/g" -e "s/@SUBSCRIPTIONS@/$subs/g" -e "s/@CLOUDS@/$((2 * subs))/g" -e "s/@VMS@/$((2 * $2))/g" \
      -e "s/@RANGE(\([0-9]*\))@/$(generated_range "$1")/g" bench/generate-services.sql
}
generated_vms_sql() { # $1 db, $2 VMs
  sed -e "s/@VMS@/$2/g" -e "s/@SUBSCRIPTIONS@/$(( ($2 + 999) / 1000 ))/g" \
      -e "s/@RANGE(\([0-9]*\))@/$(generated_range "$1")/g" bench/generate-vms.sql
}

# The keys bench/operations.lua sends Stop and Start to, one line each, for the first $1 (at most 50,000) generated
# services (on both stamps, in turn) or stand-alone machines: every object once per pass, so no job still runs when
# its object comes round again.
service_operation_paths() {
  awk -v n=$(( $1 < 50000 ? $1 : 50000 )) 'BEGIN { for (i = 1; i <= n; i++) printf "/5b000000-0000-4000-8000-%012d/services/systemcenter/vmm/Services(ID=guid%c5e000000-0000-4000-8000-%012d%c,StampId=guid%c%s%c)\n", int((i - 1) / 1000) + 1, 39, i, 39, 39, (i % 2 ? "56ebc6dc-f63c-46e2-8438-2967e0ad83bc" : "d70c1a9b-c241-48f5-880a-b6c36071e653"), 39 }'
}
vm_operation_paths() {
  awk -v n=$(( $1 < 50000 ? $1 : 50000 )) 'BEGIN { for (i = 1; i <= n; i++) printf "/6b000000-0000-4000-8000-%012d/services/systemcenter/vmm/VirtualMachines(ID=guid%c6f000000-0000-4000-8000-%012d%c,StampId=guid%c56ebc6dc-f63c-46e2-8438-2967e0ad83bc%c)\n", int((i - 1) / 1000) + 1, 39, i, 39, 39, 39 }'
}
