#!/usr/bin/env bash
# Runs the benchmark suite and regenerates the tables of docs/BENCHMARKS.md and the plots in docs/bench/.
#   bench/run.sh                      everything (about 10 minutes on our 2-core machine)
#   bench/run.sh render transport     some sections: decode aggregate render transport ingest fanout e2e cache scrollback
#   bench/run.sh --quick              every section, shortened: a smoke test, not figures to quote
#   bench/run.sh --report             only rewrite the document and plots from target/bench/*.json
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
if ! command -v xvfb-run > /dev/null; then
    echo "bench: JavaFX needs a display: apt-get install -y xvfb libgtk-3-0" >&2
    exit 1
fi
sections=$(printf '%s\n' "$@" | grep -v '^--' || true)
if [[ " $* " != *" --report "* && ( -z $sections || $sections == *e2e* ) ]]; then
    for tool in xdotool xwd convert; do
        if ! command -v "$tool" > /dev/null; then
            echo "bench: e2e scrolls charts with xdotool and screenshots them: apt-get install -y xdotool x11-apps imagemagick" >&2
            exit 1
        fi
    done
fi
mkdir -p target/bench
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
build=$(($(date +%s) - start))
exec xvfb-run -a -s "-screen 0 1920x1080x24" java -cp "$classpath" -Dbench.buildSeconds="$build" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn com.klinelive.bench.BenchSuite "$@"
