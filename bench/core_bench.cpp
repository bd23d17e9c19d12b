// Identity checks and transliteration, natively (bench/wasm_bench.mjs measures the same in wasm).
#include <benchmark/benchmark.h>

#include "civic/api.hpp"
#include "civic/identity.hpp"
#include "civic/text.hpp"

namespace {

constexpr civic::Date kToday{2026, 11, 25};

void BM_CheckEgn(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(civic::check_egn("6101057509", kToday));
}
BENCHMARK(BM_CheckEgn);

void BM_CheckLnch(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(civic::check_lnch("7111042925"));
}
BENCHMARK(BM_CheckLnch);

void BM_CheckEik13(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(civic::check_eik("0009039460577"));
}
BENCHMARK(BM_CheckEik13);

void BM_ApiIdCheck(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        civic::api::call("id.check", R"({"number":"6101057509","today":"2026-11-25"})"));
  }
}
BENCHMARK(BM_ApiIdCheck);

void BM_Transliterate(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        civic::transliterate("ж.к. „Младост“ 1, бл. 12, вх. А, ет. 3, ап. 9, 1784 София"));
  }
}
BENCHMARK(BM_Transliterate);

void BM_FoldForSearch(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(civic::fold_for_search("бул. „Витоша“ 12"));
}
BENCHMARK(BM_FoldForSearch);

}  // namespace
