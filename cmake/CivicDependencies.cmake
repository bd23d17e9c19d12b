# Third-party libraries, all from Debian packages or built from Debian source by scripts/bootstrap.sh.
#   nlohmann_json::nlohmann_json   header-only JSON
#   civic::sodium                  libsodium, built static by scripts/bootstrap.sh from the
#                                  Debian source (full build: ristretto255), natively and for
#                                  wasm alike: the vote group layer reaches its internal
#                                  ed25519 arithmetic, which libsodium-dev does not export
#   GTest::gtest_main              when CIVIC_BUILD_TESTS

if(EMSCRIPTEN)
  # em++ must not see all of /usr/include: expose only the nlohmann/ headers.
  set(civic_json_include "${PROJECT_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${civic_json_include}")
  file(CREATE_LINK /usr/include/nlohmann "${civic_json_include}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${civic_json_include}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(PkgConfig REQUIRED)  # the server's cpp-httplib and sqlite3
endif()

if(EMSCRIPTEN)
  set(civic_sodium_sysroot "${CIVIC_WASM_SYSROOT}")
else()
  set(civic_sodium_sysroot "${CIVIC_NATIVE_SYSROOT}")
endif()
if(NOT EXISTS "${civic_sodium_sysroot}/include/sodium/private/civic_config.h")
  message(FATAL_ERROR "libsodium (static, with its internal headers) not found in "
                      "${civic_sodium_sysroot}: run scripts/bootstrap.sh")
endif()
add_library(civic::sodium STATIC IMPORTED)
set_target_properties(civic::sodium PROPERTIES
  IMPORTED_LOCATION "${civic_sodium_sysroot}/lib/libsodium.a"
  INTERFACE_INCLUDE_DIRECTORIES "${civic_sodium_sysroot}/include")
# Its internal headers (private/ed25519_ref10.h and what it includes), for the vote group
# layer only (shared/src/vote/ed25519.hpp). Imported, so included as system headers.
add_library(civic::sodium_internals INTERFACE IMPORTED)
set_target_properties(civic::sodium_internals PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${civic_sodium_sysroot}/include/sodium")

if(CIVIC_BUILD_TESTS)
  if(EMSCRIPTEN)
    # Debian's libgtest-dev ships the sources: build them with em++.
    set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    add_subdirectory(/usr/src/googletest "${PROJECT_BINARY_DIR}/googletest" EXCLUDE_FROM_ALL SYSTEM)
  else()
    find_package(GTest REQUIRED)
  endif()
endif()
