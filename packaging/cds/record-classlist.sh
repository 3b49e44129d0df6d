#!/usr/bin/env bash
# Records which JDK and JavaFX classes a start of KLine Live loads, into packaging/cds/classlist.
# build-installers.sh puts them into the runtime's class-data-sharing archive, so every start maps them ready
# parsed and verified instead of loading them one by one. The list is committed, so packaging needs no display;
# re-run this when the viewer's start-up changes. Needs Linux with xvfb-run (apt-get install xvfb) and a
# previous `./mvnw -Ppackage package -Dpackage.types=app-image`.
set -euo pipefail
cd "$(dirname "$0")/../.."

runtime=target/jpackage/runtime
launcher="target/dist/KLine Live/bin/KLine Live"
[[ -x $runtime/bin/java && -x $launcher ]] || { echo "record-classlist: build the app-image first" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "record-classlist: needs xvfb-run (apt-get install xvfb)" >&2; exit 1; }
jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fx_path=$(find target/jpackage/javafx -name 'javafx-*-*-*.jar' | paste -sd: -)
"$jdk/bin/javac" --release 17 --module-path "$fx_path" --add-modules javafx.controls \
  -d "$tmp/classes" packaging/cds/FxWarmup.java

# Two trainings: the warm-up window, and the app's own start (until the viewer opens a window this is the
# command line only; then it will be the viewer's first seconds).
xvfb-run -a "$runtime/bin/java" -XX:DumpLoadedClassList="$tmp/warmup.list" -cp "$tmp/classes" FxWarmup
JAVA_TOOL_OPTIONS=-XX:DumpLoadedClassList="$tmp/app.list" xvfb-run -a timeout 8 "$launcher" >/dev/null 2>&1 || true

# Keep what the runtime image holds: the app's own classes come from the class path, which CDS cannot share
# once the app is installed elsewhere than here.
"$jdk/bin/jimage" list "$runtime/lib/modules" | sed -n 's/^ *\(.*\)\.class$/\1/p' | sort -u >"$tmp/image"
{
  cat "$tmp"/*.list | grep -v '^[#@]' | sort -u | comm -12 - "$tmp/image"
  cat "$tmp"/*.list | grep '^@lambda-form-invoker' | sort -u
  cat "$tmp"/*.list | grep '^@lambda-proxy' | sort -u | awk 'NR == FNR { keep[$1] = 1; next } keep[$2]' "$tmp/image" -
} >packaging/cds/classlist
echo "record-classlist: $(grep -cv '^@' packaging/cds/classlist) classes in packaging/cds/classlist"
