// upload_policy.hpp — what civic-server accepts as an upload, from the published profile,
// and who holds it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "civic/profile.hpp"
#include "keys.hpp"

namespace civic::server {

// Days an upload may wait unattached to a submission before the sweep deletes it.
inline constexpr int kUnattachedUploadDays = 7;

// What the profile's `file` fields (every form) allow: an upload is at most the largest
// max_size, and its bytes are of a media type some field accepts.
struct UploadPolicy {
  std::int64_t max_size = 0;             // 0: the profile takes no files
  std::vector<std::string> media_types;  // lower case, each once
  bool accepts(std::string_view media_type) const;
};
UploadPolicy upload_policy(const profile::Profile& profile);

// The uploader, as stored: a keyed BLAKE2b of the client's address (an IPv6 client's /64),
// so the cap on unattached uploads counts per client without keeping addresses.
std::string client_tag(const Keys& keys, const std::string& remote_addr);

}  // namespace civic::server
