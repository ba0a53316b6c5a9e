#!/bin/sh
# Builds the file tree Jib puts on top of the empty ("scratch") base image: a Java runtime made with jlink,
# the C libraries it links against (copied from this machine, found with ldd), /tmp, and /etc/passwd with
# the non-root user the container runs as. No registry is involved, so the image builds offline.
# Called by the "image" Maven profile (pom.xml); usage: build-root.sh JAVA_HOME OUTPUT_DIR
set -eu
JDK="$1"
ROOT="$2"
# The modules the app needs (jdeps over the app and its dependencies, plus what reflection and JMX reach:
# java.desktop for java.beans, java.instrument, jdk.unsupported for sun.misc.Unsafe, jdk.crypto.cryptoki,
# java.security.jgss/sasl for the PostgreSQL driver, jdk.naming.dns, jdk.zipfs, JFR and JMX for operations).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,\
java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.jfr,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

STAMP="$ROOT.stamp"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$JDK $MODULES" ]; then
  echo "image root up to date: $ROOT"
  exit 0
fi
rm -rf "$ROOT"
mkdir -p "$ROOT/opt" "$ROOT/tmp" "$ROOT/etc"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$ROOT/opt/java"
# jlink links duplicate legal notices; Jib copies files, so make them plain files
find "$ROOT/opt/java/legal" -type l | while read -r link; do
  cp --remove-destination "$(readlink -f "$link")" "$link"
done
# The C libraries: everything ldd resolves for the launcher and the native libraries of the runtime
# (not the X11, sound and splash-screen libraries: the server runs headless)
find "$ROOT/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) ! -name libawt_xawt.so \
  ! -name libjsound.so ! -name libsplashscreen.so ! -name libjawt.so -exec ldd {} \; 2>/dev/null \
  | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (0x.*/\1/p' | sort -u \
  | while read -r lib; do
      case "$lib" in "$ROOT"*) continue ;; esac
      mkdir -p "$ROOT$(dirname "$lib")"
      cp -L "$lib" "$ROOT$lib"
    done
# A user the container runs as (the uid is what counts: Kubernetes' runAsNonRoot checks it is not 0)
cat > "$ROOT/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
bridgekeeper:x:10001:10001:bridgekeeper:/tmp:/sbin/nologin
PASSWD
cat > "$ROOT/etc/group" <<GROUP
root:x:0:
bridgekeeper:x:10001:
GROUP
echo "$JDK $MODULES" > "$STAMP"
echo "image root built: $ROOT ($(du -sh "$ROOT" | cut -f1))"
