// The vote module's costs, natively: encrypt and verify a 38-option ballot (4 chosen),
// tally 10,000 ballots, verify a board. Each benchmark reports ms and the number of
// scalar multiplications per item, and the floor those multiplications alone cost
// (measured here, on this machine, in CPU time), so the overhead over the floor is
// visible: compare the CPU column with mult_floor_ms (multiplications only) and
// op_floor_ms (multiplications and additions).
#include <benchmark/benchmark.h>

#include <ctime>

#include "civic/rng.hpp"
#include "civic/vote.hpp"

namespace {

using namespace civic::vote;
using Json = civic::vote::Json;

constexpr std::size_t kOptions = 38;

std::array<std::uint8_t, 32> seed_of(std::uint32_t value) {
  std::array<std::uint8_t, 32> seed{};
  for (std::size_t i = 0; i < 4; ++i) seed[i] = static_cast<std::uint8_t>(value >> (8 * i));
  return seed;
}

// Sofia Chooses 2022: 38 proposals, up to 4 chosen.
Json manifest_json() {
  Json options = Json::array();
  for (std::size_t i = 1; i <= kOptions; ++i) {
    std::string id = "p";  // (not "p" + ...: GCC 12 warns falsely, -Wrestrict)
    id += std::to_string(i);
    options.push_back(Json{{"id", id}, {"title", {{"bg", "Проект"}, {"en", "Project"}}}});
  }
  return Json{{"id", "sofia-2022"},
              {"title", {{"bg", "София избира"}, {"en", "Sofia Chooses"}}},
              {"contests",
               {Json{{"id", "city"},
                     {"title", {{"bg", "Град"}, {"en", "City"}}},
                     {"min", 0},
                     {"max", 4},
                     {"options", options}}}}};
}

struct Setup {
  Election election;
  LocalCeremony ceremony;
  Selections selections;
};

const Setup& setup() {
  static const Setup kSetup = [] {
    civic::SeededRng rng(seed_of(1));
    Manifest manifest = parse_manifest(manifest_json()).value();
    LocalCeremony ceremony = run_local_ceremony(manifest.base_hash, 3, 5, rng).value();
    Selections selections = {std::vector<std::uint8_t>(kOptions, 0)};
    for (std::size_t pick : {3, 11, 20, 37}) selections[0][pick] = 1;
    const Point key = ceremony.ceremony.joint_key;
    return Setup{Election{std::move(manifest), key}, std::move(ceremony), selections};
  }();
  return kSetup;
}

EncryptedBallot encrypt_one(std::uint32_t n) {
  civic::SeededRng rng(seed_of(n));
  return encrypt_ballot(
             setup().election, setup().selections, credential_from_seed(seed_of(n + 1'000'000)),
             BallotMeta{"bench", "2026-11-25T10:00:00Z", std::nullopt, 0, std::nullopt}, rng)
      .value();
}

// Microseconds per base and variable-base multiplication and per addition.
struct Floor {
  double base_us, mult_us, add_us;
};

const Floor& floor_costs() {
  static const Floor kFloor = [] {
    constexpr int kReps = 2000;
    const Scalar s = scalar_from_u64(0x1234567890abcdefULL) * scalar_from_u64(0xfedcba987654321ULL);
    const Point p = base_mul(s);
    // Process CPU time, like the CPU column, so a loaded machine skews both alike.
    const auto time_us = [](auto&& op) {
      const std::clock_t start = std::clock();
      for (int i = 0; i < kReps; ++i) benchmark::DoNotOptimize(op());
      return static_cast<double>(std::clock() - start) * 1e6 / CLOCKS_PER_SEC / kReps;
    };
    return Floor{time_us([&] { return base_mul(s); }), time_us([&] { return mul(s, p); }),
                 time_us([&] { return p + p; })};
  }();
  return kFloor;
}

// Sets the counters of one benchmark from the group operations done per item.
void report(benchmark::State& state, const GroupOpCounts& before, double items) {
  const GroupOpCounts after = group_op_counts();
  const double base = static_cast<double>(after.base_mults - before.base_mults) / items;
  const double mults = static_cast<double>(after.point_mults - before.point_mults) / items;
  const double adds = static_cast<double>(after.point_adds - before.point_adds) / items;
  const Floor& costs = floor_costs();
  state.counters["base_mults"] = base;
  state.counters["var_mults"] = mults;
  state.counters["adds"] = adds;
  state.counters["mult_floor_ms"] = (base * costs.base_us + mults * costs.mult_us) / 1000.0;
  state.counters["op_floor_ms"] =
      (base * costs.base_us + mults * costs.mult_us + adds * costs.add_us) / 1000.0;
}

void BM_EncryptBallot38(benchmark::State& state) {
  floor_costs();
  std::uint32_t n = 0;
  const GroupOpCounts before = group_op_counts();
  for (auto _ : state) benchmark::DoNotOptimize(encrypt_one(++n));
  report(state, before, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_EncryptBallot38)->Unit(benchmark::kMillisecond);

void BM_VerifyBallot38(benchmark::State& state) {
  floor_costs();
  const Ballot ballot = encrypt_one(1).ballot;
  const GroupOpCounts before = group_op_counts();
  for (auto _ : state) benchmark::DoNotOptimize(verify_ballot(setup().election, ballot));
  report(state, before, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_VerifyBallot38)->Unit(benchmark::kMillisecond);

void BM_Tally10000(benchmark::State& state) {
  floor_costs();
  std::vector<Ballot> ballots;
  for (std::uint32_t n = 0; n < 200; ++n) ballots.push_back(encrypt_one(n).ballot);
  const GroupOpCounts before = group_op_counts();
  for (auto _ : state) {
    TallySum sum(setup().election.manifest);
    for (std::size_t i = 0; i < 10'000; ++i) sum.add(ballots[i % ballots.size()]);
    benchmark::DoNotOptimize(sum.tally());
  }
  report(state, before, static_cast<double>(state.iterations()) * 10'000);
}
BENCHMARK(BM_Tally10000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_DecryptTally(benchmark::State& state) {
  civic::SeededRng rng(seed_of(9));
  TallySum sum(setup().election.manifest);
  for (std::uint32_t n = 0; n < 50; ++n) sum.add(encrypt_one(n).ballot);
  EncryptedTally tally = sum.tally();
  tally.ballots = 2'000'000;  // size the discrete log for 2 million voters
  const auto& secrets = setup().ceremony.secrets;
  for (auto _ : state) {
    std::vector<PartialDecryption> partials;
    for (std::size_t t : {0, 2, 4}) {
      partials.push_back(partially_decrypt(setup().election, tally, secrets[t], rng));
    }
    benchmark::DoNotOptimize(
        decrypt_tally(setup().election, setup().ceremony.ceremony, tally, partials));
  }
}
BENCHMARK(BM_DecryptTally)->Unit(benchmark::kMillisecond);

void BM_VerifyBoard(benchmark::State& state) {
  floor_costs();
  constexpr std::uint32_t kBallots = 100;
  const Manifest& manifest = setup().election.manifest;
  BoardRecords records;
  records.manifest = manifest_json();
  records.ceremony = ceremony_to_json(manifest.base_hash, setup().ceremony.ceremony);
  std::vector<Bytes32> credentials;
  std::vector<BoardEntry> entries;
  TallySum sum(manifest);
  for (std::uint32_t n = 0; n < kBallots; ++n) {
    civic::SeededRng rng(seed_of(n));
    const VoterCredential credential = credential_from_seed(seed_of(n + 1'000'000));
    credentials.push_back(credential.public_key);
    const BallotMeta meta{"bench", "2026-11-25T10:00:00Z",
                          chain_head(manifest.base_hash, entries, "bench"), 0, std::nullopt};
    entries.push_back(BoardEntry{
        EntryStatus::cast,
        encrypt_ballot(setup().election, setup().selections, credential, meta, rng)->ballot,
        std::nullopt});
    sum.add(entries.back().ballot);
    records.ballots.push_back(board_entry_to_json(manifest, entries.back()));
  }
  records.credentials = credentials_to_json(manifest.base_hash, credentials);
  const EncryptedTally tally = sum.tally();
  records.tally = tally_to_json(manifest.base_hash, tally);
  civic::SeededRng rng(seed_of(5));
  DecryptionRecord record;
  for (std::size_t t : {0, 2, 4}) {
    record.partials.push_back(
        partially_decrypt(setup().election, tally, setup().ceremony.secrets[t], rng));
  }
  record.counts =
      decrypt_tally(setup().election, setup().ceremony.ceremony, tally, record.partials).value();
  records.result = decryption_to_json(manifest, record);
  const GroupOpCounts before = group_op_counts();
  for (auto _ : state) {
    const BoardReport board = verify_board(records);
    if (!board.passed()) state.SkipWithError("the board does not verify");
  }
  report(state, before, static_cast<double>(state.iterations()) * kBallots);
  state.counters["ballots"] = kBallots;
}
BENCHMARK(BM_VerifyBoard)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
