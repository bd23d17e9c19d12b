#!/usr/bin/env bash
# Installs what civickit needs to build and test, on Debian 12, as root.
# Idempotent and quiet when nothing is missing: a second run takes seconds.
#   - Debian packages (compilers, Emscripten, libraries, test tools);
#   - Debian *source* packages of libsodium (built static, for wasm with Emscripten and
#     natively) and Dear ImGui, into a cache outside git ($CIVIC_CACHE, default
#     ~/.cache/civickit);
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
  libglfw3-dev libgl-dev libstb-dev fonts-dejavu-core xvfb xauth
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

# libsodium_sysroot_ready SYSROOT: the static library and the internal headers are there.
libsodium_sysroot_ready() {
  [ -f "$1/lib/libsodium.a" ] && [ -f "$1/include/sodium/private/civic_config.h" ]
}

# install_libsodium_internals BUILD SYSROOT: the vote module's group layer uses libsodium's
# internal ed25519 arithmetic (private/ed25519_ref10.h), which must be read with the defines
# that build was configured with (HAVE_TI_MODE chooses the field representation).
install_libsodium_internals() {
  local build=$1 sysroot=$2 defs
  mkdir -p "$sysroot/include/sodium/private"
  cp "$build"/src/libsodium/include/sodium/private/*.h "$sysroot/include/sodium/private/"
  defs=$(grep -o -e '-DHAVE_TI_MODE=1' -e '-DNATIVE_LITTLE_ENDIAN=1' "$build/Makefile" | sort -u)
  {
    echo '/* Written by scripts/bootstrap.sh: the defines this libsodium was configured with. */'
    echo '#define CONFIGURED 1'
    for def in $defs; do def=${def#-D} && echo "#define ${def%=*} ${def#*=}"; done
  } >"$sysroot/include/sodium/private/civic_config.h"
}

# build_libsodium NAME SYSROOT CONFIGURE-WRAPPER MAKE-WRAPPER ARGS...: the Debian source of
# libsodium, full build (ristretto255 is not in the minimal one), static, into SYSROOT.
build_libsodium() {
  local name=$1 sysroot=$2 configure=$3 make=$4 build=$cache/build/libsodium-$1
  shift 4
  libsodium_sysroot_ready "$sysroot" && return
  fetch_source libsodium
  say "building libsodium ($name, a few minutes, once)"
  rm -rf "$build" && mkdir -p "$cache/build" && cp -r "$cache/src/libsodium/tree" "$build"
  (cd "$build" && autoreconf -fi >"$build.log" 2>&1 &&
    $configure ./configure --prefix="$sysroot" --disable-shared --enable-static \
      --disable-dependency-tracking "$@" >>"$build.log" 2>&1 &&
    $make make -j"$(nproc)" install >>"$build.log" 2>&1) ||
    { tail -30 "$build.log"; exit 1; }
  install_libsodium_internals "$build" "$sysroot"
}

# For wasm32 (the browser) and natively: one libsodium, built the same way, so both
# reach the same internal arithmetic (Debian's libsodium-dev hides it).
build_wasm_libsodium() {
  build_libsodium wasm "$sysroot" emconfigure emmake --host=wasm32-unknown-emscripten \
    --disable-ssp --disable-asm --without-pthreads CFLAGS="-Oz -flto"
}
build_native_libsodium() {
  build_libsodium native "$cache/native-sysroot" env env --with-pic
}

# Dear ImGui sources for civic-kiosk, native and in the browser (libimgui-dev has no core .cpp).
fetch_imgui() { fetch_source imgui; }

install_npm_tools() {
  local stamp=$repo/node_modules/.civic-lock
  if [ -f "$stamp" ] && cmp -s "$repo/package-lock.json" "$stamp"; then return; fi
  say "installing npm development tools"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$repo/package-lock.json" "$stamp"
}

# The two libsodium builds side by side: each spends most of its time in one-core configure
# steps. The source is fetched first, once, for both.
build_both_libsodiums() {
  libsodium_sysroot_ready "$sysroot" && libsodium_sysroot_ready "$cache/native-sysroot" && return
  fetch_source libsodium
  build_wasm_libsodium &
  local wasm_build=$!
  build_native_libsodium
  wait "$wasm_build"
}

install_debian_packages
build_both_libsodiums
fetch_imgui
install_npm_tools
