#!/usr/bin/env bash
# Durable submissions/s on the three layouts civic-server runs in, one after the other on
# this machine, with wrk and unique pre-sealed envelopes (bench/server_load.lua):
#   sqlite       one civic-server on SQLite (the default; group commit, synchronous=FULL)
#   pg-1         one civic-server on a local PostgreSQL (synchronous_commit=on, fsync=on)
#   pg-2+haproxy two civic-servers on that PostgreSQL behind haproxy (deploy/haproxy.cfg)
# Prints req/s, p50, p99, non-2xx and the ratio to SQLite side by side. Nothing is asserted.
#   bench/server_backends.sh [BUILD_DIR]     (default build/native; run as root or as a
#                                            user allowed to run PostgreSQL's initdb)
# Tunables: SUBMIT_SECONDS (10), CONNECTIONS (64), WRK_THREADS (2), ENVELOPES (60000).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/native}
submit_seconds=${SUBMIT_SECONDS:-10}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
count=${ENVELOPES:-60000}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d "${TMPDIR:-/tmp}/civic-bench.XXXXXX")
chmod 755 "$work"
pids=()
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -d "$work/pg" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# start_server NAME [FLAGS…]: starts civic-server, sets $url once it listens.
start_server() {
  local name=$1 port=
  shift
  "$build/server/civic-server" --port 0 --data "$work/$name" --keys "$work/keys" \
    --profile "$repo/shared/profiles/sofia" --rate 0 --today 2026-11-25 --threads "$connections" \
    "$@" 2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 200); do
    port=$(grep -o '"port":[0-9]*' "$work/$name.log" | head -1 | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$work/$name.log"; exit 1; }
  url=http://127.0.0.1:$port
}

# submit NAME URL: one wrk run of POST /api/v1/submissions; prints "NAME RESULT …".
submit() {
  echo "$1 $(wrk -t "$wrk_threads" -c "$connections" -d "${submit_seconds}s" --timeout 5s \
    -s "$repo/bench/server_load.lua" "$2" -- "$work/envelopes.jsonl" "$wrk_threads" | grep '^RESULT')"
}

start_server sqlite
sqlite_url=$url
key=$(curl -s "$url/api/v1/profile" | grep -o '"envelope":"[0-9a-f]*"' | tail -1 | cut -d'"' -f4)
echo "sealing $count envelopes (address_change, owner fixture)..."
"$build/tests/civic_test_envelopes" "$repo/shared/profiles/sofia" address_change \
  "$repo/tests/profile/sofia/owner.json" 2026-11-25 "$key" "$count" >"$work/envelopes.jsonl"
results=("$(submit sqlite "$sqlite_url")")
kill "${pids[0]}" && wait "${pids[0]}" 2>/dev/null || true

echo "starting PostgreSQL ($pg_bin)..."
mkdir -p "$work/pg" && { [ "$(id -u)" -ne 0 ] || chown postgres: "$work/pg"; }
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U civic -A trust -E UTF8 --locale=C >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-c listen_addresses= -c unix_socket_directories=$work/pg -c max_connections=200" start >/dev/null
for db in one two; do "$pg_bin/psql" -X -q -c "CREATE DATABASE $db" "postgresql:///postgres?host=$work/pg&user=civic"; done

start_server pg-1 --database "postgresql:///one?host=$work/pg&user=civic"
results+=("$(submit pg-1 "$url")")
kill "${pids[-1]}" && wait "${pids[-1]}" 2>/dev/null || true

start_server pg-a --database "postgresql:///two?host=$work/pg&user=civic"
replica_a=${url#http://}
start_server pg-b --database "postgresql:///two?host=$work/pg&user=civic"
replica_b=${url#http://}
lb_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
CIVIC_LB_BIND=127.0.0.1:$lb_port CIVIC_REPLICA_A=$replica_a CIVIC_REPLICA_B=$replica_b \
  haproxy -db -f "$repo/deploy/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$lb_port/healthz" >/dev/null && break; sleep 0.1; done
results+=("$(submit pg-2+haproxy "http://127.0.0.1:$lb_port")")

echo
echo "durable submissions, $connections connections, $wrk_threads wrk threads, $(nproc) cores, ${submit_seconds}s each"
printf '%-14s %10s %9s %9s %8s %8s\n' layout req/s p50_ms p99_ms non2xx vs_sqlite
base=
for result in "${results[@]}"; do
  name=${result%% *}
  value() { echo "$result" | grep -o "$1=[0-9.]*" | cut -d= -f2; }
  rps=$(awk -v r="$(value requests)" -v s="$(value seconds)" 'BEGIN{printf "%.0f", r/s}')
  [ -z "$base" ] && base=$rps
  printf '%-14s %10s %9s %9s %8s %8s\n' "$name" "$rps" "$(value p50_ms)" "$(value p99_ms)" \
    "$(value non2xx)" "$(awk -v a="$rps" -v b="$base" 'BEGIN{printf "%.2f", a/b}')"
done
