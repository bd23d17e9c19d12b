#include "files/upload_policy.hpp"

#include <sodium.h>

#include <algorithm>

#include "auth.hpp"
#include "civic/envelope.hpp"

namespace civic::server {

bool UploadPolicy::accepts(std::string_view media_type) const {
  return !media_type.empty() &&
         std::find(media_types.begin(), media_types.end(), media_type) != media_types.end();
}

UploadPolicy upload_policy(const profile::Profile& profile) {
  UploadPolicy policy;
  for (const auto& form : profile.forms()) {
    for (const forms::FileField& field : forms::file_fields(*form)) {
      policy.max_size = std::max(policy.max_size, field.max_size);
      for (const std::string& type : field.accept) {
        if (!policy.accepts(type)) policy.media_types.push_back(type);
      }
    }
  }
  return policy;
}

std::string client_tag(const Keys& keys, const std::string& remote_addr) {
  static constexpr std::string_view kContext = "civic-server/upload-client/1";
  std::array<unsigned char, 32> key{};
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size(),
                     keys.receipt_seed.data(), keys.receipt_seed.size());
  const std::string client = client_key(remote_addr);
  std::array<unsigned char, 16> tag{};
  crypto_generichash(tag.data(), tag.size(), reinterpret_cast<const unsigned char*>(client.data()),
                     client.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return envelope::to_hex(tag.data(), tag.size());
}

}  // namespace civic::server
