// Address figures: a suggestion on a register the size of Sofia's largest district, and a
// 100,000-row CSV import. Synthetic names built from real Sofia street-name words.
#include <benchmark/benchmark.h>

#include <string>

#include "civic/address.hpp"
#include "civic/register_import.hpp"

namespace {

using namespace civic::address;

constexpr const char* kWords[] = {
    "Витоша", "Черни връх", "Акад. Борис Стефанов", "Васил Левски", "Хан Аспарух", "Цар Симеон",
    "Шипка",  "Гео Милев",  "Александър Малинов",   "Пирин",        "Родопи",      "Иван Вазов"};

// 100,000 buildings: 5,000 streets × 12 numbers and 4,000 blocks × 10 entrances' worth of rows.
std::string synthetic_csv(size_t rows) {
  std::string csv = "settlement,street_type,street,number,complex,block,entrances,postal_code\n";
  for (size_t i = 0; i < rows; ++i) {
    const std::string name = std::string(kWords[i % 12]) + " " + std::to_string(i / 120);
    if (i % 5 == 4) {
      csv += "68134,,,,Младост " + std::to_string(i % 4 + 1) + "," + std::to_string(i / 5 + 1) +
             ",А;Б;В,1784\n";
    } else {
      csv += "68134,ул.," + name + "," + std::to_string(i % 120 + 1) + ",,,,1700\n";
    }
  }
  return csv;
}

void BM_Import100kRows(benchmark::State& state) {
  const std::string csv = synthetic_csv(100000);
  for (auto _ : state) {
    ImportReport report = import_csv("68134-15", csv);
    benchmark::DoNotOptimize(report.accepted);
  }
  state.SetItemsProcessed(state.iterations() * 100000);
}
BENCHMARK(BM_Import100kRows)->Unit(benchmark::kMillisecond);

void BM_SuggestOnLargestRegister(benchmark::State& state) {
  Register reg;
  reg.districts.push_back(import_csv("68134-15", synthetic_csv(100000)).district);
  SuggestQuery query;
  query.text = "vasil lev";
  query.district = "68134-15";
  for (auto _ : state) {
    auto found = suggest(query, reg);
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["streets"] = static_cast<double>(reg.districts[0].streets.size());
  state.counters["blocks"] = static_cast<double>(reg.districts[0].blocks.size());
}
BENCHMARK(BM_SuggestOnLargestRegister)->Unit(benchmark::kMicrosecond);

// The same register and what people type: a name and a number, a complex and its block, and
// a typo (nothing matches as typed: every key is scanned a second time, one typo allowed).
void BM_SuggestAsTyped(benchmark::State& state, const char* text) {
  Register reg;
  reg.districts.push_back(import_csv("68134-15", synthetic_csv(100000)).district);
  SuggestQuery query;
  query.text = text;
  query.district = "68134-15";
  for (auto _ : state) {
    auto found = suggest(query, reg);
    benchmark::DoNotOptimize(found.data());
  }
}
BENCHMARK_CAPTURE(BM_SuggestAsTyped, street_number, "Васил Левски 12 12 ап. 3")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SuggestAsTyped, complex_block, "ж.к. Младост 3 бл. 12")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_SuggestAsTyped, one_typo, "vasli lev")->Unit(benchmark::kMicrosecond);

}  // namespace
