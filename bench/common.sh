# Shared by the bench scripts (sourced): the load tool and the packaged jar.

# wrk, from Debian's packages: installed here when missing and running as root.
ensure_wrk() {
  command -v wrk >/dev/null && return
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else echo "wrk is missing: sudo apt-get install wrk" >&2; exit 1; fi
}

# The packaged LocalPack jar (built when missing), in $jar.
find_jar() {
  jar=$(ls target/localpack-*.jar 2>/dev/null | grep -v original | head -1 || true)
  [ -n "$jar" ] || { ./mvnw -q -B -ntp -DskipTests package; jar=$(ls target/localpack-*.jar | grep -v original | head -1); }
}
