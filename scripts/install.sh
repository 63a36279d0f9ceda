#!/bin/sh
# Builds fedflow and installs its command:
#   PREFIX/lib/fedflow.jar  the runnable jar
#   PREFIX/bin/fedflow      a launcher that runs it with java (JAVA_HOME and JAVA_OPTS honoured)
# PREFIX defaults to dist/ in this repository; PREFIX=~/.local scripts/install.sh installs for
# the user. Running it again rebuilds and replaces both files.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd -P)
prefix=${PREFIX:-$repo/dist}

echo "Building fedflow in $repo (tests skipped: mvn -B verify runs them)..."
(cd "$repo" && mvn -B -q -DskipTests package)

mkdir -p "$prefix/lib" "$prefix/bin"
prefix=$(cd "$prefix" && pwd -P)

# Replace through a rename, so that a fedflow running meanwhile never sees half a file.
cp "$repo/cli/target/fedflow.jar" "$prefix/lib/.fedflow.jar.new"
mv -f "$prefix/lib/.fedflow.jar.new" "$prefix/lib/fedflow.jar"

cat > "$prefix/bin/.fedflow.new" <<'LAUNCHER'
#!/bin/sh
# Runs fedflow: java -jar on ../lib/fedflow.jar, found from where this file really is.
set -eu
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
home=$(cd "$(dirname "$self")/.." && pwd -P)
if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
  if [ ! -x "$java" ]; then
    echo "fedflow: JAVA_HOME is $JAVA_HOME but $java is not a program" >&2
    exit 127
  fi
elif command -v java >/dev/null 2>&1; then
  java=java
else
  echo "fedflow: java not found: install Java 17 or later, or set JAVA_HOME" >&2
  exit 127
fi
# JAVA_OPTS holds several options, so it is split into words (and not globbed).
set -f
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:-} -jar "$home/lib/fedflow.jar" "$@"
LAUNCHER
chmod 755 "$prefix/bin/.fedflow.new"
mv -f "$prefix/bin/.fedflow.new" "$prefix/bin/fedflow"

echo "Installed $("$prefix/bin/fedflow" --version | head -n 1) in $prefix:"
echo "  $prefix/bin/fedflow"
echo "  $prefix/lib/fedflow.jar"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *)
    echo "To run it as plain 'fedflow', add its folder to your PATH (e.g. in ~/.profile):"
    echo "  export PATH=\"$prefix/bin:\$PATH\""
    ;;
esac
