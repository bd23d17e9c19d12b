// The vote module's costs, natively: encrypt and verify a 38-option ballot (4 chosen),
// tally 10,000 ballots, verify a 10,000-ballot board on 1 and 2 threads. Each benchmark
// reports the group operations per item and the floor they alone cost (measured here,
// on this machine, in CPU time: BM_GroupOps), and x_floor, its CPU time over that floor.
#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>

#include "civic/rng.hpp"
#include "civic/vote.hpp"
#include "thread_pool.hpp"  // the CLI's threads (cli/), as `civic vote verify --jobs N`

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

// Microseconds per group operation, measured here in process CPU time (like the CPU
// column, so a loaded machine skews both alike): the floor the work below is compared to.
struct OpCosts {
  double base_mul, mul, fixed_mul, base_double_mul, fixed_double_mul, add, sum_add, fixed_table;
};

template <typename Op>
double cpu_us(int reps, Op&& op) {
  const std::clock_t start = std::clock();
  for (int i = 0; i < reps; ++i) benchmark::DoNotOptimize(op());
  return static_cast<double>(std::clock() - start) * 1e6 / CLOCKS_PER_SEC / reps;
}

const OpCosts& op_costs() {
  static const OpCosts kCosts = [] {
    constexpr int kReps = 2000;
    const Scalar s = scalar_from_u64(0x1234567890abcdefULL) * scalar_from_u64(0xfedcba987654321ULL);
    const Scalar t = s * s;
    const Point p = base_mul(s);
    const FixedBase key(setup().election.joint_key);
    PointSum sum;
    return OpCosts{cpu_us(kReps, [&] { return base_mul(s); }),
                   cpu_us(kReps, [&] { return mul(s, p); }),
                   cpu_us(kReps, [&] { return key.mul(s); }),
                   cpu_us(kReps, [&] { return base_mul_add_vartime(s, t, p); }),
                   cpu_us(kReps, [&] { return mul_add_vartime(key, s, t, p); }),
                   cpu_us(kReps, [&] { return p + p; }),
                   cpu_us(kReps * 10, [&] { return &(sum += p); }),
                   cpu_us(kReps / 20, [&] { return FixedBase(p); })};
  }();
  return kCosts;
}

// What a benchmark's items cost: group operations and CPU time since it started.
struct Start {
  GroupOpCounts counts = group_op_counts();
  std::clock_t cpu = std::clock();
};

// Sets the counters of one benchmark from the group operations done per item, and the
// floor: what those operations alone cost (ms per item); x_floor = CPU time / floor.
void report(benchmark::State& state, const Start& start, double items) {
  const double cpu_ms =
      static_cast<double>(std::clock() - start.cpu) * 1000.0 / CLOCKS_PER_SEC / items;
  const GroupOpCounts& before = start.counts;
  const GroupOpCounts after = group_op_counts();
  const auto per_item = [items](std::uint64_t a, std::uint64_t b) {
    return static_cast<double>(a - b) / items;
  };
  const double base = per_item(after.base_mults, before.base_mults);
  const double mults = per_item(after.point_mults, before.point_mults);
  const double fixed = per_item(after.fixed_mults, before.fixed_mults);
  const double base_doubles = per_item(after.base_double_mults, before.base_double_mults);
  const double fixed_doubles = per_item(after.fixed_double_mults, before.fixed_double_mults);
  const double adds = per_item(after.point_adds, before.point_adds);
  const OpCosts& costs = op_costs();
  const double floor_ms = (base * costs.base_mul + mults * costs.mul + fixed * costs.fixed_mul +
                           base_doubles * costs.base_double_mul +
                           fixed_doubles * costs.fixed_double_mul + adds * costs.sum_add) /
                          1000.0;
  state.counters["base_mults"] = base;
  state.counters["var_mults"] = mults;
  state.counters["fixed_mults"] = fixed;
  state.counters["gaPb_mults"] = base_doubles;
  state.counters["KaPb_mults"] = fixed_doubles;
  state.counters["adds"] = adds;
  state.counters["floor_ms"] = floor_ms;
  state.counters["x_floor"] = cpu_ms / floor_ms;
}

// The group operations themselves, in microseconds (CPU time).
void BM_GroupOps(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(op_costs());
  const OpCosts& costs = op_costs();
  state.counters["base_mul_us"] = costs.base_mul;
  state.counters["mul_us"] = costs.mul;
  state.counters["fixed_mul_us"] = costs.fixed_mul;
  state.counters["gaPb_vartime_us"] = costs.base_double_mul;
  state.counters["KaPb_vartime_us"] = costs.fixed_double_mul;
  state.counters["encoded_add_us"] = costs.add;
  state.counters["sum_add_us"] = costs.sum_add;
  state.counters["fixed_table_us"] = costs.fixed_table;
}
BENCHMARK(BM_GroupOps)->Iterations(1);

