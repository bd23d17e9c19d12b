// voter_session.hpp — a voter's way in: one-time code, location, then a voting session.
//
//   code    eligible (on the register, and the profile's policy pb_voter holds on the
//           election day) → a 6-digit code via the SMS gateway; at most kMaxCodes codes per
//           personal number and per phone in kRateWindowSeconds.
//   session the code (single use, kCodeSeconds to live, kMaxAttempts tries) and a location
//           inside the municipality → a bearer token for kSessionSeconds, and the voter's
//           credential seed unsealed for this session only.
#pragma once

#include <cstdint>

namespace civic::server::elections {

inline constexpr std::int64_t kCodeSeconds = 300;
inline constexpr std::int64_t kRateWindowSeconds = 900;
inline constexpr int kMaxCodes = 3;
inline constexpr std::int64_t kMaxAttempts = 5;
inline constexpr std::int64_t kSessionSeconds = 1800;

}  // namespace civic::server::elections
