// A bundle's registers set aside unread (profile::load_text): the text of each district's
// register kept as it is, so that the profile loads without reading the largest part of its
// bundle, and a district's register is read when it is first needed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace civic::profile {

struct RegistersAside {
  // The bundle's text with each register set aside replaced by {"district":ID}: what the
  // loader reads (it needs no more of a register to check the districts and their liveness).
  std::string rest;
  // Per item of the bundle's "register" array: its text, or nullopt for an item left in
  // `rest` (one not an object with a single plain "district" string).
  std::vector<std::optional<std::string>> registers;
};

// Finds the items of the top-level "register" array by their brackets and quotes alone (the
// text set aside is not checked: that happens when it is read). Nullopt when there is nothing
// to set aside, or the text is not shaped for it (no object, a name with escapes, "register"
// twice): the caller then reads the whole text.
std::optional<RegistersAside> set_registers_aside(std::string_view text);

}  // namespace civic::profile