void BM_EncryptBallot38(benchmark::State& state) {
  op_costs();
  std::uint32_t n = 0;
  const Start start;
  for (auto _ : state) benchmark::DoNotOptimize(encrypt_one(++n));
  report(state, start, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_EncryptBallot38)->Unit(benchmark::kMillisecond);

void BM_VerifyBallot38(benchmark::State& state) {
  op_costs();
  const Ballot ballot = encrypt_one(1).ballot;
  const Start start;
  for (auto _ : state) benchmark::DoNotOptimize(verify_ballot(setup().election, ballot));
  report(state, start, static_cast<double>(state.iterations()));
}
BENCHMARK(BM_VerifyBallot38)->Unit(benchmark::kMillisecond);

void BM_Tally10000(benchmark::State& state) {
  op_costs();
  std::vector<Ballot> ballots;
  for (std::uint32_t n = 0; n < 200; ++n) ballots.push_back(encrypt_one(n).ballot);
  std::vector<const Ballot*> counted;
  for (std::size_t i = 0; i < 10'000; ++i) counted.push_back(&ballots[i % ballots.size()]);
  const Start start;
  for (auto _ : state) {
    benchmark::DoNotOptimize(tally_ballots(setup().election.manifest, counted));
  }
  report(state, start, static_cast<double>(state.iterations()) * 10'000);
}
BENCHMARK(BM_Tally10000)->Unit(benchmark::kMillisecond)->Iterations(3);

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

constexpr std::uint32_t kBoardBallots = 10'000;

// A board of 10,000 cast ballots, each from its own credential and device, with its
// tally and result; built once, on every core.
const BoardRecords& board_records() {
  static const BoardRecords kRecords = [] {
    const Manifest& manifest = setup().election.manifest;
    BoardRecords records;
    records.manifest = manifest_json();
    records.ceremony = ceremony_to_json(manifest.base_hash, setup().ceremony.ceremony);
    std::vector<Bytes32> credentials(kBoardBallots);
    std::vector<Ballot> ballots(kBoardBallots);
    civic::cli::threaded_for_each(civic::cli::default_jobs(), "building the board")(
        kBoardBallots, [&](std::size_t n) {
          const auto i = static_cast<std::uint32_t>(n);
          civic::SeededRng rng(seed_of(i));
          const VoterCredential credential = credential_from_seed(seed_of(i + 1'000'000));
          const std::string device = "kiosk-" + std::to_string(i);
          const BallotMeta meta{device, "2026-11-25T10:00:00Z",
                                chain_start(manifest.base_hash, device), 0, std::nullopt};
          credentials[n] = credential.public_key;
          ballots[n] =
              encrypt_ballot(setup().election, setup().selections, credential, meta, rng)->ballot;
        });
    std::vector<const Ballot*> counted;
    for (const Ballot& ballot : ballots) {
      records.ballots.push_back(
          board_entry_to_json(manifest, BoardEntry{EntryStatus::cast, ballot, std::nullopt}));
      counted.push_back(&ballot);
    }
    records.credentials = credentials_to_json(manifest.base_hash, credentials);
    const EncryptedTally tally = tally_ballots(manifest, counted);
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
    return records;
  }();
  return kRecords;
}

// verify_board on state.range(0) threads (the CLI's --jobs), in wall-clock time;
// speedup = the 1-thread time over this one's; x_floor is in process CPU time (all
// threads), so it shows whether threads add work.
void BM_VerifyBoard10000(benchmark::State& state) {
  static double one_thread_ms = 0;
  op_costs();
  const BoardRecords& records = board_records();
  const auto threads = static_cast<unsigned>(state.range(0));
  const auto wall_start = std::chrono::steady_clock::now();
  const Start start;
  for (auto _ : state) {
    const BoardReport board =
        verify_board(records, civic::cli::threaded_for_each(threads, "verifying"));
    if (!board.passed()) state.SkipWithError("the board does not verify");
  }
  const double wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start)
          .count() /
      static_cast<double>(state.iterations());
  const double cpu_ms = static_cast<double>(std::clock() - start.cpu) * 1000.0 / CLOCKS_PER_SEC /
                        static_cast<double>(state.iterations());
  report(state, start, static_cast<double>(state.iterations()) * kBoardBallots);
  if (threads == 1) one_thread_ms = wall_ms;
  state.counters["ms_per_ballot"] = wall_ms / kBoardBallots;
  state.counters["speedup"] = one_thread_ms / wall_ms;
  // Process CPU time (every thread) over wall time: how many cores the run really got,
  // below `threads` when other work shares the machine.
  state.counters["cores_used"] = cpu_ms / wall_ms;
}
BENCHMARK(BM_VerifyBoard10000)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

}  // namespace
