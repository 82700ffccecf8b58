# Sourced by ./nuage and ./run-tests: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at $JAVA_HOME, the JDKs under /usr/lib/jvm and /opt, and the java on PATH; takes the newest.

nuage_java_major() { # prints the major version of the java binary $1, or 0
  # the JDK's release file says it without starting a JVM (0.1-0.2 s each, on every command)
  local release major
  release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -n 1)
    [ -n "$major" ] && { echo "$major"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

nuage_find_jdk() {
  local best="" best_major=0 candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/*jdk* /opt/java/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(nuage_java_major "$candidate/bin/java")
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "nuage: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt and PATH)." >&2
    echo "nuage: install one, e.g. 'apt-get install -y openjdk-21-jdk', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
