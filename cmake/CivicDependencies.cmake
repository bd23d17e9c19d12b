# Third-party libraries, all from Debian (natively) or built by scripts/bootstrap.sh (wasm).
#   nlohmann_json::nlohmann_json   header-only JSON
#   civic::sodium                  libsodium (full build: ristretto255)
#   GTest::gtest_main              when CIVIC_BUILD_TESTS

if(EMSCRIPTEN)
  # em++ must not see all of /usr/include: expose only the nlohmann/ headers.
  set(civic_json_include "${PROJECT_BINARY_DIR}/third_party/include")
  file(MAKE_DIRECTORY "${civic_json_include}")
  file(CREATE_LINK /usr/include/nlohmann "${civic_json_include}/nlohmann" SYMBOLIC)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE "${civic_json_include}")

  if(NOT EXISTS "${CIVIC_WASM_SYSROOT}/lib/libsodium.a")
    message(FATAL_ERROR "libsodium for wasm not found in ${CIVIC_WASM_SYSROOT}: run scripts/bootstrap.sh")
  endif()
  add_library(civic::sodium STATIC IMPORTED)
  set_target_properties(civic::sodium PROPERTIES
    IMPORTED_LOCATION "${CIVIC_WASM_SYSROOT}/lib/libsodium.a"
    INTERFACE_INCLUDE_DIRECTORIES "${CIVIC_WASM_SYSROOT}/include")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
  add_library(civic::sodium ALIAS PkgConfig::sodium)
endif()

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
