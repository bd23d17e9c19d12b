// profile_store.hpp — the profile the server validates with and publishes.
//
// At start the profile folder is copied into DATA/profile (the working copy), the register
// CSVs imported by operators are written over it, and the copy is assembled (civic_io's
// read_profile_dir) into the bundle; the server's public keys are added as "keys" and the
// bundle is loaded with profile::load. A register import writes one CSV into the working
// copy and assembles again; the old profile stays in use until the new one has loaded.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "civic/profile.hpp"
#include "keys.hpp"

namespace civic::server {

struct PublishedProfile {
  std::shared_ptr<const profile::Profile> profile;
  std::string bundle_text;  // what GET /api/v1/profile sends
  std::string etag;         // "\"<hash>\""
};

class ProfileStore {
 public:
  // Throws std::runtime_error with every error when the profile does not load.
  ProfileStore(const std::filesystem::path& source, const std::filesystem::path& data_dir,
               const Keys& keys,
               const std::vector<std::pair<std::string, std::string>>& imported_registers);

  std::shared_ptr<const PublishedProfile> current() const;

  // Puts `csv` in as the register of `district` and reloads; on failure nothing changes
  // and the errors are returned.
  std::vector<Error> replace_register(const std::string& district, const std::string& csv);

  // Makes the working copy's registers equal `stored` (district, CSV) — registers imported
  // through another replica — and reloads if one changed; on failure nothing changes and
  // the errors are returned.
  std::vector<Error> sync_registers(const std::vector<std::pair<std::string, std::string>>& stored);

 private:
  std::vector<Error> reload();

  std::filesystem::path work_;
  profile::Json keys_;
  std::mutex import_mutex_;  // one register import at a time
  mutable std::mutex mutex_;
  std::shared_ptr<const PublishedProfile> current_;
};

}  // namespace civic::server
