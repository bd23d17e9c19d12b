#!/usr/bin/env bash
# civic-kiosk's frame time with a 10,000-row operator queue, natively in a real window under
# Xvfb (Mesa's software OpenGL), vsync off: 300 frames, mean / median / p95. Nothing asserted.
#   bench/kiosk_frames.sh [BUILD_DIR]     (default build/native); ROWS (10000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/native}
rows=${ROWS:-10000}
xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
  "$build/kiosk/civic-kiosk" --server http://127.0.0.1:9 --bench-rows "$rows"
