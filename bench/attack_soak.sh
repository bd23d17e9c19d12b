#!/usr/bin/env bash
# civic-server under attack on loopback, bounded in time (DURATION, 60 s): 200 slowloris
# connections + 64 parallel wrong logins + a stream of valid submissions. Prints /healthz
# availability, p50/p99 of the submissions and the server's peak memory (VmHWM). Issue 14's
# aims: /healthz ≥ 99 %, submissions continue, peak below 300 MiB. Nothing is asserted.
#   bench/attack_soak.sh [BUILD_DIR]     (default build/native)
# Tunables: DURATION (60), SLOW (200), LOGINS (64), WRITERS (4), ENVELOPES (20000).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/native}
count=${ENVELOPES:-20000}
work=$(mktemp -d "${TMPDIR:-/tmp}/civic-soak.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

CIVIC_OPERATOR_PASSWORD=soak-admin-password "$build/server/civic-server" operator add \
  --data "$work/data" --username admin --role admin >/dev/null
"$build/server/civic-server" --port 0 --data "$work/data" --profile "$repo/shared/profiles/sofia" \
  --rate 0 --today 2026-11-25 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  port=$(grep -o '"port":[0-9]*' "$work/server.log" | head -1 | cut -d: -f2 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log"; exit 1; }
url=http://127.0.0.1:$port
key=$(curl -s "$url/api/v1/profile" | grep -o '"envelope":"[0-9a-f]*"' | tail -1 | cut -d'"' -f4)
"$build/tests/civic_test_envelopes" "$repo/shared/profiles/sofia" address_change \
  "$repo/tests/profile/sofia/owner.json" 2026-11-25 "$key" "$count" >"$work/envelopes.jsonl"

echo "soak: ${DURATION:-60} s, ${SLOW:-200} slowloris, ${LOGINS:-64} wrong logins, ${WRITERS:-4} submitters, $(nproc) cores"
node "$repo/bench/attack_soak.mjs" "$url" "$work/envelopes.jsonl" "$server_pid"
