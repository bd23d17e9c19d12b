// Fuzz target: any JSON as a district register (or a list of them); a loaded register must
// answer address validation and suggestions over a fixed address and query.
#include <cstddef>
#include <cstdint>

#include "civic/address.hpp"
#include "fuzz_input.hpp"

namespace {

const civic::address::Address& fixed_address() {
  static const civic::address::Address kAddress =
      civic::address::address_from_json(civic::fuzz::Json{{"district", "sredets"},
                                                          {"settlement", "68134"},
                                                          {"street", "бул. Витоша"},
                                                          {"number", "12А"},
                                                          {"postal_code", "1000"}})
          .value();
  return kAddress;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto json = civic::fuzz::parse(data, size);
  if (!json) return 0;
  const auto reg = civic::address::load_register(*json);
  if (!reg) return 0;
  (void)civic::address::validate(fixed_address(), *reg);
  civic::address::SuggestQuery query;
  query.text = "vitosha 1";
  query.district = "sredets";
  (void)civic::address::suggest(query, *reg);
  for (const auto& district : reg->districts)
    (void)civic::api::dump(civic::address::to_json(district));
  return 0;
}
