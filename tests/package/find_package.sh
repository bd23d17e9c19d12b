#!/usr/bin/env bash
# find_package(civickit) from another project: installs the build into a temporary prefix,
# then configures, builds and runs examples/cpp against that prefix from a separate folder.
#   tests/package/find_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/examples/cpp" -B "$work/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log"
found=$(sed -n 's/^civickit_DIR:PATH=//p' "$work/example/CMakeCache.txt")
if [ "$found" != "$work/prefix/lib/cmake/civickit" ] && [ "$found" != "$work/prefix/lib/x86_64-linux-gnu/cmake/civickit" ]; then
  echo "find_package(civickit) did not find the installed package (civickit_DIR=$found)" >&2
  exit 1
fi
cmake --build "$work/example" >/dev/null
"$work/example/check_ids" 7501020018
