#!/usr/bin/env bash
# Runs a packaged KLine Live from its own trimmed runtime: starts the klinelive-sim launcher on a free port, then
# records a few seconds of its feed headless through the "KLine Live" launcher, over WebSocket and over long
# polling. A module missing from the jlink runtime, or a launcher that passes the wrong arguments, fails here.
# Usage: packaging/smoke-test.sh "target/dist/KLine Live"   (a Linux app-image, or /opt/klinelive once installed)
set -euo pipefail

image=${1:?usage: smoke-test.sh APP_IMAGE_DIR}
viewer="$image/bin/KLine Live"
sim="$image/bin/klinelive-sim"
fail() { echo "smoke-test: $*" >&2; exit 1; }
[[ -x $viewer && -x $sim ]] || fail "no launchers in $image/bin"

tmp=$(mktemp -d)
sim_pid=
cleanup() {
  if [[ -n $sim_pid ]]; then
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$viewer" --version | grep -q '^klinelive ' || fail "the viewer launcher does not run: $("$viewer" --version 2>&1)"

# An hour of history instead of a day: the simulator is up sooner and the check is the same.
"$sim" --port 0 --history 1h >"$tmp/sim.out" 2>&1 &
sim_pid=$!
url=
for _ in $(seq 300); do
  url=$(sed -n 's/^listening \(http[^ ]*\).*/\1/p' "$tmp/sim.out")
  [[ -n $url ]] && break
  kill -0 "$sim_pid" 2>/dev/null || fail "klinelive-sim exited: $(cat "$tmp/sim.out")"
  sleep 0.1
done
[[ -n $url ]] || fail "klinelive-sim did not print 'listening' within 30 s: $(cat "$tmp/sim.out")"
echo "smoke-test: klinelive-sim $url"

for transport in websocket longpoll; do
  out=$tmp/$transport.out
  "$viewer" record --url "$url" --transport "$transport" --interval 1s --duration 3s --history 10 \
    --out "$tmp/$transport.csv" >"$out" 2>&1 || fail "record over $transport: $(cat "$out")"
  summary=$(tail -n 1 "$out")
  [[ $summary == "summary transport=$transport ticks="[1-9]* ]] || fail "record over $transport: $summary"
  [[ $(wc -l <"$tmp/$transport.csv") -gt 1 ]] || fail "record over $transport wrote no candles"
  echo "smoke-test: record over $transport: $summary"
done
echo "smoke-test: ok"
