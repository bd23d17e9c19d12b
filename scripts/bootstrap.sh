#!/usr/bin/env bash
# Installs what civickit needs to build and test, on Debian 12, as root.
# Idempotent and quiet when nothing is missing: a second run takes seconds.
#   - Debian packages (compilers, Emscripten, libraries, test tools);
#   - Debian *source* packages of libsodium and Dear ImGui, built with Emscripten
#     into a cache outside git ($CIVIC_CACHE, default ~/.cache/civickit);
#   - npm development tools (npm ci at the repository root).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${CIVIC_CACHE:-$HOME/.cache/civickit}
sysroot=$cache/wasm-sysroot
export NODE_PATH=/usr/share/nodejs
export DEBIAN_FRONTEND=noninteractive

say() { printf 'bootstrap: %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

debian_packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev autoconf automake libtool clang-format
  emscripten nodejs
  libsodium-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev libsqlite3-dev libpq-dev wrk curl
  postgresql haproxy
  chromium
)

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

apt_updated=
apt_update_once() {
  [ -n "$apt_updated" ] && return
  as_root apt-get update -qq
  apt_updated=1
}

install_debian_packages() {
  local missing
  missing=$(missing_packages "${debian_packages[@]}")
  [ -z "$missing" ] && return
  say "installing Debian packages: $(echo $missing)"
  apt_update_once
  # shellcheck disable=SC2086
  as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

enable_debian_sources() {
  local list=/etc/apt/sources.list.d/civickit-src.sources
  [ -f "$list" ] && return
  say "enabling Debian source packages"
  as_root tee "$list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_updated=
}

# fetch_source PACKAGE: unpacks the Debian source of PACKAGE under $cache/src/PACKAGE.
fetch_source() {
  local pkg=$1 dir=$cache/src/$1
  [ -f "$dir/.fetched" ] && return
  enable_debian_sources
  apt_update_once
  say "fetching Debian source package $pkg"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && apt-get source -qq --download-only "$pkg" >/dev/null 2>&1 &&
    dpkg-source -x ./*.dsc tree >/dev/null 2>&1)
  touch "$dir/.fetched"
}

# libsodium, full build (ristretto255 is not in the minimal one), static, for wasm32.
build_wasm_libsodium() {
  [ -f "$sysroot/lib/libsodium.a" ] && return
  fetch_source libsodium
  say "building libsodium for WebAssembly (a few minutes, once)"
  local build=$cache/build/libsodium
  rm -rf "$build" && mkdir -p "$cache/build" && cp -r "$cache/src/libsodium/tree" "$build"
  (cd "$build" && autoreconf -fi >"$build.log" 2>&1 &&
    emconfigure ./configure --host=wasm32-unknown-emscripten --prefix="$sysroot" \
      --disable-shared --enable-static --disable-ssp --disable-asm --without-pthreads \
      --disable-dependency-tracking CFLAGS="-Oz -flto" >>"$build.log" 2>&1 &&
    emmake make -j"$(nproc)" install >>"$build.log" 2>&1) ||
    { tail -30 "$build.log"; exit 1; }
}

# Dear ImGui sources for the browser kiosk (libimgui-dev has no core .cpp).
fetch_imgui() { fetch_source imgui; }

install_npm_tools() {
  local stamp=$repo/node_modules/.civic-lock
  if [ -f "$stamp" ] && cmp -s "$repo/package-lock.json" "$stamp"; then return; fi
  say "installing npm development tools"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$repo/package-lock.json" "$stamp"
}

install_debian_packages
build_wasm_libsodium
fetch_imgui
install_npm_tools
