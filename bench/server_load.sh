#!/usr/bin/env bash
# civic-server under load on loopback, with wrk, bounded in time (about 25 s):
#   GET /healthz (the ceiling: what the HTTP stack alone does), GET /api/v1/profile and
#   POST /api/v1/submissions with unique pre-sealed envelopes (each stored durably before
#   its 201). Prints req/s, p50, p99 and the ratio to the ceiling. Nothing is asserted.
#   bench/server_load.sh [BUILD_DIR]     (default build/native)
# Tunables: SECONDS_EACH (5), SUBMIT_SECONDS (10), CONNECTIONS (64), WRK_THREADS (2),
#           ENVELOPES (60000).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/native}
seconds_each=${SECONDS_EACH:-5}
submit_seconds=${SUBMIT_SECONDS:-10}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
count=${ENVELOPES:-60000}
work=$(mktemp -d "${TMPDIR:-/tmp}/civic-bench.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$build/server/civic-server" --port 0 --data "$work/data" --profile "$repo/shared/profiles/sofia" \
  --rate 0 --today 2026-11-25 --threads "$connections" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  port=$(grep -o '"port":[0-9]*' "$work/server.log" | head -1 | cut -d: -f2 || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log"; exit 1; }
url=http://127.0.0.1:$port
key=$(curl -s "$url/api/v1/profile" | grep -o '"envelope":"[0-9a-f]*"' | tail -1 | cut -d'"' -f4)

echo "sealing $count envelopes (address_change, owner fixture)..."
"$build/tests/civic_test_envelopes" "$repo/shared/profiles/sofia" address_change \
  "$repo/tests/profile/sofia/owner.json" 2026-11-25 "$key" "$count" >"$work/envelopes.jsonl"

run() {  # NAME SECONDS URL [wrk args after --]
  local name=$1 duration=$2 target=$3
  shift 3
  local line
  line=$(wrk -t "$wrk_threads" -c "$connections" -d "${duration}s" --timeout 5s \
    -s "$repo/bench/server_load.lua" "$target" -- "$@" | grep '^RESULT')
  echo "$name $line"
}
healthz=$(run healthz "$seconds_each" "$url/healthz")
profile=$(run profile "$seconds_each" "$url/api/v1/profile")
submit=$(run submissions "$submit_seconds" "$url" "$work/envelopes.jsonl" "$wrk_threads")
stored=$(grep -c . "$work/envelopes.jsonl")

echo
echo "civic-server on loopback, $connections connections, $wrk_threads wrk threads, $(nproc) cores"
printf '%-13s %10s %9s %9s %8s %8s\n' route req/s p50_ms p99_ms non2xx ratio
ceiling=
for result in "$healthz" "$profile" "$submit"; do
  name=${result%% *}
  value() { echo "$result" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  rps=$(awk -v r="$(value requests)" -v s="$(value seconds)" 'BEGIN{printf "%.0f", r/s}')
  [ -z "$ceiling" ] && ceiling=$rps
  ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN{printf "%.2f", a/b}')
  printf '%-13s %10s %9s %9s %8s %8s\n' "$name" "$rps" "$(value p50_ms)" "$(value p99_ms)" \
    "$(value non2xx)" "$ratio"
  [ "$name" = submissions ] && echo "  (envelopes reused after wrapping: $(value reused_envelopes) of $stored; synchronous=FULL, group commit)"
done
