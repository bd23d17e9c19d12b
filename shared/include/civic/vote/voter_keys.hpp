// civic/vote/voter_keys.hpp — naming a voter without their personal number.
//
// The eligibility register (docs/vote-server.md) lists voters by a keyed hash of their
// personal number; the key is the municipality's secret, shared by the register's import
// command and civic-server, so a leaked register does not give the numbers back (without the
// key, 10-digit numbers cannot be tried one by one). Phones are named the same way for the
// rate limits of one-time codes.
//   voter_hash(key, number) = hex(BLAKE2b-256(key = key, "civic/vote/voter/v1" 0x00 number))
//   phone_hash(key, phone)  = hex(BLAKE2b-256(key = key, "civic/vote/phone/v1" 0x00 phone))
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "civic/vote/group.hpp"

namespace civic::vote {

std::string voter_hash(const Bytes32& key, std::string_view personal_number);
std::string phone_hash(const Bytes32& key, std::string_view normalised_phone);

// A Bulgarian or international mobile number in one form: "0888 123 456", "+359888123456"
// and "00359888123456" all give "+359888123456" (E.164: 10 to 15 digits with the country
// code). nullopt for anything else.
std::optional<std::string> normalise_phone(std::string_view phone);

// Whether `text` is a personal number's shape: exactly 10 ASCII digits (EGN or LNCh).
bool is_personal_number(std::string_view text);

}  // namespace civic::vote
