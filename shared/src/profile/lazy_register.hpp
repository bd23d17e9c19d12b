// The profile's address register, each district's part read when it is first needed
// (internal to the profile module).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civic/address.hpp"

namespace civic::profile {

// A part added as text (profile::load_text sets the registers aside) is parsed and read on the
// first call that needs it, once, safely from several threads at once; a part added read
// (profile::load) is there from the start. Either way every answer is the same.
class LazyRegister {
 public:
  // A district's register, read at load.
  void add(address::DistrictRegister district);
  // A district's register as its bundle text (one object, civic/address.hpp JSON form), read
  // on first use; `index` is its place in the bundle's "register" array (for its errors' paths).
  void add_text(std::string id, std::string text, size_t index);

  // Whether a register of `district` was added (read or not).
  bool has(std::string_view district) const;

  // Every part read: what suggestions and the public Profile::address_register() search.
  const address::Register& whole() const;

  // address::validate(address, register) with only the address's district read. A district
  // whose register text cannot be read gives profile.register_damaged instead (a bundle
  // loaded by profile::load has no such district: it refuses the register).
  std::vector<Error> validate(const address::Address& address) const;

  // Puts each part added as text back into the bundle's "register" array, at its index.
  void put_back(nlohmann::ordered_json& registers) const;

 private:
  struct Aside {
    std::string text;
    size_t index;
    std::once_flag once;
    std::optional<Error> damage;
  };
  void read(size_t part) const;

  // Only the parts' contents are written after load, each once, never a district's id.
  mutable address::Register register_;
  std::vector<std::unique_ptr<Aside>> aside_;  // per part; null for a part read at load
};

}  // namespace civic::profile
