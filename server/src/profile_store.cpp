#include "profile_store.hpp"

#include <fstream>
#include <optional>
#include <stdexcept>

#include "civic/api.hpp"
#include "civic/io/profile_dir.hpp"
#include "random.hpp"

namespace civic::server {

namespace {

namespace fs = std::filesystem;

fs::path register_file(const fs::path& work, const std::string& district) {
  return work / "register" / (district + ".csv");
}

void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

// The file's text, or nullopt when it does not exist.
std::optional<std::string> read_file(const fs::path& file) {
  if (!fs::exists(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes `text` to `file`, or removes it when `text` is nullopt.
void restore_file(const fs::path& file, const std::optional<std::string>& text) {
  if (text) {
    write_file(file, *text);
  } else {
    fs::remove(file);
  }
}

}  // namespace

ProfileStore::ProfileStore(const fs::path& source, const fs::path& data_dir, const Keys& keys,
                           const std::vector<std::pair<std::string, std::string>>& imported)
    : work_(data_dir / "profile"),
      keys_{
          {"envelope", envelope::to_hex(keys.envelope_public.data(), keys.envelope_public.size())},
          {"receipt", envelope::to_hex(keys.receipt_public.data(), keys.receipt_public.size())}} {
  fs::remove_all(work_);
  fs::create_directories(work_);
  fs::copy(source, work_, fs::copy_options::recursive);
  fs::create_directories(work_ / "register");
  for (const auto& [district, csv] : imported) write_file(register_file(work_, district), csv);
  const auto errors = reload();
  if (!errors.empty()) {
    std::string text = "the profile " + source.string() + " does not load:";
    for (const auto& error : errors)
      text += "\n  " + error.code + " " + error.path + ": " + error.message.en;
    throw std::runtime_error(text);
  }
}

std::shared_ptr<const PublishedProfile> ProfileStore::current() const {
  const std::lock_guard lock(mutex_);
  return current_;
}

std::vector<Error> ProfileStore::replace_register(const std::string& district,
                                                  const std::string& csv) {
  const std::lock_guard lock(import_mutex_);
  const fs::path file = register_file(work_, district);
  const auto previous = read_file(file);
  write_file(file, csv);
  auto errors = reload();
  if (!errors.empty()) restore_file(file, previous);
  return errors;
}

std::vector<Error> ProfileStore::sync_registers(
    const std::vector<std::pair<std::string, std::string>>& stored) {
  const std::lock_guard lock(import_mutex_);
  std::vector<std::pair<fs::path, std::optional<std::string>>> replaced;
  for (const auto& [district, csv] : stored) {
    const fs::path file = register_file(work_, district);
    auto previous = read_file(file);
    if (previous == csv) continue;
    write_file(file, csv);
    replaced.emplace_back(file, std::move(previous));
  }
  if (replaced.empty()) return {};
  auto errors = reload();
  if (!errors.empty()) {
    for (const auto& [file, previous] : replaced) restore_file(file, previous);
  }
  return errors;
}

std::vector<Error> ProfileStore::reload() {
  auto bundle = io::read_profile_dir(work_);
  if (!bundle) return {bundle.error()};
  profile::Json published = *bundle;
  published["keys"] = keys_;
  auto loaded = profile::load(published);
  if (!loaded.profile) return loaded.errors;
  auto next = std::make_shared<PublishedProfile>();
  next->profile = loaded.profile;
  next->bundle_text = api::dump(published);
  next->etag = std::string(1, '"').append(hash_hex(next->bundle_text), 0, 32).append(1, '"');
  const std::lock_guard lock(mutex_);
  current_ = std::move(next);
  return {};
}

}  // namespace civic::server
