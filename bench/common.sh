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
  until curl -sf -o /dev/null "http://127.0.0.1:$port/_localpack/health"; do sleep 0.2; done
  base="http://127.0.0.1:$port"
  start=$(date +%s%N)
  curl -sf -X POST "$base/_localpack/fixtures/sql" -H 'Content-Type: application/sql' --data-binary @"$sql" >/dev/null
  load=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
}

# The resident memory of a process in MB (0 once it is gone).
rss_mb() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
