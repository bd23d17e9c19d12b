// Fuzz target: any JSON as a form definition. Loading must refuse or give a form; a loaded form
// must validate empty answers and serialise its report.
#include <cstddef>
#include <cstdint>

#include "civic/forms.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto definition = civic::fuzz::parse(data, size);
  if (!definition) return 0;
  const civic::forms::Loaded loaded = civic::forms::load(*definition);
  civic::fuzz::require((loaded.form != nullptr) == loaded.errors.empty(),
                       "a form load gave both or neither a form and errors");
  if (!loaded.form) return 0;
  const civic::forms::Context context{civic::Date{2026, 11, 25}, {}};
  const auto report = civic::forms::validate(*loaded.form, civic::fuzz::Json::object(), context);
  (void)civic::api::dump(civic::forms::to_json(*loaded.form, report));
  return 0;
}
