#!/usr/bin/env bash
# Runs every libFuzzer target in BIN_DIR for SECONDS each over a scratch copy of its committed
# corpus (fuzz/corpus/<input>), then prints executions and findings per target. A finding's
# input is kept in build/fuzz-findings/<input>/; add it to fuzz/corpus/<input>/ as a
# regression once fixed.   scripts/fuzz.sh BIN_DIR SECONDS
set -uo pipefail
bin_dir=${1:?BIN_DIR}
seconds=${2:-120}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/build/fuzz-run"
findings_dir="$root/build/fuzz-findings"
mkdir -p "$work" "$findings_dir"
printf '%-28s %8s %12s %9s\n' target seconds executions findings > "$work/summary"
status=0
for target in "$bin_dir"/civic_fuzz_*; do
  input=${target##*/civic_fuzz_}
  scratch="$work/corpus-$input" found="$findings_dir/$input"
  rm -rf "$scratch" && mkdir -p "$scratch" "$found"
  cp "$root/fuzz/corpus/$input"/* "$scratch"/
  echo "== civic_fuzz_$input: ${seconds}s"
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -artifact_prefix="$found/" \
    "$scratch" > "$work/$input.log" 2>&1
  executions=$(grep -oE '^#[0-9]+:' "$work/$input.log" | tail -n 1 | tr -d '#:')
  findings=$(find "$found" -type f | wc -l)
  [ "$findings" -eq 0 ] || status=1
  printf '%-28s %8s %12s %9s\n' "civic_fuzz_$input" "$seconds" "${executions:-0}" "$findings" \
    >> "$work/summary"
done
cat "$work/summary"
exit $status
