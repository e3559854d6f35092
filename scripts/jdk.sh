# Sourced by ./caravan and scripts/test: finds JDK 25 and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME if it is a JDK 25 or newer, then the Temurin 25 folder under /usr/lib/jvm.
caravan_java_ok() {
  [ -x "$1/bin/java" ] || return 1
  local v=""
  # The JDK's release file names its version; reading it saves starting a JVM on every launch (and
  # reading it with shell built-ins saves a process: ./caravan sources this on every start).
  if [ -f "$1/release" ]; then
    local line
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=*) v="${line#JAVA_VERSION=\"}"; v="${v%%[!0-9]*}"; break ;;
      esac
    done <"$1/release"
  fi
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null
}
caravan_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && caravan_java_ok "$JAVA_HOME"; then return 0; fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*-25*; do
    if caravan_java_ok "$d"; then JAVA_HOME="$d"; return 0; fi
  done
  echo "caravan: no JDK 25 found (set JAVA_HOME to a JDK 25, or install Temurin 25 under /usr/lib/jvm/temurin-25-jdk-amd64)" >&2
  return 1
}
caravan_find_jdk || exit 3
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
CARAVAN_JVM_FLAGS="-XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
