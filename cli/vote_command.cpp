// civic vote — run a participatory-budget election on a board directory, and verify one.
#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "civic/rng.hpp"
#include "civic/vote.hpp"
#include "commands.hpp"
#include "thread_pool.hpp"
#include "vote_board_files.hpp"
#include "vote_registrar.hpp"

namespace civic::cli {

namespace {

using namespace civic::vote;

constexpr const char* kUsage =
    "civic vote create BOARD --manifest FILE\n"
    "       civic vote ceremony BOARD --threshold K --trustees N --secrets DIR [--seed HEX]\n"
    "       civic vote credentials BOARD --count N --secrets DIR [--seed HEX]\n"
    "       civic vote encrypt BOARD --credential SEED_HEX --select CONTEST=OPTION[,OPTION]...\n"
    "                          [--device NAME] [--time ISO] [--spoil] [--seed HEX]\n"
    "       civic vote tally BOARD [--jobs N]\n"
    "       civic vote decrypt BOARD --trustee FILE... [--seed HEX]\n"
    "       civic vote decrypt BOARD --trustee FILE --partial OUT [--seed HEX]\n"
    "       civic vote verify BOARD [--jobs N]\n"
    "       civic vote eligible PEOPLE.csv --key FILE --out ELIGIBLE.csv\n"
    "       civic vote register BOARD --eligible ELIGIBLE.csv --server-key HEX --out UPLOAD.json\n"
    "  --jobs N: threads that check ballots (default: one per core)";

// BOARD followed by --name value pairs (a name may repeat) and bare --flags.
struct Options {
  std::string board;
  std::multimap<std::string, std::string> values;
  bool flag(const std::string& name) const { return values.count(name) > 0; }
  std::optional<std::string> value(const std::string& name) const {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

std::optional<Options> parse_options(const Args& args) {
  if (args.size() < 2) return std::nullopt;
  Options options{args[1], {}};
  for (std::size_t i = 2; i < args.size(); ++i) {
    if (args[i].rfind("--", 0) != 0) return std::nullopt;
    const std::string name = args[i].substr(2);
    if (name == "spoil") {
      options.values.emplace(name, "");
    } else if (i + 1 < args.size()) {
      options.values.emplace(name, args[++i]);
    } else {
      return std::nullopt;
    }
  }
  return options;
}

std::optional<std::uint32_t> number_option(const Options& options, const char* name) {
  const auto text = options.value(name);
  if (!text || text->empty() || text->size() > 9 ||
      text->find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return static_cast<std::uint32_t>(std::stoul(*text));
}

// --jobs N (1 to 1024), or every core. nullopt (and a message) when malformed.
std::optional<unsigned> jobs_option(const Options& options) {
  if (!options.value("jobs")) return default_jobs();
  const auto jobs = number_option(options, "jobs");
  if (!jobs || *jobs < 1 || *jobs > 1024) {
    std::fprintf(stderr, "civic: --jobs must be a number of threads from 1 to 1024\n");
    return std::nullopt;
  }
  return *jobs;
}

// --seed HEX, or 32 bytes from the operating system's CSPRNG.
std::optional<Bytes32> seed_option(const Options& options, const char* name = "seed") {
  Bytes32 seed;
  const auto hex = options.value(name);
  if (!hex) {
    randombytes_buf(seed.data(), seed.size());
    return seed;
  }
  if (!from_hex(*hex, seed)) {
    std::fprintf(stderr, "civic: --%s must be 64 hex digits\n", name);
    return std::nullopt;
  }
  return seed;
}

std::optional<Ceremony> read_ceremony(const std::string& board) {
  const auto json = read_json_file(board + "/ceremony.json");
  if (!json) return std::nullopt;
  auto ceremony = ceremony_from_json(*json);
  if (!ceremony) {
    print_error("ceremony.json (civic vote ceremony)", ceremony.error());
    return std::nullopt;
  }
  return std::move(ceremony).value();
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

int create(const Options& options) {
  const auto path = options.value("manifest");
  if (!path) return usage_error(kUsage);
  const auto json = read_json_file(*path);
  if (!json || json->is_null()) return 1;
  auto manifest = parse_manifest(*json);
  if (!manifest) return print_error(*path, manifest.error()), 1;
  std::filesystem::create_directories(options.board);
  if (!write_json_file(options.board + "/manifest.json", *json) ||
      !write_entries(options.board, *manifest, {})) {
    return 1;
  }
  std::printf("base hash %s\n", to_hex(manifest->base_hash).c_str());
  return 0;
}

int ceremony(const Options& options) {
  const auto threshold = number_option(options, "threshold");
  const auto trustees = number_option(options, "trustees");
  const auto secrets = options.value("secrets");
  if (!threshold || !trustees || !secrets) return usage_error(kUsage);
  const auto manifest = read_manifest(options.board);
  const auto seed = seed_option(options);
  if (!manifest || !seed) return 1;
  SeededRng rng(*seed);
  auto local = run_local_ceremony(manifest->base_hash, *threshold, *trustees, rng);
  if (!local) return print_error("ceremony", local.error()), 1;
  std::filesystem::create_directories(*secrets);
  for (const TrusteeSecret& secret : local->secrets) {
    const std::string file = *secrets + "/trustee-" + std::to_string(secret.index) + ".json";
    if (!write_json_file(file, trustee_secret_to_json(manifest->base_hash, secret))) return 1;
  }
  if (!write_json_file(options.board + "/ceremony.json",
                       ceremony_to_json(manifest->base_hash, local->ceremony))) {
    return 1;
  }
  std::printf("joint key %s (%u of %u trustees; secrets in %s)\n",
              to_hex(local->ceremony.joint_key.bytes()).c_str(), *threshold, *trustees,
              secrets->c_str());
  return 0;
}

int credentials(const Options& options) {
  const auto count = number_option(options, "count");
  const auto secrets = options.value("secrets");
  if (!count || !secrets) return usage_error(kUsage);
  const auto manifest = read_manifest(options.board);
  const auto seed = seed_option(options);
  if (!manifest || !seed) return 1;
  SeededRng rng(*seed);
  std::vector<Bytes32> listed;
  Json voters = Json::array();
  for (std::uint32_t i = 0; i < *count; ++i) {
    Bytes32 voter_seed;
    rng.fill(voter_seed);
    const VoterCredential credential = credential_from_seed(voter_seed);
    listed.push_back(credential.public_key);
    voters.push_back(
        Json{{"credential", to_hex(credential.public_key)}, {"seed", to_hex(voter_seed)}});
  }
  std::filesystem::create_directories(*secrets);
  if (!write_json_file(*secrets + "/credentials.json", voters) ||
      !write_json_file(options.board + "/credentials.json",
                       credentials_to_json(manifest->base_hash, listed))) {
    return 1;
  }
  std::printf("%u credentials listed; voters' seeds in %s/credentials.json\n", *count,
              secrets->c_str());
  return 0;
}

// --select city=p1,p3 --select district=s2 → {"city":["p1","p3"],"district":["s2"]}
std::optional<Json> selections_option(const Options& options) {
  Json selections = Json::object();
  const auto [first, last] = options.values.equal_range("select");
  for (auto it = first; it != last; ++it) {
    const std::string& text = it->second;
    const auto equals = text.find('=');
    if (equals == std::string::npos) return std::nullopt;
    Json chosen = Json::array();
    std::size_t start = equals + 1;
    while (start < text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      chosen.push_back(text.substr(start, comma - start));
      start = comma + 1;
    }
    selections[text.substr(0, equals)] = std::move(chosen);
  }
  return selections;
}

int encrypt(const Options& options) {
  const auto selections_json = selections_option(options);
  Bytes32 credential_seed;
  const auto credential_hex = options.value("credential");
  if (!selections_json || !credential_hex || !from_hex(*credential_hex, credential_seed)) {
    return usage_error(kUsage);
  }
  const auto manifest = read_manifest(options.board);
  const auto ceremony_record = read_ceremony(options.board);
  const auto seed = seed_option(options);
  if (!manifest || !ceremony_record || !seed) return 1;
  auto entries = read_entries(options.board, *manifest);
  if (!entries) return 1;
  auto selections = parse_selections(*manifest, *selections_json);
  if (!selections) return print_error("--select", selections.error()), 1;
  const Election election{*manifest, ceremony_record->joint_key};
  const std::string device = options.value("device").value_or("cli");
  const VoterCredential credential = credential_from_seed(credential_seed);
  const VoterHead voter = voter_head(manifest->base_hash, *entries, credential.public_key);
  const BallotMeta meta{device, options.value("time").value_or(utc_now()),
                        chain_head(manifest->base_hash, *entries, device), voter.sequence,
                        voter.previous};
  SeededRng rng(*seed);
  auto encrypted = encrypt_ballot(election, *selections, credential, meta, rng);
  if (!encrypted) return print_error("encrypt", encrypted.error()), 1;
  if (options.flag("spoil")) seal_ballot(encrypted.value().ballot, credential, Choice::spoil);
  BoardEntry entry{EntryStatus::cast, encrypted->ballot, std::nullopt};
  if (options.flag("spoil")) {
    auto opening = open_ballot(election, encrypted->ballot, encrypted->secret);
    if (!opening) return print_error("spoil", opening.error()), 1;
    entry.status = EntryStatus::spoiled;
    entry.opening = std::move(opening).value();
  }
  Bytes32& master_nonce = encrypted.value().secret.master_nonce;
  sodium_memzero(master_nonce.data(), master_nonce.size());
  entries->push_back(std::move(entry));
  apply_revote_rule(*entries);
  if (!write_entries(options.board, *manifest, *entries)) return 1;
  std::printf("%s %s\n", options.flag("spoil") ? "spoiled" : "cast",
              to_hex(encrypted->ballot.tracking_code).c_str());
  return 0;
}

int tally(const Options& options) {
  const auto jobs = jobs_option(options);
  const auto manifest = read_manifest(options.board);
  const auto ceremony_record = read_ceremony(options.board);
  if (!jobs || !manifest || !ceremony_record) return 1;
  const auto entries = read_entries(options.board, *manifest);
  if (!entries) return 1;
  const Election election{*manifest, ceremony_record->joint_key};
  std::vector<const Ballot*> cast;
  for (const BoardEntry& entry : *entries) {
    if (entry.status == EntryStatus::cast) cast.push_back(&entry.ballot);
  }
  std::vector<std::optional<Result<Unit>>> verified(cast.size());
  threaded_for_each(*jobs, "verifying ballots")(
      cast.size(), [&](std::size_t i) { verified[i] = verify_ballot(election, *cast[i]); });
  std::vector<const Ballot*> counted;
  std::size_t refused = 0;
  for (std::size_t i = 0; i < cast.size(); ++i) {
    if (verified[i]->ok()) {
      counted.push_back(cast[i]);
    } else {
      print_error("ballot " + to_hex(cast[i]->tracking_code), verified[i]->error());
      ++refused;
    }
  }
  const EncryptedTally sum =
      tally_ballots(*manifest, counted, threaded_for_each(*jobs, "summing ballots"));
  if (!write_json_file(options.board + "/tally.json", tally_to_json(manifest->base_hash, sum))) {
    return 1;
  }
  std::printf("tallied %llu ballots (%zu refused)\n", static_cast<unsigned long long>(sum.ballots),
              refused);
  return refused == 0 ? 0 : 1;
}

// A trustee on their own machine: the partial decryption with its proofs, to upload.
int decrypt_partial(const Election& election, const EncryptedTally& sum, const Options& options,
                    const std::string& out, Rng& rng) {
  if (options.values.count("trustee") != 1) return usage_error(kUsage);
  const std::string file = *options.value("trustee");
  const auto json = read_json_file(file);
  if (!json) return 1;
  auto secret = trustee_secret_from_json(*json);
  if (!secret) return print_error(file, secret.error()), 1;
  const PartialDecryption partial = partially_decrypt(election, sum, *secret, rng);
  if (!write_json_file(out, partial_decryption_to_json(election.manifest.base_hash, partial))) {
    return 1;
  }
  std::printf("partial decryption of trustee %u in %s\n", partial.trustee, out.c_str());
  return 0;
}

int decrypt(const Options& options) {
  const auto manifest = read_manifest(options.board);
  const auto ceremony_record = read_ceremony(options.board);
  const auto seed = seed_option(options);
  if (!manifest || !ceremony_record || !seed) return 1;
  const auto tally_json = read_json_file(options.board + "/tally.json");
  if (!tally_json) return 1;
  auto sum = tally_from_json(*tally_json);
  if (!sum) return print_error("tally.json (civic vote tally)", sum.error()), 1;
  const Election election{*manifest, ceremony_record->joint_key};
  SeededRng rng(*seed);
  if (const auto partial_file = options.value("partial")) {
    return decrypt_partial(election, *sum, options, *partial_file, rng);
  }
  DecryptionRecord record;
  const auto [first, last] = options.values.equal_range("trustee");
  for (auto it = first; it != last; ++it) {
    const auto json = read_json_file(it->second);
    if (!json) return 1;
    auto secret = trustee_secret_from_json(*json);
    if (!secret) return print_error(it->second, secret.error()), 1;
    record.partials.push_back(partially_decrypt(election, *sum, *secret, rng));
  }
  auto counts = decrypt_tally(election, *ceremony_record, *sum, record.partials);
  if (!counts) return print_error("decrypt", counts.error()), 1;
  record.counts = std::move(counts).value();
  if (!write_json_file(options.board + "/result.json", decryption_to_json(*manifest, record))) {
    return 1;
  }
  for (std::size_t c = 0; c < manifest->contests.size(); ++c) {
    std::printf("%s\n", manifest->contests[c].id.c_str());
    for (std::size_t o = 0; o < record.counts[c].size(); ++o) {
      std::printf("  %-12s %llu\n", manifest->contests[c].options[o].id.c_str(),
                  static_cast<unsigned long long>(record.counts[c][o]));
    }
  }
  return 0;
}

int verify(const Options& options) {
  const auto jobs = jobs_option(options);
  if (!jobs) return 1;
  const auto records = read_board(options.board);
  if (!records) {
    // Not one reading of the board: nothing else can be checked.
    std::printf("FAIL the board's files are not strict JSON: %s at \"%s\": %s\n",
                records.error().code.c_str(), records.error().path.c_str(),
                records.error().message.en.c_str());
    std::printf("BOARD DOES NOT VERIFY\n");
    return 1;
  }
  const BoardReport report = verify_board(*records, threaded_for_each(*jobs, "verifying ballots"));
  for (const CheckOutcome& check : report.checks) {
    std::printf("%s %2d. %s (%zu checked)\n", check.passed() ? "PASS" : "FAIL", check.number,
                check.title.c_str(), check.checked);
    if (check.first_failure) {
      std::printf("          %zu failed; first: %s at \"%s\": %s\n", check.failures,
                  check.first_failure->code.c_str(), check.first_failure->path.c_str(),
                  check.first_failure->message.en.c_str());
    }
  }
  std::printf("%s\n", report.passed() ? "board verified" : "BOARD DOES NOT VERIFY");
  return report.passed() ? 0 : 1;
}

}  // namespace

int vote_command(const Args& args) {
  if (sodium_init() < 0) return 1;
  const auto options = parse_options(args);
  if (!options) return usage_error(kUsage);
  const std::string& action = args[0];
  if (action == "create") return create(*options);
  if (action == "ceremony") return ceremony(*options);
  if (action == "credentials") return credentials(*options);
  if (action == "encrypt") return encrypt(*options);
  if (action == "tally") return tally(*options);
  if (action == "decrypt") return decrypt(*options);
  if (action == "verify") return verify(*options);
  int status = 2;
  if (action == "eligible") {
    status = vote_eligible(options->board, options->value("key"), options->value("out"));
  } else if (action == "register") {
    status = vote_register(options->board, options->value("eligible"), options->value("server-key"),
                           options->value("out"));
  }
  return status == 2 ? usage_error(kUsage) : status;
}

}  // namespace civic::cli
