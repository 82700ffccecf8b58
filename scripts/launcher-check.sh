#!/usr/bin/env bash
# Regression check for the ./nuage launcher, run by ./run-tests after the Maven build: once the
# app is built, starting it must not build again, not even after a test source changed (a test
# file newer than the jar once made every start rebuild for 2-3 s).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
. scripts/jdk.sh
nuage_find_jdk
./nuage --version >/dev/null 2>&1 # builds if needed
touch nuage-app/src/test/java/io/nuage/cli/HelpTextTest.java
err=$(./nuage --version 2>&1 >/dev/null)
if [ -n "$err" ]; then
  echo "launcher-check: FAILED: a start after a build wrote to stderr (rebuilt?): $err" >&2
  exit 1
fi
out=$(./nuage --version)
case "$out" in
  nuage\ *) echo "launcher-check: ok ($out, no rebuild)" >&2 ;;
  *) echo "launcher-check: FAILED: ./nuage --version printed '$out'" >&2; exit 1 ;;
esac

# An installation this user cannot write (issue 9): OR-Tools' natives are not unpacked beside the
# jars, and a plan must still run (the Loader unpacks them to the temporary folder instead).
# A copy of the built layout without the unpacked natives, its lib/ read-only to the user who
# runs it (nobody when we are root, for whom permissions do not apply).
tmp=$(mktemp -d -t nuage-launcher.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir -p "$tmp/nuage-app/target/lib" "$tmp/scripts"
cp nuage "$tmp/"
cp scripts/*.sh scripts/*.java "$tmp/scripts/"
cp nuage-app/target/nuage-app.jar "$tmp/nuage-app/target/"
for f in nuage-app/target/lib/*; do
  [ "$(basename "$f")" = ortools-natives ] || ln -s "$PWD/$f" "$tmp/nuage-app/target/lib/"
done
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp)
else
  chmod 555 "$tmp/nuage-app/target/lib"
fi
if ! out=$("${as_user[@]}" "$tmp/nuage" plan examples/frontier-lab-2027.yaml --format json 2>&1); then
  echo "launcher-check: FAILED: a plan from a read-only installation: $(head -c 2000 <<<"$out")" >&2
  exit 1
fi
if grep -q '"status": "OPTIMAL"' <<<"$out"; then
  echo "launcher-check: ok (plan from a read-only installation)" >&2
else
  echo "launcher-check: FAILED: a plan from a read-only installation printed: $(head -c 2000 <<<"$out")" >&2
  exit 1
fi
chmod 755 "$tmp/nuage-app/target/lib"

# A version upgrade leaves the older OR-Tools jar beside the new one: the natives unpacked must be
# those of the jar the app is linked against, whatever order the folder lists them in.
linked=$(basename "$(ls nuage-app/target/lib/ortools-linux-*.jar | head -1)")
old="$tmp/nuage-app/target/lib/ortools-linux-x86-64-0.0.1.jar"
mkdir -p "$tmp/old/ortools-linux-x86-64" && echo stale >"$tmp/old/ortools-linux-x86-64/libjniortools.so"
(cd "$tmp/old" && "$JAVA_HOME/bin/jar" cf "$old" ortools-linux-x86-64)
mkdir -p "$tmp/nuage-app/target/lib/ortools-natives"
echo stale >"$tmp/nuage-app/target/lib/ortools-natives/libjniortools.so"
touch "$tmp/nuage-app/target/lib/ortools-natives/.from-$(basename "$old")"
"$JAVA_HOME/bin/java" scripts/UnpackOrTools.java "$tmp/nuage-app/target/lib"
if [ -f "$tmp/nuage-app/target/lib/ortools-natives/.from-$linked" ] \
  && ! grep -q stale "$tmp/nuage-app/target/lib/ortools-natives/libjniortools.so"; then
  echo "launcher-check: ok (natives unpacked from $linked, not the older jar beside it)" >&2
else
  echo "launcher-check: FAILED: natives not re-unpacked from $linked: $(ls -a "$tmp/nuage-app/target/lib/ortools-natives")" >&2
  exit 1
fi
