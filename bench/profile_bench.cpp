// The Sofia profile: loading the bundle, a full validation of the address-change declaration
// (every field, the register-backed address check, computed values), one answer changed in an
// open address-change form, a suggestion on the
// largest real register (Витоша). bench/wasm_bench.mjs measures the same in wasm and prints
// the bundle's gzipped size.
#include <benchmark/benchmark.h>

#include <fstream>

#include "civic/api.hpp"
#include "civic/form_session_json.hpp"
#include "civic/io/profile_dir.hpp"
#include "civic/profile.hpp"
#include "civic/profile_json.hpp"
#include "civic/strict_json.hpp"

namespace {

using civic::profile::Json;

const Json& sofia_bundle() {
  static const Json bundle = *civic::io::read_profile_dir(CIVIC_SOFIA_PROFILE_DIR);
  return bundle;
}

const civic::profile::Profile& sofia() {
  static const auto loaded = civic::profile::load(sofia_bundle()).profile;
  return *loaded;
}

void BM_ProfileLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = civic::profile::load(sofia_bundle());
    benchmark::DoNotOptimize(loaded.profile.get());
  }
}
BENCHMARK(BM_ProfileLoad)->Unit(benchmark::kMillisecond);

// What the browser does (wasm loadProfile): the bundle's JSON text read and loaded.
void BM_ProfileLoadText(benchmark::State& state) {
  const std::string text = civic::api::dump(sofia_bundle());
  for (auto _ : state) {
    civic::api::ProfileJson profile(text);
    benchmark::DoNotOptimize(profile.profile());
  }
}
BENCHMARK(BM_ProfileLoadText)->Unit(benchmark::kMillisecond);

// What the deferred registers cost when first needed: the load, then a first suggestion with
// no district chosen (it reads every register).
void BM_ProfileLoadTextThenSuggest(benchmark::State& state) {
  const std::string text = civic::api::dump(sofia_bundle());
  for (auto _ : state) {
    civic::api::ProfileJson profile(text);
    benchmark::DoNotOptimize(profile.suggest(R"({"query":"drag"})"));
  }
}
BENCHMARK(BM_ProfileLoadTextThenSuggest)->Unit(benchmark::kMillisecond);

// The same text read whole before loading (parse_json + load: every register read at load).
void BM_ProfileLoadTextWhole(benchmark::State& state) {
  const std::string text = civic::api::dump(sofia_bundle());
  for (auto _ : state) {
    auto loaded = civic::profile::load(civic::parse_json(text));
    benchmark::DoNotOptimize(loaded.profile.get());
  }
}
BENCHMARK(BM_ProfileLoadTextWhole)->Unit(benchmark::kMillisecond);

void BM_AddressChangeFullValidation(benchmark::State& state) {
  std::ifstream in(CIVIC_SOFIA_FIXTURES_DIR "/owner.json");
  const Json answers = Json::parse(in);
  const auto form = sofia().form("address_change");
  const civic::forms::Context context = sofia().context(civic::Date{2026, 11, 25});
  for (auto _ : state) {
    civic::forms::Report report = civic::forms::validate(*form, answers, context);
    if (!report.valid) state.SkipWithError("the owner fixture does not validate");
    benchmark::DoNotOptimize(report.valid);
  }
}
BENCHMARK(BM_AddressChangeFullValidation)->Unit(benchmark::kMicrosecond);

// What a keystroke costs in the address-change form (as bench/wasm_bench.mjs measures it):
// one answer set, the report made again.
void BM_AddressChangeSetAnswer(benchmark::State& state) {
  std::ifstream in(CIVIC_SOFIA_FIXTURES_DIR "/owner.json");
  civic::forms::FormSession session(sofia().form("address_change"),
                                    sofia().context(civic::Date{2026, 11, 25}));
  session.set_answers(Json::parse(in));
  bool flip = false;
  for (auto _ : state) {
    flip = !flip;
    auto done = session.set_answer("/new_address/apartment", flip ? "4" : "5");
    if (!done || !session.report().valid)
      state.SkipWithError("the owner fixture does not validate");
  }
}
BENCHMARK(BM_AddressChangeSetAnswer)->Unit(benchmark::kMicrosecond);

// The same keystroke as the wasm module answers it (civic/form_session_json.hpp): the value as
// JSON text in, the report as JSON text out.
void BM_AddressChangeSetAnswerJson(benchmark::State& state) {
  std::ifstream in(CIVIC_SOFIA_FIXTURES_DIR "/owner.json");
  const Json request{
      {"form", "address_change"}, {"today", "2026-11-25"}, {"answers", Json::parse(in)}};
  civic::api::FormSessionJson session(sofia(), request.dump());
  bool flip = false;
  for (auto _ : state) {
    flip = !flip;
    const std::string report =
        session.set_answer("/new_address/apartment", flip ? "\"4\"" : "\"5\"");
    if (report.find(R"("valid":true)") == std::string::npos)
      state.SkipWithError("the owner fixture does not validate");
  }
}
BENCHMARK(BM_AddressChangeSetAnswerJson)->Unit(benchmark::kMicrosecond);

void BM_SuggestOnVitosha(benchmark::State& state) {
  civic::address::SuggestQuery query;
  query.text = "drag";
  query.district = "68134-17";
  for (auto _ : state) {
    auto found = civic::address::suggest(query, sofia().address_register());
    benchmark::DoNotOptimize(found.data());
  }
}
BENCHMARK(BM_SuggestOnVitosha)->Unit(benchmark::kMicrosecond);

}  // namespace
